package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
)

// Defaults of the delivery of replies.
const (
	// DefaultReplyDeadline is how long a reply may wait for Slack, its retries included:
	// as long as a person would still want the answer.
	DefaultReplyDeadline = 5 * time.Minute
	// DefaultPostInterval is the least time between two posts to one channel: Slack
	// allows about one message a second in a channel.
	DefaultPostInterval = time.Second
	// DefaultRetryBackoff is the first wait after a failure Slack gave no Retry-After for.
	DefaultRetryBackoff = 500 * time.Millisecond
	// DefaultRetryJitter is the most random time added to every wait before a retry, so
	// that replies waiting out the same rate limit do not all come back at once.
	DefaultRetryJitter = time.Second
	// DefaultAttemptTimeout bounds one call to Slack: a call that hangs longer is given up
	// and, being ambiguous, checked before it is made again.
	DefaultAttemptTimeout = 10 * time.Second
	// clientRetries is how often slack-go itself retries a call Slack answered with 429
	// or a 5xx, before the outbox sees the failure and waits on its own terms.
	clientRetries = 2
	// maxBackoff caps the wait between two attempts that Slack gave no Retry-After for.
	maxBackoff = 30 * time.Second
)

// Delivery tunes how replies reach Slack; every field is optional.
type Delivery struct {
	// Deadline is how long a reply may wait, retries included, before it is dropped,
	// logged and counted as lost; zero means DefaultReplyDeadline.
	Deadline time.Duration
	// Interval is the least time between two posts to one channel; zero means
	// DefaultPostInterval.
	Interval time.Duration
	// Backoff is the first wait after a failure Slack gave no Retry-After for, doubled
	// at each further failure; zero means DefaultRetryBackoff.
	Backoff time.Duration
	// Jitter is the most random time added to every wait; zero means DefaultRetryJitter,
	// a negative value none.
	Jitter time.Duration
	// HTTPClient makes each call to Slack; nil means a client whose timeout is
	// DefaultAttemptTimeout. slack-go's retries (429, 5xx) wrap it.
	HTTPClient *http.Client
	// Seen remembers the events already answered; nil means an in-memory store with
	// DefaultSeenTTL and DefaultSeenBytes.
	Seen EventStore
	// Pending keeps each reply from before its event is acknowledged until it is
	// delivered; nil means adapters.MemoryPending, which serves one instance.
	Pending adapters.PendingStore
	// ClaimEvery is how often Pending is asked for the replies other instances left
	// undelivered; zero means DefaultClaimEvery.
	ClaimEvery time.Duration
}

func (d Delivery) withDefaults() Delivery {
	if d.Deadline <= 0 {
		d.Deadline = DefaultReplyDeadline
	}
	if d.Interval <= 0 {
		d.Interval = DefaultPostInterval
	}
	if d.Backoff <= 0 {
		d.Backoff = DefaultRetryBackoff
	}
	if d.Jitter == 0 {
		d.Jitter = DefaultRetryJitter
	}
	if d.Jitter < 0 {
		d.Jitter = 0
	}
	if d.HTTPClient == nil {
		d.HTTPClient = &http.Client{Timeout: DefaultAttemptTimeout}
	}
	if d.Pending == nil {
		d.Pending = adapters.NewMemoryPending()
	}
	if d.ClaimEvery <= 0 {
		d.ClaimEvery = DefaultClaimEvery
	}
	return d
}

// retryConfig is slack-go's own retry machinery: Retry-After honoured with jitter on a
// 429, exponential backoff with jitter on a 5xx. Connection errors are left out on
// purpose for posts: a reset after Slack accepted a message is ambiguous, and the
// outbox checks the thread before it posts again.
func (d Delivery) retryConfig(connections bool) slack.RetryConfig {
	cfg := slack.RetryConfig{
		MaxRetries:         clientRetries,
		RetryAfterDuration: d.Interval,
		RetryAfterJitter:   d.Jitter,
		BackoffInitial:     d.Backoff,
		BackoffMax:         maxBackoff,
		BackoffJitter:      d.Jitter,
	}
	cfg.Handlers = []slack.RetryHandler{slack.NewRateLimitErrorRetryHandler(cfg), slack.NewServerErrorRetryHandler(cfg)}
	if connections {
		cfg.Handlers = append(cfg.Handlers, slack.NewConnectionErrorRetryHandler())
	}
	return cfg
}

