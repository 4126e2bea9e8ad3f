package answers

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/borderbot/borderbot/knowledge"
)

// qterm is one distinct content term of a question, as the ranking weighs it.
type qterm struct {
	term   string
	id     int32     // the term's id; below zero for a term the base never uses
	class  wordClass // what the word is, when the base never uses it
	focus  bool      // the detail the question asks for by name
	idf    float64   // its weight in the question: its IDF, or a share of the highest one
	weight float64   // how surely it is what the user wrote: 1, or less for a correction or a synonym
}

// scored is an entry's score for one question, with the parts it is made of.
type scored struct {
	doc          int
	score        float64 // the final score, the confidence of an answer
	topic        float64 // the score without the unknown detail the question asks for
	coverage     float64 // the share of the question's weight the entry matches
	phrase       float64 // the share of its best phrasing the question covers
	order        float64 // the share of the question's word pairs it shares in order
	typed        bool    // it declares the question's type
	said         bool    // the said penalty was taken off
	missingNames int     // the names of the question it does not use
	everyday     bool    // it shares only everyday English words with the question
	otherAgent   bool    // its title makes another name the doer than the question does
}

// rankKey is what rank sorts the scores by.
type rankKey struct {
	score float64
	view  bool // an expert's view or profile: a fact comes first at the same score
	at    int32
}

// compareKeys orders scores best first; at the same score, a fact before an expert's
// view or profile, then the base's order. No two keys are equal.
func compareKeys(a, b rankKey) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if a.view != b.view {
		if a.view {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.at, b.at) // ties keep the base's order
}

// sortKeys returns the keys in compareKeys' order. They are sorted first as integers that
// pack a rounded score with the rest, which is quick, then by compareKeys, which finds
// them in order but where rounding made two scores equal.
func (s *scratch) sortKeys(keys []rankKey) []rankKey {
	const atBits = 15
	if len(keys) >= 1<<atBits {
		slices.SortFunc(keys, compareKeys)
		return keys
	}
	s.packed = zeroed(s.packed, len(keys))
	for i, k := range keys {
		u := math.Float64bits(k.score) // ordered as the scores are, once the sign is turned
		if u>>63 == 1 {
			u = ^u
		} else {
			u |= 1 << 63
		}
		u = ^u &^ (1<<(atBits+1) - 1) // best first, rounded to make room
		if k.view {
			u |= 1 << atBits
		}
		s.packed[i] = u | uint64(i)
	}
	slices.Sort(s.packed)
	s.sorted = zeroed(s.sorted, len(keys))
	for i, p := range s.packed {
		s.sorted[i] = keys[p&(1<<atBits-1)]
	}
	// Insertion sort: a pass of comparisons when rounding tied no two scores.
	for i := 1; i < len(s.sorted); i++ {
		for j := i; j > 0 && compareKeys(s.sorted[j-1], s.sorted[j]) > 0; j-- {
			s.sorted[j-1], s.sorted[j] = s.sorted[j], s.sorted[j-1]
		}
	}
	copy(keys, s.sorted)
	return keys
}

// scratch is the working memory of one ranking, reused from a pool: the per-entry and
// per-phrasing sums would otherwise be allocated for every question.
type scratch struct {
	got, gotTopic, covered []float64
	specific               []bool
	missing                []int
	paired                 []int32
	out                    []scored
	keys, sorted           []rankKey
	packed                 []uint64
}

// reset clears the scratch for a base of docs entries and phrases phrasings.
func (s *scratch) reset(docs, phrases int) {
	s.got = zeroed(s.got, docs)
	s.gotTopic = zeroed(s.gotTopic, docs)
	s.covered = zeroed(s.covered, phrases)
	s.specific = zeroed(s.specific, docs)
	s.missing = zeroed(s.missing, docs)
	s.paired = zeroed(s.paired, phrases)
}

// zeroed returns s with n zero elements, reusing its memory when it can.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// ranking is every entry that shares a term with a question, best first.
type ranking struct {
	terms  []qterm
	scores []scored
}

// topTopic returns the entry that best covers the question's topic, leaving out the
// detail it asks for: what the article does say when it does not say that.
func (r ranking) topTopic() scored {
	best := r.top()
	for _, s := range r.scores {
		if s.topic > best.topic {
			best = s
		}
	}
	return best
}

// top returns the best entry's score, or a zero score with doc -1.
func (r ranking) top() scored {
	if len(r.scores) == 0 {
		return scored{doc: -1}
	}
	return r.scores[0]
}

// agent returns the name that tokens make the doer of something: the name after "by"
// ("killed by Iran's strike"), or else the first name that owns what follows it ("Iran's
// missiles") or is followed by a verb ("the Iranian strike", "did Pakistan hit back");
// "" when there is none. "The Iranian city" names no doer.
func (e *Engine) agent(toks []token) string {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].term == "by" && e.isName(toks[i+1].term) {
			if i > 0 && perceptionVerbs[toks[i-1].word] {
				break // "how was iran seen by pakistanis": whose view, not whose deed
			}
			return strings.TrimPrefix(toks[i+1].term, "alias:")
		}
	}
	doer := func(owner bool) string {
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].stop || !e.isName(toks[i].term) {
				continue
			}
			if i > 0 && timePrepositions[toks[i-1].word] || i > 1 && (toks[i-1].word == "to" || toks[i-1].word == "with") && referenceWords[toks[i-2].word] {
				continue // "killed a day after Iran's strike", "relative to Iran's strike": a time, not the doer
			}
			if k := i - 1; !toks[i].owner && (k > 0 && articles[toks[k].word] && placePrepositions[toks[k-1].word] || k >= 0 && placePrepositions[toks[k].word]) &&
				toks[i+1].term != "alias:strike" && toks[i+1].term != "alias:retaliate" &&
				slices.ContainsFunc(toks[:i], func(t token) bool { return t.term == "alias:kill" }) {
				// "the death toll on the Pakistani side": where the dead were, not who
				// killed them; "died in the Iranian strike" keeps its doer.
				continue
			}
			if k, place := e.placeKind[toks[i].term]; place && k != "container" {
				continue // "the Rask police attack": a town is where, not who
			}
			if i > 0 && beForms[toks[i-1].word] && strings.HasSuffix(toks[i+1].word, "ed") {
				continue // "where was Javidanfar killed": the one it was done to
			}
			if i > 0 && !toks[i-1].stop && e.isName(toks[i-1].term) {
				continue // "Abdollahian's Islamabad trip": a name after a name is where or what
			}
			next := toks[i+1]
			if !owner && beForms[next.word] && i+2 < len(toks) && strings.HasSuffix(toks[i+2].word, "ing") {
				next = toks[i+2] // "iran was targeting the BLA": the doer of a deed in progress
			}
			if owner && toks[i].owner {
				// "Iran's 16 January strike": the date between owner and deed does not count.
				for k := i + 1; k < len(toks) && (toks[k].number || months[toks[k].term]); k++ {
					if k+1 < len(toks) {
						next = toks[k+1]
					}
				}
			}
			// "The Kerman attack": a name after an article is a place, not a doer, unless
			// it is a people's ("the Iranian strike").
			modifier := i > 0 && (toks[i-1].word == "the" || toks[i-1].word == "a" || toks[i-1].word == "an") && !isAdjective(toks[i].word)
			if !next.stop && !next.number && !e.isName(next.term) && (owner && toks[i].owner || !owner && !modifier && isVerb(next.word) && !(perceptionVerbs[next.word] && demonyms[toks[i].term] != "")) {
				return strings.TrimPrefix(toks[i].term, "alias:")
			}
		}
		return ""
	}
	// The subject of "did X…", "does X…": "how did Pakistan respond to Iran's strike";
	// "did Tehran and Islamabad…" has two, and so no one doer.
	for i := 0; i+2 < len(toks); i++ {
		if auxiliaries[toks[i].word] && !toks[i+1].stop && e.isName(toks[i+1].term) && !toks[i+1].owner {
			if toks[i+2].word == "and" {
				return ""
			}
			return strings.TrimPrefix(toks[i+1].term, "alias:")
		}
	}
	if a := doer(true); a != "" {
		return a
	}
	return doer(false)
}

