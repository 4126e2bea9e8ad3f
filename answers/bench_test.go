package answers_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// BenchmarkAnswerPublicSets answers every question of the public sets in turn and
// reports the median and the slowest question's time: the engine's speed target is
// the median.
func BenchmarkAnswerPublicSets(b *testing.B) {
	var qs []string
	for _, name := range []string{"dev.jsonl", "more.jsonl", "chat-dev.jsonl"} {
		qs = append(qs, questionsOf(b, filepath.Join("..", "..", "shared", "eval", name))...)
	}
	if len(qs) == 0 {
		b.Skip("../shared/eval is not beside the repository")
	}
	e := newEngine(b)
	per := make([]time.Duration, len(qs))
	b.ResetTimer()
	for b.Loop() {
		for i, q := range qs {
			start := time.Now()
			e.Answer(q)
			per[i] += time.Since(start)
		}
	}
	b.StopTimer()
	slices.Sort(per)
	n := time.Duration(b.N)
	b.ReportMetric(float64(per[len(per)/2]/n), "ns/median-question")
	b.ReportMetric(float64(per[len(per)*9/10]/n), "ns/p90-question")
	b.ReportMetric(float64(per[len(per)-1]/n), "ns/slowest-question")
}

// questionsOf reads the questions of a question set, or none if the file is absent.
func questionsOf(tb testing.TB, path string) []string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		var c struct {
			Q string `json:"q"`
		}
		if json.Unmarshal([]byte(line), &c) == nil && c.Q != "" {
			out = append(out, c.Q)
		}
	}
	return out
}

// BenchmarkAnswerLongGibberish answers the longest message the engine reads, made of
// words no dictionary has: the worst case of the lexicon look-ups.
func BenchmarkAnswerLongGibberish(b *testing.B) {
	e := newEngine(b)
	var q strings.Builder
	for i := 0; q.Len() < answers.MaxQuestionLen-12; i++ {
		fmt.Fprintf(&q, "xq%dzv blorf%d ", i, i)
	}
	for b.Loop() {
		e.Answer(q.String())
	}
}

// BenchmarkAnswerFollowUp answers a follow-up in a conversation: "where was that?" after
// "What did Pakistan target in its strikes?".
func BenchmarkAnswerFollowUp(b *testing.B) {
	e := newEngine(b)
	_, c := e.AnswerIn(answers.Context{}, "What did Pakistan target in its strikes?")
	for b.Loop() {
		e.AnswerIn(c, "where was that?")
	}
}
