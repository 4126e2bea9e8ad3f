package answers_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/borderbot/borderbot/answers"
)

// FuzzAnswer checks that any input, valid UTF-8 or not, gets a well-formed reply.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{
		"", " ", "Why did Iran strike Pakistan?", "pakistn atack", "\xff\xfe", "@everyone",
		"<!channel> kerman", "who's akhtar", strings.Repeat("a", 600), "what/when/where?!",
		"Jaish al-Adl’s", "ДЖЕЙШ", "🚀🚀", "\x00\x01",
	} {
		f.Add(s)
	}
	e := newEngine(f)
	f.Fuzz(func(t *testing.T, q string) {
		r := e.Answer(q)
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Errorf("confidence %v out of [0, 1]", r.Confidence)
		}
		text := r.Text()
		if text == "" || !utf8.ValidString(text) {
			t.Errorf("empty or invalid text %q", text)
		}
		if utf8.RuneCountInString(text) > answers.MaxTextLen {
			t.Errorf("text of %d characters", utf8.RuneCountInString(text))
		}
		if r.Answered && r.ID == "" {
			t.Error("answered without an entry")
		}
		if !r.Answered && len(r.Suggestions) == 0 {
			t.Error("unanswered without suggestions")
		}
		_ = e.Suggest(q, 25)
		_ = e.Quotes(q, q)
	})
}

// FuzzAnswerIn checks that any message, after any of a few conversations, gets a
// well-formed reply and a context it can go on with: follow-ups take paths of their own.
func FuzzAnswerIn(f *testing.F) {
	for _, s := range []string{
		"says who?", "who said that?", "and in pakistan's?", "give me an example", "the second one?",
		"and before?", "why?", "were they iranian?", "what's number four", "", "\xff", "and the ?",
	} {
		f.Add(uint8(0), s)
	}
	e := newEngine(f)
	starts := []string{"how many people died in iran's strike on pakistan?", "Why did Iran strike Pakistan?",
		"how many reasons for optimism does the article give?", "who is rabia akhtar?", "what happened in kerman?"}
	f.Fuzz(func(t *testing.T, start uint8, q string) {
		c := answers.Context{}
		_, c = e.AnswerIn(c, starts[int(start)%len(starts)])
		for range 2 { // the same message twice: what was given shapes the second reply
			var r answers.Reply
			r, c = e.AnswerIn(c, q)
			if text := r.Text(); text == "" || !utf8.ValidString(text) || utf8.RuneCountInString(text) > answers.MaxTextLen {
				t.Fatalf("%q after %q: text %q", q, starts[int(start)%len(starts)], text)
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Fatalf("%q: confidence %v out of [0, 1]", q, r.Confidence)
			}
		}
	})
}

// FuzzClean checks that cleaning any text gives valid, trimmed text, no longer than
// what came in, whatever the bytes.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "hey 👋 @sam **when**?", "> quote\nwho said it?", "“a b c d e f g h”", "'x'", "```go\ncode```", "tl;dr", "\xff", ":eyes::eyes:", "#a #b @c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := answers.Clean(s)
		for _, out := range []string{c.Text, c.Quoted} {
			if !utf8.ValidString(out) || strings.TrimSpace(out) != out || strings.Contains(out, "  ") {
				t.Errorf("Clean(%q) gave %q", s, out)
			}
		}
		// Only a sign grows, into its word: "50%" → "50 percent", "#4" → "number 4".
		words := len(" percent ")*strings.Count(s, "%") + len("number ")*strings.Count(s, "#")
		if len(c.Text) > len(s)+len(s)/2+4+words {
			t.Errorf("Clean(%q) grew to %q", s, c.Text)
		}
	})
}

// FuzzPlan checks that any message splits into at most MaxQuestionsPerMessage questions,
// each of them text of the message.
func FuzzPlan(f *testing.F) {
	for _, s := range []string{"", "hi. who is vaez, and what did he say? true?", "a? b? c? d? e?", "x — y", "someone said x. right?", "wdyt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := answers.Clean(s).Text
		asks, more := answers.Plan(answers.Segments(text))
		if len(asks) > answers.MaxQuestionsPerMessage || more && len(asks) != answers.MaxQuestionsPerMessage {
			t.Errorf("%q: %d asks, more %v", s, len(asks), more)
		}
		for _, a := range asks {
			if strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
				t.Errorf("%q: empty or invalid ask %q", s, a.Text)
			}
		}
	})
}
