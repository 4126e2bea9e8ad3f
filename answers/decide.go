package answers

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/borderbot/borderbot/knowledge"
)

// Verdict is what the article's facts say of a claim or a yes/no question.
type Verdict uint8

// The verdicts, from the facts of the entry that answers a claim.
const (
	VerdictOpen   Verdict = iota // the facts neither confirm nor contradict it: they are given as they are
	VerdictYes                   // every detail the claim names is in the facts
	VerdictNo                    // a detail the claim names is contradicted by the facts
	VerdictPartly                // some details hold and some are contradicted
	// VerdictNotSaid marks a claim put to the bot that says of its subject what the
	// article never says: what the article does say of the subject is given instead,
	// which settles the claim by the article's account where the two cannot both hold.
	VerdictNotSaid
)

func (v Verdict) String() string {
	switch v {
	case VerdictYes:
		return "yes"
	case VerdictNo:
		return "no"
	case VerdictPartly:
		return "partly"
	case VerdictNotSaid:
		return "not said"
	}
	return "open"
}

// Prefix is how a reply opens for the verdict: "Yes. ", "No. ", "That is not what the
// article says. It says: ", or nothing when open.
func (v Verdict) Prefix() string {
	switch v {
	case VerdictYes:
		return "Yes. "
	case VerdictNo:
		return "No. "
	case VerdictPartly:
		return "Partly. "
	case VerdictNotSaid:
		return "That is not what the article says. It says: "
	}
	return ""
}

// fact is an entry's answer as the claim checker reads it: its dates, its numbers, the
// terms it uses, and those it uses under a negation.
type fact struct {
	dates   []date              // the dates it gives
	numbers map[int]bool        // the numbers it gives, dates left out
	terms   map[string]bool     // every term of the answer and its quotes
	negated map[string]int      // by term: sentences that say "not", "no" or "never" of it, less those that say it plainly: at least 0 for a term denied as often as said
	denials [][]string          // the terms of each clause a negation denies: "Iranian", "nationals" of "not Iranian nationals"
	hedged  map[string]int      // by term: sentences that say it only could, might or would be, less those that say it plainly
	guessed map[string]int      // as hedged, of sentences that guess, not of those that tell a plan ("was due to visit")
	years   map[int]bool        // the years it names, in dates or alone ("since 1988")
	owned   map[string][]string // what names own in it: army → pakistan in "Pakistan's army"
	spans   map[int]bool        // the spans of time it gives, in days: "two days later" is 2
	agent   string              // whose deed the entry tells of, as its title makes the doer
	tolls   map[int]string      // by number: the casualty it counts, "alias:kill" or "alias:injur"
	order   string              // "after" or "before" when the answer places its event only one way from another ("one day after Iran fired"), else ""
	clauses [][]string          // the terms of each sentence, for what is said together
	// undated holds the deeds told only in sentences whose dates belong to another
	// deed: "recalled" in "the ambassadors they recalled were due to return by 26
	// January"; a deed also told in a sentence with no date, or dated, is not in it.
	undated map[string]bool
	// believed counts, by term, the sentences that report it only as what some hold
	// ("many in Iran believe…", "some in Iran maintain…"), less those that say it plainly.
	believed map[string]int
}

// date is a day of a month; day 0 stands for the whole month.
type date struct {
	day   int
	month string // a month's stem
}

// readFact reads an entry's answer and quotes for the claim checker.
func (e *Engine) readFact(answer string, quotes []Quote) fact {
	f := fact{numbers: map[int]bool{}, terms: map[string]bool{}, negated: map[string]int{}, hedged: map[string]int{}, guessed: map[string]int{}, years: map[int]bool{}, owned: map[string][]string{}, spans: map[int]bool{}, tolls: map[int]string{}, undated: map[string]bool{}, believed: map[string]int{}}
	toldBare := map[string]bool{} // deeds told with no date, or with their own
	texts := []string{answer}
	for _, q := range quotes {
		texts = append(texts, q.Text)
	}
	for _, text := range texts {
		for _, sentence := range strings.SplitAfter(text, ". ") {
			toks := e.an.analyze(sentence, false)
			hedge, guess := false, false
			ws := words(sentence)
			belief := slices.ContainsFunc(ws, func(w string) bool { return beliefVerbs[w] })
			for _, w := range ws {
				// "…bonds that are potentially strategic": an adverb hedges what follows
				// it, not what the sentence said before it ("she praised…").
				hedge = hedge || hedges[w] && !hedgingAdverbs[w]
				guess = guess || hedges[w] && !plans[w] && !hedgingAdverbs[w]
			}
			if text == answer {
				f.order = orderOf(f.order, ws)
			}
			denied := map[string]bool{}
			for _, scope := range e.negatedTerms(sentence) {
				f.denials = append(f.denials, scope)
				for _, t := range scope {
					denied[t] = true
				}
			}
			f.dates = append(f.dates, dates(toks)...)
			for _, d := range spans(ws) {
				f.spans[d] = true
			}
			for term, owners := range e.possessions(toks) {
				f.owned[term] = append(f.owned[term], owners...)
			}
			for n := range numbers(toks) {
				f.numbers[n] = true
			}
			for y := range years(toks) {
				f.years[y] = true
			}
			for n, kind := range tolls(toks) {
				f.tolls[n] = kind
			}
			var clause []string
			for _, t := range toks {
				if hedgingAdverbs[t.word] {
					hedge, guess = true, true
				}
				if t.stop {
					continue
				}
				if !slices.Contains(clause, t.term) {
					clause = append(clause, t.term)
				}
				if denied[t.term] {
					f.negated[t.term]++
				} else {
					f.negated[t.term]-- // said plainly too: denied only where denials are as many
				}
				if hedge {
					f.hedged[t.term]++
				} else {
					f.hedged[t.term]--
				}
				if guess {
					f.guessed[t.term]++
				} else {
					f.guessed[t.term]--
				}
				if belief {
					f.believed[t.term]++
				} else {
					f.believed[t.term]--
				}
				f.terms[t.term] = true
			}
			f.clauses = append(f.clauses, clause)
			datedDeeds(toks, f.undated, toldBare)
		}
	}
	for term := range toldBare {
		delete(f.undated, term)
	}
	return f
}

// datedDeeds reads which deeds of a sentence its dates belong to: each date to the verb
// nearest it ("on 16 January 2024, Iran's military fired…", "…due to return by 26
// January"). The other verbs of a dated sentence go into undated, and every verb the
// sentence tells with its own date, or with none, into bare.
func datedDeeds(toks []token, undated, bare map[string]bool) {
	var verbs, dates []int
	for i, t := range toks {
		switch {
		case months[t.term]:
			dates = append(dates, i)
		case verbal(toks, i):
			verbs = append(verbs, i)
		}
	}
	if len(dates) == 0 {
		for _, i := range verbs {
			bare[toks[i].term] = true
		}
		return
	}
	own := map[int]bool{}
	var owners []int
	for _, d := range dates {
		near := -1
		for _, v := range verbs {
			if near < 0 || abs(v-d) < abs(near-d) {
				near = v
			}
		}
		if near >= 0 {
			own[near] = true
			owners = append(owners, near)
		}
	}
	// "two children were killed when Iran's military fired… on 16 January": a deed
	// joined to a dated one by "when" happened the same day.
	when := func(v int) bool {
		return slices.ContainsFunc(owners, func(o int) bool {
			lo, hi := min(v, o), max(v, o)
			return slices.ContainsFunc(toks[lo:hi], func(t token) bool { return t.word == "when" })
		})
	}
	for _, v := range verbs {
		if own[v] || strings.HasSuffix(toks[v].word, "ing") || when(v) {
			bare[toks[v].term] = true // "…fired missiles, killing two children": the same day
		} else {
			undated[toks[v].term] = true
		}
	}
}