// placePrepositions put the name after them, with or without an article, as a place:
// "on the Pakistani side", "in Iran".
var placePrepositions = map[string]bool{"on": true, "in": true, "inside": true, "within": true, "at": true, "into": true}

// articles are the words that may stand between a preposition and its noun.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// timePrepositions put the event after them as a time: "after Iran's strike".
var timePrepositions = map[string]bool{"after": true, "before": true, "since": true, "until": true, "during": true, "following": true}

// referenceWords before "to" or "with" make what follows the event another is timed or
// weighed by: "relative to Iran's strike", "compared with Pakistan's".
var referenceWords = map[string]bool{"relative": true, "compared": true, "comparison": true, "relation": true, "prior": true, "next": true}

// sameAgent reports whether two agents are the same name, a country and its people
// alike ("iran" and "iranian").
func sameAgent(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a)
}

// focusUnknown reports whether the detail the question asks for by name is a word the
// base never uses.
func (r ranking) focusUnknown() bool {
	for _, t := range r.terms {
		if t.focus && t.id < 0 {
			return true
		}
	}
	return false
}

// hasUnknownName reports whether the question names something the base never mentions.
func (r ranking) hasUnknownName() bool {
	for _, t := range r.terms {
		if t.id < 0 && t.class == className {
			return true
		}
	}
	return false
}

// ownWord reports whether a token is a word of the base as the user wrote it: not a
// synonym, and not the correction of a typo too short to be sure of ("calc" for "call").
func (e *Engine) ownWord(t token) bool {
	if _, known := e.terms[t.term]; !known || t.stop {
		return false
	}
	return !t.synonym && !(t.corrected && len(t.word) < 6 && !e.isName(t.term))
}

// relativeTimeWords place a date asked of in relation to another: "the day after 16 January".
var relativeTimeWords = map[string]bool{"before": true, "after": true, "following": true, "next": true,
	"later": true, "earlier": true, "since": true, "until": true, "till": true, "between": true,
	"previous": true, "prior": true, "ahead": true, "by": true}

// casualtyAsked returns the casualty a question counts, "alias:kill" or "alias:injur",
// when it names only one of them.
func casualtyAsked(toks []token) string {
	kind := ""
	for _, t := range toks {
		if t.term == "alias:kill" || t.term == "alias:injur" {
			if kind != "" && kind != t.term {
				return countedCasualty(toks)
			}
			kind = t.term
		}
	}
	return kind
}

// countedCasualty returns, of a question that speaks of the dead and the injured, the
// one "how many" counts: "apart from the seven dead, how many were wounded?".
func countedCasualty(toks []token) string {
	at := slices.IndexFunc(toks, func(t token) bool { return t.word == "many" || t.word == "number" })
	if at < 0 {
		return ""
	}
	for _, t := range toks[at+1:] {
		if t.term == "alias:kill" || t.term == "alias:injur" {
			return t.term
		}
	}
	return ""
}

// queryTerms weighs the question's distinct content terms. A word the base never uses gets
// an id of its own below zero and counts against every entry, by what kind of word it is.
func (e *Engine) queryTerms(toks []token, q Query) []qterm {
	qts := make([]qterm, 0, len(toks))
	focusTerm := ""
	if q.Focus != "" {
		focusTerm = stem(q.Focus)
	}
	claim := q.Intent == IntentClaim
	subject := false // a claim's subject, its first name, has been seen
	subjectTerm := e.claimSubject(toks, q)
	for i, t := range toks {
		if t.stop || slices.ContainsFunc(qts, func(q qterm) bool { return q.term == t.term }) {
			continue
		}
		if !claim && t.number && i > 0 && (toks[i-1].word == "which" || toks[i-1].word == "what") {
			continue // "which 2 countries lead the SCO": how many it asks for, not a number it asks of
		}
		// A claim's dates and numbers are mostly what is checked, not what it is about.
		checked := claim && (t.number || months[t.term] || inDate(toks, i) || inSpan(toks, i))
		qt := qterm{term: t.term, id: int32(-1 - len(qts)), weight: 1, focus: t.term == focusTerm || t.word == q.Focus && q.Focus != ""}
		// The detail asked for must be the base's own word, not a synonym of one or a word
		// that only stems like one ("nationality" is not "nationals").
		if id, known := e.terms[t.term]; known && qt.focus && (t.synonym || !e.an.sameLemma(t.word)) {
			qt.class = classNoun
			qt.idf = e.w.UnknownFocus * e.maxIDF
			qts = append(qts, qt)
			_ = id
			continue
		}
		if id, known := e.terms[t.term]; known {
			qt.id, qt.idf = id, e.idf[id]
			if claim && e.isName(t.term) {
				if t.term != subjectTerm {
					qt.idf *= e.w.ClaimPredicate
				}
				subject = true
			}
			switch {
			case t.synonym:
				qt.weight = e.w.Synonym
			case t.corrected:
				qt.weight = e.w.Corrected
			}
		} else {
			qt.class = t.class
			if qt.class == classUnknown && t.word != "" {
				// A word the analyzer knows from the base, in no entry the index holds.
				qt.class = everydayClass(t.word)
				if qt.class == classOrdinary && strings.HasPrefix(t.term, "alias:") {
					// A group of the base's aliases is a thing ("prime minister"), not
					// an everyday word, though its first word ("prime") is one.
					qt.class = classNoun
				}
			}
			if t.name && qt.class != className {
				qt.class = className
			}
			// "swedish or swiss?": one side of a choice the base never names, where it
			// names the other, is the wrong one to pick, not a sign the question is off
			// the article.
			known := func(j int) bool {
				if j < 0 || j >= len(toks) {
					return false
				}
				_, ok := e.terms[toks[j].term]
				return ok && !toks[j].stop
			}
			choice := i > 1 && toks[i-1].word == "or" && known(i-2) || i+2 < len(toks) && toks[i+1].word == "or" && known(i+2)
			switch {
			case qt.focus:
				qt.idf = e.w.UnknownFocus * e.maxIDF
			case choice:
				qt.idf = e.w.UnknownOrdinary * e.maxIDF
			case claim && (qt.class == className || qt.class == classUnknown || subject && qt.class == classNoun && saysWhatItIs(toks[:i])):
				// A claim's unknown names, and the nouns it says its subject is, are most
				// often what is wrong with it ("killed in Lebanon", "is a Shia militia"):
				// the facts of its subject settle it.
				qt.idf = e.w.UnknownOrdinary * e.maxIDF
			case qt.class == className:
				qt.idf = e.w.UnknownName * e.maxIDF
			case qt.class == classOrdinary:
				qt.idf = e.w.UnknownOrdinary * e.maxIDF
			case qt.class == classNoun:
				qt.idf = e.w.UnknownNoun * e.maxIDF
			default:
				qt.idf = e.w.UnknownWord * e.maxIDF
			}
		}
		if checked {
			qt.idf *= e.w.ClaimPredicate
		}
		if genericCounts[qt.term] {
			qt.idf *= e.w.ClaimPredicate // "people" in "how many people died" says little
		}
		qts = append(qts, qt)
	}
	if len(qts) == 0 {
		return nil // no content terms: none, not an empty list
	}
	return qts
}

