package answers

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// attribute finds the verbatim quote a pasted passage comes from, and replies with its
// speaker, their role and the whole quote.
func (e *Engine) attribute(passage string) (Reply, bool) {
	pw := words(passage)
	best, bestRun := -1, 0
	if len(pw) < 3 {
		// "who said the 'brazen' bit?": a word or two, exactly as one speaker's quote has
		// them, and as no other speaker's does.
		best = e.onlyQuoteWith(pw)
		if best < 0 {
			return Reply{}, false
		}
		bestRun = len(pw)
	} else {
		for i := range e.base.Quotes {
			if run := inOrder(pw, e.quoteWords[i]); run > bestRun {
				best, bestRun = i, run
			}
		}
		// Most of the passage, or of the quote, in the quote's own order: a few words may
		// be misremembered, left out or misspelt.
		if best < 0 || bestRun < 3 || float64(bestRun) < 0.7*float64(min(len(pw), len(e.quoteWords[best]))) {
			return Reply{}, false
		}
	}
	q := e.base.Quotes[best]
	p, _ := e.base.Person(q.Speaker)
	quote := Quote{ID: q.ID, Text: q.Text, Speaker: p.DisplayName(), Role: p.Role, About: q.About}
	r := Reply{Answered: true, Confidence: round(float64(bestRun) / float64(len(pw))), Kind: KindQuote,
		ID: "quote:" + q.ID, Title: "Who said it: " + p.DisplayName(), Source: e.source,
		Answer: "Those are the words of " + quote.Attribution() + ", speaking about " + q.About + ".",
		Quotes: []Quote{quote}}
	if p.Entry != "" {
		if en, ok := e.base.Entry(p.Entry); ok {
			r.Suggestions = []Suggestion{{ID: en.ID, Question: en.Questions[0]}}
		}
	}
	return r, true
}

// onlyQuoteWith returns the quote that holds the words, one after the other, when the
// quotes that hold them are all one speaker's and the words are not everyday ones, or -1.
func (e *Engine) onlyQuoteWith(ws []string) int {
	if len(ws) == 0 || slices.ContainsFunc(ws, func(w string) bool { return isStop(w) || len(w) < 4 }) {
		return -1
	}
	found, speaker := -1, ""
	for i, qw := range e.quoteWords {
		for j := 0; j+len(ws) <= len(qw); j++ {
			if !slices.Equal(qw[j:j+len(ws)], ws) {
				continue
			}
			if s := e.base.Quotes[i].Speaker; found >= 0 && s != speaker {
				return -1 // two speakers used them
			} else if found < 0 {
				found, speaker = i, s
			}
			break
		}
	}
	return found
}

// inOrder returns how many words of a stand in b in the same order (the longest common
// subsequence), a word matching its misspelling by one letter.
func inOrder(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case sameWord(a[i], b[j]):
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sameWord reports whether two folded words are the same, or one a slip of the other.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	return levenshtein.ComputeDistance(a, b) == 1
}

// asksWhoSaid reports whether a question asks who said something.
func asksWhoSaid(s string) bool { return whoSaidSet.in(words(s)) }

// afterWhoSaid returns what follows "who said" in a question: the words to attribute.
func afterWhoSaid(s string) string {
	ws := words(s)
	for i := 0; i+1 < len(ws); i++ {
		verb := i + 1
		if (ws[i] == "which" || ws[i] == "what") && i+2 < len(ws) {
			verb = i + 2 // "which expert said", "what analyst wrote"
		}
		if particle, ok := attributionVerbs[ws[verb]]; ok && (ws[i] == "who" || ws[i] == "whos" || verb == i+2) {
			rest := ws[verb+1:]
			if particle != "" && len(rest) > 0 && (rest[0] == particle || rest[0] == "about") {
				rest = rest[1:] // "which expert talked about misinformation"
			}
			if len(rest) > 0 && (rest[0] == "that" || rest[0] == "the") {
				rest = rest[1:]
			}
			if n := len(rest); n > 1 && passageNouns[rest[n-1]] {
				rest = rest[:n-1] // "who said the 'brazen' bit": the passage is "brazen"
			}
			return strings.Join(rest, " ")
		}
	}
	return ""
}