// verbal reports whether the token at i is a verb as the sentence uses it: no name, no
// number, and not a noun after a determiner or an owner ("the strike", "Iran's strike").
func verbal(toks []token, i int) bool {
	t := toks[i]
	if t.stop || t.name || t.known || t.number || t.word == "" || !isVerb(t.word) {
		return false
	}
	if i > 0 && (articles[toks[i-1].word] || determiners[toks[i-1].word] || toks[i-1].owner || possessives[toks[i-1].word] || toks[i-1].number) {
		return false
	}
	// "the recalled ambassadors": a participle before a noun describes it.
	if n := i + 1; strings.HasSuffix(t.word, "ed") && n < len(toks) && !toks[n].stop && toks[n].word != "" && isNoun(toks[n].word) && !isVerb(toks[n].word) {
		return false
	}
	return true
}

// possessives own the noun after them: "their posts", "his guards".
var possessives = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// abs returns how far n is from zero.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// saidApart returns a common noun or verb of a claim that the facts say, but never in a
// sentence with the claim's subject, or "": "iran hit a city in pakistan, right?", where
// the facts say Saravan is a city Pakistan struck, and that Iran hit a village; "israel
// claimed the kerman bombing", where IS claimed it and Iran blamed Israel.
func (e *Engine) saidApart(toks []token, claim Query, f fact) string {
	subject := e.claimSubject(toks, claim)
	if subject == "" || !f.terms[subject] {
		return ""
	}
	for _, t := range toks {
		if t.stop || t.number || t.term == subject || e.isName(t.term) || !f.terms[t.term] ||
			askersVerbs[t.word] || !isNoun(t.word) && !isVerb(t.word) || isAdjective(t.word) || isAdverb(t.word) {
			continue
		}
		if !slices.ContainsFunc(f.clauses, func(c []string) bool { return slices.Contains(c, subject) && slices.Contains(c, t.term) }) {
			return t.word
		}
	}
	return ""
}

// nameApart returns a name of a claim that the facts use, but never in a sentence with
// the claim's subject, a country or group the facts may name by its people ("Iranian
// officials"), or "". A person's facts go on in sentences that name them only as "he" or
// "she", so a person's claim is not weighed this way.
func (e *Engine) nameApart(toks []token, claim Query, f fact) string {
	subject := e.claimSubject(toks, claim)
	if subject == "" || e.personTerms[subject] != "" || e.personIn(claim.Text) != "" ||
		slices.ContainsFunc(claim.Words, func(w string) bool { return clauseJoiners[w] }) {
		return "" // "IS claimed it but Iranian officials blamed others": two subjects
	}
	in := func(term string) string {
		if f.terms[term] {
			return term
		}
		if d := demonymOf[term]; f.terms[d] {
			return d
		}
		return ""
	}
	s := in(subject)
	if s == "" {
		return ""
	}
	for _, t := range toks {
		if t.stop || t.term == subject || !e.isName(t.term) {
			continue
		}
		n := in(t.term)
		if n == "" || n == s {
			continue
		}
		if _, place := e.placeKind[t.term]; place {
			continue // where it happened, which a sentence of its own may tell
		}
		if !slices.ContainsFunc(f.clauses, func(c []string) bool { return slices.Contains(c, s) && slices.Contains(c, n) }) {
			return t.word
		}
	}
	return ""
}

// clauseJoiners join two clauses of a claim, each with its own subject.
var clauseJoiners = map[string]bool{"but": true, "while": true, "whereas": true, "though": true,
	"although": true, "yet": true}

// scopePrepositions end what "should have" says was not done, before to whom or where.
var scopePrepositions = map[string]bool{"with": true, "to": true, "in": true, "on": true, "at": true, "for": true, "from": true, "against": true}

// negatedTerms returns the terms of each clause of a sentence that a negation denies:
// those from the negation to the end of its clause. "Not" denies what follows it up to the next verb of
// its own, so "seven people who were not Iranian nationals lost their lives" denies
// "Iranian nationals", not the deaths; "no", "never" and "neither" deny the rest of the
// clause ("neither side severed ties").
func (e *Engine) negatedTerms(sentence string) [][]string {
	var out [][]string
	fields := strings.Fields(sentence)
	for i := 0; i < len(fields); i++ {
		w := foldWord(fields[i])
		next := ""
		if i+1 < len(fields) {
			next = foldWord(fields[i+1])
		}
		// "Iran should have warned Pakistan" says it did not.
		wouldHave := (w == "should" || w == "could" || w == "would" || w == "ought") && (next == "have" || next == "and")
		// "terrorist groups rather than the other country's armed forces": what is set
		// aside is denied.
		setAside := w == "rather" && next == "than" || w == "instead" && next == "of" ||
			// "Tehran's failure to establish deterrence": what it failed to do is denied.
			(w == "failure" || w == "failed" || w == "fails" || w == "unable") && next == "to"
		// "preventing tensions from spiralling", "keeping tensions from spiralling": what
		// is kept from happening is denied.
		kept := w == "from" && i > 1 && preventVerbs[foldWord(fields[i-2])]
		if !setAside && !kept && (!negations[w] && w != "without" && !wouldHave || next == "other" || next == "further" || next == "more" || next == "additional") {
			continue // "gives no other death toll": the toll it gives stands
		}
		if setAside {
			i++ // the scope begins after "than", "of", "to"
		}
		untilVerb := w == "not" || strings.HasSuffix(w, "nt") // "were not X", "didn't X"
		var scope []string
		content := false
		inPhrase := false // within a preposition's phrase after "should have"
		for j := i + 1; j < len(fields); j++ {
			f := foldWord(fields[j])
			if f == "but" || f == "while" || f == "whereas" || f == "although" || f == "though" {
				break
			}
			if untilVerb && content && isVerb(f) && !isNoun(f) && !copulas[f] && !auxiliaries[f] {
				break
			}
			if wouldHave && content && (scopePrepositions[f] || inPhrase) {
				// "should have shared the intelligence with Pakistan and warned it": with
				// whom is no deed undone; the deed after "and" is.
				inPhrase = f != "and"
				if inPhrase {
					if strings.ContainsAny(fields[j], ",;:") {
						break
					}
					i = j
					continue
				}
			}
			scope = append(scope, fields[j])
			content = content || !isStop(f) && f != ""
			if strings.ContainsAny(fields[j], ",;:") {
				break
			}
			i = j
		}
		var terms []string
		for _, t := range e.an.analyze(strings.Join(scope, " "), false) {
			if !t.stop && !slices.Contains(terms, t.term) {
				terms = append(terms, t.term)
			}
		}
		if len(terms) > 0 {
			out = append(out, terms)
		}
	}
	return out
}

// preventVerbs keep something from happening: "preventing tensions from spiralling".
var preventVerbs = map[string]bool{"preventing": true, "prevent": true, "prevented": true,
	"keeping": true, "keep": true, "kept": true, "stopping": true, "stop": true}

