package adapters

import (
	"container/list"
	"context"
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
	// one when there is none), for the TTL, atomically: no other write of key comes
	// between the read and the write. fn may run more than once, when key changed
	// underneath it, so it must do nothing but compute its result.
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
	// optimisticTries is how often Update runs fn outside the lock before it holds the
	// lock through fn, so that a busy key still makes progress.
	optimisticTries = 3
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
	order   *list.List                        // oldest written first
	bytes   int
	version uint64 // counts writes, so that Update can tell a key changed
	evicted int    // contexts forgotten before their TTL, for want of room
	sweep   *time.Timer
}

type storedConversation struct {
	key     ConversationKey
	c       answers.Context
	written time.Time
	version uint64
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
		byKey: map[ConversationKey]*list.Element{}, order: list.New()}
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

// Update stores what fn returns from the context under key. fn runs outside the lock,
// and again if key was written meanwhile; after a few such tries it runs under the lock.
func (m *MemoryConversations) Update(ctx context.Context, key ConversationKey, fn func(answers.Context) answers.Context) error {
	for range optimisticTries {
		if err := ctx.Err(); err != nil {
			return err
		}
		m.mu.Lock()
		c, v := m.live(key)
		m.mu.Unlock()
		next := fn(c)
		m.mu.Lock()
		if _, now := m.live(key); now == v {
			m.write(key, next)
			m.mu.Unlock()
			return nil
		}
		m.mu.Unlock()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	c, _ := m.live(key)
	m.write(key, fn(c))
	return nil
}

// live returns the unexpired context under key and the version it was written at, or
// the empty Context and 0. m.mu is held.
func (m *MemoryConversations) live(key ConversationKey) (answers.Context, uint64) {
	el, ok := m.byKey[key]
	if !ok {
		return answers.Context{}, 0
	}
	s := el.Value.(*storedConversation)
	if m.now().Sub(s.written) >= m.ttl {
		m.remove(el)
		return answers.Context{}, 0
	}
	return s.c, s.version
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
	m.version++
	s := &storedConversation{key: key, c: c, written: m.now(), version: m.version, cost: costOf(key, c)}
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
