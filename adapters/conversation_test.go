package adapters

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/answers"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestMemoryConversationsExpireAfterTheirTTL(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{t: time.Unix(1_705_400_000, 0)}
	m := NewMemoryConversations(30*time.Minute, 0, clock.now)
	key := ConversationKey{Platform: Slack, ID: "thread:C1:1705400000.000100"}
	get := func() answers.Context {
		t.Helper()
		c, err := m.Get(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := get(); !c.Empty() {
		t.Fatalf("an unknown key gave %+v", c)
	}
	asked := answers.Context{Question: "What did Pakistan target in its strikes?", Given: []string{"pakistan-strike"}}
	if err := m.Put(ctx, key, asked); err != nil {
		t.Fatal(err)
	}
	clock.advance(29 * time.Minute)
	if c := get(); c.Question != asked.Question || len(c.Given) != 1 {
		t.Fatalf("29 minutes later the context is %+v", c)
	}
	// A read does not restart the TTL; a write does.
	clock.advance(time.Minute)
	if c := get(); !c.Empty() {
		t.Fatalf("30 minutes after its last write the context is still %+v", c)
	}
	if n, _, _ := m.Stats(); n != 0 {
		t.Errorf("%d contexts held after the only one expired", n)
	}
	m.Put(ctx, key, asked)
	clock.advance(20 * time.Minute)
	m.Update(ctx, key, func(c answers.Context) answers.Context { c.Person = "Dr Rouzbeh Parsi"; return c })
	clock.advance(20 * time.Minute)
	if c := get(); c.Person != "Dr Rouzbeh Parsi" || c.Question != asked.Question {
		t.Errorf("40 minutes after its start, 20 after an update, the context is %+v", c)
	}

	// Expired contexts are dropped by the next write to any key, or by Sweep: no text is
	// held past the TTL.
	for i := range 10 {
		m.Put(ctx, ConversationKey{Platform: Discord, ID: fmt.Sprint("dm:", i)}, asked)
	}
	clock.advance(31 * time.Minute)
	m.Put(ctx, ConversationKey{Platform: Discord, ID: "dm:new"}, asked)
	if n, _, _ := m.Stats(); n != 1 {
		t.Errorf("%d contexts held after a write, want the new one alone", n)
	}
	clock.advance(31 * time.Minute)
	if got := m.Sweep(); got != 1 {
		t.Errorf("Sweep forgot %d, want 1", got)
	}
	if n, bytes, _ := m.Stats(); n != 0 || bytes != 0 {
		t.Errorf("%d contexts in %d bytes after the sweep", n, bytes)
	}
}

func TestMemoryConversationsBoundedInBytes(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{t: time.Unix(1_705_400_000, 0)}
	c := answers.Context{Question: "Who is Ali Vaez?", Person: "Dr Ali Vaez", Given: []string{"vaez", "quote:vaez-1"}}
	key := func(i int) ConversationKey { return ConversationKey{Platform: Slack, ID: fmt.Sprintf("dm:D%04d", i)} }
	one := costOf(key(0), c)
	m := NewMemoryConversations(time.Hour, 100*one, clock.now)
	for i := range 1000 {
		if err := m.Put(ctx, key(i), c); err != nil {
			t.Fatal(err)
		}
	}
	n, bytes, evicted := m.Stats()
	if n != 100 || bytes > 100*one || evicted != 900 {
		t.Errorf("held %d contexts in %d bytes, %d evicted; want 100 within %d bytes, 900 evicted", n, bytes, evicted, 100*one)
	}
	// The oldest written go first; writing a context again makes it the newest.
	if got, _ := m.Get(ctx, key(899)); !got.Empty() {
		t.Error("an old context outlived the budget")
	}
	m.Put(ctx, key(900), c)
	m.Put(ctx, key(1000), c)
	if got, _ := m.Get(ctx, key(900)); got.Empty() {
		t.Error("the context written again was evicted")
	}
	if got, _ := m.Get(ctx, key(901)); !got.Empty() {
		t.Error("the oldest context was kept and a newer one evicted")
	}
	// A context is the store's own copy.
	given := []string{"a"}
	m.Put(ctx, key(2000), answers.Context{Question: "q", Given: given})
	given[0] = "changed"
	if got, _ := m.Get(ctx, key(2000)); got.Given[0] != "a" {
		t.Error("the store kept the caller's slice")
	}
}

// TestMemoryConversationsUpdateIsAtomic: concurrent updates of one key each see the
// one before; run it with -race.
func TestMemoryConversationsUpdateIsAtomic(t *testing.T) {
	ctx := context.Background()
	m := NewMemoryConversations(time.Minute, 0, nil)
	key := ConversationKey{Platform: Discord, ID: "ask:C1:U1"}
	other := ConversationKey{Platform: Slack, ID: "ask:C1:U1"}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				err := m.Update(ctx, key, func(c answers.Context) answers.Context {
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
	if got, _ := m.Get(ctx, key); got.Question != "1000" {
		t.Errorf("1,000 updates counted %q", got.Question)
	}
	// The same id on another platform is another conversation.
	if got, _ := m.Get(ctx, other); !got.Empty() {
		t.Errorf("Slack's key holds Discord's context %+v", got)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := m.Update(cancelled, key, func(c answers.Context) answers.Context { return c }); err == nil {
		t.Error("Update with a cancelled context succeeded")
	}
}

// TestMemoryConversationsForgetOnTheirOwn: on the wall clock, a context expires from
// memory with no further message.
func TestMemoryConversationsForgetOnTheirOwn(t *testing.T) {
	m := NewMemoryConversations(20*time.Millisecond, 0, nil)
	m.Put(context.Background(), ConversationKey{Platform: Slack, ID: "dm:D1"}, answers.Context{Question: "Who is Ali Vaez?"})
	deadline := time.Now().Add(2 * time.Second)
	for {
		if n, _, _ := m.Stats(); n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a context outlived its TTL by two seconds with no message after it")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
