package answers

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/borderbot/borderbot/answers/lexicon"
	"github.com/borderbot/borderbot/knowledge"
)

// Intent is what a question wants done.
type Intent uint8

// The intents the engine reads.
const (
	IntentFact        Intent = iota // a fact: who, what, when, where, why, how many
	IntentClaim                     // whether a statement is true: a yes/no question or a claim to check
	IntentSaid                      // what someone said or thought
	IntentWhoSaid                   // who said a quoted passage
	IntentSummary                   // a summary of the article or of one part of it
	IntentOpinion                   // the bot's own view, or which side is right
	IntentOffTopic                  // arithmetic, or an instruction with nothing to check
	IntentInstruction               // an instruction to assert something: the claim in it is checked
)

var intentNames = [...]string{"fact", "claim", "said", "who said", "summary", "opinion", "off topic", "instruction"}

func (i Intent) String() string {
	if int(i) < len(intentNames) {
		return intentNames[i]
	}
	return "unknown"
}

// Query is one question as the engine reads it.
type Query struct {
	Text    string                 // the question, cleaned
	Intent  Intent                 // what it wants done
	Type    knowledge.QuestionType // the kind of answer it wants: when, where, who, how many…; "" for any
	Focus   string                 // the detail asked for, as a folded word ("cost", "model"), if one is named
	Negated bool                   // the question or claim is negative ("didn't", "not")
	Quoted  string                 // a passage to attribute, for IntentWhoSaid
	Owns    map[string][]string    // what names own in it: "Pakistan's prime minister"
	Naming  string                 // the term whose proper name it asks for: "village" in "the name of the village"
	Victims map[string]bool        // the people it asks of the death of: Soleimani in "when was Soleimani killed?"
	Subtype string                 // the term whose sort it asks for: "drones" in "what type of drones"
	Words   []string               // its folded words, chat shorthand spelt out
	Speaker string                 // whose words it asks for: "alias:rouzbeh_parsi" in "what did Parsi say"
	Near    map[string]bool        // entries the conversation was about, scored up a little
	// subjectLast makes a claim's last name its subject, not its first: "it was the
	// Islamic State that attacked the police station in Rask" is a claim about Rask.
	subjectLast bool
	asserted    bool // a claim made without asking, as Ask.asserted
	put         bool // a statement put to the bot to check ("X, right?"), not a question
	byPerson    bool // a claim of what someone the article quotes said, as Ask.byPerson
	// identity is the profile entry that says who the person asked about is, when the
	// question asks only that ("who was Soleimani?", "his job?"); "" for a person the
	// base does not describe. asksIdentity says whether it asks.
	identity     string
	asksIdentity bool
	asksClock    bool // it asks for a time of day ("what time did they hit?"), which a date does not give
}

// shorthand maps chat spellings to the words they stand for, so that they are read as
// those words.
var shorthand = map[string]string{
	"u": "you", "ur": "your", "em": "them", "r": "are", "y": "why", "pls": "please", "plz": "please",
	"ppl": "people", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
	"abt": "about", "w": "with", "wen": "when", "wat": "what", "wut": "what", "wht": "what",
	"whn": "when", "wher": "where", "hw": "how", "smth": "something", "sth": "something", "any1": "anyone", "hes": "he", "shes": "she", "some1": "someone", "every1": "everyone",
	"thx": "thanks", "tho": "though", "b4": "before", "govt": "government", "gov": "government",
	"intl": "international", "uni": "university", "univ": "university", "mil": "military", "natl": "national", "iran's": "iran",
	"bcos": "because", "bcoz": "because", "becuz": "because", "dat": "that", "da": "the",
	"teh": "the", "wit": "with", "ya": "you", "yr": "your", "2day": "today", "k": "okay",
	"msg": "message", "info": "information", "pak": "pakistan", "paki": "pakistan",
	"ppls": "people", "iranian's": "iranian", "gonna": "going", "wanna": "want",
	"kinda": "kind", "sorta": "sort", "wassup": "hello", "sup": "hello", "yall": "you",
	"ima": "i", "imma": "i", "lemme": "let", "gimme": "give", "dunno": "know",
	"pov": "view", "asap": "soon", "nvm": "never", "irl": "real", "fyi": "information",
	"jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october",
	"nov": "november", "dec": "december", "thnk": "think", "thk": "think", "iirc": "iirc",
	"workd": "worked", "wrk": "work", "bcuz": "because", "becoz": "because", "n": "and",
	"re": "about", "org": "organisation", "orgs": "organisations", "govts": "governments",
	"tryna": "trying", "wats": "what", "whats": "what", "whos": "who", "hows": "how",
	"wheres": "where", "whens": "when", "whys": "why", "wot": "what", "wht's": "what",
	"dis": "this",
	// "who'd suffer", "how'd it go", typed with or without the apostrophe.
	"whod": "who", "howd": "how", "whyd": "why", "whered": "where", "whend": "when",
	"abt's": "about", "shud": "should", "cud": "could", "wud": "would", "wen's": "when",
	"becasue": "because", "bcz": "because", "ppl's": "people",
	"thru": "through", "tho's": "though", "rly": "really", "srsly": "seriously",
	"prolly": "probably", "def": "definitely", "obv": "obviously", "obvs": "obviously",
	"esp": "especially", "ofc": "course", "bout": "about", "ya'll": "you",
	"rep": "reputation", "econ": "economic", "amb": "ambassador", "ambs": "ambassadors",
	"ambo": "ambassador", "ambos": "ambassadors", "dept": "department", "cmdr": "commander", "stn": "station", "col": "colonel", "gen": "general", "lt": "lieutenant",
	"stats": "statistics", "approx": "approximately", "pres": "president",
	"frm": "from", "fr0m": "from", "btwn": "between", "betw": "between", "bw": "between", "tmrw": "tomorrow",
	"ystrdy": "yesterday", "tru": "true", "rite": "right", "ryt": "right", "therell": "there", "itll": "it", "theyll": "they", "thatll": "that", "wrt": "about", "ttl": "total",
}

