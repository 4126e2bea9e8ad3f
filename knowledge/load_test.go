package knowledge

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedBaseLoads(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatalf("embedded base: %v", err)
	}
	s := b.Stats()
	if s.Experts != 5 {
		t.Errorf("experts = %d, want the article's 5", s.Experts)
	}
	if s.Entries == 0 || s.Quotes == 0 || s.Events == 0 {
		t.Errorf("base is missing content: %s", s)
	}
	for i := 1; i < len(b.Events); i++ {
		if b.Events[i-1].Date > b.Events[i].Date {
			t.Errorf("events out of order: %s before %s", b.Events[i-1].Date, b.Events[i].Date)
		}
	}
	for _, x := range b.Experts() {
		if len(b.QuotesBy(x.ID)) == 0 {
			t.Errorf("expert %s has no quote", x.ID)
		}
	}
}

// valid is a small, valid base that each case below breaks in one way.
var valid = map[string]string{
	"source.toml": `[source]
outlet = "The New Arab"
author = "Giorgio Cafiero"`,
	"people.toml": `[[person]]
id = "vaez"
name = "Ali Vaez"
role = "director of the Iran Project at the International Crisis Group"
expert = true`,
	"quotes.toml": `[[quote]]
id = "vaez-brink"
speaker = "vaez"
text = "Neither side has an interest in further escalation."`,
	"entries.toml": `[[entry]]
id = "escalation"
kind = "opinion"
title = "Escalation"
answer = "Neither side wants escalation."
questions = ["Will it escalate?"]
quotes = ["vaez-brink"]
date = "2024-01-18"`,
	"timeline.toml": `[[event]]
date = "2024-01-18"
text = "Pakistan retaliates."
entry = "escalation"`,
	"places.toml": `[[place]]
id = "saravan"
name = "Saravan"
lat = 27.37
lon = 62.33
entry = "escalation"
what = "Pakistan strikes"`,
}