// deniedOf reports whether a denial of the facts that holds a term is of the claim: the
// names it denies are the claim's. "No Iranian citizens died" denies that Iranians died,
// not that "Pakistan killed seven people".
func (e *Engine) deniedOf(f fact, term string, toks []token) bool {
	inClaim := func(t string) bool { return slices.ContainsFunc(toks, func(q token) bool { return q.term == t }) }
	side := func(t string) string { // the country a name speaks for: "Iranian" is Iran
		if c := demonyms[t]; c != "" {
			return c
		}
		return strings.TrimPrefix(t, "alias:")
	}
	for _, scope := range f.denials {
		if !slices.Contains(scope, term) {
			continue
		}
		// "no Iranian or Pakistani official used inflammatory rhetoric" names both
		// sides: it denies it of anyone.
		sides := map[string]bool{}
		for _, t := range scope {
			if s := side(t); s == "iran" || s == "pakistan" {
				sides[s] = true
			}
		}
		if len(sides) == 2 || !slices.ContainsFunc(scope, func(t string) bool { return e.isName(t) && !inClaim(t) }) {
			return true
		}
	}
	return false
}

// deniesPhrase reports whether a denial of the facts holds two or more of a claim's
// words, and is of the claim by deniedOf's rule: "their strikes targeted terrorist groups,
// not each other's armed forces" denies "Pakistan's strikes targeted Iranian armed forces".
func (e *Engine) deniesPhrase(f fact, toks []token) bool {
	for _, scope := range f.denials {
		shared := 0
		for _, t := range scope {
			if !e.isName(t) && slices.ContainsFunc(toks, func(q token) bool { return !q.stop && q.term == t }) {
				shared++
			}
		}
		if shared >= 2 && e.deniedOf(f, scope[0], toks) {
			return true
		}
	}
	return false
}

