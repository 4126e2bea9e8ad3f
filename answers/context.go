package answers

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/borderbot/borderbot/answers/lexicon"
	"github.com/borderbot/borderbot/knowledge"
)

// Context is what the engine keeps of a conversation from one message to the next: the
// last question that stood on its own, the person it was about and what was already
// given. It is a small value, passed in and returned, never state the engine holds.
type Context struct {
	Question string   // the last question, read on its own ("What did Iran fire at Pakistan?")
	Person   string   // the person the conversation is about, as the base names them
	Given    []string // the entries and quotes given, oldest first, at most maxGiven
	// Settled is the last message's claim, as read with the conversation, when the facts
	// said yes, no or partly to it: "why not?" after "did it work?" asks why of that.
	Settled string
}

// maxGiven is how many given answers a Context remembers.
const maxGiven = 12

// Empty reports whether the context holds nothing yet.
func (c Context) Empty() bool {
	return c.Question == "" && c.Person == "" && len(c.Given) == 0 && c.Settled == ""
}

// AnswerIn answers a message in a conversation: a follow-up ("who's she?", "and when was
// that?", "what about Pakistan?", "what else did she say?") is read with what came before,
// and a question that stands on its own is answered as it would be alone. It returns the
// context to pass with the next message.
func (e *Engine) AnswerIn(c Context, message string) (Reply, Context) {
	r, _, read := e.answerIn(c, message, false)
	if read == "" {
		return r, c // nothing was asked: the conversation is as it was
	}
	return r, e.remember(c, read, r)
}

// namedThing rewrites "that war", "this war" into the named one the last answer speaks
// of: "the Iran-Iraq war" of "…since the end of the Iran-Iraq war in 1988".
func (e *Engine) namedThing(c Context, ws []string) (string, bool) {
	at := slices.IndexFunc(ws, func(w string) bool { return w == "that" || w == "this" })
	if at < 0 || at+1 >= len(ws) || !namedThings[ws[at+1]] {
		return "", false
	}
	en, ok := e.base.Entry(e.lastEntry(c))
	if !ok {
		return "", false
	}
	fields := strings.Fields(en.Answer)
	for i := 1; i < len(fields); i++ {
		noun := strings.ToLower(strings.Trim(fields[i], ".,;:()"))
		name := strings.Trim(fields[i-1], "(“\"")
		if noun != ws[at+1] || name == "" || !unicode.IsUpper([]rune(name)[0]) {
			continue
		}
		out := slices.Concat(ws[:at], []string{"the", strings.ToLower(name), noun}, ws[at+2:])
		return strings.Join(out, " "), true
	}
	return "", false
}

// namedThings are the nouns "that" points back with at something the last answer names.
var namedThings = map[string]bool{"war": true}

// followKind says how a question leans on the conversation.
type followKind uint8

const (
	standsAlone   followKind = iota // nothing was read from the conversation
	pointsBack                      // a pronoun stood for the person talked about
	swapsWord                       // "and Pakistan?": the last question with one word changed
	saysLittle                      // "when?": what it asks, of the last question's subject
	pointsAtThing                   // "what did they use?": they, it, that stand for the last subject
)

