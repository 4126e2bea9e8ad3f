// Package answers is the bot's answer engine: it matches a question against the knowledge
// base and returns a platform-neutral Reply. It is pure, in memory and deterministic.
package answers

import (
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/borderbot/borderbot/knowledge"
)

// MaxQuestionLen is the longest message, in characters, the engine will read: Discord's
// longest message.
const MaxQuestionLen = 2000

// DefaultMinConfidence is the confidence below which the engine says it does not know.
const DefaultMinConfidence = 0.5

// Options tunes an Engine.
type Options struct {
	// MinConfidence is the confidence below which a reply says "I don't know";
	// zero means DefaultMinConfidence.
	MinConfidence float64
	// CloseMargin is how near the second-best entry must score to be offered as
	// "did you mean"; zero means 0.04.
	CloseMargin float64
	// Weights are the parts of the score; the zero value means DefaultWeights.
	Weights *Weights
}

// Engine answers questions from a knowledge base. It is safe for concurrent use.
type Engine struct {
	base     *knowledge.Base
	opts     Options
	w        Weights
	an       *analyzer
	docs     []doc
	docAt    map[string]int   // by entry id: its place in docs
	terms    map[string]int32 // every term of the base → its id
	idf      []float64        // by term id
	postings [][]posting      // by term id: the entries that use it, and how strongly
	maxIDF   float64
	source   Source
	complete []string // questions offered by autocomplete
	fallback []Suggestion
	topics   []string

	// The phrasings of all entries, numbered: each one's IDF, and by term id and by
	// ordered word pair the phrasings that use them.
	phraseIDF   []float64
	phraseTerms [][]int32
	phrasePairs map[uint64][]int32

	givers      map[knowledge.QuestionType][]bool // by question type, by doc: whether the doc gives it
	personOf    map[string]string                 // entry id → the person its title names, if any
	quoteWords  [][]string                        // each quote's text as folded words, for attribution
	eventToks   [][]token                         // each timeline event's label and text, analysed
	eventNames  map[string]int                    // by name: how many timeline events name it
	placeTerms  map[string]bool                   // the terms of the map's places and what they are in
	countries   map[string]bool                   // the terms of the states the base names, as its aliases mark them
	placeKind   map[string]string                 // by the term of a place the base names: "town" for Saravan or Riyadh, "province" for Idlib, "container" for a country; "" when it never says
	placeIn     map[string]string                 // by place term: the terms of what it is in, space-separated
	personNames []personName                      // every name and alias of every person, as folded words
	firstPerson map[string]string                 // entry id → the person its answer names first, where it names one
	offices     map[string]bool                   // the terms of the people's roles: foreign minister, director, colonel
	personTerms map[string]string                 // the terms that name a person → the entry that describes them, or ""
	staffOf     map[string]string                 // the name of an institution one expert speaks for → a term of the expert's name
	scratch     sync.Pool                         // of *scratch, the rankings' working memory
}

// doc is one entry, analysed for matching.
type doc struct {
	entry    knowledge.Entry
	phrases  []int32                         // its phrasings of questions, as indexes of Engine.phraseIDF
	gives    map[knowledge.QuestionType]bool // the details it gives
	reports  bool                            // it tells what someone said: it has quotes, or says so
	counts   map[string]bool                 // the terms its answer puts a number to
	quotes   []Quote                         // the entry's quotes, attributed
	facts    fact                            // its answer as the claim checker reads it
	agent    string                          // the name its title makes the doer: "iran" in "Iran's strike"
	owned    map[string][]string             // what names own in its title: retaliation → pakistan
	names    map[string]bool                 // the terms its answer gives a proper name for
	sorts    map[string]bool                 // the terms its answer qualifies: "long-range missiles"
	speakers map[string]bool                 // whose words it gives: its quotes' speakers, and for an entry that reports speech, the names in its title
	victims  map[string]bool                 // the names its answer tells were killed: Mousavi, Javidanfar

	weights map[string]float64 // term → the strongest field it appears in; only while building
	phrased [][]string         // the content terms of each phrasing; only while building
}

