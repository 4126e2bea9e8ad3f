package answers

import (
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/borderbot/borderbot/answers/lexicon"
	"github.com/borderbot/borderbot/knowledge"
	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// extraStopWords are words that carry no topic in a question to this bot, beyond
// snowball's English list.
var extraStopWords = map[string]bool{
	"tell": true, "say": true, "said": true, "says": true, "saying": true, "think": true,
	"thinks": true, "know": true, "please": true, "explain": true, "describe": true,
	"give": true, "us": true, "also": true, "would": true, "could": true, "get": true,
	"wouldve": true, "couldve": true, "shouldve": true, "woulda": true, "coulda": true,
	"shoulda": true, "mightve": true, "mustve": true, "theyd": true, "theyve": true,
	"itd": true, "thatd": true, "whod": true, "whatd": true, "youd": true, "itll": true,
	"thatll": true, "theyll": true, "youll": true, "whatll": true, "itve": true, "thered": true,
	"got": true, "whats": true, "wat": true, "wot": true, "hey": true, "hi": true,
	"bot": true, "happen": true, "happened": true, "happens": true, "exactly": true,
	"really": true, "like": true, "one": true, "ones": true, "much": true, "many": true,
	"anything": true, "something": true, "thing": true, "things": true, "info": true,
	"information": true, "details": true, "detail": true, "can": true, "u": true,
	"was": true, "wasnt": true, "didnt": true, "doesnt": true, "isnt": true, "does": true,
	"whose": true, "whos": true, "wheres": true, "hows": true, "whens": true, "whys": true, "yes": true, "ok": true, "okay": true, "thanks": true, "thank": true,
	"time": true, "times": true, "name": true, "names": true, "stand": true, "stands": true,
	"lol": true, "pls": true, "plz": true, "might": true, "remind": true, "supposed": true,
	"suppose": true, "sentence": true, "passage": true, "paragraph": true,
	"yo": true, "bro": true, "guys": true,
	// Contractions, as words() folds them: negations of verbs that are stop words already.
	"wont": true, "cant": true, "dont": true, "arent": true, "werent": true, "havent": true,
	"hasnt": true, "hadnt": true, "wouldnt": true, "couldnt": true, "shouldnt": true,
	"im": true, "ive": true, "youre": true, "theyre": true, "thats": true, "theres": true,
	"happening": true, "according": true,
	// Chat filler and framing verbs that say nothing of the topic.
	"actually": true, "per": true, "r": true, "nah": true, "yeah": true, "ya": true, "yep": true,
	"basically": true, "anyway": true, "involved": true, "involvement": true, "mention": true,
	"mentioned": true, "mentions": true, "brought": true, "bring": true, "deal": true,
	"stuff": true, "trying": true, "try": true, "tried": true,
	// Prepositions snowball's list lacks, and honorifics.
	"within": true, "among": true, "amongst": true, "amid": true, "upon": true, "onto": true,
	"via": true, "toward": true, "towards": true, "despite": true, "dr": true, "mr": true,
	"mrs": true, "ms": true, "sir": true,
	// Support verbs: "launch strikes", "carry out attacks" ask about the strikes.
	"launch": true, "launched": true, "launching": true, "conduct": true, "conducted": true,
	"carry": true, "carried": true, "perform": true, "performed": true, "undertake": true,
	"undertook": true, "stage": true, "staged": true, "mount": true, "mounted": true,
	"execute": true, "executed": true, "unleash": true, "unleashed": true,
}

// isStop reports whether a folded word carries no topic.
func isStop(w string) bool {
	return english.IsStopWord(w) || extraStopWords[w] || fillerWords[w] || summaryWords[w]
}

// foldAccents removes combining marks after compatibility decomposition: "Détente" →
// "Detente". A transformer keeps state, so each call builds its own.
func foldAccents(s string) string {
	for _, r := range s {
		// Only a letter or a mark beyond ASCII can fold: curly quotes, dashes and emoji
		// leave the text as it is, without building a transformer.
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)) {
			t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if folded, _, err := transform.String(t, s); err == nil {
				return folded
			}
			return s
		}
	}
	return s
}

// words splits s into folded words: lower case, accents removed, possessives dropped,
// apostrophes joined ("don't" → "dont"), everything that is not a letter or digit a break.
func words(s string) []string {
	if strings.IndexByte(s, ' ') < 0 {
		ws, _ := readWords(s, false) // a word or two: not worth remembering
		return ws
	}
	if last := lastWords.Load(); last != nil && last.text == s {
		return slices.Clone(last.words)
	}
	ws, _ := readWords(s, false)
	lastWords.Store(&splitText{text: s, words: slices.Clone(ws)})
	return ws
}

// splitText is a text and its words.
type splitText struct {
	text  string
	words []string
}

// lastWords is the last text of several words that words split: the steps that read a
// question (split, plan, read, attribute…) each ask for its words, and a pure function
// need not be worked out five times. Callers get their own copy, which they may change.
var lastWords atomic.Pointer[splitText]

// contractions are the pronouns' contractions that, written without the apostrophe,
// would be another word ("we're" is not "were", "he'll" not "hell"), by the pronoun
// and what follows the apostrophe: the two words they stand for.
var contractions = map[[2]string][2]string{
	{"we", "re"}: {"we", "are"}, {"we", "ll"}: {"we", "will"}, {"we", "d"}: {"we", "would"},
	{"he", "ll"}: {"he", "will"}, {"she", "ll"}: {"she", "will"}, {"i", "ll"}: {"i", "will"},
	{"it", "ll"}: {"it", "will"}, {"they", "ll"}: {"they", "will"}, {"there", "ll"}: {"there", "will"},
	{"that", "ll"}: {"that", "will"}, {"you", "ll"}: {"you", "will"},
}