// followUp rewrites a question that leans on the conversation into one that stands on
// its own, or returns it as it is, and says how it leaned.
func (e *Engine) followUp(c Context, q string) (string, followKind) {
	if c.Empty() {
		return q, standsAlone
	}
	ws := words(q)
	if slices.ContainsFunc(ws, func(w string) bool { return writingWords[w] }) && slices.Contains(ws, "who") && !e.namesSomething(ws) {
		return q, standsAlone // "who wrote this?": this is the article, whatever was said last
	}
	if p, ok := e.namedThing(c, ws); ok {
		// "when did that war start?" after Vaez's point on the Iran-Iraq war: the war
		// the last answer names.
		return p, pointsBack
	}
	changed := standsAlone
	// He, she, his, her: the person the conversation is about.
	if c.Person != "" && e.personIn(q) == "" {
		if p := replacePronouns(q, c.Person); p != q {
			q, ws, changed = p, words(p), pointsBack
		}
	}
	if c.Question == "" {
		return q, changed
	}
	// "the second one?", "what's number four", "and the one after that": the same list,
	// another place in it.
	if p, ok := e.ordinalFollowUp(ws, c.Question); ok {
		return p, swapsWord
	}
	// "and about propaganda?" after "what did she say about economic opportunities?":
	// the last question, of what the new one is about.
	if p, ok := swapTopic(ws, c.Question); ok {
		return p, swapsWord
	}
	// "and pakistan with its retaliation?" after "what did iran want to achieve with the
	// strike?": the name swapped, and what follows the same preposition.
	if p, ok := e.swapWithPhrase(ws, c.Question); ok {
		return p, swapsWord
	}
	// "and Pakistan?", "what about the third?": the last question, with its word of the
	// same kind swapped for the new one.
	swap, ok := swapWord(ws)
	if !ok {
		swap, ok = agreesWord(ws)
	}
	if ok {
		if p, ok := e.swapInto(c.Question, swap); ok {
			return p, swapsWord
		}
	}
	// "when?", "where was that?", "how many bases?": what it asks, of the last question's
	// subject.
	// A question with a word of its own ("anyone killed?") does not take the detail the
	// last question asked for ("what weapons"): it asks its own of the same subject.
	if e.leans(ws) {
		carried := contentOf(words(c.Question))
		if c.Settled != "" && questionType(ws) == knowledge.TypeWhy {
			carried = contentOf(words(c.Settled))
		}
		if len(e.contentOf(ws)) > 0 {
			last := readAsk(Ask{Text: c.Question}, "")
			if asked := last.Focus; asked != "" && !e.namesSomething([]string{asked}) {
				carried = slices.DeleteFunc(carried, func(w string) bool { return w == asked })
			}
			// "what province?" after "what was the village called?" asks the village's
			// province, not its name.
			carried = slices.DeleteFunc(carried, func(w string) bool { return namingWords[w] })
			if deed := e.deedOf(words(c.Question)); deed != "" && slices.ContainsFunc(ws, func(w string) bool { return w != deed && !isStop(w) && pastForms[w] }) {
				// "how many died?" after "which weapons did pakistan use?" asks of the
				// deaths, not of the using: its own deed takes the last one's place.
				carried = slices.DeleteFunc(carried, func(w string) bool { return w == deed })
			}
			if questionType(ws) == knowledge.TypeWhere && slices.ContainsFunc(ws, func(w string) bool { return copulas[w] }) && slices.ContainsFunc(e.contentOf(ws), isAdjective) {
				// "where are they active?" after what Jaish al-Adl claims to fight for:
				// they are what the last answer was about, as its title names it, and
				// what is said of them takes the place of what the last question asked.
				carried = e.namesOf(carried)
				if en, ok := e.base.Entry(e.lastEntry(c)); ok {
					for _, n := range e.namesOf(words(en.Title)) {
						if !slices.Contains(carried, n) && e.personIn(n) == "" {
							carried = append(carried, n)
						}
					}
				}
			}
			if last.Type == knowledge.TypeHowMany && questionType(ws) != knowledge.TypeHowMany {
				// "what was it targeting?" after "how many died in Iran's strike?" asks of
				// the strike, not of the dead.
				carried = slices.DeleteFunc(carried, func(w string) bool { return casualtyWords[w] })
			}
		}
		return strings.TrimRight(q, "?!. ") + " with " + strings.Join(carried, " "), saysLittle
	}
	// "what weapons did they use?", "were they Iranian?": they, it and that stand for
	// what was talked about; a question naming nothing takes the last question's names.
	if changed == standsAlone && slices.ContainsFunc(ws, func(w string) bool { return thingPronouns[w] }) {
		if !e.namesSomething(ws) && !namesBothSides(ws) {
			// They, it and that are not the person talked about: "and around which city
			// were they?" after what Akhtar said of the targets asks of the targets.
			names := slices.DeleteFunc(e.namesOf(words(c.Question)), func(w string) bool { return e.personIn(w) != "" })
			if len(names) == 0 {
				// "who's it an offshoot of?" named nothing: they, it and that are what the
				// last answer was about, as its title names it.
				if en, ok := e.base.Entry(e.lastEntry(c)); ok {
					names = slices.DeleteFunc(e.namesOf(words(en.Title)), func(w string) bool { return e.personIn(w) != "" })
				}
			}
			if len(names) > 0 {
				q = strings.TrimRight(q, "?!. ") + " " + strings.Join(names, " ")
			}
		} else if slices.Contains(ws, "it") && (copulas[ws[0]] || auxiliaries[ws[0]]) {
			// "are iran and pakistan in it?" after "who leads the SCO?": it is the last
			// question's name that this yes/no question does not repeat.
			var missing []string
			for _, w := range e.namesOf(words(c.Question)) {
				if e.personIn(w) == "" && !slices.Contains(ws, w) {
					missing = append(missing, w)
				}
			}
			if len(missing) > 0 {
				q = strings.TrimRight(q, "?!. ") + " " + strings.Join(missing, " ")
			}
		}
		return q, pointsAtThing
	}
	return q, changed
}

