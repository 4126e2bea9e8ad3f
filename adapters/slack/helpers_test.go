package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/testkit"
)

const (
	testBotUser  = "UBOT"
	testBotToken = "xoxb-test-bot-token"
	testAppToken = "xapp-test-app-token"
)

func testLogger(level slog.Level) (*slog.Logger, *testkit.LogBuffer) {
	buf := &testkit.LogBuffer{}
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: level})), buf
}

// post is one chat.postMessage or chat.postEphemeral the bot made.
type post struct {
	Method    string
	Channel   string
	ThreadTS  string
	User      string
	Text      string
	Blocks    string
	LinkNames string
	Metadata  string
}

// response is one message the bot sent to a response URL.
type response struct {
	Path string
	Body map[string]any
	Raw  string
}

// recorder is a fake of the Slack Web API methods the bot calls, and of response URLs.
type recorder struct {
	mu        sync.Mutex
	posts     []post
	responses []response
	// fail429 makes the next n posts answer 429 with Retry-After: 0.
	fail429 int
	// fail500 makes every post answer 500.
	fail500 bool
	// failChannel makes posts to this channel answer not_in_channel.
	failChannel string
	// gate, if set, is waited on before a post is answered.
	gate chan struct{}
	// resets makes the next n chat.postMessage calls be accepted, then the connection
	// closed before the answer.
	resets int
	// copies is how many times conversations.replies lists each post (1 when zero).
	copies int
	// reads counts conversations.replies and conversations.history calls.
	reads int
	// failResponsesBut makes response URLs answer 500 to every message but those that
	// contain it.
	failResponsesBut string
	// uploads records files.uploadV2's three calls (files_test.go).
	uploads uploadLog
}

func (rc *recorder) routes(handle func(pattern string, h http.HandlerFunc)) {
	handle("/auth.test", rc.authTest)
	handle("/chat.postMessage", rc.postMessage)
	handle("/chat.postEphemeral", rc.postMessage)
	handle("/conversations.replies", rc.history)
	handle("/conversations.history", rc.history)
	handle("/response/", rc.response)
	handle("/files.getUploadURLExternal", rc.getUploadURL)
	handle("/upload/", rc.uploadFile)
	handle("/files.completeUploadExternal", rc.completeUpload)
	handle("/views.publish", rc.publishView)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (rc *recorder) authTest(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("token") != testBotToken && r.Header.Get("Authorization") != "Bearer "+testBotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "user_id": testBotUser, "bot_id": "BBOT", "team_id": "T1", "user": "borderbot"})
}

func (rc *recorder) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	rc.mu.Lock()
	gate := rc.gate
	rc.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-time.After(5 * time.Second):
		}
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	switch {
	case rc.fail500:
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	case rc.fail429 > 0:
		rc.fail429--
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case rc.failChannel != "" && r.PostForm.Get("channel") == rc.failChannel:
		writeJSON(w, map[string]any{"ok": false, "error": "not_in_channel"})
		return
	}
	method := strings.TrimPrefix(r.URL.Path, "/")
	rc.posts = append(rc.posts, post{Method: method, Channel: r.PostForm.Get("channel"),
		ThreadTS: r.PostForm.Get("thread_ts"), User: r.PostForm.Get("user"), Text: r.PostForm.Get("text"),
		Blocks: r.PostForm.Get("blocks"), LinkNames: r.PostForm.Get("link_names"), Metadata: r.PostForm.Get("metadata")})
	if method == "chat.postMessage" && rc.resets > 0 {
		rc.resets--
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close() // accepted, but the answer never arrives
				return
			}
		}
	}
	writeJSON(w, map[string]any{"ok": true, "channel": r.PostForm.Get("channel"), "ts": fmt.Sprintf("%d.000200", len(rc.posts))})
}

// history lists the posts in a channel (and thread), with their metadata.
func (rc *recorder) history(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.reads++
	msgs := []map[string]any{}
	for i, p := range rc.posts {
		if p.Method != "chat.postMessage" || p.Channel != r.PostForm.Get("channel") ||
			(r.PostForm.Get("ts") != "" && p.ThreadTS != r.PostForm.Get("ts")) {
			continue
		}
		var meta any
		_ = json.Unmarshal([]byte(p.Metadata), &meta)
		for range max(rc.copies, 1) {
			msgs = append(msgs, map[string]any{"type": "message", "user": testBotUser, "ts": fmt.Sprintf("%d.000200", i+1),
				"thread_ts": p.ThreadTS, "metadata": meta})
		}
	}
	writeJSON(w, map[string]any{"ok": true, "messages": msgs})
}

func (rc *recorder) response(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	rc.mu.Lock()
	if rc.failResponsesBut != "" && !strings.Contains(string(raw), rc.failResponsesBut) {
		rc.mu.Unlock()
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	}
	rc.responses = append(rc.responses, response{Path: r.URL.Path, Body: body, Raw: string(raw)})
	rc.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true})
}

func (rc *recorder) snapshot() ([]post, []response) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]post(nil), rc.posts...), append([]response(nil), rc.responses...)
}

// postsTo returns the posts made to a channel.
func (rc *recorder) postsTo(channel string) []post {
	var out []post
	ps, _ := rc.snapshot()
	for _, p := range ps {
		if p.Channel == channel {
			out = append(out, p)
		}
	}
	return out
}

// responsesTo returns the messages sent to one response URL path.
func (rc *recorder) responsesTo(path string) []response {
	var out []response
	_, rs := rc.snapshot()
	for _, r := range rs {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// assertInert fails when posted text could ping anyone.
func assertInert(t *testing.T, what string, s string) {
	t.Helper()
	for _, bad := range []string{"<!channel>", "<!here>", "<!everyone>", "<@W999>", "<@U"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s contains the live ping %q: %s", what, bad, s)
		}
	}
}

// form encodes key-value pairs as an application/x-www-form-urlencoded body.
func form(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

// mustJSON marshals v or fails the test.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mention is an app_mention event callback.
func mention(eventID, user, channel, ts, thread, text string) map[string]any {
	ev := map[string]any{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if thread != "" {
		ev["thread_ts"] = thread
	}
	return callback(eventID, ev)
}

// callback wraps an inner event as an Events API event_callback.
func callback(eventID string, ev map[string]any) map[string]any {
	return map[string]any{"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": 1705400000, "event": ev}
}

// blockAction is a block_actions payload for one pressed button.
func blockAction(trigger, user, channel, actionID, value, responseURL string, container map[string]any) map[string]any {
	return map[string]any{
		"type": "block_actions", "trigger_id": trigger, "user": map[string]any{"id": user, "name": "asker"},
		"channel": map[string]any{"id": channel}, "container": container, "response_url": responseURL,
		"api_app_id": "A1", "team": map[string]any{"id": "T1"},
		"actions": []map[string]any{{"type": "button", "action_id": actionID, "block_id": "b", "value": value, "action_ts": "1.2"}},
	}
}

// askedLog records the questions an engine was asked, exactly as it received them.
type askedLog struct {
	mu sync.Mutex
	qs []string
}

func (a *askedLog) add(q string) {
	if a == nil {
		return
	}
	a.mu.Lock()
	a.qs = append(a.qs, q)
	a.mu.Unlock()
}

func (a *askedLog) all() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.qs...)
}

func (a *askedLog) count(q string) int {
	n := 0
	for _, got := range a.all() {
		if got == q {
			n++
		}
	}
	return n
}