// fillerWords carry nothing a question asks about, in chat: they cost nothing.
var fillerWords = map[string]bool{
	// Words of address and fillers that chat in the region's languages mixes into English.
	"bhai": true, "yaar": true, "yar": true, "bro's": true, "abi": true, "abla": true, "kanka": true,
	"hocam": true, "yani": true, "ya3ni": true, "yaani": true, "wallah": true, "wallahi": true,
	"habibi": true, "habibti": true, "yalla": true, "tamam": true, "inshallah": true, "mashallah": true,
	"acha": true, "achha": true, "accha": true, "arey": true, "arre": true, "jaan": true, "ji": true,
	"idk": true, "imo": true, "imho": true, "brb": true, "afk": true, "gtg": true, "tbh": true, "ngl": true, "rn": true, "lol": true,
	"lmao": true, "omg": true, "btw": true, "fr": true, "lowkey": true, "highkey": true,
	"smh": true, "tho": true, "though": true, "ok": true, "okay": true, "k": true, "kk": true, "pls": true,
	"please": true, "hey": true, "hi": true, "hello": true, "morning": true, "mornin": true, "gm": true, "evening": true, "thanks": true, "thx": true, "ty": true, "tysm": true, "tyvm": true, "thnx": true, "thanx": true,
	"bro": true, "dude": true, "man": true, "folks": true, "guys": true, "everyone": true,
	// "how many experts does it quote, roughly?": how exact the answer may be, not what.
	"roughly": true, "approximately": true, "approx": true, "ish": true,
	"anyone": true, "anybody": true, "someone": true, "somebody": true, "quick": true,
	"q": true, "qs": true, "question": true, "questions": true, "even": true, "just": true,
	"bit":  true, // "the propaganda bit", "a bit confused"
	"like": true, "literally": true, "basically": true, "actually": true, "really": true,
	"exactly": true, "precisely": true, "seriously": true, "honestly": true, "wondering": true,
	"curious": true, "confused": true, "dumb": true, "stupid": true, "silly": true, "sorry": true,
	"sry": true, "wait": true, "hmm": true, "um": true, "uh": true, "again": true, "remind": true,
	"recall": false, "asking": true, "ask": true, "wanted": true, "want": true, "need": true,
	"wonder": true, "real": true, "talk": true, "yall": true, "bot": true, "eli5": true,
	"tl": true, "dr": false, "tldr": true, "pretty": true, "sure": true, "kinda": true,
	"sort": false, "guess": true, "figure": true, "understand": true, "get": true,
	"right": true, "true": true, "correct": true, "wrong": true, "legit": true, "clarify": true,
	"clarification": true, "clear": true, "help": true, "somebody's": true, "else": true,
	"yeah": true, "yea": true, "yep": true, "nope": true, "nah": true, "oh": true, "ah": true,
	"huh": true, "wow": true, "damn": true, "dang": true, "heck": true, "hell": true,
	"gonna": true, "going": true, "wanna": true, "drama": true, "beef": true, "mess": true, "saga": true,
	"fiasco": true, "situation": true, "vs": true, "versus": true, "let": true, "lemme": true, "gimme": true,
	"tell": true, "explain": true, "anyway": true,
	"anyways": true, "yo": true, "whole": true, "tf": true, "wtf": true, "af": true,
	"hella": true, "super": true, "totally": true, "prob": true, "probably": true,
	"maybe": true, "perhaps": true, "kind": true, "acc": true, "week": true, "weeks": true,
	"month": true, "months": true, "today": true, "tonight": true, "yesterday": true,
	"tomorrow": true, "recently": true, "lately": true, "nowadays": true, "chance": true,
	"chances": true, "likelihood": true, "possibility": true, "odds": true, "sup": true, "cheers": true, "appreciate": true, "appreciated": true,
	"wdym": true, "ykwim": true, "ikr": true, "istg": true, "ig": true, "tbf": true, "afaik": true,
	"bruh": true, "fam": true, "lmk": true, "definitely": true, "obviously": true,
	"especially": true, "course": true, "trying": true, "blanking": true, "confusing": true,
	// Words for a person point at one without saying anything of them: "the woman from
	// the University of Lahore".
	"woman": true, "lady": true, "guy": true, "girl": true, "gal": true, "fella": true,
	"chap": true, "lad": true, "bloke": true, "gentleman": true,
}

// summaryWords ask for a summary.
var summaryWords = map[string]bool{
	"tldr": true, "eli5": true, "summary": true, "summarize": true, "summarise": true,
	"conclusion": true, "conclusions": true, "takeaway": true, "takeaways": true, "thesis": true,
	"summarized": true, "recap": true, "gist": true, "nutshell": true, "overview": true,
	"rundown": true, "breakdown": true, "synopsis": true, "brief": true, "briefly": true,
	"summing": true, "sum": true, "bullet": true, "bullets": true,
}

// opinionPhrases ask the bot to take a side or give its own view.
var opinionPhrases = [][]string{
	{"who", "is", "right"}, {"whos", "right"}, {"who", "s", "right"}, {"in", "the", "right"},
	{"justified"}, {"justifiable"}, {"your", "take"}, {"ur", "take"},
	{"your", "opinion"}, {"ur", "opinion"}, {"you", "think"}, {"u", "think"}, {"your", "view"},
	{"smart", "move"}, {"good", "idea"}, {"bad", "idea"}, {"right", "to"}, {"wrong", "to"},
	{"pick", "a", "side"}, {"pick", "one"}, {"take", "a", "side"}, {"you", "side"}, {"u", "side"}, {"i", "side"}, {"we", "side"},
	{"who", "is", "to", "blame"}, {"whos", "to", "blame"}, {"at", "fault"}, {"whose", "fault"},
	{"who", "is", "wrong"}, {"legitimate"}, {"moral"},
	{"should", "have"}, {"was", "it", "worth"}, {"worth", "it"}, {"overreact"}, {"overreaction"},
	{"good", "or", "bad"}, {"a", "mistake"}, {"ur", "thoughts"}, {"bad", "move"}, {"wrong", "move"}, {"bad", "call"},
	{"whats", "your"}, {"do", "you", "agree"}, {"better", "side"}, {"wdyt"}, {"your", "thoughts"},
	{"bad", "guy"}, {"bad", "guys"}, {"good", "guy"}, {"good", "guys"}, {"villain"}, {"proportionate"},
	{"disproportionate"}, {"fair"}, {"unfair"}, {"lose", "more"}, {"gained"}, {"useful"},
	{"talking", "shop"}, {"your", "verdict"}, {"ur", "verdict"}, {"hot", "take"}, {"overreacted"},
	{"were", "they", "right"}, {"was", "it", "right"}, {"deserved"}, {"had", "it", "coming"},
	{"to", "blame"}, {"messed", "up"}, {"screwed", "up"}, {"winner"}, {"who", "won"}, {"settle", "this"},
	{"who", "lost"}, {"no", "choice"}, {"overreacted"}, {"overreaction"}, {"fair", "enough"},
	{"hero"}, {"heroes"}, {"in", "the", "wrong"}, {"comes", "out", "worse"}, {"come", "out", "worse"},
	{"worse", "off"}, {"who", "was", "wrong"}, {"who", "was", "right"}, {"looks", "weak"}, {"look", "weak"},
	{"it", "smart"}, {"it", "wise"}, {"was", "smart"}, {"was", "wise"}, {"looks", "worse"}, {"look", "worse"},
	{"looks", "bad"}, {"look", "bad"}, {"weaker", "after"}, {"stronger", "after"},
}

// whoSaidPhrases ask who said a quoted passage.
var whoSaidPhrases = [][]string{
	{"who", "said"}, {"who", "says"}, {"whose", "words"}, {"whose", "quote"}, {"whose", "line"},
	{"who", "is", "quoted"}, {"whos", "quoted"}, {"who", "wrote"}, {"who", "s", "that", "from"},
	{"whos", "that", "from"}, {"who", "is", "that", "from"}, {"who", "that", "from"},
	{"attribution"}, {"attribute"}, {"source", "of"}, {"the", "source"}, {"source", "on"}, {"which", "expert"}, {"what", "expert"}, {"which", "analyst"}, {"what", "analyst"},
	{"which", "scholar"}, {"which", "researcher"}, {"which", "academic"}, {"which", "person"}, {"who", "said", "it"},
	{"who", "s", "quote"}, {"whose", "is"}, {"who", "made"}, {"who", "called"}, {"quote", "from"},
	{"who", "was", "that"}, {"who", "said", "this"}, {"said", "by"}, {"words", "of"}, {"whos", "line"},
	{"who", "described"}, {"who", "mentioned"}, {"who", "talked", "about"}, {"who", "spoke", "about"},
	{"who", "spoke", "of"}, {"who", "brought", "up"}, {"who", "referred", "to"}, {"who", "put", "it"}, {"who", "used"}, {"who", "coined"}, {"whose", "phrase"}, {"who", "s", "that"}, {"whos", "that"}, {"who", "is", "this"},
	{"whose", "take"}, {"whose", "view"}, {"whose", "opinion"}, {"whose", "argument"}, {"whose", "claim"},
	{"whose", "point"}, {"whose", "assessment"}, {"whose", "statement"}, {"whose", "comment"}, {"whose", "idea"},
	{"whose", "analysis"}, {"whose", "remark"},
}

// instructionPhrases tell the bot what to say instead of asking it.
var instructionPhrases = [][]string{
	{"from", "now", "on"}, {"ignore", "your"}, {"ignore", "all"}, {"ignore", "previous"},
	{"tell", "everyone"}, {"tell", "people"}, {"pretend"}, {"you", "are", "now"},
	{"repeat", "after"}, {"announce"}, {"act", "as"}, {"roleplay"}, {"jailbreak"}, {"forget", "your"},
	{"new", "rule"}, {"always", "say"}, {"always", "answer"}, {"only", "answer"}, {"respond", "only"},
}