// namesBothSides reports whether words name Iran and Pakistan together ("both sides",
// "each other's military"), whom "they" then stands for.
func namesBothSides(ws []string) bool {
	for _, p := range [][]string{{"both", "sides"}, {"both", "countries"}, {"both", "governments"}, {"each", "other"},
		{"each", "others"}, {"neither", "side"}, {"either", "side"}, {"the", "two", "countries"}} {
		if hasPhrase(ws, p) {
			return true
		}
	}
	return false
}

// deedOf returns the verb a question asks of its subject's deed, "use" in "which weapons
// did pakistan use?", or "" when there is none or it names an event of the base.
func (e *Engine) deedOf(ws []string) string {
	for i, w := range ws {
		if !auxiliaries[w] {
			continue
		}
		for _, v := range ws[i+1:] {
			if isStop(v) || e.namesSomething([]string{v}) {
				continue
			}
			if !isVerb(v) {
				return ""
			}
			// "hit back", "strike": the event itself, which the follow-up asks of too.
			for _, t := range e.an.analyze(v, true) {
				if strings.HasPrefix(t.term, "alias:") {
					return ""
				}
			}
			return v
		}
	}
	return ""
}

// casualtyWords count the dead and the hurt: what a how-many question asked the number of.
var casualtyWords = map[string]bool{"died": true, "dead": true, "killed": true, "death": true, "deaths": true,
	"injured": true, "wounded": true, "hurt": true, "casualties": true, "die": true, "kill": true}

// thingPronouns stand for a thing, a side or a group talked about before.
var thingPronouns = map[string]bool{
	"they": true, "them": true, "their": true, "theirs": true, "it": true, "its": true,
	"that": true, "those": true, "these": true, "this": true,
	"theyre": true, "thats": true, "theyve": true, "theyd": true, // as typed without the apostrophe, or folded
}

// namesOf returns the words that are names the base knows.
func (e *Engine) namesOf(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !isStop(w) && e.namesSomething([]string{w}) { // "I" is written in capitals, and names nothing
			out = append(out, w)
		}
	}
	return out
}

// leans reports whether a question says too little to stand alone: at most one word of
// content besides words pointing back ("that", "it", "them"), and no name.
func (e *Engine) leans(ws []string) bool {
	content := 0
	for _, w := range ws {
		if isStop(w) || questionWords[w] || referents[w] || followUpWords[w] {
			continue
		}
		if e.an.names[w] || e.an.nameGroups["alias:"+stem(w)] {
			return false
		}
		content++
	}
	return content <= 1
}

