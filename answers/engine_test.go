package answers_test

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

// newEngine builds an engine over the embedded knowledge base.
func newEngine(tb testing.TB) *answers.Engine {
	tb.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	e, err := answers.New(b, answers.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

func TestAnswerFindsTheRightEntry(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q, wantID, why string
	}{
		{"When did Iran strike Pakistan?", "iran-strike", "plain question"},
		{"When did Pakistan strike Iran?", "pakistan-strike", "same words, other order"},
		{"when did pakistn atack iran", "pakistan-strike", "two typos"},
		{"WHEN DID IRAN’S MISSILES HIT PAKISTAN", "iran-strike", "case, curly possessive, synonym"},
		{"Who is Javidanfer?", "", "typo in a name: any answer naming him"},
		{"vaez", "expert-vaez", "a surname alone"},
		{"who is umer kareem", "expert-karim", "a name two edits off"},
		{"who is rabia akthar", "expert-akhtar", "two letters swapped"},
		{"How many guards were killed with Javidanfar?", "javidanfar-killing", "the answer counts the guards"},
		{"how many kids died in balochistan", "", "a count of children the article gives"},
		{"kerman body count?", "kerman-attack", "an idiom for the dead"},
		{"how did pakistan hit back?", "pakistan-strike", "how a strike happened: its own entry, not one that mentions it"},
		{"what's karim's view on how ordinary pakistanis see iran after this?", "iran-reputation-pakistan", "a people who see are no doers of a deed"},
		{"how does iran feel about jaish al adl", "iran-view-sunni-groups", "a state's view is still its own"},
		{"according to Vaez, what does Iran need from Pakistan?", "vaez-unprecedented", "a name's need is what is asked, not the asker's"},
		{"why is the iran-pakistan border such a big deal", "border-security", "an everyday word no answer turns on"},
		{"which of the experts are based in pakistan? i need pakistani voices", "", "the asker's need is no part of the question"},
	}
	for _, tt := range tests {
		r := e.Answer(tt.q)
		if !r.Answered {
			t.Errorf("%q (%s): not answered (confidence %.2f)", tt.q, tt.why, r.Confidence)
			continue
		}
		if tt.wantID != "" && r.ID != tt.wantID {
			t.Errorf("%q (%s): answered %s, want %s", tt.q, tt.why, r.ID, tt.wantID)
		}
	}
}

func TestAnswerSaysItDoesNotKnow(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"What's the best pizza topping?",
		"How many troops does Iran have?",
		"What is the population of Balochistan?",
		"asdfghjkl qwerty",
		// Real words are not "corrected" into the article's: founded is not wounded,
		// president is not precedent.
		"When was Jaish al-Adl founded?",
		"Who is the president of Iran?",
		// The article mentions China, but not anything China said.
		"What did China say about the strikes?",
		// It says Iran fired missiles, but not how many; it gives no measures at all.
		"How many missiles did Iran fire at Pakistan?",
		"How many Jaish al-Adl fighters died?",
		"How long is the Iran-Pakistan border?",
		// A name the article never mentions.
		"How did Afghanistan respond to the cross-border strikes?",
		// A country whose name is also an everyday word ("japan", lacquerware).
		"what did japan's government say about the strikes?",
		// The article names Iran's foreign minister, not Pakistan's.
		"what did pakistan's fm say",
		// The entry tells of the Rask attack, and of no police chief.
		"who was the police chief in rask",
	} {
		r := e.Answer(q)
		if r.Answered {
			t.Errorf("%q: answered %s (confidence %.2f), want I don't know", q, r.ID, r.Confidence)
			continue
		}
		// Either it does not know, or it says the article covers the subject but not
		// the detail asked, and what the article does say.
		switch r.Kind {
		case answers.KindUnknown:
			if !strings.Contains(r.Text(), "don't know") {
				t.Errorf("%q: text %q does not say it does not know", q, r.Text())
			}
		case answers.KindNotInArticle:
			if !strings.HasPrefix(r.Text(), "The article does not say ") || !strings.Contains(r.Text(), "What it does say: ") {
				t.Errorf("%q: text %q does not say what the article does and does not say", q, r.Text())
			}
		default:
			t.Errorf("%q: kind %q, want %q or %q", q, r.Kind, answers.KindUnknown, answers.KindNotInArticle)
		}
		if n := len(r.Suggestions); n < 1 || n > 3 {
			t.Errorf("%q: %d suggestions, want 1 to 3", q, n)
		}
		for _, s := range r.Suggestions {
			if got, ok := e.AnswerID(s.ID); !ok || !got.Answered {
				t.Errorf("%q: suggestion %q (%s) cannot be answered", q, s.Question, s.ID)
			}
		}
	}
}

