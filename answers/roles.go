package answers

import (
	"slices"
	"strings"
)

// possessions maps each term that a name owns in text to its owners: "Iran's foreign
// minister" gives foreign minister → iran. It is how the engine tells one country's
// official, or one side's response, from the other's.
func (e *Engine) possessions(toks []token) map[string][]string {
	var out map[string][]string
	for i, t := range toks {
		owner, ok := demonyms[t.term]
		if !ok {
			if !t.owner || !e.isName(t.term) {
				continue
			}
			owner = strings.TrimPrefix(t.term, "alias:")
		}
		for _, h := range toks[i+1:] {
			if h.stop || h.number || e.isName(h.term) || participle(h.word) {
				break // "Javidanfar's guards died": the guards are his, the deaths are not
			}
			if out == nil {
				out = map[string][]string{}
			}
			out[h.term] = append(out[h.term], owner)
		}
	}
	return out
}

// demonyms own what follows them as the country's name does: the "Iranian foreign
// minister" is Iran's.
var demonyms = map[string]string{stem("iranian"): "iran", stem("pakistani"): "pakistan"}

// demonymOf is demonyms turned round: by a country's alias term, its people's stem.
var demonymOf = func() map[string]string {
	m := map[string]string{}
	for d, c := range demonyms {
		m["alias:"+c] = d
	}
	return m
}()

// sideNouns after a people's name stand for its state, as the country's name does: "the
// Iranian missiles" are Iran's, "Pakistani officials" Islamabad's.
var sideNouns = map[string]bool{"alias:strike": true, stem("missiles"): true, stem("officials"): true,
	stem("authorities"): true, stem("government"): true, stem("leaders"): true, stem("leadership"): true,
	stem("diplomats"): true, stem("side"): true, stem("state"): true}

// otherOwner reports whether an entry gives a term the question asks about as another
// name's: the question asks for Pakistan's prime minister, the entry names Iran's.
func otherOwner(asked, given map[string][]string) (string, bool) {
	for term, owners := range asked {
		theirs, ok := given[term]
		if !ok {
			continue
		}
		mine := false
		for _, a := range owners {
			for _, b := range theirs {
				mine = mine || sameAgent(a, b)
			}
		}
		if !mine {
			return term, true
		}
	}
	return "", false
}

// named returns the terms that text gives a proper name for: a word beside a name ("the
// BLA", "Colonel Javidanfar"), "X of NAME", or a word in the phrase that follows a name
// ("Jaish al-Adl, a militant Baloch separatist group"). "A village in Pakistan's
// Balochistan" names no village.
func (e *Engine) named(toks []token) map[string]bool {
	out := map[string]bool{}
	isName := func(t token) bool { return !t.stop && e.isName(t.term) }
	for i, t := range toks {
		if t.stop || t.number || isName(t) {
			continue
		}
		switch {
		case i > 0 && isName(toks[i-1]) && !toks[i-1].owner, i+1 < len(toks) && isName(toks[i+1]):
			out[t.term] = true
		case i+2 < len(toks) && toks[i+1].term == "of" && isName(toks[i+2]):
			out[t.term] = true
		}
	}
	for i, t := range toks {
		if !isName(t) || i+1 >= len(toks) {
			continue
		}
		// "Jaish al-Adl, a militant … group", "Abdollahian is Iran's Foreign Minister".
		j := i + 1
		if w := toks[j].word; w == "is" || w == "was" || w == "are" || w == "were" {
			j++
		}
		if j < len(toks) && (toks[j].word == "a" || toks[j].word == "an" || toks[j].word == "the") {
			j++
		}
		if j == i+1 {
			continue
		}
		for _, n := range toks[j:min(len(toks), j+5)] {
			if n.stop || strings.HasSuffix(n.word, "ing") && participle(n.word) {
				break // "talks between Iran and Pakistan were ongoing, including…" names nothing
			}
			out[n.term] = true
		}
	}
	return out
}

// modified returns the terms that text qualifies with a word before them: "long-range"
// in "long-range missiles", "separatist" in "separatist group". A question on the type of
// drones needs an answer that says what drones.
func modified(toks []token) map[string]bool {
	out := map[string]bool{}
	for _, t := range toks {
		// "an airstrike" tells the sort of strike in one word.
		for _, q := range compoundQualifiers {
			if strings.HasPrefix(t.word, q) && len(t.word) > len(q)+3 && !t.stop {
				out[t.term] = true
			}
		}
	}
	for i := 1; i < len(toks); i++ {
		// "naval exercises" tells their sort; "using drones" tells none.
		if prev := toks[i-1].word; !toks[i].stop && !toks[i-1].stop && !toks[i-1].number && !(strings.HasSuffix(prev, "ing") && participle(prev)) {
			out[toks[i].term] = true
		}
	}
	return out
}

