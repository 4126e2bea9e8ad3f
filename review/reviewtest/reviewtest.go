// Package reviewtest is the contract every review.Store keeps, run by each store's tests
// against the real thing.
package reviewtest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/borderbot/borderbot/review"
)

// Run checks the store open returns: a fresh, empty one for each call.
func Run(t *testing.T, open func(t *testing.T) review.Store) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Millisecond)
	rec := func(id string, at time.Time, o review.Outcome) review.Record {
		return review.Record{ID: id, Time: at, Platform: "slack", Place: "thread", User: "u1hash", Question: "how much did the missiles cost",
			Outcome: o, Confidence: 0.41, Nearest: []review.Nearest{{ID: "iran-strike", Score: 0.52}, {ID: "pakistan-strike", Score: 0.3}}, Shown: "iran-strike"}
	}

	t.Run("add and read back", func(t *testing.T) {
		s := open(t)
		want := []review.Record{rec("a", now.Add(-2*time.Hour), review.NearMiss), rec("b", now.Add(-time.Hour), review.Unanswered)}
		for _, r := range want {
			if err := s.Add(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Records(ctx, now.Add(-24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("records:\n got %+v\nwant %+v", got, want)
		}
		got, err = s.Records(ctx, now.Add(-90*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != "b" {
			t.Fatalf("records since 90 minutes ago: %+v, want b alone", got)
		}
	})

	t.Run("a second vote replaces the first", func(t *testing.T) {
		s := open(t)
		v := rec("vote:x", now.Add(-time.Minute), review.VotedDown)
		if err := s.Add(ctx, v); err != nil {
			t.Fatal(err)
		}
		v.Outcome, v.Time = review.VotedUp, now
		if err := s.Add(ctx, v); err != nil {
			t.Fatal(err)
		}
		got, err := s.Records(ctx, now.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Outcome != review.VotedUp {
			t.Fatalf("records after a changed vote: %+v, want one voted_up", got)
		}
	})

	t.Run("purge deletes what is older", func(t *testing.T) {
		s := open(t)
		old, recent := now.Add(-31*24*time.Hour), now.Add(-time.Hour)
		for _, r := range []review.Record{rec("old", old, review.Unanswered), rec("new", recent, review.Unanswered)} {
			if err := s.Add(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range []review.Day{{Date: old.Format(time.DateOnly), Platform: "slack", Class: review.ClassAnswered, Count: 3},
			{Date: recent.Format(time.DateOnly), Platform: "slack", Class: review.ClassAnswered, Count: 2}} {
			if err := s.Count(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.Purge(ctx, now.Add(-30*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("purge deleted %d records, want 1", n)
		}
		got, err := s.Records(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != "new" {
			t.Fatalf("records after purge: %+v, want new alone", got)
		}
		days, err := s.Days(ctx, now.Add(-40*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(days) != 1 || days[0].Count != 2 {
			t.Fatalf("days after purge: %+v, want the recent day alone", days)
		}
	})

	t.Run("counts add up by day, platform and class", func(t *testing.T) {
		s := open(t)
		today := now.Format(time.DateOnly)
		for _, d := range []review.Day{{Date: today, Platform: "slack", Class: review.ClassAnswered, Count: 2},
			{Date: today, Platform: "slack", Class: review.ClassAnswered, Count: 3},
			{Date: today, Platform: "discord", Class: review.ClassNearMiss, Count: 1}} {
			if err := s.Count(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Days(ctx, now.Add(-24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		want := []review.Day{{Date: today, Platform: "discord", Class: review.ClassNearMiss, Count: 1},
			{Date: today, Platform: "slack", Class: review.ClassAnswered, Count: 5}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("days:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("the secret is made once and kept", func(t *testing.T) {
		s := open(t)
		a, err := s.Secret(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Secret(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) < 32 || !reflect.DeepEqual(a, b) {
			t.Fatalf("secrets %x and %x: want one of 32 bytes or more, twice", a, b)
		}
	})
}
