package answers

import (
	"slices"
	"strings"

	"github.com/borderbot/borderbot/answers/lexicon"
	"github.com/borderbot/borderbot/knowledge"
)

// MaxQuestionsPerMessage is the most questions of one message the engine answers.
const MaxQuestionsPerMessage = 3

// SegmentKind says what one sentence of a message does.
type SegmentKind uint8

// The kinds of sentence in a chat message.
const (
	SegmentQuestion   SegmentKind = iota // asks something
	SegmentClaimTag                      // "true?", "is that right?": asks whether the sentence before it holds
	SegmentChatter                       // a greeting, thanks, or context around the question
	SegmentStatement                     // says something: a claim, if a tag or a framing asks about it
	SegmentOpinionTag                    // "wdyt?", "ur take?": asks the bot's view of the question before it
)

func (k SegmentKind) String() string {
	switch k {
	case SegmentQuestion:
		return "question"
	case SegmentClaimTag:
		return "claim tag"
	case SegmentChatter:
		return "chatter"
	case SegmentOpinionTag:
		return "opinion tag"
	}
	return "statement"
}

// Segment is one sentence of a message and what it does.
type Segment struct {
	Text  string
	Kind  SegmentKind
	words []string
}

// Ask is one thing a message asks, made of one or more of its sentences.
type Ask struct {
	Text    string // what to read and answer
	Claim   bool   // the message asks whether Text is true
	Opinion bool   // the message asks for a view of it: "…? thoughts", "agree?"
	// asserted marks a claim the message makes without asking ("the colonel was killed
	// by Israel"): the facts may correct it; a plain Yes would confirm what no one asked.
	asserted bool
	// byPerson marks a claim of what someone the article quotes said ("Akhtar says
	// Pakistan hit five targets?"): the claimant is part of what is checked.
	byPerson bool
	// premise marks a statement that the question after it takes for granted ("since
	// pakistan's strikes killed iranian soldiers, how is iran responding?"): it is
	// answered only when the facts contradict it, so that it is not left standing.
	premise bool
}

// titles are the abbreviated titles a full stop follows within a sentence: "Col. Javidanfar".
var titles = map[string]bool{"col": true, "gen": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"lt": true, "maj": true, "capt": true, "prof": true, "st": true}

// titleBefore reports whether text ends with an abbreviated title: "killed alongside Col".
func titleBefore(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return titles[strings.ToLower(s[i+1:])]
}

// splitSentences cuts a message into sentences at ?, !, ., ; and line breaks, keeping
// the question mark with its sentence, and at ", and" / " and also" before a new question.
func splitSentences(s string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		if t := strings.TrimSpace(s[start:end]); t != "" {
			out = append(out, t)
		}
		start = end
	}
	// The marks that end a sentence are ASCII but for the dashes, so the text is read
	// by bytes: a byte below utf8.RuneSelf is always the character itself.
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '?', '!', ';', '\n':
			for i+1 < len(s) && (s[i+1] == '?' || s[i+1] == '!') {
				i++
			}
			flush(i + 1)
		case '.':
			// A full stop ends a sentence before a space; "U.S." and "3.5" stay whole.
			if i+1 < len(s) && s[i+1] == ' ' && !(i > 0 && isUpperByte(s[i-1]) && (i < 2 || s[i-2] == '.' || s[i-2] == ' ')) && !titleBefore(s[start:i]) {
				flush(i + 1)
			}
		case ')':
			// "1) where's saravan 2) how many died there", "(1) who… (2) what…": a
			// numbered list of questions.
			if i > 0 && s[i-1] >= '1' && s[i-1] <= '9' && (i+1 == len(s) || s[i+1] == ' ') {
				switch {
				case i < 2 || s[i-2] == ' ':
					flush(i - 1)
					start = i + 1
				case s[i-2] == '(' && (i < 3 || s[i-3] == ' '):
					flush(i - 2)
					start = i + 1
				}
			}
		case ':':
			// "2 qs: who is Vaez" or "quick one: when…": what comes before a colon is framing;
			// "who said: …" asks who said what follows.
			if i+1 < len(s) && s[i+1] == ' ' && !asksWhoSaidBefore(s[start:i]) {
				flush(i + 1)
			}
		case dashLead:
			// An en dash between two words ("the Iran–Pakistan strikes") joins them.
			joins := strings.HasPrefix(s[i:], "–") && i > 0 && s[i-1] != ' ' && i+len("–") < len(s) && s[i+len("–")] != ' '
			if !joins && (strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–")) {
				flush(i)
				start = i + len("—")
				i += len("—") - 1
			}
		}
	}
	flush(len(s))
	var split []string
	for _, sent := range out {
		for _, greeted := range splitLeadIn(sent) {
			for _, part := range splitContext(greeted) {
				for _, asked := range splitTrailingContext(part) {
					split = append(split, splitConjoined(asked)...)
				}
			}
		}
	}
	return split
}

// asksWhoSaidBefore reports whether text before a colon asks who said what follows:
// "who said", "whose words are these".
func asksWhoSaidBefore(s string) bool {
	ws := words(s)
	return len(ws) >= 2 && len(ws) <= 4 && (ws[0] == "who" || ws[0] == "whose" || ws[0] == "whos") && slices.ContainsFunc(ws, func(w string) bool {
		return w == "said" || w == "says" || w == "wrote" || w == "words" || w == "quote"
	})
}

// splitLeadIn cuts an announcement that runs into a question from it: "switching topic,
// when is…", then a greeting from what follows.
func splitLeadIn(s string) []string {
	if lead, rest, ok := strings.Cut(s, ", "); ok {
		if lw := words(lead); len(lw) > 0 && len(lw) <= 3 && (chatterSet[strings.Join(lw, " ")] || len(lw) == 1 && retorts[lw[0]]) {
			// "no you're wrong, pakistan struck first": a retort before what is claimed.
			return append([]string{lead + ","}, splitGreeting(rest)...)
		}
		if lw := words(lead); len(lw) > 0 && len(lw) <= 3 && countsOnlyChatter(lw) {
			if rw := words(rest); len(rw) > 0 && (questionWords[rw[0]] || yesNoOpeners[rw[0]] || modalOpeners[rw[0]] || requestWords[rw[0]]) {
				return append([]string{lead + ","}, splitGreeting(rest)...)
			}
		}
	}
	return splitGreeting(s)
}

// retorts open a claim that answers someone: "no, pakistan hit first".
var retorts = map[string]bool{"no": true, "nah": true, "nope": true, "wrong": true}

// modalOpeners open a polite request: "might someone remind me…", "could you tell me…".
var modalOpeners = map[string]bool{"might": true, "could": true, "would": true, "may": true, "please": true, "kindly": true}

// greetings open a message before its question: "hey all when did…".
var greetings = []string{"hey all", "hi all", "hey everyone", "hi everyone", "hey guys", "hi guys",
	"hey folks", "hello all", "hello everyone", "hey bot", "hi bot", "morning all", "morning everyone",
	"morning guys", "good morning all", "evening all", "good evening", "afternoon all",
	"hey", "hi", "hello", "yo", "heya", "hiya", "gm", "howdy"}

// splitGreeting cuts a greeting that runs into a question from it.
func splitGreeting(s string) []string {
	if s == "" || s[0]|0x20 != 'h' && s[0]|0x20 != 'y' && s[0]|0x20 != 'g' {
		return []string{s} // every greeting starts with h, y or g, which no other letter lowers to
	}
	lower := strings.ToLower(s)
	for _, g := range greetings {
		if len(lower) > len(g) && lower[len(g)] == ' ' && strings.HasPrefix(lower, g) {
			rest := lower[len(g)+1:]
			// "gm had iran and pakistan been…": a greeting, then three words or more.
			if fw := words(rest); len(fw) > 0 && (questionWords[fw[0]] || requestWords[fw[0]] || len(fw) >= 3 && !contextOpeners[g]) {
				return []string{s[:len(g)], s[len(g)+1:]}
			}
			break
		}
	}
	return []string{s}
}

// contextOpeners start a sentence that gives context rather than asking: "I'm writing a
// paper on this and need to get it right what weapons…".
var contextOpeners = map[string]bool{
	"i": true, "im": true, "ive": true, "id": true, "my": true, "we": true,
	"our": true, "me": true, "so": true, "ok": true, "okay": true, "hey": true, "hi": true,
	"hello": true, "yo": true, "sorry": true, "sry": true, "lol": true, "thanks": true,
	"this": true, "for": true, "need": true, "writing": true, "reading": true, "been": true,
	"dictation": true, "dictating": true, "excuse": true, "pardon": true, "apologies": true, // "dictation on sorry for typos what kind…"
	// What the asker is doing: "trying to get the timeline straight, what day…".
	"trying": true, "tryna": true, "making": true, "doing": true, "working": true, "prepping": true,
	"preparing": true, "studying": true, "researching": true, "building": true, "putting": true,
}

