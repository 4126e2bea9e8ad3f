package discord

import (
	"context"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
	"github.com/borderbot/borderbot/answers"
)

// voteCustomID is the custom id of a feedback button: "vote:up:<entryID>", or "" when
// the entry id cannot be carried in one.
func voteCustomID(up bool, entryID string) string {
	id := adapters.VoteDown
	if up {
		id = adapters.VoteUp
	}
	if !entryIDPattern.MatchString(entryID) || len(id)+1+len(entryID) > maxCustomID {
		return ""
	}
	return id + ":" + entryID
}

// parseVoteCustomID reads a feedback button's custom id: whether it is 👍, the entry it
// votes on, and whether it is a feedback button's at all.
func parseVoteCustomID(cid string) (up bool, entryID string, ok bool) {
	up, ok = adapters.ParseVote(cid)
	if !ok || len(cid) > maxCustomID {
		return false, "", false
	}
	parts := strings.SplitN(cid, ":", 3)
	if len(parts) != 3 || !entryIDPattern.MatchString(parts[2]) {
		return false, "", false
	}
	return up, parts[2], true
}

// feedbackButtons are the 👍 and 👎 buttons of an answer, when there is a curator to
// tell; renderAnswer puts them in the answer's row.
func (h *handler) feedbackButtons(r answers.Reply) []discordgo.MessageComponent {
	if h.curator == nil || !r.Answered || r.ID == "" {
		return nil
	}
	up, down := voteCustomID(true, r.ID), voteCustomID(false, r.ID)
	if up == "" {
		return nil
	}
	return []discordgo.MessageComponent{
		discordgo.Button{Label: "Helpful", Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: up},
		discordgo.Button{Label: "Not helpful", Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: down},
	}
}

// asked tells the curator of a question answered.
func (h *handler) asked(ctx context.Context, ev adapters.Event, place adapters.Place, read string, r answers.Reply) {
	if h.curator == nil {
		return
	}
	h.curator.Asked(ctx, adapters.Asked{Platform: platform, Place: place, UserID: ev.UserID, Read: read, Reply: r})
}

// placeOf is the kind of place a channel is: a DM outside a guild, a thread, or a channel.
func (h *handler) placeOf(ctx context.Context, guildID, channelID string) adapters.Place {
	switch {
	case guildID == "":
		return adapters.PlaceDM
	case h.isThread != nil && h.isThread(ctx, channelID):
		return adapters.PlaceThread
	}
	return adapters.PlaceChannel
}

// vote records a pressed 👍 or 👎 and thanks the voter alone. The question is the one
// the conversation of the message read last, when that was the entry voted on.
func (h *handler) vote(ctx context.Context, i *discordgo.Interaction, up bool, entryID string) (*discordgo.InteractionResponse, adapters.Outcome) {
	if h.curator == nil {
		return messageResponse(plain(textUnknownButton, true)), adapters.OutcomeInvalid
	}
	v := adapters.Vote{Platform: platform, Place: h.placeOf(ctx, i.GuildID, i.ChannelID), UserID: interactionUser(i),
		EntryID: entryID, Up: up}
	if i.Message != nil {
		v.Answer = i.Message.ChannelID + "/" + i.Message.ID
		key, _ := h.pressedConversation(ctx, i)
		if c, err := h.convs.Store.Get(ctx, key); err == nil && len(c.Given) > 0 && c.Given[len(c.Given)-1] == entryID {
			v.Question = c.Question
		}
	}
	h.curator.Voted(ctx, v)
	return messageResponse(plain(adapters.VoteThanks, true)), adapters.OutcomeAnswered
}

// withPrivacyNote adds to /about that questions are kept to improve the answers.
func withPrivacyNote(m message) message {
	if len(m.Embeds) > 0 && len(m.Embeds[0].Fields) < maxEmbedFields {
		e := *m.Embeds[0]
		e.Fields = append(slices.Clip(e.Fields), &discordgo.MessageEmbedField{Name: "Privacy", Value: adapters.PrivacyNote})
		m.Embeds = []*discordgo.MessageEmbed{fitEmbed(&e)}
	}
	return m
}
