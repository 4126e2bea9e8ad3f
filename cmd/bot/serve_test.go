package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/internal/testkit"
)

// TestServeEndToEnd runs the real server against a fake Slack whose auth.test is held
// back at first, and drives both platforms' webhooks through it.
func TestServeEndToEnd(t *testing.T) {
	fake := newFakeSlack(t)
	gate := make(chan struct{})
	fake.authGate = gate
	s := startServer(t, fake, serverSetup{noWait: true})

	if code, body := s.get("/healthz"); code != http.StatusOK || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	testkit.WaitFor(t, 5*time.Second, "auth.test to be called", func() bool {
		fake.mu.Lock()
		defer fake.mu.Unlock()
		return fake.authCalls > 0
	})
	code, body := s.get("/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "slack events api") || strings.Contains(body, "discord") {
		t.Errorf("/readyz before auth.test answered: %d %q, want 503 naming only the slack events api", code, body)
	}
	// Slack's events are refused with 503 until the bot knows who it is; Slack retries them.
	early := mentionBody(t, "EvEarly", "W1", "C1", "1705400000.000050", "Who is Ali Vaez?")
	if code, _, err := s.slackEvent(early, 0); err != nil || code != http.StatusServiceUnavailable {
		t.Errorf("event before auth.test: %d %v, want 503", code, err)
	}
	close(gate)
	s.waitReady()

	// A mention is answered with exactly one chat.postMessage, in the mention's thread.
	ev := mentionBody(t, "EvMention1", "W1", "C1", "1705400000.000100", "Why did Iran strike Pakistan?")
	if code, took, err := s.slackEvent(ev, 0); err != nil || code != http.StatusOK || took > ackDeadline {
		t.Fatalf("signed app_mention: %d in %v, %v", code, took, err)
	}
	// Slack retries the same event (say, the ack was lost); it must not be answered twice.
	if code, _, err := s.slackEvent(ev, 1); err != nil || code != http.StatusOK {
		t.Fatalf("retried app_mention: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the reply in C1", func() bool { return len(fake.postsTo("C1")) > 0 })
	time.Sleep(200 * time.Millisecond) // room for a wrong second post to show up
	posts := fake.postsTo("C1")
	if len(posts) != 1 {
		t.Fatalf("%d posts for one mention and its retry: %+v", len(posts), posts)
	}
	p := posts[0]
	if p.Method != "chat.postMessage" || p.ThreadTS != "1705400000.000100" {
		t.Errorf("reply %s in thread %q, want chat.postMessage in 1705400000.000100", p.Method, p.ThreadTS)
	}
	if !strings.Contains(p.Blocks, "The New Arab") || p.Text == "" {
		t.Errorf("reply does not cite the source: text %q blocks %.300s", p.Text, p.Blocks)
	}

	// A thread reply mentioning the bot is answered in that thread.
	threaded := mustJSON(t, map[string]any{
		"type": "event_callback", "event_id": "EvThread", "team_id": "T1",
		"event": map[string]any{"type": "app_mention", "user": "W1", "text": "<@UBOT> Who is Ali Vaez?",
			"ts": "1705400001.000200", "thread_ts": "1705400000.000100", "channel": "C2"},
	})
	if code, _, err := s.slackEvent(threaded, 0); err != nil || code != http.StatusOK {
		t.Fatalf("threaded mention: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the reply in C2", func() bool { return len(fake.postsTo("C2")) == 1 })
	if got := fake.postsTo("C2")[0].ThreadTS; got != "1705400000.000100" {
		t.Errorf("threaded reply went to thread %q", got)
	}

	// A Discord /ask is answered in the HTTP response, type 4, with an embed.
	code, resp, took, err := s.discordInteraction(askBody(t, "i1", "D1", "When did Pakistan strike Iran?"))
	if err != nil || code != http.StatusOK || took > ackDeadline {
		t.Fatalf("discord /ask: %d in %v, %v", code, took, err)
	}
	if resp.Type != 4 || resp.Data == nil || len(resp.Data.Embeds) != 1 || !strings.Contains(resp.Data.Embeds[0].Description, "18 January") {
		t.Errorf("discord /ask answered %s", resp.raw)
	}
	// An unknown question is counted as unknown.
	if _, resp, _, _ := s.discordInteraction(askBody(t, "i2", "D1", "Who won the 1998 World Cup final?")); resp.Type != 4 {
		t.Errorf("discord unknown /ask answered %s", resp.raw)
	}
	// A ping is answered with a pong and is no question.
	if code, resp, _, _ := s.discordInteraction([]byte(`{"id":"p1","application_id":"app1","type":1,"token":"t","version":1}`)); code != 200 || resp.Type != 1 {
		t.Errorf("discord ping: %d %s", code, resp.raw)
	}

	// A reply is counted once it has been sent, a moment after the other side has seen it.
	var metrics string
	testkit.WaitFor(t, 5*time.Second, "every reply to be counted", func() bool {
		_, metrics = s.get("/metrics")
		return metricIn(metrics, `bot_answer_seconds_count{platform="slack"}`) >= 2 &&
			metricIn(metrics, `bot_answer_seconds_count{platform="discord"}`) >= 2
	})
	want := map[string]float64{
		`bot_questions_total{outcome="answered",platform="slack"}`:   2,
		`bot_questions_total{outcome="answered",platform="discord"}`: 1,
		`bot_questions_total{outcome="unknown",platform="discord"}`:  1,
		`bot_answer_seconds_count{platform="slack"}`:                 2,
		`bot_answer_seconds_count{platform="discord"}`:               2,
		`bot_replies_lost_total{platform="slack"}`:                   0,
		`bot_panics_total{platform="slack"}`:                         0,
	}
	for sample, v := range want {
		if got := metricIn(metrics, sample); got != v {
			t.Errorf("%s = %v, want %v", sample, got, v)
		}
	}
	if !strings.Contains(metrics, `bot_build_info{version="`) || metricIn(metrics, `bot_build_info{version="`+buildVersion()+`"}`) != 1 {
		t.Errorf("/metrics lacks bot_build_info 1 for version %q", buildVersion())
	}
	for _, name := range []string{"go_goroutines", "process_start_time_seconds"} {
		if !strings.Contains(metrics, name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
}

// TestServeSurvivesAFailingAuthTest: a Slack Web API that fails auth.test for a while
// keeps /readyz at 503, but the bot keeps running and becomes ready when Slack recovers.
func TestServeSurvivesAFailingAuthTest(t *testing.T) {
	fake := newFakeSlack(t)
	fake.authFails = 2
	s := startServer(t, fake, serverSetup{noWait: true})
	if code, body := s.get("/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz with auth.test failing: %d %q", code, body)
	}
	s.waitReady()
	fake.mu.Lock()
	calls := fake.authCalls
	fake.mu.Unlock()
	if calls < 3 {
		t.Errorf("auth.test called %d times; want it retried until it succeeds", calls)
	}
	select {
	case err := <-s.done:
		t.Fatalf("run returned %v while Slack's auth.test was failing", err)
	default:
	}
}

// TestServeGracefulStop cancels the server while a Slack reply is in flight: the reply is
// still posted before run returns, and run returns nil.
func TestServeGracefulStop(t *testing.T) {
	fake := newFakeSlack(t)
	s := startServer(t, fake, serverSetup{cfg: func(c *config.Config) {
		c.HTTP.ShutdownTimeout = config.Duration{Duration: 5 * time.Second}
	}})
	fake.mu.Lock()
	fake.postDelay = 1500 * time.Millisecond
	fake.mu.Unlock()

	ev := mentionBody(t, "EvSlow", "W1", "CSLOW", "1705400000.000300", "Who is Rabia Akhtar?")
	if code, took, err := s.slackEvent(ev, 0); err != nil || code != http.StatusOK || took > ackDeadline {
		t.Fatalf("event: %d in %v, %v", code, took, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the post to start", func() bool { return fake.attemptsTo("CSLOW") > 0 })
	if len(fake.postsTo("CSLOW")) != 0 {
		t.Fatal("the post finished before the stop; the fake is not slow enough")
	}
	start := time.Now()
	err := s.stop()
	took := time.Since(start)
	if err != nil {
		t.Errorf("run returned %v, want nil", err)
	}
	posts := fake.postsTo("CSLOW")
	if len(posts) != 1 {
		t.Fatalf("%d posts when run returned, want the reply in flight posted", len(posts))
	}
	if took > 5*time.Second {
		t.Errorf("stop took %v", took)
	}
	if !strings.Contains(s.logs.String(), "finishing replies in flight") {
		t.Error("no log line about finishing replies in flight")
	}
	// After the stop, nothing listens.
	if _, err := http.Get(s.base + "/healthz"); err == nil {
		t.Error("the server still answers after run returned")
	}
}

// TestServeGracefulStopGivesUp: replies still waiting for Slack when the shutdown
// timeout ends (one hung call, and those queued behind it in the same channel, and one
// waiting out a long Retry-After) are each logged and counted as lost, and run returns
// an error, so that the process exits non-zero and the orchestrator can tell.
func TestServeGracefulStopGivesUp(t *testing.T) {
	fake := newFakeSlack(t)
	s := startServer(t, fake, serverSetup{cfg: func(c *config.Config) {
		c.HTTP.ShutdownTimeout = config.Duration{Duration: 300 * time.Millisecond}
	}})
	fake.failNext("CSTUCK", faultHang)
	fake.failNext("CWAIT", fault429, fault429, fault429, fault429)
	for i, ch := range []string{"CSTUCK", "CSTUCK", "CSTUCK", "CWAIT"} {
		ev := mentionBody(t, fmt.Sprintf("EvStuck%d", i), "W1", ch, fmt.Sprintf("1705400000.00040%d", i), "Who is Ali Vaez?")
		if code, _, err := s.slackEvent(ev, 0); err != nil || code != 200 {
			t.Fatalf("event: %d %v", code, err)
		}
	}
	testkit.WaitFor(t, 5*time.Second, "the posts to start", func() bool { return fake.attemptsTo("CSTUCK") > 0 && fake.attemptsTo("CWAIT") > 0 })
	start := time.Now()
	err := s.stop()
	if !errors.Is(err, slack.ErrRepliesLost) || !strings.Contains(err.Error(), "4 still waiting") {
		t.Errorf("run returned %v, want the 4 replies lost at shutdown", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("stop took %v with a 300ms shutdown timeout", took)
	}
	logs := s.logs.String()
	if n := strings.Count(logs, "reply lost at shutdown"); n != 4 {
		t.Errorf("%d log lines of a reply lost at shutdown, want 4:\n%s", n, logs)
	}
	if !strings.Contains(logs, `msg="replies lost at shutdown" platform=slack count=4`) {
		t.Errorf("no summary of the replies lost:\n%s", logs)
	}
	if got := testkit.PlatformSample(t, s.reg, "bot_replies_lost_total", "slack"); got != 4 {
		t.Errorf("bot_replies_lost_total = %v, want 4", got)
	}
	if len(fake.postsTo("CSTUCK"))+len(fake.postsTo("CWAIT")) != 0 {
		t.Error("a reply was posted after all")
	}
}

// TestServeRateLimit: one Slack user over the burst gets exactly one "slow down" reply,
// then silence; another user is unaffected. The same holds on Discord, which must answer
// every interaction: the second refusal is a short ephemeral, not the warning again.
func TestServeRateLimit(t *testing.T) {
	const burst = 3
	fake := newFakeSlack(t)
	s := startServer(t, fake, serverSetup{cfg: func(c *config.Config) {
		c.RateLimit = config.RateLimit{PerMinute: 0.01, Burst: burst}
	}})

	// Sent one after the other, so that the order of the limiter's decisions is known.
	for i := range burst + 4 {
		ev := mentionBody(t, "EvBusy"+string(rune('a'+i)), "WBUSY", "CBUSY", "1705400100.00010"+string(rune('0'+i)), "Who is Ali Vaez?")
		if code, _, err := s.slackEvent(ev, 0); err != nil || code != 200 {
			t.Fatalf("event %d: %d %v", i, code, err)
		}
		if i < burst+1 {
			// Let each reply land before the next event, so replies keep their order.
			n := i + 1
			testkit.WaitFor(t, 5*time.Second, "reply to the busy user", func() bool { return len(fake.postsTo("CBUSY")) == n })
		}
	}
	if code, _, err := s.slackEvent(mentionBody(t, "EvCalm", "WCALM", "CCALM", "1705400200.000100", "Who is Ali Vaez?"), 0); err != nil || code != 200 {
		t.Fatalf("calm user's event: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the calm user's reply", func() bool { return len(fake.postsTo("CCALM")) == 1 })
	time.Sleep(300 * time.Millisecond) // room for a wrong extra reply to the busy user

	busy := fake.postsTo("CBUSY")
	var answers, warnings int
	for _, p := range busy {
		switch {
		case p.Method == "chat.postMessage":
			answers++
		case p.Method == "chat.postEphemeral" && p.User == "WBUSY" && strings.Contains(p.Text, "faster than I can keep up"):
			warnings++
		default:
			t.Errorf("unexpected reply to the busy user: %+v", p)
		}
	}
	if answers != burst || warnings != 1 || len(busy) != burst+1 {
		t.Errorf("busy user got %d answers and %d warnings in %d posts, want %d answers and one warning", answers, warnings, len(busy), burst)
	}
	if p := fake.postsTo("CCALM")[0]; p.Method != "chat.postMessage" {
		t.Errorf("calm user got %+v", p)
	}

	// Discord: the burst, one warning, then a short refusal; another user unaffected.
	var texts []string
	for i := range burst + 3 {
		_, resp, _, err := s.discordInteraction(askBody(t, "rl"+string(rune('a'+i)), "DBUSY", "Who is Ali Vaez?"))
		if err != nil || resp.Type != 4 || resp.Data == nil {
			t.Fatalf("discord %d: %v %s", i, err, resp.raw)
		}
		if i >= burst {
			if resp.Data.Flags&64 == 0 {
				t.Errorf("refusal %d is not ephemeral: %s", i, resp.raw)
			}
			texts = append(texts, resp.Data.Content)
		} else if len(resp.Data.Embeds) != 1 {
			t.Errorf("answer %d: %s", i, resp.raw)
		}
	}
	if texts[0] != adapters.SlowDown || texts[1] == adapters.SlowDown || texts[2] == adapters.SlowDown {
		t.Errorf("discord refusals %q: want the slow-down warning once", texts)
	}
	if _, resp, _, _ := s.discordInteraction(askBody(t, "rlcalm", "DCALM", "Who is Ali Vaez?")); resp.Type != 4 || resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Errorf("calm discord user: %s", resp.raw)
	}

	if got := s.metric(`bot_rate_limited_total{platform="slack"}`); got != 4 {
		t.Errorf("bot_rate_limited_total{slack} = %v, want 4", got)
	}
	if got := s.metric(`bot_rate_limited_total{platform="discord"}`); got != 3 {
		t.Errorf("bot_rate_limited_total{discord} = %v, want 3", got)
	}
	if got := s.metric(`bot_questions_total{outcome="rejected",platform="slack"}`); got != 4 {
		t.Errorf("rejected slack questions = %v, want 4", got)
	}
}

// TestServeStopsOnARefusedToken: Slack refusing the bot token in auth.test is not
// retried: run ends with an error that names the token.
func TestServeStopsOnARefusedToken(t *testing.T) {
	fake := newFakeSlack(t)
	cfg := config.Default()
	cfg.Review.Path = filepath.Join(t.TempDir(), "review.db")
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.Slack.SigningSecret = testSigningSecret
	cfg.Slack.BotToken = "xoxb-revoked"
	cfg.Slack.APIURL = fake.url()
	logs := &testkit.LogBuffer{}
	srv, err := newServer(cfg, testkit.Engine(t), cfg.Logger(logs), prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.run(ctx, nil)
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("run returned %v, want the refused SLACK_BOT_TOKEN named", err)
	}
	if ctx.Err() != nil {
		t.Error("run waited for the context instead of failing at once")
	}
}

// TestServeKeepsConversations: the server gives every adapter one conversation store,
// remembering for [conversation] ttl: a Slack thread and /ask on Discord, through the
// real server, read a follow-up with the question before it.
func TestServeKeepsConversations(t *testing.T) {
	const first, follow = "What did Pakistan target in its strikes?", "where was that?"
	fake := newFakeSlack(t)
	s := startServer(t, fake, serverSetup{cfg: func(c *config.Config) { c.Conversation.TTL = config.Duration{Duration: 5 * time.Minute} }})
	s.waitReady()

	if code, _, err := s.slackEvent(mentionBody(t, "EvConv1", "W1", "C9", "1705400000.000900", first), 0); err != nil || code != http.StatusOK {
		t.Fatalf("mention: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the answer in C9", func() bool { return len(fake.postsTo("C9")) == 1 })
	inThread := mustJSON(t, map[string]any{
		"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": "EvConv2", "event_time": 1705400001,
		"event": map[string]any{"type": "app_mention", "user": "W1", "text": "<@" + testBotUser + "> " + follow,
			"ts": "1705400000.000901", "thread_ts": "1705400000.000900", "channel": "C9", "event_ts": "1705400000.000901"},
	})
	if code, _, err := s.slackEvent(inThread, 0); err != nil || code != http.StatusOK {
		t.Fatalf("follow-up mention: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the follow-up's answer in C9", func() bool { return len(fake.postsTo("C9")) == 2 })
	if p := fake.postsTo("C9")[1]; p.ThreadTS != "1705400000.000900" || !strings.Contains(p.Blocks, "Saravan") || strings.Contains(p.Blocks, "I don't know") {
		t.Errorf("the follow-up in the thread got %+v", p)
	}

	for i, q := range []string{first, follow} {
		code, resp, _, err := s.discordInteraction(askBody(t, fmt.Sprint("conv", i), "user9", q))
		if err != nil || code != http.StatusOK || resp.Data == nil || len(resp.Data.Embeds) != 1 {
			t.Fatalf("/ask %q: %d %v %s", q, code, err, resp.raw)
		}
		if e := resp.Data.Embeds[0]; i == 1 && (e.Title == "I don't know" || !strings.Contains(e.Description, "Saravan")) {
			t.Errorf("the second /ask got %s: %s", e.Title, e.Description)
		}
	}
}

func TestServeConversationTTLFromConfig(t *testing.T) {
	cfg := config.Default()
	cfg.Review.Path = filepath.Join(t.TempDir(), "review.db")
	cfg.Conversation.TTL = config.Duration{Duration: 7 * time.Minute}
	cfg.Slack.SigningSecret, cfg.Slack.BotToken = testSigningSecret, testBotToken
	srv, err := newServer(cfg, testkit.Engine(t), cfg.Logger(&testkit.LogBuffer{}), prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.conversations.TTL(); got != 7*time.Minute {
		t.Errorf("the conversation store remembers for %v, want conversation.ttl's 7m", got)
	}
}
