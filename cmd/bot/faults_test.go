package main

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/internal/testkit"
)

// shortTimeouts makes the Slack adapter give up on a hung Web API call after
// clientTimeout and drop a reply it could not deliver within deadline.
func shortTimeouts(deadline, clientTimeout time.Duration) serverSetup {
	return serverSetup{slack: func(o *slack.EventsOptions) {
		o.Delivery.HTTPClient = &http.Client{Timeout: clientTimeout}
		o.Delivery.Deadline = deadline
	}}
}

// TestFaultSlackWebAPIRecovers: chat.postMessage answers 429 with Retry-After: 1, then
// 500 twice, then recovers. The reply is delivered once, after waiting as Slack asked;
// meanwhile the bot keeps acknowledging events, answering Discord and saying it is ready.
func TestFaultSlackWebAPIRecovers(t *testing.T) {
	testRecovery(t, []postFault{fault429, fault500, fault500}, "CFLAKY")
}

// TestFaultSlackWebAPIHangThenRecovers: as above, with two calls that hang past the
// client timeout before Slack recovers: each is checked for in the thread, not found,
// and made again.
func TestFaultSlackWebAPIHangThenRecovers(t *testing.T) {
	testRecovery(t, []postFault{fault429, fault500, faultHang, faultHang}, "CHANGY")
}

func testRecovery(t *testing.T, faults []postFault, channel string) {
	fake := newFakeSlack(t)
	s := startServer(t, fake, shortTimeouts(10*time.Second, 500*time.Millisecond))
	fake.failNext(channel, faults...)

	ev := mentionBody(t, "Ev"+channel, "W1", channel, "1705400300.000100", "Who is Ali Vaez?")
	if code, took, err := s.slackEvent(ev, 0); err != nil || code != 200 || took > ackDeadline {
		t.Fatalf("event: %d in %v, %v", code, took, err)
	}
	// While the reply is being retried, the bot serves everything else.
	testkit.WaitFor(t, 5*time.Second, "the first failed attempt", func() bool { return fake.attemptsTo(channel) >= 1 })
	if code, body := s.get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz while Slack posts fail: %d %q; the endpoints still take events", code, body)
	}
	if code, took, err := s.slackEvent(mentionBody(t, "EvOther", "W2", "COTHER", "1705400300.000200", "Who is Ali Vaez?"), 0); err != nil || code != 200 || took > ackDeadline {
		t.Errorf("another event during the outage: %d in %v, %v", code, took, err)
	}
	if _, resp, took, err := s.discordInteraction(askBody(t, "if1", "D1", "Who is Ali Vaez?")); err != nil || resp.Type != 4 || took > ackDeadline {
		t.Errorf("discord during the Slack outage: %v %s in %v", err, resp.raw, took)
	}
	testkit.WaitFor(t, 10*time.Second, "the reply once Slack recovers", func() bool { return len(fake.postsTo(channel)) == 1 })
	time.Sleep(200 * time.Millisecond)

	times := fake.attemptTimes(channel)
	if len(times) != len(faults)+1 {
		t.Errorf("%d attempts to post, want %d (%d faults, then ok)", len(times), len(faults)+1, len(faults))
	}
	if len(times) >= 2 {
		if d := times[1].Sub(times[0]); d < 950*time.Millisecond {
			t.Errorf("retried %v after a 429 with Retry-After: 1", d)
		}
	}
	if n := len(fake.postsTo(channel)); n != 1 {
		t.Errorf("%d replies delivered, want 1", n)
	}
	if got := s.metric(`bot_replies_lost_total{platform="slack"}`); got != 0 {
		t.Errorf("bot_replies_lost_total = %v for a reply that was delivered", got)
	}
}

