package answers

import (
	"strings"

	"github.com/borderbot/borderbot/answers/lexicon"
)

// wordClass says what a question word is when the knowledge base never uses it.
type wordClass uint8

const (
	classUnknown  wordClass = iota // neither the base nor the English lexicon knows it
	classOrdinary                  // an everyday English word that can be a verb or a modifier: little evidence against an answer
	classNoun                      // an everyday English noun and nothing else: often the detail asked for
	className                      // a name: a place, a person, a country the article never mentions
)

func (c wordClass) String() string {
	switch c {
	case classOrdinary:
		return "ordinary"
	case classNoun:
		return "noun"
	case className:
		return "name"
	}
	return "unknown"
}

// isVerb reports whether a folded word can be a verb: "strike", "hit", "retaliated".
func isVerb(w string) bool {
	e, ok := lookup(w)
	return ok && e.POS&lexicon.Verb != 0
}

// isAdjective reports whether a folded word can be an adjective: "iranian".
func isAdjective(w string) bool {
	e, ok := lookup(w)
	return ok && e.POS&lexicon.Adj != 0
}

// isAdverb reports whether a folded word can be an adverb: "up" in "end up".
func isAdverb(w string) bool {
	e, ok := lookup(w)
	return ok && e.POS&lexicon.Adv != 0
}

// isNoun reports whether a folded word can be a noun.
func isNoun(w string) bool {
	e, ok := lookup(w)
	return ok && e.POS&lexicon.Noun != 0
}

// everydayClass says what kind of everyday English word w is, or classUnknown when the
// lexicon does not know it.
func everydayClass(w string) wordClass {
	e, ok := lookup(w)
	switch {
	case !ok:
		return classUnknown
	case e.Proper || e.Country:
		return className // "japan" is first the country, whatever else it names
	case e.POS == lexicon.Noun && !isVerb(stem(w)):
		return classNoun
	}
	return classOrdinary
}

// resolve reads a folded question word the base does not use: a typo of one of the
// base's words, an English synonym of one, an everyday English word, a name, or none of
// these. It returns the token to use in its place.
func (a *analyzer) resolve(w string, t token) token {
	entry, english := lookup(w)
	if english && (entry.Proper || entry.Country) {
		t.class = className
		return t
	}
	if !english {
		// Not an English word: a misspelling of one of the base's words or names first,
		// then of an everyday word.
		if c := a.correct(w); c != "" {
			return token{term: stem(c), stop: isStop(c), corrected: true, known: a.names[c], word: c}
		}
		if c := a.expand(w); c != "" {
			return token{term: stem(c), corrected: true, known: a.names[c], word: c}
		}
		if t.name {
			t.class = className // a capitalised word no dictionary has: a name, not a slip
			return t
		}
		fixed, ok := lexicon.Misspelling(w)
		if !ok {
			t.class = classUnknown
			return t
		}
		if isStop(fixed) {
			return token{term: stem(fixed), stop: true, word: fixed}
		}
		if a.stems[stem(fixed)] {
			return token{term: stem(fixed), corrected: true, word: fixed}
		}
		w = fixed
	}
	// An English noun the base does not use: one of its synonyms may be ("kids" for
	// "children"). Verbs are left alone: their synonyms stray too far ("found" is also
	// "establish", "learn" is also "see").
	if e, _ := lookup(w); e.POS&lexicon.Verb != 0 || e.POS&lexicon.Noun == 0 {
		t.class = classOrdinary
		return t
	} else if e.POS == lexicon.Noun && !isVerb(stem(w)) {
		t.class = classNoun // "nationality"; not "shooting", whose verb is "shoot"
	} else {
		t.class = classOrdinary
	}
	for _, s := range lexicon.Synonyms(w) {
		// "parliament" is also the card game "sevens", which is no seven.
		if !isStop(s) && a.stems[stem(s)] && !numberWords[s] && !numberWords[stem(s)] && !numberWords[strings.TrimSuffix(s, "s")] {
			return token{term: stem(s), synonym: true, known: a.names[s], word: w}
		}
	}
	return t
}
