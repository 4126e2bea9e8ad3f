package adapters

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// OutcomeRejected labels questions refused, as rate-limited or invalid, in
// bot_questions_total; the other labels are OutcomeAnswered and OutcomeUnknown.
const OutcomeRejected = "rejected"

// Metrics is what every adapter reports to Prometheus.
type Metrics struct {
	questions   *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	failures    *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	panics      *prometheus.CounterVec
}

// NewMetrics creates the bot's metrics and registers them, with build info, on reg.
func NewMetrics(reg prometheus.Registerer, version string) *Metrics {
	m := &Metrics{
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_questions_total", Help: "Questions received, by platform and outcome (answered, unknown, rejected).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "bot_answer_seconds", Help: "Time to answer a question, from receipt to reply sent.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"platform"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_reply_failures_total", Help: "Replies that could not be delivered after every retry.",
		}, []string{"platform"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_rate_limited_total", Help: "Questions refused because their user was over the rate limit.",
		}, []string{"platform"}),
		panics: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bot_panics_total", Help: "Panics recovered while handling one event.",
		}, []string{"platform"}),
	}
	info := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "bot_build_info", Help: "Always 1; the version is a label.", ConstLabels: prometheus.Labels{"version": version},
	})
	info.Set(1)
	reg.MustRegister(m.questions, m.latency, m.failures, m.rateLimited, m.panics, info)
	return m
}

// Question counts one question and, unless it was rejected, how long its answer took.
func (m *Metrics) Question(platform, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.questions.WithLabelValues(platform, outcome).Inc()
	if outcome != OutcomeRejected {
		m.latency.WithLabelValues(platform).Observe(took.Seconds())
	}
}

// ReplyFailed counts a reply that was lost after its retries.
func (m *Metrics) ReplyFailed(platform string) {
	if m != nil {
		m.failures.WithLabelValues(platform).Inc()
	}
}

// RateLimited counts a question refused by the rate limit.
func (m *Metrics) RateLimited(platform string) {
	if m != nil {
		m.rateLimited.WithLabelValues(platform).Inc()
	}
}

// Panicked counts a panic recovered while handling an event.
func (m *Metrics) Panicked(platform string) {
	if m != nil {
		m.panics.WithLabelValues(platform).Inc()
	}
}