// splitContext cuts a sentence that opens with context and runs on into a question
// without a stop, at the question word: the context becomes a sentence of its own.
func splitContext(s string) []string {
	first, _, _ := strings.Cut(s, " ")
	if fw := words(first); len(fw) == 0 || !contextOpeners[fw[0]] {
		return splitEmbedded(s)
	}
	ws := strings.Fields(s)
	if len(ws) < 5 || !contextOpeners[strings.ToLower(strings.Trim(ws[0], ",.!'’"))] && !contextOpeners[words(ws[0])[0]] {
		return []string{s}
	}
	for i := 3; i < len(ws)-1; i++ {
		w := strings.ToLower(strings.Trim(ws[i], ",;:"))
		switch w {
		case "what", "who", "when", "where", "why", "which", "how", "whats", "what's", "who's", "whos", "wat", "wen":
			return []string{strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")}
		}
	}
	return []string{s}
}

// aboutTheAsker open a sentence about the one who asks: "sorry for my english".
var aboutTheAsker = map[string]bool{"i": true, "im": true, "ive": true, "id": true, "my": true,
	"me": true, "we": true, "our": true, "sorry": true, "sry": true}

// quotes reports whether a sentence opens with a quotation mark: the words are another's.
func quotes(s string) bool {
	return strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "'") || strings.HasPrefix(s, "‘")
}

// splitTrailingContext cuts a question that runs on, after a comma, into a clause about
// the one who asks: "why was Iran feeling it must act, my english not so good".
func splitTrailingContext(s string) []string {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return []string{s}
	}
	head, tail := s[:i], s[i+2:]
	tw := words(tail)
	if listRequest(tw) && startsQuestion(head) {
		return []string{head, tail} // "which groups did pakistan hit, can u list them"
	}
	// A clause about the asker, or thanks: "…, my english not so good", "…, thx".
	if len(tw) == 0 || !aboutTheAsker[tw[0]] && !chatterSet[tw[0]] || !startsQuestion(head) || slices.ContainsFunc(tw, func(w string) bool { return whWords[w] }) {
		return []string{s}
	}
	return []string{head, tail}
}

