package slack

import (
	"context"
	"sync"
	"time"
)

// EventStore remembers the ids of the events the bot has taken on, so that each is
// answered once however often Slack delivers it. The in-memory store serves one
// instance; a shared store (Redis, say: SET id 1 NX EX ttl) lets several instances
// answer each event once between them.
type EventStore interface {
	// Claim records id and reports whether it is the first claim of id within the
	// store's window. An error leaves the caller to decide; the bot then answers.
	Claim(ctx context.Context, id string) (first bool, err error)
}

// Defaults of the in-memory EventStore.
const (
	// DefaultSeenTTL is how long an event id is remembered: longer than Slack's retry
	// window (three retries, the last about five minutes after the event).
	DefaultSeenTTL = 10 * time.Minute
	// DefaultSeenBytes bounds the memory the ids take: at about 80 bytes an id, 16 MiB
	// holds some 200,000 ids, ten minutes of over 300 events a second.
	DefaultSeenBytes = 16 << 20
	// seenOverhead is what one remembered id costs besides its bytes: its map entry,
	// its place in the queue and its time.
	seenOverhead = 64
)

// MemoryEvents is an EventStore in memory, bounded by time and by bytes rather than by
// a count: an id is forgotten once it is older than the TTL, or, sooner, when the ids
// would take more than the byte budget (oldest first). It is safe for concurrent use.
type MemoryEvents struct {
	ttl      time.Duration
	maxBytes int
	now      func() time.Time

	mu      sync.Mutex
	at      map[string]time.Time
	queue   []seenID // in the order claimed
	head    int      // queue[head:] is live
	bytes   int
	evicted int // ids forgotten before their TTL, for want of room
}

type seenID struct {
	id string
	at time.Time
}

// NewMemoryEvents remembers ids for ttl within maxBytes; zero values mean
// DefaultSeenTTL and DefaultSeenBytes, a nil now the wall clock.
func NewMemoryEvents(ttl time.Duration, maxBytes int, now func() time.Time) *MemoryEvents {
	if ttl <= 0 {
		ttl = DefaultSeenTTL
	}
	if maxBytes <= 0 {
		maxBytes = DefaultSeenBytes
	}
	if now == nil {
		now = time.Now
	}
	return &MemoryEvents{ttl: ttl, maxBytes: maxBytes, now: now, at: map[string]time.Time{}}
}

// Claim records id and reports whether it was not seen within the TTL.
func (m *MemoryEvents) Claim(_ context.Context, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	cost := len(id) + seenOverhead
	for m.head < len(m.queue) {
		old := m.queue[m.head]
		expired := now.Sub(old.at) > m.ttl
		if !expired && m.bytes+cost <= m.maxBytes {
			break
		}
		if !expired {
			m.evicted++
		}
		if m.at[old.id].Equal(old.at) {
			delete(m.at, old.id)
		}
		m.bytes -= len(old.id) + seenOverhead
		m.queue[m.head] = seenID{}
		m.head++
	}
	if m.head > len(m.queue)/2 && m.head > 1024 {
		m.queue = append([]seenID(nil), m.queue[m.head:]...)
		m.head = 0
	}
	if t, ok := m.at[id]; ok && now.Sub(t) <= m.ttl {
		return false, nil
	}
	m.at[id] = now
	m.queue = append(m.queue, seenID{id: id, at: now})
	m.bytes += cost
	return true, nil
}

// Stats reports how many ids are held, the bytes they are counted at, and how many were
// forgotten before their TTL for want of room.
func (m *MemoryEvents) Stats() (ids, bytes, evicted int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.at), m.bytes, m.evicted
}
