// Package lexicon is a general English lexicon generated from WordNet 3.1.
//
// All data lives in constants and statically laid out arrays (see
// lexicon_data.go), so importing the package costs nothing at start-up: no
// init work, no maps. Words are looked up by binary search. Callers pass
// lower-case ASCII words; anything else is simply unknown.
package lexicon

import (
	"strings"
	"unsafe"
)

//go:generate go run ./internal/gen -out lexicon_data.go

// POS is a set of parts of speech.
type POS uint8

// The parts of speech.
const (
	Noun POS = 1 << iota
	Verb
	Adj
	Adv
)

const (
	properFlag  = 1 << 4
	countryFlag = 1 << 5
)

// Entry is what the lexicon knows of one word form.
type Entry struct {
	Lemma  string // the WordNet lemma the form reduces to ("killed" -> "kill")
	POS    POS    // the parts of speech of that lemma
	Proper bool   // every sense of the lemma is a proper noun (capitalised) in WordNet
	// Country is set when a sense of the lemma names a country, whatever its other
	// senses: "japan" (also lacquerware), "turkey" (also the bird).
	Country bool
}

type irregular struct {
	form  string
	lemma uint32
}

// digits decodes n little-endian base-64 digits of s starting at i.
func digits(s string, i, n int) int {
	v := 0
	for j := n - 1; j >= 0; j-- {
		v = v<<6 | int(s[i+j]-0x20)
	}
	return v
}

const recWidth = 10

func wordOffset(i int) int { return digits(records, i*recWidth, 4) }

// word returns lemma i.
func word(i int) string {
	return words[wordOffset(i) : wordOffset(i+1)-1]
}

func flags(i int) uint8 { return uint8(digits(records, i*recWidth+4, 1)) }

// freq returns the bit length of lemma i's SemCor tag count (0 if never tagged).
func freq(i int) int { return digits(records, i*recWidth+5, 1) }

func bucketKey(w string) int {
	k := int(w[0]-'a') * 27
	if len(w) > 1 {
		k += int(w[1]-'a') + 1
	}
	return k
}

