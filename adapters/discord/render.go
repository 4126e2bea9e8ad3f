package discord

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/answers"
)

// Discord's limits, in characters.
const (
	maxContent          = 2000
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxEmbedTotal       = 6000
	maxChoices          = 25
	maxChoiceLen        = 100
	maxButtonLabel      = 80
	maxButtonsPerRow    = 5
	maxRows             = 5
	maxCustomID         = 100
)

// Embed colours.
const (
	colourAnswer  = 0x2B6CB0
	colourUnknown = 0xD69E2E
	colourQuote   = 0x6B46C1
	colourInfo    = 0x2F855A
)

// howToAsk tells a user every way to ask.
const howToAsk = "Ask with `/ask`, mention me with a question (`@bot who is Ali Vaez?`), or send me a direct message. " +
	"`/quote`, `/experts`, `/timeline` and `/about` tell you more."

// message is what the bot says, whether as an interaction response or a channel message.
type message struct {
	Content    string                       `json:"content,omitempty"`
	Embeds     []*discordgo.MessageEmbed    `json:"embeds"`
	Components []discordgo.MessageComponent `json:"components,omitempty"`
	Ephemeral  bool                         `json:"ephemeral,omitempty"`
}

// noMentions allows no mention of anyone, not even the author of the message replied to.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// data turns a message into interaction response data.
func (m message) data() *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions(),
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	if m.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// send turns a message into a channel message.
func (m message) send() *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions(),
	}
}

// plain is a message of text alone, fitted to the content limit.
func plain(text string, ephemeral bool) message {
	return message{Content: fitText(text, maxContent), Ephemeral: ephemeral}
}

// renderReply renders an engine reply as an embed with the quotes as fields, the source
// as footer, and the suggested questions as buttons.
func renderReply(r answers.Reply) message {
	e := &discordgo.MessageEmbed{Description: r.Answer, Footer: footer(r.Source)}
	switch {
	case r.Answered:
		e.Title = r.Title
		e.Color = colourAnswer
	case r.Kind == answers.KindEmpty || r.Kind == answers.KindTooLong:
		e.Title = "How to ask"
		e.Color = colourInfo
		e.Description = r.Answer + "\n\n" + howToAsk
	case r.Kind == answers.KindNotInArticle:
		e.Title = "Not in the article"
		e.Color = colourUnknown
	case r.Kind == answers.KindClarify:
		e.Title = "Who do you mean?"
		e.Color = colourInfo
	case r.Kind == answers.KindInstruction:
		e.Title = "I only repeat the article"
		e.Color = colourInfo
	default:
		e.Title = "I don't know"
		e.Color = colourUnknown
	}
	if r.DidYouMean != nil {
		e.Description += "\n\n*Did you mean:* " + r.DidYouMean.Question
	}
	for _, q := range r.Quotes {
		e.Fields = append(e.Fields, quoteField(q))
	}
	var buttons []suggestionButton
	if r.DidYouMean != nil {
		buttons = append(buttons, suggestionButton{r.DidYouMean.ID, r.DidYouMean.Question, discordgo.PrimaryButton})
	}
	for _, s := range r.Suggestions {
		buttons = append(buttons, suggestionButton{s.ID, s.Question, discordgo.SecondaryButton})
	}
	return message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}, Components: buttonRows(buttons)}
}

// renderHelp is the help text: how to ask, with example questions as buttons.
func renderHelp(examples answers.Reply) message {
	examples.Kind = answers.KindEmpty
	examples.Answered = false
	examples.DidYouMean = nil
	return renderReply(examples)
}

// quoteField renders a quote as an embed field: the speaker as its name, the verbatim
// text and the speaker's role as its value.
func quoteField(q answers.Quote) *discordgo.MessageEmbedField {
	value := "“" + q.Text + "”"
	if q.Role != "" {
		value += "\n— *" + q.Role + "*"
	}
	return &discordgo.MessageEmbedField{Name: q.Speaker, Value: value}
}

