package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

func testLogger(buf *testkit.LogBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// fixedNow is the clock the endpoint tests run at.
var fixedNow = time.Unix(1706000000, 0)

// endpoint is an interactions handler with a fresh key pair.
type endpoint struct {
	h    http.Handler
	priv ed25519.PrivateKey
	logs *testkit.LogBuffer
}

func newEndpoint(t *testing.T, engine Engine, hooks adapters.Hooks) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ParsePublicKey(hex.EncodeToString(pub))
	if err != nil {
		t.Fatal(err)
	}
	logs := &testkit.LogBuffer{}
	h := NewInteractionsHandler(engine, key, HandlerOptions{Logger: testLogger(logs), Now: func() time.Time { return fixedNow }, Hooks: hooks})
	return &endpoint{h: h, priv: priv, logs: logs}
}

// request builds a POST signed with key over timestamp + body.
func request(key ed25519.PrivateKey, ts time.Time, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(body))
	r.Header = testkit.DiscordHeaders(key, body, ts)
	return r
}

func (e *endpoint) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// post signs and sends an interaction, and decodes the 200 response.
func (e *endpoint) post(t *testing.T, in any) wireResponse {
	t.Helper()
	body, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	w := e.do(request(e.priv, fixedNow, body))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	var resp wireResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response %s: %v", w.Body, err)
	}
	resp.raw = w.Body.String()
	return resp
}

// wireResponse is an interaction response as Discord reads it.
type wireResponse struct {
	Type int `json:"type"`
	Data *struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Footer      *struct {
				Text string `json:"text"`
			} `json:"footer"`
			Fields []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"fields"`
		} `json:"embeds"`
		Components []struct {
			Type       int `json:"type"`
			Components []struct {
				Type     int    `json:"type"`
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
		AllowedMentions *struct {
			Parse       []string `json:"parse"`
			RepliedUser bool     `json:"replied_user"`
		} `json:"allowed_mentions"`
		Choices []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"choices"`
	} `json:"data"`
	raw string
}

// buttons lists the custom IDs of a response's buttons.
func (r wireResponse) buttons() []string {
	var out []string
	if r.Data == nil {
		return nil
	}
	for _, row := range r.Data.Components {
		for _, b := range row.Components {
			out = append(out, b.CustomID)
		}
	}
	return out
}

// Interaction payloads, as Discord sends them.
func user(id string) map[string]any { return map[string]any{"id": id, "username": "u" + id} }

func command(id, name string, opts ...map[string]any) map[string]any {
	if opts == nil {
		opts = []map[string]any{}
	}
	return map[string]any{
		"id": id, "application_id": "app1", "type": 2, "token": "tok-" + id, "version": 1,
		"guild_id": "guild1", "channel_id": "chan1", "member": map[string]any{"user": user("user1")},
		"data": map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": opts},
	}
}

func autocomplete(id, name, option, typed string) map[string]any {
	in := command(id, name, map[string]any{"name": option, "type": 3, "value": typed, "focused": true})
	in["type"] = 4
	return in
}

func button(id, customID string) map[string]any {
	return map[string]any{
		"id": id, "application_id": "app1", "type": 3, "token": "tok-" + id, "version": 1,
		"channel_id": "dm1", "user": user("user2"),
		"message": map[string]any{"id": "msg-earlier", "channel_id": "dm1", "content": ""},
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
	}
}

func opt(name string, typ int, v any) map[string]any {
	return map[string]any{"name": name, "type": typ, "value": v}
}