// tellsToSay reports whether words tell the bot to say something ("pls say that Iran
// won"), where "did they say that?" asks what someone said.
func tellsToSay(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "say" && ws[i+1] == "that" {
			if i == 0 {
				return true
			}
			switch ws[i-1] {
			case "please", "pls", "plz", "just", "you", "now", "always", "and", "then", "should", "must":
				return true
			}
		}
	}
	return false
}

// negations make a question or claim negative.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "didnt": true, "doesnt": true, "dont": true,
	"isnt": true, "wasnt": true, "werent": true, "arent": true, "hasnt": true, "havent": true,
	"hadnt": true, "wont": true, "cant": true, "couldnt": true, "neither": true, "nor": true,
}

// hasPhrase reports whether the words hold the phrase, in order and adjacent.
func hasPhrase(ws []string, p []string) bool {
	for i := 0; i+len(p) <= len(ws); i++ {
		ok := true
		for k := range p {
			if ws[i+k] != p[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// phrases is a set of phrases indexed by their first word, so that a look-up costs a
// map access a word of the text, whatever the number of phrases.
type phrases map[string][][]string

// phraseIndex indexes phrases by their first word.
func phraseIndex(ps [][]string) phrases {
	out := phrases{}
	for _, p := range ps {
		out[p[0]] = append(out[p[0]], p)
	}
	return out
}

// in reports whether the words hold one of the phrases.
func (ps phrases) in(ws []string) bool {
	for i, w := range ws {
		for _, p := range ps[w] {
			if hasPhrase(ws[i:min(len(ws), i+len(p))], p) {
				return true
			}
		}
	}
	return false
}

// The phrase lists, indexed.
var (
	opinionSet, whoSaidSet, instructionSet = phraseIndex(opinionPhrases), phraseIndex(whoSaidPhrases), phraseIndex(instructionPhrases)
)

// normalize replaces chat shorthand in folded words with the words it stands for.
func normalize(ws []string) []string {
	for i, w := range ws {
		if n, ok := shorthand[w]; ok {
			ws[i] = n
		} else if fixed := frameTypo(w); fixed != "" && !lexicon.Known(w) {
			// "wut happend after", "waht did he say": a misspelt word that frames the
			// question is read as meant, so the question is read for what it asks.
			ws[i] = fixed
		}
	}
	return ws
}

// frameWords are the words that say what a question asks, whose typos are read as meant.
var frameWords = []string{"what", "when", "where", "which", "whose", "about", "after", "before",
	"because", "between", "happened", "happen", "happens", "said", "says", "think", "thinks",
	"thought", "their", "there", "these", "those", "would", "could", "should", "against", "during"}

// frameTypos maps each slip of a frame word, a letter after its first left out or two
// swapped ("happend", "waht", "befor"), to the word.
var frameTypos = func() map[string]string {
	m := map[string]string{}
	for _, f := range frameWords {
		for k := 1; k < len(f); k++ {
			if len(f) > 4 {
				m[f[:k]+f[k+1:]] = f
			}
			if k+1 < len(f) && f[k] != f[k+1] {
				m[f[:k]+string(f[k+1])+string(f[k])+f[k+2:]] = f
			}
		}
	}
	return m
}()

// judges reports whether a yes/no question asks what should have been done: "should iran
// have warned pakistan?" asks for a judgement, which the article's experts give, not a
// fact to confirm.
func judges(ws []string) bool {
	return len(ws) > 2 && (ws[0] == "should" || ws[0] == "shouldnt" || ws[0] == "shoulda")
}

// frameTypo returns the frame word a word of four or more letters is a slip of, or "".
func frameTypo(w string) string {
	if len(w) < 4 || isStop(w) {
		return "" // "youre" is a stop word already
	}
	return frameTypos[w]
}

// dropRelative cuts from a claim the clause that ", which" adds to it: "the US killed
// mousavi on christmas, which is part of why iran was on edge" claims the killing; the
// clause says what the claimant makes of it.
func dropRelative(s string) string {
	i := strings.Index(strings.ToLower(s), ", which ")
	if i < 0 || len(strings.Fields(s[:i])) < 4 {
		return s
	}
	return s[:i]
}

// deedWorked finds "did it work", "has the strike really worked": a thing, not a person,
// that worked, which asks whether it succeeded.
var deedWorked = regexp.MustCompile(`(?i)\b(did|does|has|have)\s+(it|that|this|the \w+|\w+'s \w+|its \w+)(?:\s+(?:actually|even|really|ever))?\s+work(?:ed)?\b`)

// readAsk reads one ask of a message: its intent, the type of answer it wants, and the
// detail it asks for.
func readAsk(a Ask, quoted string) Query {
	if a.Claim && !a.byPerson {
		a.Text = dropRelative(stripTag(stripFraming(a.Text)))
	} else if a.Claim {
		a.Text = stripTag(a.Text)
	}
	a.Text = replacePhrases(a.Text, eli5Phrases, "eli5") // "like I'm 5" asks for simple words, not a fifth
	if containsFold(a.Text, " me ") || containsFold(a.Text, " know") {
		a.Text = dropPhrases(a.Text, requestLeads) // "kindly inform me which university…"
	}
	// "the colonel's full name" asks his name; "how come?" asks why.
	a.Text = replacePhrases(a.Text, []string{"full name", "real name", "whole name", "complete name", "full names", "real names"}, "name")
	a.Text = replacePhrases(a.Text, []string{"how come"}, "why")
	// "did it work?": whether a deed succeeded, not where someone works.
	if containsFold(a.Text, "work") {
		a.Text = deedWorked.ReplaceAllString(a.Text, "${1} ${2} succeed")
	}
	// "is it over now?": whether the tension has eased, which the article tells.
	a.Text = replacePhrases(a.Text, []string{"is it over", "is it all over", "is this over", "is that over", "is the conflict over",
		"is the crisis over", "is the fighting over", "is the fight over", "are they done fighting"}, "did tensions cool")
	// "does parsi buy the idea that…", "iran didn't buy that": believing, not buying.
	a.Text = replacePhrases(a.Text, []string{"buy the idea", "buy the argument", "buy the claim", "buy that", "buy it", "buys the idea", "buys that"}, "believe")
	// "trust between the two countries": the two of this story are Iran and Pakistan.
	a.Text = replacePhrases(a.Text, []string{"between the two countries", "between both countries", "between the two nations", "between the two neighbours", "between the two neighbors"}, "between Iran and Pakistan")
	a.Text = undislocate(a.Text)
	// "and did both sides say…", "so why did they…": the question after the conjunction.
	if first, rest, ok := strings.Cut(strings.TrimSpace(a.Text), " "); ok && leadingConjunctions[strings.ToLower(first)] && startsQuestion(rest) {
		a.Text = rest
	}
	a.Text = hurtAsDamage(a.Text)
	a.Text = comesIn(a.Text)
	a.Text = agreeingSays(a.Text)
	// "is there going to be a war?": a future, not someone going to a place.
	a.Text = replacePhrases(a.Text, []string{"going to be", "gonna be", "going to happen", "gonna happen"}, "will be")
	a.Text = withWhat(a.Text)
	a.Text = replacePhrases(a.Text, backgroundWords, "what happened before")
	if first, _, _ := strings.Cut(strings.TrimSpace(a.Text), " "); strings.EqualFold(first, "who") || strings.EqualFold(first, "which") {
		// "who else talked about deterrence?" asks who said what of it, not of talks.
		a.Text = replacePhrases(a.Text, talkedAbout, "said about")
	}
	// "why the author thinks this won't turn into a war": the article's own view is every
	// answer's, so what it asks is why this won't turn into a war.
	if containsFold(a.Text, "author") || containsFold(a.Text, "article") || containsFold(a.Text, "cafiero") ||
		containsFold(a.Text, "writer") || containsFold(a.Text, "piece") {
		// His full name, as a follow-up's "he" is rewritten, is his surname.
		a.Text = replacePhrases(a.Text, []string{"giorgio cafiero", "mr cafiero", "dr cafiero"}, "cafiero")
		before := a.Text
		a.Text = strings.Join(strings.Fields(dropPhrases(a.Text, authorVoice)), " ")
		if ws := normalize(words(before)); a.Text != before && len(ws) > 0 && yesNoOpeners[ws[0]] && asserts(a.Text) {
			// "is the article saying the GCC still funds them?": the claim it asks of.
			a.Claim = true
		}
	}
	if !a.Claim {
		a.Text = dropUsedTo(a.Text) // a claim's "used to" is what it claims
	}
	a.Text = dropAskingTheArticle(a.Text)
	q := Query{Text: a.Text, asserted: a.asserted, put: a.Claim, byPerson: a.byPerson}
	ws := normalize(words(a.Text))
	q.Words = ws
	q.Type = questionType(ws)
	if q.Type != knowledge.TypeWhen && q.Type != knowledge.TypeWho && slices.ContainsFunc(ws, func(w string) bool { return unitWords[w] }) || hasPhrase(ws, []string{"time", "difference"}) || asksRate(ws) {
		q.Type = knowledge.TypeMeasure // "the range in km", "how many dollars": the article gives no measures
	}
	if q.Type == knowledge.TypeWhere && slices.ContainsFunc(ws, func(w string) bool { return w == "work" || w == "works" || w == "worked" }) {
		q.Type = knowledge.TypeWhat // "where does he work?" asks for whom, not in what place
	}
	for i, w := range ws {
		// "did they keep tensions from spiralling?" asks of what was kept from happening.
		if negations[w] || w == "from" && i > 1 && preventVerbs[ws[i-2]] {
			q.Negated = true
		}
	}
	// "per the article", "in this piece": every question is about the article.
	q.Text = dropPhrases(q.Text, articleFramings)
	if textSays(ws) {
		// "the bit about china at the end": where in the text, not what it is about.
		q.Text = dropPhrases(q.Text, textPlaces)
	}
	q.Text = dropAsWell(q.Text)
	summary := asksSummary(ws)
	if summary && hasWhQuestion(ws) {
		// "eli5 why Pakistan hit back", "the short version of why…": the question, told simply.
		q.Text, summary = dropWords(q.Text, summaryFormat), false
	}
	// What the message says besides a passage it quotes in quotation marks.
	around := ws
	if quoted != "" && strings.Contains(a.Text, quoted) {
		around = words(strings.Replace(a.Text, quoted, "", 1))
	}
	switch {
	case quoted != "" && (whoSaidSet.in(around) || !a.Claim && len(around) <= 3 && !claimCheckSet.in(around) && !slices.ContainsFunc(around, func(w string) bool { return claimTagSet[w] })):
		q.Intent, q.Quoted = IntentWhoSaid, quoted
	case isArithmetic(a.Text) || asksTheTime(ws):
		q.Intent = IntentOffTopic
	case instructionSet.in(ws) || tellsToSay(ws) || len(ws) > 1 && (ws[0] == "say" || ws[0] == "repeat" || ws[0] == "type" || ws[0] == "post" || ws[0] == "write"):
		q.Intent = IntentInstruction
	case quoted != "" && (a.Claim || claimCheckSet.in(ws)):
		// "> BLA is based in Afghanistan — is that what the article says?": the quote is
		// the claim to check.
		q.Intent, q.Text = IntentClaim, quoted
		ws = normalize(words(quoted))
		q.Words = ws
	case summary:
		q.Intent = IntentSummary
		q.Text = dropWords(q.Text, summaryFormat) // "in 3 lines", "in bullet points"
	case (a.Opinion || opinionSet.in(ws) || judges(ws)) && (!asksWhatWasSaid(ws) || asksTheBot(ws)):
		q.Intent = IntentOpinion
		q.Text = dropWords(q.Text, opinionWords) // what it asks a view of, not the asking
	case asksWhatWasSaid(ws) && q.Type != knowledge.TypeWho && !(a.Claim && (onlyReports(ws) || reportsSaying(ws))) && !textSays(ws):
		q.Intent = IntentSaid
		// "Akhtar's view on Pakistan's retaliation": what she said of it; "view" is the
		// asking, not a word her words must hold.
		q.Text = dropViewNoun(q.Text)
	case (a.Claim || q.Type == knowledge.TypeYesNo) && !asksAChoice(ws):
		q.Intent = IntentClaim
	}
	if slices.ContainsFunc(ws, func(w string) bool { return rolePlayed[w] == "play" }) &&
		slices.ContainsFunc(ws, func(w string) bool { return rolePlayed[w] == "role" }) {
		// "what role did GCC states play with Jaish al-Adl?" asks what they did, not a job.
		q.Text = dropWords(q.Text, roleWords)
		ws = normalize(words(q.Text))
		q.Words = ws
	}
	q.Focus = focusWord(ws)
	if measureNouns[q.Focus] && q.Type == knowledge.TypeWhat {
		q.Type = knowledge.TypeMeasure // "what was the range of the missiles": a measure, which the article gives of nothing
	}
	if q.Type == knowledge.TypeWhat && placeWords[q.Focus] && slices.Contains(ws, "where") {
		q.Type, q.Focus = knowledge.TypeWhere, "" // "what is the place where the missiles fell?"
		q.Text = dropWords(q.Text, placeWords)
	}
	if wordingNouns[q.Focus] && (q.Intent == IntentFact || q.Intent == IntentSaid) {
		// "what phrase did Parsi use for Iran's strike?": what he said of it, in his words.
		q.Intent, q.Focus = IntentSaid, ""
		q.Text = dropWords(q.Text, wordingNouns)
	}
	if storyNouns[q.Focus] {
		// "gcc and jaish al adl, what's the story": what the article tells of them.
		q.Text, q.Focus = dropWords(q.Text, storyNouns), ""
	}
	if q.Type == knowledge.TypeWhat && asksPurpose(ws) {
		q.Type = knowledge.TypeWhy // "what was the point of the 16 jan strike" asks why
	}
	if q.Type == knowledge.TypeWhy && asksCause(ws) {
		// "what drove pakistan to hit back?": the verb asks why, as "why" would, and is
		// no detail of its own.
		q.Text, q.Focus = dropWords(q.Text, causeVerbs), ""
	}
	if q.Type == knowledge.TypeWhy {
		// "why did Iran do this, whats the logic": the logic is the why, no detail more.
		q.Text = dropWords(q.Text, reasonNouns)
		if reasonNouns[q.Focus] {
			q.Focus = ""
		}
	}
	return q
}

// asksCause reports whether words ask "what made…", "what pushed…": why.
func asksCause(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "what" && causeVerbs[ws[i+1]] {
			return true
		}
	}
	return false
}

// leadingConjunctions open a question that goes on from the last: "and did…".
var leadingConjunctions = map[string]bool{"and": true, "so": true, "but": true, "also": true, "then": true, "plus": true}

// dislocated matches a question whose subject stands before it, taken up by a pronoun:
// "and iran, did it target pakistan's military?".
var dislocated = regexp.MustCompile(`(?i)^(?:(?:and|so|now|ok|okay|what about)\s+)*([\pL'’\-]+(?:\s+[\pL'’\-]+){0,2}),\s*(did|does|do|is|was|were|are|has|have|had|will|would|could|can)\s+(?:it|they|he|she)\b`)

// undislocate puts a subject that stands before its question in the place of the pronoun
// that takes it up: "and iran, did it target…" asks "did iran target…".
func undislocate(s string) string {
	m := dislocated.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	subject := s[m[2]:m[3]]
	if sw := words(subject); len(sw) == 0 || slices.ContainsFunc(sw, func(w string) bool { return fillerWords[w] || isStop(w) && w != "the" }) {
		return s // "ok so, did it work?": no subject, only chatter
	}
	return s[m[4]:m[5]] + " " + subject + s[m[1]:]
}

// withWhat reads "with what" that ends a question or opens one ("what did pakistan hit
// and with what", "with what did they strike") as the weapons it asks for.
func withWhat(s string) string {
	ws := words(s)
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "with" || ws[i] == "using") && ws[i+1] == "what" && (i+2 == len(ws) || auxiliaries[ws[i+2]]) {
			return replacePhrases(s, []string{ws[i] + " what"}, "with what weapons")
		}
	}
	return s
}

// measureNouns name a measure: a question asking one asks a figure in units.
var measureNouns = map[string]bool{"range": true, "distance": true, "speed": true, "size": true,
	"length": true, "height": true, "weight": true, "altitude": true, "payload": true,
	"percent": true, "percentage": true, "proportion": true, "share": true, "fraction": true}

// rolePlayed are the words of "the role X played", each as "role" or "play".
var rolePlayed = map[string]string{"role": "role", "part": "role", "play": "play", "played": "play", "playing": "play", "plays": "play"}

// roleWords are rolePlayed's words, as a set to drop.
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range rolePlayed {
		m[w] = true
	}
	return m
}()

