package redisstore

import (
	"context"
	"math"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
)

// gcra is the generic cell rate algorithm, done atomically in Redis on Redis's own
// clock (so that the instances' clocks do not matter). KEYS[1] holds the user's
// theoretical arrival time in microseconds, KEYS[2] says the user has been told to slow
// down in this burst; ARGV[1] is the emission interval in microseconds (one question
// every so long), ARGV[2] the burst. It returns 0 to allow, 1 to refuse with a warning
// (the first refusal until the bucket is full again), 2 to refuse silently. Both keys
// expire once the bucket is full again, so nothing outlives an idle user.
var gcra = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local new = tat + interval
if new - now <= tolerance then
  redis.call('SET', KEYS[1], string.format('%d', new), 'PX', math.ceil((new - now) / 1000) + 1)
  return 0
end
if redis.call('SET', KEYS[2], 1, 'NX', 'PX', math.ceil((tat - now) / 1000) + 1) then
  return 1
end
return 2
`)

// Limiter keeps one rate-limit bucket per user in Redis for every instance that shares
// it, with the semantics of adapters.UserLimiter: perMinute questions a minute,
// sustained, burst at once, and one warning per burst. While Redis is unreachable, the
// local limiter decides: each instance then allows the rate on its own.
type Limiter struct {
	s        *Store
	interval int64 // microseconds between two questions, sustained
	burst    int
	local    adapters.Limiter
}

// Limiter returns the shared limiter; local decides while Redis is down.
func (s *Store) Limiter(perMinute float64, burst int, local adapters.Limiter) *Limiter {
	iv := int64(math.Round(float64(time.Minute/time.Microsecond) / perMinute))
	return &Limiter{s: s, interval: max(iv, 1), burst: max(burst, 1), local: local}
}

// Limit takes one question from the user's shared bucket.
func (l *Limiter) Limit(ctx context.Context, platform, user string) adapters.Decision {
	var res int64
	key := l.s.prefix + "rate:" + platform + ":" + user
	ok := l.s.call(ctx, opLimit, func(ctx context.Context) error {
		var err error
		res, err = gcra.Run(ctx, l.s.client, []string{key, key + ":warned"}, l.interval, l.burst).Int64()
		return err
	})
	if !ok {
		return l.local.Limit(ctx, platform, user)
	}
	switch res {
	case 0:
		return adapters.Allow
	case 1:
		return adapters.Warn
	}
	return adapters.Drop
}
