package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/internal/testkit"
)

// The Redis stores stand in for the in-memory ones.
var (
	_ slack.EventStore = (*redisstore.Events)(nil)
	_ adapters.Limiter = (*redisstore.Limiter)(nil)
)

// prefix gives each test keys of its own on a Redis other tests share.
func prefix(t *testing.T) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "test:" + t.Name() + ":" + hex.EncodeToString(b) + ":"
}

// instance is what one bot instance holds: its own Store, on the shared Redis.
func instance(t *testing.T, url, prefix string, opts redisstore.Options) *redisstore.Store {
	t.Helper()
	opts.Prefix = prefix
	s, err := redisstore.Open(url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOpenRejectsABadURL(t *testing.T) {
	for _, u := range []string{"http://localhost:6379", "redis://h:1/notadb", "::"} {
		if _, err := redisstore.Open(u, redisstore.Options{}); err == nil {
			t.Errorf("Open(%q): no error", u)
		}
	}
	if _, err := redisstore.Open("rediss://:secret@example.com:6380/2", redisstore.Options{}); err != nil {
		t.Errorf("a TLS URL with a password: %v", err)
	}
}

// Two instances claim the same 200 event ids at the same time: each id is answered by
// exactly one of them.
func TestEventsClaimOnceAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	a := instance(t, url, p, redisstore.Options{}).Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))
	b := instance(t, url, p, redisstore.Options{}).Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))
	const n = 200
	var mu sync.Mutex
	firsts := map[string]int{}
	var wg sync.WaitGroup
	for _, st := range []*redisstore.Events{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				id := fmt.Sprintf("Ev%04d", i)
				first, err := st.Claim(context.Background(), id)
				if err != nil {
					t.Error(err)
					return
				}
				if first {
					mu.Lock()
					firsts[id]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(firsts) != n {
		t.Errorf("%d of %d ids were claimed first by someone", len(firsts), n)
	}
	for id, c := range firsts {
		if c != 1 {
			t.Errorf("%s: claimed first %d times", id, c)
		}
	}
}

func TestEventsExpire(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	ev := instance(t, url, p, redisstore.Options{}).Events(300*time.Millisecond, slack.NewMemoryEvents(300*time.Millisecond, 0, nil))
	ctx := context.Background()
	for i, want := range []bool{true, false} {
		if first, err := ev.Claim(ctx, "Ev1"); err != nil || first != want {
			t.Fatalf("claim %d: first %v, %v; want %v", i, first, err, want)
		}
	}
	time.Sleep(400 * time.Millisecond)
	if first, err := ev.Claim(ctx, "Ev1"); err != nil || !first {
		t.Fatalf("after the TTL: first %v, %v; want a new first claim", first, err)
	}
}

// One user's questions, spread over two instances, draw on one bucket.
func TestLimiterSharedAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	local := func() adapters.Limiter { return adapters.NewUserLimiter(60, 5, nil) }
	a := instance(t, url, p, redisstore.Options{}).Limiter(60, 5, local())
	b := instance(t, url, p, redisstore.Options{}).Limiter(60, 5, local())
	ctx := context.Background()
	var got []string
	for i := range 10 {
		l := a
		if i%2 == 1 {
			l = b
		}
		got = append(got, l.Limit(ctx, "slack", "U1").String())
	}
	want := "allow allow allow allow allow warn drop drop drop drop"
	if strings.Join(got, " ") != want {
		t.Errorf("decisions across two instances:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if d := b.Limit(ctx, "slack", "U2"); d != adapters.Allow {
		t.Errorf("another user: %v, want allow", d)
	}
	if d := a.Limit(ctx, "discord", "U1"); d != adapters.Allow {
		t.Errorf("the same id on another platform: %v, want allow", d)
	}
}

// The bucket refills at the sustained rate, and a full bucket starts a new burst with a
// warning of its own.
func TestLimiterRefills(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	l := instance(t, url, p, redisstore.Options{}).Limiter(600, 2, adapters.NewUserLimiter(600, 2, nil)) // one every 100 ms
	ctx := context.Background()
	seq := func() string {
		var s []string
		for range 4 {
			s = append(s, l.Limit(ctx, "slack", "U1").String())
		}
		return strings.Join(s, " ")
	}
	if got := seq(); got != "allow allow warn drop" {
		t.Fatalf("first burst: %s", got)
	}
	time.Sleep(120 * time.Millisecond)
	if d := l.Limit(ctx, "slack", "U1"); d != adapters.Allow {
		t.Fatalf("after one interval: %v, want allow", d)
	}
	time.Sleep(300 * time.Millisecond)
	if got := seq(); got != "allow allow warn drop" {
		t.Fatalf("once the bucket is full again: %s", got)
	}
}

// Redis stops mid-flight: the bot keeps claiming and limiting from local state, logs it
// once, counts it, says so in its status, and goes back to Redis once Redis is back.
func TestDegradesWhileRedisIsDown(t *testing.T) {
	srv := testkit.StartRedis(t)
	var logs testkit.LogBuffer
	reg := prometheus.NewRegistry()
	p := prefix(t)
	s := instance(t, srv.URL(), p, redisstore.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		Registerer: reg, ProbeEvery: 50 * time.Millisecond, OpTimeout: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	ev := s.Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))
	lim := s.Limiter(60, 2, adapters.NewUserLimiter(60, 2, nil))
	other := instance(t, srv.URL(), p, redisstore.Options{}).Events(10*time.Minute, slack.NewMemoryEvents(0, 0, nil))

	if first, _ := ev.Claim(ctx, "before"); !first {
		t.Fatal("first claim refused")
	}
	srv.Stop()
	start := time.Now()
	for i, want := range []bool{true, false, false} { // "before" was kept locally as well
		id := "during"
		if i == 2 {
			id = "before"
		}
		first, err := ev.Claim(ctx, id)
		if err != nil || first != want {
			t.Fatalf("claim %q while Redis is down: first %v, %v; want %v", id, first, err, want)
		}
	}
	var ds []string
	for range 4 {
		ds = append(ds, lim.Limit(ctx, "slack", "U1").String())
	}
	if got := strings.Join(ds, " "); got != "allow allow warn drop" {
		t.Errorf("the local limiter while Redis is down: %s", got)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("seven operations took %v while Redis was down: each should give up quickly", took)
	}
	if s.Healthy() || s.Status() == "" {
		t.Errorf("healthy %v, status %q while Redis is down", s.Healthy(), s.Status())
	}
	if n := strings.Count(logs.String(), "redis unreachable"); n != 1 {
		t.Errorf("%d log lines say Redis is unreachable, want 1:\n%s", n, logs.String())
	}
	if n := fallbacks(t, reg, "claim") + fallbacks(t, reg, "limit"); n < 7 {
		t.Errorf("bot_store_fallbacks_total = %v, want 7 at least", n)
	}

	srv.Start()
	testkit.WaitFor(t, 5*time.Second, "the store to find Redis again", s.Healthy)
	if s.Status() != "" {
		t.Errorf("status %q once Redis is back", s.Status())
	}
	if !strings.Contains(logs.String(), "redis answers again") {
		t.Errorf("no log line says Redis is back:\n%s", logs.String())
	}
	if first, _ := ev.Claim(ctx, "after"); !first {
		t.Fatal("first claim after recovery refused")
	}
	testkit.WaitFor(t, 5*time.Second, "the other instance to reconnect", func() bool {
		first, err := other.Claim(ctx, "after")
		return err == nil && !first
	})
}