// placeWords name a place in "what is the place where…", which asks where.
var placeWords = map[string]bool{"place": true, "location": true, "spot": true}

// asksPurpose reports whether words ask what something was for: "the point of", "the
// reason for", "the goal behind".
func asksPurpose(ws []string) bool {
	for i := 1; i+1 < len(ws); i++ {
		if reasonNouns[ws[i]] && (ws[i-1] == "the" || ws[i-1] == "its" || ws[i-1] == "their") &&
			(ws[i+1] == "of" || ws[i+1] == "for" || ws[i+1] == "behind") {
			return true
		}
	}
	return false
}

// dropViewNoun removes a noun of view after its owner ("Akhtar's view on…", "his take
// on…"), leaving the verb of "how does Iran view…".
func dropViewNoun(s string) string {
	fs := strings.Fields(s)
	for i := 1; i < len(fs); i++ {
		w, prev := foldWord(fs[i]), strings.ToLower(fs[i-1])
		if viewNouns[w] && (strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || prev == "his" || prev == "her" || prev == "their") {
			return strings.Join(append(fs[:i:i], fs[i+1:]...), " ")
		}
	}
	return s
}

// unitWords are units of measure, which the article never gives.
var unitWords = map[string]bool{"km": true, "kms": true, "kilometres": true, "kilometers": true,
	"kilometre": true, "kilometer": true, "miles": true, "mile": true, "metres": true, "meters": true,
	"kg": true, "kilograms": true, "tons": true, "tonnes": true, "dollars": true, "usd": true,
	"rupees": true, "rials": true, "euros": true, "percent": true, "percentage": true, "mph": true}

