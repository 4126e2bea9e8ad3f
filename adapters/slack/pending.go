package slack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
)

// DefaultClaimEvery is how often the bot asks its pending store for replies that other
// instances left undelivered.
const DefaultClaimEvery = 10 * time.Second

// ackWait is the longest an acknowledgement waits for its event's first reply to be
// kept in the pending store: Slack wants the acknowledgement within three seconds.
const ackWait = 2 * time.Second

// storedReply is a reply as the pending store keeps it: enough for any instance to
// deliver it.
type storedReply struct {
	Event   adapters.Event  `json:"event"`
	Kind    replyKind       `json:"kind"`
	Channel string          `json:"channel,omitempty"`
	Thread  string          `json:"thread,omitempty"`
	User    string          `json:"user,omitempty"`
	URL     string          `json:"url,omitempty"`
	Mode    respondMode     `json:"mode,omitempty"`
	Text    string          `json:"text,omitempty"`
	Blocks  json.RawMessage `json:"blocks,omitempty"`
	Queued  time.Time       `json:"queued"`
}

// encodeReply is r as the pending store keeps it.
func encodeReply(r *reply) ([]byte, error) {
	s := storedReply{Event: r.ev, Kind: r.kind, Channel: r.channel, Thread: r.thread, User: r.user, URL: r.url,
		Mode: r.mode, Text: r.msg.text, Queued: r.queued}
	if len(r.msg.blocks) > 0 {
		b, err := json.Marshal(slack.Blocks{BlockSet: r.msg.blocks})
		if err != nil {
			return nil, fmt.Errorf("encode blocks: %w", err)
		}
		s.Blocks = b
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encode reply: %w", err)
	}
	return b, nil
}

// decodeReply reads a reply the pending store kept, marked as reclaimed.
func decodeReply(p adapters.PendingReply) (*reply, error) {
	var s storedReply
	if err := json.Unmarshal(p.Body, &s); err != nil {
		return nil, fmt.Errorf("decode pending reply %s: %w", p.ID, err)
	}
	m := message{text: s.Text}
	if len(s.Blocks) > 0 {
		var bs slack.Blocks
		if err := json.Unmarshal(s.Blocks, &bs); err != nil {
			return nil, fmt.Errorf("decode pending reply %s's blocks: %w", p.ID, err)
		}
		m.blocks = bs.BlockSet
	}
	return &reply{ev: s.Event, kind: s.Kind, channel: s.Channel, thread: s.Thread, user: s.User, url: s.URL,
		mode: s.Mode, msg: m, queued: s.Queued, pending: p, reclaimed: true}, nil
}

// ticket is one event's promise to Slack: accepted closes once the event's first reply
// is kept in the pending store, or once the event is handled without one, and the event
// may then be acknowledged.
type ticket struct {
	once     sync.Once
	accepted chan struct{}
	replies  atomic.Int32 // numbers the event's replies, for their ids
}

func newTicket() *ticket { return &ticket{accepted: make(chan struct{})} }

// accept lets the event be acknowledged.
func (t *ticket) accept() {
	if t != nil {
		t.once.Do(func() { close(t.accepted) })
	}
}

type ticketKey struct{}

func withTicket(ctx context.Context, t *ticket) context.Context {
	return context.WithValue(ctx, ticketKey{}, t)
}

// replyID names the next reply of ev: the event's id and the reply's place among its
// replies, or a random id when neither is known.
func replyID(ctx context.Context, ev adapters.Event) string {
	t, _ := ctx.Value(ticketKey{}).(*ticket)
	if t == nil || ev.ID == "" {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		return ev.ID + "/" + hex.EncodeToString(b)
	}
	return fmt.Sprintf("%s/%d", ev.ID, t.replies.Add(1))
}

// awaitAccepted waits until the event may be acknowledged, at most ackWait.
func awaitAccepted(ctx context.Context, accepted <-chan struct{}) {
	if accepted == nil {
		return
	}
	t := time.NewTimer(ackWait)
	defer t.Stop()
	select {
	case <-accepted:
	case <-t.C:
	case <-ctx.Done():
	}
}

// claimLoop asks the pending store every ClaimEvery for replies other instances left
// undelivered, and delivers them, until ctx ends.
func (b *bot) claimLoop(ctx context.Context) {
	t := time.NewTicker(b.delivery.ClaimEvery)
	defer t.Stop()
	for {
		b.claimOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// claimOnce claims what other instances left and delivers each reply that was not
// delivered already.
func (b *bot) claimOnce(ctx context.Context) {
	claimed, err := b.pending.Claim(ctx)
	if err != nil && ctx.Err() == nil {
		b.log.Warn("could not claim pending replies", "error", err.Error())
	}
	for _, p := range claimed {
		b.resume(ctx, p)
	}
}

// resume delivers a reply claimed from the pending store, unless it was delivered
// already; a post is also looked for in its thread before it is posted again.
func (b *bot) resume(ctx context.Context, p adapters.PendingReply) {
	log := b.log.With("reply_id", p.ID)
	r, err := decodeReply(p)
	if err != nil {
		log.Error("pending reply unreadable, dropped", "error", err.Error())
		_ = b.pending.Done(ctx, p)
		return
	}
	log = log.With("event_id", r.ev.ID, "channel_id", r.channel)
	if done, err := b.pending.Delivered(ctx, p.ID); err == nil && done {
		log.Info("claimed reply was delivered already")
		_ = b.pending.Done(ctx, p)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		_ = b.pending.Release(ctx, p)
		return
	}
	log.Info("claimed a reply another instance left undelivered", "op", r.op(), "waiting", time.Since(r.queued).Round(time.Millisecond))
	b.lc.Metrics.ReplyClaimed(platform)
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), b.delivery.Deadline+time.Minute)
		defer cancel()
		err := b.out.send(ctx, r)
		switch {
		case err == nil:
			log.Info("claimed reply delivered")
		case errors.Is(err, adapters.ErrHandedOver):
		default:
			log.Error("claimed reply lost", "error", err.Error())
			b.lc.Metrics.ReplyLost(platform)
		}
	}()
}
