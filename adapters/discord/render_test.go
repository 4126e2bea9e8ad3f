package discord

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedSource is the source every golden reply names.
var fixedSource = answers.Source{
	Outlet: "The New Arab", OutletShort: "TNA", Author: "Giorgio Cafiero", AuthorRole: "CEO of Gulf State Analytics",
	Title: "Iran and Pakistan after the cross-border strikes of January 2024", Published: "January 2024",
	Citation: "Source: The New Arab, analysis by Giorgio Cafiero (January 2024)",
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// goldenCases are fixed inputs, independent of the knowledge base being edited.
var goldenCases = []struct {
	name string
	msg  func() message
}{
	{"fact", func() message {
		return renderReply(answers.Reply{
			Question: "When did Iran strike Pakistan?", Answered: true, Confidence: 1, Kind: "event", ID: "iran-strike",
			Title:  "Iran's strike in Balochistan, 16 January 2024",
			Answer: "On 16 January 2024, Iran's military fired a barrage of missiles at a village in Pakistan's Balochistan province, killing two children.",
			Quotes: []answers.Quote{{Text: "Iranian terrorist organisation", Speaker: "Hossein Amir Abdollahian", Role: "Iran's Foreign Minister"}},
			Source: fixedSource,
			Suggestions: []answers.Suggestion{
				{ID: "pakistan-strike", Question: "What happened on 18 January 2024?"},
				{ID: "overview", Question: "What happened between Iran and Pakistan in January 2024?"},
			},
		})
	}},
	{"quote", func() message {
		return renderQuote(answers.Quote{
			Text:    "Tehran wanted to send a message to its own people and to the region.",
			Speaker: "Dr Ali Vaez", Role: "director of the Iran Project at the International Crisis Group",
			About: "why Iran struck",
		}, fixedSource)
	}},
	{"unknown", func() message {
		return renderReply(answers.Reply{
			Question: "What is the weather on Mars?", Kind: answers.KindUnknown,
			Answer: "I don't know: the article I draw on does not answer that. You could ask one of these instead.",
			Source: fixedSource,
			Suggestions: []answers.Suggestion{
				{ID: "iran-strike", Question: "What happened on 16 January 2024?"},
				{ID: "pakistan-strike", Question: "What happened on 18 January 2024?"},
				{ID: "expert-parsi", Question: "Who is Rouzbeh Parsi?"},
			},
		})
	}},
	{"not-in-article", func() message {
		return renderReply(answers.Reply{
			Question: "how much did the missiles cost?", Kind: answers.KindNotInArticle, ID: "iran-strike-target",
			Answer:      "The article does not say how much the missiles cost. What it does say: Iran's 16 January 2024 strike was directed at two bases belonging to Jaish al-Adl.",
			Source:      fixedSource,
			Suggestions: []answers.Suggestion{{ID: "iran-strike-target", Question: "What was Iran aiming at in Pakistan?"}},
		})
	}},
	{"timeline", func() message {
		return renderTimeline([]answers.Event{
			{Date: date("2023-12-14"), Text: "Jaish al-Adl attacks a police station in Rask, Iran, killing eleven police officers."},
			{Date: date("2024-01-16"), Text: "Iran fires missiles at two Jaish al-Adl bases in Pakistan's Balochistan province.", EntryID: "iran-strike"},
			{Date: date("2024-01-18"), Text: "Pakistan retaliates around Saravan in Iran.", EntryID: "pakistan-strike"},
			{Date: date("2024-01-29"), Text: "Iran's foreign minister visits Islamabad.", EntryID: "visit"},
		}, fixedSource)
	}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.msg()
			checkLimits(t, m)
			testkit.Golden(t, filepath.Join("testdata", tc.name+".golden.json"), m, *update)
		})
	}
}

