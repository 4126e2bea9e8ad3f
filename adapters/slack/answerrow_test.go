package slack

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
)

// nopCurator is a curator that keeps nothing.
type nopCurator struct{}

func (nopCurator) Asked(context.Context, adapters.Asked) {}
func (nopCurator) Voted(context.Context, adapters.Vote)  {}

// actionIDs lists the action ids of each actions block, by block id, in order.
func actionIDs(t *testing.T, blocks []slack.Block) (order []string, ids map[string][]string) {
	t.Helper()
	ids = map[string][]string{}
	for _, b := range blocks {
		a, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		if _, dup := ids[a.BlockID]; dup {
			t.Errorf("block id %q twice", a.BlockID)
		}
		order = append(order, a.BlockID)
		ids[a.BlockID] = []string{}
		for _, e := range a.Elements.ElementSet {
			ids[a.BlockID] = append(ids[a.BlockID], e.(*slack.ButtonBlockElement).ActionID)
		}
		if n := len(a.Elements.ElementSet); n > 25 {
			t.Errorf("actions block %q has %d elements, over Slack's 25", a.BlockID, n)
		}
	}
	return order, ids
}

// TestMapJoinsTheFeedbackRow: with pictures and a curator, an answer's "Show on a map"
// goes first into the row of 👍 and 👎, one actions block before the source; without a
// curator it has its own block, as before; the source stays last and no block id is
// repeated.
func TestMapJoinsTheFeedbackRow(t *testing.T) {
	engine := testkit.Engine(t)
	r := engine.Answer("Where did Pakistan strike in Iran?")
	if !r.Answered {
		t.Fatalf("not answered: %+v", r)
	}
	b := &bot{engine: engine, pics: drawnPictures(t), curator: nopCurator{}}
	for _, v := range []view{{feedback: true}, {echo: true, share: true, feedback: true}} {
		m := b.withMap(replyMessage(r, v), r)
		if len(m.blocks) > maxBlocks {
			t.Errorf("%d blocks", len(m.blocks))
		}
		order, ids := actionIDs(t, m.blocks)
		if _, ok := ids["map"]; ok {
			t.Errorf("a map block of its own beside the feedback row: %v", order)
		}
		if got := strings.Join(ids[feedbackBlockID], " "); got != actionShowMap+" "+adapters.VoteUp+" "+adapters.VoteDown {
			t.Errorf("the feedback row is %q", got)
		}
		if _, ok := m.blocks[len(m.blocks)-1].(*slack.ContextBlock); !ok {
			t.Errorf("the last block is a %T, not the source", m.blocks[len(m.blocks)-1])
		}
	}
	m := b.withMap(replyMessage(r, view{}), r)
	if _, ids := actionIDs(t, m.blocks); strings.Join(ids["map"], " ") != actionShowMap || ids[feedbackBlockID] != nil {
		t.Errorf("without feedback: %v", ids)
	}
	// An answer about no place has the feedback row alone.
	who := engine.Answer("Who is Ali Vaez?")
	if _, ids := actionIDs(t, b.withMap(replyMessage(who, view{feedback: true}), who).blocks); strings.Join(ids[feedbackBlockID], " ") != adapters.VoteUp+" "+adapters.VoteDown {
		t.Errorf("an answer about a person: %v", ids)
	}
	// At Slack's limit of blocks, the map's button still fits in the feedback row.
	full := replyMessage(r, view{feedback: true})
	for len(full.blocks) < maxBlocks {
		full.blocks = append([]slack.Block{section("padding")}, full.blocks...)
	}
	if m := b.withMap(full, r); len(m.blocks) != maxBlocks {
		t.Errorf("%d blocks from %d", len(m.blocks), maxBlocks)
	} else if _, ids := actionIDs(t, m.blocks); len(ids[feedbackBlockID]) != 3 {
		t.Errorf("at the limit: %v", ids)
	}
}

// TestMapAndFeedbackOverEventsAPI: through the signed endpoints with pictures and a
// curator, /ask about a place answers with the map, 👍 and 👎 in one actions block, the
// Home tab says what is kept, and the map's button and the votes still work.
func TestMapAndFeedbackOverEventsAPI(t *testing.T) {
	h := newHTTPHarness(t, func(o *EventsOptions) { o.Pictures = drawnPictures(t); o.Curator = nopCurator{} })
	respURL := h.api.URL + "/response/"
	if code, _ := h.signed(t, "/slack/commands", formType, form("command", "/ask", "text", "Where did Pakistan strike in Iran?",
		"user_id", "U1", "channel_id", "C1", "trigger_id", "tr1", "response_url", respURL+"ask")); code != 200 {
		t.Fatalf("/ask: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "the answer", func() bool { return len(h.rec.responsesTo("/response/ask")) == 1 })
	resp := h.rec.responsesTo("/response/ask")[0]
	raw, _ := json.Marshal(resp.Body["blocks"])
	var blocks []struct {
		Type     string `json:"type"`
		BlockID  string `json:"block_id"`
		Elements []struct {
			ActionID string `json:"action_id"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(raw, &blocks); err != nil {
		t.Fatal(err)
	}
	var row []string
	for _, b := range blocks {
		if b.BlockID == "map" {
			t.Errorf("a map block beside the feedback row: %s", raw)
		}
		if b.BlockID == feedbackBlockID {
			for _, e := range b.Elements {
				row = append(row, e.ActionID)
			}
		}
	}
	if strings.Join(row, " ") != actionShowMap+" "+adapters.VoteUp+" "+adapters.VoteDown {
		t.Fatalf("the answer's row is %v: %s", row, raw)
	}
	if len(blocks) > maxBlocks {
		t.Errorf("%d blocks", len(blocks))
	}
	votes := voteButtons(t, string(raw))
	press := blockAction("tr2", "U1", "C1", adapters.VoteUp, votes[adapters.VoteUp], respURL+"vote",
		map[string]any{"type": "message", "message_ts": "7.000100", "channel_id": "C1", "is_ephemeral": true})
	if code, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, press))); code != 200 {
		t.Fatalf("👍: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "the thanks", func() bool { return len(h.rec.responsesTo("/response/vote")) == 1 })
	if r := h.rec.responsesTo("/response/vote")[0]; !strings.Contains(r.Raw, "Thanks for the feedback") {
		t.Errorf("👍 answered %s", r.Raw)
	}
	press = blockAction("tr3", "U1", "C1", actionShowMap, "pakistan-strike", respURL+"press",
		map[string]any{"type": "message", "message_ts": "7.000100", "channel_id": "C1", "is_ephemeral": false})
	if code, _ := h.signed(t, "/slack/interactivity", formType, form("payload", mustJSON(t, press))); code != 200 {
		t.Fatalf("map button: %d", code)
	}
	checkUpload(t, h.rec, 0, "map-light.png", "C1", "7.000100")

	ev := callback("EvHome", map[string]any{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1705400000.1"})
	if code, _ := h.signed(t, "/slack/events", jsonType, mustJSON(t, ev)); code != 200 {
		t.Fatalf("app_home_opened: %d", code)
	}
	testkit.WaitFor(t, 5*time.Second, "views.publish", func() bool { return len(h.rec.publishedViews()) == 1 })
	if v := h.rec.publishedViews()[0]; !strings.Contains(v, "kept for a while") {
		t.Errorf("the Home tab does not say that questions are kept: %s", v)
	}
}
