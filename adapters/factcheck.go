package adapters

import (
	"strings"

	"github.com/borderbot/borderbot/answers"
)

// Finding is what the article says of one claim or question of a checked message.
type Finding int

// The findings, from the engine's verdict on each claim.
const (
	FindingAnswer    Finding = iota // a question of the message, answered
	FindingYes                      // the facts confirm the claim
	FindingNo                       // the facts contradict it
	FindingPartly                   // some of it holds, some is contradicted
	FindingOpen                     // the article covers it but neither confirms nor contradicts it
	FindingNotSaid                  // the article does not say
	FindingNotAsSaid                // the article says something else of its subject, given instead
)

// String is the finding as a reply heads it: "Yes", "The article does not say".
func (f Finding) String() string {
	switch f {
	case FindingYes:
		return "Yes"
	case FindingNo:
		return "No"
	case FindingPartly:
		return "Partly"
	case FindingOpen:
		return "What the article says"
	case FindingNotSaid:
		return "The article does not say"
	case FindingNotAsSaid:
		return "Not what the article says"
	}
	return "Answer"
}

// MaxChecks is the most claims and questions of one message that are checked.
const MaxChecks = 5

// Check is one claim or question of a checked message and what the article says of it.
type Check struct {
	Claim   string        // the sentence checked, as the message has it
	Finding Finding       // what the article says of it
	Reply   answers.Reply // the engine's reply: the fact that settles it, its quotes, its source
}

// Fact is the fact that settles the claim, without the verdict the finding already gives.
func (c Check) Fact() string {
	a := c.Reply.Answer
	if p := c.Reply.Verdict.Prefix(); p != "" && c.Finding != FindingAnswer {
		return strings.TrimPrefix(a, p)
	}
	return a
}

// Answerer is the part of the engine a fact check uses.
type Answerer interface {
	Answer(message string) answers.Reply
}

// FactCheck checks a message someone chose (a forwarded post, a claim in a channel)
// against the article: each statement in it is asked as a claim ("…, true?"), each
// question as it is, chatter is left out. It returns no checks when the article
// settles nothing in the message, and says whether there was more to check than
// MaxChecks.
func FactCheck(e Answerer, text string) (checks []Check, more bool) {
	c := answers.Clean(text)
	body := c.Text
	if strings.TrimSpace(body) == "" {
		body = c.Quoted
	}
	onTopic := false
	for _, sg := range answers.Segments(body) {
		var q string
		switch sg.Kind {
		case answers.SegmentStatement:
			q = asClaim(sg.Text)
		case answers.SegmentQuestion:
			q = sg.Text
		default:
			continue // chatter, and tags that only ask whether the sentence before holds
		}
		if len(checks) == MaxChecks {
			more = true
			break
		}
		r := e.Answer(q)
		claim := sg.Kind == answers.SegmentStatement
		if !r.Answered && !claim {
			// "dozens of children died??" is a claim asked as a question: check it as one.
			if rc := e.Answer(asClaim(strings.TrimRight(sg.Text, "?"))); rc.Answered {
				r, claim = rc, true
			}
		}
		ch := Check{Claim: sg.Text, Finding: findingOf(r, claim), Reply: r}
		// An open verdict weighed nothing of the sentence: alone, it is no sign that
		// the message is about the article.
		if (ch.Finding != FindingOpen && ch.Finding != FindingNotSaid) || r.Kind == answers.KindNotInArticle {
			onTopic = true
		}
		checks = append(checks, ch)
	}
	if !onTopic {
		return nil, false
	}
	return checks, more
}

// asClaim asks a statement as a claim: "Pakistan attacked first" → "Pakistan attacked first, true?".
func asClaim(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") {
		return s
	}
	return strings.TrimRight(s, ".!…;:, ") + ", true?"
}

func findingOf(r answers.Reply, claim bool) Finding {
	if !r.Answered {
		return FindingNotSaid
	}
	switch r.Verdict {
	case answers.VerdictYes:
		return FindingYes
	case answers.VerdictNo:
		return FindingNo
	case answers.VerdictPartly:
		return FindingPartly
	case answers.VerdictNotSaid:
		return FindingNotAsSaid
	}
	if claim {
		return FindingOpen
	}
	return FindingAnswer
}

// TextNothingToCheck is the note for a message with nothing in it to check.
const TextNothingToCheck = "I found nothing in that message to check against the article: no claim and no question about the Iran–Pakistan strikes of January 2024. " +
	"I can check claims such as “Pakistan attacked first” or “dozens of children died”."