// errShutdown is why a reply still waiting when the shutdown grace period ended is lost.
var errShutdown = errors.New("reply lost at shutdown: still waiting when the grace period ended")

// replyKind says how one reply is sent.
type replyKind int

const (
	replyPost      replyKind = iota // chat.postMessage, tagged with its event in metadata
	replyEphemeral                  // chat.postEphemeral, seen by one user
	replyRespond                    // a slash command's or a button's response_url
)

// metadataType is the event_type of the metadata the bot tags its posts with; the
// payload's event_id names the event a post answers.
const metadataType = "borderbot_reply"

// reply is one message waiting in the outbox.
type reply struct {
	ev      adapters.Event
	kind    replyKind
	channel string
	thread  string // the thread to post in, or ""
	user    string // who sees an ephemeral message
	url     string // the response URL
	mode    respondMode
	msg     message

	queued time.Time
	done   chan error // receives the delivery's result, once
	// pending is the reply as the pending store keeps it; reclaimed says it was claimed
	// from there, left undelivered by another instance, and may have been posted.
	pending   adapters.PendingReply
	reclaimed bool
	// ts is the posted message's ts, when Slack gave it: set before done receives nil,
	// so read it only after that.
	ts string
}

// op names how a reply is sent, for logs and errors.
func (r *reply) op() string {
	switch r.kind {
	case replyEphemeral:
		return "chat.postEphemeral"
	case replyRespond:
		return "response_url"
	}
	return "chat.postMessage"
}

// key is the queue a reply waits in: one per channel, so that a channel's replies go
// out in order and within its rate limit; each response URL has its own.
func (r *reply) key() string {
	if r.kind == replyRespond {
		return "url " + r.url
	}
	return channelKey(r.channel)
}

func channelKey(channel string) string { return "channel " + channel }

// place is a reply's place in a queue, taken when its event arrives, so that a channel's
// replies go out in the order their events came, however long each took to answer. The
// outbox's mutex guards it.
type place struct {
	key       string
	r         *reply        // the reply, once filled
	filled    bool          // r is set
	abandoned bool          // given up: no reply will come, or the outbox stopped
	ready     chan struct{} // closed once filled or abandoned
}

type placeKey struct{}

// withPlace carries a place held for the event being handled.
func withPlace(ctx context.Context, p *place) context.Context {
	return context.WithValue(ctx, placeKey{}, p)
}

// outbox delivers replies to Slack: through one ordered queue per channel, pacing the
// posts to a channel, honouring Retry-After with jitter, retrying for as long as the
// reply deadline allows, and checking the thread before it posts again after an
// ambiguous failure, so that a reply arrives once.
type outbox struct {
	api     *slack.Client // posts; slack-go retries 429s and 5xxs
	reader  *slack.Client // reads back threads; slack-go also retries connection errors
	hc      *http.Client  // response URLs
	d       Delivery
	log     *slog.Logger
	metrics *adapters.Metrics

	pending adapters.PendingStore

	stopped context.Context // ends when the shutdown grace period does
	stop    context.CancelFunc
	lost    atomic.Int64 // replies lost at shutdown
	handed  atomic.Int64 // replies left pending at shutdown, for another instance

	mu     sync.Mutex
	queues map[string][]*place // the replies waiting, by key; a key present has a worker
}

func newOutbox(botToken string, clientOpts []slack.Option, d Delivery, log *slog.Logger, metrics *adapters.Metrics) *outbox {
	stopped, stop := context.WithCancel(context.Background())
	with := func(opts ...slack.Option) []slack.Option {
		return append(append([]slack.Option(nil), clientOpts...), opts...)
	}
	return &outbox{
		api:     slack.New(botToken, with(slack.OptionHTTPClient(d.HTTPClient), slack.OptionRetryConfig(d.retryConfig(false)))...),
		reader:  slack.New(botToken, with(slack.OptionHTTPClient(d.HTTPClient), slack.OptionRetryConfig(d.retryConfig(true)))...),
		hc:      d.HTTPClient,
		d:       d,
		log:     log,
		metrics: metrics,
		pending: d.Pending,
		stopped: stopped, stop: stop,
		queues: map[string][]*place{},
	}
}