// renderQuote renders one quote, verbatim and attributed.
func renderQuote(q answers.Quote, src answers.Source) message {
	desc := "> “" + q.Text + "”\n\n— **" + q.Speaker + "**"
	if q.Role != "" {
		desc += ", " + q.Role
	}
	e := &discordgo.MessageEmbed{Description: desc, Color: colourQuote, Footer: footer(src)}
	if q.About != "" {
		e.Title = "On " + q.About
	}
	return message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// renderExperts renders the experts, one field each.
func renderExperts(experts []answers.Expert, src answers.Source) message {
	e := &discordgo.MessageEmbed{
		Title:       "The experts",
		Description: fmt.Sprintf("The %d analysts the article interviews. `/quote expert:<name>` gives a quote by one of them.", len(experts)),
		Color:       colourInfo, Footer: footer(src),
	}
	for _, x := range experts {
		v := x.Role
		if v == "" {
			v = x.Affiliation
		}
		if x.Quotes > 0 {
			v += fmt.Sprintf("\n%d %s", x.Quotes, plural(x.Quotes, "quote", "quotes"))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: x.Name, Value: v})
	}
	return message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// renderTimeline renders the events in order, one dated line each, with a button for
// each event the bot can tell more about.
func renderTimeline(events []answers.Event, src answers.Source) message {
	e := &discordgo.MessageEmbed{Title: "Timeline", Color: colourInfo, Footer: footer(src)}
	if len(events) == 0 {
		e.Description = "I have no dated events."
		return message{Embeds: []*discordgo.MessageEmbed{e}}
	}
	e.Title = fmt.Sprintf("Timeline, %s to %s", events[0].DateText(), events[len(events)-1].DateText())
	var lines []string
	for _, ev := range events {
		lines = append(lines, "**"+ev.DateText()+"**: "+ev.Text)
	}
	e.Description = fitLines(lines, maxEmbedDescription)
	var buttons []suggestionButton
	seen := map[string]bool{}
	for _, ev := range events {
		if ev.EntryID != "" && !seen[ev.EntryID] {
			seen[ev.EntryID] = true
			buttons = append(buttons, suggestionButton{ev.EntryID, ev.DateText(), discordgo.SecondaryButton})
		}
	}
	return message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}, Components: buttonRows(buttons)}
}

// renderAbout renders what the bot knows, its source and how to ask.
func renderAbout(a answers.About) message {
	e := &discordgo.MessageEmbed{
		Title:       "About this bot",
		Description: a.Summary + "\n\n" + howToAsk,
		Color:       colourInfo, Footer: footer(a.Source),
	}
	src := a.Source.Title
	if src != "" {
		src = "*" + src + "*\n"
	}
	src += fmt.Sprintf("%s, by %s", a.Source.Outlet, a.Source.Author)
	if a.Source.AuthorRole != "" {
		src += ", " + a.Source.AuthorRole
	}
	if a.Source.Published != "" {
		src += " (" + a.Source.Published + ")"
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Source", Value: src})
	if len(a.Topics) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Topics", Value: fitLines(bullets(a.Topics), maxFieldValue)})
	}
	if len(a.Examples) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Try asking", Value: fitLines(bullets(a.Examples), maxFieldValue)})
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
		Name:  "What I hold",
		Value: fmt.Sprintf("%d answers and %d verbatim quotes, all from this one article.", a.Entries, a.Quotes),
	})
	return message{Embeds: []*discordgo.MessageEmbed{fitEmbed(e)}}
}

// footer names the source under every answer.
func footer(src answers.Source) *discordgo.MessageEmbedFooter {
	if src.Citation == "" {
		return nil
	}
	return &discordgo.MessageEmbedFooter{Text: fitText(src.Citation, maxFooter)}
}

// suggestionButton is a question offered as a button.
type suggestionButton struct {
	id, label string
	style     discordgo.ButtonStyle
}

// buttonRows lays buttons out in action rows, dropping duplicates, invalid IDs and any
// beyond Discord's limits.
func buttonRows(buttons []suggestionButton) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	var row []discordgo.MessageComponent
	seen := map[string]bool{}
	for _, b := range buttons {
		cid := askCustomID(b.id)
		if cid == "" || seen[cid] || strings.TrimSpace(b.label) == "" {
			continue
		}
		seen[cid] = true
		row = append(row, discordgo.Button{Label: fitText(b.label, maxButtonLabel), Style: b.style, CustomID: cid})
		if len(row) == maxButtonsPerRow {
			rows = append(rows, discordgo.ActionsRow{Components: row})
			row = nil
		}
		if len(rows) == maxRows {
			return rows
		}
	}
	if len(row) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	return rows
}

