package answers

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/borderbot/borderbot/answers/lexicon"
	"github.com/borderbot/borderbot/knowledge"
)

// Answer answers one chat message: it cleans it, splits it into the questions it asks,
// reads, retrieves, checks and decides each, and composes one reply. It never panics,
// whatever the input.
func (e *Engine) Answer(message string) Reply {
	r, _, _ := e.answerIn(Context{}, message, false)
	return r
}

// answerIn answers a message in a conversation, keeping a trace of every step when
// explain is set, and returns the last question as it was read, for the conversation.
func (e *Engine) answerIn(conv Context, message string, explain bool) (Reply, *Explanation, string) {
	message = strings.ToValidUTF8(message, "\uFFFD")
	var ex *Explanation
	if explain {
		ex = &Explanation{}
	}
	r := Reply{Question: message, Source: e.source}
	if utf8.RuneCountInString(message) > MaxQuestionLen {
		r.Kind = KindTooLong
		r.Answer = fmt.Sprintf("Please ask a shorter question: I read messages of up to %d characters.", MaxQuestionLen)
		r.Suggestions = e.fallback
		return r, ex, ""
	}
	c := Clean(message)
	segs := Segments(c.Text)
	asks, more := Plan(segs)
	if c.Quoted != "" && !slices.ContainsFunc(segs, func(sg Segment) bool { return sg.Kind == SegmentQuestion }) &&
		slices.ContainsFunc(segs, func(sg Segment) bool {
			return slices.ContainsFunc(sg.words, func(w string) bool { return sourceAsks[w] })
		}) {
		// A quote with a request for its source and no question, "> … \n\nsource? i
		// wanna cite it properly", asks whose words they are.
		asks = nil
	}
	if len(asks) == 0 && c.Quoted != "" {
		// "> BLA is based in afghanistan — is that what the article says?": the quote is
		// the claim the tag asks about; alone, a quote to attribute.
		claim := slices.ContainsFunc(segs, func(sg Segment) bool { return sg.Kind == SegmentClaimTag })
		asks = []Ask{{Text: c.Quoted, Claim: claim}}
	}
	if ws := words(c.Text); len(asks) == 0 && len(ws) == 1 && isNumber(ws[0]) && strings.Contains(c.Text, "?") {
		// "284?", "1988??": what the article says of the number.
		asks = []Ask{{Text: "what about " + ws[0] + "?"}}
	}
	if ws := words(c.Text); len(asks) == 0 && len(conv.Given) > 0 && slices.Contains(ws, "next") && !slices.ContainsFunc(ws, func(w string) bool { return !nextWords[w] }) {
		// "next", "next one?" in a conversation asks for what follows the last answer.
		asks = []Ask{{Text: c.Text}}
	}
	if ws := words(c.Text); len(asks) == 0 && len(conv.Given) > 0 && (asksSource(ws) || asksFullQuote(ws)) {
		// "source?" after an answer asks whose word it is, not for a form to fill in;
		// "exact words?", for the quote it drew on.
		asks = []Ask{{Text: c.Text}}
	}
	if ex != nil {
		ex.Cleaned, ex.Segments, ex.More = c, segs, more
	}
	if len(asks) == 0 {
		r.Kind = KindEmpty
		r.Answer = "Ask me a question about the Iran–Pakistan strikes of January 2024, for example one of these."
		r.Suggestions = e.fallback
		return r, ex, ""
	}
	asks = dedupe(e.resolvePronouns(e.dropFraming(asks)))
	if conv.Empty() {
		// "ngl i thought iran was hitting army bases. what was the actual target??": the
		// message's own statement is what its question follows up.
		conv.Question = e.statementBefore(segs)
	}
	parts := make([]Reply, 0, len(asks))
	given := map[string]bool{} // entries already given for an earlier question of the message
	read := ""                 // the last question as it was read, for the conversation
	for i, a := range asks {
		var step *AskExplanation
		if ex != nil {
			ex.Asks = append(ex.Asks, AskExplanation{Ask: a})
			step = &ex.Asks[len(ex.Asks)-1]
		}
		p, q := e.answerInConversation(conv, a, c.Quoted, step, given)
		if a.premise {
			if !p.Answered || p.Verdict != VerdictNo || !p.denied {
				step.decided("a premise the facts do not contradict: the question after it is answered")
				continue
			}
			p.Answer = premiseSays + strings.TrimPrefix(p.Answer, VerdictNo.Prefix())
		}
		if ws := words(a.Text); i > 0 && len(parts) > 0 && !parts[len(parts)-1].Answered && len(words(asks[i-1].Text)) >= 3 && p.Answered &&
			(e.pointsBackOnly(ws) || hasPronoun(ws) && conv.Person == "" && e.personIn(a.Text) == "") {
			// "who won pakistan's election in february? did this affect it?": what the
			// second asks of is what the article could not tell of; an answer to it
			// would be of something else. So is "was he the one who ordered the strikes?"
			// after the name of someone the article never names.
			step.decided("the question points back at the one before it, which the article does not answer")
			p = Reply{Kind: KindUnknown, Source: e.source, Suggestions: e.fallback,
				Answer: "I don't know: the article does not say, as it does not tell of what the question before asks about."}
		}
		p.Question, p.readAs = a.Text, q
		if p.ID != "" && given[p.ID] {
			// The same answer again: once is enough, but an answer takes the place of a
			// near miss of the same entry ("did they ever go back? by what date").
			if at := slices.IndexFunc(parts, func(o Reply) bool { return o.ID == p.ID && !o.Answered }); at >= 0 && p.Answered && asksADetail(a) {
				parts[at] = p
			}
			continue
		}
		given[p.ID] = true
		parts = append(parts, p)
		read = q
		if p.moved && len(p.Parts) == 0 {
			// The conversation is now about the event the answer told of, not the one
			// the question reached it from.
			if d, ok := e.docOf(p.ID); ok {
				read = d.entry.Questions[0]
			}
		}
		if q != a.Text && strings.HasPrefix(q, strings.TrimRight(a.Text, "?!. ")) && conv.Question != "" {
			// "where?" read as "where … Pakistan's response": the subject is still the
			// last question's, and the next follow-up leans on that, not on this reading.
			read = conv.Question
		}
		// "(1) how many reasons for optimism (2) what's the first": a later question of
		// the message follows up the earlier ones, as it would in a conversation.
		if i+1 < len(asks) {
			conv = e.remember(conv, read, p)
		}
	}
	parts = e.dropAsides(parts)
	var out Reply
	if len(parts) == 1 && !more {
		parts[0].Question = message
		out = parts[0]
	} else {
		out = e.combine(message, parts, more)
	}
	return out, ex, read
}

// strangeDeed returns the verb, a word the article never uses, that follows a form of
// "be" ("how many were intercepted") or the first name of a question ("born" in "where
// was Javidanfar born?"); not a phrasal verb ("who owned up to the bombing") nor a verb
// further on ("… and i blanked").
func (e *Engine) strangeDeed(toks []token) string {
	// "how many of the missiles were intercepted": the participle after "were".
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if !beForms[toks[k-1].word] || t.stop || !participle(t.word) {
			continue
		}
		if _, known := e.terms[t.term]; !known && !t.synonym && !lightVerbs[t.word] && (k+1 == len(toks) || !particles[toks[k+1].word]) {
			return t.word
		}
		break
	}
	i := slices.IndexFunc(toks, func(t token) bool { return !t.stop && e.isName(t.term) })
	if i < 0 || i+1 >= len(toks) {
		return ""
	}
	t := toks[i+1]
	// "where was Javidanfar born?": after "was", a word that may be only an adjective
	// tells of the deed too.
	passive := slices.ContainsFunc(toks[:i], func(t token) bool { return beForms[t.word] }) && isAdjective(t.word)
	if _, known := e.terms[t.term]; known || t.stop || t.number || t.synonym || lightVerbs[t.word] || !isVerb(t.word) && !passive {
		return ""
	}
	if i+2 < len(toks) && particles[toks[i+2].word] {
		return ""
	}
	return t.word
}

// particles make a phrasal verb of the verb before them: "owned up", "took out".
var particles = map[string]bool{"up": true, "out": true, "off": true, "down": true, "over": true,
	"in": true, "on": true, "back": true, "away": true, "through": true}

// repeatAt returns where words ask of a second time, or -1: "again", or "new strikes",
// "another attack", "further raids".
func repeatAt(ws []string) int {
	for i, w := range ws {
		if w == "again" || (w == "new" || w == "another" || w == "further" || w == "fresh" || w == "more") &&
			i+1 < len(ws) && repeatedDeeds[ws[i+1]] {
			return i
		}
	}
	return -1
}

// repeatedDeeds are what a question may ask was done a second time.
var repeatedDeeds = map[string]bool{"strike": true, "strikes": true, "attack": true, "attacks": true,
	"missiles": true, "missile": true, "raids": true, "raid": true, "airstrikes": true, "airstrike": true,
	"retaliation": true, "bombing": true, "bombings": true}

// otherEnd reports whether a question asks when something began and the facts tell only
// of an end, or the other way round.
func otherEnd(ws []string, f fact) bool {
	has := func(set []string) bool {
		return slices.ContainsFunc(set, func(w string) bool { return f.terms[stem(w)] })
	}
	asks := func(set []string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(set, w) })
	}
	starts, ends := []string{"start", "started", "starts", "begin", "began", "begun", "beginning"}, []string{"end", "ended", "ends", "over", "finish", "finished"}
	return asks(starts) && !has(starts) && has(ends) || asks(ends) && !has(ends) && has(starts)
}

// asksADeed reports whether a question of a type asks a detail of a deed, whose verb
// the answer must tell of: where, when, who or how many.
func asksADeed(t knowledge.QuestionType) bool {
	switch t {
	case knowledge.TypeWhen, knowledge.TypeWhere, knowledge.TypeWho, knowledge.TypeHowMany:
		return true
	}
	return false
}

// asksADetail reports whether an ask wants a date, a place, a count or a name: "by what
// date", not "need it for my essay".
func asksADetail(a Ask) bool {
	switch readAsk(a, "").Type {
	case knowledge.TypeWhen, knowledge.TypeWhere, knowledge.TypeHowMany, knowledge.TypeWho:
		return true
	}
	return false
}

// dropAsides leaves out of a reply of several parts the sentences that ask nothing and
// read nothing of the base, beside a part that does: "need a clean yes/no", "cc @sam", "timing some positions" say
// how to answer or why, and an "I don't know" for them hides the answer.
func (e *Engine) dropAsides(parts []Reply) []Reply {
	if len(parts) < 2 {
		return parts
	}
	aside := func(p Reply) bool {
		if strings.Contains(p.Question, "?") {
			return false
		}
		// "need an actual number for my article": what the asker needs it for.
		// "i need pakistani voices for my piece" still says which.
		if ws := words(p.Question); len(ws) > 2 && (ws[0] == "need" || ws[0] == "i" && ws[1] == "need") && hasPhrase(ws, []string{"for", "my"}) && !e.namesSomething(ws) {
			return true
		}
		return p.Kind == KindUnknown && !slices.ContainsFunc(e.an.analyze(p.Question, true), func(t token) bool {
			return e.ownWord(t) && e.isSpecific(t.term)
		})
	}
	if !slices.ContainsFunc(parts, func(p Reply) bool { return !aside(p) }) {
		return parts
	}
	return slices.DeleteFunc(parts, aside)
}

// namesMoreThan reports whether an entry names something that another, and the question,
// do not: for "where else", a place of the map.
func (e *Engine) namesMoreThan(d, than doc, toks []token, place bool) bool {
	for t := range d.facts.terms {
		if e.isName(t) && (!place || e.placeTerms[t]) && !than.facts.terms[t] && !slices.ContainsFunc(toks, func(q token) bool { return q.term == t }) {
			return true
		}
	}
	return false
}

// strangePredicate returns the verb of a yes/no question when no word of the base, nor
// a synonym of one, says it ("did Iran apologize", "did Pakistan shoot down"), or "".
func (e *Engine) strangePredicate(toks []token) string {
	seenName, owned := false, false
	did := len(toks) > 0 && auxiliaries[toks[0].word] // "did X sanction…": a verb after the subject
	for i, t := range toks {
		if t.stop || t.number {
			continue
		}
		if e.isName(t.term) {
			seenName = true
			owned = t.owner
			continue
		}
		if owned && !did && isNoun(t.word) && !participle(t.word) {
			// "were jaish al-adl's bases destroyed": what the name owns is the subject
			// of the passive, whose participle is the predicate.
			owned = false
			continue
		}
		owned = false
		// "was anyone arrested for…": a participle is the predicate, names or none.
		participleFirst := !seenName && strings.HasSuffix(t.word, "ed") && isVerb(t.word)
		if !seenName && !participleFirst {
			continue
		}
		if _, known := e.terms[t.term]; known || lightVerbs[t.word] || t.synonym || !isVerb(t.word) {
			return ""
		}
		// A word that may be a noun is the verb after "did" and its subject: "did the US
		// sanction anyone", "did Pakistan shoot down…"; not after "the".
		asVerb := !isNoun(t.word) && !isAdjective(t.word) || participleFirst ||
			did && i > 0 && (e.isName(toks[i-1].term) || toks[i-1].word != "the" && toks[i-1].word != "a" && toks[i-1].word != "an" && toks[i-1].word != "any")
		if asVerb {
			return t.word
		}
		return ""
	}
	return ""
}

// absentThing returns the thing an existential question asks after ("is there any
// polling…", "were there any arrests", "any kids among them?") when the facts never tell
// of it, or "".
func (e *Engine) absentThing(toks []token, d doc) string {
	f := d.facts
	i := 0
	for i < len(toks) && (toks[i].word == "and" || toks[i].word == "so" || toks[i].word == "but") {
		i++
	}
	switch {
	case i+1 < len(toks) && existentialAux[toks[i].word] && toks[i+1].word == "there":
		i += 2
	case i < len(toks) && toks[i].word == "any":
	default:
		return ""
	}
	for ; i < len(toks); i++ {
		t := toks[i]
		if t.word == "any" || t.word == "a" || t.word == "an" || t.word == "some" || t.word == "other" || t.number {
			continue
		}
		if t.stop {
			return ""
		}
		if (t.word == "date" || t.word == "day") && slices.ContainsFunc(f.dates, func(x date) bool { return x.day > 0 }) {
			return "" // "is there a date for the FM's visit?": the facts date it
		}
		if framingNouns[t.word] && i+1 < len(toks) && toks[i+1].word == "that" {
			return "" // "is there any suggestion that gulf states backed them?": the claim is what follows
		}
		if f.terms[t.term] {
			if place := e.placeOf(toks); place != "" && !e.saidTogether(d, t.term, place) {
				return t.word // "any kids among those killed in Saravan?": the children died elsewhere
			}
			return ""
		}
		if i+1 < len(toks) && !toks[i+1].stop && isAdjective(t.word) && f.terms[toks[i+1].term] {
			continue // "civilian casualties": what is asked after is the casualties
		}
		return t.word
	}
	return ""
}

// framingNouns put a claim after "that" as something said or hinted: "any suggestion
// that…", "any mention that…".
var framingNouns = map[string]bool{"suggestion": true, "indication": true, "hint": true, "mention": true, "sign": true, "word": true, "talk": true, "claim": true, "claims": true, "idea": true}

// placeOf returns the term of the place a question asks of, a town or a province the
// base names, or "".
func (e *Engine) placeOf(toks []token) string {
	for _, t := range toks {
		if k, ok := e.placeKind[t.term]; ok && k != "container" && !t.stop {
			return t.term
		}
	}
	return ""
}

// saidTogether reports whether an entry's answer says two terms in one sentence.
func (e *Engine) saidTogether(d doc, a, b string) bool {
	for _, s := range sentences(d.entry.Answer) {
		toks := e.an.analyze(s, false)
		if slices.ContainsFunc(toks, func(t token) bool { return t.term == a }) && slices.ContainsFunc(toks, func(t token) bool { return t.term == b }) {
			return true
		}
	}
	return false
}

// existentialAux begin a question of whether something was: "is there", "were there".
var existentialAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "isnt": true, "arent": true, "wasnt": true, "werent": true}

// knowingOnly reports whether words say only what the asker knows of the subject:
// formHint reports whether a clause only says what form the answer takes: "there was a
// phrase in quotes", "it was one word".
func formHint(ws []string) bool {
	hint := false
	for _, w := range ws {
		switch {
		case formNouns[w] || w == "phrase" || w == "phrases":
			hint = true
		case !isStop(w) && !fillerWords[w] && w != "there" && w != "one" && w != "two" && w != "some":
			return false
		}
	}
	return hint
}

// "never heard of them", "not familiar with it", "no idea about them".
func knowingOnly(ws []string) bool {
	return len(ws) <= 6 && slices.ContainsFunc(ws, func(w string) bool {
		return w == "heard" || w == "familiar" || w == "idea" || w == "clue" || w == "know" || w == "knew" || w == "saw" || w == "seen"
	}) && !slices.ContainsFunc(ws, func(w string) bool { return whWords[w] })
}

// mentions answers "does the article mention Saudi Arabia at all?": Yes, with the best
// entry that names what is asked about, when one does.
func (e *Engine) mentions(rk ranking, q Query, toks []token) (Reply, bool) {
	if q.Type != knowledge.TypeYesNo || !slices.ContainsFunc(q.Words, func(w string) bool { return mentionWords[w] }) {
		return Reply{}, false
	}
	var names []string
	for _, t := range toks {
		switch {
		case t.stop || mentionWords[t.word] || t.term == "articl" || t.word == "piece" || t.word == "anywhere":
		case e.isName(t.term):
			names = append(names, t.term)
		default:
			return Reply{}, false // "does it mention that Pakistan used drones?" asks more than a name
		}
	}
	if len(names) == 0 {
		return Reply{}, false
	}
	for _, s := range rk.scores {
		d := e.docs[s.doc]
		if slices.ContainsFunc(names, func(n string) bool { return !d.facts.terms[n] }) {
			continue
		}
		r := e.reply(d, q.Text)
		r.Confidence = round(math.Max(e.opts.MinConfidence, math.Min(1, s.score)))
		r.Verdict = VerdictYes
		r.Answer = VerdictYes.Prefix() + r.Answer
		r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
		return r, true
	}
	return Reply{}, false
}

// mentionWords ask whether the article speaks of something at all.
var mentionWords = map[string]bool{"mention": true, "mentions": true, "mentioned": true, "mentioning": true}

// viewVerbs say what someone holds, not who did what: "does the author agree?".
var viewVerbs = map[string]bool{"agree": true, "agrees": true, "disagree": true, "think": true, "thinks": true,
	"believe": true, "believes": true, "feel": true, "feels": true, "support": true, "supports": true}

// lightVerbs say little of their own: "did Iran do it", "did they get hit".
var lightVerbs = map[string]bool{"do": true, "did": true, "get": true, "got": true, "make": true, "made": true,
	"have": true, "had": true, "take": true, "took": true, "give": true, "gave": true, "go": true, "went": true, "happen": true,
	// Verbs of seeing and judging say no deed: "did Karim find the strike surprising?"
	"find": true, "found": true, "see": true, "saw": true, "seem": true, "seemed": true, "look": true,
	"looked": true, "consider": true, "considered": true, "feel": true, "felt": true, "think": true, "thought": true}

