package review

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// Defaults of Options.
const (
	DefaultRetention     = 30 * 24 * time.Hour
	DefaultBuffer        = 1024
	DefaultLowConfidence = 0.65
	// purgeEvery is how often a running Recorder deletes what is past its retention.
	purgeEvery = time.Hour
	// flushEvery is how long daily counts wait in memory before they are written.
	flushEvery = time.Second
	// writeTimeout bounds one write to the store.
	writeTimeout = 5 * time.Second
)

// Explainer is what the Recorder needs of the answer engine: the ranked entries of a
// question.
type Explainer interface {
	Explain(message string) (answers.Reply, answers.Explanation)
}

// Options configures a Recorder; Store is required.
type Options struct {
	Store  Store
	Engine Explainer // ranks the entries of a recorded question; nil keeps the reply's own
	// Secret is the HMAC key of user ids; empty means the store's own, made at random
	// the first time.
	Secret []byte
	// Retention is how long a record is kept; zero means DefaultRetention.
	Retention time.Duration
	// LowConfidence is the confidence under which an answer is recorded as shaky; zero
	// means DefaultLowConfidence.
	LowConfidence float64
	// Buffer is how many records may wait to be written; zero means DefaultBuffer. A
	// record that finds it full is dropped and counted, never waited for.
	Buffer int
	Logger *slog.Logger
	Now    func() time.Time // nil means time.Now
}

// item is one thing waiting to be written: a question or a vote.
type item struct {
	at    time.Time
	asked *adapters.Asked
	vote  *adapters.Vote
}

// Recorder is an adapters.Curator that writes what it is told to a Store through a
// bounded buffer, so that recording never delays or fails a reply. Start it, then Run
// it; it is safe for concurrent use.
type Recorder struct {
	opts   Options
	queue  chan item
	secret []byte
	log    *slog.Logger

	dropped  atomic.Int64
	written  atomic.Int64
	failures atomic.Int64
	records  *prometheus.CounterVec
}

// NewRecorder returns a Recorder that has not read its secret yet: call Start.
func NewRecorder(opts Options) (*Recorder, error) {
	if opts.Store == nil {
		return nil, errors.New("review: new recorder: no store")
	}
	if opts.Retention <= 0 {
		opts.Retention = DefaultRetention
	}
	if opts.LowConfidence <= 0 {
		opts.LowConfidence = DefaultLowConfidence
	}
	if opts.Buffer <= 0 {
		opts.Buffer = DefaultBuffer
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{opts: opts, queue: make(chan item, opts.Buffer), log: log.With("component", "review"),
		records: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_review_records_total", Help: "Records written for the curators, by outcome.",
		}, []string{"outcome"})}
	for _, o := range Outcomes {
		r.records.WithLabelValues(string(o))
	}
	return r, nil
}

// Start reads the HMAC secret: the configured one, or the store's.
func (r *Recorder) Start(ctx context.Context) error {
	if len(r.opts.Secret) > 0 {
		r.secret = r.opts.Secret
		return nil
	}
	s, err := r.opts.Store.Secret(ctx)
	if err != nil {
		return fmt.Errorf("review: read the store's secret: %w", err)
	}
	r.secret = s
	return nil
}

// Collectors are the Recorder's metrics: records written by outcome, records dropped
// because the buffer was full, and writes that failed.
func (r *Recorder) Collectors() []prometheus.Collector {
	return []prometheus.Collector{
		r.records,
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "bot_review_dropped_total", Help: "Records dropped because the buffer to the review store was full.",
		}, func() float64 { return float64(r.dropped.Load()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "bot_review_write_errors_total", Help: "Writes to the review store that failed.",
		}, func() float64 { return float64(r.failures.Load()) }),
	}
}

// Dropped is how many records found the buffer full.
func (r *Recorder) Dropped() int64 { return r.dropped.Load() }

// Asked queues a question answered, to be counted and, when it was answered badly or
// not at all, recorded. It never waits.
func (r *Recorder) Asked(_ context.Context, a adapters.Asked) {
	if a.Reply.Kind == answers.KindSeveral {
		for _, p := range a.Reply.Parts {
			part := a
			part.Reply, part.Read = p, p.Question
			r.offer(item{at: r.opts.Now(), asked: &part})
		}
		return
	}
	r.offer(item{at: r.opts.Now(), asked: &a})
}

