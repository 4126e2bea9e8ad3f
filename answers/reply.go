package answers

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ReplyKind says what a reply is: the kind of the entry it answers with, or one of the
// kinds below.
type ReplyKind string

// Reply kinds that are not entry kinds.
const (
	KindUnknown      ReplyKind = "unknown"        // the base does not answer the question
	KindNotInArticle ReplyKind = "not_in_article" // the article covers the subject, not the detail asked
	KindQuote        ReplyKind = "quote"          // who said a quoted passage
	KindSeveral      ReplyKind = "several"        // answers to several questions of one message
	KindInstruction  ReplyKind = "instruction"    // an instruction the bot does not follow
	KindClarify      ReplyKind = "clarify"        // a question the bot cannot tell the subject of: it asks
	KindEmpty        ReplyKind = "empty"          // nothing was asked
	KindTooLong      ReplyKind = "too_long"       // the question is over MaxQuestionLen
)

// MaxTextLen is the most characters Reply.Text returns.
const MaxTextLen = 900

// Reply is the engine's platform-neutral answer to one question.
type Reply struct {
	Question    string       // the question as asked
	Answered    bool         // false when the bot does not know
	Confidence  float64      // in [0, 1]
	Kind        ReplyKind    // the entry's kind, or one of the reply kinds above
	ID          string       // the entry answered, if any
	Title       string       // a short heading for the answer
	Answer      string       // the answer itself, without quotes
	Quotes      []Quote      // quotes that back the answer, already fitted to MaxTextLen
	Source      Source       // where the answer comes from
	DidYouMean  *Suggestion  // a close second reading of the question, if any
	Suggestions []Suggestion // follow-ups when answered, things to ask instead when not
	Verdict     Verdict      // for a claim or a yes/no question: what the facts say of it
	Parts       []Reply      // for KindSeveral: the answer to each question, in order
	// moved marks an answer reached from the entry the question named: "what happened
	// one day after Iran fired missiles?" is answered with the event after it.
	moved bool
	// firm marks a No that stands on what the facts say of the deed itself: a denial,
	// another doer, date or count, or another name on the day the facts date; not a name
	// of the base the facts leave out, which may be of another matter.
	firm bool
	// denied marks a No whose conflict the facts state, of a name as of the deed: what a
	// premise needs to be corrected.
	denied bool
	// listed marks a No settled by the entry that lists everywhere the doer struck, not
	// by the entry the question ranks first: "iran bombed afghanistan".
	listed bool
	// readAs is the question as the engine read it, with the conversation.
	readAs string
}

// Quote is a verbatim quote with its attribution.
type Quote struct {
	ID      string `json:"-"`
	Text    string `json:"text"`    // verbatim
	Speaker string `json:"speaker"` // the name with its honorific, "Dr Ali Vaez"
	Role    string `json:"role"`    // the role the article gives the speaker
	About   string `json:"-"`       // what the quote is about
}

// Attribution is the speaker and role as one line: "Dr Ali Vaez, director of ...".
func (q Quote) Attribution() string {
	if q.Role == "" {
		return q.Speaker
	}
	return q.Speaker + ", " + q.Role
}

// Suggestion is a question the bot can answer, and the entry that answers it.
type Suggestion struct {
	ID       string // an entry ID, for Engine.AnswerID
	Question string
}

// Source names the article the bot's knowledge comes from.
type Source struct {
	Outlet      string
	OutletShort string
	Author      string
	AuthorRole  string
	Title       string
	Published   string
	Citation    string // "Source: The New Arab, analysis by Giorgio Cafiero (January 2024)"
}

// Text renders the reply as plain text of at most MaxTextLen characters: the answer,
// then each quote with its attribution, then a "did you mean" line.
func (r Reply) Text() string {
	var b strings.Builder
	b.WriteString(r.Answer)
	for _, q := range r.Quotes {
		b.WriteString("\n\n")
		b.WriteString(q.Plain())
	}
	if r.DidYouMean != nil {
		b.WriteString("\n\nDid you mean: ")
		b.WriteString(r.DidYouMean.Question)
	}
	return b.String()
}

// Plain renders a quote as one plain-text paragraph with its attribution.
func (q Quote) Plain() string {
	return "“" + q.Text + "” (" + q.Attribution() + ")"
}

// plainLen is the length of Plain in characters, counted without building it.
func (q Quote) plainLen() int {
	n := utf8.RuneCountInString(q.Text) + utf8.RuneCountInString(q.Speaker) + len("“” ()") - 4 // “ and ” are a character each
	if q.Role != "" {
		n += len(", ") + utf8.RuneCountInString(q.Role)
	}
	return n
}

// SuggestionQuestions returns the suggested questions alone.
func (r Reply) SuggestionQuestions() []string {
	out := make([]string, len(r.Suggestions))
	for i, s := range r.Suggestions {
		out[i] = s.Question
	}
	return out
}

// Expert is one of the analysts the article interviews.
type Expert struct {
	ID          string
	Name        string // with honorific
	Role        string
	Affiliation string
	Quotes      int // how many of their quotes the base holds
}

// Event is one dated line of the timeline.
type Event struct {
	Date    time.Time
	Text    string
	EntryID string // the entry that tells more, if any
	Label   string // what happened in a few words, for a picture; may be empty
	Strike  bool   // one of the two cross-border strikes the article is about
}

// DateText is the event's date as the article writes dates: "16 January 2024".
func (e Event) DateText() string { return e.Date.Format("2 January 2006") }

// About describes the bot's knowledge: its source, its topics, and questions to try.
type About struct {
	Source   Source
	Summary  string   // one paragraph on what the bot knows
	Topics   []string // the headings it can answer about
	Examples []string // a few questions to try
	Entries  int
	Quotes   int
}
