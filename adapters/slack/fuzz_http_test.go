package slack

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/testkit"
)

// FuzzEventsHandler sends any body, correctly signed, to each of the three Events API
// endpoints: the handler answers 200, 400 or 413, never anything else, and never panics,
// while the replies it posts go to a fake Slack Web API.
func FuzzEventsHandler(f *testing.F) {
	for _, s := range []struct{ path, body string }{
		{"/slack/events", `{"type":"url_verification","challenge":"abc"}`},
		{"/slack/events", `{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","channel":"C1","ts":"1.0","text":"<@UBOT> why did iran strike?"}}`},
		{"/slack/events", `{"type":"event_callback","event_id":"Ev2","event":{"type":"message","channel_type":"im","user":"U1","channel":"D1","ts":"1.0","text":"kerman"}}`},
		{"/slack/commands", `command=%2Fask&text=who+is+vaez&user_id=U1&channel_id=C1&trigger_id=T1`},
		{"/slack/interactivity", `payload=%7B%22type%22%3A%22block_actions%22%7D`},
		{"/slack/events", `{`}, {"/slack/commands", `%zz`}, {"/slack/interactivity", `payload={`},
	} {
		f.Add(s.path, []byte(s.body))
	}
	rec := &recorder{}
	apiMux := http.NewServeMux()
	rec.routes(func(p string, h http.HandlerFunc) { apiMux.HandleFunc(p, h) })
	api := httptest.NewServer(apiMux)
	f.Cleanup(api.Close)
	logger, _ := testLogger(slog.LevelError)
	h, err := NewEventsHandler(testkit.Engine(f), EventsOptions{SigningSecret: testSecret, BotToken: testBotToken,
		APIURL: api.URL + "/", Logger: logger,
		Delivery: Delivery{Backoff: time.Millisecond, Interval: time.Millisecond, Jitter: -1, Deadline: 2 * time.Second}})
	if err != nil {
		f.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.Start(ctx); err != nil {
		f.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Routes(mux)
	f.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Close(ctx)
	})
	f.Fuzz(func(t *testing.T, path string, body []byte) {
		switch path {
		case "/slack/events", "/slack/commands", "/slack/interactivity":
		default:
			path = "/slack/events"
		}
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(string(body)))
		for k, v := range testkit.SlackHeaders(testSecret, []byte(string(body)), time.Now()) {
			r.Header[k] = v
		}
		if path != "/slack/events" {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		switch w.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for a signed body to %s: %s", w.Code, path, w.Body)
		}
	})
}