// fallbacks returns the value of bot_store_fallbacks_total{op}.
func fallbacks(t *testing.T, g prometheus.Gatherer, op string) float64 {
	t.Helper()
	fams, err := g.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != "bot_store_fallbacks_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "op" && l.GetValue() == op {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	t.Fatalf("no bot_store_fallbacks_total{op=%q}", op)
	return 0
}

// benchStore opens a store on the test Redis under a prefix of the benchmark's own, and
// closes it when the benchmark ends.
func benchStore(b *testing.B) *redisstore.Store {
	s, err := redisstore.Open(testkit.RedisURL(b), redisstore.Options{Prefix: "bench:" + b.Name() + ":"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.Ping(context.Background()); err != nil {
		b.Fatal(err)
	}
	return s
}

// What one event costs in Redis: a claim (SET NX EX) and a rate-limit check (the GCRA
// script), each one round trip on loopback.
func BenchmarkClaim(b *testing.B) {
	s := benchStore(b)
	ev := s.Events(time.Minute, slack.NewMemoryEvents(0, 0, nil))
	b.ResetTimer()
	for i := range b.N {
		if _, err := ev.Claim(context.Background(), fmt.Sprintf("Ev%d-%d", time.Now().UnixNano(), i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLimit(b *testing.B) {
	s := benchStore(b)
	l := s.Limiter(1e9, 1000, adapters.NewUserLimiter(1e9, 1000, nil))
	b.ResetTimer()
	for i := range b.N {
		l.Limit(context.Background(), "slack", fmt.Sprintf("U%d", i%1000))
	}
}

// One user asking 100 times, spread over two instances for about two seconds, gets the
// burst and then the sustained rate: the limit of one instance, not two. A loaded machine
// that stalls the loop can only lose allowances (the burst caps what a pause saves), so
// the rate is an upper bound, and at least half of it must still get through.
func TestLimiterSustainedRateAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	const perMinute, burst = 600, 3 // one question every 100 ms
	a := instance(t, url, p, redisstore.Options{}).Limiter(perMinute, burst, adapters.NewUserLimiter(perMinute, burst, nil))
	b := instance(t, url, p, redisstore.Options{}).Limiter(perMinute, burst, adapters.NewUserLimiter(perMinute, burst, nil))
	ctx := context.Background()
	allowed := 0
	start := time.Now()
	for i := range 100 {
		l := a
		if i%2 == 1 {
			l = b
		}
		if l.Limit(ctx, "slack", "U1") == adapters.Allow {
			allowed++
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(start)
	want := burst + int(elapsed/(100*time.Millisecond))
	t.Logf("100 questions over %v on two instances: %d allowed, the limit is %d", elapsed.Round(time.Millisecond), allowed, want)
	if allowed > want+1 || allowed < want/2 {
		t.Errorf("%d of 100 allowed over %v, want at most %d and at least %d", allowed, elapsed, want+1, want/2)
	}
}
