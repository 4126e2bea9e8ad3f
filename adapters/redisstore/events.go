package redisstore

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// Claimer remembers event ids; it is the Slack adapter's EventStore, as this package
// uses it: the local store a Redis outage falls back to.
type Claimer interface {
	Claim(ctx context.Context, id string) (first bool, err error)
}

// Events claims event ids in Redis, so that of several instances the first to claim an
// id answers it, whichever instance a retry reaches: SET prefix+"event:"+id NX with an
// expiry. While Redis is unreachable, ids are claimed in local instead: each instance
// then answers an event once, but two instances may both answer it (at least once).
type Events struct {
	s     *Store
	ttl   time.Duration
	local Claimer
}

// Events returns the event store; ttl is how long an id is remembered (it must cover
// Slack's retries: some five minutes), local the store used while Redis is down.
func (s *Store) Events(ttl time.Duration, local Claimer) *Events {
	return &Events{s: s, ttl: ttl, local: local}
}

// Claim records id and reports whether this is its first claim within the TTL, across
// every instance that shares the Redis.
func (e *Events) Claim(ctx context.Context, id string) (bool, error) {
	var first bool
	ok := e.s.call(ctx, opClaim, func(ctx context.Context) error {
		err := e.s.client.SetArgs(ctx, e.s.prefix+"event:"+id, 1, redis.SetArgs{Mode: "NX", TTL: e.ttl}).Err()
		switch err {
		case nil:
			first = true
			return nil
		case redis.Nil: // NX: the id was there already
			first = false
			return nil
		}
		return err
	})
	if ok {
		// Keep the local store in step, so that a Redis outage later still finds the
		// ids this instance answered.
		if first {
			_, _ = e.local.Claim(ctx, id)
		}
		return first, nil
	}
	return e.local.Claim(ctx, id)
}
