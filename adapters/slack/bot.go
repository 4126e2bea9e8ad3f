package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// bot is what both modes share: it decodes Slack's payloads, answers them with the
// engine and posts the replies.
type bot struct {
	common
	engine Engine
	api    *slack.Client
	self   atomic.Pointer[slack.AuthTestResponse]
	seen   *eventLog

	mu     sync.Mutex // guards closed and wg.Add
	closed bool
	wg     sync.WaitGroup
	work   context.Context // parent of every reply; cancelled when waiting gives up
	stop   context.CancelFunc
}

func newBot(engine Engine, c common, now func() time.Time) (*bot, error) {
	if engine == nil {
		return nil, errors.New("slack: no answer engine")
	}
	work, stop := context.WithCancel(context.Background())
	return &bot{common: c, engine: engine, api: slack.New(c.botToken, c.clientOptions()...),
		seen: newEventLog(now, time.Hour, 10000), work: work, stop: stop}, nil
}

// start calls auth.test to learn the bot's own user id.
func (b *bot) start(ctx context.Context) error {
	res, err := authTest(ctx, b.api)
	if err != nil {
		return err
	}
	b.self.Store(res)
	b.log.Info("authenticated", "team_id", res.TeamID, "bot_user_id", res.UserID, "bot_id", res.BotID)
	return nil
}

func (b *bot) selfID() string {
	if s := b.self.Load(); s != nil {
		return s.UserID
	}
	return ""
}

// inbound is one decoded event the bot will handle: exactly one payload is set.
type inbound struct {
	ev      adapters.Event
	mention *slackevents.AppMentionEvent
	direct  *slackevents.MessageEvent
	command *slack.SlashCommand
	action  *slack.InteractionCallback
}

// errMalformed marks a payload that cannot be decoded.
var errMalformed = errors.New("malformed payload")

// fromCallback decodes an Events API event_callback; skip says why an event is not handled.
func (b *bot) fromCallback(raw []byte) (in inbound, skip string, err error) {
	var outer struct {
		Type    string          `json:"type"`
		EventID string          `json:"event_id"`
		Event   json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(raw, &outer); err != nil {
		return in, "", fmt.Errorf("%w: event: %v", errMalformed, err)
	}
	if outer.Type != "event_callback" {
		return in, "not an event callback: " + outer.Type, nil
	}
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(outer.Event, &head); err != nil {
		return in, "", fmt.Errorf("%w: inner event: %v", errMalformed, err)
	}
	if outer.EventID != "" && !b.seen.first(outer.EventID) {
		return in, "duplicate event", nil
	}
	self := b.selfID()
	switch head.Type {
	case "app_mention":
		var m slackevents.AppMentionEvent
		if err := json.Unmarshal(outer.Event, &m); err != nil {
			return in, "", fmt.Errorf("%w: app_mention: %v", errMalformed, err)
		}
		switch {
		case m.BotID != "" || m.User == "" || m.User == self:
			return in, "message from a bot", nil
		case m.Edited != nil:
			return in, "edited message", nil
		case strings.HasPrefix(m.Channel, "D"):
			return in, "mention in a direct message, answered as message.im", nil
		}
		return inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, Name: nameMention, ID: outer.EventID, UserID: m.User, ChannelID: m.Channel}, mention: &m}, "", nil
	case "message":
		var m slackevents.MessageEvent
		if err := json.Unmarshal(outer.Event, &m); err != nil {
			return in, "", fmt.Errorf("%w: message: %v", errMalformed, err)
		}
		switch {
		case m.ChannelType != "im":
			return in, "message outside a direct message", nil
		case m.SubType != "":
			return in, "message subtype " + m.SubType, nil
		case m.BotID != "" || m.User == "" || m.User == self:
			return in, "message from a bot", nil
		}
		return inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, Name: nameDirect, ID: outer.EventID, UserID: m.User, ChannelID: m.Channel}, direct: &m}, "", nil
	}
	return in, "event type " + head.Type, nil
}

