package discord

import (
	"context"
	"hash/fnv"
	"log/slog"
	"regexp"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// customIDPrefix starts the custom ID of every suggested-question button: "ask:<entryID>".
const customIDPrefix = "ask:"

// entryIDPattern is what an entry ID in a custom ID may look like.
var entryIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// askCustomID is the custom ID of a button that asks for an entry, or "" if the ID cannot
// be carried in one.
func askCustomID(entryID string) string {
	if !entryIDPattern.MatchString(entryID) || len(customIDPrefix)+len(entryID) > maxCustomID {
		return ""
	}
	return customIDPrefix + entryID
}

// parseCustomID returns the entry ID a button's custom ID carries, and whether it is valid.
func parseCustomID(cid string) (string, bool) {
	if len(cid) > maxCustomID || !strings.HasPrefix(cid, customIDPrefix) {
		return "", false
	}
	id := cid[len(customIDPrefix):]
	if !entryIDPattern.MatchString(id) {
		return "", false
	}
	return id, true
}

// markup matches Discord's markup in a message or an option: user mentions (<@id>,
// <@!id>), role mentions (<@&id>), channel links (<#id>), custom emoji (<:name:id>,
// animated <a:name:id>), timestamps (<t:1705400000> or <t:1705400000:R>), slash command
// mentions (</ask:id>), guild navigation (<id:browse>), and @everyone and @here.
var markup = regexp.MustCompile(`<@[!&]?\d+>|<#\d+>|<a?:\w{1,32}:\d+>|<t:-?\d+(?::[tTdDfFRs])?>|</[\w -]{1,100}:\d+>|<id:\w+>|@everyone|@here`)

// questionFromContent is the question a message or an option asks: its text without
// Discord's markup (a mention of the bot or of anyone else, an emoji, a timestamp), with
// runs of white space collapsed and no space left before the punctuation a mention
// stood in front of.
func questionFromContent(content string) string {
	return adapters.TidySpace(markup.ReplaceAllString(content, " "))
}

// Texts of the polite replies to things the bot cannot do.
const (
	textUnknownCommand = "I don't know that command. Try `/ask`, `/quote`, `/experts`, `/timeline` or `/about`."
	textUnknownButton  = "I can't answer that button any more; please use `/ask` instead."
	textInvalid        = "I couldn't read that request. Please try again, or use `/ask`."
	textPanic          = "Sorry, something went wrong on my side while answering. Please try again."
	textNoQuote        = "I have no quote that matches. `/experts` lists the experts I can quote."
)

// handler turns Discord events into responses; it is shared by the gateway and the HTTP
// endpoint, and runs every event through the shared lifecycle.
type handler struct {
	engine Engine
	lc     adapters.Lifecycle
	log    *slog.Logger
	convs  adapters.Conversations // its Store is never nil
	// curator is told of every question answered and every vote; nil shows no feedback
	// buttons.
	curator adapters.Curator
	// isThread reports whether a channel is a thread; nil means none is known to be.
	isThread func(ctx context.Context, channelID string) bool
	pics     Pictures // nil means text alone: no pictures, no map
	alts     sync.Map // a picture's file name → its alt text
}

func newHandler(engine Engine, log *slog.Logger, hooks adapters.Hooks, metrics *adapters.Metrics, store adapters.ConversationStore) *handler {
	if log == nil {
		log = slog.Default()
	}
	if store == nil {
		store = adapters.NewMemoryConversations(0, 0, nil)
	}
	return &handler{engine: engine, lc: adapters.Lifecycle{Log: log, Hooks: hooks, Metrics: metrics},
		log: log.With("platform", platform), convs: adapters.Conversations{Store: store, Log: log}}
}

// The conversations of Discord. A reply to the bot's message goes on from that message:
// each of the bot's replies keeps the context as of itself, so a reply chain is a
// conversation, and a reply to an older message of it goes on from there. A DM or a
// thread is one conversation for everyone in it; /ask is one per user and channel.

// replyConversation is the conversation as of one of the bot's messages.
func replyConversation(messageID string) adapters.ConversationKey {
	return adapters.ConversationKey{Platform: platform, ID: "reply:" + messageID}
}

// channelConversation is a DM's or a thread's conversation.
func channelConversation(channelID string) adapters.ConversationKey {
	return adapters.ConversationKey{Platform: platform, ID: "channel:" + channelID}
}

// askConversation is the conversation of /ask by one user in one channel.
func askConversation(channelID, userID string) adapters.ConversationKey {
	return adapters.ConversationKey{Platform: platform, ID: "ask:" + channelID + ":" + userID}
}

// sharedConversation is the conversation of a DM or a thread channel, where every
// message goes on from the one before; other channels have none.
func (h *handler) sharedConversation(ctx context.Context, guildID, channelID string) (adapters.ConversationKey, bool) {
	if channelID == "" {
		return adapters.ConversationKey{}, false
	}
	if guildID == "" || (h.isThread != nil && h.isThread(ctx, channelID)) {
		return channelConversation(channelID), true
	}
	return adapters.ConversationKey{}, false
}

// answerMessage answers a mention or a DM as a turn of its conversation: the bot's
// message it replies to, else its DM or thread. It returns the context to keep under the
// bot's reply once that is sent.
func (h *handler) answerMessage(ctx context.Context, m *discordgo.Message, botID, q string) (answers.Reply, answers.Context) {
	var chained answers.Context // the context as of the bot's message this replies to
	fromReply := false
	for _, key := range repliedConversations(m, botID) {
		c, err := h.convs.Store.Get(ctx, key)
		if err != nil {
			h.storeFailed(key, err)
		}
		if !c.Empty() {
			chained, fromReply = c, true
			break
		}
	}
	var r answers.Reply
	var next answers.Context
	answered := false
	answer := func(c answers.Context) answers.Context {
		r, next = h.engine.AnswerIn(c, q)
		answered = true
		return next
	}
	if key, ok := h.sharedConversation(ctx, m.GuildID, m.ChannelID); ok {
		err := h.convs.Store.Update(ctx, key, func(c answers.Context) answers.Context {
			if fromReply {
				c = chained
			}
			return answer(c)
		})
		if err != nil {
			h.storeFailed(key, err)
		}
	}
	if !answered {
		answer(chained)
	}
	return r, next
}

// repliedConversations are the conversations a reply goes on from, first found first: the
// one as of the message it replies to, and, for the bot's answer to /ask (whose id the
// bot never learns), the /ask conversation of the user who asked.
func repliedConversations(m *discordgo.Message, botID string) []adapters.ConversationKey {
	if m.Type != discordgo.MessageTypeReply || m.MessageReference == nil || m.MessageReference.MessageID == "" {
		return nil
	}
	keys := []adapters.ConversationKey{replyConversation(m.MessageReference.MessageID)}
	ref := m.ReferencedMessage
	if ref == nil || ref.Author == nil || ref.Author.ID != botID {
		return keys
	}
	switch {
	case ref.InteractionMetadata != nil && ref.InteractionMetadata.User != nil:
		keys = append(keys, askConversation(m.ChannelID, ref.InteractionMetadata.User.ID))
	case ref.Interaction != nil && ref.Interaction.User != nil:
		keys = append(keys, askConversation(m.ChannelID, ref.Interaction.User.ID))
	}
	return keys
}

// keepReply keeps the context as of the bot's message sentID, for replies to it.
func (h *handler) keepReply(ctx context.Context, sentID string, c answers.Context) {
	if sentID == "" || c.Empty() {
		return
	}
	key := replyConversation(sentID)
	if err := h.convs.Store.Put(ctx, key, c); err != nil {
		h.storeFailed(key, err)
	}
}

func (h *handler) storeFailed(key adapters.ConversationKey, err error) {
	h.log.Warn("conversation store failed; answering without the conversation", "conversation", key.ID, "error", err.Error())
}

// interactionEvent describes an interaction for the lifecycle.
func interactionEvent(i *discordgo.Interaction) adapters.Event {
	ev := adapters.Event{Platform: platform, ID: i.ID, ChannelID: i.ChannelID, Kind: adapters.KindOther}
	if i.Member != nil && i.Member.User != nil {
		ev.UserID = i.Member.User.ID
	} else if i.User != nil {
		ev.UserID = i.User.ID
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		ev.Kind, ev.Name = adapters.KindCommand, d.Name
		switch {
		case i.Type == discordgo.InteractionApplicationCommandAutocomplete:
			ev.Kind = adapters.KindAutocomplete
		case d.Name == CommandAsk || d.Name == CommandCheck:
			ev.Kind = adapters.KindQuestion
		}
	case discordgo.MessageComponentInteractionData:
		ev.Kind, ev.Name = adapters.KindButton, d.CustomID
		if _, ok := adapters.ParseVote(d.CustomID); ok {
			ev.Kind = adapters.KindFeedback
		}
		switch {
		case d.CustomID == shareCheckID:
			ev.Kind = adapters.KindShare
		case strings.HasPrefix(d.CustomID, mapCustomIDPrefix):
			ev.Kind = adapters.KindCommand
		}
	}
	return ev
}

// interaction answers a command, an autocomplete or a button press. It never returns nil
// and never panics: a refused or failed event gets an ephemeral apology, or no choices.
func (h *handler) interaction(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	ev := interactionEvent(i)
	var resp *discordgo.InteractionResponse
	_, refusal := h.lc.Handle(ctx, ev, func(ctx context.Context) (adapters.Outcome, error) {
		var outcome adapters.Outcome
		resp, outcome = h.dispatch(ctx, i)
		return outcome, nil
	})
	if resp != nil {
		return resp
	}
	text := textPanic
	if refusal != nil {
		text = refusalMessage(refusal)
	}
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return autocompleteResponse(nil)
	}
	return messageResponse(plain(text, true))
}

