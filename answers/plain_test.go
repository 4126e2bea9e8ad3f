package answers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPlainLen checks that plainLen counts the characters of Plain.
func TestPlainLen(t *testing.T) {
	for _, q := range []Quote{{Text: "a “b”", Speaker: "Dr Ö", Role: "analyst, X"}, {Text: "", Speaker: "S"}, {Text: "x", Speaker: "", Role: "r"}} {
		if got, want := q.plainLen(), utf8.RuneCountInString(q.Plain()); got != want {
			t.Errorf("plainLen(%+v) = %d, want %d", q, got, want)
		}
	}
}

// TestJoinFields checks joinFields against strings.Join(strings.Fields(s), " ").
func TestJoinFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a\tb", "a \u00a0b", "\u2003x y\n", "ab cd", "é ü", "a\u0085b"} {
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestIndirectPutsTheVerbInThePast(t *testing.T) {
	for q, want := range map[string]string{
		"why did tehran feel it had to strike?":            "why tehran felt it had to strike",
		"when did the envoys return?":                      "when the envoys returned",
		"did the strike kill anyone":                       "whether the strike killed anyone",
		"what did Iran's strike in Syria target":           "what Iran's strike in Syria targeted",
		"will iran strike again?":                          "whether iran will strike again",
		"iran will strike again,":                          "whether iran will strike again",
		"did the visit actually go ahead or get cancelled": "whether the visit actually went ahead or got cancelled",
		"did they go back or did it get delayed":           "whether they went back or it got delayed",
	} {
		if got := indirect(q); got != want {
			t.Errorf("indirect(%q) = %q, want %q", q, got, want)
		}
	}
}