// foldWord folds one word of text as words does: "Didn’t," → "didnt".
func foldWord(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

// decide weighs a claim's details against the facts of the entry that answers it. A date,
// a number or a name of the claim that the facts contradict, or a claim the facts deny
// ("not Iranian nationals"), is a No; details all in the facts are a Yes.
//
// firm says whether a contradiction stands on what the facts say, not on their silence:
// another name of the base, another doer or owner, another date, a denial; not a number
// or a name the base never uses, which the facts may simply not give.
func (e *Engine) decide(claim Query, toks []token, f fact) (v Verdict, why string, firm bool) {
	var hold, conflict, onTopic []string // onTopic: names of the claim the facts use
	origin := ""                         // a nationality claimed of a person
	// Dates: a day or month the facts do not give, where they give others, of a thing
	// they tell of ("did the 29 jan visit go well?" is not contradicted by the dates of
	// other attacks).
	for _, d := range dates(toks) {
		if len(f.dates) == 0 || !e.sharesAThing(toks, f) {
			continue
		}
		if d.in(f.dates) {
			hold = append(hold, d.String())
		} else {
			conflict = append(conflict, d.String())
			firm = true
		}
	}
	// Numbers: a count the facts do not give, where they give others; or a count of the
	// dead where the facts count the injured ("killed 284").
	claimed := tolls(toks)
	if len(f.numbers) > 0 {
		for n := range numbers(toks) {
			if kind := claimed[n]; kind != "" && f.tolls[n] != "" && f.tolls[n] != kind {
				conflict = append(conflict, strconv.Itoa(n)+" "+strings.TrimPrefix(kind, "alias:"))
				firm = true
				continue
			}
			if f.numbers[n] {
				hold = append(hold, strconv.Itoa(n))
			} else {
				conflict = append(conflict, strconv.Itoa(n))
				// "10 children died" where the facts count the dead: another count of the
				// same thing, not a number they are silent on.
				firm = firm || claimed[n] != "" && slices.Contains(slices.Collect(maps.Values(f.tolls)), claimed[n])
			}
		}
	}
	// Years: "the first since 1979" where the facts say since 1988.
	if len(f.years) > 0 && e.sharesAThing(toks, f) {
		for y := range years(toks) {
			if f.years[y] {
				hold = append(hold, strconv.Itoa(y))
			} else {
				conflict = append(conflict, strconv.Itoa(y))
				firm = true
			}
		}
	}
	// Spans of time: "a week after" where the facts say "one day after".
	if len(f.spans) > 0 {
		for _, d := range spans(claim.Words) {
			if f.spans[d] {
				hold = append(hold, strconv.Itoa(d)+" days")
			} else {
				conflict = append(conflict, strconv.Itoa(d)+" days")
				firm = true // another span of the event the facts time
			}
		}
	}
	// "Did it work?" where the facts tell of a failure.
	if slices.ContainsFunc(claim.Words, func(w string) bool { return successWords[w] }) && (f.terms[stem("failure")] || f.terms[stem("failed")] || f.terms[stem("fail")]) {
		conflict = append(conflict, "failed")
		firm = true
	}
	// "Do they still back it?" where the facts say they stopped.
	if slices.Contains(claim.Words, "still") && (f.terms[stem("stopped")] || f.terms[stem("ceased")]) {
		conflict = append(conflict, "stopped")
		firm = true
	}
	// Names: a name of the base that the facts do not use, where the claim ties it to them.
	for i, t := range toks {
		if t.stop || t.number {
			continue
		}
		switch {
		case provenance(toks, i):
			// "Chinese-made drones": where the weapons came from, which the facts may not
			// tell; left to unconfirmed.
		case demonyms[t.term] != "" && i > 0 && i+1 < len(toks) && strings.HasSuffix(toks[i+1].word, "self") && e.personIn(claim.Text) != "":
			// "is he pakistani himself?": his own nationality, which the article gives of
			// no one, whatever it says of Pakistanis.
			origin = t.word
		case demonyms[t.term] != "" && i > 0 && (beForms[toks[i-1].word] || copulas[toks[0].word] && e.isName(toks[i-1].term)) && (i+1 == len(toks) || toks[i+1].stop || strings.HasSuffix(toks[i+1].word, "self")) && e.personIn(claim.Text) != "":
			// "is Parsi Iranian himself?", "is she pakistani?": the article gives no one's
			// nationality, so its facts neither confirm nor contradict it, whatever they
			// say of Pakistanis.
			origin = t.word
		case f.terms[t.term] && t.known:
			onTopic = append(onTopic, t.term)
		case !f.terms[t.term] && demonyms[t.term] != "" && f.terms["alias:"+demonyms[t.term]] && i+1 < len(toks) && sideNouns[toks[i+1].term]:
			// "the Iranian strike" where the facts say "Iran's operation", "Pakistani
			// officials" where they say Islamabad's: the same side, whose deed it was the
			// doer's to settle; "Pakistani soldiers" are not Pakistan.
		case !f.terms[t.term] && demonyms[t.term] != "" && f.terms["alias:"+demonyms[t.term]] && strings.HasSuffix(t.word, "s") &&
			i+1 < len(toks) && (perceptionVerbs[toks[i+1].word] || beliefVerbs[toks[i+1].word] || toks[i+1].word == "blame" || toks[i+1].word == "say"):
			// "do iranians believe…", where the facts say "many in Iran believe": a
			// country's people are there in its name.
			onTopic = append(onTopic, t.term)
		case !f.terms[t.term] && i > 1 && toks[i-1].word == "for" && e.isName(t.term) && copulas[toks[0].word] && !participle(toks[i-2].word):
			// "was the strike a surprise for Pakistan?": whom it was for, which the facts
			// need not name; "is it fighting for Pakistan's Baloch" names whose they are.
		case !f.terms[t.term] && f.terms[demonymOf[t.term]]:
			// "did iran blame israel?" where the facts say "Iranian officials blamed
			// Israel": the country is there in its people's name.
			onTopic = append(onTopic, t.term)
		case !f.terms[t.term] && (t.known || strings.HasPrefix(t.term, "alias:")) && e.isName(t.term):
			conflict = append(conflict, t.term)
			firm = true
		case !t.known && !e.isName(t.term) && e.strangeWord(t):
			// A name the article never uses ("claimed by al-Qaeda", "works for the
			// Stimson Center"): the facts name another, or none, and the claim does not
			// hold as made.
			conflict = append(conflict, t.term)
			// "iran struck afghanistan on 16 january": the facts of that day name the
			// place or the people of the deed, and it is another.
			if t.class == className && datedAlike(toks, f) {
				firm = true
			}
			// "Mousavi was a Hezbollah commander": what the claim says its subject is,
			// where the facts say what he was, is firmly wrong.
			if subject := e.claimSubject(toks, claim); t.class == className && subject != "" && f.terms[subject] && saysWhatItIs(toks[:i]) &&
				(i > 0 && (toks[i-1].word == "a" || toks[i-1].word == "an") || i > 1 && (toks[i-2].word == "a" || toks[i-2].word == "an")) {
				firm = true
			}
		}
	}
	// Names said apart: "did iran blame IS for kerman?", where the facts name IS as the
	// claimant and Iranian officials as blaming others, never the two together.
	if n := e.nameApart(toks, claim, f); n != "" {
		conflict = append(conflict, "apart "+n)
	}
	// Whereabouts: "saravan is a pakistani town", where the map puts Saravan in Iran.
	if place, country := e.claimedWhereabouts(toks); place != "" {
		if slices.Contains(strings.Fields(e.placeIn[place]), country) {
			hold = append(hold, "in "+country)
		} else {
			conflict = append(conflict, "where "+country)
			firm = true
		}
	}
	// Ranks: "was Javidanfar a general?", where the facts make him a colonel.
	if r := otherRank(toks, f); r != "" {
		conflict = append(conflict, "rank "+r)
		firm = true
	}
	// The doer: "Iran struck Pakistan on 18 January", where the facts are Pakistan's strike.
	if doer := e.claimDoer(toks); doer != "" && f.agent != "" && !sameAgent(doer, f.agent) {
		conflict = append(conflict, "doer "+doer)
		firm = true
	}
	// Order: "Javidanfar was killed before the Iranian strike", where the facts say one
	// day after.
	if o := orderOf("", claim.Words); (o == "after" || o == "before") && (f.order == "after" || f.order == "before") && o != f.order {
		conflict = append(conflict, "order "+o)
		firm = true
	}
	// "The first time ever" where the facts say the first since a year.
	if firstEver(claim.Words) && f.terms[stem("first")] && f.terms[stem("since")] {
		conflict = append(conflict, "first since")
		firm = true
	}
	// Owners: "Iran's army" where the facts speak only of Pakistan's.
	if term, ok := otherOwner(e.possessions(toks), f.owned); ok {
		conflict = append(conflict, "whose "+term)
		firm = true
	}
	// Denials: the claim's rarest terms stand in a sentence of the facts that negates them.
	// A claim of one term ("were they Iranian?") is denied by that term's denial.
	var inFacts []string
	for _, t := range toks {
		if !t.stop && !t.number && f.terms[t.term] {
			inFacts = append(inFacts, t.term)
		}
	}
	denied, content := 0, len(inFacts)
	for _, term := range inFacts {
		if f.negated[term] >= 0 && (e.idfOf(term) > e.maxIDF/3 || content == 1 || possessed(toks, term)) && e.deniedOf(f, term, toks) {
			denied++
		}
	}
	if denied == 0 && e.deniesPhrase(f, toks) {
		denied = 1 // "not each other's armed forces": the claim's own phrase, however common its words
	}
	// "was the strike meant to deter them?" claims an aim, which a failure does not deny.
	aim := slices.ContainsFunc(claim.Words, func(w string) bool { return w == "meant" || w == "intended" || w == "supposed" }) ||
		hasPhrase(claim.Words, []string{"aimed", "to"})
	if denied > 0 && denied*2 >= content/2 && !claim.Negated && !modalPerfect(claim.Words) && !aim {
		conflict = append(conflict, "denied")
		firm = true
	}
	// Hedges: "did China end up mediating?", a claim of what happened, where the facts
	// say only that it could.
	if len(conflict) == 0 && e.hedgedDeed(claim.Words, toks, f) {
		if slices.ContainsFunc(claim.Words, func(w string) bool { return futureWords[w] }) {
			// "will they go to war?", where the facts say a war is unlikely: how likely
			// it is answers, with no Yes.
			return VerdictOpen, forecastWhy, false
		}
		return VerdictOpen, hedgedWhy, false
	}
	if len(conflict) == 0 && e.guessedNow(claim.Words, toks, f) {
		return VerdictOpen, forecastWhy, false
	}
	if origin != "" && len(conflict) == 0 {
		return VerdictOpen, unconfirmedWhy + origin, false
	}
	switch {
	case slices.ContainsFunc(conflict, func(c string) bool { return strings.HasPrefix(c, "doer ") || c == "denied" }):
		// The wrong side did it, or the facts deny what is claimed ("the seven killed were
		// Iranians"): the date or the count may hold, the claim does not.
		return VerdictNo, "contradicted: " + strings.Join(conflict, ", "), firm
	case len(conflict) > 0 && len(hold) > 0 && !onlyNames(conflict):
		return VerdictPartly, "holds: " + strings.Join(hold, ", ") + "; contradicted: " + strings.Join(conflict, ", "), firm
	case len(conflict) > 0:
		return VerdictNo, "contradicted: " + strings.Join(conflict, ", "), firm
	case len(hold)+len(onTopic) > 0 && !claim.Negated:
		if w := e.unconfirmed(toks); w != "" {
			// "Jaish al-Adl is a Shia militia": the facts never say "militia", so they
			// cannot confirm it.
			return VerdictOpen, unconfirmedWhy + w, false
		}
		if w := e.saidApart(toks, claim, f); w != "" {
			// "iran hit a city in pakistan, right?": the facts tell of a city, but not
			// of Iran's hitting one.
			return VerdictOpen, apartWhy + w, false
		}
		if e.onlyASubject(toks) {
			// "did china help?", where "help" is the asker's word as often as the claim's:
			// a name alone claims nothing the facts could confirm.
			return VerdictOpen, onlySubjectWhy, false
		}
		if w := e.unheldObject(toks, f); w != "" {
			// "was pakistan's retaliation aimed at iran's army?": what the claim says was
			// struck, named by whose it is, the facts never name, however common its word.
			return VerdictOpen, "not said in these words: " + w, false
		}
		if exclusive(claim.Words) {
			// "pakistan only used drones", "russia is the one who'll mediate": facts that
			// tell of drones, or of Russia, say nothing of what else there was.
			return VerdictOpen, exclusiveWhy, false
		}
		if n := unconfirmedNumber(toks, f); n != "" {
			// "the first attack since 1979, didn't he say?", where his words give no
			// year: the facts cannot confirm it.
			return VerdictOpen, unconfirmedWhy + n, false
		}
		if w := e.unheld(toks, f); w != "" {
			// "the UNSC praised the Rask attack": the facts tell of the attack and the
			// council, and never of praise, so they are given as they are, with no Yes.
			return VerdictOpen, "not said in these words: " + w, false
		}
		return VerdictYes, "holds: " + strings.Join(append(hold, onTopic...), ", "), false
	}
	if len(conflict) == 0 && !claim.Negated && claim.Type == knowledge.TypeYesNo && e.personIn(claim.Text) == "" && e.claimSaidTogether(toks, f) {
		// "did both sides recall their ambassadors?": no name, date or count to weigh,
		// but one sentence of the facts says every word of it. What someone is said to
		// have said, and who they are, are weighed as their own.
		return VerdictYes, "said together in one sentence", false
	}
	return VerdictOpen, "nothing to weigh", false
}

// hedgedDeed reports whether words ask what happened ("did China end up mediating?",
// "did they actually go back?") of what the facts say only could, or were due to, be so.
func (e *Engine) hedgedDeed(ws []string, toks []token, f fact) bool {
	if !slices.ContainsFunc(ws, func(w string) bool { return happenedWords[w] || futureWords[w] }) ||
		slices.ContainsFunc(ws, func(w string) bool { return hedges[w] }) || modalPerfect(ws) {
		return false
	}
	// What will be is confirmed by a plan ("is he going to pakistan?": he was due to),
	// not by a guess ("will they go to war?": a war is unlikely).
	hedged := f.hedged
	if slices.ContainsFunc(ws, func(w string) bool { return futureWords[w] }) {
		hedged = f.guessed
	}
	return e.mostlyHedged(toks, f, hedged)
}

// guessedNow reports whether a claim of what is so ("china is the one mediating
// between them rn"), neither of what happened nor of what will, says plainly what the
// facts only guess at.
func (e *Engine) guessedNow(ws []string, toks []token, f fact) bool {
	if slices.ContainsFunc(ws, func(w string) bool { return happenedWords[w] || futureWords[w] || hedges[w] }) || modalPerfect(ws) {
		return false
	}
	return e.mostlyHedged(toks, f, f.guessed)
}

// mostlyHedged reports whether half or more of a claim's rare words the facts use, names
// aside, stand in sentences hedged by the given count.
func (e *Engine) mostlyHedged(toks []token, f fact, hedged map[string]int) bool {
	rare, hedgedRare := 0, 0
	for _, t := range toks {
		// What is said of a name is hedged, not the name: "did he bring up the US?" is
		// not hedged by "he is sceptical when states claim they can…".
		if !t.stop && !t.number && f.terms[t.term] && e.idfOf(t.term) > e.maxIDF/3 && !e.isName(t.term) {
			rare++
			if hedged[t.term] > 0 {
				hedgedRare++
			}
		}
	}
	return hedgedRare > 0 && hedgedRare*2 >= rare
}

// sharesAThing reports whether the facts use a name or a thing of the claim, not only
// its dates, numbers and verbs.
func (e *Engine) sharesAThing(toks []token, f fact) bool {
	return slices.ContainsFunc(toks, func(t token) bool {
		if t.stop || t.number || months[t.term] || !f.terms[t.term] {
			return false
		}
		return e.isName(t.term) || strings.HasPrefix(t.term, "alias:") || isNoun(t.word) && !isVerb(t.word)
	})
}

// claimSaidTogether reports whether one sentence of the facts holds every content term of a
// claim of two or more, none of them denied or hedged there.
func (e *Engine) claimSaidTogether(toks []token, f fact) bool {
	var terms []string
	for _, t := range toks {
		if t.stop || t.number || askersVerbs[t.word] {
			continue
		}
		if !f.terms[t.term] || f.negated[t.term] >= 0 || f.hedged[t.term] > 0 {
			return false
		}
		terms = append(terms, t.term)
	}
	return len(terms) >= 2 && slices.ContainsFunc(f.clauses, func(c []string) bool {
		return !slices.ContainsFunc(terms, func(t string) bool { return !slices.Contains(c, t) })
	})
}

// beliefVerbs report what some hold, not what is so: "many in Iran believe", "some in
// Iran maintain that…".
var beliefVerbs = map[string]bool{"believe": true, "believes": true, "maintain": true, "allegedly": true, "alleged": true}

// onlyBelieved reports whether every term of a claim that the facts hold stands only in
// sentences that report what some believe, and the claim does not itself ask what they
// believe: "did israel back jaish al-adl?" against "many in Iran believe it is linked to
// Israel".
func onlyBelieved(ws []string, toks []token, f fact) bool {
	if slices.ContainsFunc(ws, func(w string) bool {
		return beliefVerbs[w] || w == "think" || w == "thinks" || w == "say" || w == "says" || w == "claim" || w == "claims"
	}) {
		return false
	}
	held := 0
	for _, t := range toks {
		if t.stop || t.number || !f.terms[t.term] {
			continue
		}
		if f.believed[t.term] <= 0 {
			return false
		}
		held++
	}
	return held > 0
}

// hedgingAdverbs hedge what follows them in a sentence: "potentially strategic bonds".
var hedgingAdverbs = map[string]bool{"likely": true, "unlikely": true, "possibly": true, "perhaps": true, "potentially": true}

// hedges say that something could be, or was to be, not that it is: "China could make an
// effective mediator".
var hedges = map[string]bool{"could": true, "might": true, "may": true, "would": true,
	"likely": true, "unlikely": true, "possibly": true, "perhaps": true, "potentially": true,
	"can": true, "whether": true,
	// Plans are not deeds: "was due to visit Pakistan on 29 January".
	"due": true, "expected": true, "planned": true, "scheduled": true,
	// Aims are not outcomes: "was meant to deter Jaish al-Adl".
	"meant": true, "intended": true}

// plans among hedges tell what was to be, not what might be.
var plans = map[string]bool{"due": true, "expected": true, "planned": true, "scheduled": true}

// futureWords make a claim one of what will happen: "will they go to war?", which facts
// that say it is unlikely, or only could be, do not confirm.
var futureWords = map[string]bool{"will": true, "gonna": true, "going": true, "wont": true, "coming": true}

// happenedWords make a claim one of what happened: "did", "has … yet", "ended up".
var happenedWords = map[string]bool{"did": true, "didnt": true, "has": true, "hasnt": true,
	"have": true, "havent": true, "had": true, "ended": true, "end": true, "yet": true, "already": true}

// unheldObject returns a common noun of a claim that follows a possessive ("army" in
// "iran's army") and that the facts never use, or "".
func (e *Engine) unheldObject(toks []token, f fact) string {
	for _, t := range objects(toks) {
		if !t.stop && !t.number && !e.isName(t.term) && !f.terms[t.term] && !strings.HasPrefix(t.term, "alias:") && isNoun(t.word) {
			if _, inBase := e.terms[t.term]; inBase {
				return t.word
			}
		}
	}
	return ""
}

// possessed reports whether a claim's term follows a possessive: "military" in "did
// iran target pakistan's military?", what the deed was done to, however common a word.
func possessed(toks []token, term string) bool {
	return slices.ContainsFunc(objects(toks), func(t token) bool { return t.term == term })
}

// objects returns the tokens of a claim that follow a possessive: "army" in "iran's army".
func objects(toks []token) []token {
	var out []token
	for i := 1; i < len(toks); i++ {
		if toks[i-1].owner {
			out = append(out, toks[i])
		}
	}
	return out
}

// exclusiveWhy is decide's reason for a claim that something was the only one, which
// facts that tell of it alone do not confirm: they are given as they are.
const exclusiveWhy = "the facts do not say it was the only one"

// exclusive reports whether a claim says its subject or object is the only one: "only",
// "solely", "the one who".
func exclusive(ws []string) bool {
	for i, w := range ws {
		switch {
		case w == "solely" || w == "exclusively":
			return true
		case w == "only" && (i == 0 || ws[i-1] != "not" && ws[i-1] != "the"):
			return true // "not only", "the only": no claim that there is no other
		case w == "one" && i > 0 && ws[i-1] == "the" && i+1 < len(ws) && (ws[i+1] == "who" || ws[i+1] == "that" || ws[i+1] == "wholl" || strings.HasSuffix(ws[i+1], "ing")):
			return true
		}
	}
	return false
}

// unconfirmedNumber returns a number of a claim that the facts do not give, or "".
func unconfirmedNumber(toks []token, f fact) string {
	for _, n := range slices.Sorted(maps.Keys(numbers(toks))) {
		if !f.numbers[n] {
			return strconv.Itoa(n)
		}
	}
	for _, y := range slices.Sorted(maps.Keys(years(toks))) {
		if !f.years[y] {
			return strconv.Itoa(y) // "attacked on its own soil like 2020", where the facts give no year
		}
	}
	return ""
}

// years returns the years tokens name: four digits from 1900 to 2100.
func years(toks []token) map[int]bool {
	out := map[int]bool{}
	for _, t := range toks {
		if !t.number || len(t.term) != 4 {
			continue
		}
		if y, err := strconv.Atoi(t.term); err == nil && y >= 1900 && y <= 2100 {
			out[y] = true
		}
	}
	return out
}

// onlySubjectWhy is decide's reason for a claim that says nothing of its one name.
const onlySubjectWhy = "nothing claimed of the subject"

// onlyASubject reports whether every content word of a claim is one name, so that it
// says nothing of it: "did china help?", once "help" is read as the asker's.
func (e *Engine) onlyASubject(toks []token) bool {
	name := ""
	for _, t := range toks {
		if t.number {
			return false
		}
		if t.stop {
			continue
		}
		if !e.isName(t.term) || name != "" && name != t.term {
			return false
		}
		name = t.term
	}
	return name != ""
}

// unconfirmedWhy begins decide's reason for a claim that says what no fact does.
const unconfirmedWhy = "unconfirmed: "

// apartWhy is decide's reason for a claim whose deed the facts tell, but not of its subject.
const apartWhy = "not said of the subject: "

// forecastWhy is decide's reason for a claim of what will be, which the facts say only
// could, or is unlikely to, be so.
const forecastWhy = "the facts say how likely it is"

// hedgedWhy is decide's reason for a claim the facts say only could be so.
const hedgedWhy = "the facts say only that it could be so"

// successWords claim that something worked: "did it work?", "was it successful?".
var successWords = map[string]bool{"work": true, "worked": true, "works": true, "succeed": true,
	"succeeded": true, "success": true, "successful": true, "effective": true}

// provenanceWords say where something was made or came from: "Chinese-made".
var provenanceWords = map[string]bool{"made": true, "built": true, "supplied": true,
	"manufactured": true, "produced": true, "designed": true, "sourced": true}

// provenance reports whether the token at i names where something was made: "Chinese" in
// "Chinese-made", "China" in "made in China".
func provenance(toks []token, i int) bool {
	return i+1 < len(toks) && provenanceWords[toks[i+1].word] ||
		i >= 2 && toks[i-1].word == "in" && provenanceWords[toks[i-2].word] ||
		i >= 1 && provenanceWords[toks[i-1].word]
}

// unconfirmed returns a noun a claim says of its subject that the base never uses, or
// where something was made, which no fact says, or "".
func (e *Engine) unconfirmed(toks []token) string {
	subject := false
	for i, t := range toks {
		if t.stop || t.number {
			continue
		}
		if provenance(toks, i) && e.isName(t.term) {
			return t.word
		}
		if e.isName(t.term) {
			subject = true
			continue
		}
		if _, inBase := e.terms[t.term]; subject && !inBase && t.word != "" && everydayClass(t.word) == classNoun {
			return t.word
		}
	}
	return ""
}

// predicateUnsaid returns a word of a claim that says what it asserts of its names and
// that the base never uses ("affect flights", "a code name"), so that no fact can
// confirm it, or "". Modifiers ("alongside", "somewhere") and the asker's own verbs
// ("do you remember…", "did she find it surprising") assert nothing.
func (e *Engine) predicateUnsaid(toks []token) string {
	for _, t := range toks {
		if _, count := numberValue[t.term]; t.stop || t.number || count || t.word == "" || askersVerbs[t.word] || (t.class != classOrdinary && t.class != classNoun) {
			continue
		}
		if _, inBase := e.terms[t.term]; inBase || isAdverb(t.word) || !isNoun(t.word) && !isVerb(t.word) {
			continue
		}
		return t.word
	}
	return ""
}

// askersVerbs tell of the asker, or of how a claim reached them, not of what it claims:
// "do you remember the date…", "ppl keep bringing it up", "did she find it surprising".
var askersVerbs = map[string]bool{"remember": true, "find": true, "found": true, "keep": true,
	"keeps": true, "bring": true, "bringing": true, "brought": true, "hear": true, "heard": true,
	"read": true, "see": true, "seen": true, "saw": true, "think": true, "thought": true,
	"know": true, "knew": true, "believe": true, "mean": true, "check": true,
	"confirm": true, "verify": true, "wrap": true}

// contradicted returns the details a No's reason names: "contradicted: a, b" gives a and b.
func contradicted(why string) []string {
	rest, ok := strings.CutPrefix(why, "contradicted: ")
	if !ok {
		return nil
	}
	return strings.Split(rest, ", ")
}

// onlyNames reports whether every conflict is a name: a wrong name makes the claim wrong,
// whatever else holds ("Vaez is with the Swedish Institute").
func onlyNames(conflicts []string) bool {
	for _, c := range conflicts {
		if c == "denied" || (c != "" && c[0] >= '0' && c[0] <= '9') || strings.Contains(c, " ") && !strings.HasPrefix(c, "whose ") {
			return false
		}
	}
	return true
}

// isSpecific reports whether a term is the article's own: a name, an alias group (the
// base's own vocabulary: "ambassadors", "retaliation"), or a word no English lexicon has.
func (e *Engine) isSpecific(term string) bool {
	return strings.HasPrefix(term, "alias:") || e.an.specific[term]
}

// isName reports whether a term names something: the canonical term of a group of names
// or a word the base only ever writes capitalised.
func (e *Engine) isName(term string) bool {
	return e.an.nameGroups[term] || e.an.nameStems[term]
}

func (d date) String() string {
	if d.day == 0 {
		return d.month
	}
	return strconv.Itoa(d.day) + " " + d.month
}

// in reports whether the date agrees with one of the facts' dates: the same day of the
// same month, or, for a whole month, any day of it.
func (d date) in(ds []date) bool {
	for _, o := range ds {
		if o.month == d.month && (d.day == 0 || o.day == 0 || o.day == d.day) {
			return true
		}
	}
	return false
}

// dates returns the dates that tokens give: "16 January", "January 16", "in February".
func dates(toks []token) []date {
	var out []date
	for i, t := range toks {
		if !months[t.term] {
			continue
		}
		d := date{month: monthStem(t.term)}
		if i > 0 {
			d.day = dayNumber(toks[i-1].term)
		}
		if d.day == 0 && i+1 < len(toks) {
			d.day = dayNumber(toks[i+1].term)
		}
		if d.day == 0 && (t.term == "may" || t.term == "mar") {
			continue // "Iran may", "to mar": a month only beside a day
		}
		out = append(out, d)
	}
	return out
}

// hasDate reports whether tokens give a date.
func hasDate(toks []token) bool { return len(dates(toks)) > 0 }

// monthStem maps a month's stem or abbreviation to the stem of its full name.
func monthStem(s string) string {
	if full, ok := monthAbbrev[s]; ok {
		return full
	}
	return s
}

var monthAbbrev = map[string]string{
	"jan": stem("january"), "feb": stem("february"), "mar": stem("march"), "apr": stem("april"),
	"jun": stem("june"), "jul": stem("july"), "aug": stem("august"), "sep": stem("september"),
	"sept": stem("september"), "oct": stem("october"), "nov": stem("november"), "dec": stem("december"),
}

// dayNumber reads a day of the month, "16" or "16th", or returns 0.
func dayNumber(s string) int {
	s = strings.TrimRight(s, "stndrh")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

// numberValue holds the numbers an answer or a claim may spell out, by stem; "one" is
// left out, since "the one who" counts nothing.
var numberValue = func() map[string]int {
	m := map[string]int{}
	for w, n := range map[string]int{
		"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50,
		"hundred": 100, "couple": 2, "pair": 2, "dozen": 12,
	} {
		m[stem(w)] = n
	}
	return m
}()

// numbers returns the counts that tokens give, leaving out dates and years.
func numbers(toks []token) map[int]bool {
	out := map[int]bool{}
	for i, t := range toks {
		if inDate(toks, i) {
			continue
		}
		if n, ok := numberValue[t.term]; ok {
			out[n] = true
			continue
		}
		if n, err := strconv.Atoi(t.term); err == nil && t.number {
			out[n] = true
		}
	}
	return out
}

// tolls returns the numbers of a text that count the dead or the injured, by what they
// count: a number with "killed", "dead" or "injured" within two words of it, the nearest,
// and the one after the number first ("100 dead and 284 injured").
func tolls(toks []token) map[int]string {
	var out map[int]string
	for i, t := range toks {
		if !t.number || inDate(toks, i) {
			continue
		}
		n, ok := numberValue[t.term]
		if !ok {
			v, err := strconv.Atoi(t.term)
			if err != nil {
				continue
			}
			n = v
		}
	near:
		for d := 1; d <= 2; d++ {
			for _, k := range []int{i + d, i - d} {
				if k >= 0 && k < len(toks) && (toks[k].term == "alias:kill" || toks[k].term == "alias:injur") {
					if out == nil {
						out = map[int]string{}
					}
					out[n] = toks[k].term
					break near
				}
			}
		}
		// "two children were killed": the dead, then a form of "be", then the verb.
		if k := i + 3; k < len(toks) && out[n] == "" && beForms[toks[i+2].word] && (toks[k].term == "alias:kill" || toks[k].term == "alias:injur") {
			if out == nil {
				out = map[int]string{}
			}
			out[n] = toks[k].term
		}
	}
	return out
}

// firstEver reports whether a claim says something happened for the first time ever:
// "the first time iran was ever attacked", "a first in history".
func firstEver(ws []string) bool {
	return slices.Contains(ws, "first") && !slices.Contains(ws, "since") &&
		slices.ContainsFunc(ws, func(w string) bool { return w == "ever" || w == "history" || w == "evr" })
}

// modalPerfect reports whether words say what should, could or would have been ("Iran
// should've shared intelligence"), which the facts' own "should have" confirms.
func modalPerfect(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "shoulda", "coulda", "woulda", "shouldve", "couldve", "wouldve":
			return true
		case "should", "could", "would":
			if i+1 < len(ws) && (ws[i+1] == "have" || ws[i+1] == "ve" || ws[i+1] == "of") {
				return true
			}
		}
	}
	return false
}

