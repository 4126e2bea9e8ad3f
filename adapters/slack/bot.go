package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// bot is what both modes share: it decodes Slack's payloads, answers them with the
// engine and hands the replies to its outbox.
type bot struct {
	common
	engine   Engine
	out      *outbox
	self     atomic.Pointer[slack.AuthTestResponse]
	seen     EventStore
	convs    adapters.Conversations
	pics     Pictures // nil means text alone: no pictures, no map
	homeFile homeFile // the timeline picture the Home tab shows, uploaded once
	// curator is told of every question answered and every vote; nil shows no feedback
	// buttons.
	curator adapters.Curator
	// pending keeps the replies acknowledged but not yet delivered; claims runs the
	// loop that delivers those other instances left, and stopClaims ends it.
	pending    adapters.PendingStore
	claims     sync.Once
	stopClaims context.CancelFunc

	mu     sync.Mutex // guards closed and wg.Add
	closed bool
	wg     sync.WaitGroup
}

func newBot(engine Engine, c common, now func() time.Time, conversations adapters.ConversationStore) (*bot, error) {
	if engine == nil {
		return nil, errors.New("slack: no answer engine")
	}
	seen := c.delivery.Seen
	if seen == nil {
		seen = NewMemoryEvents(DefaultSeenTTL, DefaultSeenBytes, now)
	}
	if conversations == nil {
		conversations = adapters.NewMemoryConversations(0, 0, nil)
	}
	return &bot{common: c, engine: engine, seen: seen, convs: adapters.Conversations{Store: conversations, Log: c.log},
		pending: c.delivery.Pending, stopClaims: func() {},
		out: newOutbox(c.botToken, c.clientOptions(), c.delivery, c.log, c.lc.Metrics)}, nil
}

// start calls auth.test to learn the bot's own user id, then, once, starts delivering
// the replies other instances left pending, until ctx ends or the bot closes.
func (b *bot) start(ctx context.Context) error {
	res, err := authTest(ctx, b.out.reader)
	if err != nil {
		return err
	}
	b.self.Store(res)
	b.log.Info("authenticated", "team_id", res.TeamID, "bot_user_id", res.UserID, "bot_id", res.BotID)
	b.claims.Do(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.closed {
			return
		}
		loop, stop := context.WithCancel(context.WithoutCancel(ctx))
		b.stopClaims = stop
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			b.claimLoop(loop)
		}()
	})
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
	home    *slackevents.AppHomeOpenedEvent
}

// Why an event is not answered, when that is worth a warning rather than a debug line.
const skipNoChannel = "event without a channel: nowhere to answer"

// questionSubtypes are the subtypes of a direct message that ask a question: a plain
// message, one with a file or a screenshot attached, a thread reply also sent to the
// conversation, and a /me message. Every other subtype is an edit, a deletion, a bot's
// message or a notice, and is ignored so the bot can never loop.
var questionSubtypes = map[string]bool{"": true, "file_share": true, "thread_broadcast": true, "me_message": true}

