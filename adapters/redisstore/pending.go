package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/borderbot/borderbot/adapters"
)

// Defaults of PendingOptions.
const (
	// DefaultClaimAfter is how long a reply another instance holds may go untouched
	// before it is taken as abandoned (its instance died) and claimed.
	DefaultClaimAfter = 30 * time.Second
	// DefaultPendingMaxLen bounds the stream: delivered replies are deleted from it, so
	// it holds the replies pending across every instance, and beyond this many the
	// oldest are trimmed (lost).
	DefaultPendingMaxLen = 10000
	// DefaultDeliveredTTL is how long a delivered reply's marker lasts: longer than a
	// reply may wait for its platform.
	DefaultDeliveredTTL = 15 * time.Minute
	// pendingGroup is the consumer group every instance reads the stream in.
	pendingGroup = "replies"
	// claimBatch is how many abandoned replies one XAUTOCLAIM takes.
	claimBatch = 100
	// staleConsumer is how long a consumer with nothing pending may stay idle before it
	// is removed from the group: instances that stopped leave their names behind.
	staleConsumer = time.Hour
)

// PendingOptions tunes the pending replies' stream; every field is optional.
type PendingOptions struct {
	// ClaimAfter is how long another instance's reply may go untouched before this
	// instance claims it; zero means DefaultClaimAfter. Claim must be called more often
	// than this (a third of it, say), since it is also what keeps this instance's own
	// replies from looking abandoned.
	ClaimAfter time.Duration
	// MaxLen bounds the stream (MAXLEN ~); zero means DefaultPendingMaxLen.
	MaxLen int64
	// DeliveredTTL is how long a delivered reply is remembered as such; zero means
	// DefaultDeliveredTTL.
	DeliveredTTL time.Duration
	// Consumer names this instance in the consumer group; "" means the host name, the
	// process id and a random suffix.
	Consumer string
}

// addPending appends a reply to the stream and reads it at once as this consumer's, so
// that it is in this consumer's pending entries list from the start (and claimable if
// this instance dies) and no other consumer reads it as new. KEYS[1] is the stream;
// ARGV: the group, the consumer, MAXLEN, the reply's id, its body. Entries are never
// left unread, so the read returns the one just added; any other it returns becomes
// this consumer's too, and is claimed by whoever finds it idle.
var addPending = redis.NewScript(`
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
local ref = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'id', ARGV[4], 'body', ARGV[5])
for _ = 1, 100 do
  local got = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 100, 'STREAMS', KEYS[1], '>')
  if not got then break end
  for _, e in ipairs(got[1][2]) do
    if e[1] == ref then return ref end
  end
end
return ref
`)

// touchPending resets the idle time of the entries this consumer still owns, so that
// they do not look abandoned while it waits for the platform, and returns those it no
// longer owns (delivered, or claimed by another instance). KEYS[1] is the stream; ARGV:
// the group, the consumer, then the entries' ids.
var touchPending = redis.NewScript(`
local gone = {}
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
  else
    table.insert(gone, ARGV[i])
  end
end
return gone
`)

// releasePending makes an entry this consumer owns look idle for long, so that the next
// instance to claim takes it at once. KEYS[1] is the stream; ARGV: the group, the
// consumer, the idle time in milliseconds, the entry's id. It returns 1 when it released
// the entry, 0 when the entry is no longer pending (it was delivered), 2 when another
// consumer owns it now (it claimed it); either way someone else has it.
var releasePending = redis.NewScript(`
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[4], ARGV[4], 1)
if not p[1] then return 0 end
if p[1][2] ~= ARGV[2] then return 2 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[4], 'IDLE', ARGV[3], 'JUSTID')
return 1
`)

// Pending keeps the replies acknowledged but not yet delivered in a Redis stream,
// prefix+"pending", read by the consumer group "replies" in which each instance is a
// consumer: Add appends a reply and makes it this instance's (XADD, then XREADGROUP, in
// one script) before its event is acknowledged; Done removes it once delivered (XACK,
// XDEL) and sets prefix+"delivered:"+id; Claim takes over, with XAUTOCLAIM, the
// replies another instance has not touched for ClaimAfter (it died), or released at
// shutdown. While Redis is unreachable, replies are kept in local, which has no one to
// hand them over to.
type Pending struct {
	s        *Store
	stream   string
	consumer string
	opts     PendingOptions
	local    adapters.PendingStore

	mu     sync.Mutex
	held   map[string]bool                  // entries this instance is delivering, by ref
	undone map[string]adapters.PendingReply // delivered, but Done did not reach Redis: retried by Claim
}

