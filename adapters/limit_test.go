package adapters

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/borderbot/borderbot/internal/testkit"
)

// clock is a settable time source.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestUserLimiterWarnsOnceThenDropsUntilRefill(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := NewUserLimiter(6, 2, c.now) // one token every 10 s, two at once
	want := []Decision{Allow, Allow, Warn, Drop, Drop}
	for i, w := range want {
		if got := l.Check("slack", "U1"); got != w {
			t.Fatalf("question %d: %s, want %s", i+1, got, w)
		}
	}
	if got := l.Check("slack", "U2"); got != Allow {
		t.Errorf("another user was limited: %s", got)
	}
	if got := l.Check("discord", "U1"); got != Allow {
		t.Errorf("the same id on another platform was limited: %s", got)
	}
	// One token back: the user may ask once more, and is not warned again.
	c.t = c.t.Add(10 * time.Second)
	if got := l.Check("slack", "U1"); got != Allow {
		t.Errorf("after one token came back: %s, want allow", got)
	}
	if got := l.Check("slack", "U1"); got != Drop {
		t.Errorf("over the limit again within the burst: %s, want drop (one warning per burst)", got)
	}
	// The bucket full again: a new burst, and a new warning once it is spent.
	c.t = c.t.Add(30 * time.Second)
	for i, w := range []Decision{Allow, Allow, Warn, Drop} {
		if got := l.Check("slack", "U1"); got != w {
			t.Errorf("second burst, question %d: %s, want %s", i+1, got, w)
		}
	}
}

func TestUserLimiterForgetsIdleUsers(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := NewUserLimiter(60, 1, c.now)
	for i := 0; i < 100; i++ {
		l.Check("slack", strings.Repeat("u", i+1))
	}
	c.t = c.t.Add(time.Hour)
	for i := 0; i < 1024; i++ {
		l.Check("slack", "active")
	}
	if n := l.Users(); n != 1 {
		t.Errorf("%d users held after an hour idle, want only the active one", n)
	}
}

func TestMetricsCountByPlatformKindAndOutcome(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg, "v1.2.3")
	ask := Event{Platform: Slack, Kind: KindQuestion}
	m.Event(ask, OutcomeAnswered, time.Millisecond)
	m.Event(ask, OutcomeHelp, time.Millisecond)
	m.Event(Event{Platform: Discord, Kind: KindButton}, OutcomeUnknown, time.Millisecond)
	m.Event(Event{Platform: Discord, Kind: KindAutocomplete}, OutcomeAnswered, time.Millisecond)
	m.Event(Event{Platform: Discord, Kind: KindCommand}, OutcomeAnswered, time.Millisecond)
	m.RateLimited(Slack)
	m.ReplyLost(Discord)
	m.Panicked(Slack)
	if got := testutil.ToFloat64(m.questions.WithLabelValues("slack", "answered")); got != 2 {
		t.Errorf("answered on slack = %v, want 2", got)
	}
	// Autocomplete and commands are events, not questions, and take no answer latency.
	if got := testutil.ToFloat64(m.questions.WithLabelValues("discord", "answered")); got != 0 {
		t.Errorf("answered questions on discord = %v, want 0: autocomplete and /experts are no questions", got)
	}
	if got := testutil.ToFloat64(m.events.WithLabelValues("discord", "autocomplete", "answered")); got != 1 {
		t.Errorf("autocomplete events = %v, want 1", got)
	}
	if got := testutil.CollectAndCount(m.latency); got != len(Platforms) {
		t.Errorf("%d latency series, want one per platform", got)
	}
	if got := testkit.PlatformSample(t, reg, "bot_answer_seconds", "discord"); got != 1 {
		t.Errorf("bot_answer_seconds_count{discord} = %v, want 1 (the button, not the autocomplete)", got)
	}
	info := `
# HELP bot_build_info Always 1; the version is a label.
# TYPE bot_build_info gauge
bot_build_info{version="v1.2.3"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(info), "bot_build_info"); err != nil {
		t.Error(err)
	}
	var nilMetrics *Metrics
	nilMetrics.Event(ask, OutcomeAnswered, 0) // a nil Metrics is a no-op, not a panic
}

// TestMetricsStartAtZeroAndLintClean: every labelled series is exported before the first
// event, and promlint finds nothing to say about any metric.
func TestMetricsStartAtZeroAndLintClean(t *testing.T) {
	reg := prometheus.NewRegistry()
	NewMetrics(reg, "v1")
	problems, err := testutil.GatherAndLint(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("promlint: %s: %s", p.Metric, p.Text)
	}
	want := map[string]int{
		"bot_events_total":              len(Platforms) * len(Kinds) * len(Outcomes),
		"bot_questions_total":           len(Platforms) * len(questionOutcomes),
		"bot_answer_seconds":            len(Platforms),
		"bot_replies_lost_total":        len(Platforms),
		"bot_replies_doubled_total":     len(Platforms),
		"bot_replies_pending":           len(Platforms),
		"bot_replies_handed_over_total": len(Platforms),
		"bot_replies_claimed_total":     len(Platforms),
		"bot_rate_limited_total":        len(Platforms),
		"bot_panics_total":              len(Platforms),
		"bot_build_info":                1,
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range families {
		got[f.GetName()] = len(f.GetMetric())
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d series at start, want %d", name, got[name], n)
		}
	}
}