// compoundQualifiers begin words that are a sort of thing in one: "airstrike", "airbase".
var compoundQualifiers = []string{"air", "drone", "missile", "rocket"}

// subtypeWords ask what sort of a thing: "what type of drones", "which model".
var subtypeWords = map[string]bool{"type": true, "types": true, "kind": true, "kinds": true,
	"sort": true, "model": true, "models": true, "make": true, "brand": true, "variety": true, "class": true}

// askedSubtype returns the term whose sort a question asks for, "drones" in "what type
// of drones", or "".
func askedSubtype(toks []token) string {
	for i := 0; i+2 < len(toks); i++ {
		if subtypeWords[toks[i].word] && toks[i+1].word == "of" && !toks[i+2].stop {
			if i > 0 && demonstratives[toks[i-1].word] {
				continue // "this kind of problem" names a sort, it does not ask one
			}
			return toks[i+2].term
		}
	}
	// "what drone type did pakistan fly", "which missile model": the noun before it.
	for i := 2; i < len(toks); i++ {
		if subtypeWords[toks[i].word] && toks[i].word != "make" && (toks[i-2].word == "what" || toks[i-2].word == "which") &&
			!toks[i-1].stop && !toks[i-1].number {
			return toks[i-1].term
		}
	}
	return ""
}

// demonstratives point at a thing already named: "this kind of problem".
var demonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true, "such": true}

// asItsExpert reads an institution named as someone, "the crisis group guy", or as
// saying something, "what does the crisis group say", as the one expert the article
// quotes from it.
func (e *Engine) asItsExpert(toks []token) []token {
	for i, t := range toks {
		person, ok := e.staffOf[t.term]
		if !ok || t.stop || t.part {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].part {
				continue // the other words of the institution's name
			}
			if personNouns[toks[k].word] {
				toks[i].term, toks[k].stop = person, true
			} else if sayWords[toks[k].word] {
				toks[i].term = person
			}
			break
		}
	}
	return toks
}

// personNouns name someone by what they are: "the crisis group guy".
var personNouns = map[string]bool{"guy": true, "person": true, "expert": true, "analyst": true, "lady": true,
	"woman": true, "man": true, "dude": true, "fellow": true, "researcher": true, "scholar": true,
	"prof": true, "professor": true, "one": true, "director": true, "head": true}

// speakerOf returns whose words a "what did X say" question asks for, as a term: the
// name just before the verb of saying ("what did Parsi say", "what did the US say about
// it"), or "" when it names none.
func (e *Engine) speakerOf(toks []token) string {
	// "what do pakistanis think of iran now, according to karim?": the one whose account
	// is asked for speaks, not the Pakistanis.
	for i, t := range toks {
		if t.word != "per" && !(t.word == "to" && i > 0 && toks[i-1].word == "according") {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if _, person := e.personTerms[toks[k].term]; !toks[k].stop && person {
				return toks[k].term
			}
		}
	}
	for i, t := range toks {
		if !sayWords[t.word] {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if !toks[k].stop && e.isName(toks[k].term) {
				if country, ok := demonyms[toks[k].term]; ok {
					return "alias:" + country // "Pakistani officials" speak for Pakistan
				}
				if person, ok := e.staffOf[toks[k].term]; ok {
					return person // "what did the crisis group guy say": Vaez
				}
				return toks[k].term
			}
		}
		return ""
	}
	return ""
}

// participle reports whether a word is a verb's -ed or -ing form ("killed", "fired"),
// which follows the noun a phrase is about rather than naming it.
func participle(w string) bool {
	switch {
	case irregularParticiples[w]:
		return true
	case strings.HasSuffix(w, "ing"):
		return isVerb(w) || isVerb(w[:len(w)-3]) || isVerb(w[:len(w)-3]+"e") // "meeting" is a noun too, "meet" a verb; "using" is "use"
	case strings.HasSuffix(w, "ed"):
		return isVerb(w) || isVerb(w[:len(w)-2]) || isVerb(w[:len(w)-1]) // "wounded" is an adjective too, "wound" a verb
	}
	return false
}

// irregularParticiples are past participles without "-ed" that are not also a past
// tense ("hit", "held"): "where was he born".
var irregularParticiples = map[string]bool{"born": true, "known": true, "seen": true, "given": true,
	"taken": true, "shown": true, "thrown": true, "hidden": true, "written": true, "spoken": true,
	"chosen": true, "broken": true, "driven": true, "drawn": true, "done": true, "gone": true}

