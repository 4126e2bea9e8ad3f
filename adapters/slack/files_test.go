package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/internal/testkit"
)

// uploadLog is what the fake Slack saw of files.uploadV2: the upload URL asked for, the
// bytes uploaded to it, and the completion that shares the file.
type uploadLog struct {
	asked     []url.Values      // files.getUploadURLExternal
	uploaded  map[string][]byte // file id → the bytes posted to its upload URL
	completed []url.Values      // files.completeUploadExternal
	published []string          // views.publish bodies
}

func (rc *recorder) publishView(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	rc.uploads.published = append(rc.uploads.published, string(body))
	rc.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V1", "type": "home"}})
}

func (rc *recorder) publishedViews() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.uploads.published...)
}

func (rc *recorder) getUploadURL(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.PostForm.Get("token") != testBotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	rc.mu.Lock()
	rc.uploads.asked = append(rc.uploads.asked, r.PostForm)
	id := fmt.Sprintf("F%d", len(rc.uploads.asked))
	rc.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "file_id": id, "upload_url": "http://" + r.Host + "/upload/" + id})
}

func (rc *recorder) uploadFile(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file part: "+err.Error(), http.StatusBadRequest)
		return
	}
	b, _ := io.ReadAll(f)
	rc.mu.Lock()
	if rc.uploads.uploaded == nil {
		rc.uploads.uploaded = map[string][]byte{}
	}
	rc.uploads.uploaded[strings.TrimPrefix(r.URL.Path, "/upload/")] = b
	rc.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func (rc *recorder) completeUpload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	var files []struct {
		ID, Title string
	}
	_ = json.Unmarshal([]byte(r.PostForm.Get("files")), &files)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if r.PostForm.Get("channel_id") == "CNOTIN" {
		writeJSON(w, map[string]any{"ok": false, "error": "not_in_channel"})
		return
	}
	if len(files) != 1 || rc.uploads.uploaded[files[0].ID] == nil {
		writeJSON(w, map[string]any{"ok": false, "error": "file_not_found"})
		return
	}
	rc.uploads.completed = append(rc.uploads.completed, r.PostForm)
	writeJSON(w, map[string]any{"ok": true, "files": []map[string]any{{"id": files[0].ID, "title": files[0].Title}}})
}

// completedUploads returns the uploads completed so far.
func (rc *recorder) completedUploads() []url.Values {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]url.Values(nil), rc.uploads.completed...)
}

