package lexicon

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		word, lemma string
		pos         POS // parts of speech that must be present
		proper      bool
	}{
		{"kill", "kill", Noun | Verb, false},
		{"killed", "kill", Verb, false},
		{"strikes", "strike", Noun | Verb, false},
		{"countries", "country", Noun, false},
		{"stopped", "stop", Verb, false},
		{"hoped", "hope", Verb, false},
		{"hopping", "hop", Verb, false},
		{"hating", "hate", Verb, false},
		{"referred", "refer", Verb, false},
		{"travelled", "travel", Verb, false},
		{"traveled", "travel", Verb, false},
		{"tried", "try", Verb, false},
		{"boxes", "box", Noun, false},
		{"menus", "menu", Noun, false},
		{"women", "woman", Noun, false},
		{"bigger", "big", Adj, false},
		{"happiest", "happy", Adj, false},
		{"larger", "large", Adj, false},
		{"running", "running", Noun, false}, // a lemma itself
		{"glasses", "glasses", Noun, false}, // "spectacles"
		// Irregular forms from WordNet's exception lists.
		{"children", "child", Noun, false},
		{"went", "go", Verb, false},
		{"was", "be", Verb, false},
		{"mice", "mouse", Noun, false},
		// Proper nouns: every sense capitalised in WordNet.
		{"india", "india", Noun, true},
		{"afghanistan", "afghanistan", Noun, true},
		{"ankara", "ankara", Noun, true},
		{"turkey", "turkey", Noun, false}, // also the bird
		{"china", "china", Noun, false},   // also porcelain
		// Function words added beside WordNet.
		{"because", "because", 0, false},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.word)
		if !ok || e.Lemma != tt.lemma || e.POS&tt.pos != tt.pos || e.Proper != tt.proper {
			t.Errorf("Lookup(%q) = %+v, %v; want lemma %q with POS %b, proper %v", tt.word, e, ok, tt.lemma, tt.pos, tt.proper)
		}
		if !Known(tt.word) {
			t.Errorf("Known(%q) = false", tt.word)
		}
	}
}

func TestUnknown(t *testing.T) {
	for _, w := range []string{"", "zzzz", "qwertyuiop", "stoped", "occured", "targetting", "Kill", "kill ", "code_name", "naïve", "x1"} {
		if e, ok := Lookup(w); ok {
			t.Errorf("Lookup(%q) = %+v, true; want unknown", w, e)
		}
		if Known(w) {
			t.Errorf("Known(%q) = true", w)
		}
		if s := Synonyms(w); s != nil {
			t.Errorf("Synonyms(%q) = %v; want nil", w, s)
		}
	}
}

func TestSynonyms(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"kid", []string{"child", "youngster", "josh"}},
		{"children", []string{"kid", "youngster"}},
		{"hit", []string{"strike", "smash"}},
		{"strike", []string{"hit"}},
		{"killed", []string{"killing"}},
		{"india", []string{"bharat"}},
	}
	for _, tt := range tests {
		got := Synonyms(tt.word)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Synonyms(%q) = %v; missing %q", tt.word, got, w)
			}
		}
		e, _ := Lookup(tt.word)
		if slices.Contains(got, e.Lemma) {
			t.Errorf("Synonyms(%q) contains the lemma %q", tt.word, e.Lemma)
		}
		if again := Synonyms(tt.word); !slices.Equal(got, again) {
			t.Errorf("Synonyms(%q) not deterministic: %v then %v", tt.word, got, again)
		}
	}
	if s := Synonyms("afghanistan"); s != nil {
		t.Errorf("Synonyms(afghanistan) = %v; want nil", s)
	}
}

func TestMisspelling(t *testing.T) {
	tests := []struct{ word, want string }{
		{"writting", "writing"},
		{"becuase", "because"},
		{"recieve", "receive"},
		{"comming", "coming"},
		{"targetting", "targeting"},
		{"occured", "occurred"},
		{"begining", "beginning"},
		{"untill", "until"},
		{"thier", "their"},
		{"goverment", "government"},
		{"happend", "happened"},
		{"langauge", "language"},
	}
	for _, tt := range tests {
		if got, ok := Misspelling(tt.word); !ok || got != tt.want {
			t.Errorf("Misspelling(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
	for _, w := range []string{"zzzz", "teh", "kill", "killed", "because", "qwertyuiop", "Recieve", "tommorow"} {
		if got, ok := Misspelling(w); ok {
			t.Errorf("Misspelling(%q) = %q, true; want false", w, got)
		}
	}
}

// TestTables checks the generated tables' invariants: sorted, unique,
// lower-case lemmas and consistent buckets.
func TestTables(t *testing.T) {
	if wordCount < 70000 {
		t.Fatalf("wordCount = %d", wordCount)
	}
	prev := ""
	for i := 0; i < wordCount; i++ {
		w := word(i)
		if w <= prev {
			t.Fatalf("word %d %q not after %q", i, w, prev)
		}
		for j := 0; j < len(w); j++ {
			if w[j] < 'a' || w[j] > 'z' {
				t.Fatalf("word %d %q not lower-case ASCII", i, w)
			}
		}
		if find(w) != i {
			t.Fatalf("find(%q) != %d", w, i)
		}
		prev = w
	}
}

func TestNoAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Lookup("countries"); Known("stopped") }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"killed", "zzzz", "", "a", "ies", "ssss", "writting", "\xff", "ed", "aeiouy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := Lookup(s)
		if ok != Known(s) || ok && e.Lemma == "" {
			t.Fatalf("Lookup(%q) = %+v, %v", s, e, ok)
		}
		Synonyms(s)
		if m, ok := Misspelling(s); ok && (!Known(m) || Known(s)) {
			t.Fatalf("Misspelling(%q) = %q", s, m)
		}
	})
}

var sink any

func BenchmarkLookup(b *testing.B) {
	words := []string{"kill", "killed", "countries", "strikes", "stopped", "children", "the", "running", "qwerty", "zzzzzz", "unknownly", "afghanistan"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink, _ = Lookup(words[i%len(words)])
	}
}

func BenchmarkMisspelling(b *testing.B) {
	words := []string{"writting", "becuase", "recieve", "targetting", "goverment", "zzzzzzzz", "qwertyuiop", "blorfing"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink, _ = Misspelling(words[i%len(words)])
	}
}

func BenchmarkMisspellingWorst(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Misspelling("blorfingtons")
	}
}

func TestCountry(t *testing.T) {
	for w, want := range map[string]bool{"japan": true, "turkey": true, "chad": true, "india": true,
		"pakistan": true, "tell": false, "reading": false, "north": false, "village": false} {
		if e, _ := Lookup(w); e.Country != want {
			t.Errorf("%s: country %v, want %v", w, e.Country, want)
		}
	}
}