// dispatch routes an interaction by type and command.
func (h *handler) dispatch(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, adapters.Outcome) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return messageResponse(plain(textInvalid, true)), adapters.OutcomeInvalid
		}
		return h.command(ctx, i, d)
	case discordgo.InteractionApplicationCommandAutocomplete:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return autocompleteResponse(nil), adapters.OutcomeInvalid
		}
		return h.autocomplete(d)
	case discordgo.InteractionMessageComponent:
		d, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return messageResponse(plain(textInvalid, true)), adapters.OutcomeInvalid
		}
		return h.button(ctx, i, d)
	default:
		return messageResponse(plain(textInvalid, true)), adapters.OutcomeInvalid
	}
}

// command answers a slash command.
func (h *handler) command(ctx context.Context, i *discordgo.Interaction, d discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, adapters.Outcome) {
	switch d.Name {
	case CommandAsk:
		q := questionFromContent(optionString(d.Options, "question"))
		r, next := h.convs.AnswerTurn(ctx, h.engine, askConversation(i.ChannelID, interactionUser(i)), q)
		h.asked(ctx, interactionEvent(i), h.placeOf(ctx, i.GuildID, i.ChannelID), next.Question, r)
		m := h.renderAnswer(r)
		m.Ephemeral = optionBool(d.Options, "private")
		return messageResponse(m), replyOutcome(r.Answered)
	case CommandQuote:
		qs := h.engine.Quotes(optionString(d.Options, "expert"), optionString(d.Options, "topic"))
		if len(qs) == 0 {
			return messageResponse(plain(textNoQuote, true)), adapters.OutcomeUnknown
		}
		pick := 0
		if strings.TrimSpace(optionString(d.Options, "topic")) == "" {
			// Without a topic every quote matches equally: vary the pick by interaction.
			f := fnv.New32a()
			f.Write([]byte(i.ID))
			pick = int(f.Sum32() % uint32(len(qs)))
		}
		return messageResponse(renderQuote(qs[pick], h.engine.About().Source)), adapters.OutcomeAnswered
	case CommandExperts:
		return messageResponse(renderExperts(h.engine.Experts(), h.engine.About().Source)), adapters.OutcomeAnswered
	case CommandTimeline:
		return h.timeline(ctx), adapters.OutcomeAnswered
	case CommandMap:
		return h.mapOf(ctx, "", false)
	case CommandCheck:
		return h.check(i, d)
	case CommandAbout:
		m := renderAbout(h.engine.About())
		if h.curator != nil {
			m = withPrivacyNote(m)
		}
		return messageResponse(m), adapters.OutcomeAnswered
	default:
		return messageResponse(plain(textUnknownCommand, true)), adapters.OutcomeInvalid
	}
}

