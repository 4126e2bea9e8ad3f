package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/borderbot/borderbot/adapters"
)

// SocketModeOptions configures a SocketMode connection.
type SocketModeOptions struct {
	BotToken string // SLACK_BOT_TOKEN, xoxb-…: posts replies and calls auth.test
	AppToken string // SLACK_APP_TOKEN, xapp-… with connections:write: opens the socket
	APIURL   string // the Slack Web API base, such as "https://slack.com/api/"; empty means Slack's own
	Logger   *slog.Logger
	Hooks    adapters.Hooks
	// Metrics is where events and lost replies are counted; nil counts nothing.
	Metrics *adapters.Metrics
	// Delivery tunes how replies reach Slack: their deadline, the pace of posts in a
	// channel, retries, the HTTP client and the memory of answered events.
	Delivery Delivery
	// Conversations keeps each thread's, DM's and /ask's context between messages; nil
	// means an in-memory store with adapters.DefaultConversationTTL.
	Conversations adapters.ConversationStore
	// Curator is told of every question answered and every 👍 or 👎; nil shows no
	// feedback buttons.
	Curator adapters.Curator
	// Pictures draws /timeline's and /map's pictures, uploaded to the channel; nil means text alone.
	Pictures Pictures
	// PingInterval is how long the socket may go without a ping from Slack before it is
	// reopened; zero means slack-go's default of 30 seconds.
	PingInterval time.Duration
	// ShutdownGrace is how long Run waits for replies in flight once its context ends;
	// zero means 10 seconds.
	ShutdownGrace time.Duration
}

// SocketMode answers Slack over a Socket Mode websocket, which needs no public URL.
type SocketMode struct {
	bot      *bot
	appToken string
	ping     time.Duration
	grace    time.Duration
	ready    atomic.Bool
}

// NewSocketMode checks the options and returns a SocketMode ready to Run.
func NewSocketMode(engine Engine, opts SocketModeOptions) (*SocketMode, error) {
	switch {
	case strings.TrimSpace(opts.AppToken) == "":
		return nil, errors.New("slack: SLACK_APP_TOKEN is empty; Socket Mode needs an app-level token (xapp-…)")
	case !strings.HasPrefix(opts.AppToken, "xapp-"):
		return nil, errors.New("slack: SLACK_APP_TOKEN is not an app-level token: it must start with xapp- (is it the bot token?)")
	}
	c, err := newCommon(opts.BotToken, opts.APIURL, opts.Logger, opts.Hooks, opts.Metrics, opts.Delivery)
	if err != nil {
		return nil, err
	}
	b, err := newBot(engine, c, nil, opts.Conversations)
	if err != nil {
		return nil, err
	}
	b.curator = opts.Curator
	b.pics = opts.Pictures
	grace := opts.ShutdownGrace
	if grace <= 0 {
		grace = 10 * time.Second
	}
	return &SocketMode{bot: b, appToken: opts.AppToken, ping: opts.PingInterval, grace: grace}, nil
}

// Ready reports whether the socket is connected and events are being answered.
func (s *SocketMode) Ready() bool { return s.ready.Load() }

// Run calls auth.test, then connects and answers events until ctx ends; it then waits
// up to ShutdownGrace for replies in flight and returns nil, the error that stopped it,
// or, when replies were still waiting at the end of the grace period, an error wrapping
// ErrRepliesLost.
// A SocketMode runs once.
func (s *SocketMode) Run(ctx context.Context) error {
	if err := s.bot.start(ctx); err != nil {
		return err
	}
	api := slack.New(s.bot.botToken, append(s.bot.clientOptions(), slack.OptionAppLevelToken(s.appToken))...)
	var opts []socketmode.Option
	if s.ping > 0 {
		opts = append(opts, socketmode.OptionPingInterval(s.ping))
	}
	client := socketmode.New(api, opts...)

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- client.RunContext(runCtx) }()

	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-errc:
			runErr = s.socketError(err)
			break loop
		case evt := <-client.Events:
			s.onEvent(runCtx, client, evt)
		}
	}
	s.ready.Store(false)
	cancel()
	waitCtx, stop := context.WithTimeout(context.Background(), s.grace)
	defer stop()
	if err := s.bot.wait(waitCtx); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// socketError explains why the socket stopped, naming the app token when Slack refused it.