// asksRate reports whether words ask a rate ("pakistan's inflation rate", "the growth
// rate"), a measure the article never gives; "how do you rate it" asks a view.
func asksRate(ws []string) bool {
	for i := 1; i < len(ws); i++ {
		if (ws[i] == "rate" || ws[i] == "rates") && !isStop(ws[i-1]) && ws[i-1] != "u" && !questionWords[ws[i-1]] {
			return true
		}
	}
	return false
}

// requestLeads ask politely for what follows: the question is what they lead to.
var requestLeads = []string{"kindly inform me", "kindly tell me", "please inform me", "please tell me",
	"kindly let me know", "please let me know", "could you tell me", "can you tell me", "can u tell me",
	"would you tell me", "i would like to know", "i want to know", "i wanna know", "tell me please"}

// comesInPattern matches "where does X come in" and "how does X fit in", which ask what
// part X plays; the X may stand before a comma ("and the Islamic State, where does it
// come in?").
var comesInPattern = regexp.MustCompile(`(?i)^(?:and\s+)?(?:(.+?),\s*)?(?:where|how)\s+(?:does|do|did)\s+(.+?)\s+(?:come|fit|figure)\s+in\b`)

// comesIn rewrites "where does X come in?" as "what about X?": what the article tells of it.
func comesIn(s string) string {
	if !containsFold(s, " in") || !containsFold(s, "come") && !containsFold(s, "fit") && !containsFold(s, "figure") {
		return s // most questions: not worth the pattern
	}
	m := comesInPattern.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	subject := m[2]
	if w := strings.ToLower(subject); (w == "it" || w == "they" || w == "that" || w == "he" || w == "she") && m[1] != "" {
		subject = m[1]
	}
	return "what about " + subject + s[len(m[0]):]
}

// hurtAsDamage reads "hurt" with an object as damage ("did the strike hurt Iran's
// image?", "hurt trust"), not as injury ("were people hurt?", "anyone hurt in Rask?").
func hurtAsDamage(s string) string {
	if !containsFold(s, "hurt") {
		return s
	}
	fs := strings.Fields(s)
	changed := false
	for i := 0; i+1 < len(fs); i++ {
		w := foldWord(fs[i])
		if w != "hurt" && w != "hurts" && w != "hurting" || strings.ContainsAny(fs[i], "?!.,") {
			continue
		}
		if next := foldWord(fs[i+1]); next == "" || prepositions[next] || next == "or" || next == "and" || next == "badly" || next == "seriously" || next == "when" {
			continue
		}
		fs[i] = "damaged"
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(fs, " ")
}

// viewNouns ask for someone's view: "Akhtar's view on…", "Parsi's take on…".
var viewNouns = map[string]bool{"view": true, "views": true, "take": true, "opinion": true,
	"opinions": true, "thoughts": true, "perspective": true, "stance": true, "verdict": true}

// wordingNouns name the words someone used: "what phrase did Parsi use for the strike?"
// asks what he called it.
var wordingNouns = map[string]bool{"phrase": true, "phrases": true, "word": true, "words": true,
	"term": true, "terms": true, "expression": true, "adjective": true, "adjectives": true,
	"wording": true, "label": true, "phrasing": true}

// storyNouns ask for what there is to tell of something: "what's the story with X?",
// "what's the Women Peace Council connection?".
var storyNouns = map[string]bool{"story": true, "deal": true, "lowdown": true, "backstory": true,
	"tea": true, "scoop": true, "context": true, "gist": true, "connection": true,
	"relevance": true, "significance": true}

// reasonNouns name what a why-question asks for.
var reasonNouns = map[string]bool{"logic": true, "reasoning": true, "rationale": true,
	"motive": true, "motives": true, "motivation": true, "reason": true, "reasons": true,
	"thinking": true, "point": true, "purpose": true, "goal": true, "aim": true}

// reportVerbs report what someone else said: "someone in #general said X".
var reportVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "claims": true, "claimed": true, "told": true,
	"heard": true, "reckons": true, "swears": true, "insists": true, "posted": true, "tweeted": true,
	"thinks": true, "think": true, "read": true, "saying": true, "wrote": true, "mentioned": true,
	"thought": true, "believes": true, "assumed": true, "figured": true, "claim": true, "saw": true,
	"seen": true,
}

// onlyReports reports whether every word of saying in a claim is said by the asker,
// the bot or the article ("but i think that's off", "article says?"): the claim is to
// check, not a question of what someone said.
func onlyReports(ws []string) bool {
	for i, w := range ws {
		if sayWords[w] && (i == 0 || !askerSide[ws[i-1]]) {
			return false
		}
	}
	return true
}

// reportsSaying reports whether a statement tells what someone said, with a verb of
// saying and no question word ("Akhtar said Pakistan hit 12 targets?"): a claim about
// their words, to check against them. "Akhtar's view on the retaliation?" asks for it.
func reportsSaying(ws []string) bool {
	if len(ws) == 0 || ws[0] == "anything" || ws[0] == "something" || slices.Contains(ws, "else") {
		return false // "anything else she said?" asks for more of her words
	}
	return !slices.ContainsFunc(ws, func(w string) bool { return whWords[w] }) && slices.ContainsFunc(ws, func(w string) bool {
		return w == "said" || w == "says" || w == "say" || w == "told" || w == "claimed" || w == "claims" || w == "thinks" || w == "thought"
	})
}

// askerSide stand before a word of saying that reports a claim, not a view asked for.
var askerSide = map[string]bool{"i": true, "you": true, "u": true, "we": true, "article": true,
	"piece": true, "someone": true, "somebody": true, "ppl": true, "people": true}

