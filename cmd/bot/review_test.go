package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/sqlitestore"
)

var updateReview = flag.Bool("update", false, "rewrite the golden files of bot review in testdata/")

// fixtureNow is when the golden reports are made: hours after the last record of the
// fixture.
const fixtureNow = "2026-12-04T12:00:00Z"

// loadFixture writes the recorded fixture of ../../review/testdata, made by running the
// blind question sets through the Recorder, into a SQLite file, every time moved by
// shift, and returns its path.
func loadFixture(t *testing.T, shift time.Duration) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "review.db")
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := os.Open(filepath.Join("..", "..", "review", "testdata", "blind-records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Record *review.Record `json:"record"`
			Day    *review.Day    `json:"day"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		switch {
		case line.Record != nil:
			line.Record.Time = line.Record.Time.Add(shift)
			err = st.Add(ctx, *line.Record)
		case line.Day != nil:
			d, _ := time.Parse(time.DateOnly, line.Day.Date)
			line.Day.Date = d.Add(shift).Format(time.DateOnly)
			err = st.Count(ctx, *line.Day)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestReviewGolden: bot review on the recorded fixture, as text and as JSON.
func TestReviewGolden(t *testing.T) {
	env := map[string]string{"BOT_REVIEW_PATH": loadFixture(t, 0), "BOT_REVIEW_NOW": fixtureNow}
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"review.txt", []string{"review", "--since", "30d"}},
		{"review.json", []string{"review", "--since", "30d", "--json"}},
		{"review-slack-near-miss.txt", []string{"review", "--since", "2026-11-20", "--platform", "slack", "--outcome", "near_miss"}},
	} {
		code, out, errOut := runBot(t, "", env, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		path := filepath.Join("testdata", c.golden)
		if *updateReview {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if out != string(want) {
			t.Errorf("%v differs from %s (run go test -update if the change is meant):\n%s", c.args, path, out)
		}
	}
}

// TestReviewWithoutRecords: bot review before anything was recorded says so.
func TestReviewWithoutRecords(t *testing.T) {
	code, _, errOut := runBot(t, "", map[string]string{"BOT_REVIEW_PATH": filepath.Join(t.TempDir(), "none.db")}, "review")
	if code != 1 || !strings.Contains(errOut, "no records yet") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
