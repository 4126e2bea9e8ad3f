package review_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
)

var blind = flag.String("blind", "", "record the blind question sets of answers/testdata through a Recorder and write the records to this JSON-lines `file`")

// memStore is a review.Store in memory, for making fixtures.
type memStore struct {
	mu      sync.Mutex
	records map[string]review.Record
	days    map[review.Day]int
}

func newMemStore() *memStore {
	return &memStore{records: map[string]review.Record{}, days: map[review.Day]int{}}
}

func (m *memStore) Add(_ context.Context, r review.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.records[r.ID] = r
	return nil
}

func (m *memStore) Count(_ context.Context, d review.Day) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := d.Count
	d.Count = 0
	m.days[d] += n
	return nil
}

func (m *memStore) Records(_ context.Context, since time.Time) ([]review.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []review.Record
	for _, r := range m.records {
		if !r.Time.Before(since) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b review.Record) int { return a.Time.Compare(b.Time) })
	return out, nil
}

func (m *memStore) Days(_ context.Context, since time.Time) ([]review.Day, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []review.Day
	for d, n := range m.days {
		if d.Date >= since.Format(time.DateOnly) {
			d.Count = n
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b review.Day) int {
		return strings.Compare(a.Date+string(a.Platform)+string(a.Class), b.Date+string(b.Platform)+string(b.Class))
	})
	return out, nil
}

func (m *memStore) Purge(context.Context, time.Time) (int, error) { return 0, nil }
func (m *memStore) Secret(context.Context) ([]byte, error)        { return []byte("fixture secret"), nil }
func (m *memStore) Close() error                                  { return nil }

// FixtureLine is one line of a recorded fixture: a record or a day's count.
type FixtureLine struct {
	Record *review.Record `json:"record,omitempty"`
	Day    *review.Day    `json:"day,omitempty"`
}

type blindCase struct {
	Q            string     `json:"q"`
	Expect       string     `json:"expect"`
	Must         [][]string `json:"must"`
	Conversation string     `json:"conversation"`
}

// TestRecordBlindSets runs the blind sets through the engine as if asked on the
// platforms over two weeks, with a 👎 from each asker whose answer was wrong (an answer
// where the set expects "I don't know", or one without the words it must have) and a
// 👍 on every third right one, and writes what the Recorder kept: `go test ./review -run
// RecordBlind -blind testdata/blind-records.jsonl` makes the fixture of bot review's
// golden test.
func TestRecordBlindSets(t *testing.T) {
	if *blind == "" {
		t.Skip("-blind FILE not given")
	}
	eng := testkit.Engine(t)
	st := newMemStore()
	base := time.Date(2026, 11, 17, 8, 0, 0, 0, time.UTC)
	var now time.Time
	rec, err := review.NewRecorder(review.Options{Store: st, Engine: eng, Now: func() time.Time { return now }, Buffer: 10000})
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); rec.Run(ctx) }()

	i := 0
	convs := map[string]answers.Context{}
	for _, set := range []string{"blind-chat-a.jsonl", "blind-chat-b.jsonl", "blind-conv-a.jsonl"} {
		f, err := os.Open(filepath.Join("..", "answers", "testdata", set))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c blindCase
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatal(err)
			}
			i++
			now = base.Add(time.Duration(i) * 47 * time.Minute)
			platform := adapters.Slack
			if i%3 == 0 {
				platform = adapters.Discord
			}
			place := adapters.PlaceChannel
			switch {
			case c.Conversation != "":
				place = adapters.PlaceThread
			case i%4 == 0:
				place = adapters.PlaceDM
			}
			user := "U" + string(rune('A'+i%23))
			r, next := eng.AnswerIn(convs[c.Conversation], c.Q)
			if c.Conversation != "" {
				convs[c.Conversation] = next
			}
			rec.Asked(ctx, adapters.Asked{Platform: platform, Place: place, UserID: user, Read: next.Question, Reply: r})
			if r.Answered && r.ID != "" {
				wrong := c.Expect == "abstain" || !hasAll(r.Text(), c.Must)
				if wrong || i%3 == 0 {
					rec.Voted(ctx, adapters.Vote{Platform: platform, Place: place, UserID: user, Answer: set + "/" + c.Q,
						EntryID: r.ID, Question: next.Question, Up: !wrong})
				}
			}
		}
		f.Close()
	}
	stop()
	<-done
	out, err := os.Create(*blind)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	records, _ := st.Records(context.Background(), time.Time{})
	for _, r := range records {
		enc.Encode(FixtureLine{Record: &r})
	}
	days, _ := st.Days(context.Background(), time.Time{})
	for _, d := range days {
		enc.Encode(FixtureLine{Day: &d})
	}
	t.Logf("%d questions asked, %d records, %d day counts written to %s", i, len(records), len(days), *blind)
}

// hasAll reports whether text has one of each group of words, as the sets' scorer asks.
func hasAll(text string, must [][]string) bool {
	low := strings.ToLower(text)
	for _, any := range must {
		ok := false
		for _, w := range any {
			if strings.Contains(low, strings.ToLower(w)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