// stripFraming removes the report around a claim, so that the claim is read and not the
// report: "someone in #general said Islamic State claimed the Kerman bombing, true?" →
// "Islamic State claimed the Kerman bombing, true?".
func stripFraming(s string) string {
	ws := strings.Fields(s)
	lower := func(i int) string { return foldWord(ws[i]) }
	for _, p := range []string{"is it true that ", "is it true ", "is it correct that ", "true that "} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			return s[len(p):]
		}
	}
	for i := 0; i < len(ws) && i < 8; i++ {
		// "heard the US killed Mousavi", "saw on twitter that…": the asker's own report.
		own := i == 0 && (lower(0) == "heard" || lower(0) == "saw" || lower(0) == "read")
		if !reportVerbs[lower(i)] || i == 0 && !own || i+3 >= len(ws) || i > 0 && beForms[lower(i-1)] || lower(i+1) == "by" ||
			lower(i) == "think" && lower(i+1) == "tank" || i > 0 && (lower(i-1) == "a" || lower(i-1) == "the") {
			continue // "was claimed by", "claimed by Jaish al-Adl": a passive, not a report; "a think tank", "the read": nouns
		}
		// "what did Parsi say about the US" reports nothing: the report needs a claimant
		// before it that is not a question.
		if questionWords[lower(0)] && lower(0) != "is" {
			return s
		}
		rest := ws[i+1:]
		if w := lower(i); (w == "claimed" || w == "claims" || w == "claim") && !reportsAClause(rest) {
			continue // "jaish al-adl claimed the kerman bombing": a claim of responsibility, not a report
		}
		// "saw on twitter that…", "heard in a video that…": where it was seen or heard.
		for j := 1; j < len(rest)-1 && j < 6; j++ {
			if w := words(rest[j]); len(w) > 0 && w[0] == "that" && !slices.ContainsFunc(rest[:j], func(f string) bool { w := words(f); return len(w) == 0 || !sourceWords[w[0]] }) {
				rest = rest[j:]
				break
			}
		}
		if w := words(rest[0]); len(w) > 0 && (w[0] == "that" || w[0] == "me") {
			rest = rest[1:]
		}
		// "iran said it was targeting pakistan's army": the claimant, one name, is whom
		// the report's pronoun stands for; "someone said it was…" names no one.
		if claimant := lower(0); i == 1 && len(rest) > 0 && !isStop(claimant) && !fillerWords[claimant] && !requesters[claimant] && !crowdWords[claimant] {
			if p := foldWord(rest[0]); p == "it" || p == "they" || p == "he" || p == "she" {
				rest = append([]string{ws[0]}, rest[1:]...)
			}
		}
		return strings.Join(rest, " ")
	}
	return s
}

// crowdWords report what no one in particular said: "people said it was…".
var crowdWords = map[string]bool{"people": true, "ppl": true, "everyone": true, "everybody": true, "many": true,
	"some": true, "others": true, "folks": true, "twitter": true, "reddit": true, "media": true, "news": true}

// reportsAClause reports whether the words after a verb of claiming are what was claimed,
// a clause ("that…", "iran hit…"), not what was claimed responsibility for ("the bombing").
func reportsAClause(fields []string) bool {
	for i, f := range fields {
		w := foldWord(f)
		if i == 0 && w == "that" || beForms[w] || auxiliaries[w] || strings.HasSuffix(w, "ed") && isVerb(w) && !isAdjective(w) {
			return true
		}
	}
	return false
}

// sourceWords say where a claim was seen or heard: "on twitter", "in a whatsapp group".
var sourceWords = map[string]bool{"on": true, "in": true, "at": true, "from": true, "a": true, "the": true,
	"my": true, "twitter": true, "x": true, "reddit": true, "telegram": true, "tiktok": true,
	"youtube": true, "facebook": true, "insta": true, "instagram": true, "whatsapp": true, "online": true,
	"video": true, "post": true, "group": true, "chat": true, "news": true, "tv": true, "feed": true}

// opinionWords ask for a view or a judgement; what is left is what the view is of.
var opinionWords = map[string]bool{
	"wdyt": true, "ur": true, "your": true, "take": true, "thoughts": true, "opinion": true,
	"think": true, "honest": true, "honestly": true, "verdict": true, "justified": true,
	"justify": true, "justifiable": true, "right": true, "wrong": true, "smart": true, "move": true,
	"proportionate": true, "disproportionate": true, "fair": true, "unfair": true, "deserved": true,
	"mistake": true, "bad": true, "good": true, "guy": true, "guys": true, "villain": true,
	"legitimate": true, "moral": true, "worth": true, "useful": true, "blame": true, "fault": true,
}

// claimCheckSet asks whether a passage is true or what the article says.
var claimCheckSet = phraseIndex([][]string{{"true"}, {"right"}, {"correct"}, {"accurate"}, {"legit"},
	{"article", "says"}, {"article", "say"}, {"the", "article", "said"}, {"real"}, {"fact", "check"}})

// articleFramings say a question is about the article, which they all are.
var articleFramings = []string{"according to the article", "per the article", "in the article",
	"in this article", "in this piece", "in the piece", "the article says", "does the article say",
	"per the piece", "according to the piece"}

// askingTheArticle ask the article a question it may answer: "does the article say
// which group…" asks which group, of no one's words.
var askingTheArticle = []string{"does the article say", "does the article tell", "does the article mention",
	"does the article tell us", "does the piece say", "does it say"}

// dropAskingTheArticle removes a frame of askingTheArticle that stands before a wh-word.
func dropAskingTheArticle(s string) string {
	for _, f := range askingTheArticle {
		i := indexFold(s, f)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(s[i+len(f):], " ,")
		next, _, _ := strings.Cut(rest, " ")
		if whWords[strings.ToLower(next)] || next == "whether" || next == "if" {
			return strings.TrimSpace(s[:i] + rest)
		}
	}
	return s
}

// talkedAbout are the ways to say that someone spoke of a subject.
var talkedAbout = []string{"talked about", "talks about", "talk about", "spoke about", "speaks about",
	"spoken about", "discussed", "talked of", "spoke of", "brought up", "touched on"}

// textSays reports whether what says something is a part of the text, not a person:
// "what's the bit about china at the end saying" asks what the article says of China.
func textSays(ws []string) bool {
	for i, w := range ws {
		if !textParts[w] {
			continue
		}
		for _, n := range ws[i+1:] {
			if n == "say" || n == "says" || n == "saying" {
				return true
			}
		}
	}
	return false
}

// textPlaces say where in the text a part stands.
var textPlaces = []string{"at the end", "at the start", "at the beginning", "in the middle", "near the end", "towards the end", "toward the end"}

// textParts are the parts of a text that may be said to say something.
var textParts = map[string]bool{"bit": true, "part": true, "section": true, "paragraph": true,
	"passage": true, "line": true, "sentence": true, "ending": true, "conclusion": true}

// agreeingSays reads agreeing that something is so as saying it: "did vaez agree
// pakistan had to hit back?" asks what Vaez said; "did they agree to talk?" and "do the
// experts agree?" keep theirs.
func agreeingSays(s string) string {
	f := strings.Fields(s)
	for i := 1; i+2 < len(f); i++ {
		switch strings.ToLower(f[i]) {
		case "agree", "agreed", "agrees":
		default:
			continue
		}
		next := strings.ToLower(strings.Trim(f[i+1], "?!.,"))
		if agreeing[next] || isNumber(next) {
			continue
		}
		if next == "that" {
			f = slices.Delete(f, i+1, i+2)
		}
		f[i] = "say"
		return strings.Join(f, " ")
	}
	return s
}

// agreeing are the words after "agree" of an agreement, not of a view: "agree to talk".
var agreeing = map[string]bool{"to": true, "with": true, "on": true, "about": true, "upon": true, "or": true,
	"and": true, "in": true, "at": true, "for": true}

