package adapters

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
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
	c.t = c.t.Add(10 * time.Second)
	if got := l.Check("slack", "U1"); got != Allow {
		t.Errorf("after a refill: %s, want allow", got)
	}
	if got := l.Check("slack", "U1"); got != Warn {
		t.Errorf("over the limit again: %s, want a new warning", got)
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

func TestMetricsCountByPlatformAndOutcome(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg, "v1.2.3")
	m.Question("slack", OutcomeAnswered, time.Millisecond)
	m.Question("slack", OutcomeAnswered, time.Millisecond)
	m.Question("discord", OutcomeUnknown, time.Millisecond)
	m.RateLimited("slack")
	m.ReplyFailed("discord")
	m.Panicked("slack")
	if got := testutil.ToFloat64(m.questions.WithLabelValues("slack", OutcomeAnswered)); got != 2 {
		t.Errorf("answered on slack = %v", got)
	}
	expected := `
# HELP bot_build_info Always 1; the version is a label.
# TYPE bot_build_info gauge
bot_build_info{version="v1.2.3"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(expected), "bot_build_info"); err != nil {
		t.Error(err)
	}
	var nilMetrics *Metrics
	nilMetrics.Question("slack", OutcomeAnswered, 0) // a nil Metrics is a no-op, not a panic
}
