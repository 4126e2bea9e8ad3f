package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/internal/testkit"
)

// redisSetup points a test server at the Redis url, under prefix.
func redisSetup(url, prefix string, more func(*config.Config)) serverSetup {
	return serverSetup{cfg: func(c *config.Config) {
		c.Store.RedisURL, c.Store.RedisPrefix = url, prefix
		if more != nil {
			more(c)
		}
	}}
}

func testPrefix(t *testing.T) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "test:" + t.Name() + ":" + hex.EncodeToString(b) + ":"
}

// Two instances share one Redis, as two replicas behind a load balancer would: a Slack
// retry that reaches the other instance is not answered again, and a user's questions
// spread over both draw on one bucket.
func TestServeTwoInstancesShareRedis(t *testing.T) {
	url, prefix := testkit.RedisURL(t), testPrefix(t)
	fake := newFakeSlack(t)
	const burst = 3
	limit := func(c *config.Config) { c.RateLimit = config.RateLimit{PerMinute: 0.01, Burst: burst} }
	a := startServer(t, fake, redisSetup(url, prefix, limit))
	b := startServer(t, fake, redisSetup(url, prefix, limit))

	// Round robin over the two, 20 at a time; one event in five is retried by Slack, and
	// the retry reaches the other instance.
	events := 60
	if *loadFull {
		events = 1000
	}
	var retried atomic.Int64
	var wg sync.WaitGroup
	sem := make(chan struct{}, 20)
	start := time.Now()
	for i := range events {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			body := mentionBody(t, fmt.Sprintf("EvRedis%04d", i), fmt.Sprintf("WR%04d", i), fmt.Sprintf("CR%04d", i), "1705400300.000100", "Who is Ali Vaez?")
			first, other := a, b
			if i%2 == 1 {
				first, other = b, a
			}
			if code, _, err := first.slackEvent(body, 0); err != nil || code != 200 {
				t.Errorf("event %d: %d %v", i, code, err)
			}
			if i%5 == 0 {
				retried.Add(1)
				if code, _, err := other.slackEvent(body, 1); err != nil || code != 200 {
					t.Errorf("retry %d on the other instance: %d %v", i, code, err)
				}
			}
		}()
	}
	wg.Wait()
	testkit.WaitFor(t, 30*time.Second, "every event answered", func() bool {
		for i := range events {
			if len(fake.postsTo(fmt.Sprintf("CR%04d", i))) == 0 {
				return false
			}
		}
		return true
	})
	took := time.Since(start)
	time.Sleep(300 * time.Millisecond) // room for a wrong second answer
	lost, doubled := 0, 0
	for i := range events {
		switch n := len(fake.postsTo(fmt.Sprintf("CR%04d", i))); {
		case n == 0:
			lost++
		case n > 1:
			doubled++
		}
	}
	t.Logf("two instances on one Redis: %d events, %d retried on the other instance, all answered in %v: %d lost, %d doubled",
		events, retried.Load(), took.Round(time.Millisecond), lost, doubled)
	if lost+doubled > 0 {
		t.Errorf("%d lost, %d doubled across two instances, want none", lost, doubled)
	}

	// One user, alternating between the instances: the burst, one warning, then silence.
	for i := range burst + 4 {
		s := a
		if i%2 == 1 {
			s = b
		}
		ev := mentionBody(t, fmt.Sprintf("EvShared%d", i), "WSHARED", "CSHARED", fmt.Sprintf("1705400400.00010%d", i), "Who is Ali Vaez?")
		if code, _, err := s.slackEvent(ev, 0); err != nil || code != 200 {
			t.Fatalf("event %d: %d %v", i, code, err)
		}
		n := min(i+1, burst+1)
		testkit.WaitFor(t, 5*time.Second, "the shared user's reply", func() bool { return len(fake.postsTo("CSHARED")) >= n })
	}
	time.Sleep(300 * time.Millisecond)
	var answers, warnings int
	for _, p := range fake.postsTo("CSHARED") {
		switch {
		case p.Method == "chat.postMessage":
			answers++
		case p.Method == "chat.postEphemeral" && strings.Contains(p.Text, "faster than I can keep up"):
			warnings++
		}
	}
	if answers != burst || warnings != 1 {
		t.Errorf("a user on two instances got %d answers and %d warnings, want %d and 1 (one bucket for both)", answers, warnings, burst)
	}
	if got := a.metric(`bot_store_up`); got != 1 {
		t.Errorf("bot_store_up = %v, want 1", got)
	}
}

// An instance that cannot reach Redis at start-up is not ready, and says why; it becomes
// ready by itself once Redis answers.
func TestServeNotReadyUntilRedisAnswers(t *testing.T) {
	srv := testkit.StartRedis(t)
	srv.Stop()
	s := startServer(t, nil, serverSetup{noWait: true, cfg: func(c *config.Config) {
		c.Store.RedisURL, c.Store.RedisPrefix = srv.URL(), testPrefix(t)
	}})
	time.Sleep(200 * time.Millisecond)
	code, body := s.get("/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "redis") {
		t.Errorf("/readyz without Redis: %d %q, want 503 naming redis", code, body)
	}
	srv.Start()
	testkit.WaitFor(t, 10*time.Second, "/readyz 200 once Redis answers", func() bool {
		code, body := s.get("/readyz")
		return code == http.StatusOK && !strings.Contains(body, "degraded")
	})
}