// fromEvent reads an Events API event as slackevents.ParseEvent or Socket Mode decoded
// it; skip says why an event is not answered. Only an event the bot will answer claims
// its id, so that ignored events do not use up the memory of answered ones.
func (b *bot) fromEvent(ctx context.Context, e slackevents.EventsAPIEvent) (in inbound, skip string) {
	cb, ok := e.Data.(*slackevents.EventsAPICallbackEvent)
	if e.Type != slackevents.CallbackEvent || !ok {
		return in, "not an event callback: " + e.Type
	}
	self := b.selfID()
	switch m := e.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		switch {
		case m.BotID != "" || m.User == "" || m.User == self:
			return in, "message from a bot"
		case m.Edited != nil:
			return in, "edited message"
		case m.Channel == "":
			return in, skipNoChannel
		case strings.HasPrefix(m.Channel, "D"):
			return in, "mention in a direct message, answered as message.im"
		}
		in = inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, Name: nameMention, ID: cb.EventID,
			UserID: m.User, ChannelID: m.Channel}, mention: m}
	case *slackevents.MessageEvent:
		switch {
		case m.ChannelType != "im":
			return in, "message outside a direct message"
		case !questionSubtypes[m.SubType]:
			return in, "message subtype " + m.SubType
		case m.BotID != "" || m.User == "" || m.User == self:
			return in, "message from a bot"
		case m.Channel == "":
			return in, skipNoChannel
		}
		in = inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindQuestion, Name: nameDirect, ID: cb.EventID,
			UserID: m.User, ChannelID: m.Channel}, direct: m}
	case *slackevents.AppHomeOpenedEvent:
		if m.Tab != "home" || m.User == "" {
			return in, "app home opened on tab " + m.Tab
		}
		in = inbound{ev: adapters.Event{Platform: platform, Kind: adapters.KindCommand, Name: nameHome, ID: cb.EventID,
			UserID: m.User, ChannelID: m.Channel}, home: m}
	default:
		return in, "event type " + e.InnerEvent.Type
	}
	if cb.EventID != "" {
		first, err := b.seen.Claim(ctx, cb.EventID)
		if err != nil {
			b.log.Warn("event store failed; answering the event", "event_id", cb.EventID, "error", err.Error())
		} else if !first {
			return inbound{}, "duplicate event"
		}
	}
	return in, ""
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
	if cb.Type == slack.InteractionTypeMessageAction && cb.CallbackID == CallbackCheck {
		return fromCheck(cb), ""
	}
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
		case strings.HasPrefix(a.ActionID, adapters.VotePrefix):
			kind, name = adapters.KindFeedback, a.ActionID
		case a.ActionID == actionCheckShare:
			kind, name = adapters.KindShare, a.ActionID
		case a.ActionID == actionShowMap:
			kind, name = adapters.KindCommand, a.ActionID
		default:
			continue
		}
		break
	}
	return inbound{ev: adapters.Event{Platform: platform, Kind: kind, ID: id, UserID: cb.User.ID, ChannelID: ch, Name: name}, action: &cb}, ""
}

// dispatch handles one event in the background; its reply may wait for Slack up to
// the reply deadline. The channel it returns closes once the event may be acknowledged:
// its first reply is kept in the pending store, or it needs none.
func (b *bot) dispatch(in inbound) <-chan struct{} {
	t := newTicket()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		b.log.Warn("shutting down, event dropped", "kind", in.ev.Kind.String(), "event_id", in.ev.ID)
		t.accept()
		return t.accepted
	}
	// A mention's or a DM's reply takes its place in the channel's queue now, so that
	// the channel's replies go out in the order their events came.
	var held *place
	switch {
	case in.mention != nil:
		held = b.out.reserve(in.mention.Channel)
	case in.direct != nil:
		held = b.out.reserve(in.direct.Channel)
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		defer t.accept()
		defer b.out.release(held)
		ctx, cancel := context.WithTimeout(context.Background(), b.delivery.Deadline+time.Minute)
		defer cancel()
		b.handle(withTicket(withPlace(ctx, held), t), in)
	}()
	return t.accepted
}

// ErrRepliesLost is returned by Close and Run when replies were still waiting for
// Slack when the shutdown grace period ended: each was logged and counted as lost.
var ErrRepliesLost = errors.New("slack: replies lost at shutdown")

