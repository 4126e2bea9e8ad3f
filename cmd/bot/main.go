// Command bot answers questions about the Iran–Pakistan strikes of January 2024 on
// Discord, Slack or the console, from an embedded knowledge base.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/borderbot/borderbot/adapters/pictures"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is stamped at build time with -ldflags "-X main.version=...".
var version = "dev"

// usageError is an error in how the command was called; it exits with status 2.
type usageError struct{ error }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// env is what one run of the command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// run executes one command line and returns the process's exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// The first SIGINT or SIGTERM ends ctx and starts a graceful stop; releasing the
	// handler then lets a second signal end the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	e := env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	err := dispatch(ctx, e, args)
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "bot:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "bot:", err)
		return 1
	}
}

const topUsage = `bot answers questions about the Iran–Pakistan cross-border strikes of January 2024,
from an analysis by Giorgio Cafiero in The New Arab.

Usage:
  bot [serve] [flags]          run every adapter the configuration enables (the console when none is)
  bot ask [flags] [QUESTION]   answer one question, or questions from standard input with --jsonl
  bot kb check [PATH]          validate a knowledge base (the embedded one by default) and print counts
  bot kb export                print the loaded knowledge base as JSON
  bot timeline [--png FILE]    print the dated events, or write the timeline as a PNG picture
  bot map [--png FILE]         print the places the article names, or write the map as a PNG picture
  bot discord register         register the Discord slash commands (needs DISCORD_TOKEN, DISCORD_APP_ID)
  bot review [--since 7d]      the questions to improve answers with, grouped and ranked (--json)
  bot healthcheck [--addr A]   exit 0 when the running bot's /healthz answers 200, else 1 (for HEALTHCHECK)
  bot version                  print the version

Run "bot COMMAND -h" for a command's flags.
`

func dispatch(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return cmdServe(ctx, e, nil)
	}
	switch args[0] {
	case "serve":
		return cmdServe(ctx, e, args[1:])
	case "ask":
		return cmdAsk(ctx, e, args[1:])
	case "kb":
		return cmdKB(e, args[1:])
	case "timeline":
		return cmdPicture(ctx, e, pictures.KindTimeline, args[1:])
	case "map":
		return cmdPicture(ctx, e, pictures.KindMap, args[1:])
	case "discord":
		return cmdDiscord(ctx, e, args[1:])
	case "healthcheck":
		return cmdHealthcheck(ctx, e, args[1:])
	case "review":
		return cmdReview(ctx, e, args[1:])
	case "version", "--version", "-version":
		fmt.Fprintf(e.stdout, "bot %s\n", buildVersion())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, topUsage)
		return nil
	default:
		if len(args[0]) > 0 && args[0][0] == '-' {
			return cmdServe(ctx, e, args)
		}
		fmt.Fprint(e.stderr, topUsage)
		return usageError{fmt.Errorf("unknown command %q", args[0])}
	}
}

// newFlags returns a flag set whose -h prints what the command does.
func newFlags(e env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\n%s\n", synopsis, about)
		if hasFlags(fs) {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags, turning a parse failure into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
