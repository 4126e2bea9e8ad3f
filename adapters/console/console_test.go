package console

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

func engine(t *testing.T) *answers.Engine {
	t.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	e, err := answers.New(b, answers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestRunAnswersQuestionsAndCommands(t *testing.T) {
	in := "Who is Ali Vaez?\n\n/experts\n/quote parsi\n/quote nobody-at-all\n/about\nWhat is the capital of France?\n"
	var out bytes.Buffer
	if err := Run(context.Background(), engine(t), strings.NewReader(in), &out, ""); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"Ask me about the Iran–Pakistan", // the banner
		"International Crisis Group",     // the answer
		"— Source: The New Arab",         // its source
		"• Dr Rabia Akhtar, director of the Centre for Security, Strategy and Policy Research",
		"(Dr Rouzbeh Parsi, head of the Swedish Institute",
		`I have no quote by "nobody-at-all"`,
		"Questions to try:",
		"I don't know",
		"Try:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestRunStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	if err := Run(ctx, engine(t), strings.NewReader("Who is Ali Vaez?\n"), &out, ""); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Crisis Group") {
		t.Error("answered after the context ended")
	}
}

func TestAnswerJSONLKeepsOneLinePerQuestion(t *testing.T) {
	long := strings.Repeat("why ", 300_000) // 1.2 MB, past the reader's buffer and maxLine
	in := "Who is Ali Vaez?\r\n\n" + long + "\nkerman\n"
	var out bytes.Buffer
	if err := AnswerJSONL(context.Background(), engine(t), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines for 4 questions", len(lines))
	}
	var got []JSONLine
	for _, l := range lines {
		var j JSONLine
		if err := json.Unmarshal([]byte(l), &j); err != nil {
			t.Fatalf("not JSON: %.100q", l)
		}
		got = append(got, j)
	}
	if got[0].Question != "Who is Ali Vaez?" || !got[0].Answered || got[0].Source == "" || len(got[0].Quotes) == 0 {
		t.Errorf("first line: %+v", got[0])
	}
	if got[1].Answered || got[1].Kind != string(answers.KindEmpty) {
		t.Errorf("blank line: %+v", got[1])
	}
	if got[2].Kind != string(answers.KindTooLong) || got[2].Answered {
		t.Errorf("1.2 MB line: kind %q", got[2].Kind)
	}
	if got[3].Question != "kerman" || !got[3].Answered {
		t.Errorf("the line after the long one: %+v", got[3])
	}
	if got[1].Quotes == nil || got[1].Suggestions == nil {
		t.Error("empty lists must be [] in JSON, not null")
	}
}

func TestRunPromptsOnlyWhenAsked(t *testing.T) {
	var out bytes.Buffer
	if err := Run(context.Background(), engine(t), strings.NewReader("kerman\n"), &out, "> "); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n> "); n != 2 {
		t.Errorf("%d prompts for one question, want 2 (before it and after its answer):\n%s", n, out.String())
	}
	out.Reset()
	if err := Run(context.Background(), engine(t), strings.NewReader("kerman\n"), &out, ""); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "> ") {
		t.Error("a prompt was written with none asked for")
	}
}

// TestAnswerJSONLReadsTheScorersObjectForm reads {"q": …} lines, as the scorer sends for
// a set with conversations, beside plain lines.
func TestAnswerJSONLReadsTheScorersObjectForm(t *testing.T) {
	in := `{"q": "Who is Ali Vaez?", "conversation": "c1"}` + "\n" + `{"q": ""}` + "\nWho is Rabia Akhtar?\n" + `{"not": "a question"}` + "\n"
	got := answerLines(t, in)
	if len(got) != 4 {
		t.Fatalf("%d answers for 4 lines", len(got))
	}
	if got[0].Question != "Who is Ali Vaez?" || !strings.Contains(got[0].Text, "Crisis Group") {
		t.Errorf("object line: %+v", got[0])
	}
	if got[1].Kind != string(answers.KindEmpty) {
		t.Errorf(`{"q": ""}: kind %q, want %q`, got[1].Kind, answers.KindEmpty)
	}
	if !strings.Contains(got[2].Text, "University of Lahore") {
		t.Errorf("plain line after object lines: %+v", got[2])
	}
	if got[3].Answered {
		t.Errorf("an object without q was answered: %+v", got[3])
	}
}

