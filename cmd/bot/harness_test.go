package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/adapters/slack"
	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/internal/testkit"
)

// ackDeadline is how long Slack and Discord wait for an acknowledgement. The tests hold
// single requests to it rather than to something tighter, because a shared test machine
// sometimes pauses the whole process for a second or more; the load test measures more.
const ackDeadline = 3 * time.Second

// The secrets the test server runs with.
const (
	testSigningSecret = "e2e-signing-secret-0123456789abcdef"
	testBotToken      = "xoxb-e2e-bot-token"
	testBotUser       = "UBOT"
)

type slackPost struct {
	Method   string
	Channel  string
	ThreadTS string
	User     string
	Text     string
	Blocks   string
	EventID  string // from the post's metadata
	TS       string
	At       time.Time
}

// postFault is what the fake Slack does with one chat.postMessage instead of accepting it.
type postFault int

const (
	faultNone      postFault = iota
	fault429                 // 429 with Retry-After: 1
	fault500                 // 500 Internal Server Error
	faultHang                // no answer until the client gives up
	faultSlackDown           // ok:false, error:fatal_error
	faultReset               // the post is accepted, then the connection is closed before the answer
	faultLandHang            // the post is accepted, then no answer comes until the client gives up
)

// fakeSlack is a local Slack Web API: auth.test, chat.postMessage, chat.postEphemeral.
type fakeSlack struct {
	srv *httptest.Server

	mu        sync.Mutex
	posts     []slackPost
	attempts  map[string][]time.Time // when each chat.postMessage per channel came, faults included
	authFails int                    // auth.test calls still to fail with a 500
	authCalls int
	authGate  chan struct{}          // when set, auth.test waits for it to close
	postDelay time.Duration          // every post waits this long before it is answered
	faults    map[string][]postFault // per channel, the next posts' faults, in order
	// failChannel's posts always answer 500: a reply that can never be delivered.
	failChannel string
	// window, when set, is Slack's rate limit: one chat.postMessage per channel per
	// window; a post sooner gets 429 with Retry-After: 1.
	window     time.Duration
	lastPost   map[string]time.Time // per channel, when the last post was accepted
	rateLimits int                  // posts refused by the window
	reads      int                  // conversations.replies and .history calls
	// throttled is, per channel, until when every chat.postMessage answers 429 with
	// Retry-After: retryAfter seconds, as Slack does under a long rate limit.
	throttled  map[string]time.Time
	retryAfter int
	unhang     chan struct{} // closed on cleanup so no hanging handler outlives the test
}

func newFakeSlack(t testing.TB) *fakeSlack {
	t.Helper()
	f := &fakeSlack{attempts: map[string][]time.Time{}, faults: map[string][]postFault{}, lastPost: map[string]time.Time{},
		throttled: map[string]time.Time{}, unhang: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/auth.test", f.authTest)
	mux.HandleFunc("/chat.postMessage", f.post)
	mux.HandleFunc("/chat.postEphemeral", f.post)
	mux.HandleFunc("/conversations.replies", f.history)
	mux.HandleFunc("/conversations.history", f.history)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fake Slack: unexpected call %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(f.unhang)
		f.srv.Close()
	})
	return f
}

func (f *fakeSlack) url() string { return f.srv.URL + "/" }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeSlack) authTest(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.authCalls++
	gate := f.authGate
	fail := f.authFails > 0
	if fail {
		f.authFails--
	}
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		case <-f.unhang:
			return
		}
	}
	if fail {
		http.Error(w, "upstream trouble", http.StatusInternalServerError)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+testBotToken && r.FormValue("token") != testBotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "user_id": testBotUser, "bot_id": "BBOT", "team_id": "T1", "user": "borderbot"})
}

