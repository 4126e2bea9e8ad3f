package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/review"
)

func cmdReview(ctx context.Context, e env, args []string) error {
	fset := newFlags(e, "review", "bot review [--since 7d] [--json] [--platform P] [--outcome O]",
		"Prints the questions the bot answered badly or not at all, grouped by meaning and most asked\nfirst, each with examples, its nearest entry and what a curator would do; then the entries\nranked by their share of 👎. Reads the store [review] path names, or Redis with [store] redis_url.")
	var c common
	c.register(fset, e)
	since := fset.String("since", "7d", "how far back: a duration such as 7d, 2w or 36h, or a date such as 2026-01-31")
	asJSON := fset.Bool("json", false, "print the report as JSON")
	platform := fset.String("platform", "", "only this platform's records: discord or slack")
	outcome := fset.String("outcome", "", "only records of this outcome: unanswered, near_miss, low_confidence, close_second, voted_down, voted_up")
	if err := parse(fset, args); err != nil {
		return err
	}
	cfg, eng, err := c.load(e)
	if err != nil {
		return err
	}
	now := time.Now()
	if v := e.getenv("BOT_REVIEW_NOW"); v != "" {
		// For golden tests of recorded fixtures: the time the report is made at.
		if now, err = time.Parse(time.RFC3339, v); err != nil {
			return usageError{fmt.Errorf("BOT_REVIEW_NOW: %w", err)}
		}
	}
	from, err := review.ParseSince(*since, now)
	if err != nil {
		return usageError{err}
	}
	f := review.Filter{Platform: adapters.Platform(*platform), Outcome: review.Outcome(*outcome)}
	if f.Outcome != "" && !f.Outcome.Valid() {
		return usageError{fmt.Errorf("--outcome %q: not one of %v", *outcome, review.Outcomes)}
	}
	if cfg.Store.RedisURL == "" {
		if _, err := os.Stat(cfg.Review.Path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("review: no records yet: %s does not exist (%s)", cfg.Review.Path, cfg.KeyOf(&cfg.Review.Path))
		}
	}
	st, err := openReviewStore(cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	records, err := st.Records(ctx, from)
	if err != nil {
		return fmt.Errorf("review: %w", err)
	}
	days, err := st.Days(ctx, from)
	if err != nil {
		return fmt.Errorf("review: %w", err)
	}
	rep := review.Build(records, days, from, now, f, entryTitle(eng))
	if *asJSON {
		return rep.WriteJSON(e.stdout)
	}
	return rep.WriteText(e.stdout)
}
