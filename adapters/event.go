package adapters

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"
)

// Platform names a chat platform in events, logs and metrics.
type Platform string

// The platforms the bot serves.
const (
	Discord Platform = "discord"
	Slack   Platform = "slack"
)

// Platforms lists every platform, for metrics that start at zero.
var Platforms = []Platform{Discord, Slack}

// Kind is what sort of event a user sent.
type Kind int

// Kinds of event. A question and a pressed suggestion are questions; the rest are not.
const (
	KindOther        Kind = iota // anything else the platform sent
	KindQuestion                 // a free question: a mention, a direct message, /ask
	KindButton                   // a suggested question pressed
	KindShare                    // a private answer posted to the channel
	KindCommand                  // a command that asks nothing: /quote, /timeline, /experts, /about
	KindAutocomplete             // an option being typed
	KindFeedback                 // a 👍 or 👎 pressed under an answer
)

// Kinds lists every kind, for metrics that start at zero.
var Kinds = []Kind{KindOther, KindQuestion, KindButton, KindShare, KindCommand, KindAutocomplete, KindFeedback}

// String names the kind, for logs and metric labels.
func (k Kind) String() string {
	switch k {
	case KindQuestion:
		return "question"
	case KindButton:
		return "button"
	case KindShare:
		return "share"
	case KindCommand:
		return "command"
	case KindAutocomplete:
		return "autocomplete"
	case KindFeedback:
		return "feedback"
	default:
		return "other"
	}
}

// IsQuestion reports whether events of the kind ask the engine a question, and so count
// as questions in metrics.
func (k Kind) IsQuestion() bool { return k == KindQuestion || k == KindButton }

// Outcome is how the handling of one event ended.
type Outcome int

// Outcomes of handling one event.
const (
	OutcomeAnswered Outcome = iota // an answer, a quote, a list or autocomplete choices
	OutcomeUnknown                 // the bot said it does not know
	OutcomeHelp                    // the help or about text
	OutcomeShared                  // a private answer was posted to the channel
	OutcomeInvalid                 // an unknown command or button, or a malformed request
	OutcomeIgnored                 // nothing to answer
	OutcomeRefused                 // Hooks.Before refused the event
	OutcomeFailed                  // the reply could not be delivered
	OutcomePanic                   // handling panicked; the panic was recovered and logged
)

// Outcomes lists every outcome, for metrics that start at zero.
var Outcomes = []Outcome{OutcomeAnswered, OutcomeUnknown, OutcomeHelp, OutcomeShared, OutcomeInvalid,
	OutcomeIgnored, OutcomeRefused, OutcomeFailed, OutcomePanic}

// String names the outcome, for logs and metric labels.
func (o Outcome) String() string {
	switch o {
	case OutcomeAnswered:
		return "answered"
	case OutcomeUnknown:
		return "unknown"
	case OutcomeHelp:
		return "help"
	case OutcomeShared:
		return "shared"
	case OutcomeInvalid:
		return "invalid"
	case OutcomeIgnored:
		return "ignored"
	case OutcomeRefused:
		return "refused"
	case OutcomeFailed:
		return "failed"
	case OutcomePanic:
		return "panic"
	}
	return fmt.Sprintf("outcome(%d)", int(o))
}

// Event is one thing a user sent, as every adapter describes it to the lifecycle.
type Event struct {
	Platform  Platform
	Kind      Kind
	ID        string // the event, interaction or message id
	UserID    string // who sent it
	ChannelID string // where they sent it
	Name      string // the command, button or the platform's own event type, for logs
}

// Hooks let the caller observe and refuse events; both are optional. Before runs before
// an event is handled, and a non-nil error refuses it. After runs once the event has
// been handled or refused, with its outcome and duration, and once more with
// OutcomeFailed when a reply delivered afterwards is lost.
type Hooks struct {
	Before func(ctx context.Context, ev Event) error
	After  func(ctx context.Context, ev Event, outcome Outcome, took time.Duration)
}

// Refusal is an error Hooks.Before returns to refuse an event; a non-empty Message is
// shown to the asker alone, an empty one refuses silently.
type Refusal struct {
	Message string
}

// Error says the event was refused, and why.
func (r *Refusal) Error() string {
	if r.Message == "" {
		return "refused"
	}
	return "refused: " + r.Message
}

// RefusalMessage returns what to tell the user for a refusal error, or "" for silence.
func RefusalMessage(err error) string {
	var r *Refusal
	if errors.As(err, &r) {
		return strings.TrimSpace(r.Message)
	}
	return ""
}