// strangeWord reports whether a word of a claim is a name, or a word no dictionary has,
// that the base never uses.
func (e *Engine) strangeWord(t token) bool {
	if t.word == "" || months[t.term] {
		return false
	}
	if _, inBase := e.terms[t.term]; inBase {
		return false
	}
	c := everydayClass(t.word)
	return c == className || c == classUnknown
}

// claimDoer returns the name a claim makes the doer of a strike ("Iran struck Pakistan"),
// or "".
func (e *Engine) claimDoer(toks []token) string {
	// "javidanfar was killed by pakistan's strike": the doer after "by", of a killing.
	if slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:kill" }) {
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].word == "by" && !toks[i+1].stop && e.isName(toks[i+1].term) {
				if doer := strings.TrimPrefix(toks[i+1].term, "alias:"); e.isAgent(doer) {
					return doer
				}
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		next := toks[i+1]
		if beForms[next.word] && i+2 < len(toks) && strings.HasSuffix(toks[i+2].word, "ing") {
			next = toks[i+2] // "iran was targeting pakistan's army": the doer of a deed in progress
		}
		if !toks[i].stop && e.isName(toks[i].term) && !toks[i].owner && (next.term == "alias:strike" || next.term == "alias:retali") {
			doer := strings.TrimPrefix(toks[i].term, "alias:")
			if !e.isAgent(doer) {
				continue // "the Rask attack", "the Saravan strikes": where, not who
			}
			return doer
		}
	}
	return ""
}

