package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
	reviewredis "github.com/borderbot/borderbot/review/redisstore"
	reviewsqlite "github.com/borderbot/borderbot/review/sqlitestore"
)

// TestServeRecordsInRedis: with [store] redis_url, two instances write the curators'
// record to the one Redis, under the prefix, with one secret: the same user hashes the
// same on both.
func TestServeRecordsInRedis(t *testing.T) {
	url := testkit.RedisURL(t)
	prefix := testPrefix(t)
	on := func(c *config.Config) { c.Review.Enabled = true }
	a := startServer(t, nil, redisSetup(url, prefix, on))
	b := startServer(t, nil, redisSetup(url, prefix, on))
	for i, s := range []*testServer{a, b} {
		body := mentionBody(t, "EvR"+string(rune('0'+i)), "W1", "C9", "10"+string(rune('0'+i))+".000100", "what's the weather in karachi tomorrow?")
		if code, _, err := s.slackEvent(body, 0); err != nil || code != 200 {
			t.Fatalf("event on instance %d: %d %v", i, code, err)
		}
		testkit.WaitFor(t, 5*time.Second, "the reply", func() bool { return len(s.slack.postsTo("C9")) == 1 })
	}
	a.stop() // each writes what is queued before it stops
	b.stop()
	st, err := reviewredis.Open(url, prefix, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, err := st.Records(context.Background(), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Outcome != review.Unanswered || rs[1].Outcome != review.Unanswered {
		t.Fatalf("records in Redis: %+v, want the two unanswered questions", rs)
	}
	if rs[0].User != rs[1].User || rs[0].User == "" {
		t.Errorf("one user hashed as %q and %q by the two instances", rs[0].User, rs[1].User)
	}
}

// TestServeReviewDisabled: with [review] enabled = false, nothing is recorded, no file is
// made, answers carry no feedback buttons and the page is not served.
func TestServeReviewDisabled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.db")
	s := startServer(t, nil, serverSetup{cfg: func(c *config.Config) {
		c.Review.Enabled = false
		c.Review.Path = path
	}})
	body := mentionBody(t, "EvD1", "W1", "C8", "100.000100", "When did Iran strike Pakistan?")
	if code, _, err := s.slackEvent(body, 0); err != nil || code != 200 {
		t.Fatalf("event: %d %v", code, err)
	}
	testkit.WaitFor(t, 5*time.Second, "the reply", func() bool { return len(s.slack.postsTo("C8")) == 1 })
	if p := s.slack.postsTo("C8")[0]; strings.Contains(p.Blocks, "vote:") {
		t.Errorf("feedback buttons with the review disabled: %s", p.Blocks)
	}
	if code, _ := s.get("/review"); code != 404 {
		t.Errorf("GET /review with the review disabled: %d, want 404", code)
	}
	s.stop()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the review file was made though the review is disabled: %v", err)
	}
}

// TestServeRecordsInSQLite: by default a Slack answer carries 👍 and 👎, an unanswered
// question lands in the SQLite file of [review] path, and the page without
// BOT_REVIEW_TOKEN is not served at all.
func TestServeRecordsInSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.db")
	s := startServer(t, nil, serverSetup{cfg: func(c *config.Config) { c.Review.Enabled, c.Review.Path = true, path }})
	for i, q := range []string{"When did Iran strike Pakistan?", "what's the weather in karachi tomorrow?"} {
		ch := "C" + string(rune('5'+i))
		if code, _, err := s.slackEvent(mentionBody(t, "EvS"+ch, "W1", ch, "100.000100", q), 0); err != nil || code != 200 {
			t.Fatalf("event: %d %v", code, err)
		}
		testkit.WaitFor(t, 5*time.Second, "the reply", func() bool { return len(s.slack.postsTo(ch)) == 1 })
	}
	if p := s.slack.postsTo("C5")[0]; !strings.Contains(p.Blocks, `"vote:up"`) || !strings.Contains(p.Blocks, `"vote:down"`) {
		t.Errorf("an answer without 👍 and 👎: %s", p.Blocks)
	}
	if code, _ := s.get("/review"); code != 404 {
		t.Errorf("GET /review without BOT_REVIEW_TOKEN: %d, want 404 (closed)", code)
	}
	s.stop()
	st, err := reviewsqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, _ := st.Records(context.Background(), time.Time{})
	if len(rs) != 1 || rs[0].Outcome != review.Unanswered || rs[0].Place != "channel" {
		t.Errorf("records: %+v, want the unanswered one", rs)
	}
}
