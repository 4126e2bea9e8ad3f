// Package redisstore keeps the curators' records in Redis, so that every instance of
// the bot writes to one place.
package redisstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/review"
)

// Store is a review.Store in Redis: each record a JSON string under
// <prefix>review:rec:<id> that expires with the retention, a sorted set
// <prefix>review:index of the ids by time, a hash <prefix>review:day:<date> of each
// day's counts (field platform:class) and the secret under <prefix>review:secret.
type Store struct {
	client    *redis.Client
	prefix    string
	retention time.Duration
}

var _ review.Store = (*Store)(nil)

// Open parses url as go-redis does and returns a Store whose keys start with prefix and
// expire after retention (zero means review.DefaultRetention).
func Open(url, prefix string, retention time.Duration) (*Store, error) {
	ro, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("redis review store: url: %w", err)
	}
	if retention <= 0 {
		retention = review.DefaultRetention
	}
	return &Store{client: redis.NewClient(ro), prefix: prefix + "review:", retention: retention}, nil
}

func (s *Store) recordKey(id string) string { return s.prefix + "rec:" + id }
func (s *Store) indexKey() string           { return s.prefix + "index" }
func (s *Store) dayKey(date string) string  { return s.prefix + "day:" + date }
func (s *Store) secretKey() string          { return s.prefix + "secret" }
func (s *Store) ttl(at time.Time) time.Duration {
	// A day's hash and a record live for the retention from their time.
	if d := time.Until(at.Add(s.retention)); d > time.Second {
		return d
	}
	return time.Second
}

// Add keeps r, replacing the record with its id, in one transaction.
func (s *Store) Add(ctx context.Context, r review.Record) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("redis review store: add %s: %w", r.ID, err)
	}
	_, err = s.client.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, s.recordKey(r.ID), b, s.ttl(r.Time))
		p.ZAdd(ctx, s.indexKey(), redis.Z{Score: float64(r.Time.UnixMilli()), Member: r.ID})
		return nil
	})
	if err != nil {
		return fmt.Errorf("redis review store: add %s: %w", r.ID, err)
	}
	return nil
}

// Count adds d.Count to its day, platform and class.
func (s *Store) Count(ctx context.Context, d review.Day) error {
	day, err := time.Parse(time.DateOnly, d.Date)
	if err != nil {
		return fmt.Errorf("redis review store: count: %w", err)
	}
	key := s.dayKey(d.Date)
	_, err = s.client.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HIncrBy(ctx, key, string(d.Platform)+":"+string(d.Class), int64(d.Count))
		p.Expire(ctx, key, s.ttl(day.Add(24*time.Hour)))
		return nil
	})
	if err != nil {
		return fmt.Errorf("redis review store: count %s: %w", d.Date, err)
	}
	return nil
}

// Records returns the records at or after since, oldest first.
func (s *Store) Records(ctx context.Context, since time.Time) ([]review.Record, error) {
	ids, err := s.client.ZRangeByScore(ctx, s.indexKey(), &redis.ZRangeBy{
		Min: strconv.FormatInt(since.UnixMilli(), 10), Max: "+inf"}).Result()
	if err != nil {
		return nil, fmt.Errorf("redis review store: records: %w", err)
	}
	var out []review.Record
	for start := 0; start < len(ids); start += 500 {
		batch := ids[start:min(start+500, len(ids))]
		keys := make([]string, len(batch))
		for i, id := range batch {
			keys[i] = s.recordKey(id)
		}
		vals, err := s.client.MGet(ctx, keys...).Result()
		if err != nil {
			return nil, fmt.Errorf("redis review store: records: %w", err)
		}
		for i, v := range vals {
			str, ok := v.(string)
			if !ok {
				continue // expired: the index forgets it at the next purge
			}
			var r review.Record
			if err := json.Unmarshal([]byte(str), &r); err != nil {
				return nil, fmt.Errorf("redis review store: record %s: %w", batch[i], err)
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// Days returns the daily counts from since's day to today.
func (s *Store) Days(ctx context.Context, since time.Time) ([]review.Day, error) {
	var out []review.Day
	// Nothing older than the retention is kept: no need to ask for it.
	if oldest := time.Now().Add(-s.retention - 24*time.Hour); since.Before(oldest) {
		since = oldest
	}
	end := time.Now().UTC().Add(24 * time.Hour).Format(time.DateOnly)
	for d := since.UTC(); d.Format(time.DateOnly) <= end; d = d.Add(24 * time.Hour) {
		date := d.Format(time.DateOnly)
		m, err := s.client.HGetAll(ctx, s.dayKey(date)).Result()
		if err != nil {
			return nil, fmt.Errorf("redis review store: days %s: %w", date, err)
		}
		for _, field := range slices.Sorted(maps.Keys(m)) {
			n, err := strconv.Atoi(m[field])
			if err != nil {
				return nil, fmt.Errorf("redis review store: days %s %s: %w", date, field, err)
			}
			platform, class := splitField(field)
			out = append(out, review.Day{Date: date, Platform: adapters.Platform(platform), Class: review.Class(class), Count: n})
		}
	}
	return out, nil
}

// Purge deletes the records before before (their keys expire by themselves too) and the
// days before its day.
func (s *Store) Purge(ctx context.Context, before time.Time) (int, error) {
	max := "(" + strconv.FormatInt(before.UnixMilli(), 10)
	ids, err := s.client.ZRangeByScore(ctx, s.indexKey(), &redis.ZRangeBy{Min: "-inf", Max: max}).Result()
	if err != nil {
		return 0, fmt.Errorf("redis review store: purge: %w", err)
	}
	n := 0
	for start := 0; start < len(ids); start += 500 {
		batch := ids[start:min(start+500, len(ids))]
		keys := make([]string, len(batch))
		for i, id := range batch {
			keys[i] = s.recordKey(id)
		}
		deleted, err := s.client.Del(ctx, keys...).Result()
		if err != nil {
			return n, fmt.Errorf("redis review store: purge: %w", err)
		}
		n += int(deleted)
	}
	if err := s.client.ZRemRangeByScore(ctx, s.indexKey(), "-inf", max).Err(); err != nil {
		return n, fmt.Errorf("redis review store: purge: %w", err)
	}
	// The day hashes expire with the retention; a purge with another cut also drops
	// the week before it.
	day := before.UTC()
	for i := 1; i <= 7; i++ {
		if err := s.client.Del(ctx, s.dayKey(day.Add(-time.Duration(i)*24*time.Hour).Format(time.DateOnly))).Err(); err != nil {
			return n, fmt.Errorf("redis review store: purge days: %w", err)
		}
	}
	return n, nil
}

// Secret returns the HMAC secret every instance shares, made by the first to ask.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	if err := s.client.SetNX(ctx, s.secretKey(), review.NewSecret(), 0).Err(); err != nil {
		return nil, fmt.Errorf("redis review store: secret: %w", err)
	}
	b, err := s.client.Get(ctx, s.secretKey()).Bytes()
	if err != nil {
		return nil, fmt.Errorf("redis review store: secret: %w", err)
	}
	return b, nil
}

// Close closes the connections to Redis.
func (s *Store) Close() error {
	if err := s.client.Close(); err != nil {
		return fmt.Errorf("redis review store: close: %w", err)
	}
	return nil
}

func splitField(f string) (platform, class string) {
	for i := 0; i < len(f); i++ {
		if f[i] == ':' {
			return f[:i], f[i+1:]
		}
	}
	return f, ""
}
