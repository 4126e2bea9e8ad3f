package slack

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
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
	// The loss is counted once the handler returns, just after the notice went out.
	testkit.WaitFor(t, 5*time.Second, "the lost reply to be counted", func() bool {
		return testkit.PlatformSample(t, reg, "bot_replies_lost_total", "slack") == 1
	})
	time.Sleep(20 * time.Millisecond) // room for a wrong second count
	if got := testkit.PlatformSample(t, reg, "bot_replies_lost_total", "slack"); got != 1 {
		t.Errorf("bot_replies_lost_total = %v, want 1", got)
	}
}

// slowEngine is the real engine, slow to answer questions that mention Parsi.
type slowEngine struct{ *answers.Engine }

func (e slowEngine) Answer(q string) answers.Reply {
	if strings.Contains(q, "Parsi") {
		time.Sleep(300 * time.Millisecond)
	}
	return e.Engine.Answer(q)
}

func (e slowEngine) AnswerIn(c answers.Context, q string) (answers.Reply, answers.Context) {
	if strings.Contains(q, "Parsi") {
		time.Sleep(300 * time.Millisecond)
	}
	return e.Engine.AnswerIn(c, q)
}

// TestRepliesKeepTheirEventsOrder: a slow answer to the first mention in a channel
// still goes out before the quick answer to the second: each reply's place in the
// channel's queue is taken when its event arrives.
func TestRepliesKeepTheirEventsOrder(t *testing.T) {
	h := newHTTPHarnessWith(t, slowEngine{testkit.Engine(t)}, nil)
	for _, m := range []map[string]any{
		mention("EvSlow", "W1", "CORDER", "1.000001", "", "<@UBOT> Who is Rouzbeh Parsi?"),
		mention("EvQuick", "W2", "CORDER", "1.000002", "", "<@UBOT> Who is Ali Vaez?"),
	} {
		if status, _ := h.signed(t, "/slack/events", jsonType, mustJSON(t, m)); status != 200 {
			t.Fatalf("status %d", status)
		}
	}
	testkit.WaitFor(t, 5*time.Second, "both replies", func() bool { return len(h.rec.postsTo("CORDER")) == 2 })
	if ps := h.rec.postsTo("CORDER"); ps[0].ThreadTS != "1.000001" || ps[1].ThreadTS != "1.000002" {
		t.Errorf("replies in threads %s, %s: want the first mention's reply first", ps[0].ThreadTS, ps[1].ThreadTS)
	}
}

// TestRetryWait: how long the outbox waits after each failure slack-go leaves to it, and
// which failures are ambiguous (Slack may have taken the post) and so read back first.
func TestRetryWait(t *testing.T) {
	o := &outbox{d: Delivery{Backoff: 100 * time.Millisecond, Interval: time.Second}.withDefaults()}
	urlErr := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://slack.com/api/chat.postMessage", Err: err}
	}
	for _, tc := range []struct {
		name             string
		err              error
		attempt          int
		wait             time.Duration
		again, ambiguous bool
	}{
		{"429 with Retry-After", &slack.RateLimitedError{RetryAfter: 30 * time.Second}, 1, 30 * time.Second, true, false},
		{"429 with Retry-After: 0", &slack.RateLimitedError{}, 1, time.Second, true, false},
		{"200 ok:false ratelimited", slack.SlackErrorResponse{Err: "ratelimited"}, 1, time.Second, true, false},
		{"500, third attempt", slack.StatusCodeError{Code: 500, Status: "500 Internal Server Error"}, 3, 400 * time.Millisecond, true, true},
		{"404", slack.StatusCodeError{Code: 404, Status: "404 Not Found"}, 1, 100 * time.Millisecond, false, false},
		{"fatal_error", slack.SlackErrorResponse{Err: "fatal_error"}, 1, 100 * time.Millisecond, true, true},
		{"channel_not_found", slack.SlackErrorResponse{Err: "channel_not_found"}, 1, 0, false, false},
		{"reset after the request", urlErr(io.EOF), 1, 100 * time.Millisecond, true, true},
		{"hung past the client timeout", urlErr(timeoutError{}), 2, 200 * time.Millisecond, true, true},
		// A call cut off by the reply's deadline may have been posted: it is read back
		// before the reply is dropped, which the deadline check then does.
		{"cut off by the reply deadline", context.DeadlineExceeded, 1, 100 * time.Millisecond, true, true},
		{"shutdown", context.Canceled, 1, 0, false, false},
		{"backoff capped", slack.StatusCodeError{Code: 503}, 40, maxBackoff, true, true},
	} {
		wait, again, ambiguous := o.retryWait(tc.err, tc.attempt)
		if wait != tc.wait || again != tc.again || ambiguous != tc.ambiguous {
			t.Errorf("%s: wait %v, again %v, ambiguous %v; want %v, %v, %v", tc.name, wait, again, ambiguous, tc.wait, tc.again, tc.ambiguous)
		}
	}
}

// timeoutError is what net/http returns when a client's timeout passes.
type timeoutError struct{}

func (timeoutError) Error() string   { return "Client.Timeout exceeded while awaiting headers" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }
