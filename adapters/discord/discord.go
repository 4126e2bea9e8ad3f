// Package discord puts the answer engine in front of Discord users: slash commands with
// autocomplete, suggestion buttons, mentions and direct messages, served either over the
// gateway (Gateway) or from an HTTP interactions endpoint (NewInteractionsHandler).
//
// Rendering lives in render.go, the platform-neutral handling of one event in handle.go;
// gateway.go and interactions.go only carry events in and responses out.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/borderbot/borderbot/answers"
	"github.com/bwmarrin/discordgo"
)

// Engine is the part of answers.Engine the Discord adapter uses.
type Engine interface {
	Answer(question string) answers.Reply
	AnswerID(id string) (answers.Reply, bool)
	Suggest(prefix string, n int) []string
	SuggestExperts(prefix string, n int) []string
	SuggestTopics(prefix string, n int) []string
	Quotes(expert, topic string) []answers.Quote
	Experts() []answers.Expert
	Timeline() []answers.Event
	About() answers.About
}

// Intents are the gateway intents the bot requests; neither is privileged.
const Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// Command names.
const (
	CommandAsk      = "ask"
	CommandQuote    = "quote"
	CommandExperts  = "experts"
	CommandTimeline = "timeline"
	CommandAbout    = "about"
)

// Event kinds, as passed to Hooks.
const (
	KindCommand      = "command"      // a slash command
	KindAutocomplete = "autocomplete" // a slash command option being typed
	KindButton       = "button"       // a suggested question pressed
	KindMention      = "mention"      // @bot <question> in a channel
	KindDM           = "dm"           // a direct message to the bot
	KindOther        = "other"        // any other interaction type
)

// Outcomes of handling one event, as logged and passed to Hooks.After.
const (
	OutcomeAnswered = "answered" // an answer, a quote, a list or autocomplete choices
	OutcomeUnknown  = "unknown"  // the bot said it does not know, or could not find what was asked
	OutcomeHelp     = "help"     // the help text
	OutcomeInvalid  = "invalid"  // an unknown command or button, or a malformed interaction
	OutcomeRefused  = "refused"  // Hooks.Before refused the event
	OutcomePanic    = "panic"    // handling panicked; the panic was recovered and logged
)

// Event describes one incoming Discord event, for Hooks.
type Event struct {
	Kind      string // KindCommand, KindAutocomplete, KindButton, KindMention, KindDM or KindOther
	ID        string // the interaction or message ID
	UserID    string // who sent it
	GuildID   string // empty in direct messages
	ChannelID string
	Name      string // the command name, or the button's custom ID
}

// Hooks let the caller observe and refuse events, for rate limits and metrics; both are optional.
//
// Before runs before an event is handled; a non-nil error refuses the event: interactions
// get an ephemeral reply (the Refusal's Message if the error is a *Refusal, else a polite
// default), autocomplete gets no choices, and messages get no reply. After runs once the
// event has been handled, with its outcome (one of the Outcome constants) and duration.
type Hooks struct {
	Before func(ctx context.Context, ev Event) error
	After  func(ctx context.Context, ev Event, outcome string, elapsed time.Duration)
}

// Refusal is an error a Hooks.Before returns to refuse an event with a message for the user.
type Refusal struct {
	Message string // shown to the user, ephemerally
}

// Error returns the refusal's message.
func (r *Refusal) Error() string { return "refused: " + r.Message }

// refusalText is what a refused user is told when the hook gives no message.
const refusalText = "Sorry, I can't answer that right now. Please try again in a moment."

// refusalMessage returns the text to show for a refusal error.
func refusalMessage(err error) string {
	var r *Refusal
	if errors.As(err, &r) && strings.TrimSpace(r.Message) != "" {
		return r.Message
	}
	return refusalText
}

// Commands returns the bot's slash command definitions.
func Commands() []*discordgo.ApplicationCommand {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	minLen := 1
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        CommandAsk,
			Description: "Ask a question about the Iran–Pakistan strikes of January 2024",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "question",
					Description: "Your question; pick one as you type, or write your own",
					Required:    true, Autocomplete: true, MinLength: &minLen, MaxLength: answers.MaxQuestionLen,
				},
				{
					Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
					Description: "Only you see the answer",
				},
			},
		},
		{
			Name:        CommandQuote,
			Description: "A quote from one of the experts, verbatim and attributed",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "expert",
					Description: "Whose quote", Autocomplete: true, MaxLength: 100,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "topic",
					Description: "What about", Autocomplete: true, MaxLength: 100,
				},
			},
		},
		{Name: CommandExperts, Description: "The experts the article interviews"},
		{Name: CommandTimeline, Description: "The events, in order, with dates"},
		{Name: CommandAbout, Description: "What the bot knows, its source, and how to ask"},
	}
	for _, c := range cmds {
		c.Type = discordgo.ChatApplicationCommand
		c.Contexts = &contexts
		if c.Options == nil {
			c.Options = []*discordgo.ApplicationCommandOption{}
		}
	}
	return cmds
}

// RegisterCommands replaces the application's commands with Commands() in one bulk
// overwrite: on the guild when guildID is set (instant), else globally.
func RegisterCommands(ctx context.Context, s *discordgo.Session, appID, guildID string) error {
	if appID == "" {
		return errors.New("discord: register commands: no application ID")
	}
	where := "globally"
	if guildID != "" {
		where = "on guild " + guildID
	}
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guildID, Commands(), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: register commands %s: %w", where, err)
	}
	return nil
}

// Register registers the commands once with a bot token, as `bot discord register` does:
// on guildID when set, else globally.
func Register(ctx context.Context, token, appID, guildID string) error {
	token = strings.TrimSpace(token)
	if token == "Bot" || strings.HasPrefix(token, "Bot ") {
		token = strings.TrimSpace(token[len("Bot"):])
	}
	if token == "" {
		return errors.New("discord: register commands: no bot token (DISCORD_TOKEN)")
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return fmt.Errorf("discord: register commands: %w", err)
	}
	return RegisterCommands(ctx, s, appID, guildID)
}

// ParsePublicKey decodes the application's public key, as the Developer Portal shows it in hex.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("discord: public key is empty; copy it from the Developer Portal, General Information")
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("discord: public key is not hex: %w", err)
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord: public key is %d bytes, want %d (64 hex characters)", len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}