// contraction returns the words a pronoun before an apostrophe and the text after it
// stand for, and how many bytes of that text they take, or false.
func contraction(word []byte, after string) ([2]string, int, bool) {
	if len(word) > 5 {
		return [2]string{}, 0, false
	}
	for key, full := range contractions {
		tail := key[1]
		if string(word) == key[0] && len(after) >= len(tail) && strings.EqualFold(after[:len(tail)], tail) &&
			(len(after) == len(tail) || !isASCIIWord(after[len(tail)])) {
			return full, len(tail), true
		}
	}
	return [2]string{}, 0, false
}

// wordMark says more of a word than its letters.
type wordMark uint8

const (
	markOwner   wordMark = 1 << iota // followed by a possessive: "iran" in "Iran's strike", "kids" in "the kids' names"
	markCapital                      // written with a capital after the text's first word, in text not all in capitals
)

// splitWords is words, also marking the words that own what follows them and those
// written with a capital. It reads the text once, without converting it to runes.
func splitWords(s string) (out []string, marks []wordMark) { return readWords(s, true) }

// readWords is splitWords, leaving the marks out unless withMarks is set.
func readWords(s string, withMarks bool) (out []string, marks []wordMark) {
	// An ASCII text, the common case, has no accents to fold and is lowered once, so
	// that each of its words is a piece of it.
	folded, ascii := s, true
	upper, lower := 0, 0 // letters in capitals and not
	for i := 0; i < len(s); i++ {
		c := s[i]
		ascii = ascii && c < utf8.RuneSelf
		switch {
		case 'a' <= c && c <= 'z':
			lower++
		case 'A' <= c && c <= 'Z':
			upper++
		}
	}
	switch {
	case !ascii:
		s = foldAccents(s)
		folded, upper, lower = s, 0, 0
		for _, r := range s {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
	case upper > 0:
		folded = lowerASCII(s)
	}
	// A message shouted in capitals ("WHY DID IRAN EVEN DO THIS. like whats the logic")
	// writes no names by its capitals.
	allCaps := upper > 2*lower
	out = make([]string, 0, len(s)/5+1)
	if withMarks {
		marks = make([]wordMark, 0, len(s)/5+1)
	}
	var buf [32]byte
	cur := buf[:0] // the word being read, folded; most words fit without allocating
	var mark wordMark
	begin, same := 0, true // where the word began in s; whether folded holds it as it is
	flush := func(m wordMark) {
		if len(cur) > 0 {
			if same {
				out = append(out, folded[begin:begin+len(cur)]) // no copy
			} else {
				out = append(out, string(cur))
			}
			if withMarks {
				marks = append(marks, mark|m)
			}
			cur = cur[:0]
		}
		mark, same = 0, true
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '\'' && c != '`' {
			// ASCII, the common case, without decoding: a letter or digit extends the
			// word, anything else ends it.
			if !isASCIIWord(c) {
				flush(0)
				i++
				continue
			}
			if len(cur) == 0 {
				begin = i
				if 'A' <= c && c <= 'Z' && !allCaps && len(out) > 0 {
					mark |= markCapital
				}
			}
			lower := c
			if 'A' <= c && c <= 'Z' {
				lower += 'a' - 'A'
			}
			same = same && (lower == c || ascii) && begin+len(cur) == i
			cur = append(cur, lower)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cur) == 0 {
				begin = i
				if unicode.IsUpper(r) && !allCaps && len(out) > 0 {
					mark |= markCapital
				}
			}
			lower := unicode.ToLower(r)
			same = same && lower == r && begin+len(cur) == i
			cur = utf8.AppendRune(cur, lower)
		case isApostrophe(r) && len(cur) > 0:
			// "iran's" → "iran"; "pakistanis'" → "pakistanis"; "don't" → "dont".
			if full, tail, ok := contraction(cur, s[i+n:]); ok {
				// "we're" is "we are", never "were"; "he'll" is not "hell".
				cur = cur[:0]
				mark, same = 0, true
				out = append(out, full[0], full[1])
				if withMarks {
					marks = append(marks, 0, 0)
				}
				i += n + tail
				continue
			}
			next, m := utf8.DecodeRuneInString(s[i+n:])
			after, _ := utf8.DecodeRuneInString(s[i+n+m:])
			switch {
			case (next == 's' || next == 'S') && (i+n+m >= len(s) || !unicode.IsLetter(after)):
				flush(markOwner)
				i += n + m
				continue
			case i+n < len(s) && unicode.IsLetter(next):
				// a letter follows: "don't" is one word
			default:
				var m wordMark
				if cur[len(cur)-1] == 's' {
					m = markOwner // "the kids' names"
				}
				flush(m)
			}
		default:
			flush(0)
		}
		i += n
	}
	flush(0)
	return out, marks
}

// lowerASCII returns an ASCII text in lower case.
func lowerASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isASCIIWord reports whether an ASCII byte is a letter or a digit.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ'
}

