// Package sqlitestore keeps the curators' records in a SQLite file, for one instance,
// with the pure-Go driver modernc.org/sqlite so that the binary stays static.
package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/borderbot/borderbot/review"
)

// schema is the file's tables: one row a record (a vote's id is the same for one
// user's votes on one answer, so a second vote replaces the first), one row a day,
// platform and class of the chart, and the HMAC secret.
const schema = `
CREATE TABLE IF NOT EXISTS records (
	id         TEXT PRIMARY KEY,
	at         INTEGER NOT NULL, -- Unix milliseconds, UTC
	platform   TEXT NOT NULL,
	place      TEXT NOT NULL,
	user       TEXT NOT NULL,
	question   TEXT NOT NULL,
	outcome    TEXT NOT NULL,
	confidence REAL NOT NULL,
	nearest    TEXT NOT NULL, -- JSON
	shown      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_at ON records (at);
CREATE TABLE IF NOT EXISTS days (
	date     TEXT NOT NULL,
	platform TEXT NOT NULL,
	class    TEXT NOT NULL,
	count    INTEGER NOT NULL,
	PRIMARY KEY (date, platform, class)
);
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
);`

// Store is a review.Store in one SQLite file. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

var _ review.Store = (*Store)(nil)

// Open opens the SQLite file at path, making it and its directory when they are
// missing, in WAL mode.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite review store: no path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("sqlite review store: %w", err)
		}
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite review store %s: %w", path, err)
	}
	// One writer at a time is all SQLite has; one connection avoids SQLITE_BUSY.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite review store %s: create tables: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// Add keeps r, replacing the record with its id.
func (s *Store) Add(ctx context.Context, r review.Record) error {
	nearest, err := json.Marshal(r.Nearest)
	if err != nil {
		return fmt.Errorf("sqlite review store: add %s: %w", r.ID, err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO records
		(id, at, platform, place, user, question, outcome, confidence, nearest, shown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.Time.UnixMilli(), r.Platform, r.Place, r.User, r.Question, string(r.Outcome), r.Confidence, string(nearest), r.Shown)
	if err != nil {
		return fmt.Errorf("sqlite review store: add %s: %w", r.ID, err)
	}
	return nil
}

// Count adds d.Count to its day, platform and class.
func (s *Store) Count(ctx context.Context, d review.Day) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO days (date, platform, class, count) VALUES (?, ?, ?, ?)
		ON CONFLICT (date, platform, class) DO UPDATE SET count = count + excluded.count`,
		d.Date, d.Platform, string(d.Class), d.Count)
	if err != nil {
		return fmt.Errorf("sqlite review store: count %s: %w", d.Date, err)
	}
	return nil
}

// Records returns the records at or after since, oldest first.
func (s *Store) Records(ctx context.Context, since time.Time) ([]review.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, platform, place, user, question, outcome, confidence, nearest, shown
		FROM records WHERE at >= ? ORDER BY at, id`, since.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("sqlite review store: records: %w", err)
	}
	defer rows.Close()
	var out []review.Record
	for rows.Next() {
		var r review.Record
		var at int64
		var outcome, nearest string
		if err := rows.Scan(&r.ID, &at, &r.Platform, &r.Place, &r.User, &r.Question, &outcome, &r.Confidence, &nearest, &r.Shown); err != nil {
			return nil, fmt.Errorf("sqlite review store: records: %w", err)
		}
		r.Time, r.Outcome = time.UnixMilli(at).UTC(), review.Outcome(outcome)
		if err := json.Unmarshal([]byte(nearest), &r.Nearest); err != nil {
			return nil, fmt.Errorf("sqlite review store: record %s: nearest: %w", r.ID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite review store: records: %w", err)
	}
	return out, nil
}

// Days returns the daily counts from since's day on, by date.
func (s *Store) Days(ctx context.Context, since time.Time) ([]review.Day, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT date, platform, class, count FROM days WHERE date >= ?
		ORDER BY date, platform, class`, since.UTC().Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("sqlite review store: days: %w", err)
	}
	defer rows.Close()
	var out []review.Day
	for rows.Next() {
		var d review.Day
		var class string
		if err := rows.Scan(&d.Date, &d.Platform, &class, &d.Count); err != nil {
			return nil, fmt.Errorf("sqlite review store: days: %w", err)
		}
		d.Class = review.Class(class)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite review store: days: %w", err)
	}
	return out, nil
}

// Purge deletes the records before before, and the days before its day.
func (s *Store) Purge(ctx context.Context, before time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM records WHERE at < ?`, before.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("sqlite review store: purge: %w", err)
	}
	n, _ := res.RowsAffected()
	if _, err := s.db.ExecContext(ctx, `DELETE FROM days WHERE date < ?`, before.UTC().Format(time.DateOnly)); err != nil {
		return int(n), fmt.Errorf("sqlite review store: purge days: %w", err)
	}
	return int(n), nil
}

// Secret returns the file's HMAC secret, made the first time.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)`, review.NewSecret()); err != nil {
		return nil, fmt.Errorf("sqlite review store: secret: %w", err)
	}
	var b []byte
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'secret'`).Scan(&b); err != nil {
		return nil, fmt.Errorf("sqlite review store: secret: %w", err)
	}
	return b, nil
}

// Close closes the file.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sqlite review store %s: close: %w", s.path, err)
	}
	return nil
}
