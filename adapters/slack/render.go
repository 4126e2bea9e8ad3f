package slack

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/answers"
)

// Action ids of the bot's buttons, and the prefix its suggestion buttons share.
const (
	actionSuggest = "suggest" // value: an entry id, for Engine.AnswerID
	actionShare   = "share"   // value: shareValue of an entry id and the question
)

// Block Kit limits the renderer keeps within.
const (
	maxButtonLabel = 75   // characters of a button's text
	maxButtonValue = 2000 // bytes of a button's value
	maxSectionText = 3000 // characters of a section's text
	maxFallback    = 3000 // characters of a message's top-level text
	maxBlocks      = 50
)

// message is what the bot posts: blocks and the plain text notifications show.
type message struct {
	text   string
	blocks []slack.Block
}

// view says how one reply is shown.
type view struct {
	echo     bool // show the question as asked
	share    bool // offer a button that posts the answer to the channel
	feedback bool // offer 👍 and 👎 under an answer
}

// escape makes text safe inside Slack mrkdwn: &, < and > can no longer form markup.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// inert escapes text a user wrote, and breaks every "@" so that no @channel, @here or
// @name in it can ping anyone, whatever Slack's parsing.
func inert(s string) string {
	return strings.ReplaceAll(escape(s), "@", "@\u2060")
}

// truncate cuts s to at most n characters, ending with an ellipsis when it cuts.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, truncate(s, maxSectionText), false, true)
}

func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

func section(s string) *slack.SectionBlock { return slack.NewSectionBlock(mrkdwn(s), nil, nil) }

func sourceBlock(src answers.Source) slack.Block {
	return slack.NewContextBlock("source", mrkdwn(escape(src.Citation)))
}

// quoteText renders a quote as a block quote with its speaker and role.
func quoteText(q answers.Quote) string {
	body := "> “" + strings.ReplaceAll(escape(q.Text), "\n", "\n> ") + "”\n> — *" + escape(q.Speaker) + "*"
	if q.Role != "" {
		body += ", _" + escape(q.Role) + "_"
	}
	return body
}

// suggestionButtons renders up to three suggested questions as buttons that answer them.
func suggestionButtons(sugs []answers.Suggestion) []slack.BlockElement {
	var out []slack.BlockElement
	for i, s := range sugs {
		if i == 3 {
			break
		}
		if s.ID == "" || len(s.ID) > maxButtonValue {
			continue
		}
		out = append(out, slack.NewButtonBlockElement(fmt.Sprintf("%s:%d", actionSuggest, i), s.ID,
			plain(truncate(s.Question, maxButtonLabel))))
	}
	return out
}

// shareValue packs what the "post to channel" button needs: the entry and the question.
func shareValue(id, question string) string {
	v := id + "\n" + question
	for len(v) > maxButtonValue {
		r := []rune(v)
		v = string(r[:len(r)-1])
	}
	return v
}

// parseShareValue unpacks shareValue.
func parseShareValue(v string) (id, question string) {
	id, question, _ = strings.Cut(v, "\n")
	return id, question
}

// replyMessage renders the engine's reply as Block Kit.
func replyMessage(r answers.Reply, v view) message {
	var blocks []slack.Block
	question := strings.TrimSpace(r.Question)
	if v.echo && question != "" && r.Answered {
		blocks = append(blocks, slack.NewContextBlock("question", mrkdwn("*Question:* "+inert(question))))
	}
	if r.Answered {
		head := escape(r.Answer)
		if r.Title != "" {
			head = "*" + escape(r.Title) + "*\n" + head
		}
		blocks = append(blocks, section(head))
		for _, q := range r.Quotes {
			blocks = append(blocks, section(quoteText(q)))
		}
		if d := r.DidYouMean; d != nil && d.ID != "" {
			btn := slack.NewButtonBlockElement(actionSuggest+":dym", d.ID, plain("Answer that"))
			blocks = append(blocks, slack.NewSectionBlock(mrkdwn("Did you mean: _"+escape(d.Question)+"_"), nil,
				slack.NewAccessory(btn)))
		}
	} else {
		text := escape(r.Answer)
		if v.echo && question != "" && r.Kind != answers.KindTooLong {
			text += "\n*You asked:* " + inert(truncate(question, 300))
		}
		blocks = append(blocks, section(text))
	}
	if btns := suggestionButtons(r.Suggestions); len(btns) > 0 {
		blocks = append(blocks, slack.NewActionBlock("suggestions", btns...))
	}
	if v.share && r.Answered && r.ID != "" {
		btn := slack.NewButtonBlockElement(actionShare, shareValue(r.ID, question), plain("Post to channel")).
			WithStyle(slack.StylePrimary)
		blocks = append(blocks, slack.NewActionBlock("share", btn))
	}
	if v.feedback && r.Answered && r.ID != "" {
		blocks = append(blocks, feedbackBlock(r, question))
	}
	blocks = append(blocks, sourceBlock(r.Source))
	return message{text: escape(truncate(r.Answer, maxFallback)), blocks: blocks}
}