// possessivePronouns own a name: "his name", "their names".
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true}

// namingWords ask for a name: "the name of the village", "what was it called".
var namingWords = map[string]bool{"name": true, "names": true, "named": true, "called": true,
	"codename": true, "call": true, "title": true}

// nearWords place what follows them beside what comes before: "the city near where…".
var nearWords = map[string]bool{"near": true, "nearby": true, "around": true, "outside": true, "inside": true,
	"beside": true, "close": true, "next": true, "across": true, "along": true, "behind": true, "within": true}

// askedName returns the term a question asks the name of, or "" when it asks none: the
// last word of "the name of the village", the word before "names" in "the kids' names",
// the subject of "what was the operation called".
func (e *Engine) askedName(toks []token) string {
	content := func(t token) bool {
		return !t.stop && !t.number && !e.isName(t.term) && !namingWords[t.word] && !wholeWords[t.term]
	}
	for i, t := range toks {
		if !namingWords[t.word] {
			continue
		}
		switch t.word {
		case "name", "names", "codename", "title":
			if t.term == "alias:job" {
				continue // "her job title" asks her job, not a name
			}
			// "the name of the village Iran hit", "the code name of Pakistan's military
			// operation": the last word of the first run of words after "of".
			if i+1 < len(toks) && toks[i+1].term == "of" {
				last := ""
				for _, n := range toks[i+2:] {
					if last != "" && (participle(n.word) || nearWords[n.word]) {
						break // "the names of the two kids killed in…" asks the kids' names; "the city near…", the city's
					}
					if content(n) {
						last = n.term
					} else if last != "" {
						break
					}
				}
				if last != "" {
					return last
				}
			}
			// "the kids' names", "the village's name"; "his name" is the name of whom the
			// question speaks, not of a thing before it.
			for k := i - 1; k >= 0; k-- {
				if possessivePronouns[toks[k].word] {
					break
				}
				if content(toks[k]) {
					return toks[k].term
				}
				if !toks[k].stop {
					break
				}
			}
		case "called", "named", "call":
			// "what was Pakistan's operation called": the last word before it; "who
			// called the strike an unforced error" asks no name.
			for _, n := range toks[i+1:] {
				if !n.stop {
					return "" // "what did the FM call Jaish al-Adl" asks what he called it
				}
			}
			for k := i - 1; k >= 0; k-- {
				if content(toks[k]) {
					return toks[k].term
				}
			}
		}
	}
	return ""
}

// deathWords make the name just before them the one who died: "Soleimani died".
var deathWords = map[string]bool{"die": true, "died": true, "dies": true, "dying": true, "dead": true}

// victims returns the people a text tells were killed: "killed Sayyed Razi Mousavi", "the
// killing of Colonel Javidanfar", "the death of Mousavi", "when did Soleimani die",
// "Soleimani was killed". "Two people died in Iran's strike" kills no Iran, "killed
// Pakistani soldiers" no Pakistani, and "the Kerman death toll" no Kerman.
func (e *Engine) victims(toks []token) map[string]bool {
	var out map[string]bool
	add := func(term string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[term] = true
	}
	name := func(t token) bool { return !t.stop && !t.number && e.isName(t.term) }
	person := func(t token) bool { _, ok := e.personTerms[t.term]; return ok }
	for i, t := range toks {
		if t.term != "alias:kill" {
			continue
		}
		if !deathWords[t.word] {
			// The names that follow it as its object, past "the", "a", "of" and a noun
			// of rank ("killed IRGC Colonel Javidanfar"); a name that qualifies a noun
			// ("Pakistani soldiers") is not the one killed.
			for k := i + 1; k < len(toks) && k <= i+5; k++ {
				n := toks[k]
				if name(n) {
					if k+1 < len(toks) && !toks[k+1].stop && !toks[k+1].number && !e.isName(toks[k+1].term) && isNoun(toks[k+1].word) {
						continue
					}
					if person(n) {
						add(n.term)
					}
					continue
				}
				if n.word == "the" || n.word == "a" || n.word == "an" || n.word == "of" || !n.stop && everydayClass(n.word) == classNoun {
					continue
				}
				break
			}
		}
		// "Soleimani died", "Soleimani was killed", "when was Soleimani killed": the word
		// just before it, past "was" and "got", is the name.
		passive := deathWords[t.word]
		for _, b := range toks[max(0, i-4):i] {
			passive = passive || beForms[b.word] || b.word == "got" || b.word == "get"
		}
		if !passive {
			continue
		}
		for k := i - 1; k >= 0; k-- {
			if person(toks[k]) {
				add(toks[k].term)
			}
			if !toks[k].stop {
				break
			}
		}
	}
	return out
}