// unknownDoer returns the name a claim makes the doer of a strike where no entry makes
// it one ("did the US strike anything in response?"), or "": the article tells of no
// strike of theirs.
func (e *Engine) unknownDoer(toks []token) string {
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].stop && e.isName(toks[i].term) && !toks[i].owner && (toks[i+1].term == "alias:strike" || toks[i+1].term == "alias:retali") {
			if _, place := e.placeKind[toks[i].term]; place || e.isAgent(strings.TrimPrefix(toks[i].term, "alias:")) {
				return ""
			}
			return toks[i].word
		}
	}
	return ""
}

// unheld returns a rare word of the base that a claim says and the facts never use,
// names aside, or "".
func (e *Engine) unheld(toks []token, f fact) string {
	for _, i := range e.unsaid(toks, f) {
		if e.idfOf(toks[i].term) > e.maxIDF*rareShare {
			return toks[i].word
		}
	}
	return ""
}

// unsaid returns where a claim says a word of the base, no name, that the facts never
// use: an everyday word the base never uses says nothing either way.
func (e *Engine) unsaid(toks []token, f fact) []int {
	var out []int
	for i, t := range toks {
		if t.stop || t.number || e.isName(t.term) || f.terms[t.term] {
			continue
		}
		if _, inBase := e.terms[t.term]; inBase {
			out = append(out, i)
		}
	}
	return out
}

