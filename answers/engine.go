// Package answers is the bot's answer engine: it matches a question against the knowledge
// base and returns a platform-neutral Reply. It is pure, in memory and deterministic.
package answers

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/borderbot/borderbot/knowledge"
)

// MaxQuestionLen is the longest question, in characters, the engine will consider.
const MaxQuestionLen = 500

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
}

// Field weights: how strongly a word found in each part of an entry ties a question to it.
const (
	weightQuestion = 1.0
	weightKeyword  = 0.9
	weightTitle    = 0.85
	weightQuote    = 0.65
	weightAnswer   = 0.55
	// weightCorrected scales a word that was a typo correction.
	weightCorrected = 0.85
	// bonusType is added when the entry answers the question's type.
	bonusType = 0.06
	// weightPhrase is the share of the score that depends on how much of the entry's
	// best phrasing the question covers.
	weightPhrase = 0.3
	// bonusOrder scales the share of the question's adjacent word pairs, in order, that a
	// phrasing shares: it tells "Iran struck Pakistan" from "Pakistan struck Iran".
	bonusOrder = 0.08
	// factorCount scales the score of an entry that does not give the number a question
	// asks for: the nearest fact about missiles does not say how many were fired.
	factorCount = 0.4
	// weightUnknown and weightUnknownName scale the highest IDF for a question word the
	// base never uses: an ordinary word ("guy", "fast") counts a little less than the
	// rarest word the base knows; a name the user capitalised mid-sentence ("Afghanistan",
	// "Houthis") counts more, since a name the article never mentions is most often a
	// question about something it does not cover. Tuned on the dev, regression and a
	// blind question set together.
	weightUnknown     = 0.85
	weightUnknownName = 1.5
	// penaltySaid is taken off an entry that reports no one's words when the question
	// asks what someone said: "What did China say?" is not answered by a fact about China.
	penaltySaid = 0.25
)

// Engine answers questions from a knowledge base. It is safe for concurrent use.
type Engine struct {
	base     *knowledge.Base
	opts     Options
	an       *analyzer
	docs     []doc
	terms    map[string]int32 // every term of the base → its id
	idf      []float64        // by term id
	postings [][]posting      // by term id: the entries that use it, and how strongly
	maxIDF   float64
	source   Source
	complete []string // questions offered by autocomplete
	fallback []Suggestion
	topics   []string
}

// doc is one entry, analysed for matching.
type doc struct {
	entry   knowledge.Entry
	phrases []phrase        // its phrasings of questions
	types   map[string]bool // question types the entry answers
	reports bool            // it tells what someone said: it has quotes, or says so
	counts  map[string]bool // the terms its answer puts a number to
	quotes  []Quote         // the entry's quotes, attributed

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
	groups := make([][]string, 0, len(b.Aliases)+len(b.People))
	for _, a := range b.Aliases {
		groups = append(groups, a.Terms)
	}
	for _, p := range b.People {
		groups = append(groups, append([]string{p.Name}, p.Aliases...))
	}
	e := &Engine{base: b, opts: opts, an: newAnalyzer(groups), terms: map[string]int32{}}
	e.source = Source{
		Outlet: b.Source.Outlet, OutletShort: b.Source.OutletShort, Author: b.Source.Author,
		AuthorRole: b.Source.AuthorRole, Title: b.Source.Title, Published: b.Source.Published,
		Citation: b.Source.Citation(),
	}

	for _, en := range b.Entries {
		for _, s := range append(append([]string{en.Title, en.Answer}, en.Questions...), en.Keywords...) {
			e.an.learn(s)
		}
	}
	for _, q := range b.Quotes {
		e.an.learn(q.Text)
		e.an.learn(strings.Join(q.Topics, " "))
	}
	for _, p := range b.People {
		e.an.learn(p.Name + " " + strings.Join(p.Aliases, " "))
	}
	for _, a := range b.Aliases {
		e.an.learn(strings.Join(a.Terms, " "))
	}
	e.an.freeze()

	for _, en := range b.Entries {
		e.docs = append(e.docs, e.index(en))
	}
	e.buildPostings()

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
	e.fallback = e.defaultSuggestions()
	e.topics = e.quoteTopics()
	return e, nil
}