// dropFraming removes from each question what only frames it and the base knows
// nothing of: a lead-in before a colon ("gm frens macro q:", "Translation from Urdu:"),
// where "kerman bombing:" says what is asked about, and a word of address before the
// question word ("bhai what did…").
func (e *Engine) dropFraming(asks []Ask) []Ask {
	for i, a := range asks {
		if pre, post, ok := strings.Cut(a.Text, ": "); ok && strings.TrimSpace(post) != "" && !questionWords[strings.ToLower(strings.TrimSpace(pre))] &&
			!slices.ContainsFunc(e.an.analyze(pre, true), func(t token) bool { return e.ownWord(t) && e.isSpecific(t.term) }) {
			asks[i].Text = strings.TrimSpace(post)
		}
		// "acha ek baat batao, how many…": words no lexicon knows before a comma and a
		// question word are an address in another language.
		if pre, post, ok := strings.Cut(asks[i].Text, ", "); ok && len(strings.Fields(pre)) <= 4 {
			if pw := words(post); len(pw) > 1 && whWords[pw[0]] && !slices.ContainsFunc(words(pre), lexicon.Known) &&
				!slices.ContainsFunc(e.an.analyze(pre, true), e.ownWord) {
				asks[i].Text = post
			}
		}
		// "abe yaar who is this ranjha lady": words of address no lexicon knows, with no
		// comma, before the question word.
		if ws := strings.Fields(asks[i].Text); len(ws) > 2 {
			for k := 1; k <= 3 && k < len(ws)-1; k++ {
				if w := foldWord(ws[k]); whWords[w] || w == "whos" || w == "whats" {
					lead := ws[:k]
					if !slices.ContainsFunc(lead, func(f string) bool { w := foldWord(f); return lexicon.Known(w) && !fillerWords[w] || e.an.vocab[w] }) {
						asks[i].Text = strings.Join(ws[k:], " ")
					}
					break
				}
			}
		}
		// "what about the group iran hit, where's that one active": the topic first, then
		// the question that points back at it.
		if head, tail, ok := strings.Cut(asks[i].Text, ", "); ok && startsQuestion(tail) {
			hw, tf := words(head), strings.Fields(tail)
			at := slices.IndexFunc(tf, func(f string) bool { return referents[foldWord(f)] })
			if len(hw) > 2 && (hw[0] == "what" || hw[0] == "how") && hw[1] == "about" && at > 0 {
				end := at + 1
				if end < len(tf) && foldWord(tf[end]) == "one" {
					end++ // "that one"
				}
				topic := strings.Join(strings.Fields(head)[2:], " ")
				asks[i].Text = strings.Join(append(append(slices.Clone(tf[:at]), topic), tf[end:]...), " ")
			}
		}
		// "what rank was javidanfar, general or smth?": a guess at the answer after the
		// question is no part of what it asks.
		if head, tail, ok := cutLast(asks[i].Text, ", "); ok && startsQuestion(head) && guessClause(words(tail)) {
			asks[i].Text = head
		}
		// "who's razi mousavi, name came up in a thread": a clause after the question
		// that names nothing of the base, and points at nothing, says why it is asked.
		if head, tail, ok := cutLast(asks[i].Text, ", "); ok && startsQuestion(head) && !strings.Contains(tail, "?") &&
			(knowingOnly(words(tail)) || formHint(words(tail)) || !slices.ContainsFunc(words(tail), func(w string) bool { return whWords[w] || referents[w] || w == "according" })) &&
			!slices.ContainsFunc(e.an.analyze(tail, true), func(t token) bool {
				return e.ownWord(t) && e.isSpecific(t.term) && !formNouns[t.word] && t.word != "phrase"
			}) {
			asks[i].Text = head
		}
		if f := strings.Fields(asks[i].Text); len(f) > 2 {
			first, next := words(f[0]), words(f[1])
			if len(first) != 1 || len(next) != 1 {
				continue // "\" A 0": a word of punctuation alone
			}
			if _, short := shorthand[first[0]]; whWords[next[0]] && !whWords[first[0]] && !short && !fillerWords[first[0]] &&
				!lexicon.Known(first[0]) && !e.namesSomething(first) {
				if _, known := e.terms[stem(first[0])]; !known {
					asks[i].Text = strings.Join(f[1:], " ")
				}
			}
		}
	}
	return asks
}

// cutLast cuts s around the last sep in it.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// guessClause reports whether words only guess at an answer: "general or smth",
// "sarawan or something"; "like which model" asks more, and stays.
func guessClause(ws []string) bool {
	n := len(ws)
	if n < 3 || n > 5 || slices.ContainsFunc(ws, func(w string) bool { return whWords[w] }) {
		return false
	}
	return ws[n-2] == "or" && (ws[n-1] == "smth" || ws[n-1] == "something" || ws[n-1] == "sth" ||
		ws[n-1] == "whatever" || ws[n-1] == "sumn" || ws[n-1] == "smthn")
}

// statementBefore returns the last statement of a message that names something of the
// base and comes before its first question, or "".
func (e *Engine) statementBefore(segs []Segment) string {
	last := ""
	for _, sg := range segs {
		if sg.Kind == SegmentQuestion {
			break
		}
		if sg.Kind == SegmentStatement && e.namesSomething(sg.words) {
			last = sg.Text
		}
	}
	return last
}

// whoDoYouMean asks which person a question means, offering the people the article
// quotes.
func (e *Engine) whoDoYouMean() Reply {
	r := Reply{Kind: KindClarify, Source: e.source}
	var names []string
	for _, x := range e.Experts() {
		names = append(names, x.Name)
		if p, ok := e.base.Person(x.ID); ok && p.Entry != "" {
			if en, ok := e.base.Entry(p.Entry); ok && len(r.Suggestions) < 3 {
				r.Suggestions = append(r.Suggestions, Suggestion{ID: en.ID, Question: en.Questions[0]})
			}
		}
	}
	r.Answer = "Who do you mean? The article quotes " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + "."
	return r
}

// hasPronoun reports whether words hold he, she, him, her or his.
func hasPronoun(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return pronouns[w] })
}

// namesSomething reports whether words name something the base knows by name.
func (e *Engine) namesSomething(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return e.an.names[w] || e.an.nameGroups["alias:"+stem(w)] })
}

// answerInConversation answers one question of a message in a conversation: on its own,
// and, when it leans on what came before, read with it. A question that stands on its
// own keeps its own answer: context helps, it never takes over a new subject. It returns
// the reply and the question as it was read.
func (e *Engine) answerInConversation(conv Context, a Ask, quoted string, ex *AskExplanation, given map[string]bool) (Reply, string) {
	ws := words(a.Text)
	for _, c := range fromContext {
		if r, ok := c.answer(e, conv, a, ws); ok {
			ex.decided(c.why + r.ID)
			if c.keeps {
				return r, conv.Question
			}
			return r, a.Text
		}
	}
	if q, ok := e.otherStrike(conv, ws); ok {
		// "no i meant the other strike": the last question, of the other side's strike.
		ex.decided("the last question, of the other strike: " + q)
		return e.answerAsk(Ask{Text: q}, quoted, ex, given), q
	}
	text, how := e.followUp(conv, a.Text)
	if how == saysLittle && asksWhoSaid(a.Text) {
		// "who said the 'brazen' bit?": a word of a quote is attributed as it stands,
		// whatever the conversation was about.
		if alone := e.answerAsk(a, quoted, ex, given); alone.Kind == KindQuote {
			return alone, a.Text
		}
	}
	// A question that leans on the conversation is read with it first (one that says
	// little, "why?", with the entries it was about scored up a little): only when that
	// fails is it read alone, so a follow-up costs one reading, not two.
	var missed Reply // the follow-up's own reading, when it did not answer
	if how != standsAlone && how != pointsAtThing {
		var near map[string]bool
		if how == saysLittle {
			near = e.nearOf(conv)
		}
		follow, ok := e.readFollowUp(conv, a, text, quoted, ex, given, near, ws)
		if ok {
			return follow, text
		}
		missed = follow
	}
	alone := e.answerAsk(a, quoted, ex, given)
	if how == pointsBack && missed.Kind == KindNotInArticle {
		// "how was he killed, shot or bomb?", "who will he meet there?": what the
		// article says of him, not an answer to the question read without him.
		return missed, text
	}
	if how == saysLittle && missed.Kind == KindNotInArticle && !e.namesSomething(ws) && !e.nearOf(conv)[alone.ID] && !alone.moved {
		// "how many were killed?" after the Rask attack: the article gives no toll for
		// it, and the toll of the strikes, which nothing said so far leads to, is not
		// the answer.
		ex.decided("read with the conversation, a near miss: " + missed.ID)
		if d, ok := e.docOf(missed.ID); ok {
			// In the user's words, not with the words it was read with.
			missed = e.nearMiss(d, readAsk(a, quoted), scored{score: missed.Confidence})
		}
		return missed, text
	}
	if how == pointsBack && alone.Answered && e.personOf[alone.ID] != "" && e.personOf[alone.ID] != conv.Person && len(e.peopleIn(alone.Answer)) <= 2 {
		// "what was his role?" about Mousavi is not answered with Vaez's profile: read
		// alone, the pronoun stands for no one, so the answer is about someone else. A
		// list of the experts ("how many experts did he quote?") is about none of them.
		ex.decided("read alone, the answer is about " + e.personOf[alone.ID] + ", not " + conv.Person + ": not given")
		return missed, text
	}
	if how == standsAlone && conv.Person != "" && alone.Answered && !alone.moved && e.personOf[alone.ID] != "" && e.personOf[alone.ID] != conv.Person && !e.namesSomething(ws) {
		// "rank/org?" after the colonel's killing asks his, not the profile of someone
		// the question never named.
		of := strings.TrimRight(a.Text, "?!. ") + " of " + conv.Person
		if follow, ok := e.readFollowUp(conv, a, of, quoted, ex, given, e.nearOf(conv), ws); ok {
			return follow, of
		}
	}
	if conv.Person == "" && !alone.Answered && hasPronoun(ws) && e.personIn(a.Text) == "" && !e.namesSomething(ws) {
		// "who's she?" with no one talked about yet: ask who is meant.
		ex.decided("a pronoun with no one to stand for: asked who is meant")
		return e.whoDoYouMean(), a.Text
	}
	if how == pointsAtThing {
		// "who said it was unwise?" may stand alone; "were they Iranian?" leans on what
		// came before. The reading that answers better wins, the conversation's on a tie.
		// "how many were wounded in that?" names nothing: read alone, it is answered of
		// whatever counts the wounded, which is no answer of what "that" is.
		near := e.nearOf(conv)
		if follow, ok := e.readFollowUp(conv, a, text, quoted, ex, given, near, ws); ok &&
			(follow.Confidence >= alone.Confidence || !alone.Answered || !e.namesSomething(ws) && !near[alone.ID] && alone.Kind != KindQuote) {
			return follow, text
		}
		if last, ok := e.docOf(e.lastEntry(conv)); ok && alone.Answered && !e.namesSomething(ws) && !near[alone.ID] && alone.Kind != KindQuote {
			if q := readAsk(a, quoted); !e.checks(last, q, a.Text) {
				ex.decided("read with the conversation, a near miss: " + last.entry.ID)
				return e.nearMiss(last, q, scored{score: alone.Confidence}), a.Text
			}
		}
		return alone, a.Text
	}
	if !conv.Empty() && how == standsAlone && alone.Kind == KindNotInArticle && len(conv.Given) > 0 {
		// "who did Iran blame instead?" after the Kerman attack: read alone it is a near
		// miss, read with what the conversation was about it may be answered.
		near := e.nearOf(conv)
		if follow, ok := e.readFollowUp(conv, a, text, quoted, ex, given, near, ws); ok {
			return follow, text
		}
		if last, ok := e.docOf(e.lastEntry(conv)); ok && !near[alone.ID] && !e.namesSomething(ws) {
			// "how many police officers were killed?" after the Rask attack: what the
			// article says of the attack talked about, not of another killing.
			q := readAsk(a, quoted)
			if !e.checks(last, q, a.Text) {
				ex.decided("read with the conversation, a near miss: " + last.entry.ID)
				return e.nearMiss(last, q, scored{score: alone.Confidence}), a.Text
			}
		}
	}
	if conv.Empty() || how != standsAlone || e.namesSomething(ws) && alone.Answered || !alone.Answered && alone.Kind != KindUnknown {
		return alone, a.Text
	}
	// It names nothing ("how many people died?"), or too little to be answered alone
	// ("which part of Iraq?"): it is most likely about what the conversation was about,
	// the last answers and the entries related to them, when that reads it at least as
	// well.
	if follow, ok := e.readFollowUp(conv, a, text, quoted, ex, given, e.nearOf(conv), ws); ok &&
		(follow.Confidence >= alone.Confidence-0.15 || !alone.Answered) {
		return follow, text
	}
	return alone, a.Text
}

// checks reports whether an entry gives the detail a question, in its own words, asks.
func (e *Engine) checks(d doc, q Query, text string) bool {
	ok, _ := e.check(d, q, e.an.analyze(text, true))
	return ok
}

// saysMostOf reports whether an entry's facts hold most of a passage's content words,
// so that the passage is the article's own account ("seven people who were not Iranian
// nationals lost their lives") and not words no one in it said.
func (e *Engine) saysMostOf(id, passage string) bool {
	d, ok := e.docOf(id)
	if !ok {
		return false
	}
	content, held := 0, 0
	for _, t := range e.an.analyze(passage, true) {
		if t.stop {
			continue
		}
		content++
		if d.facts.terms[t.term] {
			held++
		}
	}
	return content > 0 && held*5 >= content*3
}

// settled reports whether the facts said yes, no or partly to a claim the reply answers.
func settled(r Reply) bool {
	return r.Answered && (r.Verdict == VerdictYes || r.Verdict == VerdictNo || r.Verdict == VerdictPartly)
}

// contextAnswer is a reading of a follow-up that answers it from the conversation alone.
type contextAnswer struct {
	answer func(e *Engine, conv Context, a Ask, ws []string) (Reply, bool)
	why    string // what --explain says of it, before the entry given
	keeps  bool   // the conversation stays on the last question's subject
}

// fromContext are the readings of a follow-up answered from the conversation alone, in
// the order they are tried.
var fromContext = []contextAnswer{
	// "who said that?" keeps the subject: "and now?" after it asks of the last question.
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.whoSaidThat(c, ws) }, "said whose words the last answer gave: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.example(c, ws) }, "an example of the last answer: ", true},
	{(*Engine).namesOfLast, "the names of those the last answer spoke of: ", true},
	{(*Engine).detailOfLast, "the detail asked, of the last answer: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.phraseOfLast(c, ws) }, "the rest of the last answer's phrase asked of: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.eventOfLast(c, ws) }, "the earliest or latest of the events the last answer told of: ", false},
	// The conversation is still about the list: "which one is about the economy?" after
	// "the fifth?" asks of the reasons.
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.personAtOfLast(c, ws) }, "the one at that place in the list the conversation gave: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.nextOfLast(c, ws) }, "what comes next, or before, after the last answer: ", false},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.anotherReason(c, ws) }, "another of the reasons, after one of them: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.reasonOfList(c, ws) }, "the reason for optimism that fits best: ", true},
	{func(e *Engine, c Context, _ Ask, ws []string) (Reply, bool) { return e.fullQuote(c, ws) }, "the last quote in full: ", true},
	{(*Engine).sourceOfLast, "the source of the last answer: ", true},
}

// asksSource reports whether words ask only for a source: "source?", "sources pls", "src".
func asksSource(ws []string) bool {
	return len(ws) > 0 && len(ws) <= 3 && slices.ContainsFunc(ws, func(w string) bool { return sourceAsks[w] }) &&
		!slices.ContainsFunc(ws, func(w string) bool {
			return !sourceAsks[w] && !fillerWords[w] && w != "the" && w != "for" && w != "that"
		})
}

// sourceAsks ask for a source.
var sourceAsks = map[string]bool{"source": true, "sources": true, "src": true, "sauce": true, "citation": true, "cite": true}

// sourceOfLast answers "source?" after an answer: whose word it is where the article says,
// else the article itself.
func (e *Engine) sourceOfLast(conv Context, _ Ask, ws []string) (Reply, bool) {
	if len(conv.Given) == 0 || !asksSource(ws) {
		return Reply{}, false
	}
	if r, ok := e.whoSaidThat(conv, []string{"says", "who"}); ok {
		return r, true
	}
	if d, ok := e.docOfKind(knowledge.KindSource); ok {
		r := e.reply(d, "")
		r.Confidence = 1
		return r, true
	}
	return Reply{}, false
}

// fullQuote answers "full quote pls" or "the exact words?" with the quote the last answer
// gave, in full, with its speaker.
func (e *Engine) fullQuote(conv Context, ws []string) (Reply, bool) {
	if !asksFullQuote(ws) {
		return Reply{}, false
	}
	for k := len(conv.Given) - 1; k >= 0 && k >= len(conv.Given)-2; k-- {
		qid, ok := strings.CutPrefix(conv.Given[k], "quote:")
		if !ok {
			// An answer that told of someone's words without quoting them: the words
			// it draws on.
			if en, found := e.base.Entry(conv.Given[k]); found && len(en.Quotes) > 0 {
				qid, ok = en.Quotes[0], true
			}
		}
		if q, found := e.base.Quote(qid); ok && found {
			return e.attribute(q.Text)
		}
	}
	return Reply{}, false
}

// asksFullQuote reports whether words ask only for the last quote in full: "exact words?".
func asksFullQuote(ws []string) bool {
	return len(ws) > 0 && len(ws) <= 6 && slices.ContainsFunc(ws, func(w string) bool { return w == "quote" || w == "words" || w == "wording" || w == "rest" }) &&
		!slices.ContainsFunc(ws, func(w string) bool { return !fullQuoteWords[w] })
}

// fullQuoteWords may stand in "full quote pls", "the exact words?", "whole quote?", "the rest?".
var fullQuoteWords = map[string]bool{"full": true, "whole": true, "entire": true, "complete": true,
	"exact": true, "quote": true, "words": true, "wording": true, "the": true, "pls": true, "please": true,
	"give": true, "me": true, "can": true, "i": true, "get": true, "what": true, "was": true, "were": true, "its": true,
	"rest": true, "whats": true, "of": true, "it": true, "and": true, "is": true} // "whats the rest of it"

// otherStrike rewrites the last question of the other side's strike, for a correction
// ("no i meant the other strike", "the other one, pakistan's"): the last answer's strike
// is one side's, and the question is asked again without its date, of the other's.
func (e *Engine) otherStrike(conv Context, ws []string) (string, bool) {
	// "no i meant the other one", or "no i meant iran's strike" after one on Pakistan's.
	named := ""
	for _, w := range ws {
		switch w {
		case "iran", "irans", "iranian", "tehran", "tehrans":
			named = "iran"
		case "pakistan", "pakistans", "pakistani", "islamabad", "islamabads":
			named = "pakistan"
		}
	}
	other := slices.Contains(ws, "other")
	if conv.Question == "" || len(ws) > 8 || !other && named == "" ||
		!other && !slices.ContainsFunc(ws, func(w string) bool { return w == "meant" || w == "mean" }) ||
		!slices.ContainsFunc(ws, func(w string) bool { return w == "meant" || w == "mean" || w == "no" || w == "nah" }) {
		return "", false
	}
	last, ok := e.docOf(e.lastEntry(conv))
	if !ok || named != "" && sameAgent(last.agent, named) {
		return "", false
	}
	side := ""
	switch {
	case sameAgent(last.agent, "iran"):
		side = "Pakistan's"
	case sameAgent(last.agent, "pakistan"):
		side = "Iran's"
	default:
		return "", false
	}
	var out []string
	fields := strings.Fields(conv.Question)
	for i, f := range fields {
		w := foldWord(f)
		if months[stem(w)] || dayNumber(w) > 0 || demonyms[stem(w)] != "" || w == "iran" || w == "pakistan" || w == "irans" || w == "pakistans" ||
			w == "tehran" || w == "islamabad" {
			if i+1 < len(fields) && strings.HasPrefix(foldWord(fields[i+1]), "strike") {
				out = append(out, side) // "in Pakistan's strike" is "in Iran's strike"
				side = ""
			}
			continue // the first strike's date and side
		}
		out = append(out, f)
	}
	if side == "" {
		return strings.TrimRight(strings.Join(out, " "), "?!. ") + "?", true
	}
	for len(out) > 0 && (prepositions[foldWord(out[len(out)-1])] || foldWord(out[len(out)-1]) == "the") {
		out = out[:len(out)-1]
	}
	q := strings.TrimRight(strings.Join(out, " "), "?!. ")
	if strings.Contains(q, "the strike") {
		q = strings.Replace(q, "the strike", side+" strike", 1)
	} else {
		q += " in " + side + " strike"
	}
	return q + "?", true
}

// anotherReason answers "anything else?" or "more?" after one of the article's numbered
// reasons with the first of them not yet given.
func (e *Engine) anotherReason(conv Context, ws []string) (Reply, bool) {
	last, ok := e.docOf(e.lastEntry(conv))
	if !ok || last.entry.Kind != knowledge.KindReason || len(ws) == 0 || len(ws) > 5 ||
		!slices.ContainsFunc(ws, func(w string) bool { return w == "else" || w == "more" || w == "other" }) ||
		slices.ContainsFunc(ws, func(w string) bool { return !moreWords[w] }) {
		return Reply{}, false
	}
	for n := 1; n < len(ordinalWords); n++ {
		for _, d := range e.docs {
			if reasonPlace(d) == n && !slices.Contains(conv.Given, d.entry.ID) {
				return e.reply(d, ""), true
			}
		}
	}
	return Reply{}, false
}

