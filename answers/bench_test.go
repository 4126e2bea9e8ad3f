package answers_test

import (
	"testing"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

// benchQuestions is a mix of the questions users ask: plain, casual, typo'd, off topic.
var benchQuestions = []string{
	"Why did Iran strike Pakistan?",
	"When did Pakistan retaliate?",
	"who's akhtar",
	"how many injured in kerman",
	"wat is jaish al adl",
	"pakistn atack saravan drones",
	"What did Vaez say about escalation?",
	"Could China mediate between Iran and Pakistan?",
	"What's the best pizza topping?",
	"How many troops does Iran have?",
}

func BenchmarkLoadAndBuild(b *testing.B) {
	for b.Loop() {
		base, err := knowledge.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := answers.New(base, answers.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnswer(b *testing.B) {
	e := newEngine(b)
	i := 0
	for b.Loop() {
		e.Answer(benchQuestions[i%len(benchQuestions)])
		i++
	}
}

func BenchmarkSuggest(b *testing.B) {
	e := newEngine(b)
	for b.Loop() {
		e.Suggest("pakistan retal", 25)
	}
}