// autocomplete offers choices for the option being typed.
func (h *handler) autocomplete(d discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, adapters.Outcome) {
	focused := focusedOption(d.Options)
	if focused == nil {
		return autocompleteResponse(nil), adapters.OutcomeInvalid
	}
	typed, _ := focused.Value.(string)
	switch {
	case d.Name == CommandAsk && focused.Name == "question":
		return autocompleteResponse(h.engine.Suggest(questionFromContent(typed), maxChoices)), adapters.OutcomeAnswered
	case d.Name == CommandQuote && focused.Name == "expert":
		return autocompleteResponse(h.engine.SuggestExperts(typed, maxChoices)), adapters.OutcomeAnswered
	case d.Name == CommandQuote && focused.Name == "topic":
		return autocompleteResponse(h.engine.SuggestTopics(typed, maxChoices)), adapters.OutcomeAnswered
	default:
		return autocompleteResponse(nil), adapters.OutcomeInvalid
	}
}

// button answers a suggested question by replacing the message it was pressed on, as a
// turn of the conversation that message was part of.
func (h *handler) button(ctx context.Context, i *discordgo.Interaction, d discordgo.MessageComponentInteractionData) (*discordgo.InteractionResponse, adapters.Outcome) {
	if up, entry, ok := parseVoteCustomID(d.CustomID); ok {
		return h.vote(ctx, i, up, entry)
	}
	if d.CustomID == shareCheckID {
		return h.shareCheck(i)
	}
	if id, ok := parseMapCustomID(d.CustomID); ok {
		private := i.Message != nil && i.Message.Flags&discordgo.MessageFlagsEphemeral != 0
		return h.mapOf(ctx, id, private)
	}
	id, ok := parseCustomID(d.CustomID)
	if !ok {
		return messageResponse(plain(textUnknownButton, true)), adapters.OutcomeInvalid
	}
	key, msgID := h.pressedConversation(ctx, i)
	r, next, ok := h.convs.Press(ctx, h.engine, key, id)
	if !ok {
		return messageResponse(plain(textUnknownButton, true)), adapters.OutcomeUnknown
	}
	if key != replyConversation(msgID) {
		// The message now shows the pressed answer: a reply to it goes on from there.
		h.keepReply(ctx, msgID, next)
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: h.renderAnswer(r).data()}, adapters.OutcomeAnswered
}

