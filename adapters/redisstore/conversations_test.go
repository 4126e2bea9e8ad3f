package redisstore_test

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/conversationtest"
	"github.com/borderbot/borderbot/adapters/redisstore"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

var _ adapters.ConversationStore = (*redisstore.Conversations)(nil)

var convKey = adapters.ConversationKey{Platform: adapters.Slack, ID: "thread:C1:1705400000.000100"}

func memory() *adapters.MemoryConversations { return adapters.NewMemoryConversations(0, 0, nil) }

// The Redis store keeps the contract every conversation store keeps. Real Redis has no
// clock to move on, so the suite's TTL of 30 minutes is run a thousand times faster:
// 1.8 s, and a minute is 60 ms.
func TestConversationsContract(t *testing.T) {
	url := testkit.RedisURL(t)
	const scale = 1000
	conversationtest.Run(t, func(t *testing.T, ttl time.Duration) (adapters.ConversationStore, func(time.Duration)) {
		s := instance(t, url, prefix(t), redisstore.Options{})
		return s.Conversations(ttl/scale, memory()), func(d time.Duration) { time.Sleep(d / scale) }
	})
}

// What one instance stored, the other reads and goes on with: the follow-up that the
// load balancer sent elsewhere is read with the conversation.
func TestConversationsSharedAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	a := instance(t, url, p, redisstore.Options{}).Conversations(time.Minute, memory())
	b := instance(t, url, p, redisstore.Options{}).Conversations(time.Minute, memory())
	ctx := context.Background()
	asked := answers.Context{Question: "Who is Rabia Akhtar?", Person: "Dr Rabia Akhtar", Given: []string{"who-akhtar"}}
	if err := a.Put(ctx, convKey, asked); err != nil {
		t.Fatal(err)
	}
	if c, err := b.Get(ctx, convKey); err != nil || c.Person != asked.Person || c.Question != asked.Question || len(c.Given) != 1 {
		t.Fatalf("the other instance read %+v, %v; want %+v", c, err, asked)
	}
	err := b.Update(ctx, convKey, func(c answers.Context) answers.Context {
		c.Given = append(c.Given, "quote:akhtar-1")
		return c
	})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := a.Get(ctx, convKey); strings.Join(c.Given, " ") != "who-akhtar quote:akhtar-1" || c.Person != asked.Person {
		t.Errorf("the first instance read back %+v", c)
	}
}

