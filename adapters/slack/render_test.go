package slack

import (
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedSource is the source as the knowledge base names it; fixed so goldens stay stable.
var fixedSource = answers.Source{Outlet: "The New Arab", OutletShort: "TNA", Author: "Giorgio Cafiero",
	AuthorRole: "CEO of Gulf State Analytics", Published: "January 2024",
	Citation: "Source: The New Arab, analysis by Giorgio Cafiero (January 2024)"}

// golden compares a rendered message with testdata/name.golden.json, or rewrites it with -update.
func golden(t *testing.T, name string, m message) {
	t.Helper()
	testkit.Golden(t, filepath.Join("testdata", name+".golden.json"), map[string]any{"text": m.text, "blocks": m.blocks}, *update)
	if len(m.blocks) > maxBlocks {
		t.Errorf("%s: %d blocks, over Slack's %d", name, len(m.blocks), maxBlocks)
	}
}

func TestGoldenFact(t *testing.T) {
	r := answers.Reply{
		Question: "Why did Iran strike Pakistan?", Answered: true, Confidence: 0.82, Kind: "event", ID: "iran-strike",
		Title:  "Iran's strike in Balochistan, 16 January 2024",
		Answer: "On 16 January 2024, Iran fired missiles at two bases of Jaish al-Adl in Pakistan's Balochistan province.",
		Quotes: []answers.Quote{
			{Text: "Deterrence is the obsession of all states", Speaker: "Dr Rouzbeh Parsi",
				Role: "head of the Middle East and North Africa programme at the Swedish Institute of International Affairs"},
			{Text: "Iranian terrorist organisation", Speaker: "Hossein Amir Abdollahian", Role: "Iran's Foreign Minister"},
		},
		Source:     fixedSource,
		DidYouMean: &answers.Suggestion{ID: "pakistan-strike", Question: "What happened on 18 January 2024?"},
		Suggestions: []answers.Suggestion{
			{ID: "pakistan-strike", Question: "What happened on 18 January 2024?"},
			{ID: "overview", Question: "What happened between Iran and Pakistan in January 2024, and why did the two neighbours strike each other's territory?"},
		},
	}
	golden(t, "fact", replyMessage(r, view{}))
	golden(t, "fact_ask", replyMessage(r, view{echo: true, share: true}))
}

func TestGoldenUnknown(t *testing.T) {
	r := answers.Reply{
		Question: "@channel what is the weather on Mars? <script>", Kind: answers.KindUnknown, Confidence: 0.12,
		Answer: "I don't know: the article I draw on does not answer that. You could ask one of these instead.",
		Source: fixedSource,
		Suggestions: []answers.Suggestion{
			{ID: "iran-strike", Question: "What happened on 16 January 2024?"},
			{ID: "pakistan-strike", Question: "What happened on 18 January 2024?"},
			{ID: "expert-parsi", Question: "Who is Rouzbeh Parsi?"},
			{ID: "expert-vaez", Question: "Who is Ali Vaez?"},
		},
	}
	m := replyMessage(r, view{echo: true})
	golden(t, "unknown", m)
	raw := mustJSON(t, m.blocks)
	if strings.Count(raw, `"type":"button"`) != 3 {
		t.Errorf("want three suggestion buttons: %s", raw)
	}
	assertInert(t, "unknown", raw)
}

func TestGoldenQuote(t *testing.T) {
	quotes := []answers.Quote{
		{Text: "In general, I'm sceptical when states claim they can solve these kinds of problems through military strikes", Speaker: "Dr Rouzbeh Parsi", Role: "head of the programme"},
		{Text: "unforced error on Tehran’s part", Speaker: "Dr Rouzbeh Parsi", Role: "head of the programme"},
	}
	golden(t, "quote", quotesMessage("Quotes from Dr Rouzbeh Parsi", quotes, fixedSource))
}

func TestGoldenTimeline(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, time.January, d, 0, 0, 0, 0, time.UTC) }
	events := []answers.Event{
		{Date: day(16), Text: "Iran fires missiles at two Jaish al-Adl bases in Pakistan's Balochistan province.", EntryID: "iran-strike"},
		{Date: day(18), Text: "Pakistan retaliates with drones, rockets & missiles around Saravan in Iran.", EntryID: "pakistan-strike"},
	}
	golden(t, "timeline", timelineMessage(events, fixedSource))
}