func TestInteractionsSecurity(t *testing.T) {
	ep := newEndpoint(t, testkit.Engine(t), adapters.Hooks{})
	ping := []byte(`{"id":"p1","application_id":"app1","type":1,"token":"t","version":1}`)
	_, other, _ := ed25519.GenerateKey(nil)

	missingSig := request(nil, fixedNow, ping)
	missingStamp := request(ep.priv, fixedNow, ping)
	missingStamp.Header.Del("X-Signature-Timestamp")
	badHex := request(ep.priv, fixedNow, ping)
	badHex.Header.Set("X-Signature-Ed25519", "zz")
	tampered := request(ep.priv, fixedNow, ping)
	tampered.Body = io.NopCloser(strings.NewReader(strings.Replace(string(ping), `"p1"`, `"p2"`, 1)))
	otherStamp := request(ep.priv, fixedNow, ping)
	otherStamp.Header.Set("X-Signature-Timestamp", strconv.FormatInt(fixedNow.Unix()+1, 10))
	big := append([]byte(`{"type":2,"pad":"`), bytes.Repeat([]byte("x"), MaxBodyBytes)...)
	big = append(big, `"}`...)
	chunked := request(ep.priv, fixedNow, big)
	chunked.ContentLength = -1
	get := httptest.NewRequest(http.MethodGet, "/discord/interactions", nil)

	tests := []struct {
		name string
		req  *http.Request
		code int
	}{
		{"good signature", request(ep.priv, fixedNow, ping), http.StatusOK},
		{"timestamp 4 minutes old", request(ep.priv, fixedNow.Add(-4*time.Minute), ping), http.StatusOK},
		{"bad signature", request(other, fixedNow, ping), http.StatusUnauthorized},
		{"missing signature", missingSig, http.StatusUnauthorized},
		{"missing timestamp", missingStamp, http.StatusUnauthorized},
		{"signature not hex", badHex, http.StatusUnauthorized},
		{"tampered body", tampered, http.StatusUnauthorized},
		{"timestamp not the signed one", otherStamp, http.StatusUnauthorized},
		{"stale timestamp", request(ep.priv, fixedNow.Add(-6*time.Minute), ping), http.StatusUnauthorized},
		{"timestamp from the future", request(ep.priv, fixedNow.Add(6*time.Minute), ping), http.StatusUnauthorized},
		{"oversized body", request(ep.priv, fixedNow, big), http.StatusRequestEntityTooLarge},
		{"oversized body without length", chunked, http.StatusRequestEntityTooLarge},
		{"malformed JSON", request(ep.priv, fixedNow, []byte(`{"type":2,`)), http.StatusBadRequest},
		{"wrong JSON types", request(ep.priv, fixedNow, []byte(`{"type":"two"}`)), http.StatusBadRequest},
		{"GET", get, http.StatusMethodNotAllowed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := ep.do(tc.req)
			if w.Code != tc.code {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body)
			}
			if tc.code == http.StatusOK && strings.TrimSpace(w.Body.String()) != `{"type":1}` {
				t.Errorf("PING answered %s, want PONG", w.Body)
			}
		})
	}
}

func TestInteractionsBadKey(t *testing.T) {
	for _, s := range []string{"", "xyz", "abcd"} {
		if _, err := ParsePublicKey(s); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted", s)
		}
	}
	h := NewInteractionsHandler(testkit.Engine(t), nil, HandlerOptions{Logger: testLogger(&testkit.LogBuffer{})})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, request(nil, time.Now(), []byte(`{"type":1}`)))
	if w.Code != http.StatusInternalServerError {
		t.Errorf("a handler without a key answered %d", w.Code)
	}
}

