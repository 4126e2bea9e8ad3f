// Package adapters holds what the platform adapters share: the lifecycle every event
// goes through (Event, Lifecycle.Handle), per-user rate limiting, the metrics every
// adapter reports, the store of conversations (ConversationStore, Conversations), and
// the tidying of text once an adapter has removed its markup.
package adapters

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Decision is what a rate limit says of one question.
type Decision int

const (
	// Allow lets the question be answered.
	Allow Decision = iota
	// Warn refuses it, and the user is told once to slow down.
	Warn
	// Drop refuses it silently: the user has been told already.
	Drop
)

// String names the decision, for logs.
func (d Decision) String() string {
	switch d {
	case Allow:
		return "allow"
	case Warn:
		return "warn"
	default:
		return "drop"
	}
}

// SlowDown is the one reply a user over the rate limit gets.
const SlowDown = "You're asking faster than I can keep up with. Please wait a moment, then ask again."

// UserLimiter limits how often each platform user may ask; each user has a bucket of
// their own, so one busy user never slows another. It is safe for concurrent use.
type UserLimiter struct {
	limit rate.Limit
	burst int
	now   func() time.Time

	mu    sync.Mutex
	users map[string]*userBucket
	calls int
}

type userBucket struct {
	lim    *rate.Limiter
	warned bool
	seen   time.Time
}

// idleAfter is how long a full, unused bucket is kept before it is forgotten.
const idleAfter = 10 * time.Minute

// NewUserLimiter allows each user perMinute questions a minute, sustained, and burst at
// once. now may be nil for the wall clock.
func NewUserLimiter(perMinute float64, burst int, now func() time.Time) *UserLimiter {
	if now == nil {
		now = time.Now
	}
	return &UserLimiter{limit: rate.Limit(perMinute / 60), burst: burst, now: now, users: map[string]*userBucket{}}
}

// Check takes one question from the user's bucket. Over the limit, the first refusal is
// Warn and later ones Drop: a user is told to slow down once per burst, not again each
// time one token has come back, only once the bucket has filled up again.
func (l *UserLimiter) Check(platform, user string) Decision {
	now := l.now()
	key := platform + "\x00" + user
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.calls%1024 == 0 {
		l.forgetIdle(now)
	}
	b, ok := l.users[key]
	if !ok {
		b = &userBucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.users[key] = b
	}
	b.seen = now
	if b.lim.TokensAt(now) >= float64(l.burst) {
		b.warned = false // a full bucket: a new burst begins
	}
	if b.lim.AllowN(now, 1) {
		return Allow
	}
	if !b.warned {
		b.warned = true
		return Warn
	}
	return Drop
}

// Limit is Check, as the Limiter the lifecycle's RateLimit hook uses.
func (l *UserLimiter) Limit(_ context.Context, platform, user string) Decision {
	return l.Check(platform, user)
}

// forgetIdle drops the buckets of users who have not asked for a while and whose
// bucket has refilled, so memory stays bounded by the number of active users.
func (l *UserLimiter) forgetIdle(now time.Time) {
	for k, b := range l.users {
		if now.Sub(b.seen) > idleAfter && b.lim.TokensAt(now) >= float64(l.burst) {
			delete(l.users, k)
		}
	}
}

// Users reports how many users' buckets are held.
func (l *UserLimiter) Users() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.users)
}