// index analyses one entry into a doc.
func (e *Engine) index(en knowledge.Entry) doc {
	d := doc{entry: en, weights: map[string]float64{}, types: map[string]bool{}}
	add := func(s string, w float64) {
		for _, t := range e.an.analyze(s, false) {
			if !t.stop && d.weights[t.term] < w {
				d.weights[t.term] = w
			}
		}
	}
	for _, q := range en.Questions {
		d.phrased = append(d.phrased, contentTerms(e.an.analyze(q, false)))
		add(q, weightQuestion)
	}
	for _, k := range en.Keywords {
		add(k, weightKeyword)
	}
	add(en.Title, weightTitle)
	for _, id := range en.Quotes {
		q, _ := e.base.Quote(id)
		p, _ := e.base.Person(q.Speaker)
		add(p.Name+" "+strings.Join(p.Aliases, " "), weightKeyword)
		add(q.Text+" "+strings.Join(q.Topics, " "), weightQuote)
		d.quotes = append(d.quotes, Quote{ID: q.ID, Text: q.Text, Speaker: p.DisplayName(), Role: p.Role, About: q.About})
	}
	add(en.Answer, weightAnswer)
	d.counts = counted(e.an.analyze(en.Answer, false))
	for _, t := range en.Types {
		d.types[t] = true
	}
	d.reports = len(en.Quotes) > 0 || en.Kind == "person" || en.Kind == "opinion" || d.types["say"]
	return d
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
			d.phrases = append(d.phrases, p)
		}
		d.weights, d.phrased = nil, nil
	}
}

// answersCount reports whether the entry can answer a question of this type about a
// quantity: a "how many X" needs an answer that puts a number to X, a "how many" of no
// named thing an entry that declares it gives a count, and a measure ("how long") nothing
// can answer. Other questions always pass.
func (d doc) answersCount(qtype string, countedTerms []string) bool {
	switch qtype {
	case "measure":
		return false
	case "howmany":
		if len(countedTerms) == 0 {
			return d.types["howmany"]
		}
		return slices.ContainsFunc(countedTerms, func(t string) bool { return d.counts[t] })
	}
	return true
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

// scored is an entry's score for one question.
type scored struct {
	doc   int
	score float64
}

// Answer answers one question. It never panics, whatever the input.
func (e *Engine) Answer(question string) Reply {
	question = strings.ToValidUTF8(question, "\uFFFD")
	q := strings.TrimSpace(question)
	r := Reply{Question: question, Source: e.source}
	switch {
	case q == "":
		r.Kind = KindEmpty
		r.Answer = "Ask me a question about the Iran–Pakistan strikes of January 2024, for example one of these."
		r.Suggestions = e.fallback
		return r
	case utf8.RuneCountInString(q) > MaxQuestionLen:
		r.Kind = KindTooLong
		r.Answer = fmt.Sprintf("Please ask a shorter question: I read questions of up to %d characters.", MaxQuestionLen)
		r.Suggestions = e.fallback
		return r
	}

	ranked := e.rank(q)
	if len(ranked) == 0 || ranked[0].score < e.opts.MinConfidence {
		r.Kind = KindUnknown
		if len(ranked) > 0 {
			r.Confidence = round(ranked[0].score)
		}
		r.Answer = "I don't know: the article I draw on does not answer that. You could ask one of these instead."
		r.Suggestions = e.unknownSuggestions(ranked)
		return r
	}
	best := e.docs[ranked[0].doc]
	r = e.reply(best, question)
	r.Confidence = round(math.Min(1, ranked[0].score))
	if len(ranked) > 1 && ranked[0].score-ranked[1].score < e.opts.CloseMargin &&
		ranked[1].score >= e.opts.MinConfidence {
		other := e.docs[ranked[1].doc].entry
		r.DidYouMean = &Suggestion{ID: other.ID, Question: other.Questions[0]}
		r.Quotes = fitQuotes(r.Answer, r.Quotes, len("\n\nDid you mean: ")+len(other.Questions[0]))
	}
	return r
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
		Question: question, Answered: true, Confidence: 1, Kind: d.entry.Kind, ID: d.entry.ID,
		Title: d.entry.Title, Answer: d.entry.Answer, Source: e.source,
	}
	r.Quotes = fitQuotes(r.Answer, d.quotes, 0)
	for _, id := range d.entry.Related {
		if rel, ok := e.base.Entry(id); ok {
			r.Suggestions = append(r.Suggestions, Suggestion{ID: rel.ID, Question: rel.Questions[0]})
		}
		if len(r.Suggestions) == 3 {
			break
		}
	}
	return r
}

// fitQuotes keeps the quotes, in order, that fit with the answer within MaxTextLen
// characters, leaving room for reserve more.
func fitQuotes(answer string, quotes []Quote, reserve int) []Quote {
	n := utf8.RuneCountInString(answer) + reserve
	var out []Quote
	for _, q := range quotes {
		l := utf8.RuneCountInString(q.Plain()) + 2
		if n+l > MaxTextLen {
			continue
		}
		n += l
		out = append(out, q)
	}
	return out
}

