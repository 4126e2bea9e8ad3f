package adapters

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
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
// one before, and each runs its function once; run it with -race.
func TestMemoryConversationsUpdateIsAtomic(t *testing.T) {
	ctx := context.Background()
	m := NewMemoryConversations(time.Minute, 0, nil)
	key := ConversationKey{Platform: Discord, ID: "ask:C1:U1"}
	other := ConversationKey{Platform: Slack, ID: "ask:C1:U1"}
	var wg sync.WaitGroup
	var calls atomic.Int32
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				err := m.Update(ctx, key, func(c answers.Context) answers.Context {
					calls.Add(1)
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
	if got, _ := m.Get(ctx, key); got.Question != "1000" || calls.Load() != 1000 {
		t.Errorf("1,000 updates counted %q in %d calls", got.Question, calls.Load())
	}
	if len(m.turns) != 0 {
		t.Errorf("%d keys' turns kept after every update ended", len(m.turns))
	}
	// The same id on another platform is another conversation.
	if got, _ := m.Get(ctx, other); !got.Empty() {
		t.Errorf("Slack's key holds Discord's context %+v", got)
	}
	// An update that waits for its turn ends with its context.
	held := make(chan struct{})
	release := make(chan struct{})
	go m.Update(ctx, key, func(c answers.Context) answers.Context { close(held); <-release; return c })
	<-held
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := m.Update(short, key, func(c answers.Context) answers.Context { return c }); err == nil {
		t.Error("an update waiting for its turn outlived its context")
	}
	close(release)
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

// failingStore is a store that is down.
type failingStore struct{}

func (failingStore) Get(context.Context, ConversationKey) (answers.Context, error) {
	return answers.Context{}, errors.New("store down")
}
func (failingStore) Put(context.Context, ConversationKey, answers.Context) error {
	return errors.New("store down")
}
func (failingStore) Update(context.Context, ConversationKey, func(answers.Context) answers.Context) error {
	return errors.New("store down")
}

func TestConversationsAnswerFollowUpsAndPresses(t *testing.T) {
	ctx := context.Background()
	e := testkit.Engine(t)
	store := NewMemoryConversations(0, 0, nil)
	cv := Conversations{Store: store}
	key := ConversationKey{Platform: Slack, ID: "thread:C1:1.0"}
	cv.Answer(ctx, e, key, "What did Pakistan target in its strikes?")
	if r := cv.Answer(ctx, e, key, "where was that?"); !r.Answered || !strings.Contains(r.Answer, "Saravan") {
		t.Errorf("the follow-up got %q", r.Answer)
	}
	if r := cv.Answer(ctx, e, ConversationKey{Platform: Discord, ID: key.ID}, "where was that?"); r.Answered {
		t.Errorf("another platform's conversation of the same id answered %q", r.Answer)
	}

	// A pressed entry becomes the conversation's last question, even one whose question
	// the engine would read as another entry.
	for _, id := range []string{"pakistan-strike", "kerman-blame"} {
		r, ok := e.AnswerID(id)
		if !ok {
			t.Fatalf("no entry %s", id)
		}
		pk := ConversationKey{Platform: Discord, ID: "reply:" + id}
		got, next, ok := cv.Press(ctx, e, pk, id)
		if !ok || got.ID != id {
			t.Fatalf("pressing %s answered %q", id, got.ID)
		}
		c, _ := store.Get(ctx, pk)
		if c.Question != r.Question || !slices.Contains(c.Given, id) || !slices.Equal(c.Given, next.Given) {
			t.Errorf("after pressing %s the context is %+v, and Press returned %+v", id, c, next)
		}
	}
	if _, _, ok := cv.Press(ctx, e, key, "no-such-entry"); ok {
		t.Error("an unknown entry was pressed")
	}

	// A store that is down costs the conversation, not the answer; it is logged.
	logs := &testkit.LogBuffer{}
	down := Conversations{Store: failingStore{}, Log: slog.New(slog.NewTextHandler(logs, nil))}
	if r := down.Answer(ctx, e, key, "What did Pakistan target in its strikes?"); !r.Answered {
		t.Errorf("with the store down the question got %q", r.Answer)
	}
	if r, _, ok := down.Press(ctx, e, key, "pakistan-strike"); !ok || r.ID != "pakistan-strike" {
		t.Errorf("with the store down the press got %q", r.ID)
	}
	if l := logs.String(); strings.Count(l, "conversation store failed") != 2 || !strings.Contains(l, "conversation=thread:C1:1.0") {
		t.Errorf("the store's failures are not logged with the conversation:\n%s", l)
	}
	if (Conversations{}).Answer(ctx, e, key, "where was that?").Answered {
		t.Error("without a store a follow-up was read with a conversation")
	}
}

func TestMemoryConversationsMetrics(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{t: time.Unix(1_705_400_000, 0)}
	c := answers.Context{Question: "Who is Ali Vaez?"}
	key := func(i int) ConversationKey { return ConversationKey{Platform: Slack, ID: fmt.Sprint("dm:D", i)} }
	m := NewMemoryConversations(time.Hour, 2*costOf(key(0), c), clock.now)
	reg := prometheus.NewRegistry()
	reg.MustRegister(m.Collectors()...)
	for i := range 3 {
		m.Put(ctx, key(i), c)
	}
	want := "# HELP bot_conversations Conversations remembered in memory, whose TTL has not passed.\n# TYPE bot_conversations gauge\nbot_conversations 2\n" +
		"# HELP bot_conversations_evicted_total Conversations forgotten before their TTL, for want of room.\n# TYPE bot_conversations_evicted_total counter\nbot_conversations_evicted_total 1\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	problems, err := testutil.GatherAndLint(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("promlint: %s: %s", p.Metric, p.Text)
	}
}