// contentOf returns the words of a follow-up that carry something of their own: not
// question words, words pointing back or words that only lean on what came before.
func (e *Engine) contentOf(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !isStop(w) && !questionWords[w] && !referents[w] && !followUpWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// followUpWords are the words of a follow-up that carry no subject of their own.
var followUpWords = map[string]bool{
	"else": true, "more": true, "example": true, "examples": true, "instance": true,
	"then": true, "also": true, "about": true, "happened": true, "next": true,
}

// contentOf returns the words of a question that carry its subject.
func contentOf(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !isStop(w) && !questionWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// timeWords are swapped for one another: "and now?" after "what did Pakistanis think of
// Iran before?".
var timeWords = map[string]bool{"before": true, "after": true, "now": true, "later": true,
	"earlier": true, "afterwards": true, "since": true, "today": true, "then": true, "previously": true}

// ordinals are swapped for one another: "and the third?" after "the second reason".
var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true,
	"fifth": true, "last": true, "1st": true, "2nd": true, "3rd": true, "4th": true, "5th": true}

// swapWord returns the word of "and X?", "what about X?", "how about X?", "same for X?".
func swapWord(ws []string) (string, bool) {
	rest := ws
	switch {
	case len(ws) >= 2 && ws[0] == "and":
		rest = ws[1:]
	case len(ws) >= 3 && (ws[0] == "what" || ws[0] == "how") && ws[1] == "about":
		rest = ws[2:]
	case len(ws) >= 3 && ws[0] == "same" && ws[1] == "for":
		rest = ws[2:]
	default:
		return "", false
	}
	// "and the third?", "and in Pakistan's?", "what about on Iran's side?", "and the one
	// from sweden?"
	for len(rest) > 1 && (swapFillers[rest[0]] || rest[0] == "one" && len(rest) > 2 && swapFillers[rest[1]]) {
		rest = rest[1:]
	}
	// "and pakistan's strike?" after a question of Iran's: the strike was already asked of.
	if len(rest) == 2 && (rest[1] == "side" || rest[1] == "one" || rest[1] == "strike" || rest[1] == "strikes" || rest[1] == "attack") {
		rest = rest[:1]
	}
	if len(rest) != 1 {
		return "", false
	}
	return rest[0], true
}

// swapWithPhrase returns the last question with its name swapped for the one of "and X
// with Y?" and its phrase of the same preposition for "with Y", or false.
func (e *Engine) swapWithPhrase(ws []string, last string) (string, bool) {
	if len(ws) < 4 || len(ws) > 6 || ws[0] != "and" || !swapFillers[ws[2]] || ws[2] == "the" {
		return "", false
	}
	p, ok := e.swapInto(last, ws[1])
	if !ok {
		return "", false
	}
	fields := strings.Fields(strings.TrimRight(p, "?!. "))
	at := slices.IndexFunc(fields, func(f string) bool { return strings.EqualFold(f, ws[2]) })
	if at < 0 {
		return "", false
	}
	return strings.Join(append(fields[:at], ws[2:]...), " ") + "?", true
}

// swapTopic returns the last question with what it was about replaced, for a follow-up
// "and about X?" or "about X?": "what did she say about economic opportunities?", then
// "and about propaganda?".
func swapTopic(ws []string, last string) (string, bool) {
	if len(ws) >= 1 && ws[0] == "and" {
		ws = ws[1:]
	}
	if len(ws) < 2 || len(ws) > 4 || ws[0] != "about" {
		return "", false
	}
	fields := strings.Fields(last)
	at := slices.IndexFunc(fields, func(f string) bool { return strings.EqualFold(f, "about") })
	if at < 0 || at == len(fields)-1 {
		return "", false
	}
	return strings.Join(fields[:at+1], " ") + " " + strings.Join(ws[1:], " ") + "?", true
}

// agreesWord returns the one who is asked to agree in "does akhtar agree?" or "do the
// others agree with him?": the same question, asked of them.
func agreesWord(ws []string) (string, bool) {
	if len(ws) < 3 || len(ws) > 6 || !auxiliaries[ws[0]] || ws[2] != "agree" && ws[2] != "agrees" {
		return "", false
	}
	if rest := ws[3:]; len(rest) > 0 && rest[0] != "with" && rest[0] != "on" {
		return "", false
	}
	return ws[1], true
}

// swapFillers may stand before the word of "and X?": "and in Pakistan's?", "and the third?".
var swapFillers = map[string]bool{"the": true, "for": true, "in": true, "on": true, "at": true,
	"of": true, "to": true, "from": true, "by": true, "with": true}

// swapInto puts a word in the place of the word of the same kind in a question: a name
// for its first name, an ordinal for its ordinal.
func (e *Engine) swapInto(q, w string) (string, bool) {
	isName := func(x string) bool {
		if isStop(x) {
			return false // "who", which a dictionary also has as the WHO
		}
		if e.an.names[x] || e.an.nameGroups["alias:"+stem(x)] {
			return true
		}
		le, ok := lexicon.Lookup(x) // "sweden", which the base writes only in "Swedish"
		if ok {
			return le.Proper
		}
		c := e.an.correct(x) // "pakistn", as the last question was typed
		return c != "" && c != x && (e.an.names[c] || e.an.nameGroups["alias:"+stem(c)])
	}
	kind := func(x string) int {
		switch {
		case ordinals[x]:
			return 1
		case isName(x):
			return 2
		case timeWords[x]:
			return 3
		}
		return 0
	}
	k := kind(w)
	if k == 0 {
		return q, false
	}
	if k == 3 && !slices.ContainsFunc(words(q), func(x string) bool { return timeWords[x] }) {
		// "what happened in Kerman? and before?": the same question, of the time before.
		return strings.TrimRight(q, "?!. ") + " " + w, true
	}
	fields := strings.Fields(q)
	for i, f := range fields {
		fw := words(f)
		if len(fw) == 1 && kind(fw[0]) == k && fw[0] != w {
			suffix := ""
			if strings.HasSuffix(strings.ToLower(f), "'s") || strings.HasSuffix(f, "’s") {
				suffix = "'s"
			}
			fields[i] = w + suffix
			return strings.Join(fields, " "), true
		}
	}
	return q, false
}

// replacePronouns puts a person's name in place of he, she, him, her and his.
func replacePronouns(q, person string) string {
	fields := strings.Fields(q)
	for i, f := range fields {
		lw := strings.ToLower(strings.Trim(f, "?,.!"))
		if !pronouns[lw] {
			continue
		}
		trail := f[len(strings.TrimRight(f, "?,.!")):]
		switch lw {
		case "his", "hers":
			fields[i] = person + "'s" + trail
		default:
			fields[i] = person + trail
		}
	}
	return strings.Join(fields, " ")
}

// remember returns the context after a reply to a question read as q.
func (e *Engine) remember(c Context, q string, r Reply) Context {
	if r.Kind == KindEmpty || r.Kind == KindTooLong {
		return c
	}
	if r.Kind == KindUnknown && c.Question != "" {
		// Nothing was found of it: the conversation is still about what it was, but of
		// the person it names ("what does Parsi think…", then "what will it weaken?").
		if p := e.personIn(q); p != "" {
			c.Person = p
		}
		return c
	}
	next := Context{Question: q, Person: c.Person, Given: append([]string(nil), c.Given...)}
	if settled(r) {
		next.Settled = r.readAs
	}
	if p := e.personIn(q); p != "" {
		next.Person = p
	}
	for _, part := range append([]Reply{r}, r.Parts...) {
		for _, qu := range part.Quotes {
			if qb, ok := e.base.Quote(qu.ID); ok {
				if p, ok := e.base.Person(qb.Speaker); ok && part.Kind == KindQuote {
					next.Person = p.Name
				}
			}
			next.Given = appendGiven(next.Given, "quote:"+qu.ID)
		}
		if part.ID != "" && (part.Answered || part.Kind == KindNotInArticle && len(c.Given) == 0) {
			// A near miss that opens a conversation gave what the article says of its
			// subject: the conversation is about that ("who leads the BLA?", then "how
			// does Islamabad see them?"). Later, it is a detail missing of what was told.
			next.Given = appendGiven(next.Given, part.ID)
			if p := e.personOf[part.ID]; p != "" {
				next.Person = p
			}
		}
	}
	if next.Person == "" {
		// "did iran's strike work?", then "who was he?": with no one talked about yet,
		// he is the first person the answer names.
		for _, part := range append([]Reply{r}, r.Parts...) {
			if p := e.firstPerson[part.ID]; p != "" && part.Answered {
				next.Person = p
				break
			}
		}
	}
	return next
}

// firstPersonIn returns the person a text names first, or "".
func (e *Engine) firstPersonIn(s string) string {
	ws := words(s)
	at := make(map[string]int, len(ws)) // where each word first stands
	for i, w := range slices.Backward(ws) {
		at[w] = i
	}
	first, name := len(ws), ""
	for _, p := range e.personNames {
		i, ok := at[p.words[0]]
		if !ok || i >= first {
			continue
		}
		for j := i; j+len(p.words) <= len(ws) && j < first; j++ {
			if ws[j] == p.words[0] && hasPhrase(ws[j:j+len(p.words)], p.words) {
				first, name = j, p.name
				break
			}
		}
	}
	return name
}

// appendGiven adds an answer to the given list, keeping the newest maxGiven.
func appendGiven(given []string, id string) []string {
	if slices.Contains(given, id) {
		return given
	}
	given = append(given, id)
	if len(given) > maxGiven {
		given = given[len(given)-maxGiven:]
	}
	return given
}

// ordinalWords are the places in a list, by number.
var ordinalWords = []string{"", "first", "second", "third", "fourth", "fifth"}

// ordinalAt returns the place in a list that words name ("second", "2nd", "number 4",
// "no. four"), or 0.
func ordinalAt(ws []string) int {
	for i, w := range ws {
		if n := ordinalPlaces[w]; n > 0 {
			return n
		}
		if (w == "number" || w == "no" || w == "num" || w == "nr") && i+1 < len(ws) {
			if n := numberWord(ws[i+1]); n > 0 && n < len(ordinalWords) {
				return n
			}
		}
	}
	return 0
}

// ordinalPlaces are the ordinals of ordinalWords, in words and in figures ("2nd"), by place.
var ordinalPlaces = func() map[string]int {
	m := map[string]int{}
	for n := 1; n < len(ordinalWords); n++ {
		m[ordinalWords[n]] = n
		m[strconv.Itoa(n)+[]string{"", "st", "nd", "rd", "th", "th"}[n]] = n
	}
	return m
}()

// numberWord reads "4" or "four".
func numberWord(w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	return slices.Index([]string{"zero", "one", "two", "three", "four", "five"}, w)
}

// listWords may stand in a question about a place in a list besides the place itself.
var listWords = map[string]bool{"one": true, "reason": true, "reasons": true, "factor": true,
	"factors": true, "point": true, "points": true, "thing": true, "number": true, "no": true,
	"num": true, "nr": true, "after": true, "next": true, "last": true, "final": true, "before": true}

// listNouns name the article's list of reasons for optimism.
var listNouns = map[string]bool{"reason": true, "reasons": true, "factor": true, "factors": true}

// ordinalFollowUp rewrites "the second one?", "what's number four" or "and the one after
// that" after a question about a list into a question of its own.
func (e *Engine) ordinalFollowUp(ws []string, last string) (string, bool) {
	for _, w := range ws {
		if !isStop(w) && !questionWords[w] && !referents[w] && !listWords[w] && ordinalPlaces[w] == 0 && w != "and" && numberWord(w) < 0 {
			return "", false // it asks something else too
		}
	}
	lw := words(last)
	at := ordinalAt(ws)
	switch {
	case at > 0:
	case slices.Contains(ws, "after") || slices.Contains(ws, "next"):
		at = ordinalAt(lw) + 1
	case slices.Contains(ws, "before"):
		at = ordinalAt(lw) - 1
	case slices.Contains(ws, "last") || slices.Contains(ws, "final"):
		at = len(ordinalWords) - 1
	}
	if at <= 0 || at >= len(ordinalWords) {
		return "", false
	}
	// "and the last factor": the list is named, whatever the last question was.
	if i := slices.IndexFunc(ws, func(w string) bool { return listNouns[w] }); i >= 0 {
		return "what is the " + ordinalWords[at] + " " + ws[i], true
	}
	if ordinalAt(lw) > 0 {
		return e.swapInto(last, ordinalWords[at])
	}
	// "how many reasons for optimism…?" then "number four": the fourth of them.
	if !slices.ContainsFunc(lw, func(w string) bool { return w == "reasons" || w == "factors" || w == "points" }) {
		return "", false
	}
	return "what is the " + ordinalWords[at] + " " + strings.Join(contentOf(lw), " "), true
}