// checkLimits fails the test if a message breaks any of Discord's limits.
func checkLimits(t *testing.T, m message) {
	t.Helper()
	if n := textLen(m.Content); n > maxContent {
		t.Errorf("content is %d characters, over %d", n, maxContent)
	}
	for _, e := range m.Embeds {
		if n := embedLen(e); n > maxEmbedTotal {
			t.Errorf("embed is %d characters, over %d", n, maxEmbedTotal)
		}
		if n := textLen(e.Title); n > maxEmbedTitle {
			t.Errorf("title is %d characters", n)
		}
		if n := textLen(e.Description); n > maxEmbedDescription {
			t.Errorf("description is %d characters", n)
		}
		if len(e.Fields) > maxEmbedFields {
			t.Errorf("%d fields", len(e.Fields))
		}
		for _, f := range e.Fields {
			if textLen(f.Name) > maxFieldName || textLen(f.Value) > maxFieldValue || f.Name == "" || f.Value == "" {
				t.Errorf("field %q: name %d, value %d characters", f.Name, textLen(f.Name), textLen(f.Value))
			}
		}
	}
	if len(m.Components) > maxRows {
		t.Errorf("%d action rows", len(m.Components))
	}
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			t.Fatalf("component %T is not an action row", c)
		}
		if len(row.Components) > maxButtonsPerRow {
			t.Errorf("%d buttons in a row", len(row.Components))
		}
		for _, b := range row.Components {
			btn := b.(discordgo.Button)
			if textLen(btn.Label) > maxButtonLabel || len(btn.CustomID) > maxCustomID {
				t.Errorf("button %q / %q over a limit", btn.Label, btn.CustomID)
			}
			_, ask := parseCustomID(btn.CustomID)
			_, onMap := parseMapCustomID(btn.CustomID)
			_, _, vote := parseVoteCustomID(btn.CustomID)
			if !ask && !onMap && !vote && btn.CustomID != shareCheckID {
				t.Errorf("button custom ID %q does not parse", btn.CustomID)
			}
		}
	}
}

func TestFitText(t *testing.T) {
	long := strings.Repeat("The strikes damaged trust between them. ", 200)
	tests := []struct {
		name, in string
		max      int
		want     string
	}{
		{"short", "Fits.", 10, "Fits."},
		{"exact", "12345", 5, "12345"},
		{"at a sentence", "One two three. Four five six. Seven eight nine.", 32, "One two three. Four five six."},
		{"sentence with closing quote", `He said "go now." Then he left for good.`, 25, `He said "go now."`},
		{"at a word when no sentence fits", "Alpha beta gamma delta epsilon", 20, "Alpha beta gamma…"},
		{"cut falls on a space", "Alpha beta gamma delta", 11, "Alpha beta…"},
		{"one huge word", strings.Repeat("x", 30), 10, strings.Repeat("x", 9) + "…"},
		{"zero", "anything", 0, ""},
		{"wide characters count twice", "😀😀😀😀 😀😀", 9, "😀😀😀😀…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fitText(tc.in, tc.max)
			if got != tc.want {
				t.Errorf("fitText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
			if textLen(got) > tc.max {
				t.Errorf("result is %d characters, over %d", textLen(got), tc.max)
			}
		})
	}
	got := fitText(long, maxEmbedDescription)
	if textLen(got) > maxEmbedDescription || !strings.HasSuffix(got, "them.") {
		t.Errorf("long text cut to %d characters ending %q", textLen(got), got[len(got)-20:])
	}
}

// TestRenderLongReply checks a reply far over every limit still renders within them,
// its answer cut at a sentence.
func TestRenderLongReply(t *testing.T) {
	sentence := "Both governments moved quickly to de-escalate, though the strikes damaged trust. "
	r := answers.Reply{
		Answered: true, Kind: "fact", ID: "x", Title: strings.Repeat("Title ", 100),
		Answer: strings.Repeat(sentence, 100), Source: fixedSource,
		DidYouMean: &answers.Suggestion{ID: "other", Question: strings.Repeat("Did you mean this long question ", 10)},
	}
	for i := 0; i < 30; i++ {
		r.Quotes = append(r.Quotes, answers.Quote{Text: strings.Repeat("A quote that goes on. ", 60), Speaker: strings.Repeat("Dr Name ", 40), Role: "role"})
		r.Suggestions = append(r.Suggestions, answers.Suggestion{ID: "s" + strings.Repeat("x", i), Question: strings.Repeat("q ", 60)})
	}
	r.Suggestions = append(r.Suggestions, answers.Suggestion{ID: "bad id with spaces", Question: "dropped"})
	m := renderReply(r)
	checkLimits(t, m)
	d := m.Embeds[0].Description
	if !strings.HasSuffix(d, "trust.") {
		t.Errorf("description not cut at a sentence: ends %q", d[len(d)-30:])
	}
}

func TestChoices(t *testing.T) {
	var items []string
	for i := 0; i < 40; i++ {
		items = append(items, string(rune('a'+i%26))+string(rune('a'+i/26))+" "+strings.Repeat("word ", 30))
	}
	items = append(items, "", "  ")
	cs := choices(items)
	if len(cs) != maxChoices {
		t.Fatalf("%d choices, want %d", len(cs), maxChoices)
	}
	for _, c := range cs {
		v, _ := c.Value.(string)
		if textLen(c.Name) > maxChoiceLen || textLen(v) > maxChoiceLen || c.Name == "" {
			t.Errorf("choice %q over the limit", c.Name)
		}
	}
}

func TestCustomID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		id   string
		good bool
	}{
		{"ask:iran-strike", "iran-strike", true},
		{"ask:expert_parsi.2", "expert_parsi.2", true},
		{"ask:", "", false},
		{"ask:../etc", "", false},
		{"ask:has space", "", false},
		{"quote:x", "", false},
		{"ask:" + strings.Repeat("a", 97), "", false},
		{"", "", false},
	} {
		id, ok := parseCustomID(tc.in)
		if id != tc.id || ok != tc.good {
			t.Errorf("parseCustomID(%q) = %q, %v; want %q, %v", tc.in, id, ok, tc.id, tc.good)
		}
	}
	if askCustomID("has space") != "" || askCustomID(strings.Repeat("a", 97)) != "" {
		t.Error("askCustomID accepted an ID that cannot round-trip")
	}
}