// claimSubject returns the term of a claim's subject: its first name, or its last when
// the query says so; "" for a question that is no claim.
func (e *Engine) claimSubject(toks []token, q Query) string {
	if q.Intent != IntentClaim {
		return ""
	}
	subject := ""
	for _, t := range toks {
		if !t.stop && e.isName(t.term) && (subject == "" || q.subjectLast) {
			subject = t.term
		}
	}
	return subject
}

// saysWhatItIs reports whether tokens hold a form of "be": "Jaish al-Adl is a…".
func saysWhatItIs(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return beForms[t.word] })
}

// rank scores every entry for the question's tokens, best first, dropping those that
// share no term. It retrieves; whether an entry gives what is asked is check's to say.
func (e *Engine) rank(toks []token, q Query) ranking {
	qts := e.queryTerms(toks, q)
	// The topic leaves out the everyday words and the detail the base never uses: an
	// entry that covers the topic but not them is a near miss, not an answer.
	var total, offTopic float64
	var names []int32 // the names the question asks about, which an answer must use
	unknownWords := 0
	subjectTerm := e.claimSubject(toks, q)
	for _, qt := range qts {
		if qt.id < 0 {
			unknownWords++
		}
		total += qt.idf
		if qt.focus || qt.id < 0 && (qt.class == classOrdinary || qt.class == classNoun) {
			offTopic += qt.idf
		}
		// A claim is about its subject; its other names are what it says of the subject,
		// checked against the facts, not searched for.
		if qt.id >= 0 && e.isName(qt.term) && e.idf[qt.id] > e.maxIDF/3 && !(q.Intent == IntentClaim && qt.term != subjectTerm) {
			names = append(names, qt.id)
		}
	}
	if total == 0 || q.Intent != IntentOpinion && !slices.ContainsFunc(toks, e.ownWord) {
		// Nothing, or only synonyms of the base's words and guesses at short typos
		// ("can u help w my calc" for "describe" and "call"): no word of the article's
		// own to answer. A view asked of "this whole exchange" needs none.
		return ranking{terms: qts}
	}
	// The content terms' ids in order, repeats dropped, for word pairs.
	var qpairs []uint64
	prev := int32(0)
	first := true
	for _, t := range toks {
		if t.stop {
			continue
		}
		k := slices.IndexFunc(qts, func(q qterm) bool { return q.term == t.term })
		if k < 0 {
			continue // a claim's date or number
		}
		id := qts[k].id
		if !first && id != prev && !slices.Contains(qpairs, pair(prev, id)) {
			qpairs = append(qpairs, pair(prev, id))
		}
		prev, first = id, false
	}
	sc := e.scratch.Get().(*scratch)
	defer e.scratch.Put(sc)
	sc.reset(len(e.docs), len(e.phraseIDF))
	got, gotTopic, specific := sc.got, sc.gotTopic, sc.specific // gotTopic leaves out the detail asked
	for _, qt := range qts {
		if qt.id < 0 {
			continue
		}
		own := e.isSpecific(qt.term)
		for _, p := range e.postings[qt.id] {
			v := qt.idf * qt.weight * p.weight
			got[p.doc] += v
			if !qt.focus {
				gotTopic[p.doc] += v
			}
			specific[p.doc] = specific[p.doc] || own
		}
	}
	missing := sc.missing
	for _, id := range names {
		for i := range missing {
			missing[i]++
		}
		for _, p := range e.postings[id] {
			missing[p.doc]--
		}
	}

	// How much of each phrasing the question covers, and how many of its word pairs.
	covered, paired := sc.covered, sc.paired
	for _, qt := range qts {
		if qt.id >= 0 {
			for _, k := range e.phraseTerms[qt.id] {
				covered[k] += e.idf[qt.id]
			}
		}
	}
	for _, qp := range qpairs {
		for _, k := range e.phrasePairs[qp] {
			paired[k]++
		}
	}
	said := q.Intent == IntentSaid
	agent := e.agent(toks)
	speaker := ""
	if _, person := e.personTerms["alias:"+agent]; person && said {
		// "what did Karim say about Iran's image": Karim does the saying, not the deed
		// the entry tells of; the entries of his words are the ones that answer.
		agent, speaker = "", "alias:"+agent
	}
	if said && speaker == "" {
		// "vaez says iran needs pakistan for what": the person before a word of saying
		// is the speaker, whoever does the deed they speak of.
		for i := 0; i+1 < len(toks); i++ {
			if _, person := e.personTerms[toks[i].term]; person && !toks[i].stop && sayWords[toks[i+1].word] {
				speaker = toks[i].term
				break
			}
			// "what did the crisis group guy say": the one expert it has.
			if staff, ok := e.staffOf[toks[i].term]; ok && !toks[i].stop && (sayWords[toks[i+1].word] || i+2 < len(toks) && sayWords[toks[i+2].word]) {
				speaker = staff
				break
			}
		}
	}
	if speaker == "" && q.byPerson && !slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:author" }) {
		// "vaez called the strike a smart move, didn't he": his words settle it ("parsi
		// wrote this article" is a claim of authorship, which the source settles).
		if i := slices.IndexFunc(toks, func(t token) bool { _, person := e.personTerms[t.term]; return person && !t.stop }); i >= 0 {
			speaker = toks[i].term
			if sameAgent(agent, strings.TrimPrefix(speaker, "alias:")) {
				agent = ""
			}
		}
	}
	if speaker == "" {
		// "according to karim, what did the attack do to…": Karim's words answer.
		for i := 1; i < len(toks); i++ {
			_, person := e.personTerms[toks[i].term]
			if person && (toks[i-1].word == "per" || i >= 2 && toks[i-2].word == "according" && toks[i-1].word == "to" ||
				i >= 3 && toks[i-3].word == "according" && toks[i-2].word == "to" && toks[i-1].word == "the") { // "according to the crisis group guy"
				speaker = toks[i].term
				if sameAgent(agent, strings.TrimPrefix(speaker, "alias:")) {
					agent = ""
				}
				break
			}
		}
	}
	strangeDoer := q.Intent == IntentClaim && agent != "" && !e.isAgent(agent) &&
		slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:kill" || t.term == "alias:strike" })
	ownSpeaker := "" // the person the speaker asked about is, as entries' titles name them
	if p := e.personTerms[speaker]; p != "" {
		ownSpeaker = e.personOf[p]
	}
	w := e.w
	out := sc.out[:0]
	floor := scored{doc: -1}
	// An entry that covers too little of the question to reach even a suggestion, on
	// the whole question or on its topic, is not scored further: the fit is at most
	// 1 + Order + TypeBonus times its coverage.
	reach := e.opts.MinConfidence / 2 / (1 + w.Order + w.TypeBonus)
	givers := e.givers[q.Type] // nil for no type, or one no entry gives
	for i := range e.docs {
		if got[i] == 0 || got[i]/total < reach && (offTopic == 0 || gotTopic[i]/(total-offTopic) < reach) {
			continue
		}
		d := &e.docs[i] // not a copy: a doc is large
		s := scored{doc: i, coverage: got[i] / total}
		var mostPaired int32
		for _, k := range d.phrases {
			mostPaired = max(mostPaired, paired[k])
			if idf := e.phraseIDF[k]; idf > 0 && covered[k] != 0 { // 0/idf would not raise the max
				s.phrase = max(s.phrase, covered[k]/idf)
			}
		}
		if len(qpairs) > 0 {
			s.order = float64(mostPaired) / float64(len(qpairs))
		}
		// Coverage of the question bounds the score: an entry that shares the common
		// words of a question but not its rarest one cannot score high however well
		// its phrasing fits.
		fit := 1 - w.Phrase + w.Phrase*s.phrase + w.Order*s.order
		if q.Type != "" && givers != nil && givers[i] {
			s.typed = true
			fit += w.TypeBonus
		}
		for k := 0; k < missing[i]; k++ {
			fit *= w.MissingName
		}
		// "The Iranian strike" is not Pakistan's strike.
		if agent != "" && d.agent != "" && !sameAgent(agent, d.agent) && !(strangeDoer && !d.facts.terms["alias:"+agent]) {
			// A claim's doer of a killing or a strike, that no entry makes one and this one
			// never names, is no sign of another deed: "Mousavi was killed by the US" is
			// settled by the entry of Israel's killing of him.
			fit *= w.OtherAgent
			s.otherAgent = true
		}
		if speaker != "" && !d.speakers[speaker] {
			fit *= w.OtherAgent
			s.otherAgent = true
		} else if speaker != "" && ownSpeaker != "" && e.personOf[d.entry.ID] == ownSpeaker {
			// "what did Vaez say Iran needs from Pakistan": his own entry before one that
			// also quotes him.
			fit *= 1 + w.OwnSpeaker
		}
		// Everyday words alone ("a good movie") do not make a question about the article:
		// it must share a name or a word of the article's own.
		if !specific[i] && unknownWords > 1 {
			fit *= w.OnlyEveryday
			s.everyday = true
		}
		s.missingNames = missing[i]
		s.score = s.coverage * fit
		s.topic = s.score
		if offTopic > 0 && total > offTopic {
			s.topic = gotTopic[i] / (total - offTopic) * fit
		}
		if said && !d.reports {
			s.said = true
			s.score -= w.SaidPenalty
		}
		if q.Near[d.entry.ID] {
			s.score *= 1 + w.Near
		}
		// What someone said about a subject is in what they said of it, not in who they are.
		if said && d.entry.Kind == knowledge.KindPerson && s.coverage < 1 {
			s.score *= w.SaidPerson
		}
		// Too low to answer, suggest or be a near miss: left out of the ranking.
		if s.score < e.opts.MinConfidence/2 && s.topic < e.opts.MinConfidence {
			if s.score > floor.score {
				floor = s
			}
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 && floor.doc >= 0 {
		out = append(out, floor) // the best of the rest, for the confidence of "I don't know"
	}
	// Sort small keys, then lay the scores out in their order once.
	keys := zeroed(sc.keys, len(out))
	defer func() { sc.out, sc.keys = out, keys }()
	for i, s := range out {
		k := e.docs[s.doc].entry.Kind
		keys[i] = rankKey{s.score, (k == knowledge.KindOpinion || k == knowledge.KindPerson) && q.Intent == IntentFact, int32(i)}
	}
	keys = sc.sortKeys(keys)
	sorted := make([]scored, len(out))
	for i, k := range keys {
		sorted[i] = out[k.at]
	}
	return ranking{terms: qts, scores: sorted}
}

// perceptionVerbs tell how a people sees a thing, not a deed of their state's: "how
// ordinary Pakistanis see Iran" makes Pakistan no doer, where "how Iran sees Sunni
// groups" says whose view it is.
var perceptionVerbs = map[string]bool{"see": true, "sees": true, "saw": true, "view": true, "views": true,
	"viewed": true, "think": true, "thinks": true, "thought": true, "feel": true, "feels": true,
	"felt": true, "regard": true, "regards": true, "perceive": true, "perceives": true,
	"consider": true, "considers": true, "believe": true, "believes": true,
	"seen": true, "regarded": true, "perceived": true, "considered": true, "liked": true, "disliked": true, "hated": true}

// placeNouns are the kinds of place a "which X" question asks the name of.
var placeNouns = map[string]bool{
	"city": true, "cities": true, "town": true, "towns": true, "village": true, "villages": true,
	"province": true, "provinces": true, "country": true, "countries": true, "base": true,
	"bases": true, "airbase": true, "neighborhood": true, "neighbourhood": true, "district": true,
	"districts": true, "capital": true,
}

// attributions ask who put something in words: "who called the strike an unforced error".
var attributions = map[string]bool{"called": true, "call": true, "calls": true, "described": true,
	"describes": true, "labelled": true, "labeled": true, "termed": true, "dubbed": true,
	"argued": true, "argues": true, "warned": true, "warns": true, "claimed": true, "believes": true,
	"reckons": true, "asserted": true, "noted": true, "pointed": true, "suggested": true, "explained": true,
	"praised": true, "praises": true, "criticised": true, "criticized": true, "condemned": true,
	"slammed": true, "blamed": true, "welcomed": true, "lauded": true, "hailed": true,
	"stressed": true, "emphasised": true, "emphasized": true, "insisted": true, "observed": true,
	"remarked": true, "commented": true, "mentioned": true, "highlighted": true, "cautioned": true,
	"predicted": true, "doubted": true, "questioned": true, "judged": true, "thinks": true, "thought": true}

// whoVerb returns the verb of office straight after "who" ("who leads the BLA", "who
// commands the IRGC"): the answer must tell of that office.
func (e *Engine) whoVerb(toks []token) (token, bool) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].word == "who" && officeVerbs[toks[i+1].word] {
			return toks[i+1], true
		}
		// "who's their leader?", "who is the group's commander": the noun of the office.
		if toks[i].word == "who" || toks[i].word == "whos" {
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				if officeNouns[toks[k].word] {
					return toks[k], true
				}
				if !toks[k].stop {
					break
				}
			}
		}
	}
	return token{}, false
}