func TestLoadRejectsInvalidBases(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		text  string
		wants []string // each must appear in the error
	}{
		{"duplicate entry id", "more.toml", `[[entry]]
id = "escalation"
kind = "fact"
title = "Again"
answer = "Again."
questions = ["Again?"]`, []string{"more.toml", `"escalation"`, "used twice"}},
		{"unknown speaker", "more.toml", `[[quote]]
id = "q2"
speaker = "nobody"
text = "Words."`, []string{"more.toml", `quote "q2"`, `speaker "nobody"`}},
		{"empty answer", "more.toml", `[[entry]]
id = "blank"
kind = "fact"
title = "Blank"
answer = "  "
questions = ["Blank?"]`, []string{"more.toml", `entry "blank"`, "answer is empty"}},
		{"broken encoding", "more.toml", `[[entry]]
id = "mojibake"
kind = "fact"
title = "Broken"
answer = "Dr Parsi told °®Âţµş."
questions = ["Broken?"]`, []string{`entry "mojibake"`, "wrong encoding"}},
		{"unknown alias kind", "more.toml", `[[alias]]
terms = ["Atlantis", "Lost City"]
kind = "continent"`, []string{"more.toml", "Atlantis/Lost City", `kind "continent"`}},
		{"bad date", "more.toml", `[[event]]
date = "16 January 2024"
text = "Iran strikes."`, []string{"more.toml", "not YYYY-MM-DD"}},
		{"unknown key", "more.toml", `[[entry]]
id = "typo"
kind = "fact"
title = "Typo"
answer = "An answer."
questions = ["Typo?"]
keywrods = ["oops"]`, []string{"more.toml", "unknown key", "keywrods"}},
		{"missing related entry", "more.toml", `[[entry]]
id = "lonely"
kind = "fact"
title = "Lonely"
answer = "An answer."
questions = ["Lonely?"]
related = ["nowhere"]`, []string{`entry "lonely"`, `"nowhere"`}},
		{"bad kind", "more.toml", `[[entry]]
id = "odd"
kind = "rumour"
title = "Odd"
answer = "An answer."
questions = ["Odd?"]`, []string{`entry "odd"`, `kind "rumour"`}},
		// A kind in another case would pass a case-blind check and then be lost.
		{"kind in capitals", "more.toml", `[[entry]]
id = "big"
kind = "Overview"
title = "Big"
answer = "An answer."
questions = ["Big?"]`, []string{`entry "big"`, `kind "Overview"`, "lower case"}},
		{"bad type", "more.toml", `[[entry]]
id = "typed"
kind = "fact"
title = "Typed"
answer = "An answer."
types = ["When"]
questions = ["Typed?"]`, []string{`entry "typed"`, `type "When"`}},
		{"place outside the map", "more.toml", `[[place]]
id = "london"
name = "London"
lat = 51.5
lon = -0.1
entry = "escalation"
what = "Nothing happened"`, []string{"more.toml", `place "london"`, "outside the region"}},
		{"place with an unknown entry", "more.toml", `[[place]]
id = "nowhere"
name = "Nowhere"
lat = 30
lon = 60
entry = "no-such-entry"
what = "Nothing"`, []string{`place "nowhere"`, `entry "no-such-entry"`}},
		{"place with an undated entry", "more.toml", `[[entry]]
id = "timeless"
kind = "fact"
title = "Timeless"
answer = "An answer."
questions = ["Timeless?"]

[[place]]
id = "undated"
name = "Undated"
lat = 30
lon = 60
entry = "timeless"
what = "Something"`, []string{`place "undated"`, "has no date"}},
		{"no questions", "more.toml", `[[entry]]
id = "mute"
kind = "fact"
title = "Mute"
answer = "An answer."`, []string{`entry "mute"`, "no questions"}},
		{"bad toml", "more.toml", `[[entry]
id = "x"`, []string{"more.toml"}},
	}
	if _, err := Load(mapFS(valid)); err != nil {
		t.Fatalf("the valid base does not load: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{tt.file: tt.text}
			for k, v := range valid {
				files[k] = v
			}
			_, err := Load(mapFS(files))
			if err == nil {
				t.Fatal("loaded an invalid base")
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadPathReadsADirectoryOrOneFile(t *testing.T) {
	dir := t.TempDir()
	for name, text := range valid {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := LoadPath(dir)
	if err != nil {
		t.Fatalf("LoadPath(dir): %v", err)
	}
	if len(b.Entries) != 1 || len(b.Quotes) != 1 {
		t.Errorf("got %s", b.Stats())
	}
	one := filepath.Join(t.TempDir(), "all.toml")
	var all []string
	for _, name := range []string{"source.toml", "people.toml", "quotes.toml", "entries.toml", "timeline.toml"} {
		all = append(all, valid[name])
	}
	if err := os.WriteFile(one, []byte(strings.Join(all, "\n\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPath(one); err != nil {
		t.Fatalf("LoadPath(file): %v", err)
	}
	if _, err := LoadPath(filepath.Join(dir, "missing")); err == nil {
		t.Error("LoadPath of a missing path succeeded")
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// articlePath is where CI and developers keep the source article, beside the checkout.
const articlePath = "../../shared/source/article.txt"

// foldQuote normalises what may differ between a quote and the article: typographic
// quotes and dashes, the broken no-break space the README documents, and white space.
func foldQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-",
		"Ěý", " ", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func TestEveryQuoteIsVerbatimInTheArticle(t *testing.T) {
	raw, err := os.ReadFile(articlePath)
	if os.IsNotExist(err) {
		t.Skipf("the article is not at %s (it sits beside the checkout in CI); cannot check quotes", articlePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	article := foldQuote(string(raw))
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range b.Quotes {
		if !strings.Contains(article, foldQuote(q.Text)) {
			t.Errorf("quote %s (%s) is not verbatim in the article: %q", q.ID, q.File, q.Text)
		}
	}
	// Quotation marks inside entry answers must quote the article too.
	quoted := regexp.MustCompile(`"([^"]{3,})"`)
	for _, e := range b.Entries {
		for _, m := range quoted.FindAllStringSubmatch(foldQuote(e.Answer), -1) {
			if !strings.Contains(article, m[1]) {
				t.Errorf("entry %s (%s) quotes %q, which is not in the article", e.ID, e.File, m[1])
			}
		}
	}
}

// TestFirstQuestionsMakeGoodLabels checks each entry's first phrasing, which the bot
// shows as a suggestion and as a button label: one question, at most 80 characters
// (Discord's limit for a button label), starting with a capital and ending with "?".
func TestFirstQuestionsMakeGoodLabels(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range b.Entries {
		q := e.Questions[0]
		if n := len([]rune(q)); n > 80 || strings.Count(q, "?") != 1 || !strings.HasSuffix(q, "?") ||
			strings.ToUpper(q[:1]) != q[:1] {
			t.Errorf("%s (%s): first question %q is not one short question", e.ID, e.File, q)
		}
	}
}

// TestNoAnswerOpensWithAFixedYesOrNo keeps yes and no out of the entries: the engine
// decides them from the facts and the question, and an entry that opened with "No:"
// would say no to a question whose answer is yes.
func TestNoAnswerOpensWithAFixedYesOrNo(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range b.Entries {
		first, _, _ := strings.Cut(e.Answer, " ")
		switch strings.ToLower(strings.Trim(first, ",:;.!")) {
		case "yes", "no", "partly", "true", "false":
			t.Errorf("%s (%s): the answer opens with %q", e.ID, e.File, first)
		}
	}
}