// Voted queues a vote. It never waits.
func (r *Recorder) Voted(_ context.Context, v adapters.Vote) {
	r.offer(item{at: r.opts.Now(), vote: &v})
}

func (r *Recorder) offer(it item) {
	select {
	case r.queue <- it:
	default:
		if r.dropped.Add(1) == 1 {
			r.log.Warn("review buffer full: records dropped", "buffer", cap(r.queue))
		}
	}
}

// Run writes what is queued until ctx ends, then what is left, within a few seconds;
// it deletes what is past the retention at its start and every hour. It returns an
// error only when ctx ends before the store ever gave the secret.
func (r *Recorder) Run(ctx context.Context) error {
	// Without its secret nothing can be written: the store may be down at start-up, so
	// the secret is asked for again until it comes, while the buffer fills.
	for r.secret == nil {
		err := r.Start(ctx)
		if err == nil {
			break
		}
		r.log.Error("review store unreachable: nothing is recorded until it answers", "error", err.Error())
		select {
		case <-ctx.Done():
			return err
		case <-time.After(5 * time.Second):
		}
	}
	// A write begun is finished, each within writeTimeout, though ctx ends meanwhile.
	wctx := context.WithoutCancel(ctx)
	r.Purge(wctx)
	purge := time.NewTicker(purgeEvery)
	defer purge.Stop()
	flush := time.NewTicker(flushEvery)
	defer flush.Stop()
	days := map[Day]int{}
	for {
		select {
		case it := <-r.queue:
			r.write(wctx, it, days)
		case <-flush.C:
			r.flush(wctx, days)
		case <-purge.C:
			r.Purge(wctx)
		case <-ctx.Done():
			drain, done := context.WithTimeout(wctx, writeTimeout)
			defer done()
			r.drain(drain, days)
			r.flush(drain, days)
			return nil
		}
	}
}

// drain writes every item queued now.
func (r *Recorder) drain(ctx context.Context, days map[Day]int) {
	for {
		select {
		case it := <-r.queue:
			r.write(ctx, it, days)
		default:
			return
		}
	}
}

// Purge deletes the records older than the retention, logging what it did.
func (r *Recorder) Purge(ctx context.Context) {
	ctx, done := context.WithTimeout(ctx, writeTimeout)
	defer done()
	before := r.opts.Now().Add(-r.opts.Retention)
	n, err := r.opts.Store.Purge(ctx, before)
	if err != nil {
		r.failures.Add(1)
		r.log.Warn("review purge failed", "error", err.Error())
		return
	}
	if n > 0 {
		r.log.Info("review records past their retention deleted", "count", n, "retention", r.opts.Retention)
	}
}

// write turns one item into its record and daily count.
func (r *Recorder) write(ctx context.Context, it item, days map[Day]int) {
	var rec *Record
	switch {
	case it.asked != nil:
		a := it.asked
		if c, ok := classOf(a.Reply); ok {
			days[Day{Date: it.at.UTC().Format(time.DateOnly), Platform: a.Platform, Class: c}]++
		}
		rec = r.questionRecord(it.at, a)
	case it.vote != nil:
		rec = r.voteRecord(it.at, it.vote)
	}
	if rec == nil {
		return
	}
	wctx, done := context.WithTimeout(ctx, writeTimeout)
	defer done()
	if err := r.opts.Store.Add(wctx, *rec); err != nil {
		r.failures.Add(1)
		r.log.Warn("review record not written", "outcome", string(rec.Outcome), "platform", string(rec.Platform), "error", err.Error())
		return
	}
	r.written.Add(1)
	r.records.WithLabelValues(string(rec.Outcome)).Inc()
}

// flush writes the daily counts waiting in days and forgets them.
func (r *Recorder) flush(ctx context.Context, days map[Day]int) {
	for d, n := range days {
		d.Count = n
		wctx, done := context.WithTimeout(ctx, writeTimeout)
		err := r.opts.Store.Count(wctx, d)
		done()
		if err != nil {
			r.failures.Add(1)
			r.log.Warn("review daily count not written", "date", d.Date, "error", err.Error())
		}
		delete(days, d)
	}
}