// officeNouns name an office: "who's their leader".
var officeNouns = map[string]bool{"leader": true, "leaders": true, "head": true, "chief": true,
	"commander": true, "commanders": true, "founder": true, "founders": true, "boss": true}

// officeVerb returns the verb of an office noun, which an answer may use instead: the
// leaders of the SCO are those who "lead" it.
func officeVerb(noun string) string {
	for _, suffix := range []string{"ers", "er"} {
		if v, ok := strings.CutSuffix(noun, suffix); ok {
			return v
		}
	}
	return noun
}

// leadingVerbs ask who is at the head of a body, which an entry that tells who leads,
// heads or runs it answers in any of those words: "who runs the SCO?".
var leadingVerbs = map[string]bool{"leads": true, "lead": true, "runs": true, "run": true, "heads": true, "head": true}

// foundingVerbs ask who made a body, which a member's profile does not tell: "who
// founded it?".
var foundingVerbs = map[string]bool{"founded": true, "found": true, "started": true, "created": true, "established": true, "set": true, "funds": true, "funded": true}

// officeVerbs say who holds an office: "who leads", "who runs", "who commands".
var officeVerbs = map[string]bool{"leads": true, "lead": true, "runs": true, "run": true, "heads": true,
	"head": true, "commands": true, "command": true, "chairs": true, "directs": true, "manages": true,
	// Whose say a deed was done by: "who commanded the strike?", "who ordered it?".
	"led": true, "headed": true, "commanded": true, "directed": true, "ordered": true, "authorised": true,
	"authorized": true, "approved": true, "planned": true, "masterminded": true, "oversaw": true}

