package adapters

import (
	"context"
	"errors"
	"sync"
)

// PendingReply is a reply acknowledged to its platform but not yet delivered, as a
// PendingStore keeps it.
type PendingReply struct {
	// ID names the reply wherever it is delivered from: its event's id and its place
	// among the event's replies.
	ID string
	// Body is the adapter's own encoding of the reply: enough to deliver it anew.
	Body []byte
	// Ref is the store's handle on the reply, set by Add and Claim; "" for one kept in
	// this instance's memory.
	Ref string
}

// ErrHandedOver says a reply was not delivered by this instance but left in the
// pending store at shutdown, for another instance or the next start to deliver: the
// reply is not lost.
var ErrHandedOver = errors.New("reply handed over: left pending for another instance or the next start")

// ErrNotHandedOver is what Release returns for a reply kept in this instance's memory:
// no other instance can deliver it, so it is lost when this one stops.
var ErrNotHandedOver = errors.New("pending reply kept in this instance's memory: no other instance can deliver it")

// PendingStore keeps the replies the bot has acknowledged but not yet delivered, so that
// one cut off by a shutdown, a crash or a long wait for the platform is delivered by
// another instance or the next start. MemoryPending serves one instance; a shared store
// (Redis: a stream read by a consumer group) serves several.
type PendingStore interface {
	// Add keeps r before its event is acknowledged, and returns it with its Ref set.
	Add(ctx context.Context, r PendingReply) (PendingReply, error)
	// Done forgets r once it is delivered, or dropped for good, and remembers for a
	// while that it was, so that a claimed copy is not delivered again.
	Done(ctx context.Context, r PendingReply) error
	// Release gives r back, undelivered, for another instance to claim at once; it is
	// ErrNotHandedOver when the store has no one to give it to.
	Release(ctx context.Context, r PendingReply) error
	// Claim takes over the replies that instances which stopped or died left pending,
	// and keeps the replies this instance is delivering from looking abandoned.
	Claim(ctx context.Context) ([]PendingReply, error)
	// Delivered reports whether the reply named id was delivered (Done) already.
	Delivered(ctx context.Context, id string) (bool, error)
}

// MemoryPending is a PendingStore in this instance's memory, for one instance: it has
// no one to hand a reply over to, so what is pending at shutdown is delivered within
// the grace period or lost. It is safe for concurrent use.
type MemoryPending struct {
	mu      sync.Mutex
	pending map[string]PendingReply
}

// NewMemoryPending returns an empty in-memory store.
func NewMemoryPending() *MemoryPending {
	return &MemoryPending{pending: map[string]PendingReply{}}
}

// Add keeps r, with no Ref.
func (m *MemoryPending) Add(_ context.Context, r PendingReply) (PendingReply, error) {
	r.Ref = ""
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending[r.ID] = r
	return r, nil
}

// Done forgets r.
func (m *MemoryPending) Done(_ context.Context, r PendingReply) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, r.ID)
	return nil
}

// Release forgets r and returns ErrNotHandedOver: nobody else will deliver it.
func (m *MemoryPending) Release(ctx context.Context, r PendingReply) error {
	_ = m.Done(ctx, r)
	return ErrNotHandedOver
}

// Claim returns nothing: one instance leaves nothing for another.
func (m *MemoryPending) Claim(context.Context) ([]PendingReply, error) { return nil, nil }

// Delivered is always false: the instance that delivered a reply is the only one.
func (m *MemoryPending) Delivered(context.Context, string) (bool, error) { return false, nil }

// Len is how many replies are pending.
func (m *MemoryPending) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.pending)
}