// reserve takes a place at the end of a channel's queue for a reply still to come;
// release gives it up if no reply fills it.
func (o *outbox) reserve(channel string) *place {
	p := &place{key: channelKey(channel), ready: make(chan struct{})}
	o.enqueue(p)
	return p
}

// release gives up a place no reply has filled, so that the replies behind it go on.
func (o *outbox) release(p *place) {
	if p == nil {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !p.filled && !p.abandoned {
		p.abandoned = true
		close(p.ready)
	}
}

// enqueue appends p to its queue, starting the queue's worker if it has none.
func (o *outbox) enqueue(p *place) {
	o.mu.Lock()
	defer o.mu.Unlock()
	q, running := o.queues[p.key]
	o.queues[p.key] = append(q, p)
	if !running {
		go o.work(p.key)
	}
}

// send keeps r in the pending store (which lets its event be acknowledged), queues it,
// in the place held for its event when it has one in r's queue, and waits until it is
// delivered or dropped, or ctx ends; it returns nil once Slack has the reply, and an
// error wrapping adapters.ErrHandedOver when the shutdown left it to another instance.
func (o *outbox) send(ctx context.Context, r *reply) error {
	if r.queued.IsZero() {
		r.queued = time.Now()
	}
	r.done = make(chan error, 1)
	if !r.reclaimed {
		o.keep(ctx, r)
	}
	t, _ := ctx.Value(ticketKey{}).(*ticket)
	t.accept()
	if o.stopped.Err() != nil {
		return o.settle(r, errShutdown)
	}
	o.metrics.Pending(platform, 1)
	held, _ := ctx.Value(placeKey{}).(*place)
	o.mu.Lock()
	filled := held != nil && held.key == r.key() && !held.filled && !held.abandoned
	if filled {
		held.r, held.filled = r, true
		close(held.ready)
	}
	o.mu.Unlock()
	if !filled {
		p := &place{key: r.key(), r: r, filled: true, ready: make(chan struct{})}
		close(p.ready)
		o.enqueue(p)
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", r.op(), ctx.Err())
	}
}

// work delivers the replies of one queue in order, until the queue is empty.
func (o *outbox) work(k string) {
	for {
		o.mu.Lock()
		q := o.queues[k]
		if len(q) == 0 {
			delete(o.queues, k)
			o.mu.Unlock()
			return
		}
		p := q[0]
		o.mu.Unlock()

		select {
		case <-p.ready:
		case <-o.stopped.Done():
			o.release(p)
		}
		o.mu.Lock()
		r := p.r
		o.mu.Unlock()
		var err error
		if r != nil {
			err = o.settle(r, o.deliver(r))
			o.metrics.Pending(platform, -1)
			r.done <- err
		}

		o.mu.Lock()
		o.queues[k] = o.queues[k][1:]
		more := len(o.queues[k]) > 0
		o.mu.Unlock()
		if r != nil && err == nil && r.kind == replyPost && more {
			o.sleep(o.d.Interval) // Slack allows about one post a second in a channel
		}
	}
}

// keep adds r to the pending store, under the next id of its event.
func (o *outbox) keep(ctx context.Context, r *reply) {
	id := replyID(ctx, r.ev)
	body, err := encodeReply(r)
	if err == nil {
		r.pending, err = o.pending.Add(ctx, adapters.PendingReply{ID: id, Body: body})
	}
	if err != nil {
		r.pending = adapters.PendingReply{ID: id}
		o.log.Warn("reply not kept as pending: only this instance can deliver it", "event_id", r.ev.ID, "reply_id", id, "error", err.Error())
	}
}

// settle tells the pending store how a reply's delivery ended: done when it was
// delivered or dropped for good; released to another instance when the shutdown cut it
// off, which makes it handed over (adapters.ErrHandedOver) rather than lost, when the
// store has someone to hand it to.
func (o *outbox) settle(r *reply, err error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if !errors.Is(err, errShutdown) {
		if derr := o.pending.Done(ctx, r.pending); derr != nil {
			o.log.Warn("could not mark a reply done", "event_id", r.ev.ID, "reply_id", r.pending.ID, "error", derr.Error())
		}
		return err
	}
	if rerr := o.pending.Release(ctx, r.pending); rerr != nil {
		o.lost.Add(1)
		return err
	}
	o.handed.Add(1)
	o.metrics.ReplyHandedOver(platform)
	o.log.Info("reply handed over at shutdown", "op", r.op(), "event_id", r.ev.ID, "reply_id", r.pending.ID, "channel_id", r.channel)
	return fmt.Errorf("%s: %w", r.op(), adapters.ErrHandedOver)
}

// sleep waits d, or less when the outbox stops; it reports whether it waited it all.
func (o *outbox) sleep(d time.Duration) bool {
	if d <= 0 {
		return o.stopped.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-o.stopped.Done():
		return false
	}
}

// jitter is a random time up to the configured jitter, added to every wait.
func (o *outbox) jitter() time.Duration {
	if o.d.Jitter <= 0 {
		return 0
	}
	return rand.N(o.d.Jitter)
}

// deliver sends one reply, retrying until Slack has it, the failure is for good, or the
// next retry would pass the reply's deadline.
func (o *outbox) deliver(r *reply) error {
	deadline := r.queued.Add(o.d.Deadline)
	// A reply claimed from another instance may have been posted before it died.
	ambiguous := r.reclaimed
	for attempt := 1; ; attempt++ {
		if o.stopped.Err() != nil {
			return errShutdown
		}
		if ambiguous && o.landedOnce(r) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: dropped after waiting %v, past the reply deadline", r.op(), o.d.Deadline)
		}
		err := o.attempt(r, deadline)
		if err == nil {
			return nil
		}
		if o.stopped.Err() != nil {
			return errShutdown
		}
		wait, again, unsure := o.retryWait(err, attempt)
		if !again {
			if ambiguous && o.landedOnce(r) {
				return nil
			}
			return fmt.Errorf("%s (%d attempts): %w", r.op(), attempt, err)
		}
		ambiguous = ambiguous || unsure
		wait += o.jitter()
		if time.Now().Add(wait).After(deadline) {
			if ambiguous && o.landedOnce(r) {
				return nil
			}
			return fmt.Errorf("%s (%d attempts): dropped: a retry in %v would pass the reply deadline of %v: %w",
				r.op(), attempt, wait.Round(time.Millisecond), o.d.Deadline, err)
		}
		o.log.Warn("post failed, retrying", "op", r.op(), "event_id", r.ev.ID, "channel_id", r.channel,
			"attempt", attempt, "wait", wait, "ambiguous", unsure, "error", err.Error())
		if !o.sleep(wait) {
			return errShutdown
		}
	}
}