// asksOrigin reports whether a question asks where someone is from: their nationality,
// citizenship or ethnicity, or "originally from".
func asksOrigin(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "nationality", "nationalities", "citizenship", "ethnicity", "hometown", "birthplace":
			return true
		case "originally", "born":
			return i+1 < len(ws) && (ws[i+1] == "from" || ws[i+1] == "in")
		}
	}
	return false
}

// givesYear reports whether facts give a year of their own ("since late 2023", "ended
// in 1988"), not one of a full date: a when, if not a day.
func givesYear(f fact) bool {
	for n := range f.numbers {
		if n >= 1900 && n <= 2100 {
			return true
		}
	}
	return false
}

// reactor returns the name a question asks the response of ("how did Israel respond",
// "Israel's reaction"), or "".
func reactor(toks []token) string {
	for i := 1; i < len(toks); i++ {
		// "Pakistan's response capabilities" names no response: the noun modifies another.
		modifies := (toks[i].word == "response" || toks[i].word == "reaction") && i+1 < len(toks) && !toks[i+1].stop
		if toks[i].term != "alias:respond" || modifies {
			continue
		}
		by := i - 1
		if by > 0 && institutionWords[toks[by].word] {
			by-- // "did the us government respond": the US, by its government
		}
		if !toks[by].stop && strings.HasPrefix(toks[by].term, "alias:") && toks[by].known {
			return toks[by].term
		}
	}
	return ""
}

// institutionWords speak for a state: "the US government", "Israeli officials".
var institutionWords = map[string]bool{"government": true, "govt": true, "officials": true, "authorities": true, "leaders": true, "leadership": true}

// quotes reports whether an entry quotes the one a term names: its words, not the
// names of its title ("Alleged links between Jaish al-Adl and Israel" quotes no Israeli).
func (e *Engine) quotes(d doc, term string) bool {
	for _, id := range d.entry.Quotes {
		q, _ := e.base.Quote(id)
		p, _ := e.base.Person(q.Speaker)
		for _, t := range e.an.withParts(p.Name + ". " + p.Role + ". " + p.Affiliation) {
			if t.term == term {
				return true
			}
		}
	}
	return false
}

// tellsOfADeed reports whether an entry tells of something done: an event, a strike, a
// response.
func tellsOfADeed(d doc) bool {
	return d.entry.Kind == knowledge.KindEvent || d.facts.terms["alias:respond"] || d.facts.terms["alias:retali"] || d.facts.terms["alias:strike"]
}

// settlementKind returns the kind of place a noun names, in the singular ("city" for
// "cities"), for the kinds of place the article names by name; "" for another word.
func settlementKind(w string) string {
	switch w {
	case "city", "cities", "town", "towns", "village", "villages":
		return "town" // a city, a town and a village are all places people live
	case "province", "provinces", "region", "regions":
		return "province"
	}
	return ""
}

// namesPlaceOf reports whether an entry names a place of the kind a question asks for
// ("which city…"), other than those the question names, and in the country it puts the
// place in ("which Pakistani town…", "a town in Pakistan"). A place the article never
// calls anything may be of any kind, but not a country or province others are in.
func (e *Engine) namesPlaceOf(d doc, kind string, toks []token) bool {
	within := ""
	for i, t := range toks {
		if settlementKind(t.word) == "" {
			continue
		}
		if i > 0 && demonyms[toks[i-1].term] != "" {
			within = "alias:" + demonyms[toks[i-1].term] // "which Pakistani town"
		}
		for j := i + 1; j+1 < len(toks) && j <= i+2; j++ {
			if toks[j].word == "in" && e.isName(toks[j+1].term) {
				within = toks[j+1].term // "which town in Pakistan"
			}
		}
		break
	}
	for term := range d.facts.terms {
		k, place := e.placeKind[term]
		if !place || k != "" && k != kind || slices.ContainsFunc(toks, func(t token) bool { return t.term == term }) {
			continue
		}
		if in, ok := e.placeIn[term]; ok && within != "" && !slices.Contains(strings.Fields(in), within) {
			continue // not in the country asked
		}
		return true
	}
	// "just outside the Syrian capital" says which city: a country's capital is one.
	return kind == "town" && d.facts.terms[stem("capital")] && !slices.ContainsFunc(toks, func(t token) bool { return t.word == "capital" })
}

// durationTerms say how long something has gone on: "for decades", "for many years".
var durationTerms = []string{stem("decades"), stem("years"), stem("centuries"), stem("generations")}

// asksHowLongSo reports whether a question asks only how long what was said has been so:
// "for how long?", "how long has that been the case?"; not "how long is the border?",
// a length, nor "how long has he led it?", which asks of another thing.
func asksHowLongSo(ws []string) bool {
	i := slices.Index(ws, "how")
	if i < 0 || i+1 >= len(ws) || ws[i+1] != "long" {
		return false
	}
	rest := ws[i+2:]
	return !slices.ContainsFunc(rest, func(w string) bool { return !sinceWords[w] }) && (len(rest) == 0 || slices.Contains(rest, "been"))
}

// asksHowLongItLasted reports whether a question asks how long a thing went on: "how long
// did the war last?", "how long did the fighting go on for?"; not "how long did it take
// Pakistan to respond?", which a span between two events answers.
func asksHowLongItLasted(ws []string) bool {
	i := slices.Index(ws, "how")
	if i < 0 || i+1 >= len(ws) || ws[i+1] != "long" {
		return false
	}
	rest := ws[i+2:]
	return slices.ContainsFunc(rest, func(w string) bool { return lastingVerbs[w] }) ||
		hasPhrase(rest, []string{"go", "on"}) || hasPhrase(rest, []string{"went", "on"})
}

// lastingVerbs say that a thing went on for a while.
var lastingVerbs = map[string]bool{"last": true, "lasted": true, "lasts": true, "continue": true,
	"continued": true, "endure": true, "endured": true}

// sinceWords may follow "how long" in a question of how long something has been so.
var sinceWords = map[string]bool{"has": true, "have": true, "had": true, "it": true, "that": true,
	"this": true, "they": true, "been": true, "the": true, "case": true, "like": true, "so": true,
	"going": true, "on": true}

// genericCounts are counted words that any count of people answers.
var genericCounts = map[string]bool{
	stem("people"): true, stem("person"): true, stem("persons"): true, stem("individuals"): true,
	stem("humans"): true, stem("folks"): true, stem("civilians"): false, stem("others"): true,
	"non": true, // "how many non-Iranians died": people, whom the rest of the words tell
	// "how many countries did it hit in total": the count, not a word of it.
	stem("total"): true, stem("altogether"): true,
}

// clockTerms are what an answer giving a time of day would say.
var clockTerms = []string{stem("hour"), stem("morning"), stem("night"), stem("evening"), stem("dawn"), stem("afternoon"), stem("midnight")}

// asksClockTime reports whether words ask for the time of day: "what time did they hit",
// "the exact time", "time of day", "which hour", "morning or night?"; not "at the time",
// "the first time" or "how many times".
func asksClockTime(ws []string) bool {
	for i, w := range ws {
		prev := ""
		if i > 0 {
			prev = ws[i-1]
		}
		switch w {
		case "time":
			if prev == "what" || prev == "exact" || prev == "which" || i+2 < len(ws) && ws[i+1] == "of" && ws[i+2] == "day" {
				return true
			}
		case "hour":
			if prev == "what" || prev == "exact" || prev == "which" {
				return true
			}
		case "oclock":
			return true
		case "am", "pm":
			if isNumber(prev) {
				return true // "at 3 am"; "i am" asks nothing of the hour
			}
		case "morning", "night":
			if i > 1 && ws[i-1] == "or" || i+2 < len(ws) && ws[i+1] == "or" {
				return true
			}
		}
	}
	return false
}