func TestQuestionFromContent(t *testing.T) {
	for in, want := range map[string]string{
		"<@123> when did Iran strike?":                                    "when did Iran strike?",
		"<@!123>   who is   Vaez? <@123>":                                 "who is Vaez?",
		"<@123> @everyone <@&55> what about <#9>?":                        "what about?",
		"<@123> <:flag_ir:112233> Why did Iran strike Pakistan?":          "Why did Iran strike Pakistan?",
		"<a:wave:445566> When did Pakistan strike Iran? <t:1705536000:R>": "When did Pakistan strike Iran?",
		"who is <@!42> , and what did </ask:99> say?":                     "who is, and what did say?",
		"<@123>":                  "",
		"  ":                      "",
		"plain question in a DM?": "plain question in a DM?",
	} {
		if got := questionFromContent(in); got != want {
			t.Errorf("questionFromContent(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFitText(f *testing.F) {
	f.Add("One two three. Four five six.", 12)
	f.Add("😀😀😀 x", 3)
	f.Add("a\u00a0b c", 2)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 0 || max > 5000 {
			return
		}
		got := fitText(s, max)
		if textLen(got) > max {
			t.Fatalf("fitText(%q, %d) = %q: %d characters", s, max, got, textLen(got))
		}
		if textLen(s) <= max && got != s {
			t.Fatalf("fitText changed a text that fits")
		}
		if textLen(s) > max && got != "" {
			body := strings.TrimSuffix(got, "…")
			if !strings.HasPrefix(s, body) {
				t.Fatalf("fitText(%q, %d) = %q is not a prefix", s, max, got)
			}
			// Never mid-word: the cut is followed by a space or the text's end, unless the first word alone is too long.
			rest := s[len(body):]
			words := strings.TrimLeftFunc(body, unicode.IsSpace)
			if rest != "" && !unicode.IsSpace([]rune(rest)[0]) && strings.IndexFunc(words, unicode.IsSpace) >= 0 {
				t.Fatalf("fitText(%q, %d) = %q cuts inside a word", s, max, got)
			}
		}
	})
}

func FuzzParseCustomID(f *testing.F) {
	f.Add("ask:iran-strike")
	f.Add("ask:")
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := parseCustomID(s)
		if ok && askCustomID(id) != s {
			t.Fatalf("parseCustomID(%q) = %q does not round-trip", s, id)
		}
	})
}

func FuzzQuestionFromContent(f *testing.F) {
	f.Add("<@123> when did Iran strike?")
	f.Fuzz(func(t *testing.T, s string) {
		q := questionFromContent(s)
		if strings.Contains(q, "@everyone") || strings.Contains(q, "@here") || q != strings.TrimSpace(q) {
			t.Fatalf("questionFromContent(%q) = %q", s, q)
		}
	})
}