func (f *fakeSlack) post(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	method := strings.TrimPrefix(r.URL.Path, "/")
	channel := r.PostForm.Get("channel")
	f.mu.Lock()
	delay := f.postDelay
	fault := faultNone
	if method == "chat.postMessage" {
		f.attempts[channel] = append(f.attempts[channel], time.Now())
		if until, ok := f.throttled[channel]; ok && time.Now().Before(until) {
			after := f.retryAfter
			f.rateLimits++
			f.mu.Unlock()
			w.Header().Set("Retry-After", fmt.Sprint(after))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if channel == f.failChannel {
			fault = fault500
		} else if fs := f.faults[channel]; len(fs) > 0 {
			fault, f.faults[channel] = fs[0], fs[1:]
		}
	}
	f.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-f.unhang:
		}
	}
	switch fault {
	case fault429:
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case fault500:
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	case faultHang:
		select {
		case <-r.Context().Done():
		case <-f.unhang:
		}
		return
	case faultSlackDown:
		writeJSON(w, map[string]any{"ok": false, "error": "fatal_error"})
		return
	}
	f.mu.Lock()
	if method == "chat.postMessage" && f.window > 0 {
		if last, ok := f.lastPost[channel]; ok && time.Since(last) < f.window {
			f.rateLimits++
			f.mu.Unlock()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
	}
	var meta struct {
		EventPayload struct {
			EventID string `json:"event_id"`
		} `json:"event_payload"`
	}
	_ = json.Unmarshal([]byte(r.PostForm.Get("metadata")), &meta)
	p := slackPost{Method: method, Channel: channel, ThreadTS: r.PostForm.Get("thread_ts"),
		User: r.PostForm.Get("user"), Text: r.PostForm.Get("text"), Blocks: r.PostForm.Get("blocks"),
		EventID: meta.EventPayload.EventID, At: time.Now()}
	p.TS = fmt.Sprintf("%d.%06d", 1700000000+len(f.posts), len(f.posts))
	f.posts = append(f.posts, p)
	f.lastPost[channel] = p.At
	f.mu.Unlock()
	if fault == faultLandHang {
		select {
		case <-r.Context().Done():
		case <-f.unhang:
		}
		return
	}
	if fault == faultReset {
		// Slack took the message, but the answer never arrives.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
	}
	writeJSON(w, map[string]any{"ok": true, "channel": channel, "ts": p.TS})
}

// history answers conversations.replies and conversations.history with the bot's posts
// in the thread or the channel, with their metadata.
func (f *fakeSlack) history(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	channel, thread := r.PostForm.Get("channel"), r.PostForm.Get("ts")
	msgs := []map[string]any{}
	for _, p := range f.snapshot() {
		if p.Method != "chat.postMessage" || p.Channel != channel || (thread != "" && p.ThreadTS != thread) {
			continue
		}
		m := map[string]any{"type": "message", "user": testBotUser, "bot_id": "BBOT", "ts": p.TS, "thread_ts": p.ThreadTS, "text": p.Text}
		if p.EventID != "" && r.PostForm.Get("include_all_metadata") == "1" {
			m["metadata"] = map[string]any{"event_type": "borderbot_reply", "event_payload": map[string]any{"event_id": p.EventID}}
		}
		msgs = append(msgs, m)
	}
	f.mu.Lock()
	f.reads++
	f.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

// snapshot returns the posts accepted so far.
func (f *fakeSlack) snapshot() []slackPost {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]slackPost(nil), f.posts...)
}

// postsTo returns the accepted posts to one channel.
func (f *fakeSlack) postsTo(channel string) []slackPost {
	var out []slackPost
	for _, p := range f.snapshot() {
		if p.Channel == channel {
			out = append(out, p)
		}
	}
	return out
}

// attemptsTo returns how many chat.postMessage calls were made to channel.
func (f *fakeSlack) attemptsTo(channel string) int { return len(f.attemptTimes(channel)) }

// attemptTimes returns when each chat.postMessage call to channel came.
func (f *fakeSlack) attemptTimes(channel string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Time(nil), f.attempts[channel]...)
}

// throttle makes every post to channels answer 429 with Retry-After: retryAfter seconds
// until the given time.
func (f *fakeSlack) throttle(until time.Time, retryAfter int, channels ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.retryAfter = retryAfter
	for _, c := range channels {
		f.throttled[c] = until
	}
}