// phrase is one phrasing of a question an entry answers, as term ids.
type phrase struct {
	terms []int32  // distinct
	idf   float64  // the sum of its terms' idf
	pairs []uint64 // ordered pairs of adjacent terms, see pair
}

// posting says that an entry uses a term, with the weight of the strongest field it is in.
type posting struct {
	doc    int32
	weight float64
}

// pair packs an ordered pair of term ids into one comparable value.
func pair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// New builds an Engine from a loaded knowledge base.
func New(b *knowledge.Base, opts Options) (*Engine, error) {
	if b == nil {
		return nil, fmt.Errorf("answers: no knowledge base")
	}
	if opts.MinConfidence == 0 {
		opts.MinConfidence = DefaultMinConfidence
	}
	if opts.MinConfidence < 0 || opts.MinConfidence > 1 {
		return nil, fmt.Errorf("answers: min confidence %v is not in [0, 1]", opts.MinConfidence)
	}
	if opts.CloseMargin == 0 {
		opts.CloseMargin = 0.04
	}
	w := DefaultWeights()
	if opts.Weights != nil {
		w = *opts.Weights
	}
	if e := fromSnapshot(b, w); e != nil {
		e.base, e.opts, e.w = b, opts, w
		e.scratch.New = func() any { return new(scratch) }
		return e, nil
	}
	return build(b, opts, w), nil
}

