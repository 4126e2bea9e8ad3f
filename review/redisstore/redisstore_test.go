package redisstore_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/internal/testkit"
	"github.com/borderbot/borderbot/review"
	"github.com/borderbot/borderbot/review/redisstore"
	"github.com/borderbot/borderbot/review/reviewtest"
)

var n atomic.Int64

// TestContract runs the store contract against a real redis-server, each subtest under
// a prefix of its own.
func TestContract(t *testing.T) {
	url := testkit.RedisURL(t)
	reviewtest.Run(t, func(t *testing.T) review.Store {
		prefix := fmt.Sprintf("test-review-%d-%d:", time.Now().UnixNano(), n.Add(1))
		s, err := redisstore.Open(url, prefix, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			s.Close()
			clean(t, url, prefix)
		})
		return s
	})
}

// TestRecordsExpire checks that Redis itself forgets a record after the retention.
func TestRecordsExpire(t *testing.T) {
	url := testkit.RedisURL(t)
	prefix := fmt.Sprintf("test-review-expire-%d:", time.Now().UnixNano())
	s, err := redisstore.Open(url, prefix, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer clean(t, url, prefix)
	ctx := context.Background()
	if err := s.Add(ctx, review.Record{ID: "a", Time: time.Now(), Outcome: review.Unanswered}); err != nil {
		t.Fatal(err)
	}
	ro, _ := redis.ParseURL(url)
	c := redis.NewClient(ro)
	defer c.Close()
	ttl, err := c.PTTL(ctx, prefix+"review:rec:a").Result()
	if err != nil || ttl <= 0 || ttl > 2*time.Second {
		t.Fatalf("record's TTL %v, %v: want within the retention of 2s", ttl, err)
	}
}

func clean(t *testing.T, url, prefix string) {
	ro, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(ro)
	defer c.Close()
	ctx := context.Background()
	keys, _ := c.Keys(ctx, prefix+"*").Result()
	if len(keys) > 0 {
		c.Del(ctx, keys...)
	}
}