// reasonOfList answers "which one is about the economy?" after the list of reasons for
// optimism, and "which of the five reasons is that?" after an answer that tells of one,
// with the reason that fits best: the one the words name, or the last answer's.
func (e *Engine) reasonOfList(conv Context, ws []string) (Reply, bool) {
	names := slices.ContainsFunc(ws, func(w string) bool { return optimismNouns[w] }) // "which reason", not "which one"
	if len(conv.Given) == 0 || !slices.Contains(ws, "which") || !names && !slices.Contains(ws, "one") {
		return Reply{}, false
	}
	last, ok := e.docOf(e.lastEntry(conv))
	if !ok {
		return Reply{}, false
	}
	list := strings.Contains(last.entry.Answer, "1) ") && strings.Contains(last.entry.Answer, "2) ")
	about := slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return isStop(w) || reasonListWords[w] || fillerWords[w] })
	text := strings.Join(about, " ")
	switch {
	case len(about) > 0 && (list || reasonPlace(last) > 0 && names):
		// "which one is about the economy?": the words say which.
	case len(about) == 0 && !list && reasonPlace(last) == 0 && slices.ContainsFunc(ws, func(w string) bool { return referents[w] }):
		// "which of the five reasons is that?": the reason the conversation told of
		// last, or the one nearest the last answer.
		for k := len(conv.Given) - 1; k >= 0; k-- {
			if d, ok := e.docOf(conv.Given[k]); ok && reasonPlace(d) > 0 {
				return e.reply(d, strings.Join(ws, " ")), true
			}
		}
		text = conv.Question + " " + last.entry.Answer
	default:
		return Reply{}, false
	}
	q := readAsk(Ask{Text: text}, "")
	rk := e.rank(e.an.analyze(text, true), q)
	for _, s := range rk.scores {
		if d := e.docs[s.doc]; reasonPlace(d) > 0 {
			return e.reply(d, strings.Join(ws, " ")), true
		}
	}
	return Reply{}, false
}

// optimismNouns name the article's reasons for optimism.
var optimismNouns = map[string]bool{"reason": true, "reasons": true, "factor": true, "factors": true}

// reasonListWords ask which of the reasons is meant, and say nothing of which.
var reasonListWords = map[string]bool{"which": true, "one": true, "ones": true, "reason": true,
	"reasons": true, "factor": true, "factors": true, "five": true, "number": true, "optimism": true}

// moreWords may stand in "anything else?", "any other reasons?", "more?".
var moreWords = map[string]bool{"anything": true, "else": true, "more": true, "other": true, "any": true,
	"reasons": true, "reason": true, "and": true, "what": true, "whats": true, "is": true, "are": true,
	"there": true, "so": true, "ok": true, "okay": true, "factors": true}

// besideInTime returns the event just before or after a dated entry, for a question that
// asks what came before or after it ("and before?", "what happened after the Kerman
// bombing?"); a span ("two days after") asks of the entry's own date, not another's.
func (e *Engine) besideInTime(d doc, q Query) (doc, bool) {
	ws := q.Words
	if sp := spans(ws); len(sp) > 0 {
		if q.Intent == IntentClaim || len(sp) != 1 || d.facts.spans[sp[0]] {
			// "Pakistan struck two days after Iran": the claim's own date; an entry that
			// is itself "one day after" something is the event asked for.
			return doc{}, false
		}
		// "what happened one day after Iran fired missiles?": the event that many days
		// from the entry's.
		return e.eventAt(d, sp[0], ws)
	}
	if d.entry.Date == "" {
		return doc{}, false
	}
	// Only a question of what happened ("what came before it?", "and after?") asks for
	// another event; "how long after…" and "which groups was Pakistan going after?" do not.
	if len(ws) > 4 && !slices.ContainsFunc(ws, func(w string) bool { return eventWords[w] }) {
		return doc{}, false
	}
	later := slices.ContainsFunc(ws, func(w string) bool { return w == "after" || w == "afterwards" || w == "later" || w == "next" })
	earlier := slices.ContainsFunc(ws, func(w string) bool { return w == "before" || w == "earlier" || w == "previously" || w == "prior" })
	if later == earlier {
		return doc{}, false
	}
	var pick *knowledge.Event
	for i := range e.base.Events {
		ev := &e.base.Events[i]
		switch {
		case ev.Entry == "" || ev.Entry == d.entry.ID || ev.Date == d.entry.Date:
		case later && ev.Date > d.entry.Date && (pick == nil || ev.Date < pick.Date):
			pick = ev
		case earlier && ev.Date < d.entry.Date && (pick == nil || ev.Date > pick.Date):
			pick = ev
		}
	}
	if pick == nil {
		return doc{}, false
	}
	return e.docOf(pick.Entry)
}

// eventAt returns the timeline's event a span of days after or before a dated entry, as
// the question's "after" or "before" says, if there is one.
func (e *Engine) eventAt(d doc, days int, ws []string) (doc, bool) {
	from, err := time.Parse(time.DateOnly, e.dateOf(d))
	if err != nil || days == 0 {
		return doc{}, false
	}
	switch {
	case slices.ContainsFunc(ws, func(w string) bool { return w == "before" || w == "earlier" || w == "prior" }):
		days = -days
	case !slices.ContainsFunc(ws, func(w string) bool { return w == "after" || w == "later" || w == "afterwards" }):
		return doc{}, false
	}
	at := from.AddDate(0, 0, days).Format(time.DateOnly)
	for _, ev := range e.base.Events {
		if ev.Date == at && ev.Entry != "" && ev.Entry != d.entry.ID {
			return e.docOf(ev.Entry)
		}
	}
	return doc{}, false
}

// dateOf returns an entry's date, or, for an undated entry whose answer gives one day,
// the date of the timeline's event on that day; "" if neither.
func (e *Engine) dateOf(d doc) string {
	if d.entry.Date != "" || len(d.facts.dates) != 1 {
		return d.entry.Date
	}
	for _, ev := range e.base.Events {
		at, err := time.Parse(time.DateOnly, ev.Date)
		if err == nil && at.Day() == d.facts.dates[0].day && stem(strings.ToLower(at.Month().String())) == d.facts.dates[0].month {
			return ev.Date
		}
	}
	return ""
}

// firstMover settles a claim of who struck first ("Pakistan struck first", "did Iran
// start it?") by the first of the two cross-border strikes in the timeline: the entry
// that tells of it, and Yes when the claim's doer is its doer.
func (e *Engine) firstMover(q Query, toks []token) (doc, Verdict, bool) {
	// "Pakistan struck first" or "did Pakistan start it?" asks the order; "the first
	// foreign attack", "warned Pakistan first" do not.
	struck := slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:strike" || t.term == "alias:retali" })
	asks := false
	for i, w := range q.Words {
		switch {
		case w == "first":
			// "pakistan hit first, iran was retaliating": a name after it starts a clause.
			asks = asks || struck && (i+1 == len(q.Words) || q.Words[i+1] != "time" && (isStop(q.Words[i+1]) || e.namesSomething(q.Words[i+1:i+2])))
		case orderWords[w]:
			// "did the iran-iraq war start in 1980?" asks of the war's start, not who
			// started the strikes.
			asks = asks || i == 0 || !isNoun(q.Words[i-1]) || e.namesSomething(q.Words[i-1:i])
		}
	}
	if !asks {
		return doc{}, VerdictOpen, false
	}
	// "wasn't it Pakistan that struck first?" asks whether it was; "Pakistan didn't strike
	// first" says it was not.
	negated := q.Negated && !(len(q.Words) > 0 && negatedOpeners[q.Words[0]])
	var first doc
	found := false
	for _, ev := range e.base.Events { // in date order
		if d, ok := e.docOf(ev.Entry); ev.Strike && ok && d.agent != "" {
			first, found = d, true
			break
		}
	}
	if !found {
		return doc{}, VerdictOpen, false
	}
	for _, t := range toks {
		if t.stop || !e.isName(t.term) {
			continue
		}
		doer := strings.TrimPrefix(t.term, "alias:")
		if doer != first.agent && !e.strikes(doer) {
			continue // a name that struck neither blow: not the claim's doer
		}
		v := VerdictNo
		if sameAgent(doer, first.agent) != negated {
			v = VerdictYes
		}
		return first, v, true
	}
	return doc{}, VerdictOpen, false
}

// strikes reports whether a name is the doer of one of the timeline's strikes.
func (e *Engine) strikes(agent string) bool {
	for _, ev := range e.base.Events {
		if d, ok := e.docOf(ev.Entry); ev.Strike && ok && sameAgent(d.agent, agent) {
			return true
		}
	}
	return false
}

// negatedOpeners open a question that is negative only in its form: "wasn't it…?".
var negatedOpeners = map[string]bool{"wasnt": true, "isnt": true, "didnt": true, "doesnt": true,
	"werent": true, "arent": true, "hasnt": true, "havent": true, "wait": true}

// orderWords ask who did something first.
var orderWords = map[string]bool{"started": true, "start": true, "starts": true,
	"began": true, "begin": true, "initiated": true, "initiate": true}

// eventWords ask what happened.
var eventWords = map[string]bool{"happened": true, "happen": true, "happens": true, "came": true,
	"come": true, "followed": true, "follow": true, "preceded": true, "precede": true, "next": true}

// phraseOfLast answers "vulnerable to whom?", "backed by who?" with the last answer, when
// it says the word the follow-up asks of followed by its preposition ("vulnerable to its
// adversaries"): the rest of that phrase is what is asked.
func (e *Engine) phraseOfLast(conv Context, ws []string) (Reply, bool) {
	n := len(ws)
	if n < 3 || n > 4 || !whWords[ws[n-1]] || !prepositions[ws[n-2]] && ws[n-2] != "to" && ws[n-2] != "against" || isStop(ws[n-3]) {
		return Reply{}, false
	}
	d, ok := e.docOf(e.lastEntry(conv))
	if !ok || !hasPhrase(words(d.entry.Answer), ws[n-3:n-1]) {
		return Reply{}, false
	}
	return e.reply(d, strings.Join(ws, " ")), true
}

// example answers "give me an example", "for instance?" with the first entry related to
// the last answer that the conversation has not given yet: what the answer spoke of.
func (e *Engine) example(conv Context, ws []string) (Reply, bool) {
	if len(ws) > 6 || len(conv.Given) == 0 || !slices.ContainsFunc(ws, func(w string) bool { return w == "example" || w == "examples" || w == "instance" }) {
		return Reply{}, false
	}
	last, ok := e.base.Entry(conv.Given[len(conv.Given)-1])
	if !ok {
		return Reply{}, false
	}
	if d, ok := e.docOf(last.ID); ok && slices.ContainsFunc(exampleMarkers, func(m string) bool { return strings.Contains(last.Answer, m) }) {
		// "what example does he give?" after "…pointing to what the US has been doing":
		// the example is in the last answer.
		r := e.reply(d, "")
		r.Confidence = 1
		return r, true
	}
	for _, id := range last.Related {
		if slices.Contains(conv.Given, id) {
			continue
		}
		if d, ok := e.docOf(id); ok {
			r := e.reply(d, "")
			r.Confidence = 1
			return r, true
		}
	}
	return Reply{}, false
}

// exampleMarkers introduce an example in an answer.
var exampleMarkers = []string{"pointing to", "such as", "for example", "for instance", "as an example"}

// namesOfLast answers "their names?" or "names?" after an answer: with that answer when
// it names the people it speaks of, and with what it does say when it names no one ("two
// children were killed" gives no names).
func (e *Engine) namesOfLast(conv Context, a Ask, ws []string) (Reply, bool) {
	if len(ws) > 5 || !namesOfThem(ws) {
		return Reply{}, false
	}
	d, ok := e.docOf(e.lastEntry(conv))
	if !ok {
		return Reply{}, false
	}
	for term := range d.facts.terms {
		if _, ok := e.personTerms[term]; ok {
			return e.reply(d, a.Text), true
		}
	}
	r := e.nearMiss(d, readAsk(a, ""), scored{score: 1})
	r.Answer = "The article does not give their names. What it does say: " + firstSentences(d.entry.Answer, 2)
	return r, true
}

// namesOfThem reports whether words ask the names of the people talked about: "their
// names?", "names?", "what were their names". "His name" is asked of the person talked
// about, as any question about him is.
func namesOfThem(ws []string) bool {
	for i, w := range ws {
		if w == "names" && (len(ws) == 1 || i > 0 && ws[i-1] == "their") {
			return true
		}
	}
	return false
}

// lastEntry returns the id of the newest entry a conversation gave, or "".
func (e *Engine) lastEntry(conv Context) string {
	for _, id := range slices.Backward(conv.Given) {
		if !strings.HasPrefix(id, "quote:") {
			return id // quotes are given as "quote:ID"
		}
	}
	return ""
}

// detailOfLast answers a follow-up that asks only for a detail ("where was that?",
// "when?", "who did it?") with the entry last given, when that entry gives the detail:
// "that" is what was just told, not whatever else the last question's words match.
func (e *Engine) detailOfLast(conv Context, a Ask, ws []string) (Reply, bool) {
	since := asksHowLongSo(ws) // "for how long?", "how long has that been the case?"
	if len(conv.Given) == 0 || !since && (len(ws) > 4 || len(e.contentOf(ws)) > 0 ||
		slices.ContainsFunc(ws, func(w string) bool { return followUpWords[w] || ordinals[w] || pronouns[w] })) || e.namesSomething(ws) {
		return Reply{}, false
	}
	q := readAsk(Ask{Text: a.Text}, "")
	switch {
	case q.Type == knowledge.TypeWhen, q.Type == knowledge.TypeWhere, q.Type == knowledge.TypeWho, q.Type == knowledge.TypeHowMany, since:
	case len(ws) == 2 && swapFillers[ws[0]] && questionWords[ws[1]]:
		// "with what?", "by what?": what the last answer did it with.
	default:
		return Reply{}, false
	}
	if q.Intent != IntentFact {
		return Reply{}, false
	}
	d, ok := e.docOf(e.lastEntry(conv))
	if !ok {
		return Reply{}, false
	}
	if ok, _ := e.check(d, q, e.an.analyze(q.Text, true)); !ok && !((q.Type == knowledge.TypeWho || q.Type == knowledge.TypeWhere) && e.namesOthers(d, conv.Question, q.Type == knowledge.TypeWhere)) {
		return Reply{}, false
	}
	return e.reply(d, a.Text), true
}

// namesOthers reports whether an entry's answer names someone, or with places set
// somewhere, a question did not: "to who?" after "what message was Iran sending?" is
// answered by "a message to Pakistan and other regional actors", "where?" after "when
// does the FM visit?" by "due to visit Pakistan".
func (e *Engine) namesOthers(d doc, question string, places bool) bool {
	asked := e.namesOf(words(question))
	for _, n := range e.namesOf(words(d.entry.Answer)) {
		if slices.Contains(asked, n) || e.personIn(n) != "" {
			continue
		}
		if !places {
			return true
		}
		if toks := e.an.analyze(n, false); len(toks) > 0 {
			if _, place := e.placeKind[toks[0].term]; place {
				return true
			}
		}
	}
	return false
}

// eventOfLast answers "the earliest one?" or "and the most recent?" after an answer that
// tells of several dated events with the earliest or the latest of them.
func (e *Engine) eventOfLast(conv Context, ws []string) (Reply, bool) {
	// "first" and "last" may be of a list of reasons; "earliest" and "latest" are of time.
	earliest := slices.ContainsFunc(ws, func(w string) bool { return w == "earliest" || w == "oldest" })
	latest := slices.ContainsFunc(ws, func(w string) bool { return w == "latest" || w == "newest" || w == "recent" })
	if earliest == latest || len(ws) > 6 || slices.ContainsFunc(e.contentOf(ws), func(w string) bool { return !eventOfLastWords[w] }) {
		return Reply{}, false
	}
	if slices.ContainsFunc(ws, func(w string) bool { return w == "article" || w == "piece" || w == "mentioned" }) {
		return Reply{}, false // "the latest date in the article": of the whole timeline
	}
	if _, ok := e.ordinalFollowUp(ws, conv.Question); ok {
		return Reply{}, false // "and the last one?" after the reasons for optimism: the last reason
	}
	// The last answer that told of several events: "what about the most recent one?"
	// after a turn on one of them still asks of the list.
	var told []knowledge.Event
	given := conv.Given[max(0, len(conv.Given)-3):]
	for _, id := range slices.Backward(given) {
		d, ok := e.docOf(id)
		if !ok {
			continue
		}
		told = told[:0]
		for _, ev := range e.base.Events {
			t, err := time.Parse(knowledge.DateLayout, ev.Date)
			if err != nil || ev.Entry == "" || ev.Entry == d.entry.ID {
				continue
			}
			if (date{day: t.Day(), month: stem(strings.ToLower(t.Month().String()))}).in(d.facts.dates) {
				told = append(told, ev)
			}
		}
		if len(told) >= 2 {
			break
		}
	}
	if len(told) < 2 {
		return Reply{}, false
	}
	pick := told[0] // the events are in the order of their dates
	if latest {
		pick = told[len(told)-1]
	}
	next, ok := e.docOf(pick.Entry)
	if !ok {
		return Reply{}, false
	}
	r := e.reply(next, "")
	r.moved = true
	return r, true
}

// eventNamed returns the index of the timeline event that words name, by the names of
// few events they share with it ("the rask attack", "kerman"), or -1.
func (e *Engine) eventNamed(side []string) int { return e.eventNamedBy(side, false) }

// eventNamedBy is eventNamed, where loose lets a word only one event's text holds name
// it as a name would ("how many days from pakistan's strikes to the FM visit?").
func (e *Engine) eventNamedBy(side []string, loose bool) int {
	asked := e.an.analyze(strings.Join(side, " "), true)
	best, bestFit, second := -1, 0.0, 0.0
	for i, ev := range e.base.Events {
		if ev.Entry == "" {
			continue
		}
		shared, names, content := 0, 0, 0
		for _, u := range e.eventToks[i] {
			if u.stop {
				continue
			}
			content++
			if slices.ContainsFunc(asked, func(t token) bool { return !t.stop && t.term == u.term }) {
				shared++
				// A name of few events names one: Rask, Kerman; not Iran or Pakistan,
				// "between Iran and Pakistan" asks of the two, not of a time.
				if e.isName(u.term) && e.eventNames[u.term] <= 2 || loose && e.onlyEventWith(u.term) == i {
					names++ // or, where two events are asked apart, a word of one alone: "the FM visit"
				}
			}
		}
		fit := float64(shared) / float64(max(content, 1))
		switch {
		case names > 0 && fit > bestFit:
			best, bestFit, second = i, fit, bestFit
		case fit > second:
			second = fit
		}
	}
	if bestFit <= second {
		return -1 // "between Iran and Pakistan" names no one event
	}
	return best
}