// pressedConversation is the conversation of the message a button was pressed on, and
// that message's id: the /ask conversation of the user who asked, for an answer to
// /ask; the DM's or the thread's; else the conversation as of that message.
func (h *handler) pressedConversation(ctx context.Context, i *discordgo.Interaction) (adapters.ConversationKey, string) {
	m := i.Message
	if m == nil {
		return askConversation(i.ChannelID, interactionUser(i)), ""
	}
	switch {
	case m.InteractionMetadata != nil && m.InteractionMetadata.User != nil:
		return askConversation(i.ChannelID, m.InteractionMetadata.User.ID), m.ID
	case m.Interaction != nil && m.Interaction.User != nil:
		return askConversation(i.ChannelID, m.Interaction.User.ID), m.ID
	}
	if key, ok := h.sharedConversation(ctx, i.GuildID, i.ChannelID); ok {
		return key, m.ID
	}
	return replyConversation(m.ID), m.ID
}

// interactionUser is the id of the user who sent an interaction.
func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// message returns the bot's reply to a channel or direct message, or nil when the bot
// should not reply: the message is the bot's own or another bot's, is in a guild channel
// without mentioning the bot, or was refused silently by Hooks.Before. It also returns
// the conversation's context after the reply, to keep under the reply's id once it is
// sent (keepReply), or the empty Context.
func (h *handler) message(ctx context.Context, m *discordgo.Message, botID string) (*discordgo.MessageSend, answers.Context) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.ID == botID || botID == "" {
		return nil, answers.Context{}
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return nil, answers.Context{}
	}
	if m.GuildID != "" && !mentions(m, botID) {
		return nil, answers.Context{}
	}
	ev := messageEvent(m)
	var send *discordgo.MessageSend
	var next answers.Context
	_, refusal := h.lc.Handle(ctx, ev, func(ctx context.Context) (adapters.Outcome, error) {
		q := questionFromContent(m.Content)
		var msg message
		outcome := adapters.OutcomeHelp
		if q == "" {
			msg = renderHelp(h.engine.Answer(""))
		} else {
			var r answers.Reply
			r, next = h.answerMessage(ctx, m, botID, q)
			h.asked(ctx, ev, h.placeOf(ctx, m.GuildID, m.ChannelID), next.Question, r)
			msg, outcome = h.renderAnswer(r), replyOutcome(r.Answered)
		}
		send = msg.send()
		send.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
		return outcome, nil
	})
	// A refusal with a message (the one "slow down") is said once; others are silent.
	if text := adapters.RefusalMessage(refusal); refusal != nil && text != "" {
		send = plain(text, false).send()
		send.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
	}
	return send, next
}

