package adapters

import (
	"container/list"
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/borderbot/borderbot/answers"
)

// ConversationKey names one conversation: the platform it is on and the adapter's own
// name for it ("thread:C1:1705400000.000100", "ask:C1:U1"), made of the ids the
// platform gives, never of what anyone wrote.
type ConversationKey struct {
	Platform Platform
	ID       string
}

// String is the key as one string, "slack:thread:C1:1705400000.000100": what a shared
// store would file it under.
func (k ConversationKey) String() string { return string(k.Platform) + ":" + k.ID }

// ConversationStore keeps each conversation's answers.Context between messages, for a
// while after its last message (its TTL). The in-memory store serves one instance; a
// shared store (Redis: the context as JSON under the key's String, SET … EX ttl, and
// Update as WATCH, GET, MULTI, SET … EX ttl, EXEC, retried when the key changed) lets
// several instances carry one conversation between them.
type ConversationStore interface {
	// Get returns the context stored under key, or the empty Context when there is none
	// or it has expired. It does not restart the TTL.
	Get(ctx context.Context, key ConversationKey) (answers.Context, error)
	// Put stores c under key for the TTL.
	Put(ctx context.Context, key ConversationKey, c answers.Context) error
	// Update stores under key what fn returns from the context stored there (the empty
	// one when there is none), for the TTL, atomically: no other Update of key comes
	// between the read and the write. In a shared store fn may run more than once, when
	// key changed underneath it, so it must do nothing but compute its result.
	Update(ctx context.Context, key ConversationKey, fn func(answers.Context) answers.Context) error
}

// Defaults of the in-memory ConversationStore.
const (
	// DefaultConversationTTL is how long a conversation is remembered after its last
	// message.
	DefaultConversationTTL = 30 * time.Minute
	// DefaultConversationBytes bounds the memory the contexts take. A context is its
	// key, the question as read, a name and at most twelve ids: some 300 bytes for a
	// usual question, 8 KiB at most, so 16 MiB holds some 50,000 conversations and
	// 2,000 at worst.
	DefaultConversationBytes = 16 << 20
	// conversationOverhead is what one context costs besides its strings: its map
	// entry, its list element and its slice headers.
	conversationOverhead = 160
)

// MemoryConversations is a ConversationStore in memory, bounded in time and in bytes: a
// context is forgotten once its TTL has passed since it was last written, or sooner,
// oldest written first, when the contexts would take more than the byte budget. With
// the wall clock it also forgets expired contexts when no message comes, so no text is
// held past the TTL. It is safe for concurrent use.
type MemoryConversations struct {
	ttl      time.Duration
	maxBytes int
	now      func() time.Time
	timers   bool // the wall clock: sweep by timer as well as on each write

	mu      sync.Mutex
	byKey   map[ConversationKey]*list.Element // of *storedConversation
	turns   map[ConversationKey]*keyTurn      // of the keys being updated
	order   *list.List                        // oldest written first
	bytes   int
	evicted int // contexts forgotten before their TTL, for want of room
	sweep   *time.Timer
}

type storedConversation struct {
	key     ConversationKey
	c       answers.Context
	written time.Time
	cost    int
}

// NewMemoryConversations remembers each conversation for ttl after its last write,
// within maxBytes; zero values mean DefaultConversationTTL and DefaultConversationBytes,
// a nil now the wall clock. With another clock nothing runs in the background: expired
// contexts are dropped on the next write, or by Sweep.
func NewMemoryConversations(ttl time.Duration, maxBytes int, now func() time.Time) *MemoryConversations {
	if ttl <= 0 {
		ttl = DefaultConversationTTL
	}
	if maxBytes <= 0 {
		maxBytes = DefaultConversationBytes
	}
	timers := now == nil
	if now == nil {
		now = time.Now
	}
	return &MemoryConversations{ttl: ttl, maxBytes: maxBytes, now: now, timers: timers,
		byKey: map[ConversationKey]*list.Element{}, turns: map[ConversationKey]*keyTurn{}, order: list.New()}
}

