package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/borderbot/borderbot/adapters"
)

// DefaultMaxBodyBytes is the largest request body the HTTP endpoints read.
const DefaultMaxBodyBytes = 64 << 10

// signatureWindow is how far a request's timestamp may be from now, as Slack asks.
const signatureWindow = 5 * time.Minute

// EventsOptions configures an EventsHandler.
type EventsOptions struct {
	SigningSecret string // SLACK_SIGNING_SECRET: every request's signature is checked with it
	BotToken      string // SLACK_BOT_TOKEN, xoxb-…: posts replies and calls auth.test
	APIURL        string // the Slack Web API base; empty means Slack's own
	Logger        *slog.Logger
	Hooks         adapters.Hooks
	// Metrics is where events and lost replies are counted; nil counts nothing.
	Metrics *adapters.Metrics
	// Now is the clock for the timestamp window and the retry memory; nil means time.Now.
	Now func() time.Time
	// MaxBodyBytes is the largest body accepted; zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
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
}

// EventsHandler answers Slack's Events API, slash commands and interactivity over HTTP.
type EventsHandler struct {
	bot     *bot
	secret  string
	now     func() time.Time
	maxBody int64
}

// NewEventsHandler checks the options and returns a handler; call Start before serving.
func NewEventsHandler(engine Engine, opts EventsOptions) (*EventsHandler, error) {
	if strings.TrimSpace(opts.SigningSecret) == "" {
		return nil, errors.New("slack: SLACK_SIGNING_SECRET is empty; the Events API needs the app's signing secret")
	}
	c, err := newCommon(opts.BotToken, opts.APIURL, opts.Logger, opts.Hooks, opts.Metrics, opts.Delivery)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	b, err := newBot(engine, c, now, opts.Conversations)
	if err != nil {
		return nil, err
	}
	b.curator = opts.Curator
	b.pics = opts.Pictures
	maxBody := opts.MaxBodyBytes
	if maxBody <= 0 {
		maxBody = DefaultMaxBodyBytes
	}
	return &EventsHandler{bot: b, secret: opts.SigningSecret, now: now, maxBody: maxBody}, nil
}

// Start calls auth.test to learn the bot's own user id; events are refused until it succeeds.
func (h *EventsHandler) Start(ctx context.Context) error { return h.bot.start(ctx) }

// Ready reports whether Start has succeeded and the handler is not closed.
func (h *EventsHandler) Ready() bool {
	h.bot.mu.Lock()
	defer h.bot.mu.Unlock()
	return h.bot.self.Load() != nil && !h.bot.closed
}

// Close stops taking events and waits for the replies in flight. When ctx ends first,
// the replies still waiting are dropped, logged and counted as lost, and Close returns
// an error wrapping ErrRepliesLost.
func (h *EventsHandler) Close(ctx context.Context) error { return h.bot.wait(ctx) }

// Routes registers POST /slack/events, /slack/commands and /slack/interactivity on mux.
func (h *EventsHandler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /slack/events", h.ServeEvents)
	mux.HandleFunc("POST /slack/commands", h.ServeCommands)
	mux.HandleFunc("POST /slack/interactivity", h.ServeInteractivity)
}

