package slack

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// recordingEngine is the real engine, recording each question as the engine receives it.
type recordingEngine struct {
	*answers.Engine
	asked *askedLog
}

func (e recordingEngine) Answer(q string) answers.Reply {
	e.asked.add(q)
	return e.Engine.Answer(q)
}

func (e recordingEngine) AnswerIn(c answers.Context, q string) (answers.Reply, answers.Context) {
	e.asked.add(q)
	return e.Engine.AnswerIn(c, q)
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "events", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMessagePayloads sends real payload shapes (written from Slack's documentation of
// each event and subtype) through the signed Events API endpoint and decides each on
// purpose: a DM with a file attached and a DM thread reply also sent to the conversation
// are questions; an edit and another bot's message are not; a mention with no channel is
// refused cleanly, acknowledged and never answered. Only the events answered use up the
// memory of event ids.
func TestMessagePayloads(t *testing.T) {
	asked := &askedLog{}
	seen := NewMemoryEvents(time.Hour, 1<<20, nil)
	h := newHTTPHarnessWith(t, recordingEngine{Engine: testkit.Engine(t), asked: asked}, func(o *EventsOptions) {
		o.Delivery.Seen = seen
	})
	for _, name := range []string{"dm_file_share.json", "dm_thread_broadcast.json", "dm_message_changed.json",
		"dm_bot_message.json", "mention_without_channel.json", "mention_in_channel.json"} {
		if status, body := h.signed(t, "/slack/events", jsonType, fixture(t, name)); status != 200 {
			t.Fatalf("%s: status %d %s", name, status, body)
		}
	}
	testkit.WaitFor(t, 5*time.Second, "three replies", func() bool {
		return len(h.rec.postsTo("DFILE")) == 1 && len(h.rec.postsTo("DBCAST")) == 1 && len(h.rec.postsTo("CMENTION")) == 1
	})
	time.Sleep(100 * time.Millisecond) // room for a wrong reply
	if p := h.rec.postsTo("DBCAST")[0]; p.ThreadTS != "1705400000.000200" {
		t.Errorf("the thread_broadcast reply went to thread %q, want the DM's thread", p.ThreadTS)
	}
	if p := h.rec.postsTo("CMENTION")[0]; p.ThreadTS != "1705400400.000800" {
		t.Errorf("the mention's reply went to thread %q", p.ThreadTS)
	}
	for _, ch := range []string{"DEDIT", "DBOT", ""} {
		if ps := h.rec.postsTo(ch); len(ps) != 0 {
			t.Errorf("replied in %q to an event it must ignore: %+v", ch, ps)
		}
	}
	got := strings.Join(asked.all(), " | ")
	want := "Why did Iran strike Pakistan? (screenshot attached) | Who is Ali Vaez? | Why did Iran strike Pakistan?"
	for _, q := range strings.Split(want, " | ") {
		if !strings.Contains(got, q) {
			t.Errorf("the engine was not asked %q: %q", q, asked.all())
		}
	}
	if n := len(asked.all()); n != 3 {
		t.Errorf("the engine was asked %d questions, want 3: %q", n, asked.all())
	}
	if asked.count("Why did Iran strike Pakistan?") != 1 {
		t.Errorf("the mention with <!channel> and <@U123> did not reach the engine as the bare question: %q", asked.all())
	}
	if logs := h.logs.String(); !strings.Contains(logs, "event refused") || !strings.Contains(logs, "without a channel") {
		t.Errorf("the mention with no channel is not refused in the log:\n%s", logs)
	}
	if ids, _, _ := seen.Stats(); ids != 3 {
		t.Errorf("the event store holds %d ids, want the 3 answered only", ids)
	}
}

// TestSSLCheckBeforeSignature: Slack's ssl_check carries no signature worth checking and
// is answered 200 at once, as Bolt does; anything else unsigned is still refused.
func TestSSLCheckBeforeSignature(t *testing.T) {
	h := newHTTPHarness(t, nil)
	if status, _ := h.do(t, "/slack/commands", formType, form("ssl_check", "1", "token", "legacy"), nil); status != 200 {
		t.Errorf("unsigned ssl_check: status %d, want 200", status)
	}
	if status, _ := h.do(t, "/slack/commands", formType, form("command", "/ask", "text", "hi", "response_url", "http://x"), nil); status != 401 {
		t.Errorf("an unsigned command: status %d, want 401", status)
	}
	if ps, rs := h.rec.snapshot(); len(ps)+len(rs) != 0 {
		t.Errorf("ssl_check caused replies: %v %v", ps, rs)
	}
}
