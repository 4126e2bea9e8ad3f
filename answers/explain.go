package answers

import (
	"fmt"
	"io"
	"strings"
)

// Explanation is every step a message took on its way to a reply, for people editing the
// knowledge base: what cleaning left, how it was split, and how each question was read,
// ranked, checked and decided.
type Explanation struct {
	Cleaned  Cleaned
	Segments []Segment
	More     bool // the message asked more questions than the engine answers
	Asks     []AskExplanation
}

// AskExplanation is how one question of a message was answered.
type AskExplanation struct {
	Ask        Ask
	Query      Query
	Terms      []qterm
	Candidates []Candidate
	Decision   string
}

// Candidate is one entry's score for a question and the parts it is made of.
type Candidate struct {
	ID       string
	Score    float64
	Topic    float64 // the score without an unknown detail the question asks for
	Coverage float64
	Phrase   float64
	Order    float64
	Typed    bool   // the entry declares the question's type
	Said     bool   // the said penalty was taken off
	Missing  string // what the check found missing, if anything
}

// decided records the decision; it does nothing on a nil explanation.
func (x *AskExplanation) decided(what string) {
	if x != nil {
		x.Decision = what
	}
}

// explainRanking records the five best candidates and what the check says of each.
func (e *Engine) explainRanking(x *AskExplanation, rk ranking, q Query, toks []token) {
	if x == nil {
		return
	}
	for i, s := range rk.scores {
		if i == 5 {
			break
		}
		_, missing := e.check(e.docs[s.doc], q, toks)
		x.Candidates = append(x.Candidates, Candidate{ID: e.docs[s.doc].entry.ID, Score: round(s.score),
			Topic: round(s.topic), Coverage: round(s.coverage), Phrase: round(s.phrase), Order: round(s.order),
			Typed: s.typed, Said: s.said, Missing: missing})
	}
}

// Explain answers a message as Answer does and returns the reply with every step it took.
func (e *Engine) Explain(message string) (Reply, Explanation) {
	r, ex, _ := e.answerIn(Context{}, message, true)
	return r, *ex
}

// ExplainIn answers a message in a conversation as AnswerIn does and returns the reply
// with every step it took, and the context to pass with the next message.
func (e *Engine) ExplainIn(c Context, message string) (Reply, Explanation, Context) {
	r, ex, read := e.answerIn(c, message, true)
	if read != "" {
		c = e.remember(c, read, r)
	}
	return r, *ex, c
}

// Write prints the explanation as indented plain text.
func (x Explanation) Write(w io.Writer) {
	fmt.Fprintf(w, "cleaned: %q\n", x.Cleaned.Text)
	if x.Cleaned.Quoted != "" {
		fmt.Fprintf(w, "quoted:  %q\n", x.Cleaned.Quoted)
	}
	for _, s := range x.Segments {
		fmt.Fprintf(w, "  sentence (%s): %q\n", s.Kind, s.Text)
	}
	if x.More {
		fmt.Fprintf(w, "  (more than %d questions: the rest are not answered)\n", MaxQuestionsPerMessage)
	}
	for i, a := range x.Asks {
		claim := ""
		if a.Ask.Claim {
			claim = ", a claim"
		}
		fmt.Fprintf(w, "question %d%s: %q\n", i+1, claim, a.Ask.Text)
		q := a.Query
		fmt.Fprintf(w, "  read: intent %s, type %q", q.Intent, q.Type)
		if q.Focus != "" {
			fmt.Fprintf(w, ", detail asked %q", q.Focus)
		}
		if q.Negated {
			fmt.Fprint(w, ", negative")
		}
		fmt.Fprintln(w)
		var terms []string
		for _, t := range a.Terms {
			label := t.term
			switch {
			case t.id < 0:
				label += fmt.Sprintf("(%s, against %.2f)", t.class, t.idf)
			case t.weight < 1:
				label += fmt.Sprintf("(×%.2f)", t.weight)
			}
			if t.focus {
				label += "[detail]"
			}
			terms = append(terms, label)
		}
		fmt.Fprintf(w, "  terms: %s\n", strings.Join(terms, " "))
		for _, c := range a.Candidates {
			fmt.Fprintf(w, "  %-28s score %.3f  coverage %.2f phrase %.2f order %.2f", c.ID, c.Score, c.Coverage, c.Phrase, c.Order)
			if c.Topic != c.Score {
				fmt.Fprintf(w, " topic %.3f", c.Topic)
			}
			if c.Typed {
				fmt.Fprint(w, " +type")
			}
			if c.Said {
				fmt.Fprint(w, " -said")
			}
			if c.Missing != "" {
				fmt.Fprintf(w, "  does not give: %s", c.Missing)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "  decision: %s\n", a.Decision)
	}
}