// fromCommand wraps a slash command: /ask is a question, the others commands.
func fromCommand(c slack.SlashCommand) inbound {
	kind := adapters.KindCommand
	if strings.EqualFold(c.Command, "/ask") {
		kind = adapters.KindQuestion
	}
	return inbound{ev: adapters.Event{Platform: platform, Kind: kind, ID: c.TriggerID, UserID: c.UserID, ChannelID: c.ChannelID,
		Name: c.Command}, command: &c}
}

// fromInteraction wraps a block_actions payload; skip says why other payloads are not handled.
func fromInteraction(cb slack.InteractionCallback) (inbound, string) {
	if cb.Type != slack.InteractionTypeBlockActions {
		return inbound{}, "interaction type " + string(cb.Type)
	}
	ch := cb.Channel.ID
	if ch == "" {
		ch = cb.Container.ChannelID
	}
	id := cb.TriggerID
	if id == "" {
		id = cb.ActionTs
	}
	kind, name := adapters.KindOther, ""
	for _, a := range cb.ActionCallback.BlockActions {
		switch {
		case a.ActionID == actionShare:
			kind, name = adapters.KindShare, a.ActionID
		case strings.HasPrefix(a.ActionID, actionSuggest):
			kind, name = adapters.KindButton, a.ActionID
		default:
			continue
		}
		break
	}
	return inbound{ev: adapters.Event{Platform: platform, Kind: kind, ID: id, UserID: cb.User.ID, ChannelID: ch, Name: name}, action: &cb}, ""
}

// dispatch handles one event in the background, bounded by the reply timeout.
func (b *bot) dispatch(in inbound) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		b.log.Warn("shutting down, event dropped", "kind", in.ev.Kind, "event_id", in.ev.ID)
		return
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		ctx, cancel := context.WithTimeout(b.work, b.replyTimeout)
		defer cancel()
		b.handle(ctx, in)
	}()
}

// wait stops taking events and waits for the replies in flight; when ctx ends first,
// it cancels them and returns ctx's error.
func (b *bot) wait(ctx context.Context) error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	select {
	case <-done:
		b.stop()
		return nil
	case <-ctx.Done():
		b.stop()
		<-done
		return fmt.Errorf("slack: replies still in flight at shutdown were cancelled: %w", ctx.Err())
	}
}

// handle runs one event through the shared lifecycle; a refusal with a message is told
// to the user alone.
func (b *bot) handle(ctx context.Context, in inbound) {
	_, refusal := b.lc.Handle(ctx, in.ev, func(ctx context.Context) (adapters.Outcome, error) {
		switch {
		case in.mention != nil:
			return b.onMessage(ctx, in.ev, in.mention.Text, in.mention.Channel, threadOf(in.mention.ThreadTimeStamp, in.mention.TimeStamp))
		case in.direct != nil:
			return b.onMessage(ctx, in.ev, in.direct.Text, in.direct.Channel, in.direct.ThreadTimeStamp)
		case in.command != nil:
			return b.onCommand(ctx, in.ev, in.command)
		case in.action != nil:
			return b.onAction(ctx, in.ev, in.action)
		}
		return adapters.OutcomeIgnored, nil
	})
	if msg := adapters.RefusalMessage(refusal); msg != "" {
		if err := b.tell(ctx, in, msg); err != nil {
			b.log.Warn("could not tell the user their event was refused", "event_id", in.ev.ID, "error", err.Error())
		}
	}
}