// rareShare is the share of the highest IDF over which a word is rare in the base: said
// in a few entries, so that one that never says it does not say what the word does.
var rareShare = 0.7

// isAgent reports whether some entry's title makes the name the doer of what it tells.
func (e *Engine) isAgent(name string) bool {
	return slices.ContainsFunc(e.docs, func(d doc) bool { return d.agent != "" && sameAgent(name, d.agent) })
}

// heldBesides reports whether the facts use every word of the base that a claim says,
// names aside and the word after a name they contradict or deny ("Pakistani forces"):
// whether what makes the claim false is only its names.
func (e *Engine) heldBesides(toks []token, f fact) bool {
	for _, i := range e.unsaid(toks, f) {
		// "Pakistani forces" where the facts name others; "Iranian civilians" where they
		// deny any Iranian died.
		// "a Hezbollah commander": a name the article never uses, where the facts say whose
		// he was, is what is wrong with it.
		prev := toks[max(0, i-1)]
		if i == 0 || !e.isName(prev.term) && prev.class != className || f.terms[prev.term] && !deniedIn(f, prev.term) {
			return false
		}
	}
	return true
}

// orderOf adds to what an answer said so far of the order of events what words say: "after"
// for "one day after", "later", "following"; "before" for "before", "earlier", "prior to";
// "both" once it says each.
func orderOf(order string, ws []string) string {
	for _, w := range ws {
		var o string
		switch w {
		case "after", "later", "following", "afterwards":
			o = "after"
		case "before", "earlier", "prior":
			o = "before"
		default:
			continue
		}
		if order == "" {
			order = o
		} else if order != o {
			order = "both"
		}
	}
	return order
}

// deniedIn reports whether the facts deny a term in some clause: "No Iranian citizens died".
func deniedIn(f fact, term string) bool {
	n, ok := f.negated[term]
	return ok && n >= 0
}

