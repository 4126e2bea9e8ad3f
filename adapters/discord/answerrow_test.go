package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// nopCurator is a curator that keeps nothing.
type nopCurator struct{}

func (nopCurator) Asked(context.Context, adapters.Asked) {}
func (nopCurator) Voted(context.Context, adapters.Vote)  {}

// onePlace is a Pictures whose map shows every answer's entry.
type onePlace struct{}

func (onePlace) Get(context.Context, pictures.Kind, pictures.Theme) (pictures.Picture, error) {
	return pictures.Picture{}, fmt.Errorf("not drawn")
}
func (onePlace) Places() []answers.Place { return nil }
func (onePlace) PlacesOf(r answers.Reply) []answers.Place {
	return []answers.Place{{ID: "p", Name: "Saravan", EntryID: r.ID}}
}

func lastRowIDs(m message) []string {
	if len(m.Components) == 0 {
		return nil
	}
	var ids []string
	for _, b := range m.Components[len(m.Components)-1].(discordgo.ActionsRow).Components {
		ids = append(ids, b.(discordgo.Button).CustomID)
	}
	return ids
}

// TestAnswerRowMapAndFeedback: with pictures and a curator, an answer's "Show on a map",
// 👍 and 👎 share one action row under the suggestions, within Discord's limits; with
// the suggestions filling the five rows, none is added; with either alone, its buttons
// alone.
func TestAnswerRowMapAndFeedback(t *testing.T) {
	suggestions := func(n int) []answers.Suggestion {
		var s []answers.Suggestion
		for i := range n {
			s = append(s, answers.Suggestion{ID: fmt.Sprintf("entry-%d", i), Question: fmt.Sprintf("Question %d?", i)})
		}
		return s
	}
	r := answers.Reply{Answered: true, ID: "pakistan-strike", Title: "Where", Answer: "In Saravan."}
	both := &handler{curator: nopCurator{}, pics: onePlace{}}
	for _, n := range []int{0, 3, 5, 19, 20, 25, 30} {
		r := r
		r.Suggestions = suggestions(n)
		m := both.renderAnswer(r)
		checkLimits(t, m)
		suggestionRows := min((n+maxButtonsPerRow-1)/maxButtonsPerRow, maxRows)
		if suggestionRows == maxRows {
			if len(m.Components) != maxRows {
				t.Errorf("%d suggestions: %d rows", n, len(m.Components))
			}
			continue
		}
		want := []string{"map:pakistan-strike", "vote:up:pakistan-strike", "vote:down:pakistan-strike"}
		if got := lastRowIDs(m); strings.Join(got, " ") != strings.Join(want, " ") || len(m.Components) != suggestionRows+1 {
			t.Errorf("%d suggestions: %d rows, the last %v; want %d, the last %v", n, len(m.Components), got, suggestionRows+1, want)
		}
	}
	if got := lastRowIDs((&handler{pics: onePlace{}}).renderAnswer(r)); strings.Join(got, " ") != "map:pakistan-strike" {
		t.Errorf("pictures alone: %v", got)
	}
	if got := lastRowIDs((&handler{curator: nopCurator{}}).renderAnswer(r)); strings.Join(got, " ") != "vote:up:pakistan-strike vote:down:pakistan-strike" {
		t.Errorf("a curator alone: %v", got)
	}
	if m := (&handler{}).renderAnswer(r); len(m.Components) != 0 {
		t.Errorf("neither: %d rows", len(m.Components))
	}
	unknown := answers.Reply{Kind: answers.KindUnknown, Answer: "I don't know.", Suggestions: suggestions(3)}
	if got := lastRowIDs(both.renderAnswer(unknown)); strings.Contains(strings.Join(got, " "), "vote:") || strings.Contains(strings.Join(got, " "), "map:") {
		t.Errorf("an unanswered reply has %v", got)
	}
}

// TestMapAndFeedbackOverInteractions: with both pictures and a curator, an answer about a
// place carries the map button and 👍 and 👎 in one row, and each still works when
// pressed.
func TestMapAndFeedbackOverInteractions(t *testing.T) {
	f := newFakeDiscord(t)
	useFakeEndpoints(t, f.srv.URL)
	rig := newReviewRig(t, testkit.Engine(t), 0)
	rig.run()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ParsePublicKey(hex.EncodeToString(pub))
	logs := &testkit.LogBuffer{}
	h := NewInteractionsHandler(testkit.Engine(t), key, HandlerOptions{Logger: testLogger(logs), Now: func() time.Time { return fixedNow },
		Pictures: drawnPictures(t), Curator: rig.rec})
	ep := &endpoint{h: h, priv: priv, logs: logs}

	ans := ep.post(t, command("m1", "ask", opt("question", 3, "Where did Pakistan strike in Iran?")))
	if n := len(ans.Data.Components); n == 0 || n > maxRows {
		t.Fatalf("%d rows: %s", n, ans.raw)
	}
	last := ans.Data.Components[len(ans.Data.Components)-1].Components
	var ids []string
	for _, b := range last {
		ids = append(ids, b.CustomID)
	}
	if len(ids) != 3 || ids[0] != "map:pakistan-strike" || !strings.HasPrefix(ids[1], adapters.VoteUp+":") || !strings.HasPrefix(ids[2], adapters.VoteDown+":") {
		t.Fatalf("the answer's row is %v; want the map, 👍 and 👎", ids)
	}
	for _, row := range ans.Data.Components {
		if len(row.Components) > maxButtonsPerRow {
			t.Errorf("a row of %d buttons", len(row.Components))
		}
	}
	if press := ep.post(t, button("m2", ids[0])); press.Type != 5 {
		t.Errorf("map button: %s", press.raw)
	}
	f.waitCall(t, "POST", "/webhooks/app1/tok-m2")
	if press := ep.post(t, button("m3", ids[2])); press.Data == nil || press.Data.Content != adapters.VoteThanks {
		t.Errorf("👎: %s", press.raw)
	}
}
