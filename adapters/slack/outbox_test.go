package slack

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

// TestAmbiguousPostIsCheckedNotRepeated: Slack takes a post and the connection resets
// before its answer. The bot reads the thread back, finds the post by the event id in
// its metadata, and does not post again. When the read-back shows the reply twice, the
// doubled reply is counted.
func TestAmbiguousPostIsCheckedNotRepeated(t *testing.T) {
	for _, copies := range []int{1, 2} {
		reg := prometheus.NewRegistry()
		metrics := adapters.NewMetrics(reg, "test")
		h := newHTTPHarness(t, func(o *EventsOptions) { o.Metrics = metrics })
		h.rec.mu.Lock()
		h.rec.resets, h.rec.copies = 1, copies
		h.rec.mu.Unlock()
		body := mustJSON(t, mention("EvReset", "W1", "CRESET", "1.000001", "", "<@UBOT> Why did Iran strike Pakistan?"))
		if status, _ := h.signed(t, "/slack/events", jsonType, body); status != 200 {
			t.Fatalf("status %d", status)
		}
		testkit.WaitFor(t, 5*time.Second, "the thread to be read back", func() bool {
			h.rec.mu.Lock()
			defer h.rec.mu.Unlock()
			return h.rec.reads > 0
		})
		time.Sleep(200 * time.Millisecond) // room for a wrong second post
		if ps := h.rec.postsTo("CRESET"); len(ps) != 1 {
			t.Errorf("copies %d: %d posts after a reset that followed Slack's acceptance, want 1", copies, len(ps))
		}
		if got := testkit.PlatformSample(t, reg, "bot_replies_lost_total", "slack"); got != 0 {
			t.Errorf("copies %d: %v replies counted lost", copies, got)
		}
		wantDoubled := float64(copies - 1)
		if got := testkit.PlatformSample(t, reg, "bot_replies_doubled_total", "slack"); got != wantDoubled {
			t.Errorf("copies %d: bot_replies_doubled_total = %v, want %v", copies, got, wantDoubled)
		}
		if !strings.Contains(h.logs.String(), "had landed") {
			t.Errorf("no log line saying the ambiguous post had landed:\n%s", h.logs.String())
		}
	}
}

// TestDroppedSlashCommandIsTold: a slash command whose answer its response URL refuses
// until the reply's deadline: the answer is dropped, counted, and the user is told
// through the same response URL, which still takes a short notice.
func TestDroppedSlashCommandIsTold(t *testing.T) {
	reg := prometheus.NewRegistry()
	metrics := adapters.NewMetrics(reg, "test")
	h := newHTTPHarness(t, func(o *EventsOptions) {
		o.Metrics = metrics
		o.Delivery.Deadline = 300 * time.Millisecond
	})
	h.rec.mu.Lock()
	h.rec.failResponsesBut = "would not take my answer" // the answer fails, the notice goes through
	h.rec.mu.Unlock()
	cmd := form("command", "/ask", "text", "Why did Iran strike Pakistan?", "user_id", "W1", "channel_id", "C2",
		"response_url", h.api.URL+"/response/dropped", "trigger_id", "tr-dropped")
	if status, _ := h.signed(t, "/slack/commands", formType, cmd); status != 200 {
		t.Fatalf("status %d", status)
	}
	testkit.WaitFor(t, 5*time.Second, "the user to be told", func() bool { return len(h.rec.responsesTo("/response/dropped")) == 1 })
	r := h.rec.responsesTo("/response/dropped")[0]
	if !strings.Contains(r.Raw, "would not take my answer") || r.Body["response_type"] != "ephemeral" {
		t.Errorf("the notice: %s", r.Raw)
	}
	if got := testkit.PlatformSample(t, reg, "bot_replies_lost_total", "slack"); got != 1 {
		t.Errorf("bot_replies_lost_total = %v, want 1", got)
	}
}