// TestFaultSlackReplyUndeliverable: a reply Slack never accepts is retried until its
// deadline, then logged with its event id and counted in bot_replies_lost_total; the
// bot stays ready and answers the next event.
func TestFaultSlackReplyUndeliverable(t *testing.T) {
	fake := newFakeSlack(t)
	fake.failChannel = "CDEAD"
	s := startServer(t, fake, shortTimeouts(time.Second, 2*time.Second))

	start := time.Now()
	if code, _, err := s.slackEvent(mentionBody(t, "EvLost", "W1", "CDEAD", "1705400400.000100", "Who is Ali Vaez?"), 0); err != nil || code != 200 {
		t.Fatalf("event: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the loss to be counted", func() bool {
		return s.metric(`bot_replies_lost_total{platform="slack"}`) == 1
	})
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("dropped after %v with a deadline of 1s", took)
	}
	if n := fake.attemptsTo("CDEAD"); n < 3 {
		t.Errorf("%d attempts in a second, want it retried", n)
	}
	var failed string
	for _, line := range strings.Split(s.logs.String(), "\n") {
		if strings.Contains(line, "event handled") && strings.Contains(line, "outcome=failed") {
			failed = line
		}
	}
	if !strings.Contains(failed, "event_id=EvLost") || !strings.Contains(failed, "level=ERROR") || !strings.Contains(failed, "500") {
		t.Errorf("no error log line naming the event and the cause: %q", failed)
	}
	if code, _ := s.get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz %d after a lost reply", code)
	}
	if code, _, err := s.slackEvent(mentionBody(t, "EvNext", "W1", "CNEXT", "1705400400.000200", "Who is Ali Vaez?"), 0); err != nil || code != 200 {
		t.Fatalf("next event: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the next reply", func() bool { return len(fake.postsTo("CNEXT")) == 1 })
}

// TestFaultSlackWebAPIHangs: a Web API that never answers costs each attempt the client
// timeout, and the reply is given up at its deadline, not held forever.
func TestFaultSlackWebAPIHangs(t *testing.T) {
	fake := newFakeSlack(t)
	s := startServer(t, fake, shortTimeouts(time.Second, 300*time.Millisecond))
	fake.failNext("CHUNG", faultHang, faultHang, faultHang, faultHang, faultHang, faultHang, faultHang, faultHang)
	start := time.Now()
	if code, _, err := s.slackEvent(mentionBody(t, "EvHung", "W1", "CHUNG", "1705400500.000100", "Who is Ali Vaez?"), 0); err != nil || code != 200 {
		t.Fatalf("event: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the loss to be counted", func() bool {
		return s.metric(`bot_replies_lost_total{platform="slack"}`) == 1
	})
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("gave up after %v; want about the 1s deadline", took)
	}
	if n := fake.attemptsTo("CHUNG"); n < 2 || n > 4 {
		t.Errorf("%d attempts against a hung API in 1s at 300ms each, want 2 to 4", n)
	}
	if !strings.Contains(s.logs.String(), "event_id=EvHung") {
		t.Error("the lost reply's event id is not in the log")
	}
	if len(fake.postsTo("CHUNG")) != 0 {
		t.Error("a post was accepted by a hung API")
	}
}

// TestFaultFiftyMentionsInOneChannel: 50 mentions in one busy channel, against a Slack
// that takes one post per channel per window (429 with Retry-After otherwise) and, on
// top, answers 429s, 500s and fatal_error, resets the connection after accepting a
// post, and hangs. Every mention gets exactly one reply in its thread: 0 lost, 0
// doubled; the replies go out in the mentions' order, within the channel's rate limit.
func TestFaultFiftyMentionsInOneChannel(t *testing.T) {
	busyChannel(t, 50, 10*time.Millisecond, faultReset, fault429, faultNone, fault500, faultNone, faultReset, faultHang,
		faultNone, faultSlackDown, faultNone, fault500, fault500, faultReset, faultNone, faultHang, fault429)
}