func TestInteractionsCommands(t *testing.T) {
	engine := testkit.Engine(t)
	ep := newEndpoint(t, engine, adapters.Hooks{})
	help := engine.Answer("")
	if len(help.Suggestions) == 0 {
		t.Fatal("the engine offers no default suggestions")
	}
	entryID := help.Suggestions[0].ID

	t.Run("ask", func(t *testing.T) {
		r := ep.post(t, command("i1", "ask", opt("question", 3, help.Suggestions[0].Question)))
		if r.Type != 4 || len(r.Data.Embeds) != 1 {
			t.Fatalf("got %s", r.raw)
		}
		e := r.Data.Embeds[0]
		if e.Footer == nil || !strings.Contains(e.Footer.Text, "The New Arab") || !strings.Contains(e.Footer.Text, "Giorgio Cafiero") {
			t.Errorf("footer does not name the source: %s", r.raw)
		}
		if e.Description == "" || e.Title == "" {
			t.Errorf("no answer: %s", r.raw)
		}
		if r.Data.Flags&64 != 0 {
			t.Error("public answer is ephemeral")
		}
		if r.Data.AllowedMentions == nil || r.Data.AllowedMentions.Parse == nil || len(r.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed mentions not none: %s", r.raw)
		}
	})
	t.Run("ask with quotes", func(t *testing.T) {
		// Some answer in the base carries quotes; its embed must show speaker and role.
		for _, q := range engine.Suggest("", 100) {
			a := engine.Answer(q)
			if len(a.Quotes) == 0 {
				continue
			}
			r := ep.post(t, command("iq", "ask", opt("question", 3, q)))
			f := r.Data.Embeds[0].Fields
			if len(f) == 0 || f[0].Name != a.Quotes[0].Speaker || !strings.Contains(f[0].Value, a.Quotes[0].Text) {
				t.Errorf("quote not rendered with its speaker: %s", r.raw)
			}
			return
		}
		t.Skip("no answer in the base carries quotes")
	})
	t.Run("ask privately", func(t *testing.T) {
		r := ep.post(t, command("i2", "ask", opt("question", 3, "Who is Ali Vaez?"), opt("private", 5, true)))
		if r.Type != 4 || r.Data.Flags&64 == 0 {
			t.Errorf("private answer not ephemeral: %s", r.raw)
		}
	})
	t.Run("ask the unknown", func(t *testing.T) {
		r := ep.post(t, command("i3", "ask", opt("question", 3, "What is the airspeed velocity of an unladen swallow?")))
		if r.Type != 4 || r.Data.Embeds[0].Title != "I don't know" {
			t.Fatalf("got %s", r.raw)
		}
		if b := r.buttons(); len(b) == 0 || !strings.HasPrefix(b[0], "ask:") {
			t.Errorf("no suggestion buttons: %s", r.raw)
		}
	})
	t.Run("autocomplete ask", func(t *testing.T) {
		r := ep.post(t, autocomplete("i4", "ask", "question", "iran"))
		if r.Type != 8 || len(r.Data.Choices) == 0 || len(r.Data.Choices) > 25 {
			t.Fatalf("got %s", r.raw)
		}
		for _, c := range r.Data.Choices {
			if textLen(c.Name) > 100 || textLen(c.Value) > 100 || c.Name == "" {
				t.Errorf("choice %q over Discord's limits", c.Name)
			}
		}
	})
	t.Run("autocomplete nothing matches", func(t *testing.T) {
		r := ep.post(t, autocomplete("i5", "ask", "question", "zzzzqqqqxxxx"))
		if r.Type != 8 || !strings.Contains(r.raw, `"choices":[]`) {
			t.Errorf("got %s, want an empty choices array", r.raw)
		}
	})
	t.Run("autocomplete expert", func(t *testing.T) {
		r := ep.post(t, autocomplete("i6", "quote", "expert", "vaez"))
		if r.Type != 8 || len(r.Data.Choices) == 0 || !strings.Contains(r.Data.Choices[0].Name, "Vaez") {
			t.Errorf("got %s", r.raw)
		}
		all := ep.post(t, autocomplete("i6b", "quote", "expert", ""))
		if len(all.Data.Choices) != len(engine.Experts()) {
			t.Errorf("empty expert prefix offered %d choices, want the %d experts", len(all.Data.Choices), len(engine.Experts()))
		}
	})
	t.Run("button", func(t *testing.T) {
		r := ep.post(t, button("i7", "ask:"+entryID))
		want, _ := engine.AnswerID(entryID)
		if r.Type != 7 || len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != want.Title {
			t.Errorf("got %s", r.raw)
		}
	})
	t.Run("unknown button", func(t *testing.T) {
		for _, cid := range []string{"ask:no-such-entry", "ask:", "something-else", strings.Repeat("x", 200)} {
			r := ep.post(t, button("i8", cid))
			if r.Type != 4 || r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "/ask") {
				t.Errorf("button %q: got %s", cid, r.raw)
			}
		}
	})
	t.Run("quote", func(t *testing.T) {
		r := ep.post(t, command("i9", "quote", opt("expert", 3, "vaez")))
		if r.Type != 4 || len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "Vaez") ||
			!strings.Contains(r.Data.Embeds[0].Description, "“") {
			t.Errorf("got %s", r.raw)
		}
		none := ep.post(t, command("i10", "quote", opt("expert", 3, "Nobody Atall Qqq")))
		if none.Type != 4 || none.Data.Flags&64 == 0 {
			t.Errorf("no quote: got %s", none.raw)
		}
	})
	t.Run("experts", func(t *testing.T) {
		r := ep.post(t, command("i11", "experts"))
		if r.Type != 4 || len(r.Data.Embeds[0].Fields) != len(engine.Experts()) {
			t.Errorf("got %s", r.raw)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		r := ep.post(t, command("i12", "timeline"))
		d := r.Data.Embeds[0].Description
		last := -1
		for _, ev := range engine.Timeline() {
			i := strings.Index(d, ev.DateText())
			if i < 0 || i < last {
				t.Errorf("%s missing or out of order in %q", ev.DateText(), d)
			}
			last = i
		}
	})
	t.Run("about", func(t *testing.T) {
		r := ep.post(t, command("i13", "about"))
		if r.Type != 4 || !strings.Contains(r.raw, "Giorgio Cafiero") || !strings.Contains(r.raw, "/ask") {
			t.Errorf("got %s", r.raw)
		}
	})
	t.Run("unknown command", func(t *testing.T) {
		r := ep.post(t, command("i14", "frobnicate"))
		if r.Type != 4 || r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "/ask") {
			t.Errorf("got %s", r.raw)
		}
	})
	if strings.Contains(ep.logs.String(), "tok-") {
		t.Error("an interaction token was logged")
	}
}