func (s *SocketMode) socketError(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return nil
	}
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("slack: Slack refused SLACK_APP_TOKEN in apps.connections.open (%s): check the app-level token (xapp-…) has the connections:write scope and Socket Mode is on: %w", se.Err, err)
	case strings.Contains(err.Error(), "invalid_auth"), strings.Contains(err.Error(), "not_authed"),
		strings.Contains(err.Error(), "token_revoked"), strings.Contains(err.Error(), "account_inactive"):
		return fmt.Errorf("slack: Slack refused SLACK_APP_TOKEN when opening the socket: %w", err)
	}
	return fmt.Errorf("slack: socket mode stopped: %w", err)
}

// onEvent hands what an envelope carries to the bot, and acks the envelope.
func (s *SocketMode) onEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	log := s.bot.log
	defer func() {
		if p := recover(); p != nil {
			envelope := ""
			if evt.Request != nil {
				envelope = evt.Request.EnvelopeID
			}
			log.Error("panic while reading an envelope", "envelope_id", envelope, "panic", fmt.Sprint(p))
		}
	}()
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		s.ready.Store(false)
		log.Debug("connecting to Socket Mode")
		return
	case socketmode.EventTypeConnected:
		s.ready.Store(true)
		log.Info("connected over Socket Mode")
		return
	case socketmode.EventTypeConnectionError:
		s.ready.Store(false)
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			log.Warn("Socket Mode connection failed, retrying", "attempt", ce.Attempt, "backoff", ce.Backoff, "error", ce.Error())
		}
		return
	case socketmode.EventTypeInvalidAuth:
		s.ready.Store(false)
		log.Error("Slack refused SLACK_APP_TOKEN")
		return
	case socketmode.EventTypeErrorBadMessage:
		bad, _ := evt.Data.(*socketmode.ErrorBadMessage)
		if bad == nil {
			return
		}
		var env struct {
			EnvelopeID string `json:"envelope_id"`
			Type       string `json:"type"`
		}
		_ = json.Unmarshal(bad.Message, &env)
		if env.EnvelopeID != "" {
			s.ack(ctx, client, env.EnvelopeID)
		}
		log.Warn("unreadable Socket Mode envelope acked and dropped", "envelope_id", env.EnvelopeID,
			"type", env.Type, "error", bad.Cause.Error())
		return
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		log.Warn("Socket Mode error", "type", string(evt.Type), "data", fmt.Sprint(evt.Data))
		return
	}
	req := evt.Request
	if req == nil || req.EnvelopeID == "" {
		return
	}
	// An envelope whose event the bot answers is acked once the reply is kept as
	// pending (in the background: envelopes are read one at a time); any other at once.
	var accepted <-chan struct{}
	defer func() {
		if accepted == nil {
			s.ack(ctx, client, req.EnvelopeID)
			return
		}
		go func() {
			awaitAccepted(ctx, accepted)
			s.ack(context.WithoutCancel(ctx), client, req.EnvelopeID)
		}()
	}()
	log = log.With("envelope_id", req.EnvelopeID)
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		// Socket Mode has parsed the payload with slackevents.ParseEvent already.
		e, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			log.Warn("event dropped: unexpected payload")
			return
		}
		in, skip := s.bot.fromEvent(ctx, e)
		switch {
		case skip == skipNoChannel:
			log.Warn("event refused", "reason", skip, "type", e.InnerEvent.Type)
		case skip != "":
			log.Debug("event ignored", "reason", skip, "retry_num", req.RetryAttempt)
		default:
			accepted = s.bot.dispatch(in)
		}
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			log.Warn("slash command dropped: unexpected payload")
			return
		}
		accepted = s.bot.dispatch(fromCommand(cmd))
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok {
			log.Warn("interaction dropped: unexpected payload")
			return
		}
		in, skip := fromInteraction(cb)
		if skip != "" {
			log.Debug("interaction ignored", "reason", skip)
			return
		}
		accepted = s.bot.dispatch(in)
	default:
		log.Debug("envelope acked and ignored", "type", string(evt.Type))
	}
}

func (s *SocketMode) ack(ctx context.Context, client *socketmode.Client, envelopeID string) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := client.AckCtx(ctx, envelopeID, nil); err != nil {
		s.bot.log.Warn("ack failed", "envelope_id", envelopeID, "error", err.Error())
	}
}
