// Package redisstore keeps the state several instances of the bot share in Redis: the
// Slack event ids already claimed (Events), each user's rate-limit bucket (Limiter),
// each conversation's context (Conversations) and the replies acknowledged but not yet
// delivered (Pending).
// When Redis cannot be reached, each falls back to the local state it was given (the
// in-memory stores of one instance), logs that once, counts every fallback, and goes
// back to Redis by itself once Redis answers again.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
)

// Defaults of Options.
const (
	DefaultPrefix     = "borderbot:"
	DefaultOpTimeout  = 500 * time.Millisecond
	DefaultProbeEvery = time.Second
)

// Options tunes a Store; every field is optional.
type Options struct {
	// Prefix starts every key the store writes; "" means DefaultPrefix.
	Prefix string
	// OpTimeout bounds one call to Redis on an event's path; beyond it the call
	// counts as a failure and the local state answers. Zero means DefaultOpTimeout.
	OpTimeout time.Duration
	// ProbeEvery is how often Watch pings Redis; zero means DefaultProbeEvery.
	ProbeEvery time.Duration
	// Logger gets one line when Redis becomes unreachable and one when it is back.
	Logger *slog.Logger
	// Registerer, if set, gets bot_store_up and bot_store_fallbacks_total.
	Registerer prometheus.Registerer
}

// Store is a connection to the Redis that several instances share, with what it knows
// of Redis's health. It is safe for concurrent use.
type Store struct {
	client  *redis.Client
	prefix  string
	timeout time.Duration
	every   time.Duration
	log     *slog.Logger

	up        prometheus.Gauge
	fallbacks *prometheus.CounterVec

	mu      sync.Mutex
	healthy bool  // the last call to Redis succeeded
	reached bool  // Redis has answered at least once
	lastErr error // why Redis is not healthy
}

// Operations, as bot_store_fallbacks_total labels them.
const (
	opClaim        = "claim"
	opLimit        = "limit"
	opConversation = "conversation"
	opPending      = "pending"
)

// Open parses url as go-redis does (redis://[user:password@]host:port/db, rediss:// for
// TLS, with options such as dial_timeout in the query) and returns a Store that has not
// yet talked to Redis: call Ping, then Watch.
func Open(url string, opts Options) (*Store, error) {
	ro, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("redis url: %w", err)
	}
	if opts.Prefix == "" {
		opts.Prefix = DefaultPrefix
	}
	if opts.OpTimeout <= 0 {
		opts.OpTimeout = DefaultOpTimeout
	}
	if opts.ProbeEvery <= 0 {
		opts.ProbeEvery = DefaultProbeEvery
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	// Fail fast: an event waits for at most OpTimeout, and the watcher does the retrying.
	ro.MaxRetries = -1
	if ro.DialTimeout == 0 || ro.DialTimeout > opts.OpTimeout*4 {
		ro.DialTimeout = opts.OpTimeout * 4
	}
	s := &Store{client: redis.NewClient(ro), prefix: opts.Prefix, timeout: opts.OpTimeout, every: opts.ProbeEvery,
		log: opts.Logger.With("store", "redis", "redis_addr", ro.Addr),
		up: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "bot_store_up", Help: "1 while the shared Redis store answers, 0 while the bot answers from this instance's own state.",
		}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_store_fallbacks_total", Help: "Operations answered from this instance's own state because Redis could not be reached, by operation (claim, limit, conversation, pending).",
		}, []string{"op"}),
		lastErr: errors.New("not reached yet"),
	}
	s.fallbacks.WithLabelValues(opClaim)
	s.fallbacks.WithLabelValues(opLimit)
	s.fallbacks.WithLabelValues(opConversation)
	s.fallbacks.WithLabelValues(opPending)
	if opts.Registerer != nil {
		if err := opts.Registerer.Register(s.up); err != nil {
			return nil, err
		}
		if err := opts.Registerer.Register(s.fallbacks); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Close closes the connections to Redis.
func (s *Store) Close() error { return s.client.Close() }

// Ping asks Redis whether it answers, within ctx, and records the answer.
func (s *Store) Ping(ctx context.Context) error {
	err := s.client.Ping(ctx).Err()
	if err != nil {
		s.failed(err)
		return fmt.Errorf("redis ping: %w", err)
	}
	s.succeeded()
	return nil
}

// Watch pings Redis every ProbeEvery until ctx ends, so that the store finds Redis again
// by itself after an outage while events are answered from local state.
func (s *Store) Watch(ctx context.Context) {
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, s.timeout*4)
			_ = s.Ping(pctx)
			cancel()
		}
	}
}

// Healthy reports whether the last call to Redis succeeded.
func (s *Store) Healthy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.healthy
}

// Reached reports whether Redis has answered at least once since Open.
func (s *Store) Reached() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reached
}

// Status says, in a few words for /readyz, how the store is: "" while Redis answers.
func (s *Store) Status() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.healthy {
		return ""
	}
	return "redis unreachable, answering from this instance's own state: " + s.lastErr.Error()
}

// failed records a failed call: the first failure after a success is logged.
func (s *Store) failed(err error) {
	s.mu.Lock()
	was := s.healthy
	s.healthy = false
	s.lastErr = err
	s.mu.Unlock()
	s.up.Set(0)
	if was {
		s.log.Error("redis unreachable: de-duplication is per instance (at least once), and rate limits, conversations and pending replies are local, until it answers again", "error", err.Error())
	}
}

// succeeded records a successful call: the first success after a failure is logged.
func (s *Store) succeeded() {
	s.mu.Lock()
	was, first := s.healthy, !s.reached
	s.healthy, s.reached, s.lastErr = true, true, nil
	s.mu.Unlock()
	s.up.Set(1)
	switch {
	case first:
		s.log.Info("redis reached: event de-duplication, rate limits, conversations and pending replies are shared")
	case !was:
		s.log.Warn("redis answers again: event de-duplication, rate limits, conversations and pending replies are shared again")
	}
}

// call runs one operation on Redis within OpTimeout, unless Redis is known to be down,
// and records how it went; false means the caller must answer from local state.
func (s *Store) call(ctx context.Context, op string, f func(ctx context.Context) error) bool {
	return s.run(ctx, op, f, false)
}

// callTwice is call for an operation that is safe to run twice: a first failure is
// retried once, on a fresh connection, before Redis counts as down. A connection that
// broke under one call (Redis restarted, a proxy dropped it) then costs nothing, where
// otherwise it would send every event to local state until the next probe.
func (s *Store) callTwice(ctx context.Context, op string, f func(ctx context.Context) error) bool {
	return s.run(ctx, op, f, true)
}

// run is call, and callTwice when again is set: f once or twice within OpTimeout each, the
// outcome recorded in the store's health and its fallback counts.
func (s *Store) run(ctx context.Context, op string, f func(ctx context.Context) error, again bool) bool {
	if !s.Healthy() {
		s.fallbacks.WithLabelValues(op).Inc()
		return false
	}
	err := s.once(ctx, f)
	if err != nil && again && ctx.Err() == nil {
		err = s.once(ctx, f)
	}
	if err != nil {
		if ctx.Err() == nil { // the event's own context ending says nothing of Redis
			s.failed(fmt.Errorf("%s: %w", op, err))
		}
		s.fallbacks.WithLabelValues(op).Inc()
		return false
	}
	return true
}

// once runs f within OpTimeout.
func (s *Store) once(ctx context.Context, f func(ctx context.Context) error) error {
	callCtx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return f(callCtx)
}