// wait stops taking events and claiming pending replies, and waits for the replies in
// flight. When ctx ends first, the replies still waiting are handed over to another
// instance through the pending store, or, where it cannot, dropped, each logged and
// counted as lost, and wait then returns an error that wraps ErrRepliesLost with their
// number.
func (b *bot) wait(ctx context.Context) error {
	b.mu.Lock()
	b.closed = true
	b.stopClaims()
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	select {
	case <-done:
		b.out.close()
		return nil
	case <-ctx.Done():
	}
	b.out.close()
	<-done
	if h := b.out.handed.Load(); h > 0 {
		b.log.Info("replies handed over at shutdown", "count", h)
	}
	n := b.out.lost.Load()
	if n == 0 {
		return nil
	}
	b.log.Error("replies lost at shutdown", "count", n)
	return fmt.Errorf("%w: %d still waiting for Slack when the grace period ended", ErrRepliesLost, n)
}

// handle runs one event through the shared lifecycle; a refusal with a message is told
// to the user alone.
func (b *bot) handle(ctx context.Context, in inbound) {
	_, refusal := b.lc.Handle(ctx, in.ev, func(ctx context.Context) (adapters.Outcome, error) {
		switch {
		case in.mention != nil:
			thread := threadOf(in.mention.ThreadTimeStamp, in.mention.TimeStamp)
			return b.onMessage(ctx, in.ev, in.mention.Text, in.mention.Channel, thread, conversationOf(in.mention.Channel, thread),
				placeOf(in.mention.Channel, in.mention.ThreadTimeStamp))
		case in.direct != nil:
			return b.onMessage(ctx, in.ev, in.direct.Text, in.direct.Channel, in.direct.ThreadTimeStamp,
				conversationOf(in.direct.Channel, in.direct.ThreadTimeStamp), adapters.PlaceDM)
		case in.command != nil:
			return b.onCommand(ctx, in.ev, in.command)
		case in.action != nil:
			return b.onAction(ctx, in.ev, in.action)
		case in.home != nil:
			return b.onHome(ctx, in.ev, in.home)
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
		return b.out.send(ctx, &reply{ev: in.ev, kind: replyEphemeral, channel: in.mention.Channel,
			thread: threadOf(in.mention.ThreadTimeStamp, in.mention.TimeStamp), user: in.mention.User, msg: m})
	case in.direct != nil:
		return b.post(ctx, in.ev, in.direct.Channel, in.direct.ThreadTimeStamp, m)
	case in.command != nil:
		return b.respond(ctx, in.ev, in.command.ResponseURL, m, respondEphemeral)
	case in.action != nil:
		return b.respond(ctx, in.ev, in.action.ResponseURL, m, respondEphemeral)
	}
	return nil
}

func threadOf(thread, ts string) string {
	if thread != "" {
		return thread
	}
	return ts
}

// conversationOf is the conversation of a message in channel and thread: the thread the
// bot answers in, or, for a DM outside a thread, the DM itself.
func conversationOf(channel, thread string) adapters.ConversationKey {
	if thread == "" {
		return adapters.ConversationKey{Platform: platform, ID: "dm:" + channel}
	}
	return adapters.ConversationKey{Platform: platform, ID: "thread:" + channel + ":" + thread}
}

// askConversation is the conversation of /ask by one user in one channel.
func askConversation(channel, user string) adapters.ConversationKey {
	return adapters.ConversationKey{Platform: platform, ID: "ask:" + channel + ":" + user}
}

// onMessage answers a mention or a direct message in its channel and thread, as a turn
// of the conversation conv, asked in a place of the kind place.
func (b *bot) onMessage(ctx context.Context, ev adapters.Event, text, channel, thread string, conv adapters.ConversationKey, place adapters.Place) (adapters.Outcome, error) {
	q, echo := readText(text, b.selfID())
	b.log.Debug("question", "event_id", ev.ID, "question", q)
	if q == "" || strings.EqualFold(q, "help") {
		return adapters.OutcomeHelp, b.post(ctx, ev, channel, thread, b.help())
	}
	r, next := b.convs.AnswerTurn(ctx, b.engine, conv, q)
	b.asked(ctx, ev, place, next.Question, r)
	r.Question = echo
	return outcomeOf(r), b.post(ctx, ev, channel, thread, b.withMap(replyMessage(r, view{echo: !r.Answered, feedback: b.curator != nil}), r))
}

func outcomeOf(r answers.Reply) adapters.Outcome {
	if r.Answered {
		return adapters.OutcomeAnswered
	}
	return adapters.OutcomeUnknown
}

func (b *bot) help() message {
	m := helpMessage(b.engine.About(), b.engine.Answer("").Suggestions)
	if b.curator != nil && len(m.blocks) > 0 {
		// Before the source, the last block.
		n := len(m.blocks)
		m.blocks = append(m.blocks[:n-1:n-1], section("_"+escape(adapters.PrivacyNote)+"_"), m.blocks[n-1])
	}
	return m
}

// onCommand answers /ask, /quote and /timeline, visible to the asker alone.
func (b *bot) onCommand(ctx context.Context, ev adapters.Event, c *slack.SlashCommand) (adapters.Outcome, error) {
	text, echo := readText(c.Text, b.selfID())
	b.log.Debug("command", "event_id", ev.ID, "command", c.Command, "text", text)
	reply := func(m message) error {
		err := b.respond(ctx, ev, c.ResponseURL, m, respondEphemeral)
		if err != nil && !errors.Is(err, errShutdown) && !errors.Is(err, adapters.ErrHandedOver) {
			b.tellDropped(ev, c.ResponseURL)
		}
		return err
	}
	switch strings.ToLower(c.Command) {
	case "/ask":
		if text == "" || strings.EqualFold(text, "help") {
			return adapters.OutcomeHelp, reply(b.help())
		}
		r, next := b.convs.AnswerTurn(ctx, b.engine, askConversation(c.ChannelID, c.UserID), text)
		b.asked(ctx, ev, placeOf(c.ChannelID, ""), next.Question, r)
		r.Question = echo
		return outcomeOf(r), reply(b.withMap(replyMessage(r, view{echo: true, share: true, feedback: b.curator != nil}), r))
	case "/quote":
		return adapters.OutcomeHelp, reply(b.quotes(text))
	case "/timeline":
		return b.picture(ctx, ev, c, pictures.KindTimeline, reply)
	case "/map":
		return b.picture(ctx, ev, c, pictures.KindMap, reply)
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
	if cb.Type == slack.InteractionTypeMessageAction {
		return b.onCheck(ctx, ev, cb)
	}
	for _, a := range cb.ActionCallback.BlockActions {
		switch {
		case a.ActionID == actionShare:
			return b.share(ctx, ev, cb, a.Value)
		case strings.HasPrefix(a.ActionID, adapters.VotePrefix):
			up, ok := adapters.ParseVote(a.ActionID)
			if !ok {
				continue
			}
			return b.vote(ctx, ev, cb, up, a.Value)
		case a.ActionID == actionCheckShare:
			return b.shareCheck(ctx, ev, cb, a.Value)
		case a.ActionID == actionShowMap:
			return b.showMap(ctx, ev, cb, a.Value)
		case strings.HasPrefix(a.ActionID, actionSuggest):
			// A pressed suggestion is a turn of the conversation it was shown in: the
			// private /ask answer's, or the thread's or DM's the bot answers it in.
			conv := askConversation(ev.ChannelID, ev.UserID)
			thread := ""
			if !cb.Container.IsEphemeral {
				thread = cb.Container.ThreadTs
				if thread == "" {
					thread = cb.Message.ThreadTimestamp
				}
				if thread == "" && !strings.HasPrefix(ev.ChannelID, "D") {
					thread = cb.Container.MessageTs
				}
				conv = conversationOf(ev.ChannelID, thread)
			}
			r, _, ok := b.convs.Press(ctx, b.engine, conv, a.Value)
			if !ok {
				r = b.engine.Answer("")
				r.Kind = answers.KindUnknown
				r.Answer = "I no longer know that question. You could ask one of these instead."
			}
			if cb.Container.IsEphemeral {
				return outcomeOf(r), b.respond(ctx, ev, cb.ResponseURL,
					b.withMap(replyMessage(r, view{echo: true, share: true, feedback: b.curator != nil}), r), respondReplace)
			}
			return outcomeOf(r), b.post(ctx, ev, ev.ChannelID, thread, b.withMap(replyMessage(r, view{echo: true, feedback: b.curator != nil}), r))
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
		return adapters.OutcomeFailed, b.respond(ctx, ev, cb.ResponseURL,
			noticeMessage("I no longer know that answer, so I cannot post it."), respondEphemeral)
	}
	if question != "" {
		r.Question = question
	}
	m := replyMessage(r, view{echo: true, feedback: b.curator != nil})
	ts, err := b.postTS(ctx, ev, ev.ChannelID, "", m)
	if err == nil && ts != "" {
		// The shared answer starts a conversation in its thread, from the entry shared.
		b.convs.Press(ctx, b.engine, conversationOf(ev.ChannelID, ts), id)
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && cb.ResponseURL != "" {
		b.log.Info("cannot post to the channel, posting through the response URL",
			"event_id", ev.ID, "channel_id", ev.ChannelID, "error", se.Err)
		return adapters.OutcomeShared, b.respond(ctx, ev, cb.ResponseURL, m, respondInChannel)
	}
	if err != nil {
		return adapters.OutcomeFailed, err
	}
	if cb.ResponseURL != "" {
		if err := b.respond(ctx, ev, cb.ResponseURL, message{}, respondDelete); err != nil {
			b.log.Warn("could not remove the private answer after sharing it", "event_id", ev.ID, "error", err.Error())
		}
	}
	return adapters.OutcomeShared, nil
}

// post sends a message with chat.postMessage through the channel's queue.
func (b *bot) post(ctx context.Context, ev adapters.Event, channel, thread string, m message) error {
	_, err := b.postTS(ctx, ev, channel, thread, m)
	return err
}

// postTS is post, returning the posted message's ts when Slack gave it ("" when the
// post was found already there after an ambiguous failure).
func (b *bot) postTS(ctx context.Context, ev adapters.Event, channel, thread string, m message) (string, error) {
	if channel == "" {
		return "", errors.New("chat.postMessage: no channel")
	}
	r := &reply{ev: ev, kind: replyPost, channel: channel, thread: thread, msg: m}
	if err := b.out.send(ctx, r); err != nil {
		return "", err
	}
	return r.ts, nil
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
func (b *bot) respond(ctx context.Context, ev adapters.Event, url string, m message, mode respondMode) error {
	if url == "" {
		return errors.New("response_url: none given")
	}
	return b.out.send(ctx, &reply{ev: ev, kind: replyRespond, channel: ev.ChannelID, url: url, msg: m, mode: mode})
}

// textDropped tells a slash command's user that their answer could not be delivered.
const textDropped = "Sorry, Slack would not take my answer in time. Please ask again in a moment."

// tellDropped tells the user of a slash command whose reply was dropped, through the
// command's response URL (which works for half an hour after the command): three tries
// at most, a moment apart, since the URL has just failed.
func (b *bot) tellDropped(ev adapters.Event, url string) {
	r := &reply{ev: ev, kind: replyRespond, url: url, msg: noticeMessage(textDropped), mode: respondEphemeral}
	var err error
	for i, wait := range []time.Duration{0, b.delivery.Backoff, 10 * b.delivery.Backoff} {
		if !b.out.sleep(wait) {
			break
		}
		if err = b.out.attempt(r, time.Now().Add(DefaultAttemptTimeout)); err == nil {
			b.log.Info("told the user their answer was dropped", "event_id", ev.ID, "attempts", i+1)
			return
		}
	}
	b.log.Warn("could not tell the user their answer was dropped", "event_id", ev.ID, "error", err.Error())
}