// stem reduces a folded word to its English stem; numbers and short words stay as they are.
func stem(w string) string {
	if r, _ := utf8.DecodeRuneInString(w); len(w) < 3 || unicode.IsDigit(r) {
		return w
	}
	return snowballStem(adjectiveOf(w))
}

// adjectiveOf returns the adjective an adverb is made of, "militarily" → "military",
// "diplomatically" → "diplomatic", so that both stem alike; any other word as it is.
func adjectiveOf(w string) string {
	switch {
	case len(w) > 8 && strings.HasSuffix(w, "ically"):
		return strings.TrimSuffix(w, "ally")
	case len(w) > 7 && strings.HasSuffix(w, "arily"):
		return strings.TrimSuffix(w, "ily") + "y"
	}
	return w
}

// token is one word of analysed text.
type token struct {
	term      string    // stem, or an alias group's canonical term
	stop      bool      // carries no topic
	corrected bool      // a typo correction of the word the user wrote
	synonym   bool      // an English synonym of the word the user wrote
	class     wordClass // what the word is, when the base never uses it
	part      bool      // a word of an alias phrase, kept beside its canonical term
	word      string    // the folded word as written, or the first word of an alias phrase
	owner     bool      // followed by a possessive: "Iran" in "Iran's strike"
	name      bool      // capitalised in the middle of the text: a name, most likely
	known     bool      // a name the base writes capitalised
	number    bool      // a number, in digits or in words
}

// analyzer turns text into tokens, the same way for the knowledge base and for questions.
type analyzer struct {
	aliases    map[string][]aliasTerm // first stem → alias terms starting with it, longest first
	vocab      map[string]bool        // every folded word the base uses
	capitals   map[string]bool        // folded words the base writes capitalised, at least once
	lower      map[string]bool        // folded words the base writes in lower case
	names      map[string]bool        // those it never writes in lower case: names
	stems      map[string]bool        // every stem the base uses
	byLength   map[int][]string       // vocab words by length in runes, sorted
	stemmed    map[string]string      // every base word → its stem, read-only once frozen
	tokenOf    map[string]token       // every base word → its token, built by freeze
	specific   map[string]bool        // stems of the base's names and of words no English lexicon has: the article's own
	lemmas     map[string]bool        // the lexicon lemmas of the base's words
	nameGroups map[string]bool        // the canonical terms of alias groups of names
	nameStems  map[string]bool        // the stems of names, as terms carry them
	pairs      map[string]bool        // "foreign minister": two words the base writes one after the other, space-joined
	frozen     bool
}

// sameLemma reports whether the base uses a word itself or another form of its lemma:
// "weapon" for "weapons", but not "nationals" for "nationality".
func (a *analyzer) sameLemma(w string) bool {
	if a.vocab[w] {
		return true
	}
	e, ok := lookup(w)
	return !ok || a.lemmas[e.Lemma]
}

// stem returns a word's stem, from the base's words without stemming again.
func (a *analyzer) stem(w string) string {
	if s, ok := a.stemmed[w]; ok {
		return s
	}
	if a.frozen {
		return stem(w)
	}
	s := stem(w)
	a.stemmed[w] = s
	return s
}

// aliasTerm is one term of an alias group, as stems, and the group's canonical term.
type aliasTerm struct {
	stems     []string
	canonical string
}

func newAnalyzer(aliasGroups [][]string) *analyzer {
	a := &analyzer{aliases: map[string][]aliasTerm{}, vocab: map[string]bool{}, stems: map[string]bool{},
		capitals: map[string]bool{}, lower: map[string]bool{}, names: map[string]bool{},
		stemmed: map[string]string{}, pairs: map[string]bool{}}
	a.nameGroups = map[string]bool{}
	for _, group := range aliasGroups {
		canonical := "alias:" + strings.Join(stemAll(words(group[0])), "_")
		if r, _ := utf8.DecodeRuneInString(group[0]); unicode.IsUpper(r) {
			a.nameGroups[canonical] = true // "Iran", "Jaish al-Adl": names, not concepts like "killed"
		}
		for _, term := range group {
			st := stemAll(words(term))
			if len(st) == 0 {
				continue
			}
			a.aliases[st[0]] = append(a.aliases[st[0]], aliasTerm{stems: st, canonical: canonical})
		}
	}
	for k := range a.aliases {
		terms := a.aliases[k]
		sort.SliceStable(terms, func(i, j int) bool { return len(terms[i].stems) > len(terms[j].stems) })
	}
	return a
}

// stemAll returns the terms of words as tokens carries them: stems, and stop words as
// they are.
func stemAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		if out[i] = w; !isStop(w) {
			out[i] = stem(w)
		}
	}
	return out
}

// learn adds the words of a knowledge-base text to the vocabulary used for typo
// correction and, for text written with care (cased), notes which words it writes
// capitalised and which in lower case.
func (a *analyzer) learn(s string, cased bool) {
	ws := words(s)
	for i, w := range ws {
		if !a.vocab[w] {
			a.vocab[w] = true
			a.stems[a.stem(w)] = true
		}
		if i > 0 && !isStop(w) && !isStop(ws[i-1]) {
			a.pairs[ws[i-1]+" "+w] = true
		}
	}
	if !cased {
		return
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w := strings.ToLower(foldAccents(f))
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			a.capitals[w] = true
		} else {
			a.lower[w] = true
		}
	}
}