// tell shows the user who sent an event a short notice that only they see.
func (b *bot) tell(ctx context.Context, in inbound, text string) error {
	m := noticeMessage(escape(text))
	switch {
	case in.mention != nil:
		opts := []slack.MsgOption{slack.MsgOptionText(m.text, false), slack.MsgOptionBlocks(m.blocks...),
			slack.MsgOptionTS(threadOf(in.mention.ThreadTimeStamp, in.mention.TimeStamp))}
		return b.retry(ctx, in.ev.ID, "chat.postEphemeral", func(ctx context.Context) error {
			_, err := b.api.PostEphemeralContext(ctx, in.mention.Channel, in.mention.User, opts...)
			return err
		})
	case in.direct != nil:
		return b.post(ctx, in.ev.ID, in.direct.Channel, in.direct.ThreadTimeStamp, m)
	case in.command != nil:
		return b.respond(ctx, in.ev.ID, in.command.ResponseURL, m, respondEphemeral)
	case in.action != nil:
		return b.respond(ctx, in.ev.ID, in.action.ResponseURL, m, respondEphemeral)
	}
	return nil
}

func threadOf(thread, ts string) string {
	if thread != "" {
		return thread
	}
	return ts
}

// onMessage answers a mention or a direct message in its channel and thread.
func (b *bot) onMessage(ctx context.Context, ev adapters.Event, text, channel, thread string) (adapters.Outcome, error) {
	q, echo := readText(text, b.selfID())
	b.log.Debug("question", "event_id", ev.ID, "question", q)
	if q == "" || strings.EqualFold(q, "help") {
		return adapters.OutcomeHelp, b.post(ctx, ev.ID, channel, thread, b.help())
	}
	r := b.engine.Answer(q)
	r.Question = echo
	return outcomeOf(r), b.post(ctx, ev.ID, channel, thread, replyMessage(r, view{echo: !r.Answered}))
}

func outcomeOf(r answers.Reply) adapters.Outcome {
	if r.Answered {
		return adapters.OutcomeAnswered
	}
	return adapters.OutcomeUnknown
}

func (b *bot) help() message {
	return helpMessage(b.engine.About(), b.engine.Answer("").Suggestions)
}

// onCommand answers /ask, /quote and /timeline, visible to the asker alone.
func (b *bot) onCommand(ctx context.Context, ev adapters.Event, c *slack.SlashCommand) (adapters.Outcome, error) {
	text, echo := readText(c.Text, b.selfID())
	b.log.Debug("command", "event_id", ev.ID, "command", c.Command, "text", text)
	reply := func(m message) error { return b.respond(ctx, ev.ID, c.ResponseURL, m, respondEphemeral) }
	switch strings.ToLower(c.Command) {
	case "/ask":
		if text == "" || strings.EqualFold(text, "help") {
			return adapters.OutcomeHelp, reply(b.help())
		}
		r := b.engine.Answer(text)
		r.Question = echo
		return outcomeOf(r), reply(replyMessage(r, view{echo: true, share: true}))
	case "/quote":
		return adapters.OutcomeHelp, reply(b.quotes(text))
	case "/timeline":
		return adapters.OutcomeHelp, reply(timelineMessage(b.engine.Timeline(), b.engine.About().Source))
	}
	return adapters.OutcomeIgnored, reply(noticeMessage("I don't know the command " + inert(truncate(c.Command, 40)) + ". Try `/ask help`."))
}

// quotes answers /quote [expert] [about topic].
func (b *bot) quotes(text string) message {
	src := b.engine.About().Source
	expert, topic := splitQuoteQuery(text)
	if expert == "" && topic == "" {
		var qs []answers.Quote
		for _, e := range b.engine.Experts() {
			if got := b.engine.Quotes(e.Name, ""); len(got) > 0 {
				qs = append(qs, got[0])
			}
		}
		return quotesMessage("What the experts said", qs, src)
	}
	if expert != "" && len(b.engine.Quotes(expert, "")) == 0 {
		return noExpertMessage(expert, b.engine.Experts(), src)
	}
	qs := b.engine.Quotes(expert, topic)
	if len(qs) > 5 {
		qs = qs[:5]
	}
	heading := "Quotes"
	if expert != "" {
		if all := b.engine.Quotes(expert, ""); len(all) > 0 {
			heading += " from " + escape(all[0].Speaker)
		}
	}
	if topic != "" {
		heading += " about “" + inert(truncate(topic, 100)) + "”"
	}
	if len(qs) == 0 {
		heading = "I have no " + strings.ToLower(heading[:1]) + heading[1:] + "."
	}
	return quotesMessage(heading, qs, src)
}