// TestFaultRateLimitedChannel: with no pacing of its own, the bot runs into the channel's
// rate limit at every second post; each 429's Retry-After is waited out, with jitter,
// and nothing is lost or doubled.
func TestFaultRateLimitedChannel(t *testing.T) {
	if limited := busyChannel(t, 4, -window+time.Millisecond); limited < 3 {
		t.Errorf("%d posts refused by the rate limit, want one for each reply after the first", limited)
	}
}

// window is the fake Slack's rate limit in the busy-channel tests: Slack's one post a
// second per channel, scaled down for the tests' wall time.
const window = 40 * time.Millisecond

// busyChannel sends n mentions to one channel at once, with the bot pacing its posts to
// the channel window+margin apart, the fake Slack limiting them to one per window and
// failing the first posts with faults; it checks that every mention is answered once in
// its thread, in the order the mentions came and within the limit, and returns how many
// posts the limit refused.
func busyChannel(t *testing.T, n int, margin time.Duration, faults ...postFault) int {
	t.Helper()
	fake := newFakeSlack(t)
	fake.window = window
	s := startServer(t, fake, serverSetup{slack: func(o *slack.EventsOptions) {
		o.Delivery.HTTPClient = &http.Client{Timeout: 400 * time.Millisecond}
		o.Delivery.Interval = window + margin
		o.Delivery.Deadline = time.Minute
	}, cfg: func(c *config.Config) {
		c.RateLimit = config.RateLimit{PerMinute: 1000, Burst: n}
	}})
	const ch = "CBUSY"
	fake.failNext(ch, faults...)
	start := time.Now()
	for i := range n {
		ev := mentionBody(t, fmt.Sprintf("EvBusy%02d", i), fmt.Sprintf("W%02d", i%7), ch, loadTS(9000+i), "Who is Ali Vaez?")
		if code, took, err := s.slackEvent(ev, 0); err != nil || code != 200 || took > ackDeadline {
			t.Fatalf("mention %d: %d in %v, %v", i, code, took, err)
		}
	}
	testkit.WaitFor(t, 60*time.Second, fmt.Sprintf("%d replies", n), func() bool { return len(fake.postsTo(ch)) >= n })
	took := time.Since(start)
	time.Sleep(300 * time.Millisecond) // room for a wrong extra post
	posts := fake.postsTo(ch)
	perThread := map[string]int{}
	for _, p := range posts {
		perThread[p.ThreadTS]++
	}
	lost, doubled := 0, 0
	for i := range n {
		switch c := perThread[loadTS(9000+i)]; {
		case c == 0:
			lost++
		case c > 1:
			doubled += c - 1
		}
	}
	for i, p := range posts {
		if i < n && p.ThreadTS != loadTS(9000+i) {
			t.Errorf("post %d answers the mention in thread %s, want %s: replies out of order", i, p.ThreadTS, loadTS(9000+i))
			break
		}
	}
	for i := 1; i < len(posts); i++ {
		if gap := posts[i].At.Sub(posts[i-1].At); gap < window {
			t.Errorf("posts %d and %d accepted %v apart, inside the channel's limit of one per %v", i-1, i, gap, window)
		}
	}
	fake.mu.Lock()
	limited, reads := fake.rateLimits, fake.reads
	fake.mu.Unlock()
	ambiguous := 0
	for _, f := range faults {
		if f == faultReset || f == faultHang {
			ambiguous++
		}
	}
	t.Logf("fault test: %d mentions in one channel answered in %v: %d posts, %d lost, %d doubled; %d posts refused by the rate limit, %d thread reads after %d ambiguous failures",
		n, took.Round(time.Millisecond), len(posts), lost, doubled, limited, reads, ambiguous)
	if lost != 0 || doubled != 0 || len(posts) != n {
		t.Errorf("%d posts for %d mentions: %d lost, %d doubled", len(posts), n, lost, doubled)
	}
	if reads < ambiguous {
		t.Errorf("%d thread reads for %d ambiguous failures: one was not checked", reads, ambiguous)
	}
	if got := s.metric(`bot_replies_lost_total{platform="slack"}`); got != 0 {
		t.Errorf("bot_replies_lost_total = %v", got)
	}
	if got := s.metric(`bot_replies_doubled_total{platform="slack"}`); got != 0 {
		t.Errorf("bot_replies_doubled_total = %v", got)
	}
	return limited
}