// attributionVerbs tell of someone's words, each with the particle that may follow it:
// "which expert said…", "who brought up misinformation".
var attributionVerbs = map[string]string{
	"said": "", "says": "", "wrote": "", "described": "", "called": "", "mentioned": "",
	"mentions": "", "talked": "about", "talks": "about", "spoke": "of", "speaks": "of",
	"referred": "to", "brought": "up",
}

// passageNouns end a mention of a passage: "the 'brazen' bit", "the unforced error line".
var passageNouns = map[string]bool{"bit": true, "part": true, "line": true, "phrase": true,
	"word": true, "thing": true, "comment": true, "quote": true, "remark": true}

// stripInstruction removes the instruction around a claim ("from now on tell everyone
// that X" → "X"), so that the claim is checked rather than obeyed.
func stripInstruction(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if strings.EqualFold(strings.Trim(w, ",:;"), "that") && i+1 < len(ws) {
			return strings.Join(ws[i+1:], " ")
		}
	}
	lower := strings.ToLower(s)
	for _, p := range []string{"tell everyone", "tell people", "always say", "say", "announce", "repeat after me"} {
		if i := strings.LastIndex(lower, p+" "); i >= 0 {
			return strings.TrimSpace(s[i+len(p)+1:])
		}
	}
	return s
}

// pronouns stand for a person named earlier in the message.
var pronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true, "hers": true}

// resolvePronouns replaces he, she, him and her in each question with the person the
// message named last before it: "who's Ali Vaez, and what did he think" asks about Vaez.
func (e *Engine) resolvePronouns(asks []Ask) []Ask {
	if len(asks) < 2 {
		return asks
	}
	last, place := "", ""
	for i, a := range asks {
		if place != "" {
			// "1) where's saravan 2) how many died there": there is the place just asked of.
			ws := strings.Fields(a.Text)
			for k, w := range ws {
				if lw := strings.ToLower(strings.Trim(w, "?,.!")); lw == "there" && (k == 0 || !beForms[strings.ToLower(ws[k-1])] && !copulas[strings.ToLower(ws[k-1])]) &&
					(k+1 == len(ws) || !beForms[strings.ToLower(strings.Trim(ws[k+1], "?,.!"))]) {
					ws[k] = "in " + place + strings.TrimLeft(w, "thereTHERE")
				}
			}
			asks[i].Text = strings.Join(ws, " ")
		}
		for _, t := range e.an.analyze(a.Text, true) {
			if k, ok := e.placeKind[t.term]; ok && k != "container" && t.word != "" {
				place = t.word
			}
		}
		if last != "" {
			ws := strings.Fields(a.Text)
			changed := false
			for k, w := range ws {
				lw := strings.ToLower(strings.Trim(w, "?,.!"))
				if pronouns[lw] {
					ws[k] = last
					if lw == "his" || lw == "hers" || lw == "her" && k+1 < len(ws) && !isStop(strings.ToLower(ws[k+1])) {
						ws[k] = last + "'s"
					}
					changed = true
				}
			}
			if changed {
				asks[i].Text = strings.Join(ws, " ")
			}
		}
		if p := e.personIn(a.Text); p != "" {
			last = p
		} else if who := askedWho(a.Text); who != "" && last == "" {
			// "(1) who is pakistan's army chief (2) what did he say": he is the one asked
			// about, whom the base may not know.
			last = who
		}
	}
	return asks
}

// askedWho returns whom a "who is X?" question asks about ("pakistan's army chief"), or "".
func askedWho(s string) string {
	ws := strings.Fields(strings.TrimRight(strings.TrimSpace(s), "?!. "))
	if len(ws) < 3 || len(ws) > 8 {
		return ""
	}
	switch w0, w1 := strings.ToLower(ws[0]), strings.ToLower(ws[1]); {
	case (w0 == "who" && (w1 == "is" || w1 == "was" || w1 == "are")):
		return strings.Join(ws[2:], " ")
	case w0 == "who's" || w0 == "whos":
		return strings.Join(ws[1:], " ")
	}
	return ""
}