// dropUsedTo removes the "used to" of a habit ("how did pakistanis use to see iran") so
// that it is not read as a use of weapons; "what did Pakistan use to hit back" and "the
// drones used to strike" keep theirs.
func dropUsedTo(s string) string {
	if !strings.Contains(s, "use") {
		return s
	}
	f := strings.Fields(s)
	for i := 1; i+2 < len(f); i++ {
		w := strings.ToLower(f[i])
		if (w != "use" && w != "used") || strings.ToLower(f[i+1]) != "to" || !isVerb(strings.ToLower(strings.Trim(f[i+2], "?!.,"))) {
			continue
		}
		prev := strings.ToLower(f[i-1])
		// "what did they use to hit back" asks for the means; "what did Karim say about how
		// Pakistanis used to see Iran", a habit.
		if beForms[prev] || w == "use" && (strings.ToLower(f[0]) == "what" || strings.ToLower(f[0]) == "which" || strings.HasPrefix(strings.ToLower(f[0]), "what")) {
			continue
		}
		return strings.Join(append(f[:i:i], f[i+2:]...), " ")
	}
	return s
}

// authorVoice asks what the article itself holds, which is what every answer gives.
var authorVoice = []string{"does the author think", "does the author say", "does the author argue",
	"is the article saying", "is the author saying", "is cafiero saying", "is the piece saying",
	"does the article say that", "does the piece say that", "does the article say", "does the piece say",
	"does the author believe", "does cafiero think", "does cafiero say", "does the article think",
	"does the article argue", "the author thinks", "the author says", "the author argues",
	"the author believes", "the author suggests", "the author concludes", "the writer thinks",
	"the writer says", "cafiero thinks", "cafiero says", "cafiero argues", "the article argues",
	"the article thinks", "the article suggests", "the article concludes", "according to the author",
	"according to cafiero", "in the author's view", "in the author's opinion",
	"the article's take on", "the articles take on", "the article's read on", "the article's view on",
	"the article's bottom line on", "the piece's take on", "the author's take on", "the authors take on",
	"the author's view on", "does the article think", "does the piece think"}

// backgroundWords ask what happened before something: "the backstory b4 Iran's strike".
var backgroundWords = []string{"the backstory", "backstory", "the lead-up to", "the lead up to",
	"the run-up to", "the run up to", "the buildup to", "the build-up to", "the prelude to"}

// eli5Phrases ask for an answer a child would follow.
var eli5Phrases = []string{"explain like i'm 5", "explain like im 5", "explain like i'm five",
	"explain like im five", "like i'm 5", "like im 5", "like i'm five", "like im five", "like i am 5",
	"like i am five", "explain it like i'm 5", "explain it like im 5"}

// replacePhrases puts a word in place of each phrase, in any case.
func replacePhrases(s string, phrases []string, with string) string {
	lower := strings.ToLower(s)
	for _, p := range phrases {
		if i := strings.Index(lower, p); i >= 0 {
			s = s[:i] + with + s[i+len(p):]
			lower = strings.ToLower(s)
		}
	}
	return s
}

// dropAsWell removes a closing "as well", which says "too": "did iran hit syria as well?".
func dropAsWell(s string) string {
	fs := strings.Fields(s)
	n := len(fs)
	if n < 4 || !strings.EqualFold(fs[n-2], "as") {
		return s
	}
	last := strings.TrimRight(fs[n-1], "?!.")
	if !strings.EqualFold(last, "well") {
		return s
	}
	return strings.Join(fs[:n-2], " ") + fs[n-1][len(last):]
}

// dropPhrases removes each phrase, in any case, from a text.
func dropPhrases(s string, phrases []string) string {
	lower := strings.ToLower(s)
	for _, p := range phrases {
		for {
			i := strings.Index(lower, p)
			if i < 0 {
				break
			}
			s, lower = s[:i]+s[i+len(p):], lower[:i]+lower[i+len(p):]
		}
	}
	return s
}

// hasWhQuestion reports whether words ask why, how, who, when or where: "eli5 why
// Pakistan hit back" is that question, told simply.
func hasWhQuestion(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "who", "whom", "which", "where", "when":
			// "for the ppl who missed the stream": after a noun, it begins a relative
			// clause, not a question.
			if i > 0 && isNoun(ws[i-1]) && !isStop(ws[i-1]) {
				continue
			}
			return true
		case "why", "how":
			return true
		}
	}
	return false
}

// asksTheTime reports whether a question asks today's date or the time: the article
// knows neither.
func asksTheTime(ws []string) bool {
	now, when := false, false
	for _, w := range ws {
		now = now || w == "today" || w == "now" || w == "current" || w == "currently" || w == "tonight"
		when = when || w == "date" || w == "day" || w == "time" || w == "year" || w == "month" || w == "clock"
	}
	return now && when || hasPhrase(ws, []string{"what", "time", "is", "it"}) || hasPhrase(ws, []string{"what", "day", "is", "it"})
}

// asksAChoice reports whether a question offers alternatives ("is Jaish al-Adl Sunni or
// Shia?"): its answer is one of them, not yes or no.
func asksAChoice(ws []string) bool {
	for i, w := range ws {
		if w == "or" && i > 1 && i+1 < len(ws) {
			switch ws[i+1] {
			case "not", "nah", "no", "what", "something", "smth", "anything", "someone", "somebody", "anyone":
				continue // "…, or not?", "or what?", "by the US or someone else?"
			}
			if slices.Contains(ws[i+1:min(len(ws), i+5)], "else") {
				continue // "…or was it someone else?": no other choice named
			}
			return true
		}
	}
	return false
}

// asksWhichHappened reports whether a question offers two outcomes as clauses, "did
// it go ahead or did it get delayed?", not two names of one clause, "did any iranian
// or pakistani official…".
func asksWhichHappened(ws []string) bool {
	for i, w := range ws {
		if w == "or" && i > 1 && i+1 < len(ws) {
			switch ws[i+1] {
			case "did", "was", "were", "is", "has", "had", "get", "got", "gets", "it", "they", "end":
				return true
			}
		}
	}
	return false
}

// asksTheBot reports whether a question asks the bot itself: "do you think", "ur take".
func asksTheBot(ws []string) bool {
	for _, w := range ws {
		if w == "you" || w == "your" || w == "u" || w == "ur" || w == "wdyt" {
			return true
		}
	}
	return false
}

// summaryFormat are the words of a summary request that say how short, not what about:
// "in bullet points", "in one tweet", "in a sentence or two".
var summaryFormat = map[string]bool{
	"bullet": true, "bullets": true, "points": true, "pts": true, "point": true, "lines": true, "line": true,
	"sentence": true, "sentences": true, "tweet": true, "version": true, "short": true, "shorter": true,
	"fine": true, "quick": true, "words": true, "paragraph": true, "para": true, "format": true,
	"list": true, "plain": true, "english": true, "simple": true, "terms": true, "summary": true,
	"break": true, "angle": true, "aspect": true,
}

