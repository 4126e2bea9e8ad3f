package redisstore

import (
	"context"
	"crypto/rand"
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
//
// The claim writes a token of its own (SET NX GET), so that it can be retried: when the
// first try reached Redis but its reply was lost, the retry finds its own token and is
// still the first claim, not a duplicate of itself.
func (e *Events) Claim(ctx context.Context, id string) (bool, error) {
	var first bool
	token := rand.Text()
	ok := e.s.callTwice(ctx, opClaim, func(ctx context.Context) error {
		old, err := e.s.client.SetArgs(ctx, e.s.prefix+"event:"+id, token, redis.SetArgs{Mode: "NX", TTL: e.ttl, Get: true}).Result()
		switch err {
		case redis.Nil: // the id was not there: this claim set it
			first = true
			return nil
		case nil: // the id was there: claimed first only if by this claim's first try
			first = old == token
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