func TestAnswerRefusesEmptyAndLongQuestions(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{"", "   ", "\n\t", "?!?!", "hi 👋", "<3"} {
		if r := e.Answer(q); r.Answered || r.Kind != answers.KindEmpty || len(r.Suggestions) == 0 {
			t.Errorf("%q: got kind %q answered %v with %d suggestions", q, r.Kind, r.Answered, len(r.Suggestions))
		}
	}
	long := strings.Repeat("Why did Iran strike Pakistan? ", 70)
	r := e.Answer(long)
	if r.Answered || r.Kind != answers.KindTooLong || !strings.Contains(r.Text(), "shorter question") {
		t.Errorf("%d-character question: kind %q, text %q", len(long), r.Kind, r.Text())
	}
	if r := e.Answer(strings.Repeat("é", answers.MaxQuestionLen)); r.Kind == answers.KindTooLong {
		t.Errorf("a question of exactly %d characters was refused as too long", answers.MaxQuestionLen)
	}
	// The same question asked three times in one message is answered once.
	repeated := strings.Repeat("Why did Iran strike Pakistan? ", 3)
	if r, once := e.Answer(repeated), e.Answer("Why did Iran strike Pakistan?"); r.Answer != once.Answer {
		t.Errorf("a question repeated three times got %q, want the single answer %q", r.Answer, once.Answer)
	}
}

func TestEveryEntryFitsAndKeepsItsQuotesVerbatim(t *testing.T) {
	b, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(t)
	for _, en := range b.Entries {
		r, ok := e.AnswerID(en.ID)
		if !ok {
			t.Fatalf("AnswerID(%s) not found", en.ID)
		}
		if n := utf8.RuneCountInString(r.Text()); n > answers.MaxTextLen {
			t.Errorf("%s: text is %d characters, over %d", en.ID, n, answers.MaxTextLen)
		}
		if len(en.Quotes) > 0 && len(r.Quotes) == 0 {
			t.Errorf("%s: none of its %d quotes fits beside the answer", en.ID, len(en.Quotes))
		}
		for _, q := range r.Quotes {
			src, _ := b.Quote(q.ID)
			if q.Text != src.Text || q.Speaker == "" || q.Role == "" {
				t.Errorf("%s: quote %s altered or unattributed: %+v", en.ID, q.ID, q)
			}
			if !strings.Contains(r.Text(), q.Text) || !strings.Contains(r.Text(), q.Speaker) {
				t.Errorf("%s: text does not carry quote %s with its speaker", en.ID, q.ID)
			}
		}
		for _, s := range r.Suggestions {
			if s.ID == en.ID {
				t.Errorf("%s suggests itself", en.ID)
			}
		}
	}
	if _, ok := e.AnswerID("no-such-entry"); ok {
		t.Error("AnswerID found an entry that does not exist")
	}
}

