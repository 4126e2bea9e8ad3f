package slack

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/sqlitestore"
)

// voteButtons finds the feedback buttons in a post's blocks: action id → value.
func voteButtons(t *testing.T, blocks string) map[string]string {
	t.Helper()
	var bs []struct {
		Type     string `json:"type"`
		BlockID  string `json:"block_id"`
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(blocks), &bs); err != nil {
		t.Fatalf("blocks %s: %v", blocks, err)
	}
	out := map[string]string{}
	for _, b := range bs {
		for _, e := range b.Elements {
			if strings.HasPrefix(e.ActionID, adapters.VotePrefix) {
				out[e.ActionID] = e.Value
			}
		}
	}
	return out
}

// TestFeedbackAndRecordOverEventsAPI: through the signed Events API, with slack-go
// posting to the fake Web API, an unanswered mention and a near-miss DM each land once
// in the SQLite record with their place; an answer carries 👍 and 👎; the buttons pressed
// as Slack sends block_actions record one vote per user and answer, and the voter alone
// is thanked through the response URL.
func TestFeedbackAndRecordOverEventsAPI(t *testing.T) {
	engine := testkit.Engine(t)
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "review.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, err := review.NewRecorder(review.Options{Store: st, Engine: engine})
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); rec.Run(ctx) }()

	h := newHTTPHarnessWith(t, engine, func(o *EventsOptions) { o.Curator = rec })
	send := func(body string) {
		if code, out := h.signed(t, "/slack/events", jsonType, body); code != 200 {
			t.Fatalf("event: %d %s", code, out)
		}
	}
	send(mustJSON(t, mention("EvU", "W1", "C1", "100.000100", "", "<@UBOT> what's the weather in karachi tomorrow?")))
	send(mustJSON(t, callback("EvN", map[string]any{"type": "message", "channel_type": "im", "channel": "D1",
		"user": "W1", "text": "how much did the missiles cost?", "ts": "101.000100"})))
	send(mustJSON(t, mention("EvA", "W1", "C2", "200.000100", "150.000100", "<@UBOT> When did Iran strike Pakistan?")))
	testkit.WaitFor(t, 5*time.Second, "three replies", func() bool { ps, _ := h.rec.snapshot(); return len(ps) == 3 })

	for _, p := range append(h.rec.postsTo("C1"), h.rec.postsTo("D1")...) {
		if len(voteButtons(t, p.Blocks)) > 0 {
			t.Errorf("a reply that does not answer has feedback buttons: %s", p.Blocks)
		}
	}
	answer := h.rec.postsTo("C2")[0]
	votes := voteButtons(t, answer.Blocks)
	if votes[adapters.VoteUp] == "" || votes[adapters.VoteDown] == "" {
		t.Fatalf("the answer has no 👍 and 👎: %s", answer.Blocks)
	}
	entry, question := parseShareValue(votes[adapters.VoteDown])
	if question != "When did Iran strike Pakistan?" {
		t.Errorf("the button carries the question %q", question)
	}

	respURL := h.api.URL + "/response/"
	container := map[string]any{"type": "message", "message_ts": "3.000200", "thread_ts": "150.000100", "channel_id": "C2"}
	for i, v := range []struct{ user, action string }{{"W1", adapters.VoteDown}, {"W1", adapters.VoteUp}, {"W2", adapters.VoteDown}} {
		body := form("payload", mustJSON(t, blockAction("tr-v"+string(rune('0'+i)), v.user, "C2", v.action, votes[v.action],
			respURL+"vote", container)))
		if code, out := h.signed(t, "/slack/interactivity", formType, body); code != 200 {
			t.Fatalf("vote %d: %d %s", i, code, out)
		}
		// Slack sends one press after another; the bot handles each in the background.
		testkit.WaitFor(t, 5*time.Second, "the thanks", func() bool { return len(h.rec.responsesTo("/response/vote")) == i+1 })
	}
	for _, r := range h.rec.responsesTo("/response/vote") {
		if r.Body["response_type"] != "ephemeral" || !strings.Contains(r.Raw, "Thanks for the feedback") {
			t.Errorf("the thanks is not ephemeral: %s", r.Raw)
		}
	}

	help := form("command", "/ask", "text", "help", "user_id", "W1", "channel_id", "C2", "response_url", respURL+"help", "trigger_id", "tr-help")
	if code, out := h.signed(t, "/slack/commands", formType, help); code != 200 {
		t.Fatalf("help: %d %s", code, out)
	}
	testkit.WaitFor(t, 5*time.Second, "the help", func() bool { return len(h.rec.responsesTo("/response/help")) == 1 })
	if r := h.rec.responsesTo("/response/help")[0]; !strings.Contains(r.Raw, "kept for a while") {
		t.Errorf("the help does not say that questions are kept: %s", r.Raw)
	}

	stop()
	<-done
	rs, err := st.Records(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[review.Outcome][]review.Record{}
	for _, r := range rs {
		got[r.Outcome] = append(got[r.Outcome], r)
	}
	if u := got[review.Unanswered]; len(u) != 1 || u[0].Place != "channel" || u[0].Platform != "slack" || u[0].Question != "what's the weather in karachi tomorrow?" {
		t.Errorf("unanswered: %+v", u)
	}
	if n := got[review.NearMiss]; len(n) != 1 || n[0].Place != "dm" || len(n[0].Nearest) == 0 {
		t.Errorf("near-miss: %+v", n)
	}
	if len(got[review.VotedUp]) != 1 || len(got[review.VotedDown]) != 1 {
		t.Fatalf("votes: %+v; want W1's last (up) and W2's (down)", rs)
	}
	for _, v := range append(got[review.VotedUp], got[review.VotedDown]...) {
		if v.Shown != entry || v.Place != "thread" || v.Question != question || len(v.User) != 64 {
			t.Errorf("vote %+v: want entry %s, in a thread, with the question and a hashed user", v, entry)
		}
	}
	if len(rs) != 4 {
		t.Errorf("%d records, want 4 (the good answer is not recorded)", len(rs))
	}
}
