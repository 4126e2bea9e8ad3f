package adapters

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// The outcomes bot_questions_total counts, coarser than Outcome.
const (
	questionAnswered = "answered" // answered, with help, or shared
	questionUnknown  = "unknown"  // the bot said it does not know
	questionRejected = "rejected" // refused by the rate limit, or invalid
	questionFailed   = "failed"   // the reply was lost, or handling panicked
)

var questionOutcomes = []string{questionAnswered, questionUnknown, questionRejected, questionFailed}

// questionOutcome maps an event's outcome to bot_questions_total's label, or "" for
// outcomes that are not counted there (an ignored event asked nothing).
func questionOutcome(o Outcome) string {
	switch o {
	case OutcomeAnswered, OutcomeHelp, OutcomeShared:
		return questionAnswered
	case OutcomeUnknown:
		return questionUnknown
	case OutcomeRefused, OutcomeInvalid:
		return questionRejected
	case OutcomeFailed, OutcomePanic:
		return questionFailed
	}
	return ""
}

// Metrics is what every adapter reports to Prometheus. A nil *Metrics counts nothing.
// Every labelled series exists from the start, at zero, so that a rate or an alert on
// it works before the first event of its kind.
type Metrics struct {
	events      *prometheus.CounterVec
	questions   *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	lost        *prometheus.CounterVec
	doubled     *prometheus.CounterVec
	pending     *prometheus.GaugeVec
	handedOver  *prometheus.CounterVec
	claimed     *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	panics      *prometheus.CounterVec
}

// NewMetrics creates the bot's metrics and registers them, with build info, on reg.
func NewMetrics(reg prometheus.Registerer, version string) *Metrics {
	m := &Metrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_events_total", Help: "Events handled, by platform, kind (question, button, share, command, autocomplete, feedback, other) and outcome.",
		}, []string{"platform", "kind", "outcome"}),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_questions_total", Help: "Questions asked (free questions and pressed suggestions), by platform and outcome (answered, unknown, rejected, failed).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "bot_answer_seconds", Help: "Time to answer a question, from receipt to the reply accepted by the platform.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300},
		}, []string{"platform"}),
		lost: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_replies_lost_total", Help: "Replies that were never delivered: given up after their deadline, refused by the platform, or still pending at shutdown.",
		}, []string{"platform"}),
		doubled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_replies_doubled_total", Help: "Replies found delivered more than once.",
		}, []string{"platform"}),
		pending: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "bot_replies_pending", Help: "Replies waiting in the outgoing queues.",
		}, []string{"platform"}),
		handedOver: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_replies_handed_over_total", Help: "Replies still pending at shutdown that were left in the shared store for another instance to deliver.",
		}, []string{"platform"}),
		claimed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_replies_claimed_total", Help: "Replies another instance left pending (at shutdown, or by dying) that this instance took over.",
		}, []string{"platform"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_rate_limited_total", Help: "Events refused because their user was over the rate limit.",
		}, []string{"platform"}),
		panics: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_panics_total", Help: "Panics recovered while handling one event.",
		}, []string{"platform"}),
	}
	info := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "bot_build_info", Help: "Always 1; the version is a label.", ConstLabels: prometheus.Labels{"version": version},
	})
	info.Set(1)
	for _, p := range Platforms {
		pl := string(p)
		for _, k := range Kinds {
			for _, o := range Outcomes {
				m.events.WithLabelValues(pl, k.String(), o.String())
			}
		}
		for _, o := range questionOutcomes {
			m.questions.WithLabelValues(pl, o)
		}
		m.latency.WithLabelValues(pl)
		m.lost.WithLabelValues(pl)
		m.doubled.WithLabelValues(pl)
		m.pending.WithLabelValues(pl)
		m.handedOver.WithLabelValues(pl)
		m.claimed.WithLabelValues(pl)
		m.rateLimited.WithLabelValues(pl)
		m.panics.WithLabelValues(pl)
	}
	reg.MustRegister(m.events, m.questions, m.latency, m.lost, m.doubled, m.pending, m.handedOver, m.claimed, m.rateLimited, m.panics, info)
	return m
}

// Event counts one handled event and, when it was a question that was answered (or
// said it did not know), how long its answer took.
func (m *Metrics) Event(ev Event, outcome Outcome, took time.Duration) {
	if m == nil {
		return
	}
	p := string(ev.Platform)
	m.events.WithLabelValues(p, ev.Kind.String(), outcome.String()).Inc()
	if !ev.Kind.IsQuestion() {
		return
	}
	q := questionOutcome(outcome)
	if q == "" {
		return
	}
	m.questions.WithLabelValues(p, q).Inc()
	if q == questionAnswered || q == questionUnknown {
		m.latency.WithLabelValues(p).Observe(took.Seconds())
	}
}

// ReplyLost counts a reply that was never delivered.
func (m *Metrics) ReplyLost(p Platform) {
	if m != nil {
		m.lost.WithLabelValues(string(p)).Inc()
	}
}

// ReplyDoubled counts a reply found delivered more than once.
func (m *Metrics) ReplyDoubled(p Platform) {
	if m != nil {
		m.doubled.WithLabelValues(string(p)).Inc()
	}
}

// Pending moves the gauge of replies waiting to be delivered by delta.
func (m *Metrics) Pending(p Platform, delta int) {
	if m != nil {
		m.pending.WithLabelValues(string(p)).Add(float64(delta))
	}
}

// ReplyHandedOver counts a reply left pending at shutdown for another instance.
func (m *Metrics) ReplyHandedOver(p Platform) {
	if m != nil {
		m.handedOver.WithLabelValues(string(p)).Inc()
	}
}

// ReplyClaimed counts a reply taken over from another instance.
func (m *Metrics) ReplyClaimed(p Platform) {
	if m != nil {
		m.claimed.WithLabelValues(string(p)).Inc()
	}
}

// RateLimited counts an event refused by the rate limit.
func (m *Metrics) RateLimited(p Platform) {
	if m != nil {
		m.rateLimited.WithLabelValues(string(p)).Inc()
	}
}

// Panicked counts a panic recovered while handling an event.
func (m *Metrics) Panicked(p Platform) {
	if m != nil {
		m.panics.WithLabelValues(string(p)).Inc()
	}
}

// Collectors are the store's metrics: bot_conversations, the conversations held, and
// bot_conversations_evicted_total, those forgotten before their TTL for want of room
// (a store that keeps evicting is too small for its traffic).
func (m *MemoryConversations) Collectors() []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "bot_conversations", Help: "Conversations remembered in memory, whose TTL has not passed.",
		}, func() float64 { n, _, _ := m.Stats(); return float64(n) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "bot_conversations_evicted_total", Help: "Conversations forgotten before their TTL, for want of room.",
		}, func() float64 { _, _, n := m.Stats(); return float64(n) }),
	}
}