// Redis stopped mid-flight: the bot keeps answering from its own state, says so in
// /readyz and the metrics, and goes back to Redis by itself.
func TestServeKeepsAnsweringWhileRedisIsDown(t *testing.T) {
	srv := testkit.StartRedis(t)
	fake := newFakeSlack(t)
	s := startServer(t, fake, redisSetup(srv.URL(), testPrefix(t), nil))
	ask := func(id, ch string, retry int) {
		t.Helper()
		if code, _, err := s.slackEvent(mentionBody(t, id, "W"+id, ch, "1705400500.000100", "Who is Ali Vaez?"), retry); err != nil || code != 200 {
			t.Fatalf("%s: %d %v", id, code, err)
		}
	}
	srv.Stop()
	ask("EvDown1", "CDOWN1", 0)
	ask("EvDown1", "CDOWN1", 1) // a retry to the same instance is still answered once
	testkit.WaitFor(t, 5*time.Second, "an answer while Redis is down", func() bool { return len(fake.postsTo("CDOWN1")) == 1 })
	code, body := s.get("/readyz")
	if code != http.StatusOK || !strings.Contains(body, "degraded: redis unreachable") {
		t.Errorf("/readyz while Redis is down: %d %q, want 200 saying it is degraded", code, body)
	}
	if got := s.metric(`bot_store_up`); got != 0 {
		t.Errorf("bot_store_up = %v while Redis is down", got)
	}
	if got := s.metric(`bot_store_fallbacks_total{op="claim"}`); got < 1 {
		t.Errorf("bot_store_fallbacks_total{claim} = %v", got)
	}
	if n := strings.Count(s.logs.String(), "msg=\"redis unreachable"); n != 1 {
		t.Errorf("%d log lines say Redis is unreachable, want 1", n)
	}

	srv.Start()
	testkit.WaitFor(t, 10*time.Second, "/readyz no longer degraded", func() bool {
		_, body := s.get("/readyz")
		return !strings.Contains(body, "degraded")
	})
	ask("EvUp1", "CUP1", 0)
	testkit.WaitFor(t, 5*time.Second, "an answer once Redis is back", func() bool { return len(fake.postsTo("CUP1")) == 1 })
	if got := s.metric(`bot_store_up`); got != 1 {
		t.Errorf("bot_store_up = %v once Redis is back", got)
	}
}

// A Redis URL that does not parse stops the bot before it connects anything, naming the key.
func TestServeRefusesABadRedisURL(t *testing.T) {
	cfg := config.Default()
	cfg.Review.Path = filepath.Join(t.TempDir(), "review.db")
	cfg.Store.RedisURL = "redis://" + net.JoinHostPort("127.0.0.1", "1") + "/notadb"
	if _, err := newServer(cfg, testkit.Engine(t), cfg.Logger(&testkit.LogBuffer{}), prometheus.NewRegistry()); err == nil || !strings.Contains(err.Error(), "BOT_REDIS_URL") {
		t.Errorf("newServer: %v, want an error naming BOT_REDIS_URL", err)
	}
}

// Two instances share one Redis: a follow-up in a Slack thread, or a second /ask on
// Discord, that the load balancer sends to the other instance is read with the
// conversation the first one began.
func TestServeTwoInstancesShareConversations(t *testing.T) {
	const first, follow = "What did Pakistan target in its strikes?", "where was that?"
	url, prefix := testkit.RedisURL(t), testPrefix(t)
	fake := newFakeSlack(t)
	a := startServer(t, fake, redisSetup(url, prefix, nil))
	b := startServer(t, fake, redisSetup(url, prefix, nil))
	a.waitReady()
	b.waitReady()

	if code, _, err := a.slackEvent(mentionBody(t, "EvSharedConv1", "W1", "C9", "1705400000.000900", first), 0); err != nil || code != http.StatusOK {
		t.Fatalf("mention on the first instance: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the answer in C9", func() bool { return len(fake.postsTo("C9")) == 1 })
	inThread := threadMentionBody(t, "EvSharedConv2", "W1", "C9", "1705400000.000901", "1705400000.000900", follow)
	if code, _, err := b.slackEvent(inThread, 0); err != nil || code != http.StatusOK {
		t.Fatalf("follow-up on the second instance: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the follow-up's answer in C9", func() bool { return len(fake.postsTo("C9")) == 2 })
	if p := fake.postsTo("C9")[1]; p.ThreadTS != "1705400000.000900" || !strings.Contains(p.Blocks, "Saravan") || strings.Contains(p.Blocks, "I don't know") {
		t.Errorf("the follow-up on the other instance was not read with the thread: %+v", p)
	}

	for i, q := range []string{first, follow} {
		s := a
		if i == 1 {
			s = b
		}
		code, resp, _, err := s.discordInteraction(askBody(t, fmt.Sprint("sharedconv", i), "user9", q))
		if err != nil || code != http.StatusOK || resp.Data == nil || len(resp.Data.Embeds) != 1 {
			t.Fatalf("/ask %q: %d %v %s", q, code, err, resp.raw)
		}
		if e := resp.Data.Embeds[0]; i == 1 && (e.Title == "I don't know" || !strings.Contains(e.Description, "Saravan")) {
			t.Errorf("the second /ask, on the other instance, got %s: %s", e.Title, e.Description)
		}
	}
	if got := a.metric(`bot_store_fallbacks_total{op="conversation"}`); got != 0 {
		t.Errorf(`bot_store_fallbacks_total{op="conversation"} = %v, want 0`, got)
	}
}