// claimedWhereabouts returns a place of the map a claim puts in a country, and that
// country's term: "saravan is a pakistani town" puts Saravan in Pakistan, as do "saravan
// is in pakistan" and "the pakistani town of saravan". It returns "", "" when the claim
// puts no place of the map anywhere.
func (e *Engine) claimedWhereabouts(toks []token) (place, country string) {
	countryAt := func(t token) string {
		if c := demonyms[t.term]; c != "" {
			return "alias:" + c
		}
		if _, ok := e.placeKind[t.term]; ok && e.isName(t.term) {
			return t.term // a country or province of the map: "in iran", "in balochistan"
		}
		return ""
	}
	for i, t := range toks {
		if _, ok := e.placeIn[t.term]; !ok {
			continue
		}
		// After the place: "saravan is (located) in pakistan", "saravan is a pakistani town".
		said := false
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			w := toks[j].word
			if beForms[w] || w == "in" || w == "inside" || w == "within" || w == "located" || w == "lies" {
				said = true
				continue
			}
			if w == "a" || w == "an" || w == "the" {
				continue
			}
			if c := countryAt(toks[j]); said && c != "" && c != t.term {
				return t.term, c
			}
			break
		}
		// Before it: "the pakistani town of saravan", "pakistani city saravan".
		k := i - 2 // the people's name, before the kind of place
		if i > 0 && toks[i-1].word == "of" {
			k--
		}
		if k >= 0 && settlementKind(toks[k+1].word) != "" && demonyms[toks[k].term] != "" {
			return t.term, "alias:" + demonyms[toks[k].term]
		}
	}
	return "", ""
}

// anotherDeed returns the owner a claim gives the thing its subject acts on, where the
// facts hold the subject but make that thing another's, and the rest that contradicts the
// claim is only when: "did the UNSC condemn iran's january strike?", where the council
// condemned Jaish al-Adl's attack in December. The claim is then of a deed the facts do
// not tell, not one they deny.
func (e *Engine) anotherDeed(toks []token, q Query, f fact, conflicts []string) (string, bool) {
	subject := e.claimSubject(toks, q)
	if subject == "" || !f.terms[subject] || len(conflicts) == 0 {
		return "", false
	}
	whose, names, dated := "", map[string]bool{}, false
	for _, c := range conflicts {
		switch term, ok := strings.CutPrefix(c, "whose "); {
		case ok:
			whose = term
		case months[c[strings.LastIndexByte(c, ' ')+1:]]: // a date, "januari" or "16 januari"
			dated = true
		case !strings.Contains(c, " "):
			names[c] = true // the owner, whom the facts may not name at all
		default:
			return "", false
		}
	}
	if whose == "" && dated {
		// "did the UNSC condemn the january strikes on pakistan?": the facts date what it
		// condemned otherwise, and the strikes it is asked of, named after it with their
		// month and their target, are a deed the facts do not tell it of.
		at := slices.IndexFunc(toks, func(t token) bool { return t.term == subject })
		deed := slices.IndexFunc(toks, func(t token) bool { return t.term == "alias:strike" })
		if at >= 0 && deed > at && slices.ContainsFunc(toks[at+1:deed], func(t token) bool { return !t.stop && !t.name && isVerb(t.word) }) && !slices.ContainsFunc(toks[:deed], func(t token) bool { return names[t.term] }) {
			return "another", true
		}
	}
	if whose != "alias:strike" && whose != "alias:retali" && whose != "alias:kill" {
		return "", false // "did pakistan target iran's army?": iran's army is no deed of iran's
	}
	// A name after the deed is whom it struck: "iran's january strike on pakistan".
	if at := slices.IndexFunc(toks, func(t token) bool { return t.term == whose }); at >= 0 {
		for _, t := range toks[at+1:] {
			if names[t.term] && !slices.ContainsFunc(toks[:at], func(u token) bool { return u.term == t.term }) {
				delete(names, t.term)
			}
		}
	}
	seenSubject := false
	for i, t := range toks {
		if t.term == subject {
			seenSubject = true
			continue
		}
		if !seenSubject || !t.owner {
			continue // "a pakistani terrorist group" says what the thing is, not whose deed
		}
		delete(names, t.term)
		if len(names) == 0 && slices.ContainsFunc(toks[i+1:], func(h token) bool { return h.term == whose }) {
			return t.word, true
		}
	}
	return "", false
}
