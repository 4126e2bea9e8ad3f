package slack

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// httpHarness serves an EventsHandler against a fake Slack Web API.
type httpHarness struct {
	rec     *recorder
	api     *httptest.Server
	srv     *httptest.Server
	handler *EventsHandler
	logs    *testkit.LogBuffer
}

func newHTTPHarness(t *testing.T, configure func(*EventsOptions)) *httpHarness {
	t.Helper()
	return newHTTPHarnessWith(t, testkit.Engine(t), configure)
}

// newHTTPHarnessWith is newHTTPHarness with another engine.
func newHTTPHarnessWith(t *testing.T, engine Engine, configure func(*EventsOptions)) *httpHarness {
	t.Helper()
	h := &httpHarness{rec: &recorder{}}
	apiMux := http.NewServeMux()
	h.rec.routes(func(p string, f http.HandlerFunc) { apiMux.HandleFunc(p, f) })
	h.api = httptest.NewServer(apiMux)
	t.Cleanup(h.api.Close)
	var logger *slog.Logger
	logger, h.logs = testLogger(slog.LevelInfo)
	opts := EventsOptions{SigningSecret: testSecret, BotToken: testBotToken, APIURL: h.api.URL + "/",
		Logger: logger, Delivery: Delivery{Backoff: 5 * time.Millisecond, Interval: time.Millisecond, Jitter: -1, Deadline: 5 * time.Second}}
	if configure != nil {
		configure(&opts)
	}
	var err error
	h.handler, err = NewEventsHandler(engine, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.handler.Start(ctx); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.handler.Routes(mux)
	h.srv = httptest.NewServer(mux)
	t.Cleanup(h.srv.Close)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := h.handler.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
		if t.Failed() {
			t.Log(h.logs.String())
		}
	})
	return h
}

// do sends body to path with the given headers and returns the status and body.
func (h *httpHarness) do(t *testing.T, path, contentType, body string, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", contentType)
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("%s took %v, over Slack's three seconds", path, d)
	}
	return res.StatusCode, string(out)
}

// signed sends a body signed now with the test secret.
func (h *httpHarness) signed(t *testing.T, path, contentType, body string) (int, string) {
	t.Helper()
	return h.do(t, path, contentType, body, testkit.SlackHeaders(testSecret, []byte(body), time.Now()))
}

const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

