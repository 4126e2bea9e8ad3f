package answers

import (
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
