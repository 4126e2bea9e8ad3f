package slack

import (
	"regexp"
	"strings"

	"github.com/borderbot/borderbot/adapters"
)

// markup is one piece of Slack's message markup: <@U1|name>, <!here>, <https://x|label>.
var markup = regexp.MustCompile(`<([^<>]*)>`)

// broadcasts are the plain-text forms of Slack's channel-wide mentions, as a slash
// command's text carries them when Slack does not escape it.
var broadcasts = regexp.MustCompile(`(?i)(^|\s)@(channel|here|everyone)\b`)

// readText turns the text of a Slack message or command into the question it asks and
// the same text as it may be shown back to its author.
//
// The question is what the engine reads: every mention is gone (the bot's own, other
// users', user groups', @channel, @here and @everyone), a channel link or a link is its
// label or nothing, a date its fallback text, and Slack's entities are decoded. The echo
// differs only in showing the users, groups and channels whose names the markup carries
// (<@W1|ann> as @ann, <#C1|general> as #general); a bare id is dropped there too, so no
// raw id is ever shown.
func readText(text, botUserID string) (question, echo string) {
	var q, e strings.Builder
	last := 0
	for _, loc := range markup.FindAllStringSubmatchIndex(text, -1) {
		q.WriteString(text[last:loc[0]])
		e.WriteString(text[last:loc[0]])
		last = loc[1]
		forEngine, shown := readMarkup(text[loc[2]:loc[3]], botUserID)
		q.WriteString(" " + forEngine + " ")
		e.WriteString(" " + shown + " ")
	}
	q.WriteString(text[last:])
	e.WriteString(text[last:])
	return tidy(q.String()), tidy(e.String())
}

// readMarkup reads the inside of one <…>: what the engine gets, and what an echo shows.
func readMarkup(inner, botUserID string) (forEngine, shown string) {
	target, label, hasLabel := strings.Cut(inner, "|")
	label = strings.TrimSpace(label)
	switch {
	case strings.HasPrefix(target, "@"): // a user: <@U1> or <@U1|name>
		if !hasLabel || label == "" || target[1:] == botUserID {
			return "", ""
		}
		return "", "@" + strings.TrimPrefix(label, "@")
	case strings.HasPrefix(target, "!subteam^"): // a user group: <!subteam^S1|@team>
		if !hasLabel || label == "" {
			return "", ""
		}
		return "", "@" + strings.TrimPrefix(label, "@")
	case strings.HasPrefix(target, "!date^"): // <!date^1705400000^{date}|16 January 2024>
		return label, label
	case strings.HasPrefix(target, "!"): // <!channel>, <!here>, <!everyone>
		return "", ""
	case strings.HasPrefix(target, "#"): // a channel: <#C1|general> or <#C1>
		if !hasLabel || label == "" {
			return "", ""
		}
		return label, "#" + label
	case hasLabel: // a link with a label: <https://x|this>
		return label, label
	default: // a bare link: <https://x>
		return "", ""
	}
}

// tidy removes broadcasts written as plain text, decodes Slack's three entities, and
// leaves one space between words and none before the punctuation a removed mention
// left behind.
func tidy(s string) string {
	s = broadcasts.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
	return adapters.TidySpace(s)
}