// classOf is how the chart counts a reply; false for a message that asked nothing.
func classOf(r answers.Reply) (Class, bool) {
	switch {
	case r.Kind == answers.KindEmpty || r.Kind == answers.KindTooLong:
		return "", false
	case r.Answered:
		return ClassAnswered, true
	case r.Kind == answers.KindNotInArticle:
		return ClassNearMiss, true
	}
	return ClassNotAnswered, true
}

// OutcomeOf is why a reply is worth recording, and false when it is not: an answer
// given with confidence and no close second, or a message that asked nothing.
func OutcomeOf(r answers.Reply, lowConfidence float64) (Outcome, bool) {
	switch {
	case r.Kind == answers.KindNotInArticle:
		return NearMiss, true
	case r.Answered && r.Confidence < lowConfidence:
		return LowConfidence, true
	case r.Answered && r.DidYouMean != nil:
		return CloseSecond, true
	case r.Answered:
		return "", false
	case r.Kind == answers.KindUnknown:
		return Unanswered, true
	}
	// An empty or too long message, an instruction, a question whose subject the bot
	// asked about: nothing a curator can add an entry for.
	return "", false
}

func (r *Recorder) questionRecord(at time.Time, a *adapters.Asked) *Record {
	outcome, ok := OutcomeOf(a.Reply, r.opts.LowConfidence)
	if !ok {
		return nil
	}
	read := a.Read
	if read == "" {
		read = a.Reply.Question
	}
	rec := &Record{ID: randomID(), Time: at.UTC(), Platform: a.Platform, Place: a.Place,
		User: r.userHash(a.Platform, a.UserID), Question: read, Outcome: outcome, Confidence: a.Reply.Confidence,
		Shown: a.Reply.ID, Nearest: r.nearest(read, a.Reply)}
	return rec
}

func (r *Recorder) voteRecord(at time.Time, v *adapters.Vote) *Record {
	outcome := VotedDown
	if v.Up {
		outcome = VotedUp
	}
	user := r.userHash(v.Platform, v.UserID)
	// One vote per user and answer: a second press replaces the first.
	id := "vote:" + r.hash(string(v.Platform) + "\x00" + v.Answer + "\x00" + user)[:32]
	return &Record{ID: id, Time: at.UTC(), Platform: v.Platform, Place: v.Place, User: user,
		Question: v.Question, Outcome: outcome, Shown: v.EntryID}
}

// nearest is the three entries the engine ranks best for the question, or those the
// reply names when there is no engine to ask.
func (r *Recorder) nearest(question string, reply answers.Reply) []Nearest {
	var out []Nearest
	if r.opts.Engine != nil && question != "" {
		_, x := r.opts.Engine.Explain(question)
		for _, ask := range x.Asks {
			for _, c := range ask.Candidates {
				if len(out) == 3 || c.Score <= 0 {
					break
				}
				out = append(out, Nearest{ID: c.ID, Score: round(c.Score)})
			}
			if len(out) > 0 {
				break
			}
		}
	}
	if r.opts.Engine != nil {
		// None near: an unknown reply's suggestions are things to ask instead, not
		// entries near the question.
		return out
	}
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] && len(out) < 3 {
			seen[id] = true
			out = append(out, Nearest{ID: id})
		}
	}
	add(reply.ID)
	if reply.DidYouMean != nil {
		add(reply.DidYouMean.ID)
	}
	for _, s := range reply.Suggestions {
		add(s.ID)
	}
	return out
}

func (r *Recorder) userHash(p adapters.Platform, user string) string {
	if user == "" {
		return ""
	}
	return r.hash(string(p) + ":" + user)
}

// hash is the HMAC-SHA256 of s under the secret, in hex.
func (r *Recorder) hash(s string) string {
	m := hmac.New(sha256.New, r.secret)
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}

func randomID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// NewSecret makes a random HMAC secret, for a store that has none yet.
func NewSecret() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}

func round(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
