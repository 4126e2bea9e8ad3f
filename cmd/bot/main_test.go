package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runBot runs the command line in-process and returns its exit status and output.
func runBot(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestAskJSONLKeepsOrderAndContract(t *testing.T) {
	in := "When did Pakistan strike Iran?\n\nWho won the Super Bowl?\nwho is \xffvaez\n"
	code, out, errOut := runBot(t, in, nil, "ask", "--jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d answer lines for 4 questions:\n%s", len(lines), out)
	}
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line is not JSON: %q", l)
		}
		for _, k := range []string{"question", "answered", "confidence", "text", "kind", "id", "quotes", "source", "suggestions"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line lacks %q: %s", k, l)
			}
		}
		got = append(got, m)
	}
	if got[0]["answered"] != true || !strings.Contains(got[0]["text"].(string), "18 January") {
		t.Errorf("first answer: %v", got[0])
	}
	if got[1]["answered"] != false || got[1]["kind"] != "empty" {
		t.Errorf("empty line: %v", got[1])
	}
	if got[2]["answered"] != false || len(got[2]["suggestions"].([]any)) == 0 {
		t.Errorf("off-topic: %v", got[2])
	}
	if got[3]["answered"] != true {
		t.Errorf("invalid UTF-8 question: %v", got[3])
	}
}

func TestAskOneQuestion(t *testing.T) {
	code, out, _ := runBot(t, "", nil, "ask", "Who", "is", "Ali", "Vaez?")
	if code != 0 || !strings.Contains(out, "International Crisis Group") || !strings.Contains(out, "The New Arab") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	if code, _, _ := runBot(t, "", nil, "ask"); code != 2 {
		t.Errorf("ask with no question: exit %d, want 2", code)
	}
}

// TestAskAfterEarlierQuestions: --after replays the questions before, so a follow-up is
// answered in their conversation, with or without --explain.
func TestAskAfterEarlierQuestions(t *testing.T) {
	for _, explain := range []bool{false, true} {
		args := []string{"ask", "--after", "Who is Rabia Akhtar?", "where does she work?"}
		if explain {
			args = append(args[:1], append([]string{"--explain"}, args[1:]...)...)
		}
		code, out, _ := runBot(t, "", nil, args...)
		if code != 0 || !strings.Contains(out, "University of Lahore") {
			t.Errorf("explain %v: exit %d, output:\n%s", explain, code, out)
		}
		if explain && !strings.Contains(out, "question 1:") {
			t.Errorf("--explain printed no steps:\n%s", out)
		}
	}
}

func TestConsoleAnswersUntilEndOfInput(t *testing.T) {
	code, out, errOut := runBot(t, "Who is Rabia Akhtar?\n/timeline\n/quote vaez\n/nonsense\n", nil)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Ask me about", "University of Lahore", "18 January 2024:", "Dr Ali Vaez", "Unknown command /nonsense"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}

func TestKBCheckAndExport(t *testing.T) {
	code, out, _ := runBot(t, "", nil, "kb", "check")
	if code != 0 || !strings.Contains(out, "ok:") || !strings.Contains(out, "5 experts") {
		t.Errorf("kb check: exit %d, %s", code, out)
	}
	code, out, _ = runBot(t, "", nil, "kb", "export")
	var x struct {
		Quotes []struct{ Text, Speaker string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &x) != nil || len(x.Quotes) == 0 {
		t.Fatalf("kb export: exit %d, %.200s", code, out)
	}
	for _, q := range x.Quotes {
		if q.Text == "" || q.Speaker == "" {
			t.Errorf("exported quote without text or speaker: %+v", q)
		}
	}

	dir := t.TempDir()
	broken := "[source]\noutlet = \"The New Arab\"\nauthor = \"Giorgio Cafiero\"\n\n[[quote]]\nid = \"q\"\nspeaker = \"nobody\"\ntext = \"Words.\"\n"
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runBot(t, "", nil, "kb", "check", dir)
	if code != 2 || !strings.Contains(errOut, "broken.toml") || !strings.Contains(errOut, `speaker "nobody"`) {
		t.Errorf("broken base: exit %d, %s", code, errOut)
	}
	if code, _, _ := runBot(t, "Why?\n", nil, "ask", "--kb", dir, "--jsonl"); code != 2 {
		t.Errorf("ask with a broken --kb: exit %d, want 2", code)
	}
}

func TestBadConfigurationExits2BeforeAnything(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bot.toml")
	if err := os.WriteFile(p, []byte("[http]\nadress = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runBot(t, "", nil, "--config", p)
	if code != 2 || !strings.Contains(errOut, "http.adress") || out != "" {
		t.Errorf("unknown key: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	code, _, errOut = runBot(t, "", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, "serve")
	if code != 2 || !strings.Contains(errOut, "SLACK_BOT_TOKEN") {
		t.Errorf("missing token: exit %d, %q", code, errOut)
	}
}

func TestUsageAndVersion(t *testing.T) {
	if code, out, _ := runBot(t, "", nil, "version"); code != 0 || !strings.HasPrefix(out, "bot ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, _ := runBot(t, "", nil, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	for _, args := range [][]string{{"-h"}, {"ask", "-h"}, {"serve", "-h"}, {"kb", "check", "-h"}, {"kb", "-h"}} {
		code, out, errOut := runBot(t, "", nil, args...)
		if code != 0 || !strings.Contains(out+errOut, "Usage") {
			t.Errorf("%v: exit %d, no usage: %q", args, code, out+errOut)
		}
	}
}

func TestDiscordRegisterNeedsItsCredentials(t *testing.T) {
	code, _, errOut := runBot(t, "", map[string]string{"DISCORD_TOKEN": "tok"}, "discord", "register")
	if code != 2 || !strings.Contains(errOut, "DISCORD_APP_ID") {
		t.Errorf("register without an app id: exit %d, %q", code, errOut)
	}
	if code, _, _ := runBot(t, "", nil, "discord"); code != 2 {
		t.Errorf("discord with no subcommand: exit %d, want 2", code)
	}
	if code, out, errOut := runBot(t, "", nil, "discord", "register", "-h"); code != 0 || !strings.Contains(out+errOut, "bulk") {
		t.Errorf("discord register -h: exit %d, %q", code, out+errOut)
	}
}