// onlyEventWith returns the index of the one timeline event whose words hold a term, or
// -1 when none or several do.
func (e *Engine) onlyEventWith(term string) int {
	at := -1
	for i, toks := range e.eventToks {
		if slices.ContainsFunc(toks, func(t token) bool { return !t.stop && t.term == term }) {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// firstOfTwo answers "which came first, kerman or rask?" from the timeline: the two
// events, the earlier first, each with its date.
func (e *Engine) firstOfTwo(ws []string) (Reply, bool) {
	a, b, ok := e.twoEvents(ws, func(w string) bool { return sequenceWords[w] })
	if !ok || e.base.Events[a].Date == e.base.Events[b].Date {
		return Reply{}, false
	}
	first, then := e.base.Events[min(a, b)], e.base.Events[max(a, b)]
	if first.Date > then.Date {
		first, then = then, first
	}
	return e.orderReply(first, then)
}

// deadlierOfTwo answers "kerman vs saravan, which had more deaths?" from the timeline:
// the two events, the one that killed more first, each with its date and its toll.
func (e *Engine) deadlierOfTwo(ws []string) (Reply, bool) {
	if !slices.ContainsFunc(ws, func(w string) bool { return deadlierWords[w] }) &&
		!(slices.Contains(ws, "more") || slices.Contains(ws, "higher") || slices.Contains(ws, "bigger")) {
		return Reply{}, false
	}
	a, b, ok := e.twoEvents(ws, func(w string) bool { return deadlierWords[w] || casualtyWords[w] || w == "toll" })
	if !ok {
		return Reply{}, false
	}
	// The toll as the timeline tells it: "…, killing seven people who were not Iranian nationals."
	toll := func(ev knowledge.Event) int {
		most := 0
		for n, kind := range e.readFact(ev.Text, nil).tolls {
			if kind == "alias:kill" && n > most {
				most = n
			}
		}
		return most
	}
	more, fewer := e.base.Events[a], e.base.Events[b]
	n, m := toll(more), toll(fewer)
	if n == 0 || m == 0 || n == m {
		return Reply{}, false // a toll the article does not give is no comparison
	}
	if m > n {
		more, fewer = fewer, more
	}
	return e.pairReply("The deadlier of the two was on "+eventDay(more)+": "+more.Text+" The other, on "+eventDay(fewer)+": "+fewer.Text, more)
}

// pairReply answers with a text about two events of the timeline, from the entry of the
// first.
func (e *Engine) pairReply(text string, first knowledge.Event) (Reply, bool) {
	d, ok := e.docOf(first.Entry)
	if !ok {
		return Reply{}, false
	}
	r := e.reply(d, "")
	r.Answer = text
	r.Quotes = nil
	r.Confidence = 1
	return r, true
}

// orderReply tells two events of the timeline in order, each with its date, and the days
// between them, which claims of order often get wrong: "The first of the two was on
// 14 January 2024, two days earlier: … Then, two days after it, on 16 January 2024: …".
func (e *Engine) orderReply(first, then knowledge.Event) (Reply, bool) {
	t1, err1 := time.Parse(knowledge.DateLayout, first.Date)
	t2, err2 := time.Parse(knowledge.DateLayout, then.Date)
	if err1 != nil || err2 != nil || !t2.After(t1) {
		return Reply{}, false
	}
	span := daysWord(int(t2.Sub(t1).Hours() / 24))
	return e.pairReply("The first of the two was on "+eventDay(first)+", "+span+" earlier: "+first.Text+
		" Then, "+span+" after it, on "+eventDay(then)+": "+then.Text, first)
}

// eventDay is the date of an event as replies write it: "14 January 2024".
func eventDay(ev knowledge.Event) string {
	t, _ := time.Parse(knowledge.DateLayout, ev.Date)
	return t.Format("2 January 2006")
}

// daysWord spells a number of days as the article would: "one day", "two days", "11 days".
func daysWord(n int) string {
	words := []string{"", "one day", "two days", "three days", "four days", "five days", "six days", "seven days", "eight days", "nine days", "ten days"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n) + " days"
}

// deadlierWords compare two events by their dead.
var deadlierWords = map[string]bool{"deadlier": true, "bloodier": true, "deadliest": true, "bloodiest": true, "worse": true}

// claimedOrder settles a claim of the order of two events, "A, then B", "A before B",
// "B after A", from the timeline: Yes or No, and the two events with their dates.
func (e *Engine) claimedOrder(ws []string) (Reply, Verdict, bool) {
	at := slices.IndexFunc(ws, func(w string) bool { return w == "then" || w == "before" || w == "after" })
	if at < 1 || at+1 >= len(ws) || slices.ContainsFunc(ws[at+1:], func(w string) bool { return w == "then" || w == "before" || w == "after" }) {
		return Reply{}, VerdictOpen, false
	}
	named := func(part []string) int {
		return e.eventOfSide(part, func(w string) bool { return w == "and" || w == "later" || w == "days" || w == "few" })
	}
	left, right := ws[:at], ws[at+1:]
	if slices.ContainsFunc(right, func(w string) bool { return w == "its" || w == "their" }) {
		// "iran hit syria after its pakistan strike": its strike is the subject's own.
		names := e.namesOf(left)
		if len(names) == 0 {
			return Reply{}, VerdictOpen, false
		}
		right = []string{names[0], "strike"}
	}
	a, b := named(left), named(right)
	if a < 0 || b < 0 || a == b || e.base.Events[a].Date == e.base.Events[b].Date {
		return Reply{}, VerdictOpen, false
	}
	first, then := e.base.Events[a], e.base.Events[b]
	if ws[at] == "after" {
		first, then = then, first // "B after A": A is claimed first
	}
	v := VerdictYes
	if first.Date > then.Date {
		v, first, then = VerdictNo, then, first
	}
	if v == VerdictYes && slices.ContainsFunc(ws, func(w string) bool { return intervalWords[w] || isNumber(w) }) {
		// "javidanfar was killed like a week after iran's strike": the order holds, the
		// span is what the claim checks, which the entry's facts settle.
		return Reply{}, VerdictOpen, false
	}
	r, ok := e.orderReply(first, then)
	return r, v, ok
}

// intervalWords measure the time between two events.
var intervalWords = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true,
	"months": true, "hour": true, "hours": true, "year": true, "years": true}

// twoEvents returns the timeline's two events a choice between them names, "which came
// first, iran's strike or pakistan's", "kerman vs saravan, which was deadlier?", when
// words hold what the choice is about (cue).
func (e *Engine) twoEvents(ws []string, cue func(string) bool) (a, b int, ok bool) {
	// "rask attack vs mousavi killing, which came first?": vs is the or of a choice.
	or := slices.IndexFunc(ws, func(w string) bool { return w == "or" || w == "vs" || w == "versus" })
	if or < 1 || or+1 >= len(ws) || !slices.ContainsFunc(ws, cue) {
		return 0, 0, false
	}
	// "which came first, iran's strike or pakistan's"; "was mousavi killed before or
	// after the kerman attack": the two events are the two sides of "or", or what stands
	// before "before or after" and after it.
	left, right := ws[:or], ws[or+1:]
	switch {
	case or >= 2 && (ws[or-1] == "before" && ws[or+1] == "after" || ws[or-1] == "after" && ws[or+1] == "before"):
		left, right = ws[:or-1], ws[or+2:]
	case !slices.ContainsFunc(ws, func(w string) bool { return w == "which" || w == "what" || w == "whichever" }):
		return 0, 0, false
	}
	a, b = e.eventOfSide(left, cue), e.eventOfSide(right, cue)
	// "iran's strike or pakistan's?": the other side is a strike too, of its own agent.
	if a >= 0 && b < 0 && e.base.Events[a].Strike {
		b = e.strikeNamed(append(sideWords(right, cue), "strike"))
	} else if b >= 0 && a < 0 && e.base.Events[b].Strike {
		a = e.strikeNamed(append(sideWords(left, cue), "strike"))
	}
	return a, b, a >= 0 && b >= 0 && a != b
}

// sideWords returns the words of one side of a choice or an order as they name its event,
// without the asking ("what came later, the kerman bombing") or the words drop says.
func sideWords(part []string, drop func(string) bool) []string {
	return slices.DeleteFunc(slices.Clone(part), func(w string) bool {
		return drop(w) || sequenceWords[w] || eventWords[w] || questionWords[w] || copulas[w] || fillerWords[w]
	})
}

// eventOfSide returns the timeline event one side of a choice or an order names, by its
// words or as a strike ("iran's strike", "the retaliation"), or -1.
func (e *Engine) eventOfSide(part []string, drop func(string) bool) int {
	return e.eventOfSideBy(part, drop, false)
}

// eventOfSideBy is eventOfSide, named loosely as eventNamedBy says.
func (e *Engine) eventOfSideBy(part []string, drop func(string) bool, loose bool) int {
	ws := sideWords(part, drop)
	if i := e.eventNamedBy(ws, loose); i >= 0 {
		return i
	}
	return e.strikeNamed(ws)
}

// eventAround answers "what happened after iran's strike?" and "what came before the
// kerman bombing?" with the timeline's next or previous event to the one named.
func (e *Engine) eventAround(q Query) (Reply, bool) {
	ws := q.Words
	// "did jaish al-adl do anything after iran's strike?": a deed of theirs, unnamed.
	deed := slices.ContainsFunc(ws, func(w string) bool { return w == "do" || w == "did" || w == "does" }) &&
		slices.ContainsFunc(ws, func(w string) bool { return w == "anything" || w == "something" })
	if !deed && (q.Intent == IntentClaim || !slices.ContainsFunc(ws, func(w string) bool { return eventWords[w] })) {
		return Reply{}, false
	}
	at := slices.IndexFunc(ws, func(w string) bool { return w == "after" || w == "before" })
	if at < 0 || at+1 >= len(ws) || slices.ContainsFunc(ws[at+1:], func(w string) bool { return w == "after" || w == "before" }) {
		return Reply{}, false
	}
	doer := ""
	if deed {
		if doer = e.agent(e.an.analyze(strings.Join(ws[:at], " "), true)); doer == "" {
			return Reply{}, false
		}
	}
	i := e.eventNamed(ws[at+1:])
	if i < 0 {
		i = e.strikeNamed(ws[at+1:])
	}
	if i < 0 {
		return Reply{}, false
	}
	named := e.base.Events[i]
	var pick *knowledge.Event
	for k := range e.base.Events {
		ev := &e.base.Events[k]
		d, ok := e.docOf(ev.Entry)
		switch {
		case !ok || ev.Date == named.Date || doer != "" && !sameAgent(doer, d.agent):
		case ws[at] == "after" && ev.Date > named.Date && (pick == nil || ev.Date < pick.Date):
			pick = ev
		case ws[at] == "before" && ev.Date < named.Date && (pick == nil || ev.Date > pick.Date):
			pick = ev
		}
	}
	return e.eventReply(pick, q)
}

// eventReply answers a question with the entry of a timeline event, or not at all when
// there is none.
func (e *Engine) eventReply(ev *knowledge.Event, q Query) (Reply, bool) {
	if ev == nil {
		return Reply{}, false
	}
	d, ok := e.docOf(ev.Entry)
	if !ok {
		return Reply{}, false
	}
	r := e.reply(d, q.Text)
	r.Confidence = 1
	return r, true
}

// strikeNamed returns the index of the cross-border strike that words name by its side
// ("iran's strike", "the pakistani strikes"), or -1.
func (e *Engine) strikeNamed(side []string) int {
	toks := e.an.analyze(strings.Join(side, " "), true)
	retaliation := slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:retali" })
	if !retaliation && !slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:strike" }) {
		return -1
	}
	agent := e.agent(toks)
	if agent == "" {
		for _, t := range toks {
			if c := demonyms[t.term]; c != "" {
				agent = c
			} else if t.term == "alias:iran" || t.term == "alias:pakistan" {
				agent = strings.TrimPrefix(t.term, "alias:")
			}
			if agent != "" {
				break
			}
		}
	}
	found := -1
	if agent == "" && retaliation {
		// "the retaliation": the later of the strikes, which answered the first.
		for i, ev := range e.base.Events {
			if ev.Strike && (found < 0 || ev.Date > e.base.Events[found].Date) {
				found = i
			}
		}
		return found
	}
	for i, ev := range e.base.Events {
		if d, ok := e.docOf(ev.Entry); ok && ev.Strike && agent != "" && sameAgent(agent, d.agent) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// deadliest answers "what was the deadliest attack mentioned?" with the timeline's event
// whose entry counts the most dead.
func (e *Engine) deadliest(q Query) (Reply, bool) {
	ws := q.Words
	if !slices.ContainsFunc(ws, func(w string) bool { return w == "deadliest" || w == "bloodiest" }) &&
		!slices.ContainsFunc(deadliestPhrases, func(p []string) bool { return hasPhrase(ws, p) }) {
		return Reply{}, false
	}
	best, most := doc{}, 0
	for _, ev := range e.base.Events {
		d, ok := e.docOf(ev.Entry)
		if !ok {
			continue
		}
		for n, kind := range d.facts.tolls {
			if kind == "alias:kill" && n > most {
				best, most = d, n
			}
		}
	}
	if most == 0 {
		return Reply{}, false
	}
	r := e.reply(best, q.Text)
	r.Confidence = 1
	return r, true
}

// timelineEnd answers "last date mentioned?", "what's the earliest event in the article?"
// with the timeline's last or first event.
func (e *Engine) timelineEnd(q Query) (Reply, bool) {
	ws := q.Words
	last := slices.ContainsFunc(ws, func(w string) bool { return w == "last" || w == "latest" || w == "final" || w == "newest" })
	first := slices.ContainsFunc(ws, func(w string) bool { return w == "first" || w == "earliest" || w == "oldest" })
	if last == first || q.Intent == IntentClaim || !slices.ContainsFunc(ws, func(w string) bool {
		// "and whats the latest one?" after the earliest event: one of the events.
		return w == "date" || w == "dates" || w == "event" || w == "events" || w == "thing" || w == "happened" || w == "one"
	}) {
		return Reply{}, false
	}
	// Only the asking, of the article as a whole: "what's the last date mentioned in the
	// article?", not "the last date of the ambassadors' return".
	for _, w := range ws {
		if !isStop(w) && !fillerWords[w] && !endWords[w] {
			return Reply{}, false
		}
	}
	var pick *knowledge.Event
	for i := range e.base.Events {
		ev := &e.base.Events[i]
		if ev.Entry == "" {
			continue
		}
		if pick == nil || last && ev.Date > pick.Date || first && ev.Date < pick.Date {
			pick = ev
		}
	}
	return e.eventReply(pick, q)
}

// endWords may stand in a question about the first or last event of the article.
var endWords = map[string]bool{"last": true, "latest": true, "final": true, "newest": true, "first": true,
	"earliest": true, "oldest": true, "date": true, "dates": true, "event": true, "events": true,
	"thing": true, "happened": true, "mentioned": true, "article": true, "piece": true, "given": true,
	"timeline": true, "whats": true}

// deadliestPhrases ask which event killed the most.
var deadliestPhrases = [][]string{{"most", "deadly"}, {"most", "people", "killed"}, {"most", "deaths"},
	{"killed", "the", "most"}, {"most", "casualties"}, {"highest", "death", "toll"}, {"biggest", "death", "toll"}}

// sequenceWords ask which of two events came first or last.
var sequenceWords = map[string]bool{"first": true, "earlier": true, "before": true, "sooner": true,
	"last": true, "later": true, "after": true, "second": true, "earliest": true, "latest": true}

// daysBetween answers "how many days between rask and iran's strike?" or "from rask to
// iran's strike" with the two
// events of the timeline in order, each with its date, and the days between them.
func (e *Engine) daysBetween(ws []string) (Reply, bool) {
	// "between A and B", or "from A to B" ("how many days from pakistan's strikes to
	// the FM visit?").
	at, joiner := slices.Index(ws, "between"), "and"
	if at < 0 {
		at, joiner = slices.Index(ws, "from"), "to"
		if at >= 0 && !slices.Contains(ws[at:], "to") {
			joiner = "until"
		}
	}
	if at < 1 || !slices.ContainsFunc(ws[:at], func(w string) bool { return w == "days" || w == "long" || w == "time" || w == "weeks" }) {
		return Reply{}, false
	}
	and := slices.Index(ws[at:], joiner)
	if and < 2 {
		return Reply{}, false
	}
	drop := func(w string) bool {
		return intervalWords[w] || w == "many" || w == "much" || w == "long" || w == "time"
	}
	a, b := e.eventOfSideBy(ws[at+1:at+and], drop, true), e.eventOfSideBy(ws[at+and+1:], drop, true)
	if a < 0 || b < 0 || a == b || e.base.Events[a].Date == e.base.Events[b].Date {
		return Reply{}, false
	}
	first, then := e.base.Events[a], e.base.Events[b]
	if first.Date > then.Date {
		first, then = then, first
	}
	return e.orderReply(first, then)
}

// eventBetween answers "what came between Rask and Kerman?" with the events the timeline
// has between the two the words name, each the event whose words in the timeline fit best.
func (e *Engine) eventBetween(ws []string) (Reply, bool) {
	at := slices.Index(ws, "between")
	if at < 0 {
		return Reply{}, false
	}
	and := slices.Index(ws[at:], "and")
	if and < 0 {
		return Reply{}, false
	}
	a, b := e.eventNamed(ws[at+1:at+and]), e.eventNamed(ws[at+and+1:])
	if a < 0 || b < 0 || e.base.Events[a].Date == e.base.Events[b].Date {
		return Reply{}, false
	}
	from, to := e.base.Events[min(a, b)].Date, e.base.Events[max(a, b)].Date
	var r Reply
	var told []string
	for _, ev := range e.base.Events {
		if ev.Date <= from || ev.Date >= to || ev.Entry == "" {
			continue
		}
		d, ok := e.docOf(ev.Entry)
		if !ok {
			continue
		}
		if r.ID == "" {
			r = e.reply(d, "")
		}
		t, _ := time.Parse(knowledge.DateLayout, ev.Date)
		told = append(told, t.Format("2 January 2006")+": "+ev.Text)
	}
	if len(told) < 2 {
		return r, len(told) == 1
	}
	// Several: each in a line of its own, from the timeline.
	r.Answer = "Between them, the article tells of:\n" + strings.Join(told, "\n")
	r.Quotes = nil
	return r, true
}

// reasonAt answers "what's the third reason the article gives for thinking things won't
// escalate?" with the entry whose answer counts itself that reason.
func (e *Engine) reasonAt(ws []string) (Reply, bool) {
	n, places := ordinalAt(ws), 0
	for i, w := range ws {
		if ordinalPlaces[w] > 0 || w == "last" || w == "many" || i > 0 && ws[i-1] == "number" && numberWord(w) > 0 {
			places++ // "the 4th and the 5th", "how many … and the first", "number 3 and number 4": the list answers
		}
	}
	if n <= 0 || !slices.ContainsFunc(ws, func(w string) bool { return optimismNouns[w] }) {
		return Reply{}, false
	}
	if places > 1 {
		// "whats the first and the fifth reason?": the entry that numbers them all.
		for _, d := range e.docs {
			if strings.Contains(d.entry.Answer, "1) ") && strings.Contains(d.entry.Answer, "2) ") {
				return e.reply(d, ""), true
			}
		}
		return Reply{}, false
	}
	for _, d := range e.docs {
		if reasonPlace(d) == n {
			return e.reply(d, ""), true
		}
	}
	return Reply{}, false
}

// spelledOut answers "what does IRGC stand for?" or "what does BLA mean?" with the entry
// whose answer spells the letters out before them in brackets, as the article does:
// "Islamic Revolutionary Guard Corps (IRGC)".
func (e *Engine) spelledOut(q Query) (Reply, bool) {
	asks := false // "stand for", "acronym", "short for", "full form", "what does BLA mean"
	for i, w := range q.Words {
		// "mean" asks what the letters stand for only in a short question: "what did
		// Parsi mean by a degrading of the IRGC's capabilities?" asks for more.
		asks = asks || (w == "mean" || w == "means" || w == "meaning") && len(q.Words) <= 8
		next := ""
		if i+1 < len(q.Words) {
			next = q.Words[i+1]
		}
		asks = asks || (w == "stand" || w == "stands" || w == "stood" || w == "short") && next == "for" ||
			w == "acronym" || w == "abbreviation" || w == "full" && next == "form"
	}
	if !asks {
		return Reply{}, false
	}
	for _, w := range strings.Fields(q.Text) {
		word := strings.Trim(w, "?!.,:;'\"“”")
		letters := strings.ToUpper(word)
		if len(letters) < 2 || len(letters) > 6 || strings.ContainsFunc(letters, func(r rune) bool { return r < 'A' || r > 'Z' }) {
			continue
		}
		// Letters the user wrote in capitals, or that name something of the base: "is"
		// is no acronym, "irgc" is.
		if toks := e.an.analyze(word, true); word != letters && (len(toks) == 0 || !strings.HasPrefix(toks[0].term, "alias:")) {
			continue
		}
		for _, d := range e.docs {
			if strings.Contains(d.entry.Answer, "("+letters+")") {
				return e.reply(d, q.Text), true
			}
		}
	}
	return Reply{}, false
}

// nextOfLast answers "next", "and then?" or "what came before that?" after an answer
// that has a place in an order: the next or the previous reason after one of the
// article's numbered reasons, the next or the previous event after a dated one.
func (e *Engine) nextOfLast(conv Context, ws []string) (Reply, bool) {
	// "lol and then?": chat fillers ask nothing more.
	ws = slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return fillerWords[w] && !nextWords[w] })
	if len(conv.Given) == 0 {
		return Reply{}, false
	}
	// "go on", "continue", "keep going" after one of the numbered reasons: the next one.
	goOn := slices.Equal(ws, []string{"go", "on"}) || slices.Equal(ws, []string{"continue"}) || slices.Equal(ws, []string{"keep", "going"})
	if last, ok := e.docOf(conv.Given[len(conv.Given)-1]); goOn && ok && reasonPlace(last) > 0 {
		ws = []string{"next"}
	}
	if len(ws) == 0 || len(ws) > 6 || slices.ContainsFunc(ws, func(w string) bool { return !nextWords[w] }) {
		return Reply{}, false
	}
	later := slices.ContainsFunc(ws, func(w string) bool {
		return w == "next" || w == "then" || w == "after" || w == "afterwards" || w == "later"
	})
	earlier := slices.ContainsFunc(ws, func(w string) bool { return w == "before" || w == "earlier" || w == "previous" })
	if later == earlier {
		return Reply{}, false
	}
	last, ok := e.docOf(conv.Given[len(conv.Given)-1])
	if !ok {
		return Reply{}, false
	}
	if n := reasonPlace(last); n > 0 {
		at := n + 1
		if earlier {
			at = n - 1
		}
		if at < 1 || at >= len(ordinalWords) {
			return Reply{}, false
		}
		for _, d := range e.docs {
			if reasonPlace(d) == at {
				// The conversation is now about that reason: "last one" after it is
				// the last of the list.
				r := e.reply(d, "")
				r.moved = true
				return r, true
			}
		}
		return Reply{}, false
	}
	dir := "after"
	if earlier {
		dir = "before"
	}
	if d, ok := e.besideInTime(last, Query{Words: []string{"what", "happened", dir}}); ok {
		r := e.reply(d, "")
		r.moved = true
		return r, true
	}
	return Reply{}, false
}

// recentReason reports whether one of the last few answers of a conversation was one of
// the article's reasons to expect de-escalation, or their list: "and the 5th?" after a
// turn on what the first reason showed still picks from the reasons.
func (e *Engine) recentReason(conv Context) bool {
	for _, id := range conv.Given[max(0, len(conv.Given)-3):] {
		if d, ok := e.docOf(id); ok && (d.entry.Kind == knowledge.KindReason || reasonPlace(d) > 0) {
			return true
		}
	}
	return false
}

// reasonPlace returns the place of an entry among the article's numbered reasons to
// expect de-escalation ("the second reason for optimism"), or 0.
func reasonPlace(d doc) int {
	for n := 1; n < len(ordinalWords); n++ {
		if strings.Contains(d.entry.Answer, ordinalWords[n]+" reason") {
			return n
		}
	}
	return 0
}

// personAtOfLast answers "the second one, who is he?" or "and the last one?" after an
// answer that lists people ("The article quotes five analysts: …") with the profile of
// the one at that place in the list, and after the timeline with that event.
func (e *Engine) personAtOfLast(conv Context, ws []string) (Reply, bool) {
	ws = slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return fillerWords[w] }) // "k and the 3rd?"
	if len(conv.Given) == 0 || len(ws) > 8 || slices.ContainsFunc(e.contentOf(ws), func(w string) bool { return !personPickWords[w] && ordinalPlaces[w] == 0 }) {
		return Reply{}, false
	}
	at := ordinalAt(ws)
	last := slices.Contains(ws, "last")
	if at <= 0 && !last {
		return Reply{}, false
	}
	if e.recentReason(conv) && !slices.ContainsFunc(ws, func(w string) bool { return personPickWords[w] && w != "one" && w != "last" }) {
		// "whats the first one" after one of the reasons to expect de-escalation: the
		// first of them.
		if last := slices.Contains(ws, "last"); last || at > 0 {
			n := at
			if last {
				n = len(ordinalWords) - 1
			}
			if r, ok := e.reasonAt([]string{ordinalWords[n], "reason"}); ok {
				return r, true
			}
		}
	}
	type named struct {
		at    int
		entry string
	}
	// The people the last answer that listed people names, in the order it names them:
	// "and the last one?" after a turn on the second still picks from the list.
	var people []named
	for _, id := range slices.Backward(conv.Given[max(0, len(conv.Given)-3):]) {
		d, ok := e.docOf(id)
		if !ok {
			continue
		}
		if d.entry.Kind == knowledge.KindTimeline {
			// "the first one" after the timeline is its first event.
			var events []knowledge.Event
			for _, ev := range e.base.Events {
				if ev.Entry != "" {
					events = append(events, ev)
				}
			}
			pick := len(events) - 1
			if !last {
				pick = at - 1
			}
			if pick < 0 || pick >= len(events) {
				return Reply{}, false
			}
			if next, ok := e.docOf(events[pick].Entry); ok {
				r := e.reply(next, "")
				r.moved = true
				return r, true
			}
			return Reply{}, false
		}
		aw := words(d.entry.Answer)
		people = people[:0]
		for _, p := range e.personNames {
			for i := 0; i+len(p.words) <= len(aw); i++ {
				if hasPhrase(aw[i:i+len(p.words)], p.words) {
					entry := e.personEntry(p.name)
					if entry != "" && !slices.ContainsFunc(people, func(n named) bool { return n.entry == entry }) {
						people = append(people, named{i, entry})
					}
					break
				}
			}
		}
		if len(people) >= 2 {
			break
		}
	}
	if len(people) < 2 {
		return Reply{}, false
	}
	slices.SortFunc(people, func(a, b named) int { return a.at - b.at })
	pick := len(people) - 1
	if !last {
		pick = at - 1
	}
	if pick < 0 || pick >= len(people) {
		return Reply{}, false
	}
	p, ok := e.docOf(people[pick].entry)
	if !ok {
		return Reply{}, false
	}
	return e.reply(p, ""), true
}