// otherPerson reports whether a term is a person of the base and the entry names someone
// else, a name that is no place: the author where the claim names an expert.
func (e *Engine) otherPerson(term string, d doc) bool {
	if _, ok := e.personTerms[term]; !ok {
		return false
	}
	for t := range d.facts.terms {
		if _, place := e.placeKind[t]; t != term && e.isName(t) && !place && !e.placeTerms[t] && e.an.nameStems[t] {
			return true
		}
	}
	return false
}

// holdsAWord reports whether the facts use a word of the claim that is the base's own and
// no name: what the claim says, not only whom it is about.
func (e *Engine) holdsAWord(toks []token, f fact) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return !t.stop && !t.number && !e.isName(t.term) && f.terms[t.term] })
}

// strangeSubject returns a claim's subject, its first name, when the article never names
// it: what the claim says of it is nothing the facts can settle.
func (e *Engine) strangeSubject(toks []token) (string, bool) {
	for i, t := range toks {
		switch {
		case t.stop || t.number:
		case e.isName(t.term):
			return "", false
		case t.word != "" && !t.known && !months[t.term]:
			if _, inBase := e.terms[t.term]; inBase {
				continue
			}
			if c := everydayClass(t.word); c == className || c == classUnknown {
				return t.word, true // a name, or a word no dictionary has: "Biden"
			}
			// "did trump say anything": the one who says, an everyday word as it may be.
			if i > 0 && auxiliaries[toks[i-1].word] && i+1 < len(toks) && sayWords[toks[i+1].word] {
				return t.word, true
			}
		}
	}
	return "", false
}

// spanUnits are the units of a span of time, in days.
var spanUnits = map[string]int{"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "hour": 0, "hours": 0}

// spans returns the spans of time that words give before or after something, in days:
// "two days later" 2, "a week after" 7, "the next day" 1.
func spans(ws []string) []int {
	var out []int
	for i, w := range ws {
		unit, ok := spanUnits[w]
		if !ok || i == 0 {
			continue
		}
		// A span is counted from something: "later", "after", "before", "earlier".
		if i+1 >= len(ws) || !spanEnds[ws[i+1]] {
			continue
		}
		n := ws[i-1]
		if spanIntensifiers[n] && i >= 2 && (ws[i-2] == "a" || ws[i-2] == "one") {
			n = "a" // "a full week later", "one whole day after"
		}
		switch {
		case n == "a" || n == "one" || n == "next" || n == "following":
			out = append(out, unit)
		case numberWord(n) > 0:
			out = append(out, numberWord(n)*unit)
		case n == "couple" || i >= 3 && ws[i-2] == "couple" && n == "of":
			out = append(out, 2*unit)
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "same" && ws[i+1] == "day" {
			out = append(out, 0) // "the very same day"
		}
		// "the next day", "the following day", "the day after".
		if (ws[i] == "next" || ws[i] == "following") && ws[i+1] == "day" && (i+2 >= len(ws) || !spanEnds[ws[i+2]]) {
			out = append(out, 1)
		}
	}
	return out
}

// otherSpan reports whether words claim a span of time that the facts, which give spans,
// never give: "pakistan hit back a full week later", where they say two days.
func otherSpan(ws []string, f fact) bool {
	claimed := spans(ws)
	return len(claimed) > 0 && len(f.spans) > 0 && !slices.ContainsFunc(claimed, func(d int) bool { return f.spans[d] })
}

// spanIntensifiers stand between "a" and a unit of time without changing the span.
var spanIntensifiers = map[string]bool{"full": true, "whole": true, "entire": true, "good": true}

// spanEnds say from what a span is counted.
var spanEnds = map[string]bool{"later": true, "after": true, "before": true, "earlier": true, "prior": true, "afterwards": true}

// inSpan reports whether the token at i is part of a span of time: "day" or "next" in
// "the next day".
func inSpan(toks []token, i int) bool {
	if _, ok := spanUnits[toks[i].word]; ok {
		return true
	}
	w := toks[i].word
	_, unitNext := spanUnits[wordAt(toks, i+1)]
	return (w == "next" || w == "following" || w == "couple" || w == "same" || spanIntensifiers[w]) && unitNext
}

// wordAt returns the word of the token at i, or "".
func wordAt(toks []token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].word
}

// againWords make a claim of another event than the one the article tells of.
var againWords = map[string]bool{"again": true, "another": true, "second": true, "anew": true, "later": true}

// laterEvent returns the month of a claim of another event ("again in February") when
// the base dates nothing in that month.
func (e *Engine) laterEvent(ws []string, toks []token) (string, bool) {
	// "did the feb 2024 pakistani election change anything?": a thing the base never
	// names, in a month it never dates, is another event as surely as "again" makes one.
	// A claim with a word of the base's own besides names ("ambassadors are going back
	// in march") is of the base's event, at a wrong date.
	ds := dates(toks)
	other, own := false, false
	for _, t := range toks {
		if t.stop || t.number || slices.ContainsFunc(ds, func(d date) bool { return d.month == t.term }) {
			continue
		}
		_, known := e.terms[t.term]
		other = other || !known
		own = own || known && !e.isName(t.term)
	}
	other = other && !own
	if !other && !slices.ContainsFunc(ws, func(w string) bool { return againWords[w] }) {
		return "", false
	}
	for _, d := range ds {
		if !e.datesIn(d.month) {
			return d.month, true
		}
	}
	return "", false
}

// datesIn reports whether any entry gives a date in a month.
func (e *Engine) datesIn(month string) bool {
	for _, d := range e.docs {
		for _, dt := range d.facts.dates {
			if dt.month == month {
				return true
			}
		}
	}
	return false
}

// militaryRanks are the ranks a claim may give someone the facts give another.
var militaryRanks = []string{"general", "colonel", "major", "captain", "lieutenant", "brigadier",
	"sergeant", "commander", "admiral", "marshal", "commodore"}

// otherRank returns the rank a claim names that the facts do not, where they name another,
// or "".
func otherRank(toks []token, f fact) string {
	has := func(r string) bool { return f.terms[stem(r)] }
	if !slices.ContainsFunc(militaryRanks, has) {
		return ""
	}
	for _, t := range toks {
		if !t.stop && slices.Contains(militaryRanks, t.word) && !has(t.word) {
			return t.word
		}
	}
	return ""
}

// tellsOfTheRest reports whether facts hold what a claim says besides the words the
// article never uses: every name and term of the base's own it uses, and half the weight
// of its other words, so that the entry is of what the claim is about.
func (e *Engine) tellsOfTheRest(toks []token, f fact) bool {
	var all, held float64
	n := 0
	for i, t := range toks {
		id, known := e.terms[t.term]
		if t.stop || t.number || !known || slices.ContainsFunc(toks[:i], func(p token) bool { return p.term == t.term }) {
			continue
		}
		all += e.idf[id]
		switch {
		case f.terms[t.term]:
			held += e.idf[id]
			n++
		case e.isName(t.term) || strings.HasPrefix(t.term, "alias:"):
			return false
		}
	}
	return n >= 1 && held >= 0.5*all
}

// countsWhatIsNotGiven reports whether a claim holds a number that is no date: a count,
// a cost, a share.
func countsWhatIsNotGiven(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return t.number && !months[t.term] })
}

// unsaidThing reports whether a claim's word that no fact confirms is an everyday thing
// the lexicon knows ("an offshoot of…"), not a name or a place ("in geneva").
func unsaidThing(ws []string, w string) bool {
	if e, ok := lookup(w); !ok || e.Proper {
		return false
	}
	i := slices.Index(ws, w)
	return i >= 0 && (i == 0 || !prepositions[ws[i-1]])
}