// choices turns strings into autocomplete choices within Discord's limits.
func choices(items []string) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	seen := map[string]bool{}
	for _, s := range items {
		v := fitText(strings.TrimSpace(s), maxChoiceLen)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
		if len(out) == maxChoices {
			break
		}
	}
	return out
}

// fitEmbed makes an embed respect every Discord limit: each part is fitted to its own
// limit, fields beyond 25 are dropped, and then fields are dropped from the end, and
// the description shortened, until the whole is within 6000 characters.
func fitEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	e.Title = fitText(e.Title, maxEmbedTitle)
	e.Description = fitText(e.Description, maxEmbedDescription)
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	for _, f := range e.Fields {
		f.Name = fitText(f.Name, maxFieldName)
		f.Value = fitText(f.Value, maxFieldValue)
		if f.Name == "" {
			f.Name = "\u200b"
		}
		if f.Value == "" {
			f.Value = "\u200b"
		}
	}
	if e.Footer != nil {
		e.Footer.Text = fitText(e.Footer.Text, maxFooter)
	}
	for embedLen(e) > maxEmbedTotal && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedLen(e) - maxEmbedTotal; over > 0 {
		e.Description = fitText(e.Description, textLen(e.Description)-over)
	}
	return e
}

// embedLen is the length Discord counts against an embed's 6000-character total.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	return n
}

// textLen counts characters as Discord does at worst: in UTF-16 code units, so a
// character outside the Basic Multilingual Plane counts twice.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sentenceEnd matches the end of a sentence: a full stop, question or exclamation mark,
// perhaps closed by quotation marks or brackets, then a space or the end of the text.
var sentenceEnd = regexp.MustCompile(`[.!?…][”’"')\]]*(\s|$)`)

// prefixWithin returns the byte length of the longest prefix of s within max characters.
func prefixWithin(s string, max int) int {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > max {
			return i
		}
		n += w
	}
	return len(s)
}

// fitText shortens s to at most max characters (as textLen counts them): after the last
// sentence that fits, or, when no sentence ends past the first third, after the last
// whole word that fits, followed by "…". It cuts inside a word only when the first word
// alone is longer than max.
func fitText(s string, max int) string {
	if max <= 0 {
		return ""
	}
	if textLen(s) <= max {
		return s
	}
	cut := prefixWithin(s, max)
	best := -1
	for _, loc := range sentenceEnd.FindAllStringIndex(s, -1) {
		end := loc[0] + len(strings.TrimRightFunc(s[loc[0]:loc[1]], unicode.IsSpace))
		if end > cut {
			break
		}
		best = end
	}
	if best > 0 && textLen(s[:best]) >= max/3 {
		return s[:best]
	}
	room := prefixWithin(s, max-1) // leave room for the ellipsis
	head := s[:room]
	if r, _ := utf8.DecodeRuneInString(s[room:]); !unicode.IsSpace(r) {
		// The cut falls inside a word: go back to the last space.
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i >= 0 {
			head = head[:i]
		} else {
			head = ""
		}
	}
	if t := strings.TrimRightFunc(head, unicode.IsSpace); t != "" {
		return t + "…"
	}
	return s[:room] + "…"
}

// fitLines joins lines with newlines, dropping whole lines from the end, with a note of
// how many, to stay within max characters.
func fitLines(lines []string, max int) string {
	all := strings.Join(lines, "\n")
	if textLen(all) <= max {
		return all
	}
	for k := len(lines) - 1; k > 0; k-- {
		s := strings.Join(lines[:k], "\n") + fmt.Sprintf("\n…and %d more", len(lines)-k)
		if textLen(s) <= max {
			return s
		}
	}
	return fitText(lines[0], max)
}

// bullets prefixes each item with a bullet.
func bullets(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = "• " + s
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