// personEntry returns the profile entry of a person of the base, by name, or "".
func (e *Engine) personEntry(name string) string {
	for _, p := range e.base.People {
		if p.Name == name {
			return p.Entry
		}
	}
	return ""
}

// personPickWords may stand beside an ordinal that picks a person of a list: "the second
// one, who is he?", "and the last expert?".
var personPickWords = map[string]bool{"one": true, "who": true, "he": true, "she": true, "expert": true,
	"analyst": true, "guy": true, "person": true, "woman": true, "man": true, "last": true, "lady": true}

// nextWords may stand in "next", "and then?", "what came after that?", "before that?".
var nextWords = map[string]bool{"next": true, "then": true, "after": true, "afterwards": true,
	"later": true, "before": true, "earlier": true, "previous": true, "and": true, "n": true, "what": true,
	"whats": true, "came": true, "comes": true, "come": true, "happened": true, "happens": true,
	"that": true, "so": true, "ok": true, "okay": true, "the": true, "one": true, "is": true, "was": true}

// eventOfLastWords may stand in "the earliest one?", "and the most recent attack?".
var eventOfLastWords = map[string]bool{"earliest": true, "oldest": true, "first": true, "latest": true,
	"newest": true, "recent": true, "last": true, "attack": true, "attacks": true, "event": true,
	"events": true, "incident": true, "one": true, "most": true}

// viewOf answers a question that reaches no entry, but whose best entries are all one
// person's ("what does Parsi think of the strike overall?"), with that person's profile,
// which sums up what they said.
func (e *Engine) viewOf(rk ranking, q Query, toks []token) (Reply, bool) {
	if len(rk.scores) == 0 {
		return Reply{}, false
	}
	if e.namesBeyond(rk, toks) {
		return Reply{}, false // "what did Parsi say about China's role?": none of his words name China
	}
	if q.Intent == IntentClaim && !asksWhatWasSaid(q.Words) {
		return Reply{}, false // "has Vaez visited Pakistan?" asks a deed, not his views
	}
	switch q.Type {
	case knowledge.TypeWhen, knowledge.TypeWhere, knowledge.TypeHowMany, knowledge.TypeMeasure:
		return Reply{}, false // "abdollahian islamabad trip — which day?": a view has no date
	}
	person := e.personOf[e.docs[rk.scores[0].doc].entry.ID]
	if person == "" {
		return Reply{}, false
	}
	if len(rk.scores) < 2 || e.personOf[e.docs[rk.scores[1].doc].entry.ID] != person {
		return e.personalView(rk, q, toks, person)
	}
	for _, s := range rk.scores {
		d := e.docs[s.doc]
		// Asked what they think ("what does Vaez think happens next?"), their profile,
		// which sums up their views, answers at a lower score.
		bar := 0.6
		if q.Intent == IntentSaid {
			bar = 0.5
		}
		if d.entry.Kind == knowledge.KindPerson && e.personOf[d.entry.ID] == person && s.score >= e.opts.MinConfidence*bar {
			r := e.reply(d, "")
			r.Confidence = round(s.score)
			return r, true
		}
	}
	return e.personalView(rk, q, toks, person)
}

// personalView answers, with the best entry, a question that names the person whose
// words that entry holds and nothing they never spoke of: "does parsi buy the idea that
// airstrikes solve insurgencies?".
func (e *Engine) personalView(rk ranking, q Query, toks []token, person string) (Reply, bool) {
	top := rk.scores[0]
	d := e.docs[top.doc]
	if !e.namesPerson(toks, person) || top.score < e.opts.MinConfidence*0.55 || len(d.entry.Quotes) == 0 {
		return Reply{}, false
	}
	if ok, _ := e.check(d, q, toks); !ok {
		return Reply{}, false
	}
	r := e.reply(d, q.Text)
	r.Confidence = round(top.score)
	return r, true
}

// namesPerson reports whether the question names the person an entry's title names.
func (e *Engine) namesPerson(toks []token, person string) bool {
	return slices.ContainsFunc(toks, func(t token) bool {
		p, ok := e.personTerms[t.term]
		return ok && !t.stop && p != "" && e.personOf[p] == person
	})
}

// namesBeyond reports whether the question names something, besides the person of the
// best entry, that none of that person's entries use.
func (e *Engine) namesBeyond(rk ranking, toks []token) bool {
	person := e.personOf[e.docs[rk.scores[0].doc].entry.ID]
	for _, t := range toks {
		if p, ok := e.personTerms[t.term]; t.stop || !e.isName(t.term) || ok && e.personOf[p] == person {
			continue
		}
		used := false
		for _, d := range e.docs {
			if e.personOf[d.entry.ID] == person && d.facts.terms[t.term] {
				used = true
				break
			}
		}
		if !used {
			return true
		}
	}
	return false
}

// docOf returns the analysed entry with an id.
func (e *Engine) docOf(id string) (doc, bool) {
	if i, ok := e.docAt[id]; ok {
		return e.docs[i], true
	}
	return doc{}, false
}

// whoSaidThat answers "who said that?", "says who?" or "who pointed that out?" with the
// speaker of the words the last answer quoted.
// writingWords ask who wrote something: after an answer, "who wrote this?" asks for the
// article's author, not for whose words the answer quoted.
var writingWords = map[string]bool{"wrote": true, "write": true, "writes": true, "written": true, "authored": true, "penned": true}

func (e *Engine) whoSaidThat(conv Context, ws []string) (Reply, bool) {
	// "who's the expert who brought that up": a role noun may stand for "who".
	long := slices.ContainsFunc(ws, func(w string) bool { return personNouns[w] }) && len(ws) <= 8
	if len(ws) > 5 && !long || len(conv.Given) == 0 || !slices.ContainsFunc(ws, func(w string) bool { return w == "who" || w == "whose" || w == "whos" }) ||
		!slices.ContainsFunc(ws, func(w string) bool { return speechWords[w] && !writingWords[w] }) ||
		!slices.ContainsFunc(ws, func(w string) bool { return referents[w] }) && !(len(ws) == 2 && ws[0] == "says") {
		return Reply{}, false
	}
	for k := len(conv.Given) - 1; k >= 0; k-- {
		id := conv.Given[k]
		if qid, ok := strings.CutPrefix(id, "quote:"); ok {
			if q, ok := e.base.Quote(qid); ok {
				return e.attribute(q.Text)
			}
			continue
		}
		if en, ok := e.base.Entry(id); ok && len(en.Quotes) > 0 {
			if q, ok := e.base.Quote(en.Quotes[0]); ok {
				return e.attribute(q.Text)
			}
		}
		if r, ok := e.accordingTo(id); ok {
			return r, true
		}
		return Reply{}, false // the last answer quotes no one
	}
	return Reply{}, false
}

// accordingTo answers "says who?" of an entry whose answer names its source ("seven
// people who were not Iranian nationals, according to Iranian authorities").
func (e *Engine) accordingTo(id string) (Reply, bool) {
	d, ok := e.docOf(id)
	if !ok {
		return Reply{}, false
	}
	_, after, ok := strings.Cut(d.entry.Answer, "according to ")
	if !ok {
		return Reply{}, false
	}
	parts := strings.FieldsFunc(after, func(r rune) bool { return r == ',' || r == '.' || r == ';' })
	if len(parts) == 0 {
		return Reply{}, false
	}
	who := strings.TrimSpace(parts[0])
	r := e.reply(d, "")
	r.Answer = "The article gives it as the word of " + who + ": " + firstSentences(d.entry.Answer, 1)
	r.Confidence = 1
	return r, true
}

// speechWords ask whose words something was.
var speechWords = map[string]bool{"said": true, "says": true, "say": true, "saying": true,
	"pointed": true, "quoted": true, "quote": true, "words": true, "claimed": true, "wrote": true,
	"argued": true, "called": true, "argues": true, "thinks": true, "raised": true, "brought": true,
	// "whose take is that?", "whose view was it?", "whose line is that?"
	"take": true, "view": true, "opinion": true, "argument": true, "line": true, "claim": true,
	// "who made that point?", "who noted that?"
	"point": true, "mentioned": true, "noted": true, "stated": true, "suggested": true, "warned": true,
	"believes": true, "reckons": true, "asserted": true, "observed": true}

// nearOf returns the entries a conversation is about: the last two answers given and the
// entries related to them.
func (e *Engine) nearOf(conv Context) map[string]bool {
	near := map[string]bool{}
	for _, id := range conv.Given[max(0, len(conv.Given)-2):] {
		near[id] = true
		if en, ok := e.base.Entry(id); ok {
			for _, rel := range en.Related {
				near[rel] = true
			}
		}
	}
	return near
}

// readFollowUp answers a question as it reads with the conversation, and reports whether
// that gave an answer; the explanation is kept only then.
func (e *Engine) readFollowUp(conv Context, a Ask, text, quoted string, ex *AskExplanation, given, near map[string]bool, ws []string) (Reply, bool) {
	// "What else did she say?" asks for what was not given yet.
	seen := given
	goOn := slices.Contains(ws, "go") && slices.Contains(ws, "on") || slices.Contains(ws, "continue") // "go on"
	if goOn || slices.ContainsFunc(ws, func(w string) bool {
		return w == "else" || w == "more" || w == "another" || w == "other" || w == "next"
	}) {
		seen = maps.Clone(given)
		for _, id := range conv.Given {
			seen[id] = true
		}
		// An entry whose every quote was given, in a profile or another entry, was
		// told already: "what else did she say?" after her profile is not its quote again.
		for _, d := range e.docs {
			if len(d.entry.Quotes) > 0 && !slices.ContainsFunc(d.entry.Quotes, func(q string) bool { return !seen["quote:"+q] }) {
				seen[d.entry.ID] = true
			}
		}
	}
	var step *AskExplanation
	if ex != nil {
		step = &AskExplanation{}
	}
	follow := e.answerAskNear(Ask{Text: text, Claim: a.Claim, asserted: a.asserted}, quoted, step, seen, near)
	if !follow.Answered {
		return follow, false
	}
	if ex != nil {
		*ex = *step
		ex.Ask = a
		ex.decided("read with the conversation as " + strconv.Quote(text) + ": " + step.Decision)
	}
	return follow, true
}

// reasonOfEvent returns the entry that gives the reasons of a dated event the question
// names by its day: the reason entry of the same doer that gives the event's date ("Why
// Iran struck Pakistan" for Iran's strike of 16 January), or the doer's only one.
func (e *Engine) reasonOfEvent(ev doc, toks []token) (int, bool) {
	at, err := time.Parse(time.DateOnly, ev.entry.Date)
	if err != nil || ev.agent == "" {
		return 0, false
	}
	month := stem(strings.ToLower(at.Month().String()))
	day := strconv.Itoa(at.Day())
	if !slices.ContainsFunc(toks, func(t token) bool { return t.term == day }) || !slices.ContainsFunc(toks, func(t token) bool { return t.term == month }) {
		return 0, false // the question names the event by its day, not "why does that matter"
	}
	var same []int // the doer's reason entries
	for i, d := range e.docs {
		doer := sameAgent(d.agent, ev.agent)
		if names := e.namesOf(words(d.entry.Title)); d.agent == "" && len(names) > 0 {
			doer = sameAgent(names[0], ev.agent) // "Why Iran struck Pakistan": Iran's
		}
		if d.entry.Kind != knowledge.KindReason || !d.gives[knowledge.TypeWhy] || !doer {
			continue
		}
		if slices.ContainsFunc(d.facts.dates, func(x date) bool { return x.day == at.Day() && x.month == month }) {
			return i, true
		}
		same = append(same, i)
	}
	if len(same) == 1 {
		return same[0], true // the doer's one reason entry, which gives no date
	}
	return 0, false
}

// claimedByPerson reports whether a claim reports the words of someone the article
// quotes: "Akhtar says Pakistan hit five military targets?", not "my prof says…".
func (e *Engine) claimedByPerson(s string) bool {
	fs := strings.Fields(s)
	for i := 1; i < len(fs) && i <= 4; i++ {
		if w := foldWord(fs[i]); reportVerbs[w] || describeVerbs[w] {
			return e.personIn(strings.Join(fs[:i], " ")) != ""
		}
	}
	return false
}

// describeVerbs report what someone called a thing: "vaez called the strike smart".
var describeVerbs = map[string]bool{"called": true, "calls": true, "described": true, "describes": true,
	"labelled": true, "labeled": true, "dubbed": true, "termed": true}

// answerAsk answers one question of a message.
func (e *Engine) answerAsk(a Ask, quoted string, ex *AskExplanation, given map[string]bool) Reply {
	return e.answerAskNear(a, quoted, ex, given, nil)
}