// TTL is how long a conversation is remembered after its last message.
func (m *MemoryConversations) TTL() time.Duration { return m.ttl }

// Get returns the context under key, or the empty Context.
func (m *MemoryConversations) Get(_ context.Context, key ConversationKey) (answers.Context, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, _ := m.live(key)
	return c, nil
}

// Put stores c under key.
func (m *MemoryConversations) Put(_ context.Context, key ConversationKey, c answers.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.write(key, c)
	return nil
}

// Update stores what fn returns from the context under key. Updates of one key take
// turns, so fn runs once; updates of other keys go on meanwhile. It returns ctx's error
// if ctx ends while it waits for its turn.
func (m *MemoryConversations) Update(ctx context.Context, key ConversationKey, fn func(answers.Context) answers.Context) error {
	turn := m.turn(key)
	defer m.done(key, turn)
	select {
	case turn.c <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-turn.c }()
	m.mu.Lock()
	c, _ := m.live(key)
	m.mu.Unlock()
	next := fn(c)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.write(key, next)
	return nil
}

// keyTurn lets the updates of one key take turns: a one-place channel, and how many
// updates want it.
type keyTurn struct {
	c       chan struct{}
	waiting int
}

// turn returns the key's turn, counting one more update that wants it.
func (m *MemoryConversations) turn(key ConversationKey) *keyTurn {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.turns[key]
	if !ok {
		t = &keyTurn{c: make(chan struct{}, 1)}
		m.turns[key] = t
	}
	t.waiting++
	return t
}

// done counts one update of key less, forgetting the turn when none is left.
func (m *MemoryConversations) done(key ConversationKey, t *keyTurn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t.waiting--; t.waiting == 0 {
		delete(m.turns, key)
	}
}

// live returns the unexpired context under key, or the empty Context. m.mu is held.
func (m *MemoryConversations) live(key ConversationKey) (answers.Context, bool) {
	el, ok := m.byKey[key]
	if !ok {
		return answers.Context{}, false
	}
	s := el.Value.(*storedConversation)
	if m.now().Sub(s.written) >= m.ttl {
		m.remove(el)
		return answers.Context{}, false
	}
	return s.c, true
}

// write stores c under key as the newest context, then forgets the expired ones and, for
// room, the oldest. m.mu is held.
func (m *MemoryConversations) write(key ConversationKey, c answers.Context) {
	if el, ok := m.byKey[key]; ok {
		m.remove(el)
	}
	// The caller's slice stays theirs, and a reader that appends to the stored one
	// appends to a copy.
	c.Given = slices.Clip(slices.Clone(c.Given))
	s := &storedConversation{key: key, c: c, written: m.now(), cost: costOf(key, c)}
	m.byKey[key] = m.order.PushBack(s)
	m.bytes += s.cost
	m.expire()
	for m.bytes > m.maxBytes && m.order.Len() > 1 {
		m.remove(m.order.Front())
		m.evicted++
	}
	m.schedule()
}

// expire forgets the contexts whose TTL has passed, from the oldest. m.mu is held.
func (m *MemoryConversations) expire() int {
	now, n := m.now(), 0
	for el := m.order.Front(); el != nil; el = m.order.Front() {
		if now.Sub(el.Value.(*storedConversation).written) < m.ttl {
			break
		}
		m.remove(el)
		n++
	}
	return n
}

// schedule sets a timer for when the oldest context expires, on the wall clock. m.mu is
// held.
func (m *MemoryConversations) schedule() {
	if !m.timers || m.sweep != nil || m.order.Len() == 0 {
		return
	}
	oldest := m.order.Front().Value.(*storedConversation)
	wait := oldest.written.Add(m.ttl).Sub(m.now()) + 10*time.Millisecond
	m.sweep = time.AfterFunc(wait, func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		m.sweep = nil
		m.expire()
		m.schedule()
	})
}

func (m *MemoryConversations) remove(el *list.Element) {
	s := m.order.Remove(el).(*storedConversation)
	delete(m.byKey, s.key)
	m.bytes -= s.cost
}