// helpMessage says what the bot knows and how to ask it, with questions to try as buttons.
func helpMessage(a answers.About, try []answers.Suggestion) message {
	blocks := []slack.Block{section("*What I know*\n" + escape(a.Summary))}
	if len(a.Topics) > 0 {
		blocks = append(blocks, section("*Topics:* "+escape(strings.Join(a.Topics, " · "))))
	}
	blocks = append(blocks, section("*How to ask*\n"+
		"• Mention me in a channel with your question: I answer in a thread.\n"+
		"• Send me a direct message.\n"+
		"• `/ask <question>`: the answer is shown to you alone, with a button to post it.\n"+
		"• `/quote [expert] [about <topic>]`: what the experts said.\n"+
		"• `/timeline`: the dated events."))
	if btns := suggestionButtons(try); len(btns) > 0 {
		blocks = append(blocks, section("*Try one of these:*"), slack.NewActionBlock("suggestions", btns...))
	}
	blocks = append(blocks, sourceBlock(a.Source))
	return message{text: "What I know, and how to ask me", blocks: blocks}
}

// quotesMessage renders quotes under a heading.
func quotesMessage(heading string, quotes []answers.Quote, src answers.Source) message {
	blocks := []slack.Block{section("*" + heading + "*")}
	for _, q := range quotes {
		if len(blocks) >= maxBlocks-1 {
			break
		}
		blocks = append(blocks, section(quoteText(q)))
	}
	blocks = append(blocks, sourceBlock(src))
	text := heading
	if len(quotes) > 0 {
		text = escape(truncate(quotes[0].Plain(), maxFallback))
	}
	return message{text: text, blocks: blocks}
}

// noExpertMessage says an expert was not found, and names those the bot knows.
func noExpertMessage(name string, experts []answers.Expert, src answers.Source) message {
	var b strings.Builder
	b.WriteString("I know no quotes from “" + inert(truncate(name, 100)) + "”. The experts the article quotes are:")
	for _, e := range experts {
		b.WriteString("\n• *" + escape(e.Name) + "*")
		if e.Role != "" {
			b.WriteString(", " + escape(e.Role))
		}
	}
	return message{text: "No quotes found", blocks: []slack.Block{section(b.String()), sourceBlock(src)}}
}

// timelineMessage renders the dated events, several to a section within Slack's limits.
func timelineMessage(events []answers.Event, src answers.Source) message {
	blocks := []slack.Block{section("*Timeline*")}
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 && len(blocks) < maxBlocks-1 {
			blocks = append(blocks, section(cur.String()))
		}
		cur.Reset()
	}
	for _, e := range events {
		line := "*" + e.DateText() + "*: " + escape(e.Text)
		if utf8.RuneCountInString(cur.String())+utf8.RuneCountInString(line)+1 > maxSectionText {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteString("\n")
		}
		cur.WriteString(line)
	}
	flush()
	if len(events) == 0 {
		blocks = append(blocks, section("I have no dated events."))
	}
	blocks = append(blocks, sourceBlock(src))
	return message{text: "Timeline", blocks: blocks}
}

// noticeMessage is one line of text, such as an error the user should see.
func noticeMessage(text string) message {
	return message{text: text, blocks: []slack.Block{section(text)}}
}