// freeze settles which words are names and indexes the vocabulary by word length; call
// it once, after the last learn.
func (a *analyzer) freeze() {
	lowerStems := map[string]bool{}
	for w := range a.lower {
		lowerStems[a.stem(w)] = true
	}
	a.nameStems = map[string]bool{}
	for w := range a.capitals {
		// "Guard" in "Revolutionary Guard Corps" is no name: "his guards" is the same word.
		if !a.lower[w] && !lowerStems[a.stem(w)] && !months[a.stem(w)] {
			a.names[w] = true
			a.nameStems[a.stem(w)] = true
		}
	}
	a.byLength = map[int][]string{}
	a.specific = map[string]bool{}
	a.lemmas = map[string]bool{}
	for w := range a.vocab {
		e, known := lookup(w)
		if known {
			a.lemmas[e.Lemma] = true
		}
		n := len([]rune(w))
		a.byLength[n] = append(a.byLength[n], w)
		if a.names[w] || !known {
			a.specific[a.stem(w)] = true
		}
	}
	for _, ws := range a.byLength {
		sort.Strings(ws)
	}
	a.frozen = true
	a.tokenOf = make(map[string]token, len(a.vocab))
	for w := range a.vocab {
		a.tokenOf[w] = a.newToken(w)
	}
}

// correct returns the vocabulary word closest to an unknown word, or "" when none is close
// enough: the same first letter, and one edit for words of five letters or more, or two
// for a name of six or more of about the same length, an adjacent swap counting as one
// edit. The rules keep real words from being "corrected" into others ("founded" into
// "wounded", "president" into "precedent") while names survive misspelling.
func (a *analyzer) correct(w string) string {
	first, _ := utf8.DecodeRuneInString(w)
	n := utf8.RuneCountInString(w)
	maxDist := 0
	switch {
	case n >= 6:
		maxDist = 2 // toward names only, below
	case n >= 5:
		maxDist = 1
	case n >= 3:
		return a.correctShort(w)
	default:
		return ""
	}
	best, bestDist := "", maxDist+1
	for l := n - maxDist; l <= n+maxDist; l++ {
		for _, v := range a.byLength[l] {
			if r, _ := utf8.DecodeRuneInString(v); r != first {
				continue
			}
			d := levenshtein.ComputeDistance(w, v)
			if d == 2 && swapped(w, v) {
				d = 1
			}
			if d == 2 && (l < n-1 || l > n+1 || !a.capitals[v]) {
				continue
			}
			if d < bestDist {
				best, bestDist = v, d
			}
		}
	}
	return best
}

// correctShort corrects a word of three or four letters only by the slips that keep it
// recognisable: a doubled letter typed once ("tol" for "toll") or two letters swapped.
// expand returns the base word a chat abbreviation is the start of ("disinfo" for
// "disinformation"), when the base has exactly one such word, or one stem for all of
// them; else "".
func (a *analyzer) expand(w string) string {
	n := len(w)
	if n < 4 || n > 8 {
		return ""
	}
	found, stemFound := "", ""
	for l, vs := range a.byLength {
		if l <= n+1 {
			continue
		}
		for _, v := range vs {
			if !strings.HasPrefix(v, w) {
				continue
			}
			if st := a.stem(v); stemFound == "" || st == stemFound {
				if found == "" || len(v) < len(found) || len(v) == len(found) && v < found {
					found = v // the shortest of one stem's words, whatever the map's order
				}
				stemFound = st
			} else {
				return "" // "info" starts both "information" and "informal"
			}
		}
	}
	return found
}

func (a *analyzer) correctShort(w string) string {
	n := utf8.RuneCountInString(w)
	for _, v := range a.byLength[n+1] {
		if doubledOnce(w, v) {
			return v
		}
	}
	for _, v := range a.byLength[n] {
		if swapped(w, v) {
			return v
		}
	}
	return ""
}

// doubledOnce reports whether b is a with one of its letters doubled.
func doubledOnce(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(rb) != len(ra)+1 {
		return false
	}
	for i := 0; i+1 < len(rb); i++ {
		if rb[i] == rb[i+1] && string(rb[:i])+string(rb[i+1:]) == a {
			return true
		}
	}
	return false
}

// swapped reports whether a and b differ only by two adjacent letters swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
}

// analyze turns text into tokens. With fix set, words the base does not know are
// corrected to the nearest word it does know, when one is close enough.
func (a *analyzer) analyze(s string, fix bool) []token {
	toks := a.canonicalize(a.tokens(s, fix))
	if fix {
		// "his view on us policy": "us" before a noun, after a preposition, is the US.
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].word == "us" && toks[i].stop && (i == 0 || usPrepositions[toks[i-1].word]) && !toks[i+1].stop && isNoun(toks[i+1].word) {
				if us := a.canonicalize(a.tokens("the US", false)); len(us) > 0 {
					us[len(us)-1].word = toks[i].word
					toks[i] = us[len(us)-1]
				}
			}
		}
		// "the Iranian strike" is Iran's strike, as the base says it.
		for i := 0; i+1 < len(toks); i++ {
			if c := demonyms[toks[i].term]; c != "" && toks[i+1].term == "alias:strike" && a.nameGroups["alias:"+c] {
				toks[i].term = "alias:" + c
			}
		}
	}
	return toks
}

// usPrepositions before "us" and a noun make it the US: "about us strikes".
var usPrepositions = map[string]bool{"on": true, "about": true, "of": true, "from": true, "by": true,
	"against": true, "and": true, "with": true, "toward": true, "towards": true, "regarding": true}