// Two instances append to one conversation at once, 50 times each: every append lands.
func TestConversationsConcurrentUpdatesAcrossInstances(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	stores := []*redisstore.Conversations{
		instance(t, url, p, redisstore.Options{}).Conversations(time.Minute, memory()),
		instance(t, url, p, redisstore.Options{}).Conversations(time.Minute, memory()),
	}
	ctx := context.Background()
	const n = 50
	var wg sync.WaitGroup
	for i, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range n {
				id := strconv.Itoa(i) + ":" + strconv.Itoa(j)
				err := s.Update(ctx, convKey, func(c answers.Context) answers.Context {
					c.Given = append(c.Given, id)
					return c
				})
				if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	c, _ := stores[0].Get(ctx, convKey)
	if len(c.Given) != 2*n {
		t.Fatalf("%d of %d appends landed", len(c.Given), 2*n)
	}
	next := [2]int{}
	for _, g := range c.Given { // each instance's appends in its own order
		i, _ := strconv.Atoi(g[:1])
		if j, _ := strconv.Atoi(g[2:]); j != next[i] {
			t.Fatalf("instance %d: append %d came where %d was due: %v", i, j, next[i], c.Given)
		}
		next[i]++
	}
}

func TestConversationsExpire(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	cv := instance(t, url, p, redisstore.Options{}).Conversations(200*time.Millisecond, memory())
	ctx := context.Background()
	cv.Put(ctx, convKey, answers.Context{Question: "Who is Rabia Akhtar?"})
	if c, _ := cv.Get(ctx, convKey); c.Empty() {
		t.Fatal("forgotten at once")
	}
	time.Sleep(300 * time.Millisecond)
	if c, _ := cv.Get(ctx, convKey); !c.Empty() {
		t.Fatalf("remembered past its TTL: %+v", c)
	}
}

// A value that is not a context (written by hand, or by another version) is read as a
// new conversation, logged once, and overwritten by the next Update.
func TestConversationsCorruptValue(t *testing.T) {
	url, p := testkit.RedisURL(t), prefix(t)
	var logs testkit.LogBuffer
	cv := instance(t, url, p, redisstore.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Conversations(time.Minute, memory())
	ctx := context.Background()
	opt, _ := redis.ParseURL(url)
	raw := redis.NewClient(opt)
	defer raw.Close()
	if err := raw.Set(ctx, p+"conv:"+convKey.String(), "{not json", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if c, err := cv.Get(ctx, convKey); err != nil || !c.Empty() {
			t.Fatalf("a corrupt value read as %+v, %v", c, err)
		}
	}
	err := cv.Update(ctx, convKey, func(c answers.Context) answers.Context {
		if !c.Empty() {
			t.Errorf("Update saw %+v", c)
		}
		return answers.Context{Question: "Who is Rabia Akhtar?"}
	})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := cv.Get(ctx, convKey); c.Question != "Who is Rabia Akhtar?" {
		t.Errorf("after the Update: %+v", c)
	}
	if n := strings.Count(logs.String(), "corrupt conversation"); n != 1 {
		t.Errorf("%d log lines about the corrupt value, want 1:\n%s", n, logs.String())
	}
}

// Redis stops: conversations go on in this instance's memory, counted as fallbacks, and
// go back to Redis once it answers again.
func TestConversationsFallBackWhileRedisIsDown(t *testing.T) {
	srv := testkit.StartRedis(t)
	reg := prometheus.NewRegistry()
	p := prefix(t)
	s := instance(t, srv.URL(), p, redisstore.Options{Registerer: reg, ProbeEvery: 50 * time.Millisecond, OpTimeout: 100 * time.Millisecond})
	if n := fallbacks(t, reg, "conversation"); n != 0 {
		t.Fatalf("bot_store_fallbacks_total{op=conversation} = %v at the start", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	cv := s.Conversations(time.Minute, memory())
	other := instance(t, srv.URL(), p, redisstore.Options{}).Conversations(time.Minute, memory())
	add := func(id string) error {
		return cv.Update(ctx, convKey, func(c answers.Context) answers.Context {
			c.Given = append(c.Given, id)
			return c
		})
	}

	if err := add("before"); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	start := time.Now()
	if err := add("during"); err != nil {
		t.Fatalf("Update while Redis is down: %v", err)
	}
	// The local copy kept what Redis held before the outage.
	if c, err := cv.Get(ctx, convKey); err != nil || strings.Join(c.Given, " ") != "before during" {
		t.Errorf("while Redis is down: %+v, %v; want before during", c, err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("two operations took %v while Redis was down", took)
	}
	if n := fallbacks(t, reg, "conversation"); n < 2 {
		t.Errorf("bot_store_fallbacks_total{op=conversation} = %v, want 2 at least", n)
	}

	srv.Start() // no persistence: Redis comes back empty
	testkit.WaitFor(t, 5*time.Second, "the store to find Redis again", s.Healthy)
	if err := add("after"); err != nil {
		t.Fatal(err)
	}
	testkit.WaitFor(t, 5*time.Second, "the other instance to read the conversation from Redis", func() bool {
		c, err := other.Get(ctx, convKey)
		return err == nil && strings.Join(c.Given, " ") == "after"
	})
}

// One conversation round trip, as a message costs it: an Update (WATCH, GET, MULTI,
// SET EX, EXEC, UNWATCH) on loopback.
func BenchmarkConversationUpdate(b *testing.B) {
	s := benchStore(b)
	cv := s.Conversations(time.Minute, memory())
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		key := adapters.ConversationKey{Platform: adapters.Slack, ID: "thread:C1:" + strconv.Itoa(i%1000)}
		err := cv.Update(ctx, key, func(c answers.Context) answers.Context {
			c.Question = "Who is Rabia Akhtar?"
			c.Person = "Dr Rabia Akhtar"
			c.Given = append(c.Given[:min(len(c.Given), 11)], "who-akhtar")
			return c
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