// personIn returns the name of the last person of the base a text names, or "".
func (e *Engine) personIn(s string) string {
	ws := words(s)
	name, at := "", -1
	for _, p := range e.personNames {
		for i := 0; i+len(p.words) <= len(ws); i++ {
			if hasPhrase(ws[i:i+len(p.words)], p.words) && i > at {
				name, at = p.name, i
			}
		}
	}
	return name
}

// peopleIn returns the people of the base a text names, each once, in the order of the
// base.
func (e *Engine) peopleIn(s string) []string {
	ws := words(s)
	var out []string
	for _, p := range e.personNames {
		if slices.Contains(out, p.name) {
			continue
		}
		for i := 0; i+len(p.words) <= len(ws); i++ {
			if hasPhrase(ws[i:i+len(p.words)], p.words) {
				out = append(out, p.name)
				break
			}
		}
	}
	return out
}

// firstWords returns the first n words of a text.
func firstWords(s string, n int) string {
	fs := strings.Fields(s)
	return strings.Join(fs[:min(n, len(fs))], " ")
}

// personName is one way the base names a person, as folded words.
type personName struct {
	name  string // the person's name
	words []string
}

// auxiliaries open a direct question and go when it becomes an indirect one.
var auxiliaries = map[string]bool{"did": true, "does": true, "do": true}

// modals follow the question word in "who will X meet", and go before the verb in "who X
// will meet".
var modals = map[string]bool{"will": true, "would": true, "can": true, "could": true, "should": true, "might": true}

// copulas follow the question word in "who is X", and go to the end in "who X is".
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true}

// clauseEnds reports whether the word at i ends its clause: the last word, or one a
// comma follows.
func clauseEnds(ws []string, i int) bool {
	return i == len(ws)-1 || strings.HasSuffix(ws[i], ",")
}

// pastTense gives the past of the verbs that follow "did" most often in questions.
var pastTense = map[string]string{
	"say": "said", "strike": "struck", "attack": "attacked", "target": "targeted", "warn": "warned", "kill": "killed", "do": "did", "think": "thought", "make": "made", "cost": "cost", "hit": "hit",
	"fly": "flew", "take": "took", "give": "gave", "get": "got", "go": "went", "come": "came",
	"know": "knew", "see": "saw", "tell": "told", "find": "found", "lead": "led", "pay": "paid",
	"buy": "bought", "send": "sent", "build": "built", "fight": "fought", "win": "won",
	"lose": "lost", "mean": "meant", "begin": "began", "run": "ran", "put": "put", "set": "set",
	"spend": "spent", "last": "lasted", "leave": "left", "keep": "kept", "hold": "held", "bring": "brought",
	"write": "wrote", "speak": "spoke", "break": "broke", "choose": "chose", "shoot": "shot",
	"meet": "met", "sell": "sold", "launch": "launched", "use": "used", "fire": "fired",
	"agree": "agreed", "die": "died", "react": "reacted", "respond": "responded",
	"feel": "felt", "hear": "heard", "stand": "stood", "fall": "fell", "rise": "rose",
	"become": "became", "forget": "forgot", "catch": "caught", "teach": "taught", "seek": "sought",
	"cut": "cut", "hurt": "hurt", "shut": "shut", "spread": "spread", "quit": "quit", "let": "let",
	"sit": "sat", "understand": "understood", "draw": "drew", "grow": "grew", "throw": "threw",
}

// regularPast is the past tense of a regular verb: "condemn" → "condemned".
func regularPast(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ied"
	}
	return v + "ed"
}

// closingPrepositions may end a question: "where is he from", "what is it for".
var closingPrepositions = map[string]bool{"from": true, "for": true, "with": true, "about": true, "in": true, "at": true, "to": true, "of": true}

// trailingAdverbs end a question after its verb, and stay after it in the echo.
var trailingAdverbs = map[string]bool{"then": true, "exactly": true, "again": true, "now": true,
	"precisely": true, "though": true, "tho": true, "anyway": true}