// build analyses a knowledge base into an Engine: what New does when the base is not the
// one snapshot_gen.go was generated from.
func build(b *knowledge.Base, opts Options, w Weights) *Engine {
	groups := make([][]string, 0, len(b.Aliases)+len(b.People))
	for _, a := range b.Aliases {
		groups = append(groups, a.Terms)
	}
	for _, p := range b.People {
		groups = append(groups, append([]string{p.Name}, p.Aliases...))
	}
	e := &Engine{base: b, opts: opts, w: w, an: newAnalyzer(groups), terms: map[string]int32{}}
	e.scratch.New = func() any { return new(scratch) }
	e.source = Source{
		Outlet: b.Source.Outlet, OutletShort: b.Source.OutletShort, Author: b.Source.Author,
		AuthorRole: b.Source.AuthorRole, Title: b.Source.Title, Published: b.Source.Published,
		Citation: b.Source.Citation(),
	}

	// Written text tells names by their capitals; phrasings and keywords, typed as users
	// type, add words but not capitals.
	for _, en := range b.Entries {
		e.an.learn(en.Title, true)
		e.an.learn(en.Answer, true)
		for _, s := range append(append([]string{}, en.Questions...), en.Keywords...) {
			e.an.learn(s, false)
		}
	}
	for _, q := range b.Quotes {
		e.an.learn(q.Text, true)
		e.an.learn(strings.Join(q.Topics, " "), false)
	}
	for _, p := range b.People {
		e.an.learn(p.Name+" "+strings.Join(p.Aliases, " "), true)
	}
	for _, a := range b.Aliases {
		e.an.learn(strings.Join(a.Terms, " "), false)
	}
	e.an.freeze()

	e.offices, e.personTerms = map[string]bool{}, map[string]string{}
	for _, p := range b.People {
		for _, t := range e.an.analyze(p.Name, false) {
			if e.isName(t.term) {
				e.personTerms[t.term] = p.Entry
			}
		}
		for _, t := range e.an.analyze(p.Role, false) {
			if !t.stop && !t.number && !e.isName(t.term) {
				e.offices[t.term] = true
			}
		}
	}
	// Who speaks for each institution the experts work at, where only one does: "the
	// crisis group guy" is Vaez.
	e.staffOf = map[string]string{}
	shared := map[string]bool{}
	for _, p := range b.People {
		name := ""
		for _, t := range e.an.analyze(p.Name, false) {
			if _, ok := e.personTerms[t.term]; ok && name == "" {
				name = t.term
			}
		}
		if !p.Expert || name == "" {
			continue
		}
		for _, t := range e.an.analyze(p.Affiliation, false) {
			if _, person := e.personTerms[t.term]; t.stop || !e.isName(t.term) || person {
				continue
			}
			if _, ok := e.staffOf[t.term]; ok && e.staffOf[t.term] != name {
				shared[t.term] = true
			}
			e.staffOf[t.term] = name
		}
	}
	for t := range shared {
		delete(e.staffOf, t)
	}
	// Whose each office is, where the base's one holder of it has a country's: the
	// foreign minister the article names is Iran's.
	officeOwners := map[string][]string{}
	for _, p := range b.People {
		for term, owners := range e.possessions(e.an.analyze(p.Role, false)) {
			if e.offices[term] {
				officeOwners[term] = append(officeOwners[term], owners...)
			}
		}
	}
	e.docs = e.indexAll(b.Entries, officeOwners)
	e.docAt = make(map[string]int, len(e.docs))
	for i, d := range e.docs {
		e.docAt[d.entry.ID] = i
	}
	e.buildPostings()
	e.givers = map[knowledge.QuestionType][]bool{}
	for i, d := range e.docs {
		for t := range d.gives {
			if e.givers[t] == nil {
				e.givers[t] = make([]bool, len(e.docs))
			}
			e.givers[t][i] = true
		}
	}

	seen := map[string]bool{}
	for _, d := range e.docs {
		for i, q := range d.entry.Questions {
			if i >= 3 {
				break
			}
			if !seen[strings.ToLower(q)] {
				seen[strings.ToLower(q)] = true
				e.complete = append(e.complete, q)
			}
		}
	}
	for _, q := range b.Quotes {
		e.quoteWords = append(e.quoteWords, words(q.Text))
	}
	e.placeTerms = map[string]bool{}
	for _, p := range b.Places {
		for _, t := range e.an.analyze(p.Name+" "+p.In, false) {
			if !t.stop {
				e.placeTerms[t.term] = true
			}
		}
	}
	e.placeIn = map[string]string{}
	for _, p := range b.Places {
		var in []string
		for _, t := range e.an.analyze(p.In, false) {
			if !t.stop {
				in = append(in, t.term)
			}
		}
		for _, t := range e.an.analyze(p.Name, false) {
			if !t.stop && e.isName(t.term) {
				e.placeIn[t.term] = strings.Join(in, " ")
			}
		}
	}
	e.placeKind = e.kindsOfPlaces(b)
	e.countries = map[string]bool{}
	for _, a := range b.Aliases {
		if a.Kind == knowledge.AliasCountry {
			for _, t := range e.an.analyze(a.Terms[0], false) {
				if !t.stop && e.isName(t.term) {
					e.countries[t.term] = true
				}
			}
		}
	}
	e.givePlaces()
	e.eventNames = map[string]int{}
	for _, ev := range b.Events {
		toks := e.an.analyze(ev.Label+". "+ev.Text, false)
		e.eventToks = append(e.eventToks, toks)
		seen := map[string]bool{}
		for _, t := range toks {
			if !t.stop && e.isName(t.term) && !seen[t.term] {
				seen[t.term] = true
				e.eventNames[t.term]++
			}
		}
	}
	for _, p := range b.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			e.personNames = append(e.personNames, personName{name: p.Name, words: words(n)})
		}
	}
	e.personOf, e.firstPerson = map[string]string{}, map[string]string{}
	for _, en := range b.Entries {
		if p := e.firstPersonIn(en.Answer); p != "" {
			e.firstPerson[en.ID] = p
		}
		if p := e.personIn(en.Title); p != "" {
			e.personOf[en.ID] = p
		} else if en.Kind == knowledge.KindSource && strings.Contains(en.Title, b.Source.Author) {
			e.personOf[en.ID] = b.Source.Author // "who wrote it?" then "what does he do?"
		} else if ps := e.peopleIn(firstWords(en.Answer, 12)); len(ps) == 1 {
			// The one its answer opens with: "Tehran's chief diplomat, Iran's Foreign
			// Minister Hossein Amir Abdollahian, was due to visit…".
			e.personOf[en.ID] = ps[0]
		}
	}
	e.fallback = e.defaultSuggestions()
	e.topics = e.quoteTopics()
	return e
}