// panicky is an engine whose answers panic.
type panicky struct{ Engine }

func (panicky) Answer(string) answers.Reply { panic("boom") }

func (panicky) AnswerIn(answers.Context, string) (answers.Reply, answers.Context) { panic("boom") }

func TestInteractionsHooksAndPanics(t *testing.T) {
	var mu sync.Mutex
	var after []string
	hooks := adapters.Hooks{
		Before: func(_ context.Context, ev adapters.Event) error {
			if ev.UserID == "slow-down" {
				return &adapters.Refusal{Message: "Easy there: one question every few seconds."}
			}
			if ev.UserID == "blocked" {
				return errors.New("blocked")
			}
			return nil
		},
		After: func(_ context.Context, ev adapters.Event, outcome adapters.Outcome, _ time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			after = append(after, ev.Kind.String()+"/"+ev.Name+"/"+outcome.String())
		},
	}
	ep := newEndpoint(t, panicky{testkit.Engine(t)}, hooks)

	r := ep.post(t, command("p1", "ask", opt("question", 3, "anything")))
	if r.Type != 4 || r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "went wrong") {
		t.Errorf("panic answered %s", r.raw)
	}
	if logs := ep.logs.String(); !strings.Contains(logs, "panic") || !strings.Contains(logs, "event_id=p1") {
		t.Errorf("panic not logged with the event id:\n%s", logs)
	}

	in := command("p2", "about")
	in["member"] = map[string]any{"user": user("slow-down")}
	r = ep.post(t, in)
	if r.Type != 4 || r.Data.Flags&64 == 0 || r.Data.Content != "Easy there: one question every few seconds." {
		t.Errorf("refusal answered %s", r.raw)
	}
	in = autocomplete("p3", "ask", "question", "iran")
	in["member"] = map[string]any{"user": user("blocked")}
	r = ep.post(t, in)
	if r.Type != 8 || len(r.Data.Choices) != 0 {
		t.Errorf("refused autocomplete answered %s", r.raw)
	}
	in = command("p4", "about")
	in["member"] = map[string]any{"user": user("blocked")}
	if r = ep.post(t, in); r.Data.Content != refusalText {
		t.Errorf("refusal without a message answered %s", r.raw)
	}

	mu.Lock()
	defer mu.Unlock()
	want := []string{"question/ask/panic", "command/about/refused", "autocomplete/ask/refused", "command/about/refused"}
	if strings.Join(after, " ") != strings.Join(want, " ") {
		t.Errorf("After saw %v, want %v", after, want)
	}
}

func BenchmarkInteractionsAsk(b *testing.B) {
	engine := testkit.Engine(b)
	pub, priv, _ := ed25519.GenerateKey(nil)
	h := NewInteractionsHandler(engine, pub, HandlerOptions{Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return fixedNow }})
	body, _ := json.Marshal(command("b1", "ask", opt("question", 3, "When did Iran strike Pakistan?")))
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, request(priv, fixedNow, body))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}