// answerAskNear is answerAsk with a prior: the entries the conversation was about, which
// a question that names nothing is most likely about too.
func (e *Engine) answerAskNear(a Ask, quoted string, ex *AskExplanation, given, near map[string]bool) Reply {
	a.byPerson = a.Claim && e.claimedByPerson(a.Text)
	q := readAsk(a, quoted)
	q.Near = near
	if ex != nil {
		ex.Query = q
	}
	switch q.Intent {
	case IntentOffTopic:
		return e.unknown(ranking{}, ex, "off topic")
	case IntentWhoSaid:
		if r, ok := e.attribute(q.Quoted); ok {
			ex.decided("attributed the quote to " + r.Quotes[0].Speaker)
			return r
		}
		// "> Seven people who were not Iranian nationals lost their lives — who says
		// that?": no one's quote, but the article's own words, which say whose figure it is.
		// "was the 'women peace council' lady the one who mentioned…?": a name in
		// quotation marks, which the question reads as its own words. Words of a
		// sentence must be the article's own account, most of them in the answer.
		with := a.Text
		if !strings.Contains(a.Text, q.Quoted) {
			with += " " + q.Quoted
		}
		if r := e.answerAskNear(Ask{Text: with, Claim: a.Claim}, "", nil, given, near); r.Answered && (len(strings.Fields(q.Quoted)) < 5 || e.saysMostOf(r.ID, q.Quoted)) {
			ex.decided("no quote has those words; read with them, the question is answered by " + r.ID)
			return r
		}
		r := e.unknown(ranking{}, ex, "no quote of the article has those words")
		r.Answer = "I can't find those words in the article, so I can't say who said them. You could ask one of these instead."
		return r
	case IntentInstruction:
		return e.instruction(q, ex)
	}
	if r, ok := e.reasonAt(q.Words); ok {
		ex.decided("the reason for optimism at that place: " + r.ID)
		return r
	}
	if r, ok := e.spelledOut(q); ok {
		ex.decided("the entry that spells the letters out: " + r.ID)
		return r
	}
	if r, ok := e.timelineEnd(q); ok {
		ex.decided("the timeline's first or last event: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.deadliest(q); ok {
		ex.decided("the timeline's event with the highest death toll: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.eventAround(q); ok {
		ex.decided("the timeline's event next to the one asked of: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.deadlierOfTwo(q.Words); ok {
		ex.decided("the deadlier of the two events asked of, from the timeline: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.firstOfTwo(q.Words); ok {
		ex.decided("the earlier of the two events asked of, from the timeline: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.daysBetween(q.Words); ok {
		ex.decided("the days between the two events asked of, from the timeline: " + r.ID)
		r.moved = true
		return r
	}
	if r, ok := e.eventBetween(q.Words); ok {
		ex.decided("the events between the two asked of, from " + r.ID)
		r.moved = true
		return r
	}
	// "who said Iran underestimated Pakistan?" without quotation marks is a quote too.
	if asksWhoSaid(q.Text) {
		if r, ok := e.attribute(afterWhoSaid(q.Text)); ok {
			ex.decided("attributed the quote to " + r.Quotes[0].Speaker)
			return r
		}
		// "who said it was 'truly uplifting' to watch them calm down": the words set in
		// quotation marks are the quote's own, whatever the rest paraphrases.
		if p := shortQuotation(q.Text); p != "" {
			if r, ok := e.attribute(p); ok {
				ex.decided("attributed the words in quotation marks to " + r.Quotes[0].Speaker)
				return r
			}
		}
	}
	toks := e.asItsExpert(e.an.analyze(q.Text, true))
	q.Owns, q.Naming, q.Subtype, q.Victims = e.possessions(toks), e.askedName(toks), askedSubtype(toks), e.victims(toks)
	q.identity, q.asksIdentity = e.identityAsked(toks)
	q.asksClock = asksClockTime(q.Words)
	if q.Naming == "" && (q.Type == knowledge.TypeWho || slices.ContainsFunc(q.Words, func(w string) bool { return namingWords[w] })) {
		// "who is Pakistan's foreign minister?", "the name of Pakistan's foreign minister"
		// ask the name of the one in that office.
		for _, t := range toks {
			if _, owned := q.Owns[t.term]; owned && e.offices[t.term] {
				q.Naming = t.term
				break
			}
		}
	}
	if q.Intent == IntentSaid {
		q.Speaker = e.speakerOf(toks)
	}
	if ex != nil {
		ex.Query = q
	}
	rk := e.rank(toks, q)
	if q.Intent == IntentSaid && q.Speaker == "" {
		// "what did Biden say about the strikes?": the article quotes no Biden.
		if name, ok := e.strangeSubject(toks); ok {
			if top := rk.topTopic(); top.doc >= 0 && top.topic >= e.opts.MinConfidence {
				ex.decided("near miss: the article never names " + name)
				return e.nearMiss(e.docs[top.doc], q, top)
			}
			return e.unknown(rk, ex, "the article never names "+name)
		}
	}
	if ex != nil {
		ex.Terms = rk.terms
	}
	if r, ok := e.sameOrNot(rk, q, toks); ok {
		ex.decided("the question asks whether two names are one: " + r.ID)
		return r
	}
	if r, ok := e.falsePremise(rk, q, quoted, given, near); ok {
		ex.decided("the premise of the question is contradicted by " + r.ID)
		return r
	}
	switch q.Intent {
	case IntentSummary:
		// A summary of the whole article, unless the request names a part of it that
		// an entry covers well.
		// A name the base never mentions ("a summary of the kashmir conflict") asks of
		// something else; among words no lexicon knows ("short mein batao kya hua") it is
		// most likely a word of another language.
		foreign := 0
		for _, t := range rk.terms {
			if t.id < 0 && t.class == classUnknown {
				foreign++
			}
		}
		strange := rk.hasUnknownName() && foreign < 2
		// "explain quantum computing like im 5": every word of what to summarise is one
		// the article never uses.
		strange = strange || e.aboutSomethingElse(rk.terms)
		if top := rk.top(); strange || slices.Contains(q.Words, "before") || slices.Contains(q.Words, "after") {
			break // "a recap of what happened before Iran's strike" asks of an event, not the whole
		} else if e.onlyGeneric(rk.terms) || top.topic < e.opts.MinConfidence {
			if d, ok := e.docOfKind(knowledge.KindOverview); ok {
				ex.decided("summary of the whole article")
				return e.reply(d, q.Text)
			}
		} else if top.score < e.opts.MinConfidence {
			d := e.docs[top.doc]
			ex.decided("summary of " + d.entry.ID)
			r := e.reply(d, q.Text)
			r.Confidence = round(top.topic)
			return r
		}
	case IntentOpinion:
		// A view of something the article covers: of the strikes when it names nothing
		// else ("who's the winner of this whole exchange?"), not of the Super Bowl.
		if rk.top().score >= e.opts.MinConfidence*0.6 || !rk.hasUnknownName() && e.onlyGeneric(rk.terms) && pointsAtTheStory(q.Words, rk.terms) {
			return e.opinion(rk, q, ex)
		}
	}
	if r, ok := e.mentions(rk, q, toks); ok {
		ex.decided("the article mentions it: " + r.ID)
		return r
	}
	best, ok := e.pick(rk, q, toks)
	if ok && (q.Type == knowledge.TypeYesNo || q.Type == knowledge.TypeHow || q.Intent == IntentClaim) {
		if ev, found := e.eventOfDoer(rk, best, q, toks); found {
			// "did pakistan retaliate?", "how did pakistan hit back?": the event itself
			// says whether and how it happened, better than an entry that mentions it in
			// passing.
			ex.decided("the event of the question's doer, nearly as good a fit: " + e.docs[ev.doc].entry.ID)
			best = ev
		}
	}
	if !ok && asksTimeline(q.Words) && !rk.hasUnknownName() {
		// "can someone give me a quick timeline from dec to end of jan?": no one event
		// answers it, the timeline does.
		if i := slices.IndexFunc(e.docs, func(d doc) bool { return d.entry.Kind == knowledge.KindTimeline }); i >= 0 {
			ex.decided("the question asks for the order of events: the timeline")
			best, ok = scored{doc: i, score: e.opts.MinConfidence, coverage: rk.top().coverage}, true
		}
	}
	if q.Type == knowledge.TypeWhy && len(rk.scores) > 0 && (!ok || best.doc != rk.scores[0].doc) {
		// "why did the 16 january strike happen?": the event the question names, which
		// gives no why, has an entry of its reasons.
		if i, found := e.reasonOfEvent(e.docs[rk.scores[0].doc], toks); found && rk.scores[0].score >= e.opts.MinConfidence {
			ex.decided("the reasons of " + e.docs[rk.scores[0].doc].entry.ID)
			best, ok = scored{doc: i, score: rk.scores[0].score, coverage: rk.scores[0].coverage}, true
		}
	}
	// "jaish al-adl claimed the kerman bombing": a claim that names an event, answered by
	// an entry that does not tell of it, is read from its last name, the event.
	missesEvent := ok && q.Intent == IntentClaim && slices.ContainsFunc(toks, func(t token) bool {
		k, place := e.placeKind[t.term] // a town, the place of one event or two of it: "Kerman", "Rask" (its attack, its condemnation)
		return !t.stop && place && k != "container" && k != "province" && e.eventNames[t.term] >= 1 && e.eventNames[t.term] <= 2 && !e.docs[best.doc].facts.terms[t.term]
	})
	if (!ok || missesEvent) && q.Intent == IntentClaim {
		// "it was the Islamic State that attacked the police station in Rask": a claim
		// whose first name is what it says of its last, read the other way round.
		last := q
		last.subjectLast = true
		if e.claimSubject(toks, last) != e.claimSubject(toks, q) {
			if rk2 := e.rank(toks, last); len(rk2.scores) > 0 {
				if b, ok2 := e.pick(rk2, last, toks); ok2 {
					rk, q, best, ok = rk2, last, b, true
				}
			}
		}
	}
	// "my friend thinks Javidanfar was killed by Pakistani forces": what makes a claim
	// false is words its entry never uses, which weigh against the entry. The entry of
	// the claim's subject may still settle it, but only by contradicting it: it takes a
	// full score to confirm a claim.
	contradictOnly := false
	if !ok && q.Intent == IntentClaim {
		// The best entry that answers the claim, past those of another side ("pakistan's
		// strikes killed iranian civilians" is not of the children Iran's strike killed).
		for _, top := range rk.scores {
			if top.score < e.opts.MinConfidence*e.w.ContradictBar {
				break
			}
			d := e.docs[top.doc]
			okCheck, missing := e.check(d, q, toks)
			if !okCheck && strings.HasSuffix(missing, "of the one asked about") {
				continue
			}
			// The entry holds the claim's subject, or names another person where the claim
			// names one: "ali vaez wrote this article" is settled by who wrote it.
			if subject := e.claimSubject(toks, q); subject != "" && (d.facts.terms[subject] || e.otherPerson(subject, d) && e.holdsAWord(toks, d.facts) && !slices.ContainsFunc(q.Words, func(w string) bool { return viewVerbs[w] })) {
				if okCheck && (e.heldBesides(toks, d.facts) || otherRank(toks, d.facts) != "" || otherSpan(q.Words, d.facts)) {
					best, ok, contradictOnly = top, true, true
					break
				}
			}
		}
	}
	notSaid := false
	if !ok && q.Intent == IntentClaim && q.put {
		// "pakistan only used fighter jets, right?": a claim put to the bot whose words
		// the article never uses. The entry of its subject that the rest of it fits
		// tells what the article says instead.
		subject := e.claimSubject(toks, q)
		for _, top := range rk.scores {
			if top.score < e.opts.MinConfidence*e.w.NotSaidBar {
				break
			}
			d := e.docs[top.doc]
			if okCheck, _ := e.check(d, q, toks); okCheck && (subject == "" || d.facts.terms[subject]) && e.tellsOfTheRest(toks, d.facts) {
				best, ok, notSaid = top, true, true
				break
			}
		}
	}
	e.explainRanking(ex, rk, q, toks)
	if ok && rk.focusUnknown() {
		// "which Israeli unit carried out the airstrike?": no entry gives a unit, however
		// well it covers the airstrike.
		ok = false
	}
	// A second question of a message that the same entry would answer gets the next
	// entry that answers it, if one does: "who is Vaez, and what did he think of it?";
	// so does "where else…", which asks for something other than the first answer.
	other := len(given) == 0 && slices.Contains(q.Words, "else")
	if other && ok && (q.Type == knowledge.TypeWhere || q.Type == knowledge.TypeYesNo || q.Type == knowledge.TypeWho) && e.countriesBesides(e.docs[best.doc], q.Text) >= 3 {
		// "where else did iran fire missiles?", "did iran strike anyone else?": the entry
		// that lists the countries struck names the others already.
		other = false
	}
	if ok && (given[e.docs[best.doc].entry.ID] || other) {
		first := best.doc
		for _, s := range rk.scores {
			if s.score < e.opts.MinConfidence {
				break
			}
			id := e.docs[s.doc].entry.ID
			// "where else did Iran strike?": another entry that names somewhere, or
			// someone, the first does not.
			if other && !e.namesMoreThan(e.docs[s.doc], e.docs[first], toks, q.Type == knowledge.TypeWhere) {
				continue
			}
			if okCheck, _ := e.check(e.docs[s.doc], q, toks); okCheck && !given[id] && s.doc != first {
				best = s
				break
			}
		}
	}
	if q.Intent == IntentClaim {
		if r, v, found := e.claimedOrder(q.Words); found {
			// "iran hit pakistan first and then syria and iraq a few days later, right?":
			// the timeline's dates settle the order of the two events.
			ex.decided(fmt.Sprintf("the order of the two events the claim names, from the timeline: verdict %s", v))
			r.Verdict = v
			r.Answer = v.Prefix() + r.Answer
			r.moved = true
			return r
		}
		if first, v, found := e.firstMover(q, toks); found {
			// "Pakistan struck first, right?", "pakistan struck first and iran retaliated":
			// the timeline's first strike settles it, however little of the claim's other
			// words the entries use. Days the claim gives that the facts contradict ("iran
			// hit first on jan 18") make a right order only part of it.
			if v == VerdictYes && len(claimedDays(toks)) > 0 {
				if dv, _, _ := e.decide(q, toks, first.facts); dv == VerdictNo || dv == VerdictPartly {
					v = VerdictPartly
				}
			}
			ex.decided(fmt.Sprintf("answered %s; verdict %s (the first of the two strikes is %s's)", first.entry.ID, v, first.agent))
			score := rk.top().score
			if ok {
				score = best.score
			}
			r := e.reply(first, q.Text)
			r.Confidence, r.Verdict = round(math.Min(1, score)), v
			r.Answer = v.Prefix() + r.Answer
			r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
			return r
		}
	}
	if !ok {
		// The article covers the subject but not what is asked: the best entry for the
		// subject does not give the detail, or the detail asked is a word it never uses.
		if top := rk.top(); top.doc >= 0 {
			d := e.docs[top.doc]
			okCheck, missing := e.check(d, q, toks)
			switch {
			case !okCheck && top.topic >= e.opts.MinConfidence,
				// "who leads the BLA?": the office asked, a rare word of the base, weighs
				// against the entry that tells of the group and of no leader.
				!okCheck && officeVerbs[strings.TrimPrefix(missing, "who ")] && top.score >= e.opts.MinConfidence*e.w.ContradictBar:
				ex.decided("near miss: " + d.entry.ID + " does not give " + missing)
				return e.nearMiss(d, q, top)
			case rk.focusUnknown() && rk.topTopic().topic >= e.opts.MinConfidence:
				t := rk.topTopic()
				ex.decided("near miss: the article never names " + q.Focus)
				return e.nearMiss(e.docs[t.doc], q, t)
			}
			// A measure ("how much did the missiles cost") no entry gives: what the
			// article says of what is measured.
			if t := rk.topTopic(); q.Type == knowledge.TypeMeasure && t.topic >= e.opts.MinConfidence {
				ex.decided("near miss: the article gives no " + q.Focus + " measure")
				return e.nearMiss(e.docs[t.doc], q, t)
			}
		}
		if r, ok := e.viewOf(rk, q, toks); ok {
			ex.decided("the best entries are all one person's: their profile, " + r.ID)
			return r
		}
		return e.unknown(rk, ex, "no entry scores over the threshold")
	}
	d := e.docs[best.doc]
	if next, ok := e.besideInTime(d, q); ok {
		// "what happened before the Kerman bombing?": the event before it, not it.
		ex.decided("the timeline's event " + map[bool]string{true: "after", false: "before"}[next.entry.Date > d.entry.Date] + " " + d.entry.ID)
		d = next
	}
	if q.Intent == IntentClaim && !contradictOnly {
		if alt, ok := e.entryWithNames(rk, best, q, toks); ok {
			// "did iran hit syria too?": the entry that tells of Iran's strike on Syria
			// settles it, not a why-entry that only asks of it and never names Syria.
			ex.decided(fmt.Sprintf("%s does not name what the claim ties to it; %s does", d.entry.ID, e.docs[alt.doc].entry.ID))
			best, d = alt, e.docs[alt.doc]
		} else if alt, ok := e.entryWithToll(rk, best, toks); ok {
			// "the iranian strike killed like 7 militants?": the entry that counts its
			// dead settles it, not one that counts its targets.
			ex.decided(fmt.Sprintf("%s counts no dead; %s does", d.entry.ID, e.docs[alt.doc].entry.ID))
			best, d = alt, e.docs[alt.doc]
		} else if alt, ok := e.entryWithDays(rk, best, toks); ok && !q.asserted {
			// "iran struck on the 18th and pak hit back on the 16th?": the entry that
			// dates both strikes settles both halves, not one that dates only one.
			ex.decided(fmt.Sprintf("%s dates fewer of the claim's days than %s", d.entry.ID, e.docs[alt.doc].entry.ID))
			best, d = alt, e.docs[alt.doc]
		}
	}
	r := e.reply(d, q.Text)
	r.Confidence = round(math.Min(1, best.score))
	r.moved = d.entry.ID != e.docs[best.doc].entry.ID
	if q.Intent == IntentClaim {
		if name, ok := e.strangeSubject(toks); ok {
			// "India backed Pakistan's strike": the article says nothing of India.
			ex.decided("near miss: the claim is about " + name + ", whom the article never names")
			return e.nearMiss(d, q, best)
		}
		if q.Type == knowledge.TypeYesNo && e.othersDeadUntold(q, toks, d) {
			// "was anyone else killed in the strike that killed mousavi?": the entry tells
			// of no dead but the one asked of.
			ex.decided("near miss: the question asks of other dead, and " + d.entry.ID + " tells of none")
			return e.nearMiss(d, q, best)
		}
		if q.Type == knowledge.TypeYesNo && rk.hasUnknownName() && slices.ContainsFunc(q.Words, func(w string) bool { return mentionVerbs[w] }) {
			// "did she mention india at all?": what the article never names, no one in
			// it is told to mention.
			ex.decided("near miss: the question asks whether something the article never names was mentioned")
			return e.nearMiss(d, q, best)
		}
		if at := repeatAt(q.Words); at > 0 && (q.Type == knowledge.TypeYesNo || q.put && !q.asserted && repeatedDeeds[q.Words[at-1]]) && !d.facts.terms["again"] &&
			!slices.ContainsFunc(q.Words[:at], func(w string) bool { return w == "if" || w == "when" || w == "unless" || w == "should" }) {
			// "did Iran strike Pakistan again later in 2024?": the entry tells of the once.
			ex.decided("near miss: the question asks of a second time, which " + d.entry.ID + " does not tell of")
			return e.nearMiss(d, q, best)
		}
		if v := e.strangePredicate(toks); v != "" && q.Type == knowledge.TypeYesNo {
			// "did Iran apologize to Pakistan?": the article never tells of apologising.
			ex.decided("near miss: the question asks whether they " + v + ", a word the article never uses")
			return e.nearMiss(d, q, best)
		}
		if w := e.absentThing(toks, d); w != "" && q.Type == knowledge.TypeYesNo {
			// "is there any polling on how Pakistanis see Iran?": the entry tells of no
			// polling, so it cannot say there was some.
			ex.decided("near miss: the question asks whether there was any " + w + ", and the entry tells of none")
			return e.nearMiss(d, q, best)
		}
		if doer := e.unknownDoer(toks); doer != "" && q.Type == knowledge.TypeYesNo && !q.asserted {
			// "did the US strike anything in response?": no entry tells of a strike of theirs.
			ex.decided("near miss: the question asks of a strike by " + doer + ", and the article tells of none")
			return e.nearMiss(d, q, best)
		}
		if month, ok := e.laterEvent(q.Words, toks); ok {
			// "did Iran strike Pakistan again in February?": the article ends in January.
			ex.decided("near miss: the claim is of another event, in " + month + ", which the article does not cover")
			return e.nearMiss(d, q, best)
		}
		if other, target, ok := e.strikeOfAnother(toks, e.claimSubject(toks, q)); ok {
			// "iran was targeting the BLA in pakistan, right?": the strike on the BLA was
			// Pakistan's; Iran's own strike's entry says whom Iran struck.
			ex.decided(fmt.Sprintf("answered %s; verdict no (only the other side's strike was on %s)", other.entry.ID, strings.TrimPrefix(target, "alias:")))
			r := e.reply(other, q.Text)
			r.Confidence, r.Verdict = round(math.Min(1, best.score)), VerdictNo
			r.Answer = VerdictNo.Prefix() + r.Answer
			r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
			return r
		}
		if where, country, ok := e.strikeElsewhere(toks, e.claimSubject(toks, q)); ok {
			// "iran also bombed afghanistan that week right?": the article names every
			// country Iran struck, and that one is not among them.
			ex.decided(fmt.Sprintf("answered %s; verdict no (%s is no country the article has the doer strike)", where.entry.ID, country))
			r := e.reply(where, q.Text)
			r.Confidence, r.Verdict, r.firm, r.denied, r.listed = round(math.Min(1, best.score)), VerdictNo, true, true, true
			r.Answer = VerdictNo.Prefix() + r.Answer
			r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
			return r
		}
		v, why, firm := e.decide(q, toks, d.facts)
		if owner, ok := e.anotherDeed(toks, q, d.facts, contradicted(why)); ok && q.Type == knowledge.TypeYesNo && !q.asserted {
			// "did the UNSC condemn iran's january strike?": the entry tells of its
			// condemning another's attack, not of what it did about Iran's.
			ex.decided("near miss: the claim is of " + owner + "'s deed, and " + d.entry.ID + " tells of another's")
			return e.nearMiss(d, q, best)
		}
		if contradictOnly && (v != VerdictNo && v != VerdictPartly || !firm) {
			return e.unknown(rk, ex, "no entry scores over the threshold, and the best one for the claim's subject does not contradict it")
		}
		if notSaid && countsWhatIsNotGiven(toks) && (v != VerdictNo && v != VerdictPartly || !firm) {
			// "the rask attack killed 11 policemen, right?": a count the article does not give.
			ex.decided("near miss: the claim gives a count the article does not give")
			return e.nearMiss(d, q, best)
		}
		if notSaid && (v != VerdictNo && v != VerdictPartly || !firm) {
			v, why = VerdictNotSaid, "no entry scores over the threshold; the claim's own words are not the article's, and its subject's entry says what it does"
		}
		if w := unconfirmedWord(rk.terms); v == VerdictYes && q.byPerson && w != "" {
			// "karim says iran has always been hated in pakistan, correct?": the names
			// hold, but what the claim has him say ("hated") is in no fact of the base.
			v, why = VerdictNotSaid, why+"; but the article never has them say "+w
		}
		if w := e.predicateUnsaid(toks); v == VerdictYes && !q.byPerson && w != "" {
			// "did the strikes affect flights…?", "the writer predicts a war, no?": the
			// names hold, but what the claim says of them is in no fact of the base, so
			// the facts are given as they are, with no Yes.
			v, why = VerdictOpen, why+"; but the facts never say "+w
		}
		if v == VerdictYes && onlyBelieved(q.Words, toks, d.facts) {
			// "did israel back jaish al-adl?": the article reports only that many in Iran
			// believe they are linked, which is no Yes.
			v, why = VerdictOpen, why+"; but the facts report it only as a belief some hold"
		}
		if v == VerdictYes && q.asserted {
			v, why = VerdictOpen, why+"; asserted, not asked: the facts are given as they are"
		}
		if (why == hedgedWhy || strings.HasPrefix(why, unconfirmedWhy)) && q.Type == knowledge.TypeYesNo ||
			strings.HasPrefix(why, unconfirmedWhy) && q.put && !q.asserted && unsaidThing(q.Words, strings.TrimPrefix(why, unconfirmedWhy)) {
			// "did China end up mediating?": the article says only that it could;
			// "were the drones Chinese-made?": it does not say where they were made;
			// "jaish al-adl is an offshoot of… something?", put to the bot: what no fact
			// says is not told (a name no fact uses, "in geneva, right?", the facts
			// answer instead).
			ex.decided("near miss: " + why)
			return e.nearMiss(d, q, best)
		}
		r.Verdict, r.firm, r.denied = v, firm && v == VerdictNo && e.deedContradicted(contradicted(why), toks, d.facts), firm && v == VerdictNo
		r.Answer = v.Prefix() + r.Answer
		ex.decided(fmt.Sprintf("answered %s; verdict %s (%s)", d.entry.ID, v, why))
	} else {
		if q.Type == knowledge.TypeWho && e.othersDeadUntold(q, toks, d) {
			// "who else was killed in the airstrike on mousavi?": the entry tells of him.
			ex.decided("near miss: the question asks of other dead, and " + d.entry.ID + " tells of none")
			return e.nearMiss(d, q, best)
		}
		if q.Type == knowledge.TypeWhen && q.Intent == IntentFact && otherEnd(q.Words, d.facts) {
			// "when did the Iran-Iraq war start?": the entry dates its end.
			ex.decided("near miss: the question asks when it began, and " + d.entry.ID + " dates only its end")
			return e.nearMiss(d, q, best)
		}
		if q.Type == knowledge.TypeYesNo && asksWhichHappened(q.Words) && !slices.ContainsFunc(q.Words, func(w string) bool { return futureWords[w] }) && e.hedgedDeed(q.Words, toks, d.facts) {
			// "did the ambassadors actually go back on the 26th or did it get delayed?":
			// the facts say only that they were due to, which settles neither.
			ex.decided("near miss: the question asks which happened, and " + hedgedWhy)
			return e.nearMiss(d, q, best)
		}
		if w := e.absentThing(toks, d); w != "" && q.Type == knowledge.TypeYesNo {
			// "are there any polls showing how pakistanis view iran?": what someone holds
			// is told, but not of any poll.
			ex.decided("near miss: the question asks whether there was any " + w + ", and the entry tells of none")
			return e.nearMiss(d, q, best)
		}
		if v := e.strangeDeed(toks); v != "" && q.Intent == IntentFact && asksADeed(q.Type) {
			// "where was Javidanfar born?": the entry tells of him, never of a birth.
			ex.decided("near miss: the question asks where, when or who of " + v + ", a word the article never uses")
			return e.nearMiss(d, q, best)
		}
		ex.decided("answered " + d.entry.ID)
	}
	if apart, ok := yearsApart(q.Words, toks, d.facts); ok {
		// "how many years between the end of the iran-iraq war and these strikes?"
		ex.decided("the years it gives, apart: " + apart)
		r.Answer = apart + " " + strings.TrimPrefix(r.Answer, r.Verdict.Prefix())
	} else if sum, ok := totalOf(q.Words, toks, d.facts, d.entry.Answer, oneSide(e.agent(toks), toks)); ok {
		// "add up the deaths from both strikes": the article's counts, added.
		ex.decided("the counts it gives, added: " + sum)
		r.Answer = sum + " " + strings.TrimPrefix(r.Answer, r.Verdict.Prefix())
	} else if diff, ok := differenceOf(q.Words, d.facts, d.entry.Answer); ok {
		// "how many more people were injured than killed in kerman?"
		ex.decided("the counts it gives, one taken from the other: " + diff)
		r.Answer = diff + " " + strings.TrimPrefix(r.Answer, r.Verdict.Prefix())
	} else if alt, sum, ok := e.totalElsewhere(rk, q, toks); ok {
		// "total deaths across both strikes, combined?": the entry that gives every
		// count to add, where the best one gives only some.
		ex.decided("the counts " + alt.entry.ID + " gives, added: " + sum)
		r = e.reply(alt, q.Text)
		r.Confidence = round(math.Min(1, best.score))
		r.Answer = sum + " " + r.Answer
	}
	if second, ok := e.runnerUp(rk, best, q, toks); ok {
		other := e.docs[second.doc].entry
		r.DidYouMean = &Suggestion{ID: other.ID, Question: other.Questions[0]}
		r.Quotes = fitQuotes(r.Answer, r.Quotes, len("\n\nDid you mean: ")+len(other.Questions[0]))
	}
	r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
	return r
}

// deedContradicted reports whether a No's conflicts are of the deed the facts tell: not
// only names of the base that the facts leave out, unless on the day they date ("iran
// struck afghanistan on 16 january"), and not a doer who did the like elsewhere ("was
// iran striking…", where the best entry is Pakistan's strike and Iran struck too).
func (e *Engine) deedContradicted(conflicts []string, toks []token, f fact) bool {
	if len(conflicts) == 0 || onlyNames(conflicts) && !datedAlike(toks, f) {
		return false
	}
	for _, c := range conflicts {
		if doer, ok := strings.CutPrefix(c, "doer "); ok && e.strikes(doer) && len(conflicts) == 1 {
			return false
		}
	}
	return true
}

// premiseSays opens the correction of a question whose premise the facts contradict.
const premiseSays = "The article says otherwise: "

// falsePremise corrects a why-question that takes for granted what the facts deny:
// "why did pakistan's strike kill iranian soldiers?" is answered as "did pakistan's strike
// kill iranian soldiers?" would be, when that gets a No that stands on the facts, so that
// the premise is not left standing under another entry's reasons. The No must come from
// the entry that best covers the question itself: the one its premise is about.
func (e *Engine) falsePremise(rk ranking, q Query, quoted string, given, near map[string]bool) (Reply, bool) {
	if q.Intent != IntentFact || q.Type != knowledge.TypeWhy || q.Negated || len(q.Words) < 4 || q.Words[0] != "why" || len(rk.scores) == 0 {
		return Reply{}, false
	}
	rest := q.Words[1:] // "why did X…" → "did X…"
	if !auxiliaries[rest[0]] && !copulas[rest[0]] {
		rest = append([]string{"did"}, rest...) // "how come X killed…", read as "why X killed…"
	}
	r := e.answerAskNear(Ask{Text: strings.Join(rest, " ") + "?"}, quoted, nil, given, near)
	if !r.Answered || r.Verdict != VerdictNo || !r.firm || r.ID != e.docs[rk.top().doc].entry.ID && !r.listed {
		return Reply{}, false
	}
	r.Answer = premiseSays + strings.TrimPrefix(r.Answer, VerdictNo.Prefix())
	return r, true
}

// claimedDays returns the days of a month a claim names: 18 of "on the 18th", "jan 18".
func claimedDays(toks []token) []int {
	var days []int
	for i, t := range toks {
		if n, err := strconv.Atoi(strings.TrimRight(t.word, "thsrdn")); err == nil && n >= 1 && n <= 31 && (t.number || i > 0 && toks[i-1].word == "the") {
			days = append(days, n)
		}
	}
	return days
}

// entryWithDays returns, for a claim that names two days or more, the entry over the
// threshold whose facts date more of those days than the best one's do, when the best
// one dates fewer than all.
func (e *Engine) entryWithDays(rk ranking, best scored, toks []token) (scored, bool) {
	days := claimedDays(toks)
	if len(days) < 2 {
		return scored{}, false
	}
	dated := func(f fact) int {
		n := 0
		for _, day := range days {
			if slices.ContainsFunc(f.dates, func(x date) bool { return x.day == day }) {
				n++
			}
		}
		return n
	}
	have := dated(e.docs[best.doc].facts)
	if have == len(days) {
		return scored{}, false
	}
	for _, s := range rk.scores {
		if s.score < e.opts.MinConfidence {
			break
		}
		if s.doc != best.doc && dated(e.docs[s.doc].facts) > have {
			return s, true
		}
	}
	return scored{}, false
}

// entryWithNames returns, for a claim whose best entry, no event's, would contradict it
// by leaving out names the base uses, the next event entry over the threshold whose
// facts hold them all and do not contradict it.
func (e *Engine) entryWithNames(rk ranking, best scored, q Query, toks []token) (scored, bool) {
	if k := e.docs[best.doc].entry.Kind; k == knowledge.KindEvent || k == knowledge.KindTimeline {
		return scored{}, false // an event's own entry settles a claim of it
	}
	f := e.docs[best.doc].facts
	var missing []string
	for _, t := range toks {
		// A rare name: Iran and Pakistan stand in every entry's facts, or in none.
		if !t.stop && !t.number && (t.known || strings.HasPrefix(t.term, "alias:")) && e.isName(t.term) && !f.terms[t.term] && e.idfOf(t.term) > e.maxIDF/3 {
			missing = append(missing, t.term)
		}
	}
	if len(missing) == 0 {
		return scored{}, false
	}
	if v, _, _ := e.decide(q, toks, f); v != VerdictNo {
		return scored{}, false
	}
	for _, s := range rk.scores {
		if s.score < e.opts.MinConfidence {
			break
		}
		alt := e.docs[s.doc]
		if s.doc == best.doc || alt.entry.Kind != knowledge.KindEvent || slices.ContainsFunc(missing, func(m string) bool { return !alt.facts.terms[m] }) {
			continue
		}
		if ok, _ := e.check(alt, q, toks); !ok {
			continue
		}
		if v, _, _ := e.decide(q, toks, alt.facts); v != VerdictNo {
			return s, true
		}
	}
	return scored{}, false
}

// entryWithToll returns, for a claim that counts the dead or the injured where its best
// entry counts neither, the next entry over the threshold, nearly as good, that does:
// another count of other things is no answer to a toll.
func (e *Engine) entryWithToll(rk ranking, best scored, toks []token) (scored, bool) {
	claimed := slices.Collect(maps.Values(tolls(toks)))
	if len(claimed) == 0 || len(e.docs[best.doc].facts.tolls) > 0 {
		return scored{}, false
	}
	for _, s := range rk.scores {
		if s.score < e.opts.MinConfidence || s.score < best.score*0.9 {
			break
		}
		for _, kind := range e.docs[s.doc].facts.tolls {
			if slices.Contains(claimed, kind) && s.doc != best.doc {
				return s, true
			}
		}
	}
	return scored{}, false
}

// instruction answers a message that tells the bot what to say: it says nothing it is
// told, and checks the claim the instruction carries against the article.
func (e *Engine) instruction(q Query, ex *AskExplanation) Reply {
	r := Reply{Kind: KindInstruction, Source: e.source, Suggestions: e.fallback,
		Answer: "I don't take instructions on what to say: I only repeat what the article says."}
	claim := Query{Text: stripInstruction(q.Text), Intent: IntentClaim}
	claim.Words = normalize(words(claim.Text))
	toks := e.an.analyze(claim.Text, true)
	rk := e.rank(toks, claim)
	if first, v, ok := e.firstMover(claim, toks); ok {
		r.Verdict = v
		r.Answer += " On that, the article says: " + v.Prefix() + first.entry.Answer
		ex.decided(fmt.Sprintf("instruction not followed; its claim checked against the first strike, %s: %s", first.entry.ID, v))
	} else if best, ok := e.pick(rk, claim, toks); ok {
		d := e.docs[best.doc]
		v, why, _ := e.decide(claim, toks, d.facts)
		r.Verdict, r.ID = v, d.entry.ID
		r.Answer += " On that, the article says: " + v.Prefix() + d.entry.Answer
		ex.decided(fmt.Sprintf("instruction not followed; its claim checked against %s: %s (%s)", d.entry.ID, v, why))
	} else {
		ex.decided("instruction not followed; nothing in it to check")
	}
	return r
}

// pick returns the best entry that scores over the threshold and gives what is asked.
func (e *Engine) pick(rk ranking, q Query, toks []token) (scored, bool) {
	var covered []string // for a count, the question's names that a better entry, which did not answer, uses
	unnamed := -1.0      // the topic score of an entry that speaks of the place asked for and names none
	doer := ""           // for a count, the doer of the deed asked of, where an entry makes them one
	if a := e.agent(toks); q.Type == knowledge.TypeHowMany && a != "" && e.isAgent(a) {
		doer = a
	}
	for _, s := range rk.scores {
		if s.score < e.opts.MinConfidence {
			break
		}
		d := e.docs[s.doc]
		if unnamed >= 0 && s.topic <= unnamed {
			continue // no nearer the subject than the entry that names no such place
		}
		if slices.ContainsFunc(covered, func(n string) bool { return !d.facts.terms[n] }) {
			// "how many were injured in Iran's strike on Pakistan?": the Kerman bombing's
			// count of the injured is not of the strike on Pakistan.
			continue
		}
		if doer != "" && d.entry.Kind == knowledge.KindEvent && !sameAgent(d.agent, doer) {
			// "how many were injured in iran's strike?": the Kerman bombing's count is of
			// another deed, whatever its words share (an expert's view of Iran's strike
			// may count what it struck).
			continue
		}
		ok, missing := e.check(d, q, toks)
		if ok {
			return s, true
		}
		for _, t := range toks {
			if q.Type == knowledge.TypeHowMany && !t.stop && e.isName(t.term) && d.facts.terms[t.term] && !slices.Contains(covered, t.term) {
				covered = append(covered, t.term)
			}
		}
		if missing == "a date" {
			return scored{}, false
		}
		if strings.HasPrefix(missing, "which ") && unnamed < 0 {
			// The entry that speaks of the base, and names none, is what the article
			// knows of it: one that never speaks of a base does not answer "which base",
			// unless it is nearer the subject ("tied to which country?": Israel).
			unnamed = s.topic
		}
	}
	return scored{}, false
}

// runnerUp returns an entry that answers as well as the best, within the close margin, to
// offer as "did you mean".
func (e *Engine) runnerUp(rk ranking, best scored, q Query, toks []token) (scored, bool) {
	for _, s := range rk.scores {
		if s.doc == best.doc {
			continue
		}
		if best.score-s.score >= e.opts.CloseMargin || s.score < e.opts.MinConfidence {
			return scored{}, false
		}
		ok, missing := e.check(e.docs[s.doc], q, toks)
		if ok {
			return s, true
		}
		if strings.HasPrefix(missing, "which ") || missing == "a date" {
			return scored{}, false
		}
	}
	return scored{}, false
}

// onlyGeneric reports whether a question names nothing but what the whole article is
// about (Iran, Pakistan, the strikes): such a summary request wants the overview.
func (e *Engine) onlyGeneric(qts []qterm) bool {
	for _, qt := range qts {
		if qt.id < 0 {
			if qt.class == classOrdinary || qt.class == classNoun {
				continue
			}
			return false
		}
		if e.idf[qt.id] > e.maxIDF/3 && !wholeWords[qt.term] {
			return false
		}
	}
	return true
}

// aboutSomethingElse reports whether a request names two or more things and the base
// uses none of their words: "explain quantum computing like im 5". One such word ("a
// recap of the fallout") is as likely the asker's own word for the story.
func (e *Engine) aboutSomethingElse(qts []qterm) bool {
	strange := 0
	for _, qt := range qts {
		if qt.id >= 0 {
			return false
		}
		if qt.class == classNoun || qt.class == className || qt.class == classUnknown {
			strange++
		}
	}
	return strange >= 2
}

// wholeWords name the whole article in a summary request: "summarize the article".
var wholeWords = map[string]bool{stem("article"): true, stem("piece"): true, stem("story"): true,
	stem("text"): true, stem("analysis"): true, stem("report"): true, stem("situation"): true,
	stem("conflict"): true, stem("crisis"): true, stem("events"): true}

// unconfirmedWord returns a word of a question that no entry of the base uses and that
// says something (not a name, which the check weighs apart): what no fact can confirm.
func unconfirmedWord(qts []qterm) string {
	for _, t := range qts {
		if t.id < 0 && (t.class == classOrdinary || t.class == classNoun) {
			return t.term
		}
	}
	return ""
}

// strikeOfAnother returns, for a claim that one side struck a group that only the other
// side's strike names, the entry of the claim's side's own strike, which says whom it
// struck instead: "iran was targeting the BLA" is answered by Iran's strike on Jaish al-Adl.
func (e *Engine) strikeOfAnother(toks []token, subject string) (doc, string, bool) {
	agent := e.agent(toks)
	if agent == "" || !slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:strike" || t.term == "alias:retali" }) {
		return doc{}, "", false
	}
	// The doer is what the claim is about: "BLA and BLF are iranian groups that attack
	// iran" is a claim about the groups, not about a strike of Iran's.
	if s := strings.TrimPrefix(subject, "alias:"); !sameAgent(agent, s) && demonyms["alias:"+s] != agent && demonyms[subject] != agent {
		return doc{}, "", false
	}
	for _, t := range toks {
		if t.stop || !e.isName(t.term) || sameAgent(agent, strings.TrimPrefix(t.term, "alias:")) {
			continue
		}
		if _, place := e.placeKind[t.term]; place || e.personIn(t.word) != "" {
			continue // "in pakistan" is where; the target is a group
		}
		var struck []doc
		own, hasOwn := doc{}, false
		for _, ev := range e.base.Events {
			d, ok := e.docOf(ev.Entry)
			if !ok || !ev.Strike {
				continue
			}
			if d.facts.terms[t.term] {
				struck = append(struck, d)
			}
			if sameAgent(agent, d.agent) {
				own, hasOwn = d, true
			}
		}
		if len(struck) == 1 && struck[0].agent != "" && !sameAgent(agent, struck[0].agent) && hasOwn {
			return own, t.term, true
		}
	}
	return doc{}, "", false
}

// othersDeadUntold reports whether a question asks of dead besides those it names ("was
// anyone else killed with mousavi?") and the entry tells of no others: no count, and no
// dead but those named.
func (e *Engine) othersDeadUntold(q Query, toks []token, d doc) bool {
	return asksOfOthers(q.Words) && slices.ContainsFunc(q.Words, func(w string) bool { return casualtyWords[w] }) &&
		len(d.facts.tolls) == 0 && len(d.facts.numbers) == 0 && !slices.ContainsFunc(slices.Collect(maps.Keys(d.victims)), func(v string) bool {
		return !q.Victims[v] && !slices.ContainsFunc(toks, func(t token) bool { return t.term == v }) // "killed with mousavi"
	})
}

// asksOfOthers reports whether a question asks of someone or something else than it
// names ("was anyone else killed?"), not whether it was another than the one it guesses
// ("killed by the US or someone else?").
func asksOfOthers(ws []string) bool {
	at := slices.Index(ws, "else")
	return at >= 0 && !slices.Contains(ws[max(0, at-4):at], "or")
}

// strikeElsewhere returns, for a claim that the subject struck a country the article
// never names ("iran bombed afghanistan"), the entry that names the most countries the
// subject struck, and the country claimed; the article's list settles the claim.
func (e *Engine) strikeElsewhere(toks []token, subject string) (doc, string, bool) {
	agent := e.agent(toks)
	if agent == "" {
		agent = strings.TrimPrefix(subject, "alias:") // "iran also bombed…": the subject did it
	}
	if agent == "" || !sameAgent(agent, strings.TrimPrefix(subject, "alias:")) || !slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:strike" }) ||
		slices.ContainsFunc(toks, func(t token) bool { return months[t.term] }) {
		return doc{}, "", false // "…on jan 16?": the strike of that day settles it
	}
	country := ""
	for _, t := range toks {
		if en, ok := lookup(t.word); ok && en.Country && !e.countries[t.term] && !e.isName(t.term) {
			country = t.word
			break
		}
	}
	if country == "" {
		return doc{}, "", false
	}
	var best doc
	most := 1
	for _, d := range e.docs {
		if !d.facts.terms["alias:strike"] || !sameAgent(agent, d.agent) {
			continue
		}
		n := 0
		for c := range e.countries {
			if d.facts.terms[c] && !sameAgent(agent, strings.TrimPrefix(c, "alias:")) {
				n++
			}
		}
		if n > most {
			best, most = d, n
		}
	}
	return best, country, most > 1
}

// mentionVerbs ask whether something was spoken of.
var mentionVerbs = map[string]bool{"mention": true, "mentions": true, "mentioned": true, "discuss": true,
	"discussed": true, "bring": true, "brought": true, "talk": true, "talked": true, "cite": true, "cited": true, "reference": true, "referenced": true}

// eventOfDoer returns, for a yes/no or how question or a claim of a strike whose best entry is no event,
// the entry of a strike of the question's doer that covers the question as well and
// scores nearly as high.
func (e *Engine) eventOfDoer(rk ranking, best scored, q Query, toks []token) (scored, bool) {
	agent := e.agent(toks)
	if agent == "" || e.docs[best.doc].entry.Kind == knowledge.KindEvent {
		return scored{}, false
	}
	deed := slices.IndexFunc(toks, func(t token) bool { return t.term == "alias:strike" || t.term == "alias:retali" })
	if deed < 0 {
		return scored{}, false // "does iran need pakistan's help?" asks of no strike
	}
	for _, s := range rk.scores {
		d := e.docs[s.doc]
		if s.score < best.score*0.85 {
			break
		}
		// A claim may cover more of the best entry by what it gets wrong: "iran hit
		// pakistan on jan 18" covers the overview's "18 January", Pakistan's date.
		covers := s.coverage >= best.coverage || q.Intent == IntentClaim && len(dates(toks)) > 0 && s.coverage >= best.coverage*0.85
		if d.entry.Kind == knowledge.KindEvent && sameAgent(agent, d.agent) && covers && d.facts.terms[toks[deed].term] {
			if okCheck, _ := e.check(d, q, toks); okCheck {
				return s, true
			}
		}
	}
	return scored{}, false
}

// asksTimeline reports whether words ask for the events in order: "a timeline",
// "the chronology", "list the incidents", "the main events".
func asksTimeline(ws []string) bool {
	events := false
	listed := false
	for i, w := range ws {
		switch w {
		case "timeline", "timelines", "chronology", "chronological", "chronologically":
			// "need the exact hour for a timeline", "trying to get the timeline straight":
			// what the answer is for, not what is asked.
			j := i - 1
			for j >= 0 && (ws[j] == "a" || ws[j] == "the" || ws[j] == "my" || ws[j] == "our" || ws[j] == "this") {
				j--
			}
			if j >= 0 && (ws[j] == "for" || ws[j] == "in" || ws[j] == "into" || ws[j] == "get" || ws[j] == "getting") {
				continue
			}
			return true
		case "events", "incidents", "attacks":
			events = true
		case "list", "main", "key", "all", "sequence", "order", "preceded", "leading":
			listed = true
		}
	}
	return events && listed
}

// docOfKind returns the first entry of a kind.
func (e *Engine) docOfKind(k knowledge.Kind) (doc, bool) {
	for _, d := range e.docs {
		if d.entry.Kind == k {
			return d, true
		}
	}
	return doc{}, false
}

// opinion answers a request to take a side with no side taken: the experts' attributed
// views on the subject, or the entry that gathers them all.
func (e *Engine) opinion(rk ranking, q Query, ex *AskExplanation) Reply {
	const lead = "I don't take sides: I report what the article and its experts say. "
	gathering := 0.0 // the score of the entry that gathers every expert's view
	for _, s := range rk.scores {
		if e.docs[s.doc].entry.Gives(knowledge.TypeOpinion) {
			gathering = s.score
			break
		}
	}
	for _, s := range rk.scores {
		// A question on the strikes as a whole gets every expert's view; one on a part
		// of them, the view of the expert who spoke of it.
		if s.score < e.opts.MinConfidence || s.score <= gathering || e.onlyGeneric(rk.terms) {
			break
		}
		// "do u think there's gonna be a war?": the article's own reasoning on it is no
		// side taken either.
		if d := e.docs[s.doc]; d.entry.Kind == knowledge.KindOpinion && len(d.quotes) > 0 || d.entry.Kind == knowledge.KindReason {
			ex.decided("opinion: the experts' view, or the article's reasoning, in " + d.entry.ID)
			r := e.reply(d, q.Text)
			r.Answer = lead + r.Answer
			r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
			return r
		}
	}
	for _, d := range e.docs {
		if d.entry.Gives(knowledge.TypeOpinion) {
			ex.decided("opinion: the experts' views in " + d.entry.ID)
			r := e.reply(d, q.Text)
			r.Answer = lead + r.Answer
			r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
			return r
		}
	}
	return e.unknown(rk, ex, "no entry gathers the experts' views")
}

// unknown is the reply when the article does not answer the question.
func (e *Engine) unknown(rk ranking, ex *AskExplanation, why string) Reply {
	ex.decided("I don't know: " + why)
	r := Reply{Kind: KindUnknown, Source: e.source}
	r.Confidence = round(math.Max(0, math.Min(1, rk.top().score)))
	r.Answer = "I don't know: the article I draw on does not answer that. You could ask one of these instead."
	r.Suggestions = e.unknownSuggestions(rk.scores)
	return r
}

// nearMiss is the reply when the article covers the question's subject but not the detail
// asked: it says so, and says what the article does say.
func (e *Engine) nearMiss(d doc, q Query, s scored) Reply {
	r := Reply{Kind: KindNotInArticle, Source: e.source, ID: d.entry.ID, Title: d.entry.Title}
	r.Confidence = round(math.Max(0, math.Min(1, s.score)))
	r.Answer = "The article does not say " + indirect(q.Text) + ". What it does say: " + firstSentences(d.entry.Answer, 2)
	r.Suggestions = append([]Suggestion{{ID: d.entry.ID, Question: d.entry.Questions[0]}}, e.related(d)...)
	if len(r.Suggestions) > 3 {
		r.Suggestions = r.Suggestions[:3]
	}
	return r
}

// pointsBackOnly reports whether what a question asks of is only a pronoun pointing back:
// "did this affect it?", "does that play into this?"; not "where do they carry out
// attacks?", which says of what.
func (e *Engine) pointsBackOnly(ws []string) bool {
	if !slices.ContainsFunc(ws, func(w string) bool { return pronouns[w] || thingPronouns[w] }) || e.namesSomething(ws) {
		return false
	}
	for j, w := range ws {
		if isStop(w) || fillerWords[w] || questionWords[w] || !isNoun(w) {
			continue
		}
		// "this affect", "that play": the verb after the pronoun, however a noun it may be.
		if j > 0 && (pronouns[ws[j-1]] || thingPronouns[ws[j-1]]) && isVerb(w) {
			continue
		}
		return false
	}
	return true
}

// sameOrNot answers "'army of justice' and jaish al adl, same group or two different
// ones?", "are the BLA and the BLF the same group?": two names of one alias group are one,
// two names of different ones are two, with the best entry that names them.
func (e *Engine) sameOrNot(rk ranking, q Query, toks []token) (Reply, bool) {
	if !asksSameness(q.Words) {
		return Reply{}, false
	}
	var names []string
	for _, t := range toks {
		if strings.HasPrefix(t.term, "alias:") && e.isName(t.term) {
			names = append(names, t.term)
		}
	}
	if len(names) != 2 {
		return Reply{}, false
	}
	// A place's group holds its people's names too ("Baloch", "Balochistan"), and a
	// country's its capital: their names are not one and the same, nor told apart; what
	// the article says of them is given as it is.
	place := slices.ContainsFunc(names, func(n string) bool { return e.placeTerms[n] })
	// The names are what is asked of, whatever else scores: any entry that names both.
	for _, s := range rk.scores {
		d := e.docs[s.doc]
		if !d.facts.terms[names[0]] || !d.facts.terms[names[1]] {
			continue
		}
		r := e.reply(d, q.Text)
		r.Confidence = round(math.Min(1, s.score))
		switch {
		case place:
		case names[0] == names[1]:
			r.Verdict, r.Answer = VerdictYes, "Yes: the article gives both as names of one and the same. "+r.Answer
		default:
			r.Verdict, r.Answer = VerdictNo, "No: the article names them as two. "+r.Answer
		}
		r.Quotes = fitQuotes(r.Answer, r.Quotes, 0)
		return r, true
	}
	return Reply{}, false
}

// asksSameness reports whether words ask if two are one: "same group?", "the same as",
// "two different ones?", "are they the same"; not "the same week", "the same kind".
func asksSameness(ws []string) bool {
	for i, w := range ws {
		if w != "same" && w != "different" && w != "identical" {
			continue
		}
		if i+1 == len(ws) || sameNouns[ws[i+1]] || ws[i+1] == "or" {
			return true
		}
	}
	return false
}

// sameNouns may follow "same" or "different" in a question of whether two names are one.
var sameNouns = map[string]bool{"group": true, "groups": true, "thing": true, "things": true,
	"organisation": true, "organization": true, "organisations": true, "organizations": true,
	"org": true, "orgs": true, "outfit": true, "one": true, "ones": true, "as": true,
	"people": true, "person": true, "entity": true, "militia": true, "name": true}

// combine makes one reply of the answers to several questions of one message. A
// question the article does not answer gets one short line, and the answers share the
// rest of the room.
func (e *Engine) combine(message string, parts []Reply, more bool) Reply {
	r := Reply{Question: message, Kind: KindSeveral, Source: e.source, Parts: parts}
	const notKnown = "I don't know: the article does not say."
	answered := 0
	for _, p := range parts {
		if p.Answered {
			answered++
		}
	}
	room := MaxTextLen - 120 // numbering, line breaks and the note on further questions
	if answered > 0 {
		// The parts shown in full share the room; the rest take a line of "I don't know".
		shown := 0
		for _, p := range parts {
			if p.Answered || p.Kind == KindInstruction || p.Kind == KindNotInArticle {
				shown++
			}
		}
		room = (room - (len(parts)-shown)*len(notKnown)) / shown
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%d. ", i+1)
		switch {
		case p.Answered:
			b.WriteString(fitSentences(p.Answer, room))
			r.Answered = true
			if r.ID == "" {
				r.ID = p.ID
			}
			r.Confidence = math.Max(r.Confidence, p.Confidence)
		case p.Kind == KindInstruction || p.Kind == KindNotInArticle:
			// "from now on tell everyone…": the refusal, and what the article says of it;
			// "did they ever go back?": what the article does say.
			b.WriteString(fitSentences(p.Answer, room))
		case answered > 0:
			b.WriteString(notKnown)
		default:
			b.WriteString(fitSentences(p.Answer, room/len(parts)))
		}
		r.Suggestions = appendNew(r.Suggestions, p.Suggestions...)
	}
	if more {
		fmt.Fprintf(&b, "\n\nI answer up to %d questions a message: ask the others again.", MaxQuestionsPerMessage)
	}
	r.Answer = b.String()
	var quotes []Quote
	for _, p := range parts {
		if len(p.Quotes) > 0 {
			quotes = append(quotes, p.Quotes[0])
		}
	}
	r.Quotes = fitQuotes(r.Answer, quotes, 0)
	if len(r.Suggestions) > 3 {
		r.Suggestions = r.Suggestions[:3]
	}
	return r
}

// dedupe drops a question the message asks twice.
func dedupe(asks []Ask) []Ask {
	out := asks[:0]
	seen := map[string]bool{}
	for _, a := range asks {
		k := strings.Join(words(a.Text), " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// appendNew appends the suggestions not already in list.
func appendNew(list []Suggestion, more ...Suggestion) []Suggestion {
	for _, s := range more {
		dup := false
		for _, o := range list {
			dup = dup || o.ID == s.ID
		}
		if !dup {
			list = append(list, s)
		}
	}
	return list
}

// AnswerID answers with one entry, as when a user presses a suggested question.
func (e *Engine) AnswerID(id string) (Reply, bool) {
	for _, d := range e.docs {
		if d.entry.ID == id {
			return e.reply(d, d.entry.Questions[0]), true
		}
	}
	return Reply{}, false
}

// reply renders an entry as an answered Reply.
func (e *Engine) reply(d doc, question string) Reply {
	r := Reply{
		Question: question, Answered: true, Confidence: 1, Kind: ReplyKind(d.entry.Kind), ID: d.entry.ID,
		Title: d.entry.Title, Answer: d.entry.Answer, Source: e.source,
	}
	r.Quotes = fitQuotes(r.Answer, d.quotes, 0)
	r.Suggestions = e.related(d)
	return r
}

// related returns up to three of an entry's related questions.
func (e *Engine) related(d doc) []Suggestion {
	var out []Suggestion
	for _, id := range d.entry.Related {
		if rel, ok := e.base.Entry(id); ok {
			out = append(out, Suggestion{ID: rel.ID, Question: rel.Questions[0]})
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

// fitQuotes keeps the quotes, in order, that fit with the answer within MaxTextLen
// characters, leaving room for reserve more.
func fitQuotes(answer string, quotes []Quote, reserve int) []Quote {
	n := utf8.RuneCountInString(answer) + reserve
	var out []Quote
	for _, q := range quotes {
		l := q.plainLen() + 2
		if n+l > MaxTextLen {
			continue
		}
		n += l
		out = append(out, q)
	}
	return out
}

// pointsAtTheStory reports whether a question that names nothing of the article still
// speaks of it: a word of the base, or "this", "it", "them" ("who's the winner of this
// whole exchange?"), where "who won the cricket world cup?" speaks of something else.
func pointsAtTheStory(ws []string, qts []qterm) bool {
	return slices.ContainsFunc(qts, func(t qterm) bool { return t.id >= 0 }) ||
		slices.ContainsFunc(ws, func(w string) bool { return referents[w] || w == "both" || w == "sides" }) ||
		len(qts) == 0 // "who's right in ur opinion?" names nothing else: the story it is asked in
}

// bothWords make a question one of more than one deed: "both strikes", "all of them".
var bothWords = map[string]bool{"both": true, "all": true, "altogether": true, "combined": true,
	"overall": true, "together": true, "strikes": true, "attacks": true, "each": true}

// totalWords ask for counts added up: "in total", "add up", "combined", "plus".
var totalWords = map[string]bool{"total": true, "totals": true, "altogether": true, "combined": true,
	"sum": true, "plus": true, "add": true, "adding": true, "overall": true}

// differenceOf returns, for a question that asks how many more were injured than killed
// (or the other way), the sentence that takes one of the counts the facts give from the
// other: "The article's figures differ by about 184 (284 − 100)."
func differenceOf(ws []string, f fact, answer string) (string, bool) {
	more := slices.IndexFunc(ws, func(w string) bool { return w == "more" || w == "fewer" || w == "less" })
	if more < 1 || ws[more-1] != "many" || !slices.Contains(ws[more:], "than") {
		return "", false
	}
	byKind := map[string][]int{}
	for n, kind := range f.tolls {
		byKind[kind] = append(byKind[kind], n)
	}
	dead, hurt := byKind["alias:kill"], byKind["alias:injur"]
	if len(dead) != 1 || len(hurt) != 1 {
		return "", false
	}
	a, b := max(dead[0], hurt[0]), min(dead[0], hurt[0])
	about := ""
	if approximate(answer, a) || approximate(answer, b) {
		about = "about "
	}
	return fmt.Sprintf("The article's figures differ by %s%d (%d − %d).", about, a-b, a, b), true
}

// approximate reports whether the text gives a count only roughly: "almost 100".
func approximate(text string, n int) bool {
	return slices.ContainsFunc([]string{"almost ", "about ", "nearly ", "around ", "some "}, func(h string) bool {
		return strings.Contains(text, h+strconv.Itoa(n))
	})
}

// oneSide reports whether a question asks of one side's deed: it has a doer, and does
// not name both Iran and Pakistan ("iran's and pakistan's combined").
func oneSide(agent string, toks []token) bool {
	both := slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:iran" }) &&
		slices.ContainsFunc(toks, func(t token) bool { return t.term == "alias:pakistan" })
	return agent != "" && !both
}

// totalElsewhere returns, for a question that asks for counts added up, the first of the
// five best entries whose facts give the counts to add, and their sum.
func (e *Engine) totalElsewhere(rk ranking, q Query, toks []token) (doc, string, bool) {
	if !slices.ContainsFunc(q.Words, func(w string) bool { return totalWords[w] }) {
		return doc{}, "", false
	}
	for _, s := range rk.scores[:min(len(rk.scores), 5)] {
		d := e.docs[s.doc]
		if sum, ok := totalOf(q.Words, toks, d.facts, d.entry.Answer, oneSide(e.agent(toks), toks)); ok {
			return d, sum, true
		}
	}
	return doc{}, "", false
}

// totalOf returns, for a question that asks for counts added up, the sentence that adds
// the counts of the asked kinds (the dead, the injured) that the facts give, when they
// give two or more: "The article's figures add up to 9 (2 + 7)." A count the text gives
// as "almost" or "about" makes the total about as much. Counts of one kind are added
// only for a question of more than one deed ("both strikes"), never for one side's
// ("in total in pakistan's strike"): the facts may count another's beside it.
func totalOf(ws []string, toks []token, f fact, answer string, oneSide bool) (string, bool) {
	if !slices.ContainsFunc(ws, func(w string) bool { return totalWords[w] }) {
		return "", false
	}
	kinds := map[string]bool{} // the dead and the injured, as the aliases read them
	for _, t := range toks {
		switch t.term {
		case "alias:kill", "alias:injur":
			kinds[t.term] = true
		case stem("casualties"):
			kinds["alias:kill"], kinds["alias:injur"] = true, true
		}
	}
	if len(kinds) == 0 {
		return "", false
	}
	var counts []int
	for n, kind := range f.tolls {
		if kinds[kind] {
			counts = append(counts, n)
		}
	}
	if len(counts) < 2 {
		return "", false
	}
	severalDeeds := !oneSide && slices.ContainsFunc(ws, func(w string) bool { return bothWords[w] })
	if len(kinds) < 2 && !severalDeeds {
		return "", false
	}
	slices.Sort(counts)
	sum, parts, about := 0, make([]string, len(counts)), ""
	for i, n := range counts {
		sum += n
		parts[i] = strconv.Itoa(n)
		if approximate(answer, n) {
			about = "about "
		}
	}
	return fmt.Sprintf("The article's figures add up to %s%d (%s).", about, sum, strings.Join(parts, " + ")), true
}

// yearsApart returns, for "how many years between…" or "how long since…, in years", the
// sentence that gives how far apart the two years are that the facts, with any year the
// question names, give: "1988 and 2024 are 36 years apart."
func yearsApart(ws []string, toks []token, f fact) (string, bool) {
	if !slices.Contains(ws, "years") || !slices.ContainsFunc(ws, func(w string) bool { return w == "between" || w == "since" || w == "from" }) {
		return "", false
	}
	all := maps.Clone(f.years)
	maps.Copy(all, years(toks))
	if len(all) != 2 {
		return "", false
	}
	ys := slices.Sorted(maps.Keys(all))
	if ys[1]-ys[0] < 2 {
		return "", false // "december 2023 and january 2024" are weeks apart, not a year
	}
	return fmt.Sprintf("%d and %d are %d years apart.", ys[0], ys[1], ys[1]-ys[0]), true
}
