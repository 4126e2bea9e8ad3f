package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/borderbot/borderbot/adapters/console"
	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/config"
	"github.com/borderbot/borderbot/knowledge"
)

// common holds the flags every command that answers shares.
type common struct {
	configPath string
	kbPath     string
}

func (c *common) register(fs interface {
	StringVar(*string, string, string, string)
}, e env) {
	fs.StringVar(&c.configPath, "config", e.getenv("BOT_CONFIG"), "TOML configuration `file` (env BOT_CONFIG)")
	fs.StringVar(&c.kbPath, "kb", "", "load the knowledge base from this `path` (a directory or file of TOML) instead of the embedded one")
}

// load reads the configuration and builds the engine it describes.
func (c *common) load(e env) (config.Config, *answers.Engine, error) {
	cfg, err := config.Load(c.configPath, e.getenv)
	if err != nil {
		return cfg, nil, usageError{err}
	}
	if c.kbPath != "" {
		cfg.Knowledge.Path = c.kbPath
	}
	base, err := loadBase(cfg.Knowledge.Path)
	if err != nil {
		return cfg, nil, usageError{err}
	}
	eng, err := answers.New(base, answers.Options{MinConfidence: cfg.Answers.MinConfidence})
	if err != nil {
		return cfg, nil, err
	}
	return cfg, eng, nil
}

func loadBase(path string) (*knowledge.Base, error) {
	if path == "" {
		return knowledge.Embedded()
	}
	return knowledge.LoadPath(path)
}

func cmdAsk(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "ask", "bot ask [--jsonl] [QUESTION ...]",
		"Answers one question given as arguments, or with --jsonl reads questions from standard input,\none a line, and writes one JSON object a line: question, answered, confidence, text, kind, id,\nquotes, source, suggestions.")
	var c common
	c.register(fs, e)
	jsonl := fs.Bool("jsonl", false, "read questions from standard input, write JSON lines")
	explain := fs.Bool("explain", false, "also print every step: cleaning, splitting, how each question was read, the five best entries with each part of their score, the check and the decision")
	var before []string
	fs.Func("after", "a question asked before in the same conversation, which the question follows up (repeat it for each, in order)", func(q string) error {
		before = append(before, q)
		return nil
	})
	if err := parse(fs, args); err != nil {
		return err
	}
	_, eng, err := c.load(e)
	if err != nil {
		return err
	}
	if *jsonl {
		if fs.NArg() > 0 {
			return usageError{fmt.Errorf("ask --jsonl reads questions from standard input, not arguments")}
		}
		return console.AnswerJSONL(ctx, eng, e.stdin, e.stdout)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{fmt.Errorf("ask: no question given")}
	}
	q := console.ReadQuestion(strings.Join(fs.Args(), " "))
	var conv answers.Context
	for _, b := range before {
		_, conv = eng.AnswerIn(conv, console.ReadQuestion(b))
	}
	if !*explain {
		r, _ := eng.AnswerIn(conv, q)
		console.WriteReply(e.stdout, r)
		return nil
	}
	r, x, _ := eng.ExplainIn(conv, q)
	console.WriteReply(e.stdout, r)
	fmt.Fprintln(e.stdout)
	x.Write(e.stdout)
	return nil
}

func cmdKB(e env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(e.stdout, "Usage:\n  bot kb check [PATH]   validate a knowledge base (the embedded one by default) and print counts\n  bot kb export [PATH]  print the knowledge base as JSON\n")
		if len(args) == 0 {
			return usageError{fmt.Errorf("kb: no subcommand")}
		}
		return nil
	}
	sub := args[0]
	fs := newFlags(e, "kb "+sub, "bot kb "+sub+" [PATH]", map[string]string{
		"check":  "Validates a knowledge base, the embedded one or the directory or TOML file at PATH,\nand prints what it holds. Exits 2 naming the file, entry and problem when it is invalid.",
		"export": "Prints the knowledge base, the embedded one or the one at PATH, as JSON: every entry,\nperson, event and quote with its exact text and speaker.",
	}[sub])
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	path := fs.Arg(0)
	switch sub {
	case "check":
		b, err := loadBase(path)
		if err != nil {
			return usageError{err}
		}
		name := path
		if name == "" {
			name = "embedded knowledge base"
		}
		fmt.Fprintf(e.stdout, "%s: ok: %s\n", name, b.Stats())
		return nil
	case "export":
		b, err := loadBase(path)
		if err != nil {
			return usageError{err}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(exportOf(b)); err != nil {
			return fmt.Errorf("kb export: %w", err)
		}
		return nil
	default:
		return usageError{fmt.Errorf("kb: unknown subcommand %q (check, export)", sub)}
	}
}

// export is the JSON shape of `bot kb export`.
type export struct {
	Source  knowledge.Source   `json:"source"`
	People  []knowledge.Person `json:"people"`
	Quotes  []exportQuote      `json:"quotes"`
	Entries []knowledge.Entry  `json:"entries"`
	Events  []knowledge.Event  `json:"events"`
	Aliases []knowledge.Alias  `json:"aliases"`
	Places  []knowledge.Place  `json:"places"`
}

type exportQuote struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Speaker string   `json:"speaker"`
	Role    string   `json:"role"`
	About   string   `json:"about"`
	Topics  []string `json:"topics"`
}

func exportOf(b *knowledge.Base) export {
	x := export{Source: b.Source, People: b.People, Entries: b.Entries, Events: b.Events, Aliases: b.Aliases, Places: b.Places}
	for _, q := range b.Quotes {
		p, _ := b.Person(q.Speaker)
		x.Quotes = append(x.Quotes, exportQuote{ID: q.ID, Text: q.Text, Speaker: p.DisplayName(), Role: p.Role, About: q.About, Topics: q.Topics})
	}
	return x
}

func buildVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}
