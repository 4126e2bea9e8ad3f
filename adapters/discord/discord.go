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

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// Engine is the part of answers.Engine the Discord adapter uses.
type Engine interface {
	Answer(question string) answers.Reply
	AnswerIn(c answers.Context, message string) (answers.Reply, answers.Context)
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
	CommandMap      = "map"
	// CommandCheck is the message command, in the menu of any message.
	CommandCheck = "Check against the article"
)

// refusalText is what a refused user is told when the hook gives no message.
const refusalText = "Sorry, I can't answer that right now. Please try again in a moment."

// refusalMessage returns the text to show for a refusal error in reply to an
// interaction, which must always get a response.
func refusalMessage(err error) string {
	if m := adapters.RefusalMessage(err); m != "" {
		return m
	}
	return refusalText
}

// platform names Discord in events, logs and metrics.
const platform = adapters.Discord

// Commands returns the bot's slash command definitions.
//
// Every command may be used wherever the app is installed: added to a server (guild
// install) or by a user to their account (user install), in servers, in the bot's DM,
// and in group DMs and DMs between users.
func Commands() []*discordgo.ApplicationCommand {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel}
	installs := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall}
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
		{Name: CommandMap, Description: "A map of the places the article names, with dates"},
	}
	for _, c := range cmds {
		c.Type = discordgo.ChatApplicationCommand
		if c.Options == nil {
			c.Options = []*discordgo.ApplicationCommandOption{}
		}
	}
	cmds = append(cmds, &discordgo.ApplicationCommand{Name: CommandCheck, Type: discordgo.MessageApplicationCommand})
	for _, c := range cmds {
		c.Contexts, c.IntegrationTypes = &contexts, &installs
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
