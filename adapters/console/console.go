// Package console puts the answer engine on standard input and output: an interactive
// loop for people without a Discord or Slack token, one-shot answers, and JSON lines.
package console

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// Engine is what the console needs of the answer engine.
type Engine interface {
	Answer(question string) answers.Reply
	AnswerIn(c answers.Context, message string) (answers.Reply, answers.Context)
	Quotes(expert, topic string) []answers.Quote
	Experts() []answers.Expert
	Timeline() []answers.Event
	About() answers.About
}

// maxLine is the longest input line the console reads; longer lines are answered as
// too long rather than breaking the scanner.
const maxLine = 1 << 20

// Run reads questions from in, one a line, and writes each answer to out, until in ends
// or ctx is done. Lines starting with "/" are commands: /help, /about, /experts,
// /timeline, /quote [expert], /new. The session is one conversation: a follow-up ("who's
// she?", "and when?") is read with the questions before it, until /new. A non-empty
// prompt is written before each question: pass one when a person is typing, none when
// the input is a file or a pipe.
func Run(ctx context.Context, e Engine, in io.Reader, out io.Writer, prompt string) error {
	return RunWithPictures(ctx, e, nil, "", in, out, prompt)
}

// RunWithPictures is Run with pictures: /timeline and /map also write the timeline and
// the map as PNG files in dir, and say where.
func RunWithPictures(ctx context.Context, e Engine, pics Pictures, dir string, in io.Reader, out io.Writer, prompt string) error {
	var conv answers.Context
	w := bufio.NewWriter(out)
	defer w.Flush()
	writeBanner(w, e.About())
	fmt.Fprint(w, prompt)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	err := eachLine(ctx, in, func(line string) error {
		line = strings.TrimSpace(line)
		if line == "" {
			fmt.Fprint(w, prompt)
			return w.Flush()
		}
		if cmd, ok := strings.CutPrefix(line, "/"); ok && strings.TrimSpace(cmd) == "new" {
			conv = answers.Context{}
			fmt.Fprintln(w, "A new conversation: I have forgotten the questions before.")
		} else if ok {
			runCommand(ctx, w, e, pics, dir, cmd)
		} else {
			var r answers.Reply
			r, conv = e.AnswerIn(conv, ReadQuestion(line))
			WriteReply(w, r)
		}
		fmt.Fprintln(w)
		fmt.Fprint(w, prompt)
		return w.Flush()
	})
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// eachLine calls fn with each line of in until in ends, ctx is done, or fn fails. A line
// longer than maxLine is passed on cut to maxLine, and the rest of it is skipped.
func eachLine(ctx context.Context, in io.Reader, fn func(string) error) error {
	r := bufio.NewReaderSize(in, 64*1024)
	for {
		if err := ctx.Err(); err != nil {
			return nil
		}
		line, err := readLine(r)
		if line != "" || err == nil {
			if ferr := fn(line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line without its end, keeping at most maxLine bytes of it.
func readLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, isPrefix, err := r.ReadLine()
		if b.Len() < maxLine {
			b.Write(chunk[:min(len(chunk), maxLine-b.Len())])
		}
		if err != nil {
			return b.String(), err
		}
		if !isPrefix {
			return b.String(), nil
		}
	}
}

func writeBanner(w io.Writer, a answers.About) {
	fmt.Fprintf(w, "Ask me about the Iran–Pakistan cross-border strikes of January 2024.\n")
	fmt.Fprintf(w, "I answer from one article: %s, %s by %s.\n", a.Source.Outlet, "an analysis", a.Source.Author)
	fmt.Fprintf(w, "Type a question and press Enter; /help lists commands; end input (Ctrl-D) to quit.\n")
	fmt.Fprintf(w, "To answer on Discord or Slack instead, set DISCORD_TOKEN or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see the README).\n\n")
}

func runCommand(ctx context.Context, w io.Writer, e Engine, pics Pictures, dir, cmd string) {
	name, arg, _ := strings.Cut(cmd, " ")
	arg = strings.TrimSpace(arg)
	switch strings.ToLower(name) {
	case "help", "about":
		WriteAbout(w, e.About())
	case "experts":
		WriteExperts(w, e.Experts())
	case "timeline":
		WriteTimeline(w, e.Timeline())
		writePicture(ctx, w, pics, dir, pictures.KindTimeline)
	case "map":
		writeMap(ctx, w, pics, dir)
	case "quote":
		qs := e.Quotes(arg, "")
		if len(qs) == 0 {
			fmt.Fprintf(w, "I have no quote by %q. Try /experts for the names.\n", arg)
			return
		}
		fmt.Fprintln(w, qs[0].Plain())
	default:
		fmt.Fprintf(w, "Unknown command /%s. Commands: /help, /about, /experts, /timeline, /map, /quote [expert].\n", name)
	}
}

// WriteReply writes a reply as plain text: the answer, its quotes, the source and, where
// there are any, questions to ask next.
func WriteReply(w io.Writer, r answers.Reply) {
	fmt.Fprintln(w, r.Text())
	if r.Answered {
		fmt.Fprintf(w, "— %s\n", r.Source.Citation)
	}
	if len(r.Suggestions) > 0 {
		if r.Answered {
			fmt.Fprintln(w, "Related:")
		} else {
			fmt.Fprintln(w, "Try:")
		}
		for _, s := range r.Suggestions {
			fmt.Fprintf(w, "  • %s\n", s.Question)
		}
	}
}

// WriteAbout writes what the bot knows and how to ask it.
func WriteAbout(w io.Writer, a answers.About) {
	fmt.Fprintf(w, "I answer questions about the Iran–Pakistan strikes of January 2024 from one article: %s, %s by %s, %s (%s).\n",
		a.Source.Title, "an analysis in "+a.Source.Outlet, a.Source.Author, a.Source.AuthorRole, a.Source.Published)
	if a.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", a.Summary)
	}
	fmt.Fprintf(w, "\nI know %d topics and %d verbatim quotes. Questions to try:\n", a.Entries, a.Quotes)
	for _, q := range a.Examples {
		fmt.Fprintf(w, "  • %s\n", q)
	}
	fmt.Fprintln(w, "Commands: /about, /experts, /timeline, /map, /quote [expert].")
}

// WriteExperts writes the experts the article quotes, one a line.
func WriteExperts(w io.Writer, experts []answers.Expert) {
	for _, x := range experts {
		fmt.Fprintf(w, "• %s, %s\n", x.Name, x.Role)
	}
}

// WriteTimeline writes the dated events, oldest first.
func WriteTimeline(w io.Writer, events []answers.Event) {
	for _, ev := range events {
		fmt.Fprintf(w, "%s: %s\n", ev.DateText(), ev.Text)
	}
}

// JSONLine is one answer in the `bot ask --jsonl` format.
type JSONLine struct {
	Question    string          `json:"question"`
	Answered    bool            `json:"answered"`
	Confidence  float64         `json:"confidence"`
	Text        string          `json:"text"`
	Kind        string          `json:"kind"`
	ID          string          `json:"id"`
	Quotes      []answers.Quote `json:"quotes"`
	Source      string          `json:"source"`
	Suggestions []string        `json:"suggestions"`
}

// NewJSONLine converts a reply to the JSON-lines format.
func NewJSONLine(r answers.Reply) JSONLine {
	l := JSONLine{
		Question: r.Question, Answered: r.Answered, Confidence: r.Confidence, Text: r.Text(),
		Kind: string(r.Kind), ID: r.ID, Quotes: r.Quotes, Source: r.Source.Citation,
		Suggestions: r.SuggestionQuestions(),
	}
	if l.Quotes == nil {
		l.Quotes = []answers.Quote{}
	}
	return l
}

// questionOf returns the question a line of `bot ask --jsonl` input asks and the
// conversation it belongs to: the line itself and none, or the "q" and "conversation" of
// a JSON object line ({"q": "…", "conversation": "…"}).
func questionOf(line string) (q, conversation string) {
	if !strings.HasPrefix(strings.TrimSpace(line), "{") {
		return line, ""
	}
	var in struct {
		Q            *string `json:"q"`
		Conversation string  `json:"conversation"`
	}
	if err := json.Unmarshal([]byte(line), &in); err != nil || in.Q == nil {
		return line, ""
	}
	return *in.Q, in.Conversation
}

// AnswerJSONL reads questions from in, one a line, and writes one JSON object a line to
// out, in order, flushing after each, until in ends or ctx is done. An empty line is a
// question too, so that answers stay in step with questions.
func AnswerJSONL(ctx context.Context, e Engine, in io.Reader, out io.Writer) error {
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	convs := map[string]answers.Context{} // by conversation id; the lines of one are in order
	err := eachLine(ctx, in, func(line string) error {
		q, id := questionOf(strings.TrimRight(line, "\r"))
		var r answers.Reply
		if id == "" {
			r = e.Answer(ReadQuestion(q))
		} else {
			r, convs[id] = e.AnswerIn(convs[id], ReadQuestion(q))
		}
		r.Question = q // the line as it came, which the reader matches answers to
		if err := enc.Encode(NewJSONLine(r)); err != nil {
			return err
		}
		return w.Flush()
	})
	if err != nil {
		return fmt.Errorf("console: jsonl: %w", err)
	}
	return nil
}
