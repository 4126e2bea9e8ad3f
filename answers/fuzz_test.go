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
