package discord

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

// The real engine satisfies the adapter's interface.
var _ Engine = (*answers.Engine)(nil)

func TestMessagePath(t *testing.T) {
	const bot = "1100000000000000001"
	msg := func(guild, author, content string, isBot bool, mentions ...string) *discordgo.Message {
		m := &discordgo.Message{ID: "m", ChannelID: "c", GuildID: guild, Content: content,
			Author: &discordgo.User{ID: author, Bot: isBot}}
		for _, id := range mentions {
			m.Mentions = append(m.Mentions, &discordgo.User{ID: id})
		}
		return m
	}
	var outcomes []string
	hooks := adapters.Hooks{
		Before: func(_ context.Context, ev adapters.Event) error {
			if ev.UserID == "limited" {
				return errors.New("rate limited")
			}
			if ev.UserID == "warned" {
				return &adapters.Refusal{Message: adapters.SlowDown}
			}
			return nil
		},
		After: func(_ context.Context, ev adapters.Event, outcome adapters.Outcome, _ time.Duration) {
			outcomes = append(outcomes, ev.Name+"/"+outcome.String())
		},
	}
	logs := &testkit.LogBuffer{}
	h := newHandler(testkit.Engine(t), testLogger(logs), hooks, nil, nil)
	tests := []struct {
		name  string
		m     *discordgo.Message
		reply bool
		title string
	}{
		{"mention", msg("g", "u", "<@"+bot+"> When did Iran strike Pakistan?", false, bot), true, ""},
		{"DM", msg("", "u", "When did Iran strike Pakistan?", false), true, ""},
		{"empty DM", msg("", "u", "", false), true, "How to ask"},
		{"empty mention", msg("g", "u", "<@!"+bot+">  ", false, bot), true, "How to ask"},
		{"own message", msg("", bot, "hello", true), false, ""},
		{"other bot", msg("g", "b2", "<@"+bot+"> hi", true, bot), false, ""},
		{"no mention", msg("g", "u", "hello all", false), false, ""},
		{"@everyone only", msg("g", "u", "@everyone hello", false), false, ""},
		{"refused", msg("", "limited", "When did Iran strike Pakistan?", false), false, ""},
		{"refused with a message", msg("g", "warned", "<@"+bot+"> When did Iran strike Pakistan?", false, bot), true, ""},
		{"no author", &discordgo.Message{ID: "x", Content: "hi"}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			send, _ := h.message(context.Background(), tc.m, bot)
			if (send != nil) != tc.reply {
				t.Fatalf("reply %v, want %v", send != nil, tc.reply)
			}
			if send == nil {
				return
			}
			if send.Reference == nil || send.Reference.MessageID != tc.m.ID {
				t.Errorf("reference %+v", send.Reference)
			}
			if am := send.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 || am.RepliedUser {
				t.Errorf("allowed mentions %+v", am)
			}
			if tc.m.Author.ID == "warned" && (send.Content != adapters.SlowDown || len(send.Embeds) != 0) {
				t.Errorf("refusal replied %q with %d embeds, want only the slow-down text", send.Content, len(send.Embeds))
			}
			if tc.title != "" && send.Embeds[0].Title != tc.title {
				t.Errorf("title %q, want %q", send.Embeds[0].Title, tc.title)
			}
		})
	}
	want := "mention/answered dm/answered dm/help mention/help dm/refused mention/refused"
	if got := strings.Join(outcomes, " "); got != want {
		t.Errorf("outcomes %q, want %q", got, want)
	}
	if strings.Contains(logs.String(), "When did Iran") {
		t.Error("message text logged")
	}

	ph := newHandler(panicky{testkit.Engine(t)}, testLogger(logs), adapters.Hooks{}, nil, nil)
	if send, _ := ph.message(context.Background(), msg("", "u", "boom?", false), bot); send != nil {
		t.Error("a panicking engine produced a reply")
	}
	if !strings.Contains(logs.String(), "panic") || !strings.Contains(logs.String(), "event_id=m") {
		t.Error("message panic not logged with its id")
	}
}

func TestCommandsWithinLimits(t *testing.T) {
	for _, c := range Commands() {
		if c.Type == discordgo.MessageApplicationCommand {
			// A message command is named as its menu shows it, and has no description.
			if textLen(c.Name) > 32 || c.Description != "" || len(c.Options) != 0 {
				t.Errorf("message command %q: over Discord's limits, or with a description or options", c.Name)
			}
			continue
		}
		if len(c.Name) > 32 || len(c.Description) == 0 || textLen(c.Description) > 100 {
			t.Errorf("/%s: name or description over Discord's limits", c.Name)
		}
		for _, o := range c.Options {
			if len(o.Name) > 32 || textLen(o.Description) > 100 || o.Description == "" {
				t.Errorf("/%s %s: over Discord's limits", c.Name, o.Name)
			}
		}
	}
}
