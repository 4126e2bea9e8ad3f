// Package slack puts the answer engine in front of Slack users: mentions answered in
// threads, direct messages, and the /ask, /quote and /timeline slash commands, over
// Socket Mode (SocketMode) or the Events API over HTTP (EventsHandler), with replies
// rendered as Block Kit.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/borderbot/borderbot/answers"
	"github.com/slack-go/slack"
)

// Engine is the part of the answer engine the Slack adapter uses.
type Engine interface {
	Answer(question string) answers.Reply
	AnswerID(id string) (answers.Reply, bool)
	Quotes(expert, topic string) []answers.Quote
	Experts() []answers.Expert
	Timeline() []answers.Event
	About() answers.About
}

// Event kinds, as Event.Kind names them.
const (
	KindMention     = "app_mention"   // @bot in a channel
	KindDirect      = "message.im"    // a direct message to the bot
	KindCommand     = "slash_command" // /ask, /quote, /timeline
	KindInteraction = "block_actions" // a button pressed on one of the bot's messages
)

// Event describes one piece of work the adapter is about to do, for Hooks.
type Event struct {
	Kind      string // one of the Kind constants
	ID        string // the Events API event id, or the trigger id of a command or interaction
	UserID    string // the Slack user who asked
	ChannelID string // where they asked
	Command   string // "/ask" and the like, for KindCommand
}

// Outcomes of handling one event, as logged and passed to Hooks.After.
const (
	OutcomeAnswered = "answered" // an answer was posted
	OutcomeUnknown  = "unknown"  // "I don't know" was posted
	OutcomeHelp     = "help"     // help, a quote or the timeline was posted
	OutcomeShared   = "shared"   // an ephemeral /ask answer was posted to the channel
	OutcomeIgnored  = "ignored"  // nothing to do: an unknown command or button
	OutcomeRefused  = "refused"  // Hooks.Before refused the event
	OutcomeFailed   = "failed"   // the reply could not be posted, even after retries
	OutcomePanic    = "panic"    // handling panicked; the panic was recovered and logged
)

// Hooks let the caller wrap the handling of every event, for rate limits and metrics.
type Hooks struct {
	// Before, if set, is called before an event is handled; a non-nil error refuses
	// the event: it is logged with the error and nothing is posted.
	Before func(ctx context.Context, ev Event) error
	// After, if set, is called once each event has been handled or refused, with its
	// outcome (one of the Outcome constants) and how long it took.
	After func(ctx context.Context, ev Event, outcome string, elapsed time.Duration)
}

// Refusal is an error Hooks.Before may return to refuse an event and tell the user why:
// a non-empty Message is shown to the asker alone (in a DM, in the DM).
type Refusal struct {
	Message string // plain text for the user; empty refuses silently
}

// Error says the event was refused.
func (r *Refusal) Error() string {
	if r.Message == "" {
		return "refused"
	}
	return "refused: " + r.Message
}

// Defaults for the options common to both modes.
const (
	// DefaultPostRetries is how many times a failed post is retried.
	DefaultPostRetries = 3
	// DefaultRetryBackoff is the first wait before retrying a post Slack gave no Retry-After for.
	DefaultRetryBackoff = 500 * time.Millisecond
	// DefaultReplyTimeout bounds the handling of one event, its retries included.
	DefaultReplyTimeout = 30 * time.Second
	// maxRetryWait is the longest the adapter waits before retrying one post.
	maxRetryWait = 60 * time.Second
)

// common holds what both modes share, once their options are checked.
type common struct {
	botToken     string
	apiURL       string
	log          *slog.Logger
	hooks        Hooks
	retries      int
	backoff      time.Duration
	replyTimeout time.Duration
	httpClient   *http.Client
}

func newCommon(botToken, apiURL string, log *slog.Logger, hooks Hooks, retries int,
	backoff, replyTimeout time.Duration, hc *http.Client) (common, error) {
	switch {
	case strings.TrimSpace(botToken) == "":
		return common{}, errors.New("slack: SLACK_BOT_TOKEN is empty")
	case strings.HasPrefix(botToken, "xapp-"):
		return common{}, errors.New("slack: SLACK_BOT_TOKEN is an app-level token (xapp-…); it must be the bot token (xoxb-…)")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if retries == 0 {
		retries = DefaultPostRetries
	}
	if retries < 0 {
		retries = 0
	}
	if backoff <= 0 {
		backoff = DefaultRetryBackoff
	}
	if replyTimeout <= 0 {
		replyTimeout = DefaultReplyTimeout
	}
	if hc == nil {
		hc = &http.Client{Timeout: 15 * time.Second}
	}
	if apiURL != "" && !strings.HasSuffix(apiURL, "/") {
		apiURL += "/"
	}
	return common{botToken: botToken, apiURL: apiURL, log: log.With("adapter", "slack"), hooks: hooks,
		retries: retries, backoff: backoff, replyTimeout: replyTimeout, httpClient: hc}, nil
}

// clientOptions are the slack-go options for the Web API client.
func (c common) clientOptions() []slack.Option {
	opts := []slack.Option{slack.OptionHTTPClient(c.httpClient)}
	if c.apiURL != "" {
		opts = append(opts, slack.OptionAPIURL(c.apiURL))
	}
	return opts
}

// authTest asks Slack who the bot token belongs to, naming the token when Slack refuses it.
func authTest(ctx context.Context, api *slack.Client) (*slack.AuthTestResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	res, err := api.AuthTestContext(ctx)
	if err != nil {
		var se slack.SlackErrorResponse
		if errors.As(err, &se) {
			return nil, fmt.Errorf("slack: Slack refused SLACK_BOT_TOKEN in auth.test (%s): check the bot token (xoxb-…) of the installed app: %w", se.Err, err)
		}
		return nil, fmt.Errorf("slack: auth.test with SLACK_BOT_TOKEN: %w", err)
	}
	if res.UserID == "" {
		return nil, errors.New("slack: auth.test with SLACK_BOT_TOKEN returned no user id")
	}
	return res, nil
}