// failNext makes the next posts to channel fail in the given ways, in order.
func (f *fakeSlack) failNext(channel string, faults ...postFault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults[channel] = append(f.faults[channel], faults...)
}

// testServer is the real server of cmd/bot, running in-process on loopback.
type testServer struct {
	t      testing.TB
	base   string // http://127.0.0.1:port
	slack  *fakeSlack
	priv   ed25519.PrivateKey
	logs   *testkit.LogBuffer
	cancel context.CancelFunc
	done   chan error // receives run's result, once
	result *error
	client *http.Client
	reg    *prometheus.Registry
}

// serverSetup adjusts one test server before it starts.
type serverSetup struct {
	cfg   func(*config.Config)
	slack func(*slack.EventsOptions)
	// noWait starts the server without waiting for Slack's auth.test to succeed.
	noWait bool
}

// startServer starts newServer(...).run with the Discord interactions endpoint and the
// Slack Events API enabled, the latter against fake (a new one when nil).
func startServer(t testing.TB, fake *fakeSlack, setup serverSetup) *testServer {
	t.Helper()
	if fake == nil {
		fake = newFakeSlack(t)
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	// The review is off unless a test turns it on: under the race detector the pure-Go
	// SQLite's writes take the CPU the timing tests measure.
	cfg.Review.Enabled = false
	cfg.Review.Path = filepath.Join(t.TempDir(), "review.db")
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.HTTP.ShutdownTimeout = config.Duration{Duration: 10 * time.Second}
	cfg.Log.Level = "debug"
	cfg.Discord.PublicKey = hex.EncodeToString(pub)
	cfg.Slack.SigningSecret = testSigningSecret
	cfg.Slack.BotToken = testBotToken
	cfg.Slack.APIURL = fake.url()
	if setup.cfg != nil {
		setup.cfg(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("test config: %v", err)
	}
	logs := &testkit.LogBuffer{}
	tune := func(o *slack.EventsOptions) {
		o.Delivery.Backoff = 20 * time.Millisecond
		o.Delivery.Jitter = 20 * time.Millisecond
		o.Delivery.Interval = 5 * time.Millisecond
		o.Delivery.Deadline = 10 * time.Second
		if setup.slack != nil {
			setup.slack(o)
		}
	}
	reg := prometheus.NewRegistry()
	srv, err := newServer(cfg, testkit.Engine(t), cfg.Logger(logs), reg, tune)
	if err != nil {
		t.Fatalf("newServer: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{t: t, slack: fake, priv: priv, logs: logs, cancel: cancel, done: make(chan error, 1), reg: reg,
		client: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 100}}}
	addr := make(chan string, 1)
	go func() { ts.done <- srv.run(ctx, func(a string) { addr <- a }) }()
	select {
	case a := <-addr:
		ts.base = "http://" + a
	case err := <-ts.done:
		cancel()
		t.Fatalf("run returned before listening: %v", err)
	case <-time.After(5 * time.Second):
		cancel()
		t.Fatal("server did not listen within 5s")
	}
	t.Cleanup(func() {
		stoppedByTest := ts.result != nil // then the test has checked what run returned
		if err := ts.stop(); err != nil && !stoppedByTest {
			t.Errorf("run returned %v", err)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", tail(logs.String(), 8000))
		}
	})
	if !setup.noWait {
		ts.waitReady()
	}
	return ts
}

// tail returns the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// stop cancels the server's context and returns what run returned; it is idempotent.
func (s *testServer) stop() error {
	s.t.Helper()
	if s.result != nil {
		return *s.result
	}
	s.cancel()
	var err error
	select {
	case err = <-s.done:
	case <-time.After(20 * time.Second):
		err = fmt.Errorf("run did not return within 20s of cancel")
	}
	s.result = &err
	s.client.CloseIdleConnections()
	return err
}

// waitReady waits until /readyz answers 200.
func (s *testServer) waitReady() {
	s.t.Helper()
	testkit.WaitFor(s.t, 5*time.Second, "/readyz 200", func() bool {
		code, _ := s.get("/readyz")
		return code == http.StatusOK
	})
}

// get fetches a path and returns the status and body.
func (s *testServer) get(path string) (int, string) {
	s.t.Helper()
	res, err := s.client.Get(s.base + path)
	if err != nil {
		s.t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// send posts body to path with headers, returning the status, the body and how long the
// server took to answer. It does not fail the test on a transport error but returns it.
func (s *testServer) send(path, contentType string, body []byte, header http.Header) (int, []byte, time.Duration, error) {
	req, err := http.NewRequest(http.MethodPost, s.base+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, 0, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", contentType)
	start := time.Now()
	res, err := s.client.Do(req)
	if err != nil {
		return 0, nil, time.Since(start), err
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	return res.StatusCode, out, time.Since(start), err
}

// slackEvent posts a signed Events API body, with a retry number when retry > 0.
func (s *testServer) slackEvent(body []byte, retry int) (int, time.Duration, error) {
	h := testkit.SlackHeaders(testSigningSecret, body, time.Now())
	if retry > 0 {
		h.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
		h.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	code, _, took, err := s.send("/slack/events", "application/json", body, h)
	return code, took, err
}

// discordInteraction posts a signed interaction and decodes the response.
func (s *testServer) discordInteraction(body []byte) (int, discordResponse, time.Duration, error) {
	code, out, took, err := s.send("/discord/interactions", "application/json", body, testkit.DiscordHeaders(s.priv, body, time.Now()))
	var resp discordResponse
	if err == nil && code == http.StatusOK {
		if jerr := json.Unmarshal(out, &resp); jerr != nil {
			err = fmt.Errorf("response %q: %w", out, jerr)
		}
	}
	resp.raw = string(out)
	return code, resp, took, err
}

// discordResponse is an interaction response as Discord reads it.
type discordResponse struct {
	Type int `json:"type"`
	Data *struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"embeds"`
	} `json:"data"`
	raw string
}

// mentionBody is an app_mention event callback asking text in channel at ts.
func mentionBody(t testing.TB, eventID, user, channel, ts, text string) []byte {
	t.Helper()
	return mustJSON(t, map[string]any{
		"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": 1705400000,
		"event": map[string]any{"type": "app_mention", "user": user, "text": "<@" + testBotUser + "> " + text,
			"ts": ts, "channel": channel, "event_ts": ts},
	})
}

// threadMentionBody is a Slack app_mention at ts inside the thread that began at threadTS.
func threadMentionBody(t testing.TB, eventID, user, channel, ts, threadTS, text string) []byte {
	t.Helper()
	return mustJSON(t, map[string]any{
		"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": 1705400001,
		"event": map[string]any{"type": "app_mention", "user": user, "text": "<@" + testBotUser + "> " + text,
			"ts": ts, "thread_ts": threadTS, "channel": channel, "event_ts": ts},
	})
}

// askBody is a Discord /ask interaction from user.
func askBody(t testing.TB, id, user, question string) []byte {
	t.Helper()
	return commandBody(t, id, user, "ask", map[string]any{"name": "question", "type": 3, "value": question})
}

// commandBody is a Discord slash command interaction.
func commandBody(t testing.TB, id, user, name string, opts ...map[string]any) []byte {
	t.Helper()
	if opts == nil {
		opts = []map[string]any{}
	}
	return mustJSON(t, map[string]any{
		"id": id, "application_id": "app1", "type": 2, "token": "tok-" + id, "version": 1,
		"guild_id": "guild1", "channel_id": "chan1",
		"member": map[string]any{"user": map[string]any{"id": user, "username": "u" + user}},
		"data":   map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": opts},
	})
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// metric returns the value of one sample line of /metrics, such as
// `bot_questions_total{outcome="answered",platform="slack"}`, or 0 when it is absent.
func (s *testServer) metric(sample string) float64 {
	s.t.Helper()
	_, body := s.get("/metrics")
	return metricIn(body, sample)
}

func metricIn(body, sample string) float64 {
	for _, line := range strings.Split(body, "\n") {
		if rest, ok := strings.CutPrefix(line, sample+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err == nil {
				return v
			}
		}
	}
	return 0
}