// Lifecycle is what every event goes through, whatever its platform: the Before hook,
// the handler with its panics recovered, one log line, the After hook, and metrics.
// Its zero value logs nowhere and counts nothing; every field is optional.
type Lifecycle struct {
	Log     *slog.Logger
	Hooks   Hooks
	Metrics *Metrics
}

func (l Lifecycle) logger() *slog.Logger {
	if l.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l.Log
}

// eventLog is the logger for one event, with its ids.
func (l Lifecycle) eventLog(ev Event) *slog.Logger {
	return l.logger().With("platform", string(ev.Platform), "kind", ev.Kind.String(), "event_id", ev.ID,
		"user_id", ev.UserID, "channel_id", ev.ChannelID, "name", ev.Name)
}

// Handle runs handle for one event. It asks Hooks.Before first, and a refusal skips the
// handler; it recovers a panic in the handler or a hook; it logs the outcome (at debug
// for autocomplete, which comes with every keystroke; at error for a failure) and
// reports it to Hooks.After and to the metrics. It returns the outcome and Before's
// refusal, if any. A handler's error means its reply was lost: the outcome is then
// OutcomeFailed, whatever the handler said, unless the error is ErrHandedOver (the reply
// was left pending for another instance).
func (l Lifecycle) Handle(ctx context.Context, ev Event, handle func(ctx context.Context) (Outcome, error)) (outcome Outcome, refusal error) {
	start := time.Now()
	log := l.eventLog(ev)
	var failure error
	defer func() {
		if p := recover(); p != nil {
			outcome = OutcomePanic
			l.Metrics.Panicked(ev.Platform)
			log.Error("panic while handling an event", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
		took := time.Since(start)
		level := slog.LevelInfo
		switch {
		case outcome == OutcomeFailed || outcome == OutcomePanic:
			level = slog.LevelError
		case ev.Kind == KindAutocomplete:
			level = slog.LevelDebug
		}
		attrs := []any{"outcome", outcome.String(), "duration", took}
		if failure != nil {
			attrs = append(attrs, "error", failure.Error())
		}
		log.Log(ctx, level, "event handled", attrs...)
		l.Metrics.Event(ev, outcome, took)
		if outcome == OutcomeFailed {
			l.Metrics.ReplyLost(ev.Platform)
		}
		l.after(ctx, log, ev, outcome, took)
	}()
	if l.Hooks.Before != nil {
		if err := l.Hooks.Before(ctx, ev); err != nil {
			log.Info("event refused", "reason", err.Error())
			return OutcomeRefused, err
		}
	}
	outcome, failure = handle(ctx)
	if failure != nil && !errors.Is(failure, ErrHandedOver) {
		outcome = OutcomeFailed
	}
	return outcome, nil
}

// after calls Hooks.After, recovering a panic in it.
func (l Lifecycle) after(ctx context.Context, log *slog.Logger, ev Event, outcome Outcome, took time.Duration) {
	if l.Hooks.After == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			log.Error("panic in Hooks.After", "panic", fmt.Sprint(p))
		}
	}()
	l.Hooks.After(ctx, ev, outcome, took)
}

// Undelivered reports a reply that was lost after its event was handled (a Discord
// message the gateway could not send): it is logged with the event's ids, counted as
// lost, and passed to Hooks.After as OutcomeFailed.
func (l Lifecycle) Undelivered(ctx context.Context, ev Event, err error) {
	log := l.eventLog(ev)
	log.Error("reply lost", "error", err.Error())
	l.Metrics.ReplyLost(ev.Platform)
	l.after(ctx, log, ev, OutcomeFailed, 0)
}

// Limiter decides whether one platform user may ask now. UserLimiter keeps each user's
// bucket in this instance's memory; a store shared by several instances (Redis) keeps
// one bucket per user for all of them.
type Limiter interface {
	Limit(ctx context.Context, platform, user string) Decision
}

// RateLimit returns the Before hook that limits each user's events with limiter,
// counting and logging each refusal. Autocomplete is never limited: it is not a
// question, and it comes with every keystroke.
func RateLimit(limiter Limiter, metrics *Metrics, log *slog.Logger) func(context.Context, Event) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return func(ctx context.Context, ev Event) error {
		if limiter == nil || ev.Kind == KindAutocomplete {
			return nil
		}
		d := limiter.Limit(ctx, string(ev.Platform), ev.UserID)
		if d == Allow {
			return nil
		}
		metrics.RateLimited(ev.Platform)
		if d == Warn {
			log.Info("rate limited", "platform", string(ev.Platform), "event_id", ev.ID, "user_id", ev.UserID, "reply", "slow down")
			return &Refusal{Message: SlowDown}
		}
		log.Debug("rate limited", "platform", string(ev.Platform), "event_id", ev.ID, "user_id", ev.UserID, "reply", "none")
		return &Refusal{}
	}
}