// namedWants are the asker's fillers ("I need…") that after a name say what the named
// one needs; "want" is left a filler, as the base never says what anyone wants.
var namedWants = map[string]bool{"need": true}

// maxLookups is how many distinct unknown words of one text are looked up in the lexicon.
const maxLookups = 12

// questionNouns name a question as the asker calls it: "quick q", "random question",
// "quick check".
var questionNouns = map[string]bool{"q": true, "qq": true, "qn": true, "question": true, "questions": true, "one": true, "ques": true, "check": true, "sanity": true}

// squeezed returns a word typed with a letter held down ("heyyy", "pleaseee", "goood")
// as the word it stretches, the first of its runs cut to two letters or to one that the
// base, the chat shorthand or the lexicon knows; any other word as it is.
func (a *analyzer) squeezed(w string) string {
	if collapseRuns(w, 2) == w {
		return w // no letter three times in a row
	}
	for _, keep := range []int{2, 1} {
		c := collapseRuns(w, keep)
		if _, ok := a.tokenOf[c]; ok {
			return c
		}
		if _, ok := shorthand[c]; ok || isStop(c) || greetingWords[c] {
			return c
		}
		if _, ok := lexicon.Lookup(c); ok {
			return c
		}
	}
	return w
}

// collapseRuns cuts every run of one byte in a word to at most keep of it, returning the
// word itself, unallocated, when no run is longer.
func collapseRuns(w string, keep int) string {
	long, run := false, 0
	for i := 0; i < len(w) && !long; i++ {
		if i > 0 && w[i] == w[i-1] {
			run++
		} else {
			run = 1
		}
		long = run > keep
	}
	if !long {
		return w
	}
	var b strings.Builder
	run = 0
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			run++
		} else {
			run = 1
		}
		if run <= keep {
			b.WriteByte(w[i])
		}
	}
	return b.String()
}

// tokens turns text into tokens before alias phrases are replaced.
func (a *analyzer) tokens(s string, fix bool) []token {
	ws, marks := splitWords(s)
	toks := make([]token, 0, len(ws))
	var resolved map[string]token // the unknown words of this text, as resolved
	for i, w := range ws {
		if fix {
			w = a.squeezed(w)
			if n, ok := shorthand[w]; ok {
				w = n
			}
			w = cardinal(w)
			// "irans strike", typed without its apostrophe, is Iran's; so is "fms" before a
			// noun ("the fms name"), where before a verb it is a plural ("the two FMs agree").
			if base := strings.TrimSuffix(w, "s"); len(base) >= 2 && base != w && !a.vocab[w] && !isStop(base) &&
				(a.names[base] || len(base) == 2 && a.vocab[base] && i+1 < len(ws) && isNoun(ws[i+1])) {
				w, marks[i] = base, marks[i]|markOwner
			}
		}
		t, base := a.tokenOf[w]
		if !base {
			t = a.newToken(w)
		}
		if fix && t.stop && namedWants[w] && i > 0 && a.names[ws[i-1]] && !isStop(ws[i-1]) {
			// "what does Iran need from Pakistan?": a name's need is what is asked, not
			// the asker's ("I need the date").
			t.stop, t.term = false, a.stem(w)
		}
		if fix && w == "bot" && i > 0 && namesABot(a.squeezed(ws[i-1])) {
			// "how do i set up a discord bot": a bot of some kind is what is asked about,
			// where "hey bot" speaks to this one.
			t = token{term: a.stem(w), word: w}
		}
		if fix && (w == "meant" || w == "mean") && i > 0 && (ws[i-1] == "i" || ws[i-1] == "u" || ws[i-1] == "you") {
			// "sorry i meant injured": the asker putting their question right, not what
			// something was meant to do.
			t = token{term: "~" + w, word: w, stop: true}
		}
		if fix && (w == "relative" || w == "compared" || w == "relation") && i+1 < len(ws) && (ws[i+1] == "to" || ws[i+1] == "with") {
			// "killed relative to Iran's strike": the event it is timed or weighed by
			// follows; the word is no relation of the base's "relations".
			t = token{term: "~" + w, word: w, stop: true}
		}
		if fix && (w == "along" || w == "together") && i+1 < len(ws) && ws[i+1] == "with" {
			// "killed along with him": "with" says it, and the base's "along the border"
			// is no part of it.
			t = token{term: "~" + w, word: w, stop: true}
		}
		if fix && (w == "quick" || w == "random" || w == "dumb" || w == "silly") && i+1 < len(ws) && questionNouns[ws[i+1]] {
			// "quick q who's the author": of the asking, not of anything quick.
			t = token{term: "~" + w, word: w, stop: true} // a term no alias starts with
		}
		t.name = marks[i]&markCapital != 0
		if fix && t.name && !t.known {
			// "REPLY ONLY IN CAPS": a capital on an everyday word names nothing.
			if e, ok := lexicon.Lookup(w); ok && !e.Proper {
				t.name = false
			}
		}
		if fix && !base && !t.stop && !a.stems[t.term] && !a.vocab[w] && !isNumber(w) {
			// A word the base does not know is looked up once a message, and only the
			// first few: a message of gibberish costs no more than a question.
			if r, ok := resolved[w]; ok {
				t = r
			} else if len(resolved) < maxLookups {
				if resolved == nil {
					resolved = map[string]token{}
				}
				if c := a.pairedSlip(ws, i, w); c != "" {
					// "the iranian foreign minster": an English word, but one slip from
					// the base's word that its neighbour goes with.
					t = token{term: a.stem(c), corrected: true, known: a.names[c], word: c}
				} else {
					t = a.resolve(w, t)
					resolved[w] = t
				}
			} else {
				t.class = classUnknown
			}
		}
		t.owner = marks[i]&markOwner != 0
		toks = append(toks, t)
	}
	return toks
}