// check reports whether an entry gives the detail a question asks for, and if not, what
// is missing: a when, where, who, why or how-many question needs an entry that declares
// that detail, "how many X" one that puts a number to X, and a measure nothing gives.
func (e *Engine) check(d doc, q Query, toks []token) (ok bool, missing string) {
	if q.asksIdentity && q.identity != d.entry.ID {
		return false, "who they are" // "who was Soleimani?", "his job?": his profile, if the base has one
	}
	if q.asksClock && !slices.ContainsFunc(clockTerms, func(t string) bool { return d.facts.terms[t] }) {
		return false, "the time of day" // "what time did the missiles land?": a date is not an hour
	}
	switch q.Type {
	case knowledge.TypeMeasure:
		// "for how long?": a span the facts give in years or decades ("for decades"),
		// the one measure the article has.
		if asksHowLongSo(q.Words) && slices.ContainsFunc(durationTerms, func(t string) bool { return d.facts.terms[t] }) {
			return true, ""
		}
		return false, "measure"
	case knowledge.TypeHowMany:
		if _, ok := yearsApart(q.Words, toks, d.facts); ok {
			return true, "" // "how many years between the iran-iraq war and these strikes": two years it gives
		}
		// "how many were wounded in Saravan?": an entry that counts only the dead does not
		// count the injured.
		kind := casualtyAsked(toks)
		if kind != "" && len(d.facts.tolls) == 0 && !d.facts.terms[kind] {
			// Nor does one whose facts never tell of such casualties ("the two countries'
			// ties", "seven people … were killed" asked how many were wounded).
			return false, "count of " + strings.TrimPrefix(kind, "alias:")
		}
		if kind != "" && len(d.facts.tolls) > 0 && !slices.Contains(slices.Collect(maps.Values(d.facts.tolls)), kind) {
			return false, "count of " + strings.TrimPrefix(kind, "alias:")
		}
		if counted := countedNoun(toks); len(counted) > 0 {
			// Every specific word of "how many X were Y" must be what the entry counts;
			// "people" is any count of people, where the entry gives a count.
			for _, t := range counted {
				if !d.counts[t] && !genericCounts[t] {
					return false, "count of " + t
				}
			}
			if !d.gives[knowledge.TypeHowMany] {
				return false, "count"
			}
			return true, ""
		}
		if !d.gives[knowledge.TypeHowMany] {
			return false, "count"
		}
	case knowledge.TypeWho:
		if !e.namesAnotherThan(d, toks) {
			return false, "who besides the one asked about"
		}
		// An entry that quotes someone says who said it, and nothing more.
		// So does one that tells what several people thought: "who else thought it was a
		// mistake?" is answered by the experts' views.
		attributed := asksWhatWasSaid(q.Words) || slices.ContainsFunc(q.Words, func(w string) bool { return attributions[w] })
		if !d.gives[q.Type] && !((len(d.quotes) > 0 || len(e.peopleIn(d.entry.Answer)) >= 2) && attributed) &&
			!(asksTarget(q.Words) && len(d.names) > 0) && !e.givesAChoice(d, q.Words) {
			return false, string(q.Type)
		}
	case knowledge.TypeHow:
		if asksManner(q.Words) && !d.gives[q.Type] {
			return false, "how" // "how was javidanfar killed?": the entry tells that, not how
		}
	case knowledge.TypeWhen, knowledge.TypeWhere, knowledge.TypeWhy:
		if !d.gives[q.Type] {
			return false, string(q.Type)
		}
		if q.Type == knowledge.TypeWhen {
			// "when were the ambassadors recalled?": the facts date their return, not
			// the recall they tell of.
			// The deed the facts tell nearest the question's "when" or "date" is what
			// it asks the date of: "they were called back home? and they return when?"
			// asks of the return.
			// A question's verb follows its "when": the first after it, else the last
			// before ("they return when?").
			at := slices.IndexFunc(toks, func(t token) bool { return t.word == "when" || t.word == "date" || t.word == "day" })
			deed := -1
			for i := range toks {
				if i != at && verbal(toks, i) && (deed < 0 || deed < at || i < deed && i > at) {
					deed = i
				}
			}
			if deed >= 0 && d.facts.undated[toks[deed].term] {
				return false, "the date of what it says was " + toks[deed].word
			}
		}
		if q.Type == knowledge.TypeWhen && (q.Focus == "date" || q.Focus == "dates" || q.Focus == "day") && !slices.ContainsFunc(d.facts.dates, func(x date) bool { return x.day > 0 }) {
			return false, "a date" // "what dates were the drills?": a date, not "at the time"
		}
		if q.Type == knowledge.TypeWhen && asksHowLongItLasted(q.Words) && len(d.facts.spans) == 0 && len(d.facts.dates) < 2 {
			// "how long did that war last?": a year it ended in is no length of time.
			return false, "how long it lasted"
		}
		if q.Type == knowledge.TypeWhen && len(d.facts.dates) == 0 && len(d.facts.spans) == 0 && !givesYear(d.facts) {
			// "when were the naval exercises held?": an answer that gives no date and no
			// span of time says at most that something was happening then.
			return false, "when"
		}
	}
	if q.Intent == IntentSaid && !d.reports {
		return false, "said"
	}
	if q.Intent == IntentSaid && q.Speaker != "" && !d.speakers[q.Speaker] {
		return false, "what " + q.Speaker + " said"
	}
	if (q.Naming == "alias:kill" || q.Naming == "alias:injur") && len(d.victims) == 0 {
		// "names of the 7 killed?": an entry that names none of its dead does not give
		// their names, though a name stands beside "killed" ("around Saravan killed").
		return false, "the names of the dead"
	}
	// "what's the name of parsi's institute?": a profile names where its person works.
	if _, known := e.terms[q.Naming]; known && !d.names[q.Naming] && !(q.Naming == "alias:affili" && d.entry.Kind == knowledge.KindPerson) {
		return false, "the name of " + q.Naming
	}
	// "Which town…", "what city…": an answer that speaks of a town names it ("a village in
	// Balochistan" names none; "in Riyadh" needs no "city").
	if f := stem(q.Focus); placeNouns[q.Focus] && d.facts.terms[f] && !d.names[f] {
		return false, "which " + q.Focus
	}
	if asksOutcome(q.Words) && d.entry.Kind == knowledge.KindEvent && d.facts.terms[stem("due")] && !slices.ContainsFunc(outcomeWords, func(w string) bool { return d.facts.terms[stem(w)] }) {
		// "what came out of the 29 january visit?": the entry tells of a visit that was
		// due, not of how it went.
		return false, "what came of it"
	}
	if q.Intent == IntentFact && (q.Type == knowledge.TypeWhat || q.Type == knowledge.TypeHow) && len(d.facts.numbers) == 0 {
		// "how bad are the economic problems exactly, like numbers?": no figure is given;
		// "what domestic crises exactly?": the facts name the crises only as such.
		if slices.ContainsFunc(q.Words, func(w string) bool { return figureWords[w] }) {
			return false, "the figures"
		}
		if f := stem(q.Focus); slices.ContainsFunc(q.Words, func(w string) bool { return w == "exactly" || w == "specifically" || w == "precisely" }) &&
			strings.HasSuffix(q.Focus, "s") && d.facts.terms[f] && !e.isName(f) {
			return false, "which " + q.Focus + " exactly"
		}
	}
	if asksWhatWasDiscussed(q.Words) && e.personIn(q.Text) == "" && !slices.ContainsFunc(discussionWords, func(w string) bool { return d.facts.terms[stem(w)] }) {
		// "what was discussed at the davos meeting?": an entry that tells of meetings but
		// not of what was said at them.
		return false, "what was discussed"
	}
	if memberNouns[q.Focus] && len(q.Words) > 0 && (q.Words[0] == "which" || q.Words[0] == "what") && e.countriesBesides(d, q.Text) == 0 {
		// "which members?" of the UN Security Council that condemned the Rask attack: an
		// entry that names no country but those asked of does not say which.
		return false, "which " + q.Focus
	}
	if f := stem(q.Focus); (q.Focus == "base" || q.Focus == "bases" || q.Focus == "airbase") && !d.facts.terms[f] {
		// "from which air base did Pakistan launch?": an entry that tells of no base.
		return false, "which " + q.Focus
	}
	if v, ok := e.whoVerb(toks); ok && q.Type == knowledge.TypeWho && (d.entry.Kind != knowledge.KindPerson || foundingVerbs[v.word] || leadingVerbs[v.word]) && !d.facts.terms[v.term] && !d.facts.terms[stem(officeVerb(v.word))] &&
		!(leadingVerbs[v.word] && slices.ContainsFunc([]string{"lead", "head", "run", "direct", "director", "chair"}, func(w string) bool { return d.facts.terms[stem(w)] })) {
		// "who leads them?": an entry on the groups that never tells of leading says
		// nothing of their leaders; a person's profile says what they head.
		return false, "who " + v.word
	}
	if role := roleAsked(q.Words); role != "" && q.Type == knowledge.TypeWho && !slices.ContainsFunc(toks, func(t token) bool {
		return d.facts.terms[t.term] && (t.word == role || strings.Contains(t.term, stem(role)))
	}) {
		// "who was the police chief in rask?": an entry that tells of no chief does not
		// say who the chief was, however well it tells of Rask.
		return false, "who the " + role + " was"
	}
	if asksOrigin(q.Words) && (e.personOf[d.entry.ID] != "" || e.personIn(q.Text) != "") {
		// "where is Parsi originally from?", "Karim's nationality": the article gives
		// where its experts work, not where they are from, in their entries or any other.
		return false, "where they are from"
	}
	if who := reactor(toks); who != "" && (q.Intent == IntentFact || q.Intent == IntentClaim) && !e.quotes(d, who) &&
		(!sameAgent(strings.TrimPrefix(who, "alias:"), d.agent) || !tellsOfADeed(d)) {
		// "how did Israel respond to being blamed?": the entry tells of Iran's blame,
		// not of any response of Israel's; "did israel respond to the claims it's linked
		// to jaish al-adl?": the entry of the claims tells of no deed of Israel's.
		return false, "how " + strings.TrimPrefix(who, "alias:") + " responded"
	}
	if q.Intent == IntentFact && q.Type == knowledge.TypeWhat && len(q.Words) > 0 && (q.Words[0] == "what" || q.Words[0] == "which") &&
		(q.Focus == "" || targetNouns[q.Focus]) &&
		asksTarget(q.Words) {
		// "what did iran target in northern iraq?": an entry that names only the places
		// struck does not say what was struck there; one that never names the place, not
		// what was struck there either.
		if place := e.placeAsked(toks); place != "" && (!e.namesBesidesPlaces(d, toks) || !d.facts.terms[place]) {
			return false, "what was targeted"
		}
	}
	if kind := settlementKind(q.Focus); kind != "" && !e.namesPlaceOf(d, kind, toks) {
		// "which city in northern Iraq did Iran strike?": the entry names Idlib, a
		// province, and no city.
		return false, "which " + q.Focus
	}
	if _, known := e.terms[q.Subtype]; known && !d.sorts[q.Subtype] && !namesKindOf(d, q.Subtype) {
		return false, "the sort of " + q.Subtype
	}
	if q.Intent == IntentFact && !slices.ContainsFunc(q.Words, func(w string) bool { return relativeTimeWords[w] }) {
		// "which IRGC commander ordered the 16 january strike?": the entry of an event of
		// another day is not of that strike.
		for _, dt := range dates(toks) {
			if dt.day > 0 && !dt.in(d.facts.dates) && (d.entry.Date != "" || len(d.facts.dates) > 0) {
				return false, "of " + dt.String()
			}
		}
	}
	// "when was Soleimani killed?": an answer tells of his death, not of an attack on
	// his memorial.
	for v := range q.Victims {
		if !d.victims[v] {
			if q.Intent == IntentClaim && len(d.victims) > 0 && datedAlike(toks, d.facts) {
				// "israel killed soleimani on 25 december": the facts tell of that day's
				// killing, of another man; the claim is theirs to contradict.
				continue
			}
			return false, "the death of " + v
		}
	}
	if term, ok := otherOwner(q.Owns, d.owned); ok {
		return false, term + " of the one asked about"
	}
	// "ballistic or cruise?": an answer gives one of the two.
	if a, b, ok := alternatives(q.Words); ok && !e.factHas(d, a) && !e.factHas(d, b) {
		return false, "whether " + a + " or " + b
	}
	return true, ""
}