func TestEventsEndpoints(t *testing.T) {
	h := newHTTPHarness(t, nil)
	respURL := h.api.URL + "/response/"
	suggestion := testkit.Engine(t).Answer("").Suggestions[0]
	ask := testkit.Engine(t).Answer("Why did Iran strike Pakistan?")

	mentionBody := mustJSON(t, mention("EvGood", "W1", "C1", "100.000100", "", "<@UBOT> Why did Iran strike Pakistan?"))
	challenge := mustJSON(t, map[string]any{"token": "legacy", "type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"})

	cases := []struct {
		name   string
		path   string
		ctype  string
		body   string
		header http.Header // nil: signed now with the right secret
		status int
		want   string // a substring of the response body
	}{
		{name: "challenge", path: "/slack/events", ctype: jsonType, body: challenge, status: 200,
			want: `"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"`},
		{name: "bad signature", path: "/slack/events", ctype: jsonType, body: mentionBody,
			header: testkit.SlackHeaders("not-the-secret", []byte(mentionBody), time.Now()), status: 401},
		{name: "stale timestamp", path: "/slack/events", ctype: jsonType, body: mentionBody,
			header: testkit.SlackHeaders(testSecret, []byte(mentionBody), time.Now().Add(-6*time.Minute)), status: 401},
		{name: "no signature", path: "/slack/events", ctype: jsonType, body: mentionBody, header: http.Header{}, status: 401},
		{name: "signed for another body", path: "/slack/commands", ctype: formType, body: form("command", "/ask"),
			header: testkit.SlackHeaders(testSecret, []byte(form("command", "/timeline")), time.Now()), status: 401},
		{name: "malformed event", path: "/slack/events", ctype: jsonType, body: `{"type": "event_callback", "event": `, status: 400},
		{name: "malformed inner event", path: "/slack/events", ctype: jsonType,
			body: `{"type": "event_callback", "event_id": "EvBad", "event": "text"}`, status: 400},
		{name: "malformed command", path: "/slack/commands", ctype: formType, body: "text=%zz", status: 400},
		{name: "command without a response URL", path: "/slack/commands", ctype: formType, body: form("command", "/ask"), status: 400},
		{name: "malformed interaction", path: "/slack/interactivity", ctype: formType, body: form("payload", "{nope"), status: 400},
		{name: "oversized event", path: "/slack/events", ctype: jsonType,
			body: `{"type":"event_callback","pad":"` + strings.Repeat("x", DefaultMaxBodyBytes) + `"}`, status: 413},
		{name: "unhandled event type", path: "/slack/events", ctype: jsonType,
			body: mustJSON(t, callback("EvReaction", map[string]any{"type": "reaction_added", "user": "W1"})), status: 200},
		{name: "bot message", path: "/slack/events", ctype: jsonType, status: 200,
			body: mustJSON(t, callback("EvBot", map[string]any{"type": "message", "channel_type": "im", "channel": "D9",
				"user": testBotUser, "bot_id": "BBOT", "text": "hi", "ts": "1.1"}))},
		{name: "deleted message", path: "/slack/events", ctype: jsonType, status: 200,
			body: mustJSON(t, callback("EvDel", map[string]any{"type": "message", "subtype": "message_deleted",
				"channel_type": "im", "channel": "D9", "ts": "1.2", "deleted_ts": "1.1"}))},
		{name: "mention", path: "/slack/events", ctype: jsonType, body: mentionBody, status: 200},
		{name: "slash command", path: "/slack/commands", ctype: formType, status: 200,
			body: form("command", "/ask", "text", "Why did Iran strike Pakistan?", "user_id", "W1", "user_name", "asker",
				"channel_id", "C2", "response_url", respURL+"ask", "trigger_id", "tr-ask", "team_id", "T1")},
		{name: "timeline command", path: "/slack/commands", ctype: formType, status: 200,
			body: form("command", "/timeline", "user_id", "W1", "channel_id", "C2", "response_url", respURL+"timeline", "trigger_id", "tr-tl")},
		{name: "quote command", path: "/slack/commands", ctype: formType, status: 200,
			body: form("command", "/quote", "text", "vaez", "user_id", "W1", "channel_id", "C2", "response_url", respURL+"quote", "trigger_id", "tr-q")},
		{name: "help command", path: "/slack/commands", ctype: formType, status: 200,
			body: form("command", "/ask", "text", "help", "user_id", "W1", "channel_id", "C2", "response_url", respURL+"help", "trigger_id", "tr-help")},
		{name: "suggestion pressed", path: "/slack/interactivity", ctype: formType, status: 200,
			body: form("payload", mustJSON(t, blockAction("tr-btn", "W1", "C3", "suggest:1", suggestion.ID, respURL+"btn",
				map[string]any{"type": "message", "message_ts": "300.000300", "thread_ts": "299.000299", "channel_id": "C3"})))},
		{name: "share pressed", path: "/slack/interactivity", ctype: formType, status: 200,
			body: form("payload", mustJSON(t, blockAction("tr-share", "W1", "C4", actionShare,
				shareValue(suggestion.ID, "@channel why did Iran strike?"), respURL+"share",
				map[string]any{"type": "message", "message_ts": "400.000400", "channel_id": "C4", "is_ephemeral": true})))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var status int
			var body string
			if tc.header == nil {
				status, body = h.signed(t, tc.path, tc.ctype, tc.body)
			} else {
				status, body = h.do(t, tc.path, tc.ctype, tc.body, tc.header)
			}
			if status != tc.status {
				t.Fatalf("status %d, want %d (%s)", status, tc.status, body)
			}
			if tc.want != "" && !strings.Contains(body, tc.want) {
				t.Errorf("body %q does not contain %q", body, tc.want)
			}
		})
	}

	// Slack retries the mention, as if our 200 had been lost: it is answered once only.
	retry := testkit.SlackHeaders(testSecret, []byte(mentionBody), time.Now())
	retry.Set("X-Slack-Retry-Num", "1")
	retry.Set("X-Slack-Retry-Reason", "http_timeout")
	if status, _ := h.do(t, "/slack/events", jsonType, mentionBody, retry); status != 200 {
		t.Fatalf("retried event: status %d, want 200", status)
	}

	testkit.WaitFor(t, 5*time.Second, "the replies", func() bool {
		ps, rs := h.rec.snapshot()
		return len(ps) >= 3 && len(rs) >= 5
	})
	time.Sleep(100 * time.Millisecond) // let any reply that should not exist arrive

	if ps := h.rec.postsTo("C1"); len(ps) != 1 || ps[0].ThreadTS != "100.000100" {
		t.Errorf("mention: posts %+v, want one in thread 100.000100", ps)
	}
	if ps := h.rec.postsTo("C3"); len(ps) != 1 || ps[0].ThreadTS != "299.000299" ||
		!strings.Contains(ps[0].Blocks, suggestion.Question) {
		t.Errorf("suggestion: posts %+v, want the answer to %q in thread 299.000299", ps, suggestion.Question)
	}
	shared := h.rec.postsTo("C4")
	if len(shared) != 1 || shared[0].ThreadTS != "" {
		t.Fatalf("share: posts %+v, want one top-level post", shared)
	}
	assertInert(t, "shared answer", shared[0].Blocks)
	if !strings.Contains(shared[0].Blocks, "@\u2060channel why did Iran strike?") {
		t.Errorf("share: the question is not echoed inert: %s", shared[0].Blocks)
	}
	if strings.Contains(shared[0].Blocks, `"share"`) {
		t.Errorf("share: the shared answer still offers the share button")
	}
	if rs := h.rec.responsesTo("/response/share"); len(rs) != 1 || rs[0].Body["delete_original"] != true {
		t.Errorf("share: responses %+v, want the private answer deleted", rs)
	}
	for _, d := range []string{"D9", ""} {
		if ps := h.rec.postsTo(d); len(ps) != 0 {
			t.Errorf("posted to %q for an event it should ignore: %+v", d, ps)
		}
	}

	askR := h.rec.responsesTo("/response/ask")
	if len(askR) != 1 || askR[0].Body["response_type"] != "ephemeral" {
		t.Fatalf("/ask: responses %+v, want one ephemeral", askR)
	}
	if ask.Answered && !strings.Contains(askR[0].Raw, `"action_id":"share"`) {
		t.Errorf("/ask: the answer offers no button to post it: %s", askR[0].Raw)
	}
	for path, want := range map[string]string{
		"/response/timeline": "Timeline",
		"/response/quote":    "Vaez",
		"/response/help":     "How to ask",
	} {
		rs := h.rec.responsesTo(path)
		if len(rs) != 1 || !strings.Contains(rs[0].Raw, want) || rs[0].Body["response_type"] != "ephemeral" {
			t.Errorf("%s: responses %+v, want one ephemeral containing %q", path, rs, want)
		}
	}
	if strings.Contains(h.logs.String(), testBotToken) || strings.Contains(h.logs.String(), testSecret) {
		t.Error("a secret was logged")
	}
}