// pairedSlip returns the base word that a word of ws at i is one slip from, where the
// base writes it next to the word beside it ("foreign minster" for "foreign minister"),
// or "".
func (a *analyzer) pairedSlip(ws []string, i int, w string) string {
	c := a.correct(w)
	if c == "" || levenshtein.ComputeDistance(w, c) > 1 && !swapped(w, c) {
		return ""
	}
	if i > 0 && a.pairs[ws[i-1]+" "+c] || i+1 < len(ws) && a.pairs[c+" "+ws[i+1]] {
		return c
	}
	return ""
}

// namesABot reports whether the word before "bot" makes it a bot of some kind ("a
// discord bot"), not this one spoken to ("hey bot", "thanks bot").
func namesABot(prev string) bool {
	return prev == "a" || prev == "an" || prev == "my" || prev == "our" || !isStop(prev) && !fillerWords[prev]
}

// newToken reads one folded word as a token, before any typo correction.
func (a *analyzer) newToken(w string) token {
	t := token{term: w, stop: isStop(w), known: a.names[w], number: isNumber(w) || numberWords[w], word: w}
	if !t.stop {
		t.term = a.stem(w) // a stop word stands for itself
	}
	return t
}

// hasCapital reports whether text writes a word with a capital after its first word.
func hasCapital(s string) bool {
	_, marks := splitWords(s)
	for _, m := range marks {
		if m&markCapital != 0 {
			return true
		}
	}
	return false
}

// canonicalize replaces each alias term in the token stream, longest first, with its
// group's canonical term, so that "Army of Justice" and "Jaish al-Adl" match alike.
func (a *analyzer) canonicalize(toks []token) []token { return a.canonical(toks, false) }

// withParts analyses knowledge-base text for the index: each alias phrase of several
// words stands as its canonical term and, after it, as its own words, so that a question
// naming only "council" still finds "the Women Peace Council".
func (a *analyzer) withParts(s string) []token {
	return a.canonical(a.tokens(s, false), true)
}

// canonical replaces alias terms with their group's canonical term, keeping the words of
// a phrase of several words after it when parts is set.
func (a *analyzer) canonical(toks []token, parts bool) []token {
	first := slices.IndexFunc(toks, func(t token) bool { return a.aliases[t.term] != nil })
	if first < 0 {
		return toks // no alias term starts anywhere: nothing to replace
	}
	// Without parts the stream only shrinks, so it is rewritten in place: toks is the
	// caller's own, fresh from tokens.
	out := toks[:first]
	if parts {
		out = make([]token, first, len(toks))
		copy(out, toks)
	}
	for i := first; i < len(toks); {
		matched := false
		for _, at := range a.aliases[toks[i].term] {
			if i+len(at.stems) > len(toks) {
				continue
			}
			ok, corrected := true, false
			for j, s := range at.stems {
				if toks[i+j].term != s {
					ok = false
					break
				}
				corrected = corrected || toks[i+j].corrected
			}
			if ok {
				known := false
				for j := range at.stems {
					known = known || toks[i+j].known
				}
				last := toks[i+len(at.stems)-1]
				out = append(out, token{term: at.canonical, corrected: corrected, known: known, word: toks[i].word, owner: last.owner})
				if parts && len(at.stems) > 1 {
					for _, t := range toks[i : i+len(at.stems)] {
						t.part = true
						out = append(out, t)
					}
				}
				i += len(at.stems)
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

// numberWords are the numbers an answer may spell out.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"twenty": true, "thirty": true, "fifty": true, "hundred": true, "hundreds": true,
	"thousand": true, "thousands": true, "dozen": true, "dozens": true,
}

// months are the stems of the month names, whose numbers are dates, not counts.
var months = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"} {
		m[stem(name)] = true
	}
	return m
}()

// inDate reports whether the number at toks[i] is part of a date: a day or a year beside
// a month, or a year on its own.
func inDate(toks []token, i int) bool {
	if t := toks[i].term; len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) {
		return true
	}
	return (i > 0 && months[toks[i-1].term]) || (i+1 < len(toks) && months[toks[i+1].term])
}

// counted returns the terms an answer counts: those at most four tokens after a number
// that is not part of a date, as "children" in "two children" or "injured" in "284 injured",
// and the verb up to six tokens before it, as "killed" in "killed Javidanfar and two of
// his guards".
func counted(toks []token) map[string]bool {
	out := map[string]bool{}
	for i, t := range toks {
		if t.word == "no" && i+1 < len(toks) {
			// "No Iranian citizens died": a count of none, of the words that follow.
			for j := i + 1; j < len(toks) && j <= i+3 && !toks[j].stop; j++ {
				out[toks[j].term] = true
			}
			continue
		}
		if !t.number || inDate(toks, i) {
			continue
		}
		if i+1 < len(toks) {
			if _, span := spanUnits[toks[i+1].word]; span {
				// "two days after the attack" counts days, not attacks.
				out[toks[i+1].term] = true
				continue
			}
		}
		for j := max(0, i-6); j < len(toks) && j <= i+4; j++ {
			if toks[j].stop || toks[j].number || (j < i && !isVerb(toks[j].word)) {
				continue // before the number, only its verb: "killed … two of his guards"
			}
			out[toks[j].term] = true
		}
	}
	return out
}