// indexAll analyses the entries into docs, on every processor: each entry's analysis
// only reads the frozen analyzer and the base.
func (e *Engine) indexAll(entries []knowledge.Entry, officeOwners map[string][]string) []doc {
	docs := make([]doc, len(entries))
	workers := min(runtime.GOMAXPROCS(0), len(entries))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(entries); i += workers {
				docs[i] = e.index(entries[i], officeOwners)
			}
		})
	}
	wg.Wait()
	return docs
}

// kindsOfPlaces finds the places the base names and what kind of place each is: the
// map's places and the names the entries put after "in", "at", "near" or "around"; a
// country or a province a place is in is a container, unless the article calls it
// something ("Saravan, an Iranian city", "Syria's Idlib province", "Rask, a town").
func (e *Engine) kindsOfPlaces(b *knowledge.Base) map[string]string {
	kinds := map[string]string{}
	for _, p := range b.Places {
		for _, t := range e.an.analyze(p.Name, false) {
			if !t.stop && e.isName(t.term) {
				kinds[t.term] = ""
			}
		}
	}
	called := map[string]string{}
	for _, en := range b.Entries {
		toks := e.an.analyze(en.Answer, false)
		for i, t := range toks {
			if t.stop || !e.isName(t.term) {
				continue
			}
			if afterLocative(toks, i) {
				if _, ok := kinds[t.term]; !ok {
					kinds[t.term] = "" // "in Riyadh", "in Pakistan's Balochistan province"
				}
			}
			if t.owner || demonyms[t.term] != "" || isAdjective(t.word) {
				continue // "an Iranian city" calls no Iranian a city
			}
			for _, n := range toks[i+1 : min(len(toks), i+4)] {
				if kind := settlementKind(n.word); kind != "" {
					called[t.term] = kind
					break
				}
				if !n.stop && !isAdjective(n.word) {
					break
				}
			}
		}
	}
	for _, p := range b.Places {
		for _, t := range e.an.analyze(p.In, false) {
			if !t.stop && e.isName(t.term) {
				kinds[t.term] = "container"
			}
		}
	}
	for t, kind := range called {
		if kinds[t] != "container" || kind != "town" {
			kinds[t] = kind
		}
	}
	return kinds
}

// locatives stand before the name of a place: "in Riyadh", "around Saravan".
var locatives = map[string]bool{"in": true, "at": true, "near": true, "around": true, "outside": true}

// reporters follow a name whose words an answer reports: "Iranian authorities", "Tehran said".
var reporters = map[string]bool{"said": true, "says": true, "claimed": true, "claims": true, "blamed": true,
	"called": true, "described": true, "authorities": true, "officials": true, "government": true,
	"stressed": true, "stress": true, "insisted": true, "denied": true, "announced": true,
	// Views held are words too: "many in Iran believe", "Iran sees militant Sunni groups…".
	"believe": true, "believes": true, "think": true, "thinks": true, "maintain": true,
	"maintains": true, "sees": true, "see": true, "perceive": true, "perceives": true, "consider": true}

// keenWords may stand between a name and the verb of what it said: "were keen to stress".
var keenWords = map[string]bool{"keen": true, "quick": true, "quickly": true, "eager": true, "also": true}

