package answers

import (
	"testing"

	"github.com/borderbot/borderbot/knowledge"
)

const stageQ = "hey all 👋 quick one — when did Iran actually hit Pakistan? my uncle asked"

func stageEngine(b *testing.B) *Engine {
	base, _ := knowledge.Embedded()
	e, _ := New(base, Options{})
	return e
}

func BenchmarkStageClean(b *testing.B) {
	for b.Loop() {
		Clean(stageQ)
	}
}
func BenchmarkStageSplit(b *testing.B) {
	c := Clean(stageQ)
	for b.Loop() {
		Plan(Segments(c.Text))
	}
}
func BenchmarkStageRead(b *testing.B) {
	for b.Loop() {
		readAsk(Ask{Text: "when did Iran actually hit Pakistan?"}, "")
	}
}
func BenchmarkStageAnalyze(b *testing.B) {
	e := stageEngine(b)
	for b.Loop() {
		e.an.analyze("when did Iran actually hit Pakistan?", true)
	}
}
func BenchmarkStageRank(b *testing.B) {
	e := stageEngine(b)
	q := readAsk(Ask{Text: "when did Iran actually hit Pakistan?"}, "")
	toks := e.an.analyze(q.Text, true)
	for b.Loop() {
		e.rank(toks, q)
	}
}
func BenchmarkStageAsk(b *testing.B) {
	e := stageEngine(b)
	for b.Loop() {
		e.answerAsk(Ask{Text: "when did Iran actually hit Pakistan?"}, "", nil, map[string]bool{})
	}
}
func BenchmarkStageAll(b *testing.B) {
	e := stageEngine(b)
	for b.Loop() {
		e.Answer(stageQ)
	}
}
