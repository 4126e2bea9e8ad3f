package review_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/sqlitestore"
)

func openSQLite(t testing.TB) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "review.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// run runs rec until the returned stop, which waits for what is queued to be written.
func run(rec *review.Recorder) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); rec.Run(ctx) }()
	return func() { cancel(); <-done }
}

func TestOutcomeOf(t *testing.T) {
	dym := &answers.Suggestion{ID: "b", Question: "b?"}
	cases := []struct {
		name  string
		reply answers.Reply
		want  review.Outcome // "" for not recorded
	}{
		{"unknown", answers.Reply{Kind: answers.KindUnknown}, review.Unanswered},
		{"near-miss", answers.Reply{Kind: answers.KindNotInArticle, Confidence: 0.8}, review.NearMiss},
		{"low confidence", answers.Reply{Answered: true, ID: "a", Confidence: 0.55}, review.LowConfidence},
		{"close second", answers.Reply{Answered: true, ID: "a", Confidence: 0.9, DidYouMean: dym}, review.CloseSecond},
		{"confident", answers.Reply{Answered: true, ID: "a", Confidence: 0.9}, ""},
		{"empty", answers.Reply{Kind: answers.KindEmpty}, ""},
		{"too long", answers.Reply{Kind: answers.KindTooLong}, ""},
		{"clarify", answers.Reply{Kind: answers.KindClarify}, ""},
		{"instruction", answers.Reply{Kind: answers.KindInstruction}, ""},
	}
	for _, c := range cases {
		got, ok := review.OutcomeOf(c.reply, review.DefaultLowConfidence)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}

// TestRecorderRecordsOnceWithItsFields: each kind of question lands once with the
// fields a curator needs, a confident answer only in the day's count, and the user as
// an HMAC with the configured secret.
func TestRecorderRecordsOnceWithItsFields(t *testing.T) {
	eng := testkit.Engine(t)
	st := openSQLite(t)
	secret := []byte("configured secret")
	rec, err := review.NewRecorder(review.Options{Store: st, Engine: eng, Secret: secret, LowConfidence: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	stop := run(rec)
	ask := func(q string, place adapters.Place) {
		r, next := eng.AnswerIn(answers.Context{}, q)
		rec.Asked(context.Background(), adapters.Asked{Platform: adapters.Slack, Place: place, UserID: "U1", Read: next.Question, Reply: r})
	}
	ask("what's the weather in karachi tomorrow?", adapters.PlaceChannel)
	ask("How much did the missiles cost?", adapters.PlaceThread)
	ask("When did Iran strike Pakistan?", adapters.PlaceDM) // confident, but under 1.5
	ask("", adapters.PlaceDM)                               // asks nothing: not even counted
	stop()

	rs, err := st.Records(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 {
		t.Fatalf("%d records, want 3: %+v", len(rs), rs)
	}
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("slack:U1"))
	user := hex.EncodeToString(m.Sum(nil))
	by := map[review.Outcome]review.Record{}
	for _, r := range rs {
		by[r.Outcome] = r
		if r.Platform != "slack" || r.User != user || r.Question == "" || r.ID == "" || time.Since(r.Time) > time.Minute {
			t.Errorf("record %+v: want slack, user %s, the question, an id and the time", r, user)
		}
	}
	for o, place := range map[review.Outcome]adapters.Place{review.Unanswered: adapters.PlaceChannel, review.NearMiss: adapters.PlaceThread, review.LowConfidence: adapters.PlaceDM} {
		if by[o].Place != place {
			t.Errorf("%s: %+v, want one in a %s", o, by[o], place)
		}
	}
	if n := by[review.NearMiss].Nearest; len(n) == 0 || len(n) > 3 || n[0].Score <= 0 {
		t.Errorf("near-miss's nearest entries: %+v, want one to three ranked", n)
	}
	if len(by[review.Unanswered].Nearest) != 0 {
		t.Errorf("an off-topic question has nearest entries: %+v", by[review.Unanswered].Nearest)
	}
	if r := by[review.LowConfidence]; r.Shown == "" || r.Confidence < 0.5 {
		t.Errorf("low-confidence record lacks the entry shown or its confidence: %+v", r)
	}
	days, err := st.Days(context.Background(), time.Now().Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range days {
		total += d.Count
	}
	if total != 3 {
		t.Errorf("days %+v count %d questions, want 3", days, total)
	}
}

// TestRecorderRetention: what is older than the retention is deleted when the recorder
// starts, the rest kept.
func TestRecorderRetention(t *testing.T) {
	st := openSQLite(t)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ctx := context.Background()
	for id, age := range map[string]time.Duration{"old": 8 * 24 * time.Hour, "recent": 6 * 24 * time.Hour} {
		if err := st.Add(ctx, review.Record{ID: id, Time: now.Add(-age), Outcome: review.Unanswered}); err != nil {
			t.Fatal(err)
		}
	}
	rec, _ := review.NewRecorder(review.Options{Store: st, Retention: 7 * 24 * time.Hour, Now: func() time.Time { return now }})
	if err := rec.Start(ctx); err != nil {
		t.Fatal(err)
	}
	run(rec)()
	rs, _ := st.Records(ctx, time.Time{})
	if len(rs) != 1 || rs[0].ID != "recent" {
		t.Errorf("after the purge: %+v, want recent alone", rs)
	}
}

// TestRecorderSecretFromTheStore: without a configured secret, the store's is used, the
// same on every start, so the same user hashes the same.
func TestRecorderSecretFromTheStore(t *testing.T) {
	st := openSQLite(t)
	hashOf := func() string {
		rec, _ := review.NewRecorder(review.Options{Store: st})
		if err := rec.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		stop := run(rec)
		rec.Voted(context.Background(), adapters.Vote{Platform: adapters.Discord, UserID: "U1", Answer: "m1", EntryID: "e"})
		stop()
		rs, _ := st.Records(context.Background(), time.Time{})
		return rs[len(rs)-1].User
	}
	if a, b := hashOf(), hashOf(); a != b || len(a) != 64 {
		t.Errorf("hashes %q and %q: want one HMAC, the same after a restart", a, b)
	}
}

// TestFullBufferDoesNotWait: with nothing writing, a full buffer drops and counts
// records at once.
func TestFullBufferDoesNotWait(t *testing.T) {
	rec, _ := review.NewRecorder(review.Options{Store: openSQLite(t), Buffer: 2})
	start := time.Now()
	for range 1000 {
		rec.Asked(context.Background(), adapters.Asked{Platform: adapters.Slack, Reply: answers.Reply{Kind: answers.KindUnknown}})
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("1000 records into a full buffer took %v", d)
	}
	if n := rec.Dropped(); n != 998 {
		t.Errorf("%d dropped, want 998", n)
	}
}

// BenchmarkAskedBufferFull is what recording costs a reply when the buffer is full.
func BenchmarkAskedBufferFull(b *testing.B) {
	rec, _ := review.NewRecorder(review.Options{Store: openSQLite(b), Buffer: 1})
	a := adapters.Asked{Platform: adapters.Slack, UserID: "U1", Reply: answers.Reply{Kind: answers.KindUnknown}}
	for b.Loop() {
		rec.Asked(context.Background(), a)
	}
}

// BenchmarkAskedBufferRoom is what recording costs a reply when the buffer has room.
func BenchmarkAskedBufferRoom(b *testing.B) {
	rec, _ := review.NewRecorder(review.Options{Store: openSQLite(b), Buffer: b.N + 1})
	a := adapters.Asked{Platform: adapters.Slack, UserID: "U1", Reply: answers.Reply{Kind: answers.KindUnknown}}
	for b.Loop() {
		rec.Asked(context.Background(), a)
	}
}