// outcomeWords tell what came of a thing.
var outcomeWords = []string{"outcome", "result", "agreed", "agreement", "signed", "achieved", "concluded"}

// asksOutcome reports whether a question asks what came of a thing: "what came out of the
// visit?", "what did they agree on?", "how did the visit go?", "any result?".
func asksOutcome(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "outcome", "outcomes", "result", "results", "agree", "agreed", "agreement", "agreements", "achieve", "achieved", "sign", "signed":
			return true
		case "came", "come":
			if i+1 < len(ws) && ws[i+1] == "of" || i+2 < len(ws) && ws[i+1] == "out" && ws[i+2] == "of" {
				return true
			}
		case "go", "went":
			// "how did the visit go?", "how'd it go", not "did it go ahead?".
			if i == len(ws)-1 && slices.Contains(ws[:i], "how") || i+1 < len(ws) && ws[i+1] == "well" {
				return true
			}
		}
	}
	return false
}

// discussionWords tell what talks were about.
var discussionWords = []string{"discussed", "discussion", "agenda", "agreed", "agreement"}

// asksWhatWasDiscussed reports whether a question asks what talks were about: "what was
// discussed at davos", "what will they discuss there", "what did they talk about".
func asksWhatWasDiscussed(ws []string) bool {
	if len(ws) == 0 || ws[0] != "what" && ws[0] != "whats" {
		return false
	}
	for i, w := range ws {
		switch w {
		case "we", "you", "u", "i", "expert", "experts", "analyst", "analysts", "author", "article":
			return false // "what are we talking about", "what did the experts discuss": words, not talks
		case "discuss", "discussed", "discussing", "agenda", "agree", "agreed":
			return true // "what did they agree on during the visit", "what's on the agenda"
		case "talk", "talked", "talking":
			if i+1 < len(ws) && ws[i+1] == "about" {
				return true
			}
		}
	}
	return false
}

// figureWords ask for figures: "like numbers?", "any stats".
var figureWords = map[string]bool{"numbers": true, "figures": true, "stats": true, "statistics": true, "data": true}

// memberNouns name the states of a body or a side: "which members", "which countries".
var memberNouns = map[string]bool{"members": true, "member": true, "states": true, "countries": true,
	"nations": true, "governments": true}