// index analyses one entry into a doc; officeOwners say whose each office is where the
// entry does not.
func (e *Engine) index(en knowledge.Entry, officeOwners map[string][]string) doc {
	d := doc{entry: en, weights: map[string]float64{}, gives: map[knowledge.QuestionType]bool{}}
	w := e.w
	add := func(s string, w float64) {
		for _, t := range e.an.withParts(s) {
			if !t.stop && d.weights[t.term] < w {
				d.weights[t.term] = w
			}
		}
	}
	for _, q := range en.Questions {
		terms := contentTerms(e.an.analyze(q, false))
		if noun := askedTimeNoun(q); noun != "" {
			// "What day did Iran fire missiles…" is phrased as "when did…" is asked: its
			// "day" says what is asked, not what it is about.
			terms = slices.DeleteFunc(terms, func(t string) bool { return t == stem(noun) })
		}
		d.phrased = append(d.phrased, terms)
		add(q, w.Question)
	}
	for _, k := range en.Keywords {
		add(k, w.Keyword)
	}
	add(en.Title, w.Title)
	for _, id := range en.Quotes {
		q, _ := e.base.Quote(id)
		p, _ := e.base.Person(q.Speaker)
		add(p.Name+" "+strings.Join(p.Aliases, " "), w.Keyword)
		add(q.Text+" "+strings.Join(q.Topics, " "), w.Quote)
		d.quotes = append(d.quotes, Quote{ID: q.ID, Text: q.Text, Speaker: p.DisplayName(), Role: p.Role, About: q.About})
	}
	add(en.Answer, w.Answer)
	answer := e.an.analyze(en.Answer, false)
	d.counts = counted(answer)
	for _, q := range d.quotes {
		// "its precise targeting of seven legitimate military targets": a quote's count
		// is the entry's too.
		maps.Copy(d.counts, counted(e.an.analyze(q.Text, false)))
	}
	for _, t := range en.Types {
		d.gives[t] = true
	}
	// An event's date answers "when"; a counted number, "how many".
	if en.Kind == knowledge.KindEvent && hasDate(answer) {
		d.gives[knowledge.TypeWhen] = true
	}
	if len(d.counts) > 0 {
		d.gives[knowledge.TypeHowMany] = true
	}
	d.reports = len(en.Quotes) > 0 || en.Kind == knowledge.KindPerson || en.Kind == knowledge.KindOpinion || d.gives[knowledge.TypeSay]
	d.facts = e.readFact(en.Answer, d.quotes)
	title := e.an.analyze(en.Title, false)
	// Whose deed the entry tells of; an expert's view or profile tells of no deed.
	if en.Kind != knowledge.KindOpinion && en.Kind != knowledge.KindPerson {
		d.agent = e.agent(title)
	}
	if en.Kind != knowledge.KindGroup {
		// A group's profile tells of the strikes on it as of its own attacks: its name
		// is not the doer of every deed its facts tell of.
		d.facts.agent = d.agent
	}
	d.owned = e.possessions(title) // an answer tells of both sides; its title, of one
	// An office the title leaves unowned, the answer may own: "Iran's Foreign Minister"
	// in the answer of an entry titled for the strike is Iran's, not Pakistan's. Other
	// words it owns tell of both sides ("Iran's strike" in Pakistan's retaliation).
	for term, owners := range e.possessions(answer) {
		if _, ok := d.owned[term]; !ok && e.offices[term] {
			if d.owned == nil {
				d.owned = map[string][]string{}
			}
			d.owned[term] = owners
		}
	}
	// "which its foreign minister called…": an office no name owns in the entry is its
	// one holder's, whose country the base gives.
	for _, t := range answer {
		if _, ok := d.owned[t.term]; !ok && len(officeOwners[t.term]) > 0 {
			if d.owned == nil {
				d.owned = map[string][]string{}
			}
			d.owned[t.term] = officeOwners[t.term]
		}
	}
	d.victims = e.victims(answer)
	d.names = map[string]bool{}
	for _, sentence := range sentences(en.Answer) {
		for t := range e.named(e.an.analyze(sentence, false)) {
			d.names[t] = true
		}
	}
	d.sorts = modified(e.an.withParts(en.Answer)) // "joint naval exercises", an alias, still gives the sort of exercises
	for _, id := range en.Quotes {
		// "what kind of cost does akhtar say iran paid?": her quote calls it intangible.
		if q, ok := e.base.Quote(id); ok {
			maps.Copy(d.sorts, modified(e.an.withParts(q.Text)))
		}
	}
	d.speakers = map[string]bool{}
	// Whose words it gives: its quotes' speakers, by name, role and affiliation ("the
	// Crisis Group analyst"), and for an entry that reports speech, the names in its title.
	speaks := func(toks []token) {
		for _, t := range toks {
			if !t.stop && (e.isName(t.term) || t.part) {
				d.speakers[t.term] = true
			}
		}
	}
	for _, id := range en.Quotes {
		q, _ := e.base.Quote(id)
		p, _ := e.base.Person(q.Speaker)
		speaks(e.an.withParts(p.Name + ". " + p.Role + ". " + p.Affiliation))
	}
	if d.reports {
		// The names of its title that speak: those before a verb of saying or seeing, or
		// before "of", "on", "about"; "How Pakistan sees the BLA and BLF" gives Pakistan's
		// words, not the BLA's.
		toks := e.an.withParts(en.Title)
		end := slices.IndexFunc(toks, func(t token) bool {
			return reporters[t.word] || t.word == "of" || t.word == "on" || t.word == "about"
		})
		if end < 0 {
			end = len(toks)
		}
		speaks(toks[:end])
	}
	{
		// "according to Iranian authorities", "Pakistani officials said", "Dr Rabia Akhtar
		// says": the names the answer reports the words of.
		toks := e.an.analyze(en.Answer, false)
		for i, t := range toks {
			if t.stop || !e.isName(t.term) {
				continue
			}
			// The verb within a few words after the name, before another name: "both
			// Tehran and Islamabad were keen to stress…" reports both capitals' words.
			reports, speech := false, false
			for j, n := range toks[i+1 : min(len(toks), i+6)] {
				if (n.word == "maintain" || n.word == "maintains") && (i+j+2 >= len(toks) || toks[i+j+2].word != "that") {
					break // "which maintain a presence": no view held
				}
				if reporters[n.word] {
					reports, speech = true, n.word == "claims" || n.word == "says"
					break
				}
				if !n.stop && e.isName(n.term) {
					continue // "Tehran and Islamabad": the verb is both names'
				}
				if !n.stop && !keenWords[n.word] {
					break
				}
			}
			before := ""
			if i >= 2 {
				before = toks[i-2].word + " " + toks[i-1].word
			}
			if reports || before == "according to" {
				d.speakers[t.term] = true
				// "Jaish al-Adl claims to be fighting for…", "Dr Umer Karim says…": the entry
				// reports their words, whatever it is about.
				d.reports = d.reports || speech
			}
		}
	}
	return d
}

