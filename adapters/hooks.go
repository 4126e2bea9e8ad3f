package adapters

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"
)

// Event describes one incoming platform event, for Hooks.
type Event struct {
	Platform  string // "discord" or "slack"
	Kind      string // the platform's kind of event, one of its adapter's Kind constants
	ID        string // the event, interaction or message id
	UserID    string // who sent it
	ChannelID string // where they sent it
	Name      string // the command or button, where there is one
}

// Outcomes of handling one event, as adapters log them and pass them to Hooks.After.
const (
	OutcomeAnswered = "answered" // an answer, a quote, a list or autocomplete choices
	OutcomeUnknown  = "unknown"  // the bot said it does not know
	OutcomeHelp     = "help"     // the help or about text
	OutcomeShared   = "shared"   // a private answer was posted to the channel
	OutcomeInvalid  = "invalid"  // an unknown command or button, or a malformed request
	OutcomeIgnored  = "ignored"  // nothing to answer
	OutcomeRefused  = "refused"  // Hooks.Before refused the event
	OutcomeFailed   = "failed"   // the reply could not be delivered, even after retries
	OutcomePanic    = "panic"    // handling panicked; the panic was recovered and logged
)

// Hooks let the caller observe and refuse events, for rate limits and metrics; both are
// optional. Before runs before an event is handled, and a non-nil error refuses it. After
// runs once the event has been handled or refused, with its outcome and duration, and
// once more with OutcomeFailed if an adapter that delivers the reply afterwards could not.
type Hooks struct {
	Before func(ctx context.Context, ev Event) error
	After  func(ctx context.Context, ev Event, outcome string, elapsed time.Duration)
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

// NewHooks returns the hooks that rate-limit each user's questions and report every
// event's outcome to metrics. Autocomplete is not a question and is never limited.
func NewHooks(limiter *UserLimiter, metrics *Metrics, log *slog.Logger) Hooks {
	if log == nil {
		log = slog.Default()
	}
	return Hooks{
		Before: func(ctx context.Context, ev Event) error {
			if limiter == nil || ev.Kind == "autocomplete" {
				return nil
			}
			switch d := limiter.Check(ev.Platform, ev.UserID); d {
			case Allow:
				return nil
			case Warn:
				metrics.RateLimited(ev.Platform)
				log.Info("rate limited", "platform", ev.Platform, "event_id", ev.ID, "user_id", ev.UserID, "reply", "slow down")
				return &Refusal{Message: SlowDown}
			default:
				metrics.RateLimited(ev.Platform)
				log.Debug("rate limited", "platform", ev.Platform, "event_id", ev.ID, "user_id", ev.UserID, "reply", "none")
				return &Refusal{}
			}
		},
		After: func(ctx context.Context, ev Event, outcome string, elapsed time.Duration) {
			switch outcome {
			case OutcomeAnswered, OutcomeHelp, OutcomeShared:
				metrics.Question(ev.Platform, OutcomeAnswered, elapsed)
			case OutcomeUnknown:
				metrics.Question(ev.Platform, OutcomeUnknown, elapsed)
			case OutcomeRefused, OutcomeInvalid:
				metrics.Question(ev.Platform, OutcomeRejected, elapsed)
			case OutcomeFailed:
				metrics.ReplyFailed(ev.Platform)
			case OutcomePanic:
				metrics.Panicked(ev.Platform)
			}
		},
	}
}