// countriesBesides counts the countries an entry's answer names that the question does not.
func (e *Engine) countriesBesides(d doc, question string) int {
	asked := map[string]bool{}
	for _, t := range e.an.analyze(question, false) {
		asked[t.term] = true
	}
	n := 0
	for _, t := range e.an.analyze(d.entry.Answer, false) {
		if (e.placeKind[t.term] == "container" || e.countries[t.term]) && !asked[t.term] {
			asked[t.term] = true
			n++
		}
	}
	return n
}

// datedAlike reports whether the text gives a day and every day it gives is one of the
// facts' dates.
func datedAlike(toks []token, f fact) bool {
	days := 0
	for _, dt := range dates(toks) {
		if dt.day == 0 || !dt.in(f.dates) {
			return false
		}
		days++
	}
	return days > 0
}

// identityAsked returns the entry that tells who a person is, for a question that asks
// only that ("who was Soleimani anyway?", "who's Ali Vaez?"), and whether it asks it; the
// entry is "" for a person the base names but does not describe.
func (e *Engine) identityAsked(toks []token) (string, bool) {
	var content []token
	role := false // "what was his job?", "his role?": who he is, in other words
	for _, t := range toks {
		switch {
		case t.term == "alias:job" || t.term == "alias:affili":
			role = true
		case !t.stop && !copulas[t.word] && t.word != "who" && t.word != "whos" && t.word != "s" && t.word != "like":
			content = append(content, t)
		}
	}
	if len(content) != 1 || len(toks) == 0 || toks[0].word != "who" && toks[0].word != "whos" && !role {
		return "", false
	}
	entry, ok := e.personTerms[content[0].term]
	return entry, ok
}

// namesAnotherThan reports whether an entry can answer "who did this person…?": a
// who-question of what a person named in it did ("who will Abdollahian meet?") asks for
// someone else, whom an entry naming no one but that person and the two countries does
// not give. "Who is Abdollahian?" asks who he is, and any entry of his answers it.
func (e *Engine) namesAnotherThan(d doc, toks []token) bool {
	asked := map[string]bool{}
	person, other := false, false
	for _, t := range toks {
		if copulas[t.word] || t.word == "s" {
			return true
		}
		if !t.stop && e.isName(t.term) {
			asked[t.term] = true
			_, named := e.personTerms[t.term]
			person = person || named
		} else if !t.stop {
			other = true
		}
	}
	if !person || !other {
		return true // "whos abdollahian", typed without its "is", asks who he is
	}
	for term := range d.facts.terms {
		if id, ok := e.terms[term]; ok && !asked[term] && e.isName(term) && e.idf[id] > e.maxIDF/3 {
			return true
		}
	}
	return false
}

// asksTarget reports whether a who-question asks whom something was aimed at ("against
// whom?", "who did they target?"): an entry that names its targets gives that.
func asksTarget(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "target", "targeted", "targeting", "targets", "aimed", "hit", "struck", "attacked", "bombed":
			return true
		case "whom", "who":
			// "for who?", "pressure from who?": whom it is for, or from, names the parties
			// as a target does.
			if i > 0 && (ws[i-1] == "against" || ws[i-1] == "at" || ws[i-1] == "on" || ws[i-1] == "for" || ws[i-1] == "from") {
				return true
			}
		}
	}
	return false
}

// placeAsked returns where a question asks something happened, a place of the base or a
// country after "in" ("in northern iraq", "in syria"), or "".
func (e *Engine) placeAsked(toks []token) string {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].word != "in" && (i < 2 || toks[i-2].word != "in") {
			continue
		}
		if _, ok := e.placeKind[toks[i].term]; ok || e.placeTerms[toks[i].term] {
			return toks[i].term
		}
	}
	return ""
}

// targetNouns ask what was struck: "which group did iran target in northern iraq".
var targetNouns = map[string]bool{"group": true, "groups": true, "target": true, "targets": true,
	"militants": true, "faction": true, "factions": true, "site": true, "sites": true, "camp": true, "camps": true}

// namesBesidesPlaces reports whether an entry names something other than places and
// what the question names: a group, a person, a thing struck.
func (e *Engine) namesBesidesPlaces(d doc, toks []token) bool {
	for n := range d.facts.terms {
		if !e.isName(n) || demonyms[n] != "" || e.placeTerms[n] {
			continue
		}
		if _, place := e.placeKind[n]; !place && !slices.ContainsFunc(toks, func(t token) bool { return t.term == n }) {
			return true
		}
	}
	return false
}

// asksManner reports whether words ask how a deed was done to someone: "how was
// javidanfar killed", "how were the children killed".
func asksManner(ws []string) bool {
	if len(ws) < 4 || ws[0] != "how" || !beForms[ws[1]] {
		return false
	}
	for _, w := range ws[2:] {
		if participle(w) && isVerb(w) {
			return true
		}
		if w == "or" || w == "and" || w == "like" {
			break
		}
	}
	return false
}

// givesAChoice reports whether a question offers two choices ("whose trust took the
// bigger hit, Iran's or Pakistan's?") of which the entry speaks.
func (e *Engine) givesAChoice(d doc, ws []string) bool {
	a, b, ok := alternatives(ws)
	return ok && (e.factHas(d, a) || e.factHas(d, b))
}

// factHas reports whether an entry's facts use a word, as the base's term for it.
func (e *Engine) factHas(d doc, w string) bool {
	toks := e.an.analyze(w, false)
	if len(toks) > 0 && d.facts.terms[toks[0].term] {
		return true
	}
	// A word of a name the base keeps whole: "Swedish" of "the Swedish Institute of…".
	return slices.Contains(words(d.entry.Answer), w)
}

// alternatives returns the two choices of a question that offers them ("were the
// missiles ballistic or cruise?"), or false; "or not" and "or nah" offer none.
func alternatives(ws []string) (a, b string, ok bool) {
	for i := 1; i+1 < len(ws); i++ {
		if ws[i] != "or" {
			continue
		}
		a, b = ws[i-1], ws[i+1]
		if isStop(a) || isStop(b) || fillerWords[b] || b == "not" || b == "nah" || b == "no" || questionWords[b] {
			return "", "", false
		}
		return a, b, true
	}
	return "", "", false
}

// kindMembers are the things of a kind the article names by their own word: "what kind
// of weapons?" is answered by "missiles", "drones" and "rockets".
var kindMembers = map[string][]string{"alias:weapon": {"missiles", "drones", "rockets"}}

// namesKindOf reports whether an entry names things of a kind by their own word.
func namesKindOf(d doc, kind string) bool {
	return slices.ContainsFunc(kindMembers[kind], func(m string) bool { return d.facts.terms[stem(m)] })
}

// roleAsked returns the office a who-question asks the holder of, "who was the police
// chief in rask?" → "chief", or "".
func roleAsked(ws []string) string {
	for i := 0; i+2 < len(ws); i++ {
		if ws[i] != "who" && ws[i] != "whos" || !beForms[ws[i+1]] && ws[i+1] != "s" {
			continue
		}
		head := ""
		for _, w := range ws[i+2:] {
			if prepositions[w] || beForms[w] || whWords[w] {
				break
			}
			if w != "the" && w != "a" && w != "an" {
				head = w
			}
		}
		if roleNouns[head] {
			return head
		}
		return ""
	}
	return ""
}

// roleNouns are offices a person holds, whose holder a who-question may ask.
var roleNouns = map[string]bool{"chief": true, "commander": true, "general": true, "leader": true,
	"head": true, "spokesman": true, "spokesperson": true, "president": true, "governor": true,
	"officer": true, "boss": true, "mastermind": true, "founder": true, "pilot": true,
	"minister": true, "ambassador": true, "envoy": true, "mediator": true}