// countModifiers say how things are counted, not what: "how many different experts".
var countModifiers = map[string]bool{"different": true, "separate": true, "distinct": true,
	"individual": true, "total": true, "exact": true, "actual": true, "overall": true}

// countedNoun returns the words a "how many" question counts: the content words after
// "many", "much" or "number of" up to the first preposition, leaving out names ("how many
// Jaish al-Adl fighters were killed" counts fighters and killed); nil when it names none
// ("how many were there").
func countedNoun(toks []token) []string {
	for i, t := range toks {
		if t.word != "many" && t.word != "much" && (t.word != "number" || i+1 >= len(toks) || toks[i+1].word != "of") {
			continue
		}
		// The noun phrase after "many", then a participle after an auxiliary ("were
		// killed", "got injured"); a verb straight after the noun ends it ("how many
		// factors point to…").
		if i+1 < len(toks) && toks[i+1].word == "of" {
			// "how many of the kerman injured were kids": what is counted among them
			// is what follows the verb.
			for k := i + 2; k+1 < len(toks); k++ {
				if copulas[toks[k].word] {
					if n := toks[k+1]; !n.stop && !n.known && !n.name && !n.number {
						return []string{n.term}
					}
					break
				}
			}
		}
		var out []string
		j := i + 1
		for ; j < len(toks) && !toks[j].stop && !countStops[toks[j].term] && !toks[j].number && !months[toks[j].term]; j++ {
			if w := toks[j].word; len(out) > 0 && w != "" && isAdverb(w) && !isNoun(w) && !isVerb(w) {
				break // "how many guards died alongside him": what follows is no part of what is counted
			}
			if !toks[j].known && !toks[j].name && !countModifiers[toks[j].word] && !describesNext(toks, j) {
				out = append(out, toks[j].term)
			}
			// "how many factors point to…": the verb ends the counted phrase, unless
			// the phrase counts only people ("how many people live in Iran").
			if j+1 < len(toks) && !toks[j+1].stop && len(out) > 0 && isVerb(toks[j+1].word) && !allGeneric(out) &&
				(!isNoun(toks[j+1].word) || j+2 < len(toks) && toks[j+2].stop) {
				return out // "how many factors point to…": a verb, where a preposition follows
			}
		}
		for ; j < len(toks) && toks[j].stop && !countStops[toks[j].term] && !auxiliaries[toks[j].term]; j++ {
		}
		// "were killed", "got injured": a participle after a form of "be" or "get", not a
		// noun after "the" ("how many reasons the author is giving").
		if prev := toks[j-1].word; j < len(toks) && j > i+1 && (copulas[prev] || prev == "got" || prev == "get" || prev == "been") && !toks[j].stop && !toks[j].known && !toks[j].name && isVerb(toks[j].word) {
			out = append(out, toks[j].term)
		}
		return out
	}
	return nil
}

// describesNext reports whether the counted word at i only describes the noun after it,
// an adjective that is no participle: "how many key factors" counts factors, where "how
// many injured kids" still counts the injured.
func describesNext(toks []token, i int) bool {
	w := toks[i].word
	if i+1 >= len(toks) || toks[i+1].stop || toks[i+1].number || !isAdjective(w) ||
		strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ing") {
		return false
	}
	next := toks[i+1].word
	return next != "" && isNoun(next)
}

// allGeneric reports whether every counted term is one any count of people answers.
func allGeneric(terms []string) bool {
	for _, t := range terms {
		if !genericCounts[t] {
			return false
		}
	}
	return true
}

// countStops end the counted phrase of a "how many" question.
var countStops = map[string]bool{
	"by": true, "in": true, "at": true, "from": true, "during": true, "around": true, "on": true,
	"near": true, "after": true, "before": true, "when": true, "while": true,
	"across": true, "inside": true, "into": true,
}

// cardinal turns an ordinal in digits into its number: "18th" → "18".
func cardinal(w string) string {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return w
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		if isNumber(w[:n-2]) {
			return w[:n-2]
		}
	}
	return w
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// sayWords ask what someone said or thought rather than what happened.
var sayWords = map[string]bool{
	"say": true, "said": true, "says": true, "saying": true, "react": true, "reacted": true,
	"reaction": true, "comment": true, "commented": true, "comments": true, "statement": true,
	"statements": true, "think": true, "thinks": true, "thought": true, "opinion": true,
	"view": true, "views": true, "stance": true, "position": true,
}

// asksWhatWasSaid reports whether a question asks what someone said or thought.
func asksWhatWasSaid(ws []string) bool {
	for i, w := range ws {
		if w == "position" && (i+1 == len(ws) || ws[i+1] != "on" && ws[i+1] != "about" && ws[i+1] != "regarding" && ws[i+1] != "towards") {
			continue // "what was his position?" asks his job; "his position on the strike", his view
		}
		if w == "think" && i+1 < len(ws) && (ws[i+1] == "tank" || ws[i+1] == "tanks") {
			continue // "a think tank in doha" is a place of work
		}
		if sayWords[w] {
			return true
		}
		// "his take on deterrence", "karim's thoughts on it": a view, where "to take on
		// Pakistan" is a deed.
		if (w == "take" || w == "thoughts") && i > 0 && ws[i-1] != "to" && i+1 < len(ws) && (ws[i+1] == "on" || ws[i+1] == "about") {
			return true
		}
	}
	return false
}