// ServeEvents answers the Events API: the url_verification challenge and event
// callbacks, read with slackevents.ParseEvent once the signature is checked.
func (h *EventsHandler) ServeEvents(w http.ResponseWriter, r *http.Request) {
	body, ok := h.verified(w, r)
	if !ok {
		return
	}
	// The signature has been checked; the legacy verification token is not needed.
	e, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	var id string
	if cb, ok := e.Data.(*slackevents.EventsAPICallbackEvent); ok {
		id = cb.EventID
	}
	log := h.bot.log.With("path", r.URL.Path, "event_id", id)
	switch {
	case e.Type == "" || e.Type == "unmarshalling_error":
		reason := "malformed event body"
		if err != nil {
			reason += ": " + err.Error()
		}
		h.fail(w, r, http.StatusBadRequest, reason)
		return
	case err != nil:
		// An inner event slack-go does not know: nothing the bot answers.
		log.Debug("event ignored", "type", e.Type, "reason", err.Error())
		w.WriteHeader(http.StatusOK)
		return
	}
	switch e.Type {
	case slackevents.URLVerification:
		v, _ := e.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if v == nil {
			h.fail(w, r, http.StatusBadRequest, "malformed url_verification")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(slackevents.ChallengeResponse{Challenge: v.Challenge})
		log.Info("url_verification answered")
		return
	case slackevents.AppRateLimited:
		log.Warn("Slack says the app is rate limited and drops events")
		w.WriteHeader(http.StatusOK)
		return
	case slackevents.CallbackEvent:
	default:
		log.Debug("event ignored", "type", e.Type)
		w.WriteHeader(http.StatusOK)
		return
	}
	if h.bot.self.Load() == nil {
		h.fail(w, r, http.StatusServiceUnavailable, "not started")
		return
	}
	retry := r.Header.Get("X-Slack-Retry-Num")
	in, skip := h.bot.fromEvent(r.Context(), e)
	switch {
	case skip == skipNoChannel:
		log.Warn("event refused", "reason", skip, "type", e.InnerEvent.Type)
	case skip != "":
		log.Debug("event ignored", "reason", skip, "retry_num", retry,
			"retry_reason", r.Header.Get("X-Slack-Retry-Reason"))
	default:
		// Acknowledged once the reply is kept as pending, so that a reply cut off by a
		// shutdown or a crash is delivered by another instance or the next start.
		if retry != "" {
			log.Info("retried event answered now", "retry_num", retry,
				"retry_reason", r.Header.Get("X-Slack-Retry-Reason"))
		}
		awaitAccepted(r.Context(), h.bot.dispatch(in))
	}
	w.WriteHeader(http.StatusOK)
}

// ServeCommands answers slash commands: 200 once the reply is kept as pending (within
// milliseconds), the reply through the response URL.
// Slack's ssl_check, which it sends to check the certificate, is answered before the
// signature is checked, as Slack's Bolt frameworks do: it carries nothing to act on.
func (h *EventsHandler) ServeCommands(w http.ResponseWriter, r *http.Request) {
	body, ok := h.read(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err == nil && form.Get("ssl_check") == "1" {
		w.WriteHeader(http.StatusOK)
		return
	}
	if err := h.verify(r.Header, body); err != nil {
		h.fail(w, r, http.StatusUnauthorized, err.Error())
		return
	}
	if err != nil || form.Get("command") == "" || form.Get("response_url") == "" {
		h.fail(w, r, http.StatusBadRequest, "malformed slash command")
		return
	}
	if h.bot.self.Load() == nil {
		h.fail(w, r, http.StatusServiceUnavailable, "not started")
		return
	}
	rr := r.Clone(r.Context())
	rr.Body = io.NopCloser(bytes.NewReader(body))
	rr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rr.Form, rr.PostForm = nil, nil
	cmd, err := slack.SlashCommandParse(rr)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, "malformed slash command")
		return
	}
	if cmd.ChannelID == "" {
		h.bot.log.Warn("event refused", "reason", skipNoChannel, "command", cmd.Command, "event_id", cmd.TriggerID)
	}
	awaitAccepted(r.Context(), h.bot.dispatch(fromCommand(cmd)))
	w.WriteHeader(http.StatusOK)
}

// ServeInteractivity answers button presses: 200 once the reply is kept as pending, the
// reply after.
func (h *EventsHandler) ServeInteractivity(w http.ResponseWriter, r *http.Request) {
	body, ok := h.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	var cb slack.InteractionCallback
	if err == nil {
		err = json.Unmarshal([]byte(form.Get("payload")), &cb)
	}
	if err != nil || cb.Type == "" {
		h.fail(w, r, http.StatusBadRequest, "malformed interaction payload")
		return
	}
	if h.bot.self.Load() == nil {
		h.fail(w, r, http.StatusServiceUnavailable, "not started")
		return
	}
	in, skip := fromInteraction(cb)
	if skip != "" {
		h.bot.log.Debug("interaction ignored", "reason", skip)
	} else {
		awaitAccepted(r.Context(), h.bot.dispatch(in))
	}
	w.WriteHeader(http.StatusOK)
}

// verified reads the body and checks Slack's signature and timestamp; it answers 413
// or 401 itself and returns false when the request fails.
func (h *EventsHandler) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, ok := h.read(w, r)
	if !ok {
		return nil, false
	}
	if err := h.verify(r.Header, body); err != nil {
		h.fail(w, r, http.StatusUnauthorized, err.Error())
		return nil, false
	}
	return body, true
}

// read reads a POST body within the size limit; it answers 405, 413 or 400 itself and
// returns false when it cannot.
func (h *EventsHandler) read(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.fail(w, r, http.StatusMethodNotAllowed, "method not allowed")
		return nil, false
	}
	if r.ContentLength > h.maxBody {
		h.fail(w, r, http.StatusRequestEntityTooLarge, "body too large")
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.fail(w, r, http.StatusRequestEntityTooLarge, "body too large")
			return nil, false
		}
		h.fail(w, r, http.StatusBadRequest, "cannot read body")
		return nil, false
	}
	return body, true
}

// verify checks the request's signature with the signing secret, and that its
// timestamp is within five minutes of the handler's clock.
func (h *EventsHandler) verify(header http.Header, body []byte) error {
	ts, err := strconv.ParseInt(header.Get("X-Slack-Request-Timestamp"), 10, 64)
	if err != nil {
		return errors.New("missing or bad X-Slack-Request-Timestamp")
	}
	if d := h.now().Sub(time.Unix(ts, 0)); d > signatureWindow || d < -signatureWindow {
		return fmt.Errorf("stale request timestamp (%v off)", d.Round(time.Second))
	}
	sv, err := slack.NewSecretsVerifier(header, h.secret)
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if _, err := sv.Write(body); err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if err := sv.Ensure(); err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	return nil
}

// fail answers an HTTP error and logs why, without the body.
func (h *EventsHandler) fail(w http.ResponseWriter, r *http.Request, code int, why string) {
	level := slog.LevelWarn
	if code == http.StatusServiceUnavailable {
		level = slog.LevelError
	}
	h.bot.log.Log(r.Context(), level, "request refused", "path", r.URL.Path, "status", code, "reason", why)
	http.Error(w, http.StatusText(code), code)
}