func TestAnswerIsDeterministicAndSafeConcurrently(t *testing.T) {
	e := newEngine(t)
	qs := []string{"Why did Iran strike Pakistan?", "who is parsi", "kerman", "What is the SCO?", "pizza"}
	want := make([]answers.Reply, len(qs))
	for i, q := range qs {
		want[i] = e.Answer(q)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(qs)
				if got := e.Answer(qs[k]); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("%q answered differently on a later call", qs[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestInvalidUTF8IsAnsweredAsValidText(t *testing.T) {
	e := newEngine(t)
	r := e.Answer("who is \xff\xfe parsi")
	if !utf8.ValidString(r.Question) || !utf8.ValidString(r.Text()) {
		t.Fatalf("reply carries invalid UTF-8: %q", r.Question)
	}
	if !r.Answered || r.ID != "expert-parsi" {
		t.Errorf("got %s answered=%v, want expert-parsi", r.ID, r.Answered)
	}
}

func TestSuggest(t *testing.T) {
	e := newEngine(t)
	got := e.Suggest("kerman", 25)
	if len(got) == 0 {
		t.Fatal("no suggestions for kerman")
	}
	for _, s := range got {
		if !strings.Contains(strings.ToLower(s), "kerman") {
			t.Errorf("suggestion %q does not match kerman", s)
		}
	}
	if n := len(e.Suggest("", 25)); n == 0 || n > 25 {
		t.Errorf("empty prefix: %d suggestions, want 1 to 25", n)
	}
	if n := len(e.Suggest("i", 3)); n != 3 {
		t.Errorf("asked for 3, got %d", n)
	}
	for _, s := range e.Suggest("", 1000) {
		if utf8.RuneCountInString(s) > 100 {
			t.Errorf("suggestion over Discord's 100 characters: %q", s)
		}
	}
	if got := e.Suggest("zzzzqqq", 25); len(got) != 0 {
		t.Errorf("nonsense prefix suggested %q", got)
	}
}

func TestQuotesByExpertFragmentAndTopic(t *testing.T) {
	e := newEngine(t)
	for frag, speaker := range map[string]string{"parsi": "Rouzbeh Parsi", "vaez": "Ali Vaez", "rabia": "Rabia Akhtar", "Ranjha": "Tehmina Aslam Ranjha"} {
		qs := e.Quotes(frag, "")
		if len(qs) == 0 {
			t.Errorf("no quotes for %q", frag)
			continue
		}
		for _, q := range qs {
			if !strings.Contains(q.Speaker, speaker) || q.Role == "" {
				t.Errorf("%q: quote by %q (%q), want %s", frag, q.Speaker, q.Role, speaker)
			}
		}
	}
	qs := e.Quotes("", "1988")
	if len(qs) == 0 || !strings.Contains(qs[0].Text, "1988") {
		t.Errorf("topic 1988: got %+v", qs)
	}
	qs = e.Quotes("vaez", "escalation")
	if len(qs) == 0 || !strings.Contains(qs[0].Text, "escalation") {
		t.Errorf("vaez on escalation: got %+v", qs)
	}
	if qs := e.Quotes("nobody at all", ""); len(qs) != 0 {
		t.Errorf("unknown expert gave %d quotes", len(qs))
	}
	if got := e.SuggestExperts("kar", 25); len(got) == 0 || !strings.Contains(got[0], "Umer Karim") {
		t.Errorf("SuggestExperts(kar) = %q", got)
	}
}

func TestTimelineExpertsAbout(t *testing.T) {
	e := newEngine(t)
	tl := e.Timeline()
	if len(tl) < 2 {
		t.Fatalf("timeline has %d events", len(tl))
	}
	for i := 1; i < len(tl); i++ {
		if tl[i].Date.Before(tl[i-1].Date) {
			t.Errorf("timeline out of order at %s", tl[i].DateText())
		}
	}
	if xs := e.Experts(); len(xs) != 5 {
		t.Errorf("%d experts, want 5", len(xs))
	}
	a := e.About()
	if a.Source.Outlet != "The New Arab" || a.Source.Author != "Giorgio Cafiero" || a.Summary == "" || len(a.Examples) == 0 {
		t.Errorf("About() = %+v", a)
	}
}
