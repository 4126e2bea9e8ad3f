package sqlitestore_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/reviewtest"
	"github.com/borderbot/borderbot/review/sqlitestore"
)

func TestContract(t *testing.T) {
	reviewtest.Run(t, func(t *testing.T) review.Store {
		s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "sub", "review.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// TestReopen checks that records and the secret outlive the process: a file reopened
// holds them.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "review.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := s.Secret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(ctx, review.Record{ID: "a", Time: time.Now(), Outcome: review.Unanswered, Question: "q"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, err := s.Secret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(secret) {
		t.Error("the secret changed when the file was reopened")
	}
	got, err := s.Records(ctx, time.Time{})
	if err != nil || len(got) != 1 {
		t.Fatalf("records after reopening: %v, %v; want one", got, err)
	}
}