// attempt makes one call to Slack, bounded by the reply's deadline and the shutdown.
func (o *outbox) attempt(r *reply, deadline time.Time) error {
	ctx, cancel := context.WithDeadline(o.stopped, deadline)
	defer cancel()
	switch r.kind {
	case replyEphemeral:
		_, err := o.api.PostEphemeralContext(ctx, r.channel, r.user, r.options(false)...)
		return err
	case replyRespond:
		return slack.PostWebhookCustomHTTPContext(ctx, r.url, o.hc, r.webhook())
	}
	_, ts, err := o.api.PostMessageContext(ctx, r.channel, r.options(true)...)
	if err == nil {
		r.ts = ts
	}
	return err
}

// options are the chat.postMessage or chat.postEphemeral options of a reply; a post is
// tagged with the event it answers.
func (r *reply) options(tag bool) []slack.MsgOption {
	opts := []slack.MsgOption{
		slack.MsgOptionText(r.msg.text, false),
		slack.MsgOptionBlocks(r.msg.blocks...),
		slack.MsgOptionLinkNames(false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if r.thread != "" {
		opts = append(opts, slack.MsgOptionTS(r.thread))
	}
	if tag && r.ev.ID != "" {
		opts = append(opts, slack.MsgOptionMetadata(slack.SlackMetadata{
			EventType: metadataType, EventPayload: map[string]any{"event_id": r.ev.ID},
		}))
	}
	return opts
}

// webhook is the response URL message of a reply.
func (r *reply) webhook() *slack.WebhookMessage {
	wm := &slack.WebhookMessage{Text: r.msg.text, ResponseType: slack.ResponseTypeEphemeral}
	if len(r.msg.blocks) > 0 {
		wm.Blocks = &slack.Blocks{BlockSet: r.msg.blocks}
	}
	switch r.mode {
	case respondReplace:
		wm.ReplaceOriginal = true
	case respondInChannel:
		wm.ResponseType = slack.ResponseTypeInChannel
	case respondDelete:
		wm = &slack.WebhookMessage{DeleteOriginal: true}
	}
	return wm
}

// landedOnce reports whether a post that failed ambiguously is in its thread after all;
// finding it twice counts a doubled reply. It is false for a reply that is not a post,
// and when the thread cannot be read (the caller then posts again).
func (o *outbox) landedOnce(r *reply) bool {
	if r.kind != replyPost {
		return false
	}
	n, err := o.landed(r)
	switch {
	case err != nil:
		o.log.Warn("could not check whether a post landed", "event_id", r.ev.ID, "channel_id", r.channel, "error", err.Error())
		return false
	case n == 0:
		return false
	case n > 1:
		o.metrics.ReplyDoubled(platform)
		o.log.Error("reply found posted more than once", "event_id", r.ev.ID, "channel_id", r.channel, "copies", n)
	}
	o.log.Info("an ambiguous post had landed; not posting it again", "event_id", r.ev.ID, "channel_id", r.channel)
	return true
}

// landed reads back the reply's thread (or, outside a thread, the channel's latest
// messages) and counts the bot's posts tagged with the reply's event.
func (o *outbox) landed(r *reply) (int, error) {
	ctx, cancel := context.WithTimeout(o.stopped, o.d.HTTPClient.Timeout+time.Second)
	defer cancel()
	oldest := fmt.Sprintf("%d.000000", r.queued.Add(-time.Minute).Unix())
	var msgs []slack.Message
	if r.thread != "" {
		got, _, _, err := o.reader.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
			ChannelID: r.channel, Timestamp: r.thread, Oldest: oldest, Limit: 200, IncludeAllMetadata: true,
		})
		if err != nil {
			return 0, fmt.Errorf("conversations.replies: %w", err)
		}
		msgs = got
	} else {
		res, err := o.reader.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: r.channel, Oldest: oldest, Limit: 200, IncludeAllMetadata: true,
		})
		if err != nil {
			return 0, fmt.Errorf("conversations.history: %w", err)
		}
		msgs = res.Messages
	}
	n := 0
	for _, m := range msgs {
		if m.Metadata.EventType == metadataType && fmt.Sprint(m.Metadata.EventPayload["event_id"]) == r.ev.ID {
			n++
		}
	}
	return n, nil
}