// TestFaultBadRequests sends bad input through the real server to both endpoints.
func TestFaultBadRequests(t *testing.T) {
	fake := newFakeSlack(t)
	s := startServer(t, fake, serverSetup{})
	_, otherKey, _ := ed25519.GenerateKey(nil)
	now := time.Now()

	slackBody := mentionBody(t, "EvBad1", "W1", "CBAD", "1705400600.000100", "Who is Ali Vaez?")
	discordBody := askBody(t, "ibad1", "D1", "Who is Ali Vaez?")
	bigSlack := mentionBody(t, "EvBig", "W1", "CBIG", "1705400600.000200", strings.Repeat("why ", 17000))
	bigDiscord := askBody(t, "ibig", "D1", strings.Repeat("why ", 17000))
	malformed := []byte(`{"type": "event_callback", "event": `)

	tests := []struct {
		name   string
		path   string
		body   []byte
		header http.Header
		chunk  bool // send without Content-Length
		want   int
	}{
		{"slack unsigned", "/slack/events", slackBody, http.Header{}, false, 401},
		{"slack forged", "/slack/events", slackBody, testkit.SlackHeaders("not-the-secret", slackBody, now), false, 401},
		{"slack signed for another body", "/slack/events", slackBody, testkit.SlackHeaders(testSigningSecret, discordBody, now), false, 401},
		{"slack stale (replayed)", "/slack/events", slackBody, testkit.SlackHeaders(testSigningSecret, slackBody, now.Add(-10*time.Minute)), false, 401},
		{"slack oversized", "/slack/events", bigSlack, testkit.SlackHeaders(testSigningSecret, bigSlack, now), false, 413},
		{"slack oversized, chunked", "/slack/events", bigSlack, testkit.SlackHeaders(testSigningSecret, bigSlack, now), true, 413},
		{"slack malformed JSON", "/slack/events", malformed, testkit.SlackHeaders(testSigningSecret, malformed, now), false, 400},
		{"slack command unsigned", "/slack/commands", []byte("command=%2Fask&text=hi"), http.Header{}, false, 401},
		{"slack interactivity unsigned", "/slack/interactivity", []byte("payload=%7B%7D"), http.Header{}, false, 401},
		{"discord unsigned", "/discord/interactions", discordBody, http.Header{}, false, 401},
		{"discord forged", "/discord/interactions", discordBody, testkit.DiscordHeaders(otherKey, discordBody, now), false, 401},
		{"discord stale (replayed)", "/discord/interactions", discordBody, testkit.DiscordHeaders(s.priv, discordBody, now.Add(-10*time.Minute)), false, 401},
		{"discord oversized", "/discord/interactions", bigDiscord, testkit.DiscordHeaders(s.priv, bigDiscord, now), false, 413},
		{"discord oversized, chunked", "/discord/interactions", bigDiscord, testkit.DiscordHeaders(s.priv, bigDiscord, now), true, 413},
		{"discord malformed JSON", "/discord/interactions", malformed, testkit.DiscordHeaders(s.priv, malformed, now), false, 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, s.base+tc.path, bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.chunk {
				req.Body = io.NopCloser(struct{ io.Reader }{bytes.NewReader(tc.body)}) // hides the length
				req.ContentLength = -1
			}
			for k, v := range tc.header {
				req.Header[k] = v
			}
			req.Header.Set("Content-Type", "application/json")
			res, err := s.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Errorf("status %d, want %d", res.StatusCode, tc.want)
			}
		})
	}
	if len(fake.snapshot()) != 0 {
		t.Errorf("bad requests caused posts: %+v", fake.snapshot())
	}

	t.Run("discord unknown command", func(t *testing.T) {
		_, resp, _, err := s.discordInteraction(commandBody(t, "iunk", "D1", "frobnicate"))
		if err != nil || resp.Type != 4 || resp.Data == nil || resp.Data.Flags&64 == 0 ||
			!strings.Contains(resp.Data.Content, "I don't know that command") {
			t.Errorf("unknown command: %v %s, want a polite ephemeral", err, resp.raw)
		}
	})

	// A question far over the engine's 500 characters, yet inside the 64 KiB body limit:
	// a clear request for a shorter question. (100,000 characters cannot pass the body
	// limit on either endpoint: that is the 413 above; `bot ask` takes it, below.)
	long := strings.Repeat("why did iran strike ", 3000) // 60,000 characters
	t.Run("slack long question", func(t *testing.T) {
		body := mentionBody(t, "EvLong", "W1", "CLONG", "1705400600.000300", long)
		if code, _, err := s.slackEvent(body, 0); err != nil || code != 200 {
			t.Fatalf("%d %v", code, err)
		}
		testkit.WaitFor(t, 5*time.Second, "the reply", func() bool { return len(fake.postsTo("CLONG")) == 1 })
		p := fake.postsTo("CLONG")[0]
		if !strings.Contains(p.Text+p.Blocks, "shorter question") {
			t.Errorf("reply to a 60,000-character question: %.300s", p.Text+" "+p.Blocks)
		}
		if len(p.Text) > 4000 || len(p.Blocks) > 20000 {
			t.Errorf("the reply echoes the whole question: text %d bytes, blocks %d", len(p.Text), len(p.Blocks))
		}
	})
	t.Run("discord long question", func(t *testing.T) {
		_, resp, _, err := s.discordInteraction(askBody(t, "ilong", "D1", long))
		if err != nil || resp.Type != 4 || !strings.Contains(resp.raw, "shorter question") {
			t.Errorf("%v %.300s", err, resp.raw)
		}
		if len(resp.raw) > 8000 {
			t.Errorf("the response is %d bytes: it echoes the question", len(resp.raw))
		}
	})

	// Invalid UTF-8 in a question: raw bytes and a lone surrogate escape.
	t.Run("slack invalid UTF-8", func(t *testing.T) {
		for i, q := range []string{"who is \xffvaez\xc3", `who is \ud800 vaez`} {
			ch := "CUTF" + string(rune('0'+i))
			body := bytes.Replace(mentionBody(t, "EvUTF"+ch, "W1", ch, "1705400600.000400", "QQQ"), []byte("QQQ"), []byte(q), 1)
			if code, _, err := s.slackEvent(body, 0); err != nil || code != 200 {
				t.Fatalf("%q: %d %v", q, code, err)
			}
			testkit.WaitFor(t, 5*time.Second, "the reply", func() bool { return len(fake.postsTo(ch)) == 1 })
		}
	})
	t.Run("discord invalid UTF-8", func(t *testing.T) {
		for _, q := range []string{"who is \xffvaez\xc3", `who is \ud800 vaez`} {
			body := bytes.Replace(askBody(t, "iutf", "D1", "QQQ"), []byte("QQQ"), []byte(q), 1)
			code, resp, _, err := s.discordInteraction(body)
			if err != nil || code != 200 || resp.Type != 4 || resp.Data == nil || len(resp.Data.Embeds) != 1 {
				t.Errorf("%q: %d %v %.300s", q, code, err, resp.raw)
			}
		}
	})

	if got := s.metric(`bot_panics_total{platform="slack"}`) + s.metric(`bot_panics_total{platform="discord"}`); got != 0 {
		t.Errorf("%v panics", got)
	}
	if code, _ := s.get("/healthz"); code != 200 {
		t.Errorf("/healthz %d after bad input", code)
	}
	if _, resp, _, _ := s.discordInteraction(askBody(t, "iafter", "D2", "When did Pakistan strike Iran?")); resp.Type != 4 || !strings.Contains(resp.raw, "18 January") {
		t.Errorf("a good question after the bad input: %s", resp.raw)
	}
}

