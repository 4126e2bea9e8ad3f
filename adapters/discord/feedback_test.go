package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/sqlitestore"
)

// reviewRig is a real Recorder writing to a real SQLite file, running until stop.
type reviewRig struct {
	rec   *review.Recorder
	store review.Store
	done  chan struct{}
	stop  context.CancelFunc
}

func newReviewRig(t *testing.T, engine review.Explainer, buffer int) *reviewRig {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "review.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rec, err := review.NewRecorder(review.Options{Store: st, Engine: engine, Buffer: buffer})
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return &reviewRig{rec: rec, store: st}
}

func (rr *reviewRig) run() {
	ctx, cancel := context.WithCancel(context.Background())
	rr.stop, rr.done = cancel, make(chan struct{})
	go func() { defer close(rr.done); rr.rec.Run(ctx) }()
}

// records stops the recorder, which writes what is queued, and reads every record back.
func (rr *reviewRig) records(t *testing.T) []review.Record {
	t.Helper()
	rr.stop()
	<-rr.done
	rs, err := rr.store.Records(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func newReviewEndpoint(t *testing.T, curator adapters.Curator) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ParsePublicKey(hex.EncodeToString(pub))
	logs := &testkit.LogBuffer{}
	h := NewInteractionsHandler(testkit.Engine(t), key, HandlerOptions{Logger: testLogger(logs), Now: func() time.Time { return fixedNow },
		Curator: curator})
	return &endpoint{h: h, priv: priv, logs: logs}
}

// TestFeedbackAndRecordOverInteractions: through the signed interactions endpoint, an
// unanswered and a near-miss /ask each land once in the SQLite record, a good answer
// lands nowhere but carries 👍 and 👎, and the buttons pressed as Discord sends them
// record one vote per user and answer, the last one pressed.
func TestFeedbackAndRecordOverInteractions(t *testing.T) {
	rig := newReviewRig(t, testkit.Engine(t), 0)
	rig.run()
	ep := newReviewEndpoint(t, rig.rec)
	ask := func(id, user, q string) wireResponse {
		in := command(id, "ask", opt("question", 3, q))
		in["member"] = map[string]any{"user": map[string]any{"id": user, "username": "u"}}
		return ep.post(t, in)
	}
	if r := ask("i1", "alice", "Who won the Super Bowl?"); hasVote(r) {
		t.Errorf("an unanswered question has feedback buttons: %v", r.buttons())
	}
	if r := ask("i2", "alice", "How much did the missiles cost?"); hasVote(r) {
		t.Errorf("a near-miss has feedback buttons: %v", r.buttons())
	}
	good := ask("i3", "alice", "When did Iran strike Pakistan?")
	var up, down string
	for _, b := range good.buttons() {
		switch {
		case strings.HasPrefix(b, adapters.VoteUp+":"):
			up = b
		case strings.HasPrefix(b, adapters.VoteDown+":"):
			down = b
		}
	}
	if up == "" || down == "" {
		t.Fatalf("an answer has no 👍 and 👎: %v", good.buttons())
	}
	entry := strings.TrimPrefix(up, adapters.VoteUp+":")

	press := func(id, user, customID string) wireResponse {
		in := button(id, customID)
		in["guild_id"], in["channel_id"] = "guild1", "chan1"
		delete(in, "user")
		in["member"] = map[string]any{"user": map[string]any{"id": user, "username": "u"}}
		in["message"] = map[string]any{"id": "answer-i3", "channel_id": "chan1", "content": "",
			"interaction_metadata": map[string]any{"id": "i3", "type": 2, "user": map[string]any{"id": "alice"}}}
		return ep.post(t, in)
	}
	for _, p := range []struct{ id, user, cid string }{{"v1", "alice", down}, {"v2", "alice", up}, {"v3", "bob", down}} {
		r := press(p.id, p.user, p.cid)
		if r.Type != 4 || r.Data.Flags&64 == 0 || r.Data.Content != adapters.VoteThanks {
			t.Errorf("press %s: want an ephemeral thanks, got %s", p.id, r.raw)
		}
	}

	if about := ep.post(t, command("i4", "about")); !strings.Contains(about.raw, "kept for a while") {
		t.Errorf("/about does not say that questions are kept: %s", about.raw)
	}
	got := map[review.Outcome][]review.Record{}
	for _, r := range rig.records(t) {
		got[r.Outcome] = append(got[r.Outcome], r)
	}
	if n := len(got[review.Unanswered]); n != 1 || got[review.Unanswered][0].Question != "Who won the Super Bowl?" {
		t.Errorf("unanswered records: %+v", got[review.Unanswered])
	}
	if n := len(got[review.NearMiss]); n != 1 || len(got[review.NearMiss][0].Nearest) == 0 {
		t.Errorf("near-miss records: %+v", got[review.NearMiss])
	}
	if len(got[review.VotedUp]) != 1 || len(got[review.VotedDown]) != 1 {
		t.Logf("records: %+v", got)
		t.Fatalf("votes: %d up, %d down; want alice's last (up) and bob's (down)", len(got[review.VotedUp]), len(got[review.VotedDown]))
	}
	for _, v := range append(got[review.VotedUp], got[review.VotedDown]...) {
		if v.Shown != entry || v.Platform != "discord" || v.Place != "channel" || v.Question != "When did Iran strike Pakistan?" {
			t.Errorf("vote record %+v: want entry %s on discord, in a channel, with the question", v, entry)
		}
	}
	for _, rs := range got {
		for _, r := range rs {
			if len(r.User) != 64 || strings.Contains(r.User, "alice") || strings.Contains(r.User, "bob") {
				t.Errorf("user kept as %q, want an HMAC", r.User)
			}
		}
	}
	if got[review.VotedUp][0].User == got[review.VotedDown][0].User {
		t.Error("alice's and bob's votes have one user hash")
	}
	if g := got[review.Unanswered][0]; g.User != got[review.VotedUp][0].User {
		t.Error("alice's question and vote have different user hashes: votes cannot be told apart by user")
	}
}

// TestNoCuratorNoButtons: with the review disabled (no curator), answers carry no
// feedback buttons, as before.
func TestNoCuratorNoButtons(t *testing.T) {
	ep := newReviewEndpoint(t, nil)
	r := ep.post(t, command("i1", "ask", opt("question", 3, "When did Iran strike Pakistan?")))
	if hasVote(r) {
		t.Errorf("feedback buttons without a curator: %v", r.buttons())
	}
	if r := ep.post(t, command("i2", "about")); strings.Contains(r.raw, "Privacy") {
		t.Error("/about has a privacy note though nothing is recorded")
	}
	r = ep.post(t, button("v1", adapters.VoteDown+":iran_strike"))
	if r.Data.Content != textUnknownButton {
		t.Errorf("a vote without a curator answered %s", r.raw)
	}
}

func hasVote(r wireResponse) bool {
	for _, b := range r.buttons() {
		if strings.HasPrefix(b, adapters.VotePrefix) {
			return true
		}
	}
	return false
}

// BenchmarkInteractionsAskReviewBufferFull is /ask with a curator whose buffer is full
// and never drained: beside BenchmarkInteractionsAsk, what recording costs a reply
// when the store cannot keep up (nothing: the record is dropped and counted).
func BenchmarkInteractionsAskReviewBufferFull(b *testing.B) {
	engine := testkit.Engine(b)
	st, err := sqlitestore.Open(context.Background(), filepath.Join(b.TempDir(), "review.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rec, _ := review.NewRecorder(review.Options{Store: st, Engine: engine, Buffer: 1})
	rec.Start(context.Background())
	pub, priv, _ := ed25519.GenerateKey(nil)
	h := NewInteractionsHandler(engine, pub, HandlerOptions{Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return fixedNow },
		Curator: rec})
	body, _ := json.Marshal(command("b1", "ask", opt("question", 3, "How much did the missiles cost?")))
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, request(priv, fixedNow, body))
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
	b.StopTimer()
	if rec.Dropped() < int64(b.N)-1 {
		b.Fatalf("%d dropped of %d: the buffer was not full", rec.Dropped(), b.N)
	}
}
