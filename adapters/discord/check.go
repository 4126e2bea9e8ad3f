package discord

import (
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/adapters"
)

// shareCheckID is the custom ID of the button that posts a private fact check for everyone.
const shareCheckID = "check:share"

// Embed colours of the findings.
const (
	colourYes    = 0x2F855A
	colourNo     = 0xC53030
	colourPartly = 0xD69E2E
)

// textCheckEmpty is the reply to the message command on a message with no text (an
// image, an embed alone).
const textCheckEmpty = "That message has no text for me to check. I check what a message says against the article."

// check answers the message command: the chosen message's claims and questions checked
// against the article, privately, with a button to share the result.
func (h *handler) check(i *discordgo.Interaction, d discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, adapters.Outcome) {
	var text string
	if d.Resolved != nil && d.Resolved.Messages != nil {
		if m := d.Resolved.Messages[d.TargetID]; m != nil {
			text = m.Content
		}
	}
	text = questionFromContent(text)
	if text == "" {
		return messageResponse(plain(textCheckEmpty, true)), adapters.OutcomeHelp
	}
	checks, more := adapters.FactCheck(h.engine, text)
	if len(checks) == 0 {
		return messageResponse(plain(adapters.TextNothingToCheck, true)), adapters.OutcomeUnknown
	}
	m := renderChecks(checks, more)
	m.Ephemeral = true
	m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Share in the channel", Style: discordgo.PrimaryButton, CustomID: shareCheckID},
	}}}
	return messageResponse(m), adapters.OutcomeAnswered
}

// renderChecks renders one embed a claim: the finding as title, the claim quoted, the
// fact that settles it, its first quote and the source.
func renderChecks(checks []adapters.Check, more bool) message {
	var embeds []*discordgo.MessageEmbed
	total := 0
	for _, c := range checks {
		e := &discordgo.MessageEmbed{Title: c.Finding.String(), Footer: footer(c.Reply.Source)}
		switch c.Finding {
		case adapters.FindingYes:
			e.Color = colourYes
		case adapters.FindingNo:
			e.Color = colourNo
		case adapters.FindingPartly:
			e.Color = colourPartly
		case adapters.FindingNotSaid, adapters.FindingNotAsSaid:
			e.Color = colourUnknown
		default:
			e.Color = colourAnswer
		}
		desc := "> " + c.Claim + "\n\n"
		if c.Finding == adapters.FindingNotSaid {
			desc += "The article does not say."
		} else {
			desc += c.Fact()
		}
		e.Description = desc
		if len(c.Reply.Quotes) > 0 && c.Finding != adapters.FindingNotSaid {
			e.Fields = append(e.Fields, quoteField(c.Reply.Quotes[0]))
		}
		// Discord allows 6,000 characters over all of a message's embeds: the quote goes
		// first, then the claims that do not fit.
		e = fitEmbed(e)
		if total+embedLen(e) > maxEmbedTotal {
			e.Fields = nil
		}
		if total+embedLen(e) > maxEmbedTotal {
			more = true
			break
		}
		total += embedLen(e)
		embeds = append(embeds, e)
	}
	m := message{Embeds: embeds, Content: "Checked against the article:"}
	if more {
		m.Content = "Checked against the article (the first " + strconv.Itoa(len(embeds)) + " claims and questions of the message):"
	}
	return m
}

// shareCheck posts a private fact check, from the message its button is on, for everyone
// in the channel, naming who shared it; the private one stays as it was.
func (h *handler) shareCheck(i *discordgo.Interaction) (*discordgo.InteractionResponse, adapters.Outcome) {
	if i.Message == nil || len(i.Message.Embeds) == 0 {
		return messageResponse(plain(textUnknownButton, true)), adapters.OutcomeInvalid
	}
	content := "Checked against the article"
	if u := interactionUser(i); u != "" {
		content = "<@" + u + "> shared this check against the article"
	}
	content += ":"
	// The embeds as they were shown, without the button.
	return messageResponse(message{Content: content, Embeds: i.Message.Embeds}), adapters.OutcomeShared
}
