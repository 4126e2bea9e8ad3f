package answers

import (
	"github.com/kljensen/snowball/english"

	"github.com/borderbot/borderbot/answers/lexicon"
)

// baseWord is what the analyzer needs of one word of the knowledge base, computed at
// go generate time (vocabtable_gen.go) rather than at every start: its snowball stem and
// its lexicon entry.
type baseWord struct {
	word    string
	stem    string // english.Stem(word, false)
	known   bool   // the lexicon knows it
	lemma   string // its lexicon lemma, when known
	pos     lexicon.POS
	proper  bool
	country bool
}

// findBaseWord returns the generated facts of a word of the knowledge base.
func findBaseWord(w string) (*baseWord, bool) {
	lo, hi := 0, len(baseWords)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if baseWords[m].word < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(baseWords) && baseWords[lo].word == w {
		return &baseWords[lo], true
	}
	return nil, false
}

// snowballStem is english.Stem, from the generated table for the base's words.
func snowballStem(w string) string {
	if b, ok := findBaseWord(w); ok {
		return b.stem
	}
	return english.Stem(w, false)
}

// lookup is lexicon.Lookup, from the generated table for the base's words.
func lookup(w string) (lexicon.Entry, bool) {
	if b, ok := findBaseWord(w); ok {
		return lexicon.Entry{Lemma: b.lemma, POS: b.pos, Proper: b.proper, Country: b.country}, b.known
	}
	return lexicon.Lookup(w)
}