// splitQuoteQuery reads "vaez about deterrence", "about deterrence" or "vaez".
func splitQuoteQuery(text string) (expert, topic string) {
	text = strings.TrimSpace(text)
	lower := strings.ToLower(text)
	for _, sep := range []string{"about ", "on "} {
		if strings.HasPrefix(lower, sep) {
			return "", strings.TrimSpace(text[len(sep):])
		}
		if i := strings.Index(lower, " "+sep); i >= 0 {
			return strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+len(sep)+1:])
		}
	}
	return text, ""
}

// onAction answers a pressed suggestion button, or posts an /ask answer to the channel.
func (b *bot) onAction(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback) (adapters.Outcome, error) {
	for _, a := range cb.ActionCallback.BlockActions {
		switch {
		case a.ActionID == actionShare:
			return b.share(ctx, ev, cb, a.Value)
		case strings.HasPrefix(a.ActionID, actionSuggest):
			r, ok := b.engine.AnswerID(a.Value)
			if !ok {
				r = b.engine.Answer("")
				r.Kind = answers.KindUnknown
				r.Answer = "I no longer know that question. You could ask one of these instead."
			}
			if cb.Container.IsEphemeral {
				return outcomeOf(r), b.respond(ctx, ev.ID, cb.ResponseURL,
					replyMessage(r, view{echo: true, share: true}), respondReplace)
			}
			thread := cb.Container.ThreadTs
			if thread == "" {
				thread = cb.Message.ThreadTimestamp
			}
			if thread == "" && !strings.HasPrefix(ev.ChannelID, "D") {
				thread = cb.Container.MessageTs
			}
			return outcomeOf(r), b.post(ctx, ev.ID, ev.ChannelID, thread, replyMessage(r, view{echo: true}))
		}
	}
	return adapters.OutcomeIgnored, nil
}

// share posts an /ask answer to the channel, then removes the private copy; when the
// bot cannot post there itself it posts through the response URL instead.
func (b *bot) share(ctx context.Context, ev adapters.Event, cb *slack.InteractionCallback, value string) (adapters.Outcome, error) {
	id, question := parseShareValue(value)
	r, ok := b.engine.AnswerID(id)
	if !ok {
		return adapters.OutcomeFailed, b.respond(ctx, ev.ID, cb.ResponseURL,
			noticeMessage("I no longer know that answer, so I cannot post it."), respondEphemeral)
	}
	if question != "" {
		r.Question = question
	}
	m := replyMessage(r, view{echo: true})
	err := b.post(ctx, ev.ID, ev.ChannelID, "", m)
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && cb.ResponseURL != "" {
		b.log.Info("cannot post to the channel, posting through the response URL",
			"event_id", ev.ID, "channel_id", ev.ChannelID, "error", se.Err)
		return adapters.OutcomeShared, b.respond(ctx, ev.ID, cb.ResponseURL, m, respondInChannel)
	}
	if err != nil {
		return adapters.OutcomeFailed, err
	}
	if cb.ResponseURL != "" {
		if err := b.respond(ctx, ev.ID, cb.ResponseURL, message{}, respondDelete); err != nil {
			b.log.Warn("could not remove the private answer after sharing it", "event_id", ev.ID, "error", err.Error())
		}
	}
	return adapters.OutcomeShared, nil
}