func TestEventsClockAndReadiness(t *testing.T) {
	// The handler's own clock decides the timestamp window.
	skewed := time.Now().Add(10 * time.Minute)
	h := newHTTPHarness(t, func(o *EventsOptions) { o.Now = func() time.Time { return skewed } })
	body := mustJSON(t, map[string]any{"type": "url_verification", "challenge": "c"})
	if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 401 {
		t.Errorf("a request five minutes off the handler's clock: status %d, want 401", status)
	}
	if !h.handler.Ready() {
		t.Error("not ready after Start")
	}

	// Before Start, events are refused with 503 so that Slack retries them.
	cold, err := NewEventsHandler(testkit.Engine(t), EventsOptions{SigningSecret: testSecret, BotToken: testBotToken, APIURL: h.api.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	ev := mustJSON(t, mention("EvCold", "W1", "C1", "1.1", "", "<@UBOT> hi"))
	req := httptest.NewRequest(http.MethodPost, "/slack/events", strings.NewReader(ev))
	for k, v := range testkit.SlackHeaders(testSecret, []byte(ev), time.Now()) {
		req.Header[k] = v
	}
	rw := httptest.NewRecorder()
	cold.ServeEvents(rw, req)
	if rw.Code != http.StatusServiceUnavailable || cold.Ready() {
		t.Errorf("before Start: status %d ready %v, want 503 and not ready", rw.Code, cold.Ready())
	}
}

func TestEventsStartNamesTheWrongToken(t *testing.T) {
	rec := &recorder{}
	mux := http.NewServeMux()
	rec.routes(func(p string, f http.HandlerFunc) { mux.HandleFunc(p, f) })
	api := httptest.NewServer(mux)
	defer api.Close()
	h, err := NewEventsHandler(testkit.Engine(t), EventsOptions{SigningSecret: testSecret, BotToken: "xoxb-wrong", APIURL: api.URL})
	if err != nil {
		t.Fatal(err)
	}
	err = h.Start(context.Background())
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || strings.Contains(err.Error(), "xoxb-wrong") {
		t.Fatalf("Start = %v, want an error naming SLACK_BOT_TOKEN without showing it", err)
	}
	if _, err := NewEventsHandler(testkit.Engine(t), EventsOptions{BotToken: testBotToken}); err == nil ||
		!strings.Contains(err.Error(), "SLACK_SIGNING_SECRET") {
		t.Errorf("no signing secret: err = %v", err)
	}
}

// TestPostRetriesRateLimits: two 429s, then Slack takes the post. slack-go's own retry
// handler waits out each (at least a second, with jitter), and the reply lands once.
func TestPostRetriesRateLimits(t *testing.T) {
	h := newHTTPHarness(t, nil)
	h.rec.mu.Lock()
	h.rec.fail429 = 2
	h.rec.mu.Unlock()
	body := mustJSON(t, mention("EvRL", "W1", "C1", "1.000001", "", "<@UBOT> Why did Iran strike Pakistan?"))
	start := time.Now()
	if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 200 {
		t.Fatalf("status %d", status)
	}
	testkit.WaitFor(t, 8*time.Second, "the rate-limited post to go through", func() bool { return len(h.rec.postsTo("C1")) == 1 })
	if took := time.Since(start); took < 2*time.Second {
		t.Errorf("posted %v after two 429s; Retry-After was not honoured (at least 1s each)", took)
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(h.rec.postsTo("C1")); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	if p := h.rec.postsTo("C1")[0]; !strings.Contains(p.Metadata, `"event_id":"EvRL"`) || !strings.Contains(p.Metadata, metadataType) {
		t.Errorf("the post is not tagged with its event: metadata %q", p.Metadata)
	}
}

// TestPostThatFailsIsLoggedWithItsEvent: a post Slack always answers with 500 is retried
// until its deadline, then dropped: logged with its event id, reported as failed.
func TestPostThatFailsIsLoggedWithItsEvent(t *testing.T) {
	var mu sync.Mutex
	var outcomes []adapters.Outcome
	h := newHTTPHarness(t, func(o *EventsOptions) {
		o.Delivery.Deadline = 300 * time.Millisecond
		o.Hooks.After = func(_ context.Context, ev adapters.Event, out adapters.Outcome, _ time.Duration) {
			mu.Lock()
			outcomes = append(outcomes, out)
			mu.Unlock()
		}
	})
	h.rec.mu.Lock()
	h.rec.fail500 = true
	h.rec.mu.Unlock()
	body := mustJSON(t, mention("EvLost", "W1", "C1", "1.000001", "", "<@UBOT> Why did Iran strike Pakistan?"))
	if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 200 {
		t.Fatalf("status %d", status)
	}
	testkit.WaitFor(t, 5*time.Second, "the failure to be reported", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(outcomes) == 1
	})
	if outcomes[0] != adapters.OutcomeFailed {
		t.Errorf("outcome %q, want failed", outcomes[0])
	}
	logs := h.logs.String()
	if !strings.Contains(logs, `msg="event handled"`) || !strings.Contains(logs, "outcome=failed") ||
		!strings.Contains(logs, "event_id=EvLost") || !strings.Contains(logs, "deadline") {
		t.Errorf("the lost reply is not logged with its event id and why:\n%s", logs)
	}
}

func TestHooksRefuseAndRecoverPanics(t *testing.T) {
	var mu sync.Mutex
	got := map[string]adapters.Outcome{}
	h := newHTTPHarness(t, func(o *EventsOptions) {
		o.Hooks.Before = func(ctx context.Context, ev adapters.Event) error {
			switch ev.UserID {
			case "WPANIC":
				panic("boom")
			case "WSLOW":
				return &adapters.Refusal{Message: "Please wait a moment, @here."}
			case "WQUIET":
				return errors.New("over the limit")
			}
			return nil
		}
		o.Hooks.After = func(_ context.Context, ev adapters.Event, out adapters.Outcome, _ time.Duration) {
			mu.Lock()
			got[ev.ID] = out
			mu.Unlock()
		}
	})
	for _, c := range []struct{ id, user, channel string }{
		{"EvPanic", "WPANIC", "C1"}, {"EvSlow", "WSLOW", "C2"}, {"EvQuiet", "WQUIET", "C3"}, {"EvFine", "W1", "C4"},
	} {
		body := mustJSON(t, mention(c.id, c.user, c.channel, "1.000001", "", "<@UBOT> Why did Iran strike Pakistan?"))
		if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 200 {
			t.Fatalf("%s: status %d", c.id, status)
		}
	}
	testkit.WaitFor(t, 5*time.Second, "every event's outcome", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) == 4
	})
	want := map[string]adapters.Outcome{"EvPanic": adapters.OutcomePanic, "EvSlow": adapters.OutcomeRefused, "EvQuiet": adapters.OutcomeRefused}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: outcome %q, want %q", id, got[id], w)
		}
	}
	// The refusal is told to the user after its outcome is recorded, and the answer may
	// still be on its way: wait for both.
	testkit.WaitFor(t, 5*time.Second, "the refusal notice and the answer after the panic", func() bool {
		return len(h.rec.postsTo("C2")) > 0 && len(h.rec.postsTo("C4")) > 0
	})
	if got["EvFine"] == adapters.OutcomePanic || len(h.rec.postsTo("C4")) != 1 {
		t.Errorf("the bot stopped serving after a panic: %v %v", got, h.rec.postsTo("C4"))
	}
	slow := h.rec.postsTo("C2")
	if len(slow) != 1 || slow[0].Method != "chat.postEphemeral" || slow[0].User != "WSLOW" {
		t.Errorf("refusal notice: posts %+v, want one ephemeral to WSLOW", slow)
	} else {
		assertInert(t, "refusal", slow[0].Blocks)
	}
	if ps := append(h.rec.postsTo("C1"), h.rec.postsTo("C3")...); len(ps) != 0 {
		t.Errorf("posted for a panicked or silently refused event: %+v", ps)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "panic while handling an event") || !strings.Contains(logs, "event_id=EvPanic") {
		t.Errorf("the panic is not logged with its event id:\n%s", logs)
	}
}

