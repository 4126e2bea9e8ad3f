// Package conversationtest checks that a store keeps the contract of
// adapters.ConversationStore, so that every implementation (in memory, Redis) is held
// to the same one.
package conversationtest

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// Open returns a new, empty store that remembers for ttl, and a function that moves its
// clock on by d (miniredis's FastForward, say, or a fake clock).
type Open func(t *testing.T, ttl time.Duration) (store adapters.ConversationStore, advance func(d time.Duration))

// Run checks the contract: an unknown key is the empty Context; Put and Get keep a
// context as it was given; a context is forgotten its TTL after its last write, a read
// does not restart the TTL and an Update does; a key is its platform and its id; and
// concurrent Updates of one key each see the one before.
func Run(t *testing.T, open Open) {
	const ttl = 30 * time.Minute
	ctx := context.Background()
	key := adapters.ConversationKey{Platform: adapters.Slack, ID: "thread:C1:1705400000.000100"}
	asked := answers.Context{Question: "What did Pakistan target in its strikes?", Person: "Dr Ali Vaez",
		Given: []string{"pakistan-strike", "quote:vaez-1"}, Settled: "did it work with pakistan strike"}

	t.Run("unknown key", func(t *testing.T) {
		s, _ := open(t, ttl)
		if c, err := s.Get(ctx, key); err != nil || !c.Empty() {
			t.Errorf("Get of an unknown key: %+v, %v", c, err)
		}
	})
	t.Run("put and get", func(t *testing.T) {
		s, _ := open(t, ttl)
		given := slices.Clone(asked.Given)
		if err := s.Put(ctx, key, answers.Context{Question: asked.Question, Person: asked.Person, Given: given, Settled: asked.Settled}); err != nil {
			t.Fatal(err)
		}
		given[0] = "changed by the caller"
		c, err := s.Get(ctx, key)
		if err != nil || c.Question != asked.Question || c.Person != asked.Person || !slices.Equal(c.Given, asked.Given) || c.Settled != asked.Settled {
			t.Errorf("Get after Put: %+v, %v; want %+v", c, err, asked)
		}
	})
	t.Run("ttl", func(t *testing.T) {
		s, advance := open(t, ttl)
		s.Put(ctx, key, asked)
		advance(ttl - time.Minute)
		if c, _ := s.Get(ctx, key); c.Empty() {
			t.Fatal("forgotten before its TTL")
		}
		advance(2 * time.Minute)
		if c, _ := s.Get(ctx, key); !c.Empty() {
			t.Fatal("remembered past its TTL, or a read restarted it")
		}
		s.Put(ctx, key, asked)
		advance(ttl - time.Minute)
		s.Update(ctx, key, func(c answers.Context) answers.Context { c.Person = "Dr Rouzbeh Parsi"; return c })
		advance(ttl - time.Minute)
		if c, _ := s.Get(ctx, key); c.Person != "Dr Rouzbeh Parsi" || c.Question != asked.Question {
			t.Errorf("an Update did not restart the TTL, or lost the context: %+v", c)
		}
	})
	t.Run("keys", func(t *testing.T) {
		s, _ := open(t, ttl)
		s.Put(ctx, key, asked)
		for _, other := range []adapters.ConversationKey{
			{Platform: adapters.Discord, ID: key.ID},
			{Platform: adapters.Slack, ID: key.ID + "0"},
			{Platform: adapters.Slack, ID: "thread:C2:1705400000.000100"},
		} {
			if c, _ := s.Get(ctx, other); !c.Empty() {
				t.Errorf("%v holds the context of %v", other, key)
			}
		}
	})
	t.Run("atomic update", func(t *testing.T) {
		s, _ := open(t, ttl)
		var wg sync.WaitGroup
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					err := s.Update(ctx, key, func(c answers.Context) answers.Context {
						n, _ := strconv.Atoi(c.Question)
						c.Question = strconv.Itoa(n + 1)
						return c
					})
					if err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		if c, _ := s.Get(ctx, key); c.Question != "200" {
			t.Errorf("200 concurrent updates counted %q", c.Question)
		}
	})
}