// retryWait says whether a failure is worth another attempt, after how long (before
// jitter), and whether it is ambiguous: Slack may have accepted the call.
func (o *outbox) retryWait(err error, attempt int) (wait time.Duration, again, ambiguous bool) {
	backoff := min(o.d.Backoff<<min(attempt-1, 16), maxBackoff)
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &rl):
		// slack-go has waited out its own retries; wait as Slack asks, at least a pace.
		return max(rl.RetryAfter, o.d.Interval), true, false
	case errors.As(err, &sc):
		return backoff, sc.Retryable(), sc.Code >= 500
	case errors.As(err, &se):
		switch se.Err {
		case "ratelimited", "rate_limited":
			return max(backoff, o.d.Interval), true, false
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout":
			return backoff, true, true
		}
		return 0, false, false
	case errors.As(err, &ne) && ne.Timeout():
		// A call that hung past the client timeout, or was cut off by the reply's
		// deadline (context.DeadlineExceeded is such an error too): the message may have
		// been posted. deliver reads the thread back, and stops at the deadline.
		return backoff, true, true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return 0, false, false
	case errors.As(err, &ne):
		return backoff, true, true
	}
	s := err.Error()
	if strings.Contains(s, "EOF") || strings.Contains(s, "connection reset") || strings.Contains(s, "connection refused") ||
		strings.Contains(s, "broken pipe") {
		return backoff, true, !strings.Contains(s, "connection refused")
	}
	return 0, false, false
}

// close stops the outbox: every reply still waiting is handed over to another instance
// through the pending store, or, when it cannot be, dropped as lost at shutdown. It
// returns how many replies were lost so.
func (o *outbox) close() int64 {
	o.stop()
	return o.lost.Load()
}