// Pending returns the shared store of pending replies; local keeps them while Redis is down.
func (s *Store) Pending(opts PendingOptions, local adapters.PendingStore) *Pending {
	if opts.ClaimAfter <= 0 {
		opts.ClaimAfter = DefaultClaimAfter
	}
	if opts.MaxLen <= 0 {
		opts.MaxLen = DefaultPendingMaxLen
	}
	if opts.DeliveredTTL <= 0 {
		opts.DeliveredTTL = DefaultDeliveredTTL
	}
	if opts.Consumer == "" {
		opts.Consumer = consumerName()
	}
	if local == nil {
		local = adapters.NewMemoryPending()
	}
	return &Pending{s: s, stream: s.prefix + "pending", consumer: opts.Consumer, opts: opts, local: local,
		held: map[string]bool{}, undone: map[string]adapters.PendingReply{}}
}

// consumerName is this process's name in the group: unique, and telling an operator
// which instance holds what.
func consumerName() string {
	host, _ := os.Hostname()
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Consumer is this instance's name in the consumer group.
func (p *Pending) Consumer() string { return p.consumer }

// Add appends r to the stream as this instance's, or keeps it in local when Redis
// cannot be reached.
func (p *Pending) Add(ctx context.Context, r adapters.PendingReply) (adapters.PendingReply, error) {
	var ref string
	ok := p.s.call(ctx, opPending, func(ctx context.Context) error {
		var err error
		ref, err = addPending.Run(ctx, p.s.client, []string{p.stream},
			pendingGroup, p.consumer, p.opts.MaxLen, r.ID, r.Body).Text()
		return err
	})
	if !ok {
		return p.local.Add(ctx, r)
	}
	r.Ref = ref
	p.mu.Lock()
	p.held[ref] = true
	p.mu.Unlock()
	return r, nil
}

// Done removes r from the stream and marks it delivered, in one transaction. When
// Redis cannot be reached, Claim tries again later; until then the reply stays this
// instance's, and another that claims it finds it in its thread (or not) by itself.
func (p *Pending) Done(ctx context.Context, r adapters.PendingReply) error {
	if r.Ref == "" {
		return p.local.Done(ctx, r)
	}
	if !p.s.call(ctx, opPending, func(ctx context.Context) error { return p.done(ctx, r) }) {
		p.mu.Lock()
		p.undone[r.Ref] = r
		p.mu.Unlock()
		return nil
	}
	p.forget(r.Ref)
	return nil
}

func (p *Pending) done(ctx context.Context, r adapters.PendingReply) error {
	_, err := p.s.client.TxPipelined(ctx, func(tx redis.Pipeliner) error {
		tx.Set(ctx, p.s.prefix+"delivered:"+r.ID, 1, p.opts.DeliveredTTL)
		tx.XAck(ctx, p.stream, pendingGroup, r.Ref)
		tx.XDel(ctx, p.stream, r.Ref)
		return nil
	})
	if err != nil {
		return fmt.Errorf("pending done: %w", err)
	}
	return nil
}

func (p *Pending) forget(ref string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.held, ref)
	delete(p.undone, ref)
}

// Release leaves r in the stream marked idle, so that the next instance to claim
// delivers it at once, unless another instance has claimed or delivered it already; a
// reply kept in local cannot be handed over (ErrNotHandedOver).
func (p *Pending) Release(ctx context.Context, r adapters.PendingReply) error {
	if r.Ref == "" {
		return p.local.Release(ctx, r)
	}
	// Released, delivered or claimed by another instance; or, when Redis does not
	// answer, still in the stream, for another instance to claim once ClaimAfter has
	// passed. Either way it is not lost.
	p.s.call(ctx, opPending, func(ctx context.Context) error {
		idle := (p.opts.ClaimAfter + time.Hour).Milliseconds()
		return releasePending.Run(ctx, p.s.client, []string{p.stream}, pendingGroup, p.consumer, idle, r.Ref).Err()
	})
	p.forget(r.Ref)
	return nil
}