func TestShareFallsBackToResponseURL(t *testing.T) {
	h := newHTTPHarness(t, nil)
	h.rec.mu.Lock()
	h.rec.failChannel = "G1"
	h.rec.mu.Unlock()
	ask := testkit.Engine(t).Answer("")
	payload := blockAction("tr-share", "W1", "G1", actionShare, shareValue(ask.Suggestions[0].ID, "a question"),
		h.api.URL+"/response/fallback", map[string]any{"type": "message", "message_ts": "1.1", "channel_id": "G1", "is_ephemeral": true})
	if status, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, payload))); status != 200 {
		t.Fatalf("status %d", status)
	}
	testkit.WaitFor(t, 5*time.Second, "the shared answer", func() bool { return len(h.rec.responsesTo("/response/fallback")) == 1 })
	if r := h.rec.responsesTo("/response/fallback")[0]; r.Body["response_type"] != "in_channel" {
		t.Errorf("fallback response_type %v, want in_channel", r.Body["response_type"])
	}
}

func BenchmarkServeEvents(b *testing.B) {
	h, err := NewEventsHandler(testkit.Engine(b), EventsOptions{SigningSecret: testSecret, BotToken: testBotToken})
	if err != nil {
		b.Fatal(err)
	}
	body := mustJSON(b, map[string]any{"type": "url_verification", "challenge": "c"})
	header := testkit.SlackHeaders(testSecret, []byte(body), time.Now())
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/slack/events", strings.NewReader(body))
		req.Header = header.Clone()
		rw := httptest.NewRecorder()
		h.ServeEvents(rw, req)
		if rw.Code != 200 {
			b.Fatal(rw.Code)
		}
	}
}