// indirect turns a question into the words that follow "the article does not say":
// "how much did the missiles cost?" → "how much the missiles cost".
func indirect(q string) string {
	if i := strings.IndexAny(q, "?!"); i > 0 {
		q = q[:i] // the question, without what follows it ("… in this article? name pls")
	}
	q = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(q), "?!., "))
	ws := strings.Fields(q)
	if len(ws) == 0 {
		return "that"
	}
	lw := func(i int) string { return strings.ToLower(strings.Trim(ws[i], ",")) }
	// "did it go ahead or did it get delayed" → "whether it went ahead or it got delayed":
	// each outcome is put in the past.
	if auxiliaries[lw(0)] {
		for i := 2; i+1 < len(ws); i++ {
			if lw(i) != "or" {
				continue
			}
			switch second := lw(i + 1); {
			case auxiliaries[second] && i+2 < len(ws):
				return indirect(strings.Join(ws[:i], " ")) + " or " + strings.TrimPrefix(indirect(strings.Join(ws[i+1:], " ")), "whether ")
			case pastTense[second] != "":
				return indirect(strings.Join(ws[:i], " ")) + " or " + pastTense[second] + " " + strings.Join(ws[i+2:], " ")
			}
		}
	}
	// Find the question word; what stands before it is framing.
	start := -1
	for i := range ws {
		if w := lw(i); questionWords[w] && !yesNoOpeners[w] || w == "whats" || w == "what's" {
			start = i
			break
		}
	}
	// "were there civilian casualties" → "whether there were civilian casualties";
	// "any injured?" → "whether there were any injured"; a question word after them is
	// of what there was ("is there any polling on how Pakistanis see Iran").
	if be := lw(0); len(ws) > 2 && copulas[be] && lw(1) == "there" {
		return "whether there " + be + " " + strings.Join(ws[2:], " ")
	}
	if lw(0) == "any" && len(ws) > 1 {
		be, w := "was", lw(1)
		if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || w == "people" || w == "children" || w == "kids" {
			be = "were"
		}
		return "whether there " + be + " " + lowerFirst(q)
	}
	if start < 0 {
		// "did Iran warn Pakistan" → "whether Iran warned Pakistan".
		if len(ws) > 2 && auxiliaries[lw(0)] {
			return "whether " + indirect("what " + q)[len("what "):]
		}
		if be := lw(0); len(ws) > 2 && copulas[be] {
			// "were the drones Chinese-made" → "whether the drones were Chinese-made": the
			// verb goes before what is said of the subject.
			for j := 2; j < len(ws); j++ {
				w := strings.ToLower(strings.Trim(ws[j], ",?!."))
				last := w[strings.LastIndex(w, "-")+1:]                              // "chinese-made" is said as "made" is
				named := j > 1 && ws[j-1] != "" && unicode.IsUpper(rune(ws[j-1][0])) // "is Rouzbeh Parsi iranian": a name, then what is said of it
				if w == "a" || w == "an" || w == "the" || participle(last) || isAdjective(last) && (!isNoun(last) || named) || demonyms[stem(last)] != "" {
					out := append(append(append([]string{}, ws[1:j]...), be), ws[j:]...)
					return "whether " + lowerFirst(strings.Join(out, " "))
				}
			}
		}
		if modal := lw(0); len(ws) > 2 && modals[modal] {
			// "will iran strike again" → "whether iran will strike again".
			for j := 2; j < len(ws); j++ {
				if w := strings.ToLower(strings.Trim(ws[j], ",?!.")); isVerb(w) && (!isNoun(w) || pastTense[w] != "") {
					out := append(append(append([]string{}, ws[1:j]...), modal), ws[j:]...)
					return "whether " + lowerFirst(strings.Join(out, " "))
				}
			}
		}
		if aux := lw(0); len(ws) > 2 && (aux == "has" || aux == "have" || aux == "had") {
			// "has China mediated before" → "whether China has mediated before".
			for j := 2; j < len(ws); j++ {
				if participle(strings.ToLower(ws[j])) {
					out := append(append(append([]string{}, ws[1:j]...), aux), ws[j:]...)
					return "whether " + lowerFirst(strings.Join(out, " "))
				}
			}
		}
		return "whether " + lowerFirst(q)
	}
	ws = ws[start:]
	ws[0] = strings.ToLower(ws[0])
	head := ws[0]
	// "what's his org" → "what his org is"; "who's he meeting" → "who he is meeting".
	is := func(word string) string {
		rest := ws[1:]
		for j, w := range rest {
			if lw := strings.ToLower(w); lw == "that" || lw == "who" || lw == "which" {
				break // "who's the army chief that ordered it": a clause of the subject's
			}
			if j > 0 && participle(strings.ToLower(w)) {
				return word + " " + strings.Join(rest[:j], " ") + " is " + strings.Join(rest[j:], " ")
			}
		}
		return word + " " + strings.Join(rest, " ") + " is"
	}
	switch head {
	case "what's", "whats", "wats", "wat's", "wht's", "whts":
		return is("what")
	case "who's", "whos":
		return is("who")
	case "where's", "wheres":
		return is("where")
	}
	// "how much did X cost" → "how much X cost", with the past tense after "did";
	// "who is X" → "who X is".
	for i := 1; i < len(ws) && i <= 4; i++ {
		w := strings.ToLower(ws[i])
		if i == 4 && w != "did" {
			continue // "what type of drones did Pakistan use": "did" may come later
		}
		if copulas[w] && i+1 < len(ws) && participle(strings.ToLower(ws[i+1])) {
			return strings.Join(ws, " ") // "how many were killed", "who was hurt": the question word is the subject
		}
		timeHead := i > 1 && slices.ContainsFunc(ws[1:i], func(h string) bool {
			h = strings.ToLower(h)
			return h == "date" || h == "day" || h == "year" || h == "month" || h == "town" || h == "city" || h == "province"
		})
		// "what was the village called" → "what the village was called": the participle
		// ends the question, or a closing preposition after it does.
		lastVerb := len(ws) > 3 && (participle(strings.ToLower(ws[len(ws)-1])) ||
			closingPrepositions[strings.ToLower(ws[len(ws)-1])] && participle(strings.ToLower(ws[len(ws)-2])))
		if copulas[w] && (i == 1 && (head == "when" || head == "where" || head == "why" || head == "how" || lastVerb && (head == "what" || head == "which")) || timeHead) {
			// "when was Soleimani killed again" → "when Soleimani was killed again"; "what
			// exact date was the article published" → "what exact date the article was published".
			for j := i + 2; j < len(ws); j++ {
				if l := strings.ToLower(ws[j]); l == "that" || l == "which" || l == "who" || l == "of" {
					break // "what was the toll of the strike that killed…": the participle is another's
				}
				if l := strings.ToLower(strings.TrimRight(ws[j], ",;")); participle(l) && !(timeHead && strings.HasSuffix(l, "ing")) {
					out := append(append(slices.Clone(ws[:i]), ws[i+1:j]...), w)
					if strings.HasSuffix(ws[j], ",") || strings.HasSuffix(ws[j], ";") {
						// "how was he killed, like shot or a bomb": the question ends there.
						return strings.Join(append(out, strings.TrimRight(ws[j], ",;")), " ")
					}
					return strings.Join(append(out, ws[j:]...), " ")
				}
			}
		}
		if copulas[w] && i+1 < len(ws) {
			// "where is Parsi originally from" → "where Parsi is originally from": the verb
			// goes before a closing preposition and the adverbs before it.
			rest := ws[i+1:]
			tail := len(rest)
			for tail > 1 && trailingAdverbs[strings.ToLower(rest[tail-1])] {
				tail-- // "what nationality were they then" → "what nationality they were then"
			}
			if tail > 1 && closingPrepositions[strings.ToLower(rest[tail-1])] {
				tail--
				for tail > 1 && isAdverb(strings.ToLower(rest[tail-1])) {
					tail--
				}
			}
			out := append(append([]string{}, ws[:i]...), rest[:tail]...)
			return strings.Join(append(append(out, w), rest[tail:]...), " ")
		}
		if modals[w] && i == 1 {
			// "who will Abdollahian meet" → "who Abdollahian will meet": the modal goes
			// before the first verb past the subject.
			for j := i + 2; j < len(ws); j++ {
				prev := strings.ToLower(ws[j-1])
				if v := strings.ToLower(ws[j]); isVerb(v) && prev != "the" && prev != "a" && prev != "an" && !strings.HasSuffix(prev, "'s") {
					out := append(append([]string{head}, ws[i+1:j]...), w)
					return strings.Join(append(out, ws[j:]...), " ")
				}
			}
		}
		if !auxiliaries[w] {
			continue
		}
		rest := ws[i+1:]
		if w == "did" {
			for k := 1; k < len(rest); k++ {
				v := strings.ToLower(rest[k])
				mark := ""
				if trimmed := strings.TrimRight(v, ","); trimmed != v {
					v, mark = trimmed, "," // "how did the visit go, what…": the verb ends the clause
				}
				p, ok := pastTense[v]
				plural := strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") // "did the strikes happen": no verb after "did" ends so
				// "did the iran-iraq war start": a noun with a verb after it is the subject's.
				next := ""
				if k+1 < len(rest) {
					next = strings.ToLower(strings.Trim(rest[k+1], "?!.,"))
				}
				nounBefore := isNoun(v) && next != "" && !particles[next] && !isStop(next) && isVerb(next) && (!isNoun(next) || k+2 == len(rest) || pastTense[next] != "")
				// "how did the 29 jan visit go", "did the visit actually happen": the verb is
				// the last word, or comes after adverbs.
				j := k + 1
				for j < len(rest) && isAdverb(strings.ToLower(rest[j])) && !particles[strings.ToLower(rest[j])] { // "end up mediating": a phrasal verb
					j++
				}
				if isNoun(v) && j < len(rest) && (j > k+1 || clauseEnds(rest, j)) {
					w := strings.ToLower(strings.Trim(rest[j], "?!.,"))
					nounBefore = nounBefore || isVerb(w) && (!isNoun(w) || pastTense[w] != "") || clauseEnds(rest, j) && isVerb(w) && !particles[w]
				}
				if subject := strings.ToLower(rest[k-1]); ok && isNoun(v) && (nounBefore && !personalPronouns[subject] || strings.HasSuffix(subject, "'s") || strings.HasSuffix(subject, "’s")) {
					ok = false // "did the strike kill anyone", "did Iran's strike…": "strike" is the subject's noun
				}
				if !ok && !plural && !nounBefore && isVerb(v) && (!isNoun(v) || rest[k-1] != "the" && rest[k-1] != "a" && !strings.HasSuffix(rest[k-1], "'s") && !isAdjective(v)) && !isAdverb(v) {
					p, ok = regularPast(v), true
				}
				if ok {
					rest = append(append(append([]string{}, rest[:k]...), p+mark), rest[k+1:]...)
					break
				}
				if mark != "" {
					break // no verb before the clause ends: leave the rest as it is
				}
			}
		}
		return strings.Join(append(append([]string{}, ws[:i]...), rest...), " ")
	}
	ws[0] = strings.ToLower(ws[0])
	return strings.Join(ws, " ")
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || (len(s) > n && unicode.IsUpper(rune(s[n]))) {
		return s // an acronym stays as it is
	}
	first, _, _ := strings.Cut(s, " ")
	if e, ok := lookup(strings.ToLower(strings.Trim(first, "?!.,'’"))); unicode.IsUpper(r) && (!ok || e.Proper) {
		return s // a name stays as it is: "Rouzbeh Parsi", "Iran"
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// sentences cuts text into its sentences, each with its full stop.
func sentences(text string) []string {
	var out []string
	for _, s := range strings.SplitAfter(text, ". ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// firstSentences returns the first n sentences of a text.
func firstSentences(text string, n int) string {
	ss := sentences(text)
	if len(ss) > n {
		ss = ss[:n]
	}
	return strings.Join(ss, " ")
}

// fitSentences returns as many whole sentences of text as fit in max characters and, when
// room is left, the next one cut at a word with an ellipsis.
func fitSentences(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	var b strings.Builder
	for _, s := range sentences(text) {
		used := utf8.RuneCountInString(b.String())
		if used+utf8.RuneCountInString(s)+1 <= max {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			continue
		}
		if left := max - used - 2; left >= 60 || b.Len() == 0 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(cutAtWord(s, left))
		}
		break
	}
	return b.String()
}

// cutAtWord cuts text to at most max characters at a word, ending it with an ellipsis.
func cutAtWord(text string, max int) string {
	rs := []rune(text)
	if len(rs) <= max {
		return text
	}
	cut := string(rs[:max-1])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