// checkUpload checks that upload n went through all three calls: asked with the file's
// name, size and alt text, the PNG uploaded, then shared in the channel.
func checkUpload(t *testing.T, rc *recorder, n int, name, channel, thread string) url.Values {
	t.Helper()
	testkit.WaitFor(t, 5*time.Second, "files.completeUploadExternal", func() bool { return len(rc.completedUploads()) > n })
	rc.mu.Lock()
	asked, done := rc.uploads.asked[n], rc.uploads.completed[n]
	data := rc.uploads.uploaded[fmt.Sprintf("F%d", n+1)]
	rc.mu.Unlock()
	if asked.Get("filename") != name || asked.Get("length") != fmt.Sprint(len(data)) || len(asked.Get("alt_txt")) < 100 {
		t.Errorf("files.getUploadURLExternal %v: want %s, its length %d and its alt text", asked, name, len(data))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("uploaded %s: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() < 400 {
		t.Errorf("uploaded %s is %v", name, b)
	}
	if done.Get("channel_id") != channel || done.Get("thread_ts") != thread || !strings.Contains(done.Get("files"), `"title"`) {
		t.Errorf("files.completeUploadExternal %v: want channel %s, thread %q and a title", done, channel, thread)
	}
	return done
}

// drawnPictures returns a cache of the pictures drawn once for the package's tests, as
// bot serve draws them at start: drawing the map takes seconds under the race detector.
func drawnPictures(t *testing.T) *pictures.Cache {
	t.Helper()
	drawn.once.Do(func() {
		drawn.cache = pictures.NewCache(testkit.Engine(t))
		drawn.err = drawn.cache.Warm(context.Background())
	})
	if drawn.err != nil {
		t.Fatal(drawn.err)
	}
	return drawn.cache
}

var drawn struct {
	once  sync.Once
	cache *pictures.Cache
	err   error
}

func TestPicturesAreUploadedV2(t *testing.T) {
	h := newHTTPHarness(t, func(o *EventsOptions) { o.Pictures = drawnPictures(t) })
	respURL := h.api.URL + "/response/"

	if code, _ := h.signed(t, "/slack/commands", formType, form("command", "/timeline", "text", "", "user_id", "U1",
		"channel_id", "C1", "trigger_id", "tr1", "response_url", respURL+"tl")); code != 200 {
		t.Fatalf("/timeline: %d", code)
	}
	checkUpload(t, h.rec, 0, "timeline-light.png", "C1", "")
	testkit.WaitFor(t, 5*time.Second, "the timeline's text", func() bool { return len(h.rec.responsesTo("/response/tl")) == 1 })
	if r := h.rec.responsesTo("/response/tl")[0]; !strings.Contains(r.Raw, "16 January 2024") || r.Body["response_type"] != "ephemeral" {
		t.Errorf("/timeline text: %s", r.Raw)
	}

	if code, _ := h.signed(t, "/slack/commands", formType, form("command", "/map", "text", "", "user_id", "U1",
		"channel_id", "C1", "trigger_id", "tr2", "response_url", respURL+"map")); code != 200 {
		t.Fatalf("/map: %d", code)
	}
	checkUpload(t, h.rec, 1, "map-light.png", "C1", "")
	testkit.WaitFor(t, 5*time.Second, "the map's text", func() bool { return len(h.rec.responsesTo("/response/map")) == 1 })
	for _, p := range testkit.Engine(t).Places() {
		if r := h.rec.responsesTo("/response/map")[0]; !strings.Contains(r.Raw, p.Name) {
			t.Errorf("/map does not list %s", p.Name)
		}
	}

	// An answer about a place has a map button; pressing it puts the map in the answer's thread.
	if code, _ := h.signed(t, "/slack/commands", formType, form("command", "/ask", "text", "Where did Pakistan strike in Iran?",
		"user_id", "U1", "channel_id", "C1", "trigger_id", "tr3", "response_url", respURL+"ask")); code != 200 {
		t.Fatalf("/ask: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "the answer", func() bool { return len(h.rec.responsesTo("/response/ask")) == 1 })
	if raw := h.rec.responsesTo("/response/ask")[0].Raw; !strings.Contains(raw, `"action_id":"show_map","value":"pakistan-strike"`) {
		t.Fatalf("no map button under an answer about Saravan: %s", raw)
	}
	press := blockAction("tr4", "U1", "C1", actionShowMap, "pakistan-strike", respURL+"press",
		map[string]any{"type": "message", "message_ts": "7.000100", "channel_id": "C1", "is_ephemeral": false})
	if code, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, press))); code != 200 {
		t.Fatalf("map button: %d", code)
	}
	done := checkUpload(t, h.rec, 2, "map-light.png", "C1", "7.000100")
	if c := done.Get("initial_comment"); !strings.Contains(c, "Saravan") || !strings.Contains(c, "18 January 2024") {
		t.Errorf("the map's comment does not say where this answer happened: %q", c)
	}

	// Where the bot may not share files (it is not in the channel), the asker is told.
	if code, _ := h.signed(t, "/slack/commands", formType, form("command", "/timeline", "text", "", "user_id", "U1",
		"channel_id", "CNOTIN", "trigger_id", "tr5", "response_url", respURL+"notin")); code != 200 {
		t.Fatalf("/timeline: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "the text and the notice", func() bool { return len(h.rec.responsesTo("/response/notin")) == 2 })
	if r := h.rec.responsesTo("/response/notin")[1]; !strings.Contains(r.Raw, "couldn't share the picture") || r.Body["response_type"] != "ephemeral" {
		t.Errorf("no notice that the picture was not shared: %s", r.Raw)
	}
}

// messageShortcut is a message_action payload, as Slack sends it for the shortcut.
func messageShortcut(trigger, channel, text, responseURL string) map[string]any {
	return map[string]any{
		"type": "message_action", "callback_id": CallbackCheck, "trigger_id": trigger, "action_ts": "1705400000.1",
		"user": map[string]any{"id": "U1", "name": "asker"}, "channel": map[string]any{"id": channel, "name": "general"},
		"team": map[string]any{"id": "T1"}, "api_app_id": "A1", "response_url": responseURL,
		"message": map[string]any{"type": "message", "user": "U9", "ts": "1705399000.000200", "text": text},
	}
}

func TestMessageShortcutChecksAMessage(t *testing.T) {
	h := newHTTPHarness(t, nil)
	respURL := h.api.URL + "/response/"
	tests := []struct {
		name, text string
		findings   []string
	}{
		{"contradicted", "Pakistan's strike killed Iranian soldiers.", []string{"*No*"}},
		{"confirmed", "Pakistan struck Iran on 18 January", []string{"*Yes*"}},
		{"confirmed by its count", "Pakistan killed seven people", []string{"*Yes*"}},
		{"partly", "Iran's strike on 16 January killed seven children", []string{"*Partly*"}},
		{"not said and contradicted", "<@U5> The missiles cost a billion dollars. Iran hit the Pakistani army.",
			[]string{"*The article does not say*", "*No*"}},
		{"only chatter", "lol thanks :+1: see you", nil},
	}
	for i, tt := range tests {
		path := fmt.Sprintf("chk%d", i)
		if code, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, messageShortcut("tr"+path, "C1", tt.text, respURL+path)))); code != 200 {
			t.Fatalf("%s: %d", tt.name, code)
		}
		testkit.WaitFor(t, 5*time.Second, tt.name, func() bool { return len(h.rec.responsesTo("/response/"+path)) == 1 })
		r := h.rec.responsesTo("/response/" + path)[0]
		if r.Body["response_type"] != "ephemeral" {
			t.Errorf("%s: not private: %s", tt.name, r.Raw)
		}
		if tt.findings == nil {
			if !strings.Contains(r.Raw, "nothing in that message to check") || strings.Contains(r.Raw, actionCheckShare) {
				t.Errorf("%s: %s", tt.name, r.Raw)
			}
			continue
		}
		at := 0
		for _, f := range tt.findings {
			j := strings.Index(r.Raw[at:], f)
			if j < 0 {
				t.Errorf("%s: finding %s missing or out of order: %s", tt.name, f, r.Raw)
				break
			}
			at += j + len(f)
		}
		if !strings.Contains(r.Raw, "The New Arab") || !strings.Contains(r.Raw, actionCheckShare) {
			t.Errorf("%s: no source or no share button: %s", tt.name, r.Raw)
		}
		assertInert(t, tt.name, r.Raw)
	}

	// Sharing posts the check in the message's thread and removes the private copy.
	first := h.rec.responsesTo("/response/chk0")[0].Raw
	var shown struct {
		Blocks []struct {
			Elements []struct {
				ActionID string `json:"action_id"`
				Value    string `json:"value"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(first), &shown); err != nil {
		t.Fatal(err)
	}
	value := ""
	for _, b := range shown.Blocks {
		for _, e := range b.Elements {
			if e.ActionID == actionCheckShare {
				value = e.Value
			}
		}
	}
	press := blockAction("tr-share", "U1", "C1", actionCheckShare, value, respURL+"share",
		map[string]any{"type": "message", "is_ephemeral": true, "channel_id": "C1"})
	if code, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, press))); code != 200 {
		t.Fatalf("share: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "the shared check", func() bool { return len(h.rec.postsTo("C1")) == 1 })
	p := h.rec.postsTo("C1")[0]
	if p.ThreadTS != "1705399000.000200" || !strings.Contains(p.Blocks, "*No*") || !strings.Contains(p.Blocks, `\u003c@U1\u003e checked`) {
		t.Errorf("shared check: thread %q, blocks %s", p.ThreadTS, p.Blocks)
	}
	testkit.WaitFor(t, 5*time.Second, "the private copy deleted", func() bool { return len(h.rec.responsesTo("/response/share")) == 1 })
	if r := h.rec.responsesTo("/response/share")[0]; r.Body["delete_original"] != true {
		t.Errorf("private copy not deleted: %s", r.Raw)
	}
}

func TestMessageShortcutOverSocketMode(t *testing.T) {
	h := newSocketHarness(t)
	logger, _ := testLogger(0)
	sm, stop := runSocket(t, h, testkit.Engine(t), logger)
	defer stop()
	testkit.WaitFor(t, 5*time.Second, "the socket connected", sm.Ready)
	h.send(t, "env-check", "interactive", messageShortcut("tr-s1", "C2", "dozens of children died in Iran's strike", h.server.GetAPIURL()+"response/s1"))
	testkit.WaitFor(t, 5*time.Second, "the check's response", func() bool { return len(h.rec.responsesTo("/response/s1")) == 1 })
	// The acknowledgement and the response travel on different connections: either may
	// arrive first.
	testkit.WaitFor(t, 5*time.Second, "the shortcut's envelope acked", func() bool { return h.acked("env-check") })
	if r := h.rec.responsesTo("/response/s1")[0]; !strings.Contains(r.Raw, "*No*") || !strings.Contains(r.Raw, "Two children") {
		t.Errorf("check over Socket Mode: %s", r.Raw)
	}
}

func TestHomeTabShowsTheTimeline(t *testing.T) {
	h := newHTTPHarness(t, func(o *EventsOptions) { o.Pictures = drawnPictures(t) })
	for i, id := range []string{"EvHome1", "EvHome2"} {
		ev := callback(id, map[string]any{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1705400000.1"})
		if code, _ := h.signed(t, "/slack/events", jsonType, mustJSON(t, ev)); code != 200 {
			t.Fatalf("app_home_opened: %d", code)
		}
		testkit.WaitFor(t, 5*time.Second, "views.publish", func() bool { return len(h.rec.publishedViews()) == i+1 })
	}
	views := h.rec.publishedViews()
	var req struct {
		UserID string `json:"user_id"`
		View   struct {
			Type   string           `json:"type"`
			Blocks []map[string]any `json:"blocks"`
		} `json:"view"`
	}
	if err := json.Unmarshal([]byte(views[1]), &req); err != nil {
		t.Fatal(err)
	}
	if req.UserID != "U1" || req.View.Type != "home" {
		t.Errorf("views.publish for %q, type %q", req.UserID, req.View.Type)
	}
	var image map[string]any
	for _, b := range req.View.Blocks {
		if b["type"] == "image" {
			image = b
		}
	}
	if image == nil || image["slack_file"].(map[string]any)["id"] != "F1" || len(image["alt_text"].(string)) < 100 {
		t.Errorf("no timeline picture (file F1, with alt text) in the Home tab: %s", views[1])
	}
	for _, want := range []string{"How to ask", "Check against the article", "Ali Vaez", "The New Arab"} {
		if !strings.Contains(views[1], want) {
			t.Errorf("the Home tab lacks %q", want)
		}
	}
	// The picture is uploaded once, to no channel.
	if done := h.rec.completedUploads(); len(done) != 1 || done[0].Get("channel_id") != "" {
		t.Errorf("uploads for the Home tab: %v, want one, to no channel", done)
	}
	// Another tab than Home publishes nothing.
	ev := callback("EvHome3", map[string]any{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "messages", "event_ts": "1705400000.2"})
	h.signed(t, "/slack/events", jsonType, mustJSON(t, ev))
	time.Sleep(50 * time.Millisecond)
	if n := len(h.rec.publishedViews()); n != 2 {
		t.Errorf("%d views published, want 2: the Messages tab needs none", n)
	}
}