// afterLocative reports whether the token at i follows a locative, straight or past an
// owner: "in Riyadh", "in Pakistan's Balochistan province".
func afterLocative(toks []token, i int) bool {
	return i > 0 && locatives[toks[i-1].word] || i > 1 && locatives[toks[i-2].word] && toks[i-1].owner
}

// givePlaces marks each event and fact that says where it happened, in a place the base
// names below a country ("a village in Pakistan's Balochistan province"), as answering "where".
func (e *Engine) givePlaces() {
	for i := range e.docs {
		d := &e.docs[i]
		if d.gives[knowledge.TypeWhere] || d.entry.Kind != knowledge.KindEvent && d.entry.Kind != knowledge.KindFact {
			continue
		}
		toks := e.an.analyze(d.entry.Answer, false)
		for j, t := range toks {
			if k, ok := e.placeKind[t.term]; ok && k != "container" && afterLocative(toks, j) {
				d.gives[knowledge.TypeWhere] = true
				break
			}
		}
	}
}

// buildPostings numbers the terms, weighs each by its rarity among entries (IDF), and
// builds the postings and the phrasings' term ids; the docs' build-time maps are dropped.
func (e *Engine) buildPostings() {
	var df []int
	for i := range e.docs {
		d := &e.docs[i]
		names := make([]string, 0, len(d.weights))
		for t := range d.weights {
			names = append(names, t)
		}
		sort.Strings(names) // term ids do not depend on map order
		for _, t := range names {
			id, ok := e.terms[t]
			if !ok {
				id = int32(len(df))
				e.terms[t] = id
				df = append(df, 0)
				e.postings = append(e.postings, nil)
			}
			df[id]++
			e.postings[id] = append(e.postings[id], posting{doc: int32(i), weight: d.weights[t]})
		}
	}
	n := float64(len(e.docs))
	e.idf = make([]float64, len(df))
	for id, c := range df {
		e.idf[id] = math.Log(1 + n/float64(c))
	}
	e.maxIDF = math.Log(1 + n/0.5)
	e.phraseTerms = make([][]int32, len(df))
	e.phrasePairs = map[uint64][]int32{}
	for i := range e.docs {
		d := &e.docs[i]
		for _, terms := range d.phrased {
			var p phrase
			prev := int32(-1)
			for k, t := range terms {
				id := e.terms[t]
				if !slices.Contains(p.terms, id) {
					p.terms = append(p.terms, id)
					p.idf += e.idf[id]
				}
				if k > 0 && id != prev && !slices.Contains(p.pairs, pair(prev, id)) {
					p.pairs = append(p.pairs, pair(prev, id))
				}
				prev = id
			}
			k := int32(len(e.phraseIDF))
			d.phrases = append(d.phrases, k)
			e.phraseIDF = append(e.phraseIDF, p.idf)
			for _, id := range p.terms {
				e.phraseTerms[id] = append(e.phraseTerms[id], k)
			}
			for _, pr := range p.pairs {
				e.phrasePairs[pr] = append(e.phrasePairs[pr], k)
			}
		}
		d.weights, d.phrased = nil, nil
	}
}