// Claim finishes the Dones that did not reach Redis, keeps this instance's own replies
// fresh, takes over the replies other consumers left idle for ClaimAfter (or released),
// and removes consumers long gone. It does nothing while Redis is down.
func (p *Pending) Claim(ctx context.Context) ([]adapters.PendingReply, error) {
	if !p.s.Healthy() {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, p.s.timeout*4)
	defer cancel()
	if err := p.retryDone(ctx); err != nil {
		return nil, p.background(ctx, err)
	}
	if err := p.touch(ctx); err != nil {
		return nil, p.background(ctx, err)
	}
	var out []adapters.PendingReply
	start := "0-0"
	for range 10 {
		msgs, next, err := p.s.client.XAutoClaim(ctx, &redis.XAutoClaimArgs{Stream: p.stream, Group: pendingGroup,
			Consumer: p.consumer, MinIdle: p.opts.ClaimAfter, Start: start, Count: claimBatch}).Result()
		if err != nil {
			if isNoGroup(err) {
				return out, nil // nothing was ever added
			}
			return out, p.background(ctx, fmt.Errorf("xautoclaim: %w", err))
		}
		p.mu.Lock()
		for _, m := range msgs {
			if p.held[m.ID] {
				continue
			}
			id, _ := m.Values["id"].(string)
			body, _ := m.Values["body"].(string)
			p.held[m.ID] = true
			out = append(out, adapters.PendingReply{ID: id, Body: []byte(body), Ref: m.ID})
		}
		p.mu.Unlock()
		if next == "0-0" || next == "" {
			break
		}
		start = next
	}
	p.removeStale(ctx)
	return out, nil
}

// retryDone sends again the Dones that failed.
func (p *Pending) retryDone(ctx context.Context) error {
	p.mu.Lock()
	undone := make([]adapters.PendingReply, 0, len(p.undone))
	for _, r := range p.undone {
		undone = append(undone, r)
	}
	p.mu.Unlock()
	for _, r := range undone {
		if err := p.done(ctx, r); err != nil {
			return err
		}
		p.forget(r.Ref)
	}
	return nil
}

// touch resets the idle time of the replies this instance is delivering, and forgets
// those it no longer owns.
func (p *Pending) touch(ctx context.Context) error {
	p.mu.Lock()
	args := []any{pendingGroup, p.consumer}
	for ref := range p.held {
		args = append(args, ref)
	}
	p.mu.Unlock()
	if len(args) == 2 {
		return nil
	}
	gone, err := touchPending.Run(ctx, p.s.client, []string{p.stream}, args...).StringSlice()
	if err != nil && !isNoGroup(err) {
		return fmt.Errorf("touch pending: %w", err)
	}
	if len(gone) > 0 {
		p.mu.Lock()
		for _, ref := range gone {
			delete(p.held, ref)
		}
		p.mu.Unlock()
	}
	return nil
}

// removeStale deletes from the group the consumers that hold nothing and have not
// been seen for an hour: instances that stopped.
func (p *Pending) removeStale(ctx context.Context) {
	cs, err := p.s.client.XInfoConsumers(ctx, p.stream, pendingGroup).Result()
	if err != nil {
		return
	}
	for _, c := range cs {
		if c.Name != p.consumer && c.Pending == 0 && c.Idle > staleConsumer {
			p.s.client.XGroupDelConsumer(ctx, p.stream, pendingGroup, c.Name)
		}
	}
}

// background records the failure of a call Claim made, and returns it.
func (p *Pending) background(ctx context.Context, err error) error {
	if ctx.Err() == nil || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		p.s.failed(fmt.Errorf("%s: %w", opPending, err))
	}
	return err
}

// isNoGroup tells the error of a stream or group that does not exist yet.
func isNoGroup(err error) bool {
	return err != nil && strings.HasPrefix(err.Error(), "NOGROUP")
}

// Delivered reports whether the reply named id has been marked delivered; while Redis
// is down it asks local.
func (p *Pending) Delivered(ctx context.Context, id string) (bool, error) {
	var n int64
	ok := p.s.call(ctx, opPending, func(ctx context.Context) error {
		var err error
		n, err = p.s.client.Exists(ctx, p.s.prefix+"delivered:"+id).Result()
		return err
	})
	if !ok {
		return p.local.Delivered(ctx, id)
	}
	return n > 0, nil
}