func TestTimelineStaysWithinSlackLimits(t *testing.T) {
	var events []answers.Event
	for i := range 400 {
		events = append(events, answers.Event{Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i),
			Text: strings.Repeat("A long line about what happened. ", 5)})
	}
	m := timelineMessage(events, fixedSource)
	if len(m.blocks) > maxBlocks {
		t.Errorf("%d blocks, over %d", len(m.blocks), maxBlocks)
	}
	for _, b := range m.blocks {
		if s, ok := b.(*slack.SectionBlock); ok {
			if n := len([]rune(s.Text.Text)); n > maxSectionText {
				t.Errorf("a section of %d characters", n)
			}
		}
	}
}

func TestReadText(t *testing.T) {
	for _, tc := range []struct{ in, question, echo string }{
		{"<@UBOT> who struck first?", "who struck first?", "who struck first?"},
		{"<@UBOT|borderbot>   who   struck first?  ", "who struck first?", "who struck first?"},
		{"<!channel> Why did Iran strike Pakistan?", "Why did Iran strike Pakistan?", "Why did Iran strike Pakistan?"},
		{"<!here> <!everyone> hi <@W1|ann> and <@W222>", "hi and", "hi @ann and"},
		{"Who is Vaez <@U123>?", "Who is Vaez?", "Who is Vaez?"},
		{"<!subteam^S1|@team> see <https://example.com|this> and <https://x.y>", "see this and", "@team see this and"},
		{"in <#C1|general>, is 1 &lt; 2 &amp;&amp; 3 &gt; 2?", "in general, is 1 < 2 && 3 > 2?", "in #general, is 1 < 2 && 3 > 2?"},
		{"what of <#C2>?", "what of?", "what of?"},
		{"@channel when did Iran strike?", "when did Iran strike?", "when did Iran strike?"},
		{"what happened on <!date^1705400000^{date}|16 January 2024>?", "what happened on 16 January 2024?", "what happened on 16 January 2024?"},
		{"", "", ""},
	} {
		q, echo := readText(tc.in, testBotUser)
		if q != tc.question || echo != tc.echo {
			t.Errorf("readText(%q) = %q, %q; want %q, %q", tc.in, q, echo, tc.question, tc.echo)
		}
	}
}

func TestInert(t *testing.T) {
	got := inert("<!channel> @here & <@U1>")
	if strings.ContainsAny(got, "<>") || strings.Contains(got, "@here") || !strings.Contains(got, "&amp;") {
		t.Errorf("inert = %q", got)
	}
}

func TestSplitQuoteQuery(t *testing.T) {
	for _, tc := range []struct{ in, expert, topic string }{
		{"", "", ""},
		{"vaez", "vaez", ""},
		{"Ali Vaez about deterrence", "Ali Vaez", "deterrence"},
		{"parsi on the US", "parsi", "the US"},
		{"about Jaish al-Adl", "", "Jaish al-Adl"},
	} {
		e, topic := splitQuoteQuery(tc.in)
		if e != tc.expert || topic != tc.topic {
			t.Errorf("splitQuoteQuery(%q) = %q, %q; want %q, %q", tc.in, e, topic, tc.expert, tc.topic)
		}
	}
}

func TestShareValueFits(t *testing.T) {
	id, q := parseShareValue(shareValue("iran-strike", strings.Repeat("é", 3000)))
	if id != "iran-strike" || len(shareValue("iran-strike", strings.Repeat("é", 3000))) > maxButtonValue || q == "" {
		t.Errorf("shareValue does not fit: id %q, %d bytes", id, len(q))
	}
}

func FuzzReadTextIsInert(f *testing.F) {
	for _, s := range []string{"<@UBOT> hi", "<!channel>", "&lt;!here&gt;", "<<@U1>>", "<https://a|b>", "@everyone"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, echo := readText(s, testBotUser)
		for _, text := range []string{q, echo} {
			out := inert(text)
			if strings.ContainsAny(out, "<>") {
				t.Errorf("inert(readText(%q)) = %q keeps markup", s, out)
			}
			for _, ping := range []string{"@channel", "@here", "@everyone"} {
				if strings.Contains(out, ping) {
					t.Errorf("inert(readText(%q)) = %q keeps %s", s, out, ping)
				}
			}
		}
		// Whole markup never survives (a lone "<" is text; Slack sends text's own as &lt;).
		if !strings.Contains(s, "&") && regexp.MustCompile(`<[@!#][^<>]*>`).MatchString(q) {
			t.Errorf("readText(%q) gives the engine the markup %q", s, q)
		}
	})
}