// pastForm reports whether a word is a verb's past form, which no noun shares:
// "killed", "took".
func pastForm(w string) bool {
	e, ok := lookup(w)
	return ok && e.POS&lexicon.Verb != 0 && e.Lemma != w && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// sharedPlace returns the phrase of place that ends the second of two parallel "how
// many" questions, when the first, short, has none: "how many died" and "how many were
// hurt in kerman" both ask of Kerman.
func sharedPlace(first, second []string) string {
	if len(first) < 3 || len(first) > 5 || len(second) < 4 || first[0] != "how" || second[0] != "how" || first[1] != second[1] ||
		slices.ContainsFunc(first, func(w string) bool { return prepositions[w] }) {
		return ""
	}
	at := slices.IndexFunc(second, func(w string) bool { return w == "in" || w == "at" || w == "during" })
	if at < 2 || at+1 >= len(second) {
		return ""
	}
	return strings.Join(second[at:], " ")
}

// listRequest reports whether words only ask for what was asked before to be listed or
// named: "can u list them", "name them pls".
func listRequest(ws []string) bool {
	asked := false
	for _, w := range ws {
		switch {
		case w == "list" || w == "name":
			asked = true
		case !listRequestFillers[w] && !chatterSet[w]:
			return false
		}
	}
	return asked
}

// listRequestFillers are the other words of a request to list: "could you list them all".
var listRequestFillers = map[string]bool{"can": true, "could": true, "would": true, "will": true,
	"u": true, "you": true, "ya": true, "them": true, "those": true, "these": true, "all": true,
	"for": true, "me": true, "just": true, "quickly": true, "out": true, "pls": true, "please": true, "plz": true}

// splitEmbedded cuts a sentence that runs on into a direct question ("gamer here, saw
// this in a stream chat when did pakistan hit back"): a question word and an auxiliary
// ("when did", "what was") after the third word begin a question of their own.
func splitEmbedded(s string) []string {
	ws := strings.Fields(s)
	if len(ws) < 6 {
		return []string{s}
	}
	if fw := words(ws[0]); len(fw) > 0 && questionWords[fw[0]] {
		return []string{s}
	}
	for i := 3; i+2 < len(ws); i++ {
		w, next := strings.ToLower(strings.Trim(ws[i], ",;:")), strings.ToLower(strings.Trim(ws[i+1], ",;:"))
		if w == "which" && strings.HasSuffix(ws[i-1], ",") {
			continue // "the US killed mousavi, which is part of why…": a clause of the statement
		}
		if whWords[w] && yesNoOpeners[next] {
			return []string{strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")}
		}
	}
	return []string{s}
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// dashLead is the first byte of the em and en dashes' UTF-8 encodings.
const dashLead = 0xe2

// containsAnyWord reports whether s holds one of the words, in any case, with a space,
// a comma or an end on each side. The words are lower-case ASCII.
func containsAnyWord(s string, ws ...string) bool {
	for len(s) > 0 {
		end := strings.IndexAny(s, " ,")
		if end < 0 {
			end = len(s)
		}
		if piece := s[:end]; piece != "" {
			ascii := isASCII(piece)
			for _, w := range ws {
				if ascii && len(w) == len(piece) && equalASCIIFold(piece, w) || !ascii && strings.ToLower(piece) == w {
					return true
				}
			}
		}
		if end == len(s) {
			break
		}
		s = s[end+1:]
	}
	return false
}

// equalASCIIFold reports whether ASCII s lowered is w, a lower-case word as long.
func equalASCIIFold(s, w string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// splitConjoined cuts "who is Vaez, and what did he say" at the conjunction that starts
// a second question.
func splitConjoined(s string) []string {
	// "which groups did pak hit, with what weapons?": a second question of its own.
	if strings.Contains(s, ", ") {
		lower := strings.ToLower(s)
		for _, sep := range []string{", with what ", ", using what ", ", by what "} {
			if i := strings.Index(lower, sep); i > 0 && startsQuestion(s[:i]) {
				return []string{s[:i], s[i+2:]}
			}
		}
		// "what does the SCO have to do with this, the article goes on about it at the
		// end": a remark on the article after the question, which asks nothing.
		for _, sep := range []string{", the article ", ", this article ", ", the piece ", ", the author ", ", the writer ", ", it says "} {
			if i := strings.Index(lower, sep); i > 0 && startsQuestion(s[:i]) && whWords[firstWord(s[:i])] && !strings.Contains(s[i:], "?") {
				return []string{s[:i] + "?", s[i+2:] + "."}
			}
		}
		// "when did israel kill mousavi, was it b4 or after new year": a guess at when,
		// between two, that the date settles.
		if i := strings.Index(lower, ", was it "); i > 0 && firstWord(s[:i]) == "when" && strings.Contains(lower[i:], " or ") {
			return []string{s[:i]}
		}
		// "who's rouzbeh parsi, is he with crisis group?": a yes-or-no question of whom
		// the first asks about.
		if i := strings.Index(s, ", "); i > 0 {
			head, rest := words(s[:i]), words(s[i+2:])
			if len(head) >= 2 && whWords[head[0]] && len(rest) >= 3 && yesNoOpeners[rest[0]] && pronouns[rest[1]] {
				return []string{s[:i], s[i+2:]}
			}
		}
	}
	if !strings.ContainsAny(s, "&+") && !containsAnyWord(s, "and", "n", "also", "plus", "anyway", "anyways", "btw", "but", "second", "secondly") {
		return []string{s}
	}
	ws := strings.Fields(s)
	for i := 1; i+1 < len(ws); i++ {
		w := strings.ToLower(strings.Trim(ws[i], ",;"))
		if w != "and" && w != "n" && w != "also" && w != "plus" && w != "&" && w != "+" && w != "anyway" && w != "anyways" && w != "btw" && w != "but" && w != "second" && w != "secondly" {
			continue
		}
		next := strings.ToLower(strings.Trim(ws[i+1], ",;"))
		if (next == "also" || next == "second" || next == "secondly" || next == "then") && i+2 < len(ws) {
			next = strings.ToLower(strings.Trim(ws[i+2], ",;"))
		}
		// "+" and "&" join two requests whatever follows: "the name of X + the date of Y".
		// "iran & pakistan" is a pair of names in one question.
		if (w == "+" || w == "&") && i >= 3 && len(ws)-i-1 >= 3 && (questionWords[next] || requestStarts[next]) {
			return append([]string{strings.Join(ws[:i], " ")}, splitConjoined(strings.Join(ws[i+1:], " "))...)
		}
		// "give me the date of Iran's strike and the date Pakistan retaliated": a second
		// request for a detail of its own.
		if (w == "and" || w == "n") && next == "the" && i >= 3 && i+3 < len(ws) && detailRequests[strings.ToLower(strings.Trim(ws[i+2], ",;"))] && startsQuestion(strings.Join(ws[:i], " ")) {
			return append([]string{strings.Join(ws[:i], " ")}, splitConjoined("what is "+strings.Join(ws[i+1:], " "))...)
		}
		if !questionWords[next] || i < 2 {
			continue
		}
		// A list inside one question ("when and where") is no new question.
		first := strings.Join(ws[:i], " ")
		if !startsQuestion(first) {
			continue
		}
		rest := ws[i+1:]
		if r := strings.ToLower(strings.Trim(rest[0], ",;")); r == "second" || r == "secondly" || r == "also" || r == "then" {
			rest = rest[1:] // "…, and second, what…"
		}
		first = strings.TrimRight(first, ",;")
		if tail := sharedPlace(words(first), words(strings.Join(rest, " "))); tail != "" {
			first += " " + tail // "how many died and how many were hurt in kerman": both in Kerman
		}
		return append([]string{first}, splitConjoined(strings.Join(rest, " "))...)
	}
	return []string{s}
}

// firstWord returns the first of a text's words, folded, or "".
func firstWord(s string) string {
	if ws := words(s); len(ws) > 0 {
		return ws[0]
	}
	return ""
}

// detailRequests are the details a second request after "and the" asks for.
var detailRequests = map[string]bool{"date": true, "day": true, "name": true, "names": true, "number": true, "toll": true, "year": true}

// requestStarts begin the second of two requests joined by "+" or "&": "the name of X +
// the date of Y".
var requestStarts = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "any": true, "and": true, "also": true}

// questionWords start a question.
var questionWords = map[string]bool{
	"who": true, "whos": true, "who's": true, "whom": true, "whose": true, "what": true, "whats": true,
	"what's": true, "wat": true, "when": true, "where": true, "wheres": true, "where's": true,
	"why": true, "how": true, "hows": true, "how's": true, "which": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "were": true, "are": true, "has": true, "have": true,
	"can": true, "could": true, "will": true, "would": true, "should": true, "wen": true, "y": true,
	"wats": true, "wat's": true, "when's": true, "whens": true, "why's": true, "whys": true, "when’s": true, "why’s": true,
	"who’s": true, "what’s": true, "where’s": true, "how’s": true,
}

// startsQuestion reports whether a sentence reads as a question or a request.
func startsQuestion(s string) bool { return startsQuestionWords(words(s), s) }

// startsQuestionWords is startsQuestion on a sentence already split into words.
func startsQuestionWords(ws []string, s string) bool {
	for i, w := range ws {
		if i > 3 {
			break
		}
		// "is", "did" open a question only where nothing but chatter comes before them:
		// "the link is broken" states something.
		if questionWords[w] && !whWords[w] && i > 0 && !onlyChatterBefore(ws[:i]) {
			continue
		}
		if questionWords[w] || requestWords[w] {
			return true
		}
	}
	return strings.HasSuffix(strings.TrimSpace(s), "?")
}

// framing reports whether a sentence only frames what follows it: a few everyday words
// before a colon ("ok fact check:", "REPLY ONLY IN CAPS:"), where "kerman bombing:" or
// "ranjha:" names what is asked about.
func framing(sg Segment) bool {
	if !strings.HasSuffix(sg.Text, ":") || len(sg.words) > 4 {
		return false
	}
	return !slices.ContainsFunc(sg.words, func(w string) bool {
		e, ok := lexicon.Lookup(w)
		return !ok || e.Proper
	})
}

// onlyChatterBefore reports whether words are all fillers and greetings: "so", "ok", "hey".
func onlyChatterBefore(ws []string) bool {
	return !slices.ContainsFunc(ws, func(w string) bool { return !fillerWords[w] && !chatterSet[w] && !announcing[w] })
}

// claimNouns in a framing make what follows a claim to check: "claim going around:".
var claimNouns = map[string]bool{"claim": true, "claims": true, "rumor": true, "rumour": true,
	"rumors": true, "rumours": true, "allegation": true, "hoax": true, "myth": true}

// requestWords start a request that asks for an answer without a question.
var requestWords = map[string]bool{
	"tell": true, "explain": true, "summarize": true, "summarise": true, "describe": true,
	"give": true, "list": true, "name": true, "eli5": true, "tldr": true, "define": true,
	"recap": true, "sum": true, "outline": true, "share": true, "show": true, "need": true,
	"any": true, "anyone": true, "anybody": true, "someone": true, "curious": true, "wondering": true,
}

// claimTags are the sentences that only ask whether the one before is true.
var claimTags = []string{
	"true", "is that true", "is it true", "is this true", "is that right", "is it right", "right",
	"correct", "is that correct", "is this correct", "or nah", "or not", "yes or no", "real",
	"is that real", "fact or fiction", "confirm", "can you confirm", "can u confirm", "legit",
	"is that legit", "accurate", "is that accurate", "fr", "no", "yeah", "yea", "am i right",
	"right or wrong", "true or false", "did that happen", "does that check out", "fake",
	"is this accurate", "is that so", "isnt it", "wasnt it", "didnt it", "didnt they",
	"true or cap", "cap", "cap or not", "that right", "thats right", "is that a fact",
	"true or not", "real or fake", "fact check", "fact check this", "thoughts on that",
	"is he right", "is she right", "are they right", "was he right", "was she right",
	// The article as the judge: "The article agrees, right?".
	"the article agrees", "the article agrees right", "article agrees", "does the article agree",
	"the article says so", "the article says so right", "does the article say so",
	"does the article back that up", "does the article confirm that", "does the article confirm it",
}

// chatterPhrases are whole sentences that carry nothing to answer.
var chatterPhrases = []string{
	"hi", "hey", "hello", "yo", "hiya", "thanks", "thank you", "thx", "ty", "pls", "please",
	"lol", "lmao", "ok", "okay", "hmm", "quick one", "quick q", "quick question", "sorry",
	"sry", "ngl", "tbh", "idk", "bot", "hey bot", "hi bot", "help me out", "asking for a friend",
	"good morning", "gm", "morning all", "morning everyone", "morning guys", "good morning all",
	"morning", "evening all", "good evening", "afternoon all", "question", "q", "qq", "random q", "dumb q", "serious question",
	"real talk", "ok real talk", "so", "um", "uh", "wait", "ok so", "so like", "hey all",
	"first", "ok so first", "so first", "firstly", "first of all", "first off",
	"hi all", "hey everyone", "hi everyone", "hey guys", "hi guys", "cheers", "ta", "much appreciated",
	// Turns to a new subject: the question after says which.
	"switching topics", "switching topic", "switching gears", "change of topic", "changing topics",
	"changing topic", "changing the subject", "new topic", "different topic", "other topic",
	"different question", "new question", "another question", "next question", "moving on",
	"ok moving on", "unrelated", "unrelated but", "on another note", "on a different note", "ok next", "next",
	// Salutations, in English and in the greetings of the region's languages.
	"dear", "dear all", "colleagues", "friends", "sir", "madam", "team", "good day", "greetings",
	"good afternoon", "good evening", "salam", "salaam", "salam alaikum", "assalamualaikum",
	"assalam o alaikum", "asalam o alaikum", "bonjour", "hola", "namaste", "salut", "ciao",
	"merci", "gracias", "danke", "shukriya", "shukria", "mersi", "thanks a lot", "thanks in advance",
	// Retorts around a claim: what is claimed is in the sentences beside them.
	"read the article", "read it", "check the article", "look it up", "google it", "youre wrong",
	"ur wrong", "no youre wrong", "no ur wrong", "you are wrong", "wrong",
	// Whether the bot has read it: it has, and the question after says what to answer.
	"u read the article", "you read the article", "did you read the article", "did u read the article",
	"have you read the article", "have u read the article", "read the article yet", "you read it",
	"u read it", "did you read it", "have you read it", "seen the article", "you seen the article",
	"u seen the article", "have you seen the article",
}

// opinionTags are the sentences that only ask the bot's view of the one before.
var opinionTags = []string{
	"whats ur take", "whats your take", "ur take", "your take", "wdyt", "thoughts", "your thoughts",
	"ur thoughts", "what do you think", "what do u think", "agree", "opinions", "any thoughts",
	"what are your thoughts", "hot take", "be honest", "honestly", "be honest with me", "be real",
	"just pick one", "pick one", "pick a side", "you agree", "u agree", "agree or not", "thoughts on this",
	"what do the experts reckon", "what do the experts think", "what do experts think",
}

var claimTagSet, chatterSet, opinionTagSet = phraseSet(claimTags), phraseSet(chatterPhrases), phraseSet(opinionTags)

func phraseSet(ps []string) map[string]bool {
	m := make(map[string]bool, len(ps))
	for _, p := range ps {
		m[strings.Join(words(p), " ")] = true
	}
	return m
}

// classify says what one sentence does.
func classify(s string, ws []string) SegmentKind {
	key := ""
	if len(ws) <= 6 { // chatter and tags are short
		key = strings.Join(ws, " ")
	}
	switch {
	case len(ws) > 0 && len(ws) <= 5 && strings.HasSuffix(s, "?") && asksAPlace(ws):
		return SegmentQuestion // "first one?" after a list asks for its first item
	case len(ws) == 0 || chatterSet[key] || countsOnlyChatter(ws) || asksAForm(ws) || saysWhatItIsFor(ws):
		return SegmentChatter
	case key != "" && (claimTagSet[key] || claimTagSet[strings.TrimPrefix(key, "but ")] || claimTagSet[strings.TrimPrefix(key, "so ")]):
		return SegmentClaimTag
	case asksOnlyTruth(ws):
		return SegmentClaimTag
	case key != "" && opinionTagSet[key]:
		return SegmentOpinionTag
	case startsQuestionWords(ws, s):
		return SegmentQuestion
	}
	return SegmentStatement
}

// truthTagWords are the words of a sentence that only asks whether what came before it
// holds, or is what the article says: "is that what the article actually says?".
var truthTagWords = map[string]bool{"is": true, "was": true, "does": true, "did": true, "that": true,
	"this": true, "it": true, "so": true, "what": true, "the": true, "article": true, "piece": true,
	"text": true, "author": true, "say": true, "says": true, "said": true, "state": true, "states": true,
	"support": true, "supports": true, "back": true, "backs": true, "up": true, "confirm": true,
	"confirms": true, "agree": true, "agrees": true, "in": true, "really": true, "actually": true,
	"true": true, "right": true, "correct": true, "accurate": true, "according": true, "to": true,
	"or": true, "not": true, "even": true, "with": true, "match": true, "matches": true,
	// "is that the date in the article?": the detail of the claim before it.
	"date": true, "day": true, "number": true, "figure": true, "name": true}

// asksOnlyTruth reports whether a short sentence only asks whether the one before it is
// true or what the article says, pointing at it: "is that what the article says?",
// "does the piece back that up?".
func asksOnlyTruth(ws []string) bool {
	if len(ws) < 2 || len(ws) > 8 {
		return false
	}
	points, judge := false, false
	for _, w := range ws {
		if !truthTagWords[w] {
			return false
		}
		points = points || w == "that" || w == "this" || w == "it" || w == "so"
		judge = judge || w == "article" || w == "piece" || w == "text" || w == "author" || w == "true" || w == "correct" || w == "accurate"
	}
	return points && judge
}

// formNouns name the form an answer should take, or what it is for: "need a quote",
// "sources pls", "one adjective", "for my bibliography".
var formNouns = map[string]bool{"quote": true, "quotes": true, "source": true, "sources": true,
	"citation": true, "citations": true, "cite": true, "link": true, "links": true, "ref": true,
	"refs": true, "reference": true, "references": true, "line": true, "lines": true, "word": true,
	"words": true, "term": true, "adjective": true, "sentence": true, "sentences": true,
	"yes": true, "no": true, "answer": true, "byline": true, "bibliography": true, "paper": true,
	"essay": true, "post": true, "slides": true, "thread": true, "notes": true, "report": true,
	"homework": true, "assignment": true, "presentation": true, "script": true, "podcast": true}

// formFillers may stand beside the form nouns: "need a clean yes/no + the line".
var formFillers = map[string]bool{"need": true, "want": true, "send": true, "a": true, "an": true,
	"the": true, "it": true, "them": true, "this": true, "that": true, "for": true, "my": true,
	"our": true, "one": true, "from": true, "article": true, "in": true, "of": true, "with": true,
	"and": true, "just": true, "only": true, "clean": true, "short": true, "quick": true, "exact": true}

// asksAForm reports whether a sentence only asks for the form of the answer, or says
// what it is for: "need a quote", "sources pls", "one adjective, merci".
func asksAForm(ws []string) bool {
	named := false
	for _, w := range ws {
		switch {
		case formNouns[w]:
			named = true
		case !formFillers[w] && !chatterSet[w]:
			return false
		}
	}
	return named && len(ws) <= 8
}

// saysWhatItIsFor reports whether a short sentence only says what the answer is for:
// "need it for the timeline", "its for my essay".
func saysWhatItIsFor(ws []string) bool {
	if len(ws) < 3 || len(ws) > 7 {
		return false
	}
	switch {
	case (ws[0] == "need" || ws[0] == "needed" || ws[0] == "want") && (ws[1] == "it" || ws[1] == "this" || ws[1] == "that") && ws[2] == "for":
		return true
	case (ws[0] == "its" || ws[0] == "it's") && ws[1] == "for":
		return true
	}
	return false
}

// asksAPlace reports whether words ask only for a place in a list: "first one?", "and
// the third?".
func asksAPlace(ws []string) bool {
	return ordinalAt(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool {
		return !isStop(w) && !questionWords[w] && !listWords[w] && ordinalPlaces[w] == 0 && w != "and"
	})
}

// announcing are the words of "2 qs:", "two things:", "quick pair:" that announce questions.
var announcing = map[string]bool{"qs": true, "questions": true, "question": true, "things": true,
	"thing": true, "pair": true, "quick": true, "couple": true, "all": true, "everyone": true,
	"guys": true, "folks": true, "two": true, "three": true, "one": true,
	// "ok diff question:", "switching topic,": a new subject is announced.
	"diff": true, "different": true, "another": true, "new": true, "other": true,
	"unrelated": true, "separate": true, "switching": true, "changing": true, "topic": true,
	"subject": true, "gears": true, "next": true, "follow": true, "followup": true, "also": true,
	"random": true, "side": true, "note": true, "but": true, "so": true, "now": true}

// countsOnlyChatter reports whether a sentence holds only greetings, fillers and the
// "2 qs" that announce questions.
func countsOnlyChatter(ws []string) bool {
	for i, w := range ws {
		if (w == "last" || w == "final") && i+1 < len(ws) && (ws[i+1] == "q" || ws[i+1] == "question" || ws[i+1] == "thing") {
			continue // "ok last q -": the question follows
		}
		if !chatterSet[w] && !isNumber(w) && !announcing[w] {
			return false
		}
	}
	return true
}

// claimFramings introduce a claim someone made: the rest of the sentence is the claim.
var claimFramings = []string{
	"is it true that", "is it true", "is it correct that", "is it right that", "true that",
	"someone said", "someone says", "somebody said", "someone told me", "my friend says",
	"my friend said", "a friend says", "people are saying", "ppl are saying", "ppl say",
	"people say", "i heard", "i read", "heard that", "i read that", "i heard that",
	"someone claimed", "i was told", "they say", "is it a fact that", "did you know",
	"pretty sure", "im pretty sure", "i think", "i thought", "fact check", "fact-check",
	"confirm that", "can you confirm", "can u confirm", "verify", "check this",
}

// claimFramingWords are claimFramings as folded word lists, longest first.
var claimFramingWords = func() [][]string {
	out := make([][]string, 0, len(claimFramings))
	for _, p := range claimFramings {
		out = append(out, words(p))
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if len(out[j]) > len(out[i]) {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}()

// framedClaim reports whether a sentence reports a claim ("someone said X", "is it true
// X"), within its first words.
func framedClaim(s string) bool { return framedClaimWords(words(s)) }

// framedClaimWords is framedClaim on a sentence already split into words.
func framedClaimWords(ws []string) bool {
	return claimFramingSet.in(ws[:min(len(ws), 6+4)]) || reportedAt(ws) > 0
}

// reportedAt returns where the verb of a report stands in its first words ("my cousin
// swears", "ppl saying", "someone in #news said"), or -1: a claimant before it that is not
// a question word, no "was" or "is" before it, which would make it a passive ("the
// attack was claimed by"), and nothing asked of it ("vaez says … since when?").
func reportedAt(ws []string) int {
	if slices.ContainsFunc(ws, func(w string) bool { return whWords[w] }) {
		return -1
	}
	for i := 1; i < len(ws) && i < 6; i++ {
		if !reportVerbs[ws[i]] || i+2 >= len(ws) {
			continue
		}
		if questionWords[ws[0]] || beForms[ws[i-1]] || ws[i-1] == "you" || ws[i-1] == "u" || ws[i+1] == "by" {
			return -1
		}
		return i
	}
	return -1
}

// risingStatement reports whether a sentence is a statement asked as a question, "Javidanfar
// was killed a week after Iran's strike?": a claim to check. It opens with no question
// word, asks for nothing, and is long enough to state something.
func risingStatement(s string, ws []string) bool {
	return strings.HasSuffix(strings.TrimSpace(s), "?") && len(ws) >= 4 && !questionWords[ws[0]] &&
		!requestWords[ws[0]] && !slices.ContainsFunc(ws, func(w string) bool { return whWords[w] }) &&
		!nounPhrase(ws) && !askedNouns[ws[len(ws)-1]] && !headedByAskedNoun(ws) && hasPredicate(ws)
}

// headedByAskedNoun reports whether words open with a noun they ask for, followed by a
// clause that says of what ("exact date it came out?", "reason pakistan hit back?"): a
// question asked in few words, not a claim, as "the date was 16 jan?" is.
func headedByAskedNoun(ws []string) bool {
	i := 0
	for i < len(ws)-1 && (ws[i] == "the" || ws[i] == "real" || ws[i] == "main" || exactWords[ws[i]]) {
		i++
	}
	return i < len(ws)-1 && askedNouns[ws[i]] && !beForms[ws[i+1]] && !modals[ws[i+1]]
}

// askedNouns end a question asked in few words: "iran pak strike date?", "death toll?".
var askedNouns = map[string]bool{"date": true, "dates": true, "day": true, "when": true, "where": true,
	"toll": true, "count": true, "number": true, "name": true, "names": true, "place": true,
	"location": true, "time": true, "year": true, "reason": true, "why": true, "who": true,
	"title": true, "job": true, "role": true, "position": true, "affiliation": true, "org": true,
	"organisation": true, "organization": true, "employer": true, "institution": true}

// nounPhrase reports whether words are a bare "X of Y" with no verb ("names of the
// guards?", "date of the visit?"): a question asked in few words, not a claim.
func nounPhrase(ws []string) bool {
	if len(ws) > 1 && ws[1] == "of" && askedNouns[ws[0]] {
		return true // "names of the 7 killed in the pakistani strike?"
	}
	return len(ws) > 1 && ws[1] == "of" && !slices.ContainsFunc(ws, func(w string) bool { return beForms[w] || participle(w) })
}

// whWords ask for something: a sentence holding one asks, it does not report.
var whWords = map[string]bool{"who": true, "whom": true, "whose": true, "what": true,
	"when": true, "where": true, "why": true, "how": true, "which": true, "wen": true, "wat": true}

// beForms make a report verb a passive: "was claimed by".
var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true}

// claimFramingSet indexes the framings by their first word.
var claimFramingSet = phraseIndex(claimFramingWords)

// Segments cuts a message into its sentences and says what each does.
func Segments(text string) []Segment {
	var out []Segment
	for _, s := range splitSentences(text) {
		ws := normalize(words(s))
		out = append(out, Segment{Text: s, Kind: classify(s, ws), words: ws})
	}
	return out
}

// Plan turns a message's sentences into the things it asks, at most
// MaxQuestionsPerMessage of them, and says whether there were more. Chatter is dropped;
// a statement followed by a claim tag, or framed as someone's claim, becomes a claim; a
// short fragment that follows a question ("like which model?") is read with it.
func Plan(segs []Segment) (asks []Ask, more bool) {
	var pending []string // statements not yet asked about
	opinion := false     // an opinion tag followed the statements pending
	claimed := false     // a framing called what follows a claim: "claim going around:"
	guessing := false    // the last fragment was a guess at the question's answer
	for i, sg := range segs {
		if len(asks)+len(pending) > 0 && saysWhoSaidIt(sg.words) {
			// "Israel killed Mousavi in Lebanon, right? that's what the thread says":
			// where the claim came from, which makes what came before a claim.
			if len(pending) > 0 {
				asks = append(asks, Ask{Text: strings.Join(pending, " "), Claim: true})
				pending = nil
			} else {
				asks[len(asks)-1].Claim = true
			}
			continue
		}
		switch sg.Kind {
		case SegmentChatter:
			// "what time did the missiles land? morning? night?": a guess read as a
			// greeting is still a guess, and the next fragment another.
			if len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && len(sg.words) == 1 {
				guessing = guessesAnswer(asks[len(asks)-1].Text, sg.words)
			}
		case SegmentStatement:
			if formatRequest(sg.words) {
				// "from now on keep it under 10 words.": how to answer, not what; the
				// answer's form is the bot's own, and the question after it is asked.
				continue
			}
			if framing(sg) {
				// "ok fact check:", "quick q:": framing, not what is asked.
				claimed = claimed || slices.ContainsFunc(sg.words, func(w string) bool { return claimNouns[w] })
				continue
			}
			if len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && len(sg.words) <= 3 && prepositions[sg.words[0]] {
				// "jaish al-adl = ??? in english": the question goes on after its marks.
				asks[len(asks)-1].Text += " " + sg.Text
				continue
			}
			if n := len(asks); n > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && strings.HasSuffix(strings.TrimSpace(segs[i-1].Text), ":") {
				// "need both dates for my notes: iran's strike + pakistan's strike": the
				// things the question before the colon asks of, one question each.
				if parts := plusParts(sg.Text + " " + askedNounOf(segs[i-1].words)); parts != nil {
					asks = append(asks[:n-1], Ask{Text: parts[0]}, Ask{Text: parts[1]})
					continue
				}
			}
			if hint, ok := hintOf(sg.words); ok && len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion {
				// "what phrase did Parsi use? something about an error": what the asker
				// half remembers of the answer is part of the question.
				asks[len(asks)-1].Text = strings.TrimRight(asks[len(asks)-1].Text, "?!. ") + " " + hint + "?"
				continue
			}
			pending = append(pending, sg.Text)
		case SegmentOpinionTag:
			if len(asks) > 0 {
				asks[len(asks)-1].Text += " " + sg.Text
				asks[len(asks)-1].Opinion = true
			} else if len(pending) > 0 {
				pending[len(pending)-1] += " " + sg.Text
				opinion = true
			}
		case SegmentClaimTag:
			if len(pending) > 0 {
				asks = append(asks, Ask{Text: strings.Join(pending, " "), Claim: true})
				pending = nil
			} else if len(asks) > 0 {
				asks[len(asks)-1].Claim = true
			}
		case SegmentQuestion:
			// "Iran hit other places too — where, and why?": each, of what was said.
			if whs := askedOnly(sg.words); whs != nil && (len(pending) > 0 || len(asks) > 0) {
				of := ""
				if n := len(pending); n > 0 {
					of, pending = pending[n-1], pending[:n-1]
				} else {
					of = asks[len(asks)-1].Text
					asks = asks[:len(asks)-1]
				}
				for _, wh := range whs {
					asks = append(asks, Ask{Text: wh + ": " + strings.TrimRight(of, "?!. ") + "?"})
				}
				continue
			}
			if len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && listRequest(sg.words) && whWords[firstWord(asks[len(asks)-1].Text)] {
				continue // "which groups did pakistan hit? can u list them": the same question
			}
			if len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && guessesACount(asks[len(asks)-1].Text, sg.words) {
				// "how many missiles did iran fire? was it like 5 or 50": a guess at the
				// count, no question of its own.
				continue
			}
			if len(asks) > 0 && i > 0 && segs[i-1].Kind == SegmentQuestion && choiceGoesOn(segs[i-1], sg) {
				// "which was deadlier: iran's strike or pakistan's?": the choice the
				// question before the colon or the dash asks for.
				asks[len(asks)-1].Text = strings.TrimRight(asks[len(asks)-1].Text, ":;-–— ") + ", " + sg.Text
				continue
			}
			if len(asks) > 0 && i > 0 && (segs[i-1].Kind == SegmentQuestion || guessing && segs[i-1].Kind == SegmentChatter) && isFragment(sg.Text) && !ownClause(sg.words) {
				// "like a general? a diplomat?": after one guess, the next fragment is
				// another.
				if guessing = guessing && !slices.ContainsFunc(sg.words, func(w string) bool { return whWords[w] || referents[w] }) ||
					guessesAnswer(asks[len(asks)-1].Text, sg.words); !guessing {
					asks[len(asks)-1].Text += " " + sg.Text
				}
				continue
			}
			guessing = false
			text := sg.Text
			// A statement just before a short question is what it asks about: "my prof
			// said Iran bombed other countries that week. which ones?"; so is a short one
			// before a question that points back at it, "rabia akhtar — whats her
			// affiliation?", where "DEADLINE IN 20 MIN — what's Vaez's title?" and "sorry
			// for my english. who is the man who wrote this?" are not.
			if n := len(pending); n > 0 && i > 0 && segs[i-1].Kind == SegmentStatement &&
				!framing(segs[i-1]) && (isFragment(sg.Text) || len(segs[i-1].words) <= 4 &&
				(!aboutTheAsker[segs[i-1].words[0]] || quotes(segs[i-1].Text)) && slices.ContainsFunc(sg.words, func(w string) bool { return referents[w] || w == "then" }) ||
				verbless(segs[i-1].words) && slices.ContainsFunc(sg.words, func(w string) bool { return referents[w] }) ||
				topicLabel(segs[i-1].words) || colonLabel(segs[i-1]) ||
				verbless(segs[i-1].words) && choiceOf(segs[i-1].words) && slices.Contains(sg.words, "which") &&
					slices.ContainsFunc(sg.words, func(w string) bool { return orderOrTollWords[w] })) {
				// "mousavi airstrike vs kerman memorial blast — which was first?": the
				// choice the question asks of.
				text = pending[n-1] + " " + text
				pending = pending[:n-1]
			} else if n > 0 && i > 0 && segs[i-1].Kind == SegmentStatement && attribution(segs[i-1].words) {
				// "according to karim, what did the attack do…": whose view is asked.
				text = strings.TrimRight(text, "?!. ") + ", " + strings.TrimRight(pending[n-1], ",;: ") + "?"
				pending = pending[:n-1]
			}
			ws := sg.words
			if text != sg.Text {
				ws = normalize(words(text))
			}
			// What the question takes for granted, before it or in a clause of it, is
			// checked: "since X, …?", "X, so that's why …?".
			for _, p := range pending {
				if asserts(p) {
					asks = append(asks, Ask{Text: p, Claim: true, asserted: true, premise: true})
				}
			}
			pending = nil
			if premise, rest, ok := premiseClause(text); ok {
				asks = append(asks, Ask{Text: premise, Claim: true, asserted: true, premise: true})
				text, ws = rest, normalize(words(rest))
			}
			if parts := plusParts(text); parts != nil {
				// "ambassadors return date + FM visit date?": one question of each.
				for _, p := range parts {
					asks = append(asks, Ask{Text: p})
				}
				continue
			}
			asks = append(asks, Ask{Text: text, Claim: framedClaimWords(ws) || endsWithTagWords(ws) || risingStatement(text, ws)})
		}
	}
	if len(asks) == 0 && len(pending) > 0 {
		// Only statements: the message itself is what is asked, a claim when framed as one.
		text := strings.Join(pending, " ")
		claim := claimed || framedClaim(text) || endsWithTag(text)
		asserted := !claim && asserts(text)
		asks = append(asks, Ask{Text: text, Claim: claim || asserted, Opinion: opinion, asserted: asserted})
	}
	if len(asks) > MaxQuestionsPerMessage {
		return asks[:MaxQuestionsPerMessage], true
	}
	return asks, false
}

// premiseClause cuts from a question the clause it takes for granted: "since pakistan's
// strikes killed iranian soldiers, how is iran responding?" → "pakistan's strikes killed
// iranian soldiers" and "how is iran responding?"; "the kerman attack was claimed by
// jaish al-adl, so that's why iran went after them?" → "the kerman attack was claimed
// by jaish al-adl" and "why iran went after them?". The clause must assert something.
func premiseClause(text string) (premise, question string, ok bool) {
	head, tail, found := strings.Cut(text, ",")
	if !found {
		return "", "", false
	}
	hw, tw := normalize(words(head)), normalize(words(tail))
	if len(hw) == 0 || len(tw) < 2 {
		return "", "", false
	}
	switch {
	case premiseOpeners[hw[0]] || len(hw) > 1 && hw[0] == "now" && hw[1] == "that":
		n := 1
		if hw[0] == "now" || len(hw) > 1 && hw[1] == "that" {
			n = 2 // "now that …", "given that …"
		}
		premise = strings.Join(strings.Fields(head)[n:], " ")
		question = strings.TrimSpace(tail)
		if !whWords[tw[0]] && !yesNoOpeners[tw[0]] {
			return "", "", false // "since the strike, …": a time, not a premise, when nothing is asked after it
		}
	default:
		// "…, so that's why …?", "…, is that why …?", "…, which is why …?"
		at := slices.Index(tw, "why")
		if at < 1 || at > 3 || !slices.ContainsFunc(tw[:at], func(w string) bool { return w == "that" || w == "thats" || w == "which" }) {
			return "", "", false
		}
		premise = strings.TrimSpace(head)
		question = strings.Join(append([]string{"why"}, tw[at+1:]...), " ") + "?"
	}
	if !asserts(premise) {
		return "", "", false
	}
	return premise, question, true
}

// premiseOpeners open a clause that a question after it takes for granted.
var premiseOpeners = map[string]bool{"since": true, "given": true, "after": true, "because": true, "bc": true, "cuz": true, "seeing": true}

// formatRequest reports whether a sentence only asks for a form of answer: "keep it under
// 10 words", "answer in one line pls", "make it short".
func formatRequest(ws []string) bool {
	if len(ws) == 0 || len(ws) > 10 {
		return false
	}
	asks := slices.ContainsFunc(ws, func(w string) bool { return formatVerbs[w] })
	form := slices.ContainsFunc(ws, func(w string) bool { return formatNouns[w] })
	return asks && form
}

// formatVerbs ask for a form of answer; formatNouns name one.
var (
	formatVerbs = map[string]bool{"keep": true, "make": true, "answer": true, "reply": true, "respond": true, "write": true}
	formatNouns = map[string]bool{"short": true, "shorter": true, "brief": true, "concise": true, "words": true,
		"sentence": true, "sentences": true, "line": true, "lines": true, "bullet": true, "bullets": true}
)

// guessesACount reports whether words after a how-many question only guess at the count:
// "was it like 5 or 50", "100? 200?".
func guessesACount(question string, ws []string) bool {
	if questionType(words(question)) != knowledge.TypeHowMany || !slices.ContainsFunc(ws, isNumber) {
		return false
	}
	return !slices.ContainsFunc(ws, func(w string) bool { return !isNumber(w) && !countGuessWords[w] })
}

// countGuessWords may stand around the numbers of a guess at a count.
var countGuessWords = map[string]bool{"was": true, "is": true, "it": true, "like": true, "about": true,
	"around": true, "roughly": true, "or": true, "more": true, "less": true, "than": true, "maybe": true,
	"closer": true, "to": true, "over": true, "under": true, "approx": true, "approximately": true, "were": true, "there": true}

// plusParts splits a question in few words that joins two things with "+" or "&" into
// one question of each, the noun asked ("date", "toll") given to the side that lacks it:
// "ambassadors return date + FM visit date?", "death toll iran strike & pakistan strike?".
// It returns nil for anything else.
func plusParts(text string) []string {
	sep := " + "
	if !strings.Contains(text, sep) {
		sep = " & "
	}
	left, right, ok := strings.Cut(strings.TrimRight(text, "?!. "), sep)
	if !ok || strings.Contains(right, sep) {
		return nil
	}
	lw, rw := normalize(words(left)), normalize(words(right))
	if len(lw) == 0 || len(rw) == 0 || len(lw) > 6 || len(rw) > 6 || slices.ContainsFunc(append(slices.Clone(lw), rw...), func(w string) bool { return whWords[w] || copulas[w] || auxiliaries[w] }) {
		return nil // "what did iran & pakistan say": one question of both
	}
	noun := askedNounOf(rw)
	if noun == "" {
		noun = askedNounOf(lw)
	}
	if noun == "" {
		return nil
	}
	side := func(s string, ws []string) string {
		if askedNounOf(ws) == "" {
			s += " " + noun
		}
		return strings.TrimSpace(s) + "?"
	}
	return []string{side(left, lw), side(right, rw)}
}

// askedNounOf returns the first noun of words that a question in few words asks for
// ("dates" in "need both dates for my notes"), or "".
func askedNounOf(ws []string) string {
	for _, w := range ws {
		if askedNouns[w] {
			return w
		}
	}
	return ""
}

// choiceGoesOn reports whether a sentence is the choice the question before it asks for,
// after a colon or a dash: "which happened first — mousavi's killing or kerman?".
func choiceGoesOn(prev, sg Segment) bool {
	if strings.HasSuffix(strings.TrimSpace(prev.Text), "?") || len(sg.words) == 0 || !slices.Contains(sg.words, "or") {
		return false
	}
	first := sg.words[0]
	return !whWords[first] && !yesNoOpeners[first] && slices.ContainsFunc(prev.words, func(w string) bool { return w == "which" || w == "what" || w == "who" })
}

// attribution reports whether a sentence only says whose account a question asks for:
// "according to karim", "per vaez", "in akhtar's view".
func attribution(ws []string) bool {
	switch {
	case len(ws) >= 3 && len(ws) <= 6 && ws[0] == "according" && ws[1] == "to":
		return true
	case len(ws) >= 2 && len(ws) <= 4 && ws[0] == "per":
		return true
	case len(ws) >= 3 && len(ws) <= 6 && ws[0] == "in" && slices.ContainsFunc(ws, func(w string) bool { return w == "view" || w == "opinion" || w == "words" }):
		return true
	}
	return false
}

// saysWhoSaidIt reports whether a sentence only says where a claim came from: "that's
// what the thread says", "thats what my uncle keeps saying".
func saysWhoSaidIt(ws []string) bool {
	if len(ws) < 3 || len(ws) > 8 {
		return false
	}
	start := 2
	switch {
	case (ws[0] == "thats" || ws[0] == "that") && ws[1] == "what":
	case len(ws) > 3 && ws[0] == "that" && (ws[1] == "is" || ws[1] == "s") && ws[2] == "what":
		start = 3
	default:
		return false
	}
	return slices.ContainsFunc(ws[start:], func(w string) bool { return reportVerbs[w] || w == "saying" || w == "posted" || w == "claims" })
}

// hintOf returns what a hint after a question says the answer holds ("something about
// an error", "smth like 'precision' something", "i think it was brazen"), or false.
func hintOf(ws []string) (string, bool) {
	for _, lead := range hintLeads {
		if len(ws) > len(lead) && hasPhrase(ws[:len(lead)], lead) {
			rest := slices.DeleteFunc(slices.Clone(ws[len(lead):]), func(w string) bool { return w == "something" || w == "smth" || w == "sth" })
			if len(rest) == 0 || len(rest) > 6 {
				return "", false
			}
			return strings.Join(rest, " "), true
		}
	}
	return "", false
}

// hintLeads begin a hint at the answer.
var hintLeads = [][]string{{"something", "about"}, {"smth", "about"}, {"sth", "about"}, {"something", "like"},
	{"smth", "like"}, {"something", "with"}, {"i", "think", "it", "was"}, {"i", "think", "its"}, {"it", "was", "like"}}

// asserts reports whether a statement asserts something of the world, which a message
// that asks nothing else puts to the bot to check: "the colonel javidanfar was killed by
// israel". One about the user ("i'm writing a paper on this") asserts nothing to check.
func asserts(s string) bool {
	ws := trimChatter(normalize(words(s)))
	// "this was the first time…" says something of what is talked about; "this is for
	// my class" says why the asker asks.
	of := len(ws) > 3 && ws[0] == "this" && beForms[ws[1]] && (ws[2] == "the" || ws[2] == "a" || ws[2] == "an")
	if len(ws) < 4 || contextOpeners[ws[0]] && !of || requestWords[ws[0]] || opinionTagSet[strings.Join(ws, " ")] ||
		slices.ContainsFunc(ws, func(w string) bool { return whWords[w] }) {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if finiteVerb(ws, i) {
			return true
		}
	}
	return false
}

// finiteVerb reports whether the word at i is a verb that states something: "is",
// "was", "the US killed Mousavi". "iran strike pakistan date" states nothing: it is a
// search; nor does "colonel killed after the strike", a participle before a preposition.
func finiteVerb(ws []string, i int) bool {
	w := ws[i]
	if beForms[w] || yesNoOpeners[w] {
		return true
	}
	if !pastForms[w] && !(strings.HasSuffix(w, "ed") && isVerb(w)) {
		return false
	}
	return i+1 < len(ws) && !prepositions[ws[i+1]]
}

// pastForms are the past forms of the verbs of pastTense: "killed", "struck", "wrote".
var pastForms = func() map[string]bool {
	m := make(map[string]bool, len(pastTense))
	for _, p := range pastTense {
		m[p] = true
	}
	return m
}()

// contentWords counts the words of a sentence that carry a topic.
func contentWords(s string) int {
	n := 0
	for _, w := range words(s) {
		if !isStop(w) && !questionWords[w] {
			n++
		}
	}
	return n
}

// ownClause reports whether a short question has a clause of its own, "why does that
// matter?", whose verb follows its own auxiliary: a second question, not a refinement.
func ownClause(ws []string) bool {
	return len(ws) >= 4 && whWords[ws[0]] && (auxiliaries[ws[1]] || modals[ws[1]]) &&
		!slices.ContainsFunc(ws, func(w string) bool { return personalPronouns[w] }) // "what did it say?" is of what came before
}

// personalPronouns stand for someone or something named before them.
var personalPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "them": true,
	"him": true, "her": true, "its": true, "his": true, "their": true}

// isFragment reports whether a question is too short to stand alone: it refines the one
// before it ("like which model?", "and when?").
func isFragment(s string) bool {
	ws := words(s)
	if len(ws) == 0 || contentWords(s) > 1 || len(ws) > 5 || hasCapital(s) {
		return false
	}
	if len(ws) >= 4 && yesNoOpeners[ws[0]] || len(ws) >= 3 && whWords[ws[0]] && ws[len(ws)-1] == "there" {
		return false // "is he going to Pakistan?", "how many died there?" ask questions of their own
	}
	if len(ws) >= 3 && whWords[ws[0]] && slices.ContainsFunc(ws[1:], func(w string) bool { return (isVerb(w) && !isNoun(w) || pastForm(w)) && !copulas[w] && !auxiliaries[w] }) {
		return false // "who condemned it?", "who killed him?": a question of its own of what came before
	}

	for _, w := range ws {
		if referents[w] {
			return true
		}
	}
	return len(ws) <= 2 || ws[0] == "like" || ws[0] == "or" || ws[0] == "as"
}

// topicLabel reports whether a statement only names what the question after it is about:
// "syria part — which province?", "the kerman thing: who did it?".
func topicLabel(ws []string) bool {
	return len(ws) >= 2 && len(ws) <= 3 && labelWords[ws[len(ws)-1]]
}

// colonLabel reports whether a statement names, before a colon, what the question after
// it is about: "kerman attack: date and how many injured?", where "quick q:" only frames
// and "translation from urdu:" says where the question comes from.
func colonLabel(sg Segment) bool {
	ws := sg.words
	if !strings.HasSuffix(sg.Text, ":") || len(ws) == 0 || len(ws) > 4 || framing(sg) {
		return false
	}
	for i, w := range ws {
		if whWords[w] || prepositions[w] || finiteVerb(ws, i) {
			return false
		}
	}
	return true
}

// verbless reports whether a statement only names something, in at most six words with
// no verb, preposition or question word: "the rask police station attack", before "how
// many died in that?".
func verbless(ws []string) bool {
	if len(ws) == 0 || len(ws) > 6 || aboutTheAsker[ws[0]] {
		return false
	}
	for i, w := range ws {
		if whWords[w] || finiteVerb(ws, i) || beForms[w] || prepositions[w] || strings.HasSuffix(w, "ing") {
			return false // "prepping notes for tmrw's episode" tells of the asker
		}
	}
	return true
}

// choiceOf reports whether words name two things to choose between: "a vs b", "a or b".
func choiceOf(ws []string) bool {
	at := slices.IndexFunc(ws, func(w string) bool { return w == "vs" || w == "versus" || w == "or" })
	return at > 0 && at+1 < len(ws)
}

// orderOrTollWords ask which of two events came first or killed more.
var orderOrTollWords = map[string]bool{"first": true, "earlier": true, "sooner": true, "later": true,
	"last": true, "deadlier": true, "bloodier": true, "worse": true}

// labelWords end a topic label.
var labelWords = map[string]bool{"part": true, "side": true, "bit": true, "thing": true, "stuff": true, "question": true}

// guessesAnswer reports whether a fragment after a question offers a guess at its answer
// rather than refining it: "how long after? hrs? days?", "his rank? general or?"; the
// article's answer needs none of its words.
func guessesAnswer(question string, fragment []string) bool {
	if n := len(fragment); n > 0 && fragment[n-1] == "or" {
		return n <= 3
	}
	qw := words(question)
	// "what was mousavi? like a general?": an example of what the answer may be.
	// "like which group" refines the question instead; "iran hit a city right? like a big
	// one?" is a claim, whose words all count.
	if len(fragment) >= 2 && fragment[0] == "like" && len(qw) > 0 && whWords[qw[0]] && !slices.ContainsFunc(fragment, func(w string) bool { return whWords[w] }) {
		return true
	}
	// "whose rights does it stand up for? the kurds?", "who said it took a hit? ranjha?":
	// a name guessed for whom a question already whole asks; "some colonel?" describes
	// whom it asks of, and helps find them.
	// "where was mousavi killed? iraq?": a place guessed for where a question already
	// whole asks ("when did iran strike? syria?" asks of Syria).
	if at := slices.IndexFunc(qw, func(w string) bool { return !fillerWords[w] }); at >= 0 && len(qw)-at >= 3 &&
		(qw[at] == "who" || qw[at] == "whose" || qw[at] == "whos" || qw[at] == "where") && len(fragment) <= 3 && namesOnly(fragment) {
		return true
	}
	// "how long after? hrs? days?": a unit of what a time question asks. A guess at a
	// name ("which city? saravan?", "which missile? fateh?") says what is asked after.
	asksWhen := slices.Contains(qw, "when") || slices.Contains(qw, "time")
	if len(fragment) == 1 && asksWhen && partsOfDay[fragment[0]] {
		return true // "what time did they land? morning?"
	}
	if len(fragment) != 1 || len(qw) < 2 || whWords[fragment[0]] || prepositions[fragment[0]] || referents[fragment[0]] || isStop(fragment[0]) {
		return false
	}
	if e, ok := lexicon.Lookup(fragment[0]); !ok || e.Proper || e.POS&lexicon.Noun == 0 {
		return false // a name, or no everyday noun: "when did iran strike? syria?"
	}
	return asksWhen || qw[0] == "how" && (qw[1] == "long" || qw[1] == "soon")
}

// partsOfDay are guesses at when in a day something happened.
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true,
	"dawn": true, "dusk": true, "noon": true, "midnight": true, "daytime": true, "nighttime": true, "overnight": true}

// namesOnly reports whether words are names, past an article: words no English lexicon
// has ("ranjha") or that it has as names ("kurds").
func namesOnly(ws []string) bool {
	names := 0
	for _, w := range ws {
		if w == "the" || w == "a" || w == "an" {
			continue
		}
		if e, ok := lexicon.Lookup(w); ok && !e.Proper {
			return false
		}
		names++
	}
	return names > 0
}

// prepositions open a phrase that may go on a question after its question marks.
var prepositions = map[string]bool{"in": true, "for": true, "on": true, "at": true, "about": true,
	"from": true, "by": true, "with": true, "during": true, "after": true, "before": true}

// yesNoOpeners open a yes-or-no question.
var yesNoOpeners = map[string]bool{"is": true, "was": true, "are": true, "were": true, "did": true,
	"does": true, "do": true, "has": true, "have": true, "can": true, "will": true, "would": true}

// askedOnly returns the question words of a question made of nothing else ("where, and
// why?"), when it holds more than one.
func askedOnly(ws []string) []string {
	var out []string
	for _, w := range ws {
		switch {
		case whWords[w]:
			out = append(out, w)
		case w != "and" && w != "or" && w != "also" && w != "n":
			return nil
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// referents point back at what was said before: "where were those?", "which ones?".
var referents = map[string]bool{
	"those": true, "that": true, "it": true, "them": true, "ones": true, "they": true,
	"this": true, "these": true, "there": true, "her": true, "his": true, "him": true, "she": true, "he": true,
}

// trailingTags end a sentence that asks whether it is true: "…, right?", "…didn't it".
var trailingTags = [][]string{
	{"right"}, {"true"}, {"correct"}, {"yes"}, {"no"}, {"yeah"}, {"innit"}, {"or", "nah"}, {"or", "not"},
	{"didnt", "it"}, {"didnt", "they"}, {"didnt", "he"}, {"didnt", "she"}, {"wasnt", "it"}, {"isnt", "it"},
	{"isnt", "he"}, {"isnt", "she"}, {"wasnt", "he"}, {"wasnt", "she"}, {"werent", "it"}, {"hasnt", "he"}, {"hasnt", "she"},
	{"werent", "they"}, {"arent", "they"}, {"doesnt", "it"}, {"dont", "they"}, {"hasnt", "it"}, {"is", "that", "right"},
	{"is", "that", "true"}, {"am", "i", "right"}, {"or", "am", "i", "wrong"}, {"correct", "me", "if", "im", "wrong"},
	{"i", "think"}, {"i", "believe"}, {"i", "heard"}, {"ive", "heard"}, {"iirc"}, {"afaik"}, {"i", "guess"}, {"i", "reckon"}, {"no", "way"},
	{"is", "that", "what", "the", "article", "says"}, {"thats", "what", "the", "article", "says"},
}

// trimChatter drops the greetings and fillers that open or close a sentence ("yo …
// didn't it lol"), so that what the sentence says, and the tag that ends it, are read.
func trimChatter(ws []string) []string {
	for len(ws) > 1 && isEdgeChatter(ws[0]) {
		ws = ws[1:]
	}
	for len(ws) > 1 && isEdgeChatter(ws[len(ws)-1]) {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// isEdgeChatter reports whether a word is a greeting or a word of chat said around a sentence.
func isEdgeChatter(w string) bool { return edgeChatter[w] || greetingWords[w] }

// edgeChatter are the words of chat that open or close a sentence and say nothing of it.
var edgeChatter = map[string]bool{"lol": true, "lmao": true, "haha": true, "ty": true,
	"thx": true, "thanks": true, "pls": true, "plz": true, "please": true, "tbh": true,
	"ngl": true, "fr": true, "tho": true, "rn": true, "smh": true, "omg": true, "btw": true,
	"bro": true, "dude": true, "imo": true, "lowkey": true, "ok": true, "okay": true, "hmm": true,
	"so": true, "um": true, "uh": true}

// greetingWords are the one-word greetings.
var greetingWords = map[string]bool{"yo": true, "hey": true, "hi": true, "hello": true,
	"hiya": true, "heya": true, "gm": true, "sup": true, "howdy": true}

// endsWithTag reports whether a sentence closes with a tag asking if it is true.
func endsWithTag(s string) bool { return endsWithTagWords(words(s)) }

// stripTag removes the tag that ends a claim ("…, right?", "… i think"), so that the
// claim is read without it.
func stripTag(s string) string {
	fields := strings.Fields(s)
	for len(fields) > 1 {
		w := words(fields[len(fields)-1])
		if len(w) != 1 || !isEdgeChatter(w[0]) {
			break
		}
		fields = fields[:len(fields)-1]
	}
	s = strings.Join(fields, " ")
	ws := normalize(words(s))
	for _, t := range trailingTags {
		if len(ws) > len(t)+2 && hasPhrase(ws[len(ws)-len(t):], t) && len(fields) > len(t) {
			return strings.Join(fields[:len(fields)-len(t)], " ")
		}
	}
	return s
}

// endsWithTagWords is endsWithTag on a sentence already split into words.
func endsWithTagWords(ws []string) bool {
	ws = trimChatter(ws)
	for _, t := range trailingTags {
		if len(ws) > len(t)+2 && hasPhrase(ws[len(ws)-len(t):], t) && !(len(t) == 1 && ws[len(ws)-2] == "the") {
			return true
		}
	}
	return false
}