// requesters are who a request asks: "can someone give me…", "could anyone explain…".
var requesters = map[string]bool{"someone": true, "somebody": true, "anyone": true, "anybody": true, "sb": true, "smb": true}

// requestVerbs ask for something to be given or told.
var requestVerbs = map[string]bool{"give": true, "tell": true, "explain": true, "list": true, "summarize": true,
	"summarise": true, "share": true, "show": true, "post": true, "send": true, "break": true, "walk": true}

// causeVerbs after "what" ask why: "what made them…", "what triggered the strike?".
var causeVerbs = map[string]bool{"made": true, "makes": true, "pushed": true, "pushes": true, "drove": true,
	"drives": true, "prompted": true, "prompts": true, "led": true,
	"motivated": true, "motivates": true, "forced": true, "sparked": true,
	"provoked": true, "compelled": true}

// exactWords ask for a detail precisely, and ask nothing of their own: "what exact date".
var exactWords = map[string]bool{"exact": true, "precise": true, "specific": true, "actual": true}

// questionType guesses what kind of answer a question wants, from its first words.
func questionType(ws []string) knowledge.QuestionType {
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch w {
		case "when":
			return knowledge.TypeWhen
		case "where":
			return knowledge.TypeWhere
		case "who", "whom", "whose", "whos":
			return knowledge.TypeWho
		case "why":
			return knowledge.TypeWhy
		case "how":
			switch next {
			case "much":
				// "how much did the missiles cost" asks a price; "how much trade", a count.
				if i+2 < len(ws) && (auxiliaries[ws[i+2]] || copulas[ws[i+2]]) {
					return knowledge.TypeMeasure
				}
				return knowledge.TypeHowMany
			case "many":
				return knowledge.TypeHowMany
			case "long", "soon":
				// "How long after Iran's strike…" asks when; "how long is the border", a measure.
				if i+2 < len(ws) && (ws[i+2] == "after" || ws[i+2] == "before" || ws[i+2] == "did" || ws[i+2] == "until" || ws[i+2] == "till" || ws[i+2] == "til" || ws[i+2] == "later") || next == "soon" {
					return knowledge.TypeWhen
				}
				return knowledge.TypeMeasure
			case "far", "big", "large", "old", "often", "tall", "wide", "high", "deep":
				return knowledge.TypeMeasure // no entry declares it: the article gives no measures
			case "come", "comes":
				return knowledge.TypeWhy // "how come they did not respond?"
			}
			return knowledge.TypeHow
		case "what", "which", "whats", "wat":
			if exactWords[next] && i+2 < len(ws) {
				next = ws[i+2] // "what exact date…"
			}
			if next == "time" && (i+2 >= len(ws) || ws[i+2] != "frame") {
				return knowledge.TypeMeasure // a time of day: the article gives dates, not hours
			}
			if next == "date" || next == "dates" || next == "day" || next == "days" || next == "year" || next == "month" {
				return knowledge.TypeWhen
			}
			if w == "what" && causeVerbs[next] && (i == 0 || !copulas[ws[i-1]] && ws[i-1] != "s" && ws[i-1] != "thats") {
				// "that's what triggered it" claims a cause, and asks nothing.
				return knowledge.TypeWhy // "what pushed pakistan to retaliate?", "what led to it?"
			}
			// "what was the date of the meetings in davos?", "what's the exact date…"
			for j := i + 1; j < len(ws) && j <= i+4; j++ {
				if ws[j] == "date" || ws[j] == "dates" {
					return knowledge.TypeWhen
				}
				if !copulas[ws[j]] && ws[j] != "s" && ws[j] != "the" && !exactWords[ws[j]] {
					break
				}
			}
			// "what was the death toll of…", "what's the number of dead": a count.
			if head := ws[i+1 : min(len(ws), i+5)]; slices.Contains(head, "toll") || hasPhrase(head, []string{"number", "of"}) {
				return knowledge.TypeHowMany
			}
			return knowledge.TypeWhat
		case "number":
			if next == "of" || next == "" {
				return knowledge.TypeHowMany // "the number of dead", not "need a number for my notes"
			}
		case "toll", "count":
			return knowledge.TypeHowMany
		case "date", "dates":
			return knowledge.TypeWhen
		}
		// "can you tell me…", "can someone give me a timeline" are requests.
		if i == 0 && !(next == "you" || next == "u") && !(modals[w] && requesters[next] && i+2 < len(ws) && requestVerbs[ws[i+2]]) {
			switch w {
			case "did", "does", "do", "is", "was", "were", "are", "can", "could", "will", "has", "have", "had", "would", "should", "hadnt",
				"didnt", "doesnt", "dont", "isnt", "wasnt", "werent", "arent", "cant", "couldnt", "wont", "hasnt", "havent", "wouldnt", "shouldnt":
				return knowledge.TypeYesNo
			case "any":
				// "any kids among them?" asks whether there were; "any idea who…" asks who.
				if !slices.ContainsFunc(ws[1:], func(w string) bool { return whWords[w] }) {
					return knowledge.TypeYesNo
				}
			}
		}
	}
	return ""
}