// post sends a message with chat.postMessage, retrying within Slack's rate limits.
func (b *bot) post(ctx context.Context, eventID, channel, thread string, m message) error {
	if channel == "" {
		return errors.New("chat.postMessage: no channel")
	}
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.text, false),
		slack.MsgOptionBlocks(m.blocks...),
		slack.MsgOptionLinkNames(false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	return b.retry(ctx, eventID, "chat.postMessage", func(ctx context.Context) error {
		_, _, err := b.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
}

// respondMode says what a response URL message does.
type respondMode int

const (
	respondEphemeral respondMode = iota // a new message only the user sees
	respondReplace                      // replaces the message whose button was pressed
	respondInChannel                    // a new message everyone in the channel sees
	respondDelete                       // deletes the message whose button was pressed
)

// respond sends a message to a slash command's or an interaction's response URL.
func (b *bot) respond(ctx context.Context, eventID, url string, m message, mode respondMode) error {
	if url == "" {
		return errors.New("response_url: none given")
	}
	wm := &slack.WebhookMessage{Text: m.text, ResponseType: slack.ResponseTypeEphemeral}
	if len(m.blocks) > 0 {
		wm.Blocks = &slack.Blocks{BlockSet: m.blocks}
	}
	switch mode {
	case respondReplace:
		wm.ReplaceOriginal = true
	case respondInChannel:
		wm.ResponseType = slack.ResponseTypeInChannel
	case respondDelete:
		wm = &slack.WebhookMessage{DeleteOriginal: true}
	}
	return b.retry(ctx, eventID, "response_url", func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, url, b.httpClient, wm)
	})
}

// retry calls fn until it succeeds, fails for good, or has been retried b.retries
// times, waiting as long as Slack's Retry-After asks on a rate limit.
func (b *bot) retry(ctx context.Context, eventID, op string, fn func(context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		wait, again := b.retryWait(err, attempt)
		if !again || attempt >= b.retries || ctx.Err() != nil {
			return fmt.Errorf("%s (%d attempts): %w", op, attempt+1, err)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return fmt.Errorf("%s: retry in %v would pass the reply deadline: %w", op, wait, err)
		}
		b.log.Warn("post failed, retrying", "op", op, "event_id", eventID, "attempt", attempt+1,
			"wait", wait, "error", err.Error())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %w (after %v)", op, ctx.Err(), err)
		case <-t.C:
		}
	}
}

// retryWait says whether an error is worth retrying and after how long.
func (b *bot) retryWait(err error, attempt int) (time.Duration, bool) {
	backoff := min(b.backoff<<attempt, maxRetryWait)
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		// A hung call that hit the HTTP client's timeout: retry it. That error also
		// matches context.DeadlineExceeded, so it must come first; the reply's own
		// deadline is checked by retry, which stops once ctx is done.
		return backoff, true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return 0, false
	case errors.As(err, &rl):
		if rl.RetryAfter <= 0 {
			return backoff, true
		}
		return min(rl.RetryAfter, maxRetryWait), true
	case errors.As(err, &sc):
		return backoff, sc.Retryable()
	case errors.As(err, &se):
		return 0, se.Err == "ratelimited" || se.Err == "internal_error" || se.Err == "fatal_error"
	case errors.As(err, &ne):
		return backoff, true
	}
	return backoff, strings.Contains(err.Error(), "connection")
}

// eventLog remembers the event ids seen lately, so that each is answered once.
type eventLog struct {
	mu    sync.Mutex
	now   func() time.Time
	ttl   time.Duration
	max   int
	seen  map[string]time.Time
	order []string
}

func newEventLog(now func() time.Time, ttl time.Duration, max int) *eventLog {
	if now == nil {
		now = time.Now
	}
	return &eventLog{now: now, ttl: ttl, max: max, seen: map[string]time.Time{}}
}

// first records id and reports whether it was not seen within the log's window.
func (l *eventLog) first(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for len(l.order) > 0 {
		old := l.order[0]
		if now.Sub(l.seen[old]) <= l.ttl && len(l.order) < l.max {
			break
		}
		delete(l.seen, old)
		l.order = l.order[1:]
	}
	if _, ok := l.seen[id]; ok {
		return false
	}
	l.seen[id] = now
	l.order = append(l.order, id)
	return true
}
