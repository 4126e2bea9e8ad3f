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
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// Engine is the part of the answer engine the Slack adapter uses.
type Engine interface {
	Answer(question string) answers.Reply
	AnswerIn(c answers.Context, message string) (answers.Reply, answers.Context)
	AnswerID(id string) (answers.Reply, bool)
	Quotes(expert, topic string) []answers.Quote
	Experts() []answers.Expert
	Timeline() []answers.Event
	About() answers.About
}

// The names of Slack's events as the lifecycle logs them, beside their kind.
const (
	nameMention = "app_mention" // @bot in a channel: a question
	nameDirect  = "message.im"  // a direct message to the bot: a question
)

// platform names Slack in events, logs and metrics.
const platform = adapters.Slack

// common holds what both modes share, once their options are checked.
type common struct {
	botToken string
	apiURL   string
	log      *slog.Logger
	lc       adapters.Lifecycle
	delivery Delivery
}

func newCommon(botToken, apiURL string, log *slog.Logger, hooks adapters.Hooks, metrics *adapters.Metrics, d Delivery) (common, error) {
	switch {
	case strings.TrimSpace(botToken) == "":
		return common{}, errors.New("slack: SLACK_BOT_TOKEN is empty")
	case strings.HasPrefix(botToken, "xapp-"):
		return common{}, errors.New("slack: SLACK_BOT_TOKEN is an app-level token (xapp-…); it must be the bot token (xoxb-…)")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if apiURL != "" && !strings.HasSuffix(apiURL, "/") {
		apiURL += "/"
	}
	return common{botToken: botToken, apiURL: apiURL, log: log.With("platform", string(platform)),
		lc: adapters.Lifecycle{Log: log, Hooks: hooks, Metrics: metrics}, delivery: d.withDefaults()}, nil
}

// clientOptions are the slack-go options every Web API client shares.
func (c common) clientOptions() []slack.Option {
	if c.apiURL == "" {
		return nil
	}
	return []slack.Option{slack.OptionAPIURL(c.apiURL)}
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
