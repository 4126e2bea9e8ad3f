package adapters

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/borderbot/borderbot/internal/testkit"
)

func TestLifecycleHandle(t *testing.T) {
	logs := &testkit.LogBuffer{}
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg, "v1")
	var after []string
	l := Lifecycle{
		Log:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})),
		Metrics: m,
		Hooks: Hooks{
			Before: func(_ context.Context, ev Event) error {
				if ev.UserID == "slow" {
					return &Refusal{Message: SlowDown}
				}
				return nil
			},
			After: func(_ context.Context, ev Event, o Outcome, _ time.Duration) {
				after = append(after, ev.ID+"/"+o.String())
			},
		},
	}
	ctx := context.Background()
	q := func(id, user string) Event {
		return Event{Platform: Slack, Kind: KindQuestion, ID: id, UserID: user, ChannelID: "C1", Name: "app_mention"}
	}

	if o, r := l.Handle(ctx, q("e1", "u"), func(context.Context) (Outcome, error) { return OutcomeAnswered, nil }); o != OutcomeAnswered || r != nil {
		t.Errorf("plain event: %s %v", o, r)
	}
	if o, r := l.Handle(ctx, q("e2", "slow"), func(context.Context) (Outcome, error) {
		t.Error("a refused event was handled")
		return OutcomeAnswered, nil
	}); o != OutcomeRefused || RefusalMessage(r) != SlowDown {
		t.Errorf("refused event: %s %v", o, r)
	}
	if o, _ := l.Handle(ctx, q("e3", "u"), func(context.Context) (Outcome, error) { panic("boom") }); o != OutcomePanic {
		t.Errorf("panicking handler: %s", o)
	}
	if o, _ := l.Handle(ctx, q("e4", "u"), func(context.Context) (Outcome, error) {
		return OutcomeAnswered, errors.New("chat.postMessage: channel_not_found")
	}); o != OutcomeFailed {
		t.Errorf("a handler whose reply was lost: %s, want failed", o)
	}
	l.Handle(ctx, Event{Platform: Discord, Kind: KindAutocomplete, ID: "e5"}, func(context.Context) (Outcome, error) { return OutcomeAnswered, nil })

	if got := strings.Join(after, " "); got != "e1/answered e2/refused e3/panic e4/failed e5/answered" {
		t.Errorf("After saw %q", got)
	}
	out := logs.String()
	for _, want := range []string{
		`level=INFO msg="event handled" platform=slack kind=question event_id=e1 user_id=u channel_id=C1 name=app_mention outcome=answered duration=`,
		`level=ERROR msg="panic while handling an event" platform=slack kind=question event_id=e3`,
		`outcome=failed duration=`, `error="chat.postMessage: channel_not_found"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "event_id=e5") {
		t.Errorf("autocomplete logged at info:\n%s", out)
	}
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"panics", testutil.ToFloat64(m.panics.WithLabelValues("slack")), 1},
		{"lost", testutil.ToFloat64(m.lost.WithLabelValues("slack")), 1},
		{"rejected", testutil.ToFloat64(m.questions.WithLabelValues("slack", "rejected")), 1},
		{"failed", testutil.ToFloat64(m.questions.WithLabelValues("slack", "failed")), 2},
		{"discord questions", testutil.ToFloat64(m.questions.WithLabelValues("discord", "answered")), 0},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}

	// Undelivered: a reply lost after its event was handled.
	l.Undelivered(ctx, Event{Platform: Discord, Kind: KindQuestion, ID: "e6"}, errors.New("403 Missing Access"))
	if got := testutil.ToFloat64(m.lost.WithLabelValues("discord")); got != 1 {
		t.Errorf("lost on discord = %v", got)
	}
	if !strings.Contains(logs.String(), `msg="reply lost" platform=discord kind=question event_id=e6`) || after[len(after)-1] != "e6/failed" {
		t.Errorf("an undelivered reply is not logged and reported:\n%s", logs.String())
	}
}