// TestConversationsFollowTheirOwnTurns interleaves two conversations in --jsonl: each
// follow-up is read with its own conversation's questions, in order.
func TestConversationsFollowTheirOwnTurns(t *testing.T) {
	in := strings.Join([]string{
		`{"q": "Who said Iran's approach underestimated Pakistan's response capabilities?", "conversation": "a"}`,
		`{"q": "What did Pakistan target in its strikes?", "conversation": "b"}`,
		`{"q": "who's she?", "conversation": "a"}`,
		`{"q": "where was that?", "conversation": "b"}`,
		`{"q": "where was that?"}`,
	}, "\n") + "\n"
	got := answerLines(t, in)
	if len(got) != 5 {
		t.Fatalf("%d answers for 5 lines", len(got))
	}
	if !strings.Contains(got[2].Text, "Women Peace Council") {
		t.Errorf("who's she? in conversation a: %q", got[2].Text)
	}
	if !strings.Contains(got[3].Text, "Saravan") {
		t.Errorf("where was that? in conversation b: %q", got[3].Text)
	}
	if got[4].Answered {
		t.Errorf("where was that? outside any conversation was answered: %q", got[4].Text)
	}
}

// TestConsoleSessionIsOneConversation asks a follow-up at the console, then starts anew.
func TestConsoleSessionIsOneConversation(t *testing.T) {
	var out bytes.Buffer
	in := "What did Pakistan target in its strikes?\nwhere was that?\n/new\nwhere was that?\n"
	if err := Run(context.Background(), engine(t), strings.NewReader(in), &out, ""); err != nil {
		t.Fatal(err)
	}
	replies := strings.Split(out.String(), "A new conversation")
	if len(replies) != 2 {
		t.Fatalf("/new did not start a new conversation:\n%s", out.String())
	}
	if !strings.Contains(replies[0], "Saravan") {
		t.Errorf("the follow-up was not read with the question before it:\n%s", replies[0])
	}
	if !strings.Contains(replies[1], "I don't know") {
		t.Errorf("after /new the follow-up was still read with the old question:\n%s", replies[1])
	}
}

// TestPastedMarkupDoesNotChangeTheAnswer pastes Slack's and Discord's markup around a
// question at the console: the answer is the one without it, and --jsonl still names the
// line as it came.
func TestPastedMarkupDoesNotChangeTheAnswer(t *testing.T) {
	e := engine(t)
	want := e.Answer("when did Iran strike Pakistan?")
	for _, q := range []string{
		"<@U024BE7LH> <!channel> when did Iran strike Pakistan?",
		"<@!80351110224678912> <:pepe:123456> when did Iran strike Pakistan? <a:party:9>",
		"when did Iran strike Pakistan? <#C024BE7LR|general> <https://example.com|source>",
	} {
		if got := ReadQuestion(q); e.Answer(got).Answer != want.Answer {
			t.Errorf("%q read as %q: answered differently", q, got)
		}
	}
	if got := ReadQuestion("see <https://example.com/a|the article> on <t:1705363200:R>"); got != "see the article on" {
		t.Errorf("a link and a timestamp read as %q", got)
	}
	var out bytes.Buffer
	line := "<@U1> when did Iran strike Pakistan?"
	if err := AnswerJSONL(context.Background(), e, strings.NewReader(line+"\n"), &out); err != nil {
		t.Fatal(err)
	}
	var j JSONLine
	if err := json.Unmarshal(out.Bytes(), &j); err != nil || j.Question != line || j.Text != want.Text() {
		t.Errorf("--jsonl: %+v", j)
	}
}

// answerLines runs AnswerJSONL on in and returns the JSON lines it writes.
func answerLines(t *testing.T, in string) []JSONLine {
	t.Helper()
	var out bytes.Buffer
	if err := AnswerJSONL(context.Background(), engine(t), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	var got []JSONLine
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var j JSONLine
		if err := json.Unmarshal([]byte(l), &j); err != nil {
			t.Fatalf("not JSON: %.100q", l)
		}
		got = append(got, j)
	}
	return got
}