// TestAskHundredThousandCharacters: the CLI takes a question no webhook body can carry.
func TestAskHundredThousandCharacters(t *testing.T) {
	q := strings.Repeat("a", 100000)
	code, out, errOut := runBot(t, "", nil, "ask", q)
	if code != 0 || !strings.Contains(out, "shorter question") || len(out) > 5000 {
		t.Errorf("exit %d, %d bytes out: %.300s %s", code, len(out), out, errOut)
	}
}

// TestServeRefusesBadSetupBeforeConnecting: a broken knowledge base, an unknown config key,
// a missing or bad secret for an enabled adapter, or a busy address exit 2 naming the
// problem, before the bot calls Slack or serves anything.
func TestServeRefusesBadSetupBeforeConnecting(t *testing.T) {
	fake := newFakeSlack(t)
	slackEnv := map[string]string{"SLACK_SIGNING_SECRET": testSigningSecret, "SLACK_BOT_TOKEN": testBotToken,
		"SLACK_API_URL": fake.url(), "BOT_HTTP_ADDR": "127.0.0.1:0", "BOT_REVIEW_PATH": filepath.Join(t.TempDir(), "review.db")}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range slackEnv {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	dir := t.TempDir()
	kb := filepath.Join(dir, "kb")
	if err := os.Mkdir(kb, 0o755); err != nil {
		t.Fatal(err)
	}
	broken := "[source]\noutlet = \"The New Arab\"\nauthor = \"Giorgio Cafiero\"\n\n[[quote]]\nid = \"q\"\nspeaker = \"nobody\"\ntext = \"Words.\"\n"
	if err := os.WriteFile(filepath.Join(kb, "broken.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	unknownKey := filepath.Join(dir, "unknown.toml")
	if err := os.WriteFile(unknownKey, []byte("[slack]\nsigning_secrett = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	interactionsOn := filepath.Join(dir, "interactions.toml")
	if err := os.WriteFile(interactionsOn, []byte("[discord]\ninteractions = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string // in stderr
	}{
		{"broken --kb", slackEnv, []string{"serve", "--kb", kb}, []string{"broken.toml", `speaker "nobody"`}},
		{"unknown config key", slackEnv, []string{"serve", "--config", unknownKey}, []string{"slack.signing_secrett"}},
		{"events api without a bot token", with("SLACK_BOT_TOKEN", ""), []string{"serve"}, []string{"SLACK_BOT_TOKEN"}},
		{"bot token of the wrong kind", with("SLACK_BOT_TOKEN", "xapp-1"), []string{"serve"}, []string{"SLACK_BOT_TOKEN", "xoxb-"}},
		{"interactions on without a public key", with(), []string{"serve", "--config", interactionsOn}, []string{"DISCORD_PUBLIC_KEY"}},
		{"public key not hex", with("DISCORD_PUBLIC_KEY", "not-a-key"), []string{"serve"}, []string{"DISCORD_PUBLIC_KEY"}},
		{"address in use", with("BOT_HTTP_ADDR", busy.Addr().String()), []string{"serve"}, []string{"BOT_HTTP_ADDR"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			type result struct {
				code        int
				out, errOut string
			}
			done := make(chan result, 1)
			go func() {
				code, out, errOut := runBot(t, "", tc.env, tc.args...)
				done <- result{code, out, errOut}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("bot serve did not exit within 10s")
			}
			if r.code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", r.code, r.errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.errOut, w) {
					t.Errorf("stderr does not name %q:\n%s", w, r.errOut)
				}
			}
			if r.out != "" {
				t.Errorf("stdout %q", r.out)
			}
		})
	}
	fake.mu.Lock()
	calls := fake.authCalls
	fake.mu.Unlock()
	if calls != 0 || len(fake.snapshot()) != 0 {
		t.Errorf("the bot called Slack %d times before refusing its setup", calls)
	}
}