// rank scores every entry for the question, best first, dropping those that share no word.
func (e *Engine) rank(q string) []scored {
	toks := e.an.analyze(q, true)
	qwords := words(q)
	qtype := questionType(qwords)
	said := asksWhatWasSaid(qwords)
	var countedTerms []string
	if qtype == "howmany" {
		countedTerms = countedNoun(toks)
	}

	// The question's distinct content terms; a word the base never uses gets an id of
	// its own below zero, and counts fully against every entry: it is most often what
	// the article does not cover ("troops", "India").
	type qterm struct {
		term        string
		id          int32
		idf, weight float64
	}
	var qts []qterm
	var seq []int32 // the content terms' ids in order, repeats kept, for word pairs
	var total float64
	for _, t := range toks {
		if t.stop {
			continue
		}
		k := slices.IndexFunc(qts, func(q qterm) bool { return q.term == t.term })
		if k < 0 {
			qt := qterm{term: t.term, id: int32(-1 - len(qts)), idf: weightUnknown * e.maxIDF, weight: 1}
			if t.name {
				qt.idf = weightUnknownName * e.maxIDF
			}
			if id, known := e.terms[t.term]; known {
				qt.id, qt.idf = id, e.idf[id]
			}
			if t.corrected {
				qt.weight = weightCorrected
			}
			qts = append(qts, qt)
			total += qt.idf
			k = len(qts) - 1
		}
		seq = append(seq, qts[k].id)
	}
	if total == 0 {
		return nil
	}
	var qpairs []uint64
	for i := 1; i < len(seq); i++ {
		if p := pair(seq[i-1], seq[i]); seq[i-1] != seq[i] && !slices.Contains(qpairs, p) {
			qpairs = append(qpairs, p)
		}
	}
	got := make([]float64, len(e.docs))
	for _, qt := range qts {
		if qt.id < 0 {
			continue
		}
		for _, p := range e.postings[qt.id] {
			got[p.doc] += qt.idf * qt.weight * p.weight
		}
	}

	var out []scored
	for i, d := range e.docs {
		if got[i] == 0 {
			continue
		}
		coverage := got[i] / total
		// How much of the best-matching phrasing the question covers, and how many of
		// the question's word pairs it shares in order.
		var phrase, order float64
		for _, p := range d.phrases {
			if len(qpairs) > 0 {
				n := 0
				for _, qp := range qpairs {
					if slices.Contains(p.pairs, qp) {
						n++
					}
				}
				order = math.Max(order, float64(n)/float64(len(qpairs)))
			}
			var have float64
			for _, id := range p.terms {
				if slices.ContainsFunc(qts, func(q qterm) bool { return q.id == id }) {
					have += e.idf[id]
				}
			}
			if p.idf > 0 && have/p.idf > phrase {
				phrase = have / p.idf
			}
		}
		// Coverage of the question bounds the score: an entry that shares the common
		// words of a question but not its rarest one ("What did India say about the
		// strikes?") cannot score high however well its phrasing fits.
		s := coverage * (1 - weightPhrase + weightPhrase*phrase + bonusOrder*order)
		if qtype != "" && d.types[qtype] {
			s += bonusType * coverage
		}
		if !d.answersCount(qtype, countedTerms) {
			s *= factorCount
		}
		if said && !d.reports {
			s -= penaltySaid
		}
		out = append(out, scored{doc: i, score: s})
	}
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	return out
}

// Candidate is one entry's score for a question, as Explain reports it.
type Candidate struct {
	ID    string
	Score float64
}

// Explain returns the n entries that best match a question, with their scores, and the
// terms the question was reduced to: a tool for people editing the knowledge base.
func (e *Engine) Explain(question string, n int) ([]Candidate, []string) {
	var terms []string
	for _, t := range e.an.analyze(question, true) {
		if !t.stop {
			term := t.term
			if _, known := e.terms[term]; !known {
				term += "(unknown)"
			} else if t.corrected {
				term += "(corrected)"
			}
			terms = append(terms, term)
		}
	}
	var out []Candidate
	for i, s := range e.rank(question) {
		if i == n {
			break
		}
		out = append(out, Candidate{ID: e.docs[s.doc].entry.ID, Score: round(s.score)})
	}
	return out, terms
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
	for _, s := range e.fallback {
		if len(out) == 3 {
			break
		}
		dup := false
		for _, o := range out {
			dup = dup || o.ID == s.ID
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// defaultSuggestions are the overview entry's related questions, or the first entries.
func (e *Engine) defaultSuggestions() []Suggestion {
	var out []Suggestion
	for _, d := range e.docs {
		if d.entry.Kind != "overview" {
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