// messageEvent describes a direct message or a mention for the lifecycle.
func messageEvent(m *discordgo.Message) adapters.Event {
	ev := adapters.Event{Platform: platform, Kind: adapters.KindQuestion, Name: "dm", ID: m.ID, ChannelID: m.ChannelID}
	if m.Author != nil {
		ev.UserID = m.Author.ID
	}
	if m.GuildID != "" {
		ev.Name = "mention"
	}
	return ev
}

// mentions reports whether a message mentions the bot by name (not by @everyone or a role).
func mentions(m *discordgo.Message, botID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return false
}

func replyOutcome(answered bool) adapters.Outcome {
	if answered {
		return adapters.OutcomeAnswered
	}
	return adapters.OutcomeUnknown
}

// messageResponse is a type 4 response: a new message.
func messageResponse(m message) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.data()}
}

// autocompleteResponse is a type 8 response: the choices.
func autocompleteResponse(items []string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices(items)},
	}
}

// focusedOption finds the option the user is typing, in subcommands too.
func focusedOption(opts []*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Focused {
			return o
		}
		if f := focusedOption(o.Options); f != nil {
			return f
		}
	}
	return nil
}

// optionString is a string option's value, or "".
func optionString(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o != nil && o.Name == name {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

// optionBool is a boolean option's value, or false.
func optionBool(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	for _, o := range opts {
		if o != nil && o.Name == name {
			b, _ := o.Value.(bool)
			return b
		}
	}
	return false
}

// autocompleteWire is a type 8 response as Discord reads it: the choices array is always present.
type autocompleteWire struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// wire is the JSON body for a response; discordgo's own type drops an empty choices list.
func wire(resp *discordgo.InteractionResponse) any {
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return resp
	}
	w := autocompleteWire{Type: resp.Type}
	w.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
	if resp.Data != nil && resp.Data.Choices != nil {
		w.Data.Choices = resp.Data.Choices
	}
	return w
}