// find returns the index of lemma w, or -1.
func find(w string) int {
	if w == "" || len(w) > 64 || w[0] < 'a' || w[0] > 'z' || len(w) > 1 && (w[1] < 'a' || w[1] > 'z') {
		return -1
	}
	k := bucketKey(w)
	lo, hi := int(buckets[k]), int(buckets[k+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if word(m) < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < wordCount && word(lo) == w {
		return lo
	}
	return -1
}

// hasPrefix reports whether some lemma or irregular form starts with p.
func hasPrefix(p string) bool {
	if p == "" {
		return true
	}
	lo, hi := 0, wordCount
	if len(p) >= 2 {
		k := bucketKey(p)
		lo, hi = int(buckets[k]), int(buckets[k+1])
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if word(m) < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < wordCount && strings.HasPrefix(word(lo), p) {
		return true
	}
	for _, r := range irregulars {
		if strings.HasPrefix(r.form, p) {
			return true
		}
	}
	return false
}

// findIrregular returns the lemma index of irregular form w, or -1.
func findIrregular(w string) int {
	lo, hi := 0, len(irregulars)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if irregulars[m].form < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(irregulars) && irregulars[lo].form == w {
		return int(irregulars[lo].lemma)
	}
	return -1
}

// findPOS returns the index of lemma w if it has a part of speech in p, or -1.
func findPOS(w string, p POS) int {
	if i := find(w); i >= 0 && POS(flags(i))&p != 0 {
		return i
	}
	return -1
}

var vowel = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true}

// syllables counts vowel groups, counting a non-initial y as a vowel.
func syllables(s string) int {
	n := 0
	prev := false
	for i := 0; i < len(s); i++ {
		v := vowel[s[i]] || s[i] == 'y' && i > 0
		if v && !prev {
			n++
		}
		prev = v
	}
	return n
}

// stressPrefixes are prefixes before a one-syllable root whose final
// consonant doubles ("refer" -> "referred", "permit" -> "permitted").
var stressPrefixes = [...]string{"a", "ad", "be", "com", "con", "de", "dis", "em", "for", "im", "in", "oc", "out", "over", "per", "pre", "re", "sub", "trans", "under", "up"}

// onset reports whether s starts with a plausible syllable onset: a vowel
// is not one, nor are clusters such as "nd" ("render") or "qu" ("conquer").
func onset(s string) bool {
	if len(s) < 2 || vowel[s[0]] {
		return false
	}
	if vowel[s[1]] {
		return s[0] != 'q'
	}
	switch s[:2] {
	case "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "sc", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "sh", "ch", "wh":
		return true
	}
	return false
}

// mustDouble reports whether English spelling doubles the final consonant of
// stem before -ed, -ing, -er or -est: the stem ends in a single vowel and a
// consonant, and its last syllable is (likely) stressed: a monosyllable, or a
// common prefix before a monosyllabic root.
func mustDouble(stem string) bool {
	n := len(stem)
	if n < 2 {
		return false
	}
	c := stem[n-1]
	if vowel[c] || c == 'w' || c == 'x' || c == 'y' || !vowel[stem[n-2]] || n > 2 && vowel[stem[n-3]] {
		return false
	}
	if syllables(stem) == 1 {
		return true
	}
	for _, p := range stressPrefixes {
		if len(stem) > len(p)+1 && stem[:len(p)] == p && onset(stem[len(p):]) && syllables(stem[len(p):]) == 1 {
			return true
		}
	}
	return false
}

// mayDouble reports whether the final consonant of stem may be doubled:
// when it must be, or for a final l after a vowel (British "travelled").
func mayDouble(stem string) bool {
	n := len(stem)
	return mustDouble(stem) || n > 2 && stem[n-1] == 'l' && vowel[stem[n-2]]
}

// suffix rules, tried in order: strip suffix, append add, require a part of
// speech in pos. undouble also tries removing a doubled final consonant.
type rule struct {
	suffix, add string
	pos         POS
	undouble    bool
	inflection  bool // -ed, -ing, -er, -est: may override an adjective-only lemma
}

var rules = [...]rule{
	{"ies", "y", Noun | Verb, false, false},
	{"ses", "s", Noun, false, false},
	{"xes", "x", Noun, false, false},
	{"zes", "z", Noun, false, false},
	{"ches", "ch", Noun, false, false},
	{"shes", "sh", Noun, false, false},
	{"men", "man", Noun, false, false},
	{"es", "e", Verb, false, false},
	{"es", "", Verb, false, false},
	{"s", "", Noun | Verb, false, false},
	{"ied", "y", Verb, false, true},
	{"ed", "e", Verb, false, true},
	{"ed", "", Verb, true, true},
	{"ing", "e", Verb, false, true},
	{"ing", "", Verb, true, true},
	{"ier", "y", Adj, false, true},
	{"iest", "y", Adj, false, true},
	{"er", "", Adj, true, true},
	{"est", "", Adj, true, true},
	{"er", "e", Adj, false, true},
	{"est", "e", Adj, false, true},
}

// lemmaIndex returns the index of the lemma of form w, or -1.
func lemmaIndex(w string) int {
	if i := findIrregular(w); i >= 0 {
		return i
	}
	i := find(w)
	if i >= 0 && POS(flags(i))&(Noun|Verb|Adj|Adv) != Adj {
		return i
	}
	// w is unknown, or a lemma only as an adjective, which a participle or
	// comparative may override ("stopped" -> "stop", "bigger" -> "big").
	if j := reduce(w, i >= 0); j >= 0 {
		return j
	}
	return i
}

// reduce returns the index of the lemma w reduces to by suffix rules, or -1.
func reduce(w string, inflectionsOnly bool) int {
	if len(w) < 3 {
		return -1
	}
	var buf [80]byte
	for _, r := range rules {
		if inflectionsOnly && !r.inflection {
			continue
		}
		if len(w) <= len(r.suffix)+1 || !strings.HasSuffix(w, r.suffix) {
			continue
		}
		stem := w[:len(w)-len(r.suffix)]
		if r.suffix == "s" && stem[len(stem)-1] == 's' {
			continue // "-ss" is not a plural ending ("glass")
		}
		if r.add != "" {
			n := copy(buf[:], stem)
			n += copy(buf[n:], r.add)
			if i := findPOS(unsafe.String(&buf[0], n), r.pos); i >= 0 {
				return i
			}
			continue
		}
		if !r.undouble || !mustDouble(stem) { // "stoped" is not "stop"+"ed"
			if i := findPOS(stem, r.pos); i >= 0 {
				return i
			}
		}
		if r.undouble && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] {
			s := stem[:len(stem)-1]
			if mayDouble(s) && (!inflectionsOnly || len(s) >= 3) {
				if i := findPOS(s, r.pos); i >= 0 {
					return i
				}
			}
		}
	}
	return -1
}

// Lookup returns the entry of word, reducing regular and common irregular inflections to their lemma.
func Lookup(word string) (Entry, bool) {
	i := lemmaIndex(word)
	if i < 0 {
		return Entry{}, false
	}
	f := flags(i)
	return Entry{Lemma: wordAt(i), POS: POS(f) & (Noun | Verb | Adj | Adv), Proper: f&properFlag != 0, Country: f&countryFlag != 0}, true
}

func wordAt(i int) string { return word(i) }

// Known reports whether Lookup finds word.
func Known(word string) bool {
	return lemmaIndex(word) >= 0
}

// Synonyms returns the single-word lemmas sharing a synset with one of the first three senses, per part of speech, of word's lemma.
func Synonyms(word string) []string {
	i := lemmaIndex(word)
	if i < 0 {
		return nil
	}
	lo, hi := digits(records, i*recWidth+6, 4), digits(records, (i+1)*recWidth+6, 4)
	if lo == hi {
		return nil
	}
	out := make([]string, 0, hi-lo)
	for j := lo; j < hi; j++ {
		out = append(out, wordAt(digits(synonyms, j*3, 3)))
	}
	return out
}

// Misspelling returns a known word one edit away from an unknown word of four or more letters.
func Misspelling(word string) (string, bool) {
	n := len(word)
	if n < 4 || n > 40 {
		return "", false
	}
	for i := 0; i < n; i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return "", false
		}
	}
	if Known(word) {
		return "", false
	}
	var buf, best [48]byte
	bestLen, bestFreq := 0, 0
	// live[i]: some word starts with word[:i]. Suffix rules change at most the
	// last 5 letters, so an edit at i cannot yield a known word of length m
	// when !live[i] and i <= m-5.
	var live [41]bool
	for i := 0; i <= n; i++ {
		live[i] = hasPrefix(word[:i])
		if !live[i] {
			break
		}
	}
	dead := func(i, m int) bool { return !live[i] && i <= m-5 }
	// try records buf[:m] as the best candidate so far if it is known and
	// more frequent than the current best (and than minFreq); on a tie the
	// longer word wins ("happend" -> "happened", not "happen").
	try := func(m, minFreq int) {
		i := lemmaIndex(unsafe.String(&buf[0], m))
		if i < 0 {
			return
		}
		if f := freq(i) + 1; f > minFreq && (f > bestFreq || f == bestFreq && m > bestLen) {
			bestFreq, bestLen = f, m
			copy(best[:], buf[:m])
		}
	}
	// Tier 1: adjacent swaps, and deleting or inserting a doubled letter;
	// any known word will do.
	for i := 0; i+1 < n; i++ {
		if word[i] != word[i+1] {
			copy(buf[:], word)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			try(n, 0)
		}
	}
	for i := 1; i < n; i++ {
		if word[i] == word[i-1] && (i == 1 || word[i] != word[i-2]) {
			copy(buf[:], word[:i])
			copy(buf[i:], word[i+1:])
			try(n-1, 0)
		}
	}
	for i := 0; i < n; i++ {
		if i == 0 || word[i] != word[i-1] {
			copy(buf[:], word[:i+1])
			copy(buf[i+1:], word[i:])
			try(n+1, 0)
		}
	}
	if bestLen > 0 {
		return string(best[:bestLen]), true
	}
	// Tier 2: other deletions, substitutions and insertions; only words
	// tagged at least once in WordNet's sense-tagged corpus (so that "zzzz"
	// does not become "zizz").
	for i := 0; i < n; i++ {
		if (i == 0 || word[i] != word[i-1]) && !dead(i, n-1) {
			copy(buf[:], word[:i])
			copy(buf[i:], word[i+1:])
			try(n-1, 1)
		}
	}
	copy(buf[:], word)
	for i := 0; i < n; i++ {
		if dead(i, n) {
			break
		}
		for c := byte('a'); c <= 'z'; c++ {
			if c != word[i] {
				buf[i] = c
				try(n, 1)
			}
		}
		buf[i] = word[i]
	}
	for i := 0; i <= n; i++ {
		if dead(i, n+1) {
			break
		}
		copy(buf[:], word[:i])
		copy(buf[i+1:], word[i:])
		for c := byte('a'); c <= 'z'; c++ {
			if (i == 0 || c != word[i-1]) && (i == n || c != word[i]) {
				buf[i] = c
				try(n+1, 1)
			}
		}
	}
	if bestLen > 0 {
		return string(best[:bestLen]), true
	}
	return "", false
}