// Sweep forgets every context whose TTL has passed and reports how many it forgot.
func (m *MemoryConversations) Sweep() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.expire()
}

// Stats reports how many contexts are held, the bytes they are counted at, and how many
// were forgotten before their TTL for want of room.
func (m *MemoryConversations) Stats() (conversations, bytes, evicted int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.order.Len(), m.bytes, m.evicted
}

// costOf is what a context is counted at: its strings and a fixed overhead.
func costOf(key ConversationKey, c answers.Context) int {
	n := conversationOverhead + len(key.Platform) + len(key.ID) + len(c.Question) + len(c.Person)
	for _, g := range c.Given {
		n += len(g) + 16
	}
	return n
}

// ConversationEngine is what answering in a conversation needs of the answer engine.
type ConversationEngine interface {
	AnswerIn(c answers.Context, message string) (answers.Reply, answers.Context)
	AnswerID(id string) (answers.Reply, bool)
}

// Conversations answers messages and pressed suggestions in the conversations a store
// keeps. A nil Store remembers nothing: every message is answered on its own.
type Conversations struct {
	Store ConversationStore
	Log   *slog.Logger
}

// Answer answers message in the conversation under key, read with what came before it,
// and stores the context the engine returns. When the store fails, the message is
// answered on its own and the failure logged: the user still gets an answer.
func (cv Conversations) Answer(ctx context.Context, e ConversationEngine, key ConversationKey, message string) answers.Reply {
	r, _ := cv.AnswerTurn(ctx, e, key, message)
	return r
}

// AnswerTurn is Answer, returning the conversation's context after the message too: its
// Question is the message as the engine read it, on its own.
func (cv Conversations) AnswerTurn(ctx context.Context, e ConversationEngine, key ConversationKey, message string) (answers.Reply, answers.Context) {
	if cv.Store == nil {
		return e.AnswerIn(answers.Context{}, message)
	}
	var r answers.Reply
	var next answers.Context
	answered := false
	err := cv.Store.Update(ctx, key, func(c answers.Context) answers.Context {
		r, next = e.AnswerIn(c, message)
		answered = true
		return next
	})
	if err != nil {
		cv.failed(key, err)
		if !answered {
			r, next = e.AnswerIn(answers.Context{}, message)
		}
	}
	return r, next
}

// Press answers a pressed suggestion, the entry id, as a follow-up in the conversation
// under key: the reply is the entry itself, as the button promised, and the
// conversation goes on as if the entry's question had been asked in it. It returns the
// conversation's context after it too, and reports false when the engine no longer
// knows the entry.
func (cv Conversations) Press(ctx context.Context, e ConversationEngine, key ConversationKey, id string) (answers.Reply, answers.Context, bool) {
	r, ok := e.AnswerID(id)
	if !ok {
		return r, answers.Context{}, false
	}
	record := func(c answers.Context) answers.Context {
		if asked, next := e.AnswerIn(c, r.Question); asked.ID == r.ID {
			return next
		}
		// The question asked there would be read as another entry: record this one.
		next := answers.Context{Question: r.Question, Person: c.Person, Given: slices.Clone(c.Given)}
		if !slices.Contains(next.Given, r.ID) {
			next.Given = append(next.Given, r.ID)
		}
		if n := len(next.Given); n > maxGivenKept {
			next.Given = next.Given[n-maxGivenKept:]
		}
		return next
	}
	if cv.Store == nil {
		return r, record(answers.Context{}), true
	}
	var next answers.Context
	err := cv.Store.Update(ctx, key, func(c answers.Context) answers.Context {
		next = record(c)
		return next
	})
	if err != nil {
		cv.failed(key, err)
		next = record(answers.Context{})
	}
	return r, next, true
}

// maxGivenKept is how many given answers Press keeps when it records an entry itself,
// as the engine keeps them.
const maxGivenKept = 12

func (cv Conversations) failed(key ConversationKey, err error) {
	log := cv.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log.Warn("conversation store failed; answering without the conversation", "platform", string(key.Platform),
		"conversation", key.ID, "error", err.Error())
}