// askedTimeNoun returns the noun that makes a question ask when ("day" in "What day
// did…"), or "".
func askedTimeNoun(q string) string {
	ws := words(q)
	if len(ws) > 2 && (ws[0] == "what" || ws[0] == "which") && questionType(ws) == knowledge.TypeWhen {
		switch ws[1] {
		case "date", "dates", "day", "days", "year", "month":
			return ws[1]
		}
	}
	return ""
}

// contentTerms returns the terms of the tokens that carry a topic, in order.
func contentTerms(toks []token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if !t.stop {
			out = append(out, t.term)
		}
	}
	return out
}

// unknownSuggestions offers the entries nearest the question, or the defaults.
func (e *Engine) unknownSuggestions(ranked []scored) []Suggestion {
	var out []Suggestion
	for _, s := range ranked {
		if s.score < e.opts.MinConfidence/2 || len(out) == 3 {
			break
		}
		en := e.docs[s.doc].entry
		out = append(out, Suggestion{ID: en.ID, Question: en.Questions[0]})
	}
	if out = appendNew(out, e.fallback...); len(out) > 3 {
		out = out[:3]
	}
	return out
}

// defaultSuggestions are the overview entry's related questions, or the first entries.
func (e *Engine) defaultSuggestions() []Suggestion {
	var out []Suggestion
	for _, d := range e.docs {
		if d.entry.Kind != knowledge.KindOverview {
			continue
		}
		for _, id := range d.entry.Related {
			if en, ok := e.base.Entry(id); ok && len(out) < 3 {
				out = append(out, Suggestion{ID: en.ID, Question: en.Questions[0]})
			}
		}
		break
	}
	for _, d := range e.docs {
		if len(out) >= 3 {
			break
		}
		out = append(out, Suggestion{ID: d.entry.ID, Question: d.entry.Questions[0]})
	}
	return out
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