// dropWords removes the words of a set, and numbers, from a text, keeping the rest as
// written.
func dropWords(s string, set map[string]bool) string {
	var out []string
	fs := strings.Fields(s)
	for i, f := range fs {
		ws := words(f)
		date := i+1 < len(fs) && months[stem(foldWord(fs[i+1]))] || i > 0 && months[stem(foldWord(fs[i-1]))]
		if len(ws) == 1 && set[ws[0]] || len(ws) > 0 && !date && !slices.ContainsFunc(ws, func(w string) bool { return !isNumber(w) }) {
			continue // a word of the set, or numbers: "3", "2-3", but not the day of "16 jan"
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// asksSummary reports whether the words ask for a summary rather than for one fact.
func asksSummary(ws []string) bool {
	for i, w := range ws {
		if summaryWords[w] {
			return true
		}
		if (w == "short" || w == "quick") && i+1 < len(ws) && ws[i+1] == "version" || w == "in" && i+1 < len(ws) && ws[i+1] == "short" {
			return true
		}
		// "in plain English", "in simple terms", "explain simply"
		if (w == "plain" || w == "simple" || w == "layman" || w == "laymans") && i+1 < len(ws) && (ws[i+1] == "english" || ws[i+1] == "terms" || ws[i+1] == "words") || w == "simply" {
			return true
		}
		if (w == "bottom" || w == "big") && i+1 < len(ws) && (ws[i+1] == "line" || w == "big" && ws[i+1] == "picture") {
			return true // "what's the bottom line of the article", "the big picture"
		}
		if w == "main" && i+1 < len(ws) && (ws[i+1] == "point" || ws[i+1] == "points" || ws[i+1] == "idea" || ws[i+1] == "takeaway" || ws[i+1] == "argument") {
			return true
		}
		if (w == "article" || w == "piece") && i+1 < len(ws) && (ws[i+1] == "about" || i+2 < len(ws) && ws[i+2] == "about") {
			return true // "what's this article (even) about"
		}
	}
	for _, w := range ws {
		if isNumber(w) || months[w] {
			return false // "what happened on 14 December" asks for one event
		}
	}
	return (hasPhrase(ws, []string{"what", "happened"}) || hasPhrase(ws, []string{"went", "down"}) || hasPhrase(ws, []string{"going", "on"})) && len(ws) <= 8 ||
		hasPhrase(ws, []string{"whole", "thing"})
}

// isArithmetic reports whether a message is a sum to work out: digits around an operator.
func isArithmetic(s string) bool {
	if ws := words(s); len(ws) > 2 && ws[0] == "convert" && slices.ContainsFunc(ws, func(w string) bool { return unitWords[w] }) {
		return true // "convert 5 miles to kilometres"
	}
	digitBefore := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digitBefore = true
		case r == '+' || r == '*' || r == '/' || r == '=' || r == '^' || r == '×' || r == '÷' || (r == 'x' && digitBefore) || (r == '-' && digitBefore):
			rest := strings.TrimLeft(s[i+len(string(r)):], " ")
			if digitBefore && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
				// "2-3 lines", "16-18 January" give a range, not a sum.
				if r == '-' && strings.ContainsFunc(strings.TrimLeft(rest, "0123456789"), unicode.IsLetter) {
					continue
				}
				return true
			}
		case r == ' ':
		default:
			digitBefore = false
		}
	}
	return false
}

// detailNouns name details a question can ask for that no fact of the article gives
// unless it uses the same word: a model, a cost, a population.
var detailNouns = map[string]bool{
	"model": true, "models": true, "make": true, "brand": true, "version": true, "variant": true,
	"cost": true, "costs": true, "price": true, "prices": true, "budget": true, "worth": true,
	"population": true, "age": true, "ages": true, "old": true, "size": true, "height": true,
	"weight": true, "distance": true, "length": true, "area": true, "speed": true, "range": true,
	"codename": true, "percent": true, "percentage": true, "salary": true, "gdp": true,
	// Where and how someone's words appeared, and what a profile does not hold.
	"tweet": true, "tweets": true, "tweeted": true, "twitter": true, "handle": true,
	"instagram": true, "facebook": true, "tiktok": true, "youtube": true, "podcast": true,
	"website": true, "email": true, "doctorate": true, "phd": true, "degree": true,
	"birthday": true, "founder": true, "founded": true, "leader": true, "leaders": true,
	"names": true, "books": true, "book": true,
}

// determiners stand before a noun: "what make", "the make of the drones".
var determiners = map[string]bool{"what": true, "whats": true, "which": true, "the": true, "its": true, "their": true}

// focusWord returns the detail a question asks for by name, when it names one: the noun
// after "what/which", "how much", "what kind of" ("which model", "what cost").
func focusWord(ws []string) string {
	for i, w := range ws {
		if w == "make" && (i == 0 || !determiners[ws[i-1]]) {
			continue // "did iran make a mistake": the verb, not the make of a thing
		}
		if detailNouns[w] {
			return w
		}
	}
	for i, w := range ws {
		if w != "which" && w != "what" && w != "whats" {
			continue
		}
		// "what's the name of the cemetery": the cemetery is what is asked about.
		if at := slices.IndexFunc(ws[i+1:], func(n string) bool { return namingWords[n] }); at >= 0 && at <= 3 {
			rest := ws[i+1+at+1:]
			if len(rest) > 1 && rest[0] == "of" {
				rest = rest[1:]
				if rest[0] == "the" || rest[0] == "a" || rest[0] == "an" {
					rest = rest[1:]
				}
				// The head of the phrase: "the IS branch that claimed it" names the branch.
				head := ""
				for _, n := range rest[:min(len(rest), 4)] {
					if n == "that" || n == "which" || n == "who" || prepositions[n] || whWords[n] {
						break
					}
					if !isStop(n) && isNoun(n) && (head == "" || !namesOnly([]string{n})) {
						head = n
					} else if head != "" {
						break // "the village iran hit": the phrase ended at the village
					}
				}
				if head != "" {
					return head
				}
			}
		}
		// The head of the phrase after it: its last word before a verb or a preposition,
		// past articles and possessives ("what's Giorgio Cafiero's twitter" asks the
		// twitter, "which model" the model).
		head := ""
		for k, n := range ws[i+1:] {
			if n == "the" || n == "a" || n == "an" || n == "his" || n == "her" || n == "their" || n == "its" || n == "your" {
				continue
			}
			if n == "is" && head == "" && w == "what" {
				continue // "what is the name of…"
			}
			if isStop(n) || questionWords[n] || n == "kind" || n == "type" || n == "sort" {
				if n == "kind" || n == "type" || n == "sort" {
					head = ""
					continue
				}
				break
			}
			if isNumber(n) {
				continue // "which two countries"
			}
			if k == 0 && strings.HasSuffix(n, "ed") && isVerb(n) {
				break // "what pushed them": "what" is the subject, and asks no noun
			}
			if rest := ws[i+1+k+1:]; demonyms[stem(n)] != "" && len(rest) > 0 && !isStop(rest[0]) {
				continue // "which pakistani air base": a people's word before the head
			}
			head = n
			// "which countries lead the SCO": a noun then a verb ends the phrase.
			if rest := ws[i+1+k+1:]; len(rest) > 0 && isNoun(n) && isVerb(rest[0]) && !isStop(rest[0]) && !placeNouns[rest[0]] { // "which air base": one noun
				break
			}
		}
		if head != "" && !vagueHeads[head] {
			return head
		}
	}
	return ""
}

// vagueHeads name no particular detail: "what joint military activity" asks what was
// going on, not the name of an activity.
var vagueHeads = map[string]bool{"activity": true, "activities": true, "thing": true, "things": true,
	"stuff": true, "event": true, "events": true, "action": true, "actions": true, "happening": true}

// hasPredicate reports whether words say something of their subject: a form of "be" or
// "do", a verb in the past, or a word that can only be a verb.
func hasPredicate(ws []string) bool {
	for i, w := range ws {
		switch {
		case sayWords[w]:
			return true
		case w == "s" && i > 0 && i+1 < len(ws) && (referents[ws[i-1]] || prepositions[ws[i+1]] || ws[i+1] == "a" || ws[i+1] == "an" || ws[i+1] == "not"):
			return true // "it's the first attack", "akhtar's at LUMS": "is", not an owner's "s"
		case beForms[w] || auxiliaries[w] || modals[w] || yesNoOpeners[w] || w == "has" || w == "have" || w == "had":
			return true
		case pastForms[w], strings.HasSuffix(w, "ed") && isVerb(w):
			return true
		case isVerb(w) && !isNoun(w) && !isAdjective(w):
			return true
		case i > 0 && (subjectPronouns[ws[i-1]] || verbAdverbs[ws[i-1]]) && (isVerb(w) || strings.HasSuffix(w, "s") && isVerb(strings.TrimSuffix(w, "s"))):
			return true // "they go back by the 26th", "the gcc still funds jaish al-adl"
		}
	}
	return false
}

// subjectPronouns stand before their verb: "they go back by the 26th?".
var subjectPronouns = map[string]bool{"i": true, "you": true, "he": true, "she": true, "it": true,
	"we": true, "they": true}

// verbAdverbs stand before a verb: "the gulf states still fund jaish al-adl?".
var verbAdverbs = map[string]bool{"still": true, "never": true, "also": true, "actually": true,
	"really": true, "just": true, "totally": true, "completely": true, "already": true, "even": true,
	"ever": true, "only": true, "always": true, "officially": true}
