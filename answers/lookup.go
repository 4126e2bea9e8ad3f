package answers

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Suggest returns up to n questions the bot can answer that match what a user has typed
// so far, best first, for autocomplete; an empty prefix gives the first n questions.
func (e *Engine) Suggest(prefix string, n int) []string {
	return fuzzyPick(e.complete, prefix, n)
}

// SuggestExperts returns up to n expert names matching a fragment, for autocomplete.
func (e *Engine) SuggestExperts(prefix string, n int) []string {
	var names []string
	for _, p := range e.Experts() {
		names = append(names, p.Name)
	}
	return fuzzyPick(names, prefix, n)
}

// SuggestTopics returns up to n quote topics matching a fragment, for autocomplete.
func (e *Engine) SuggestTopics(prefix string, n int) []string {
	return fuzzyPick(e.topics, prefix, n)
}

// fuzzyPick returns up to n items that fuzzy-match the pattern, best first.
func fuzzyPick(items []string, pattern string, n int) []string {
	pattern = strings.TrimSpace(pattern)
	if n <= 0 {
		return nil
	}
	if len([]rune(pattern)) > MaxQuestionLen {
		return nil
	}
	if pattern == "" {
		return head(items, n)
	}
	var out []string
	for _, m := range fuzzy.Find(pattern, items) {
		out = append(out, m.Str)
		if len(out) == n {
			break
		}
	}
	return out
}

func head(items []string, n int) []string {
	if len(items) < n {
		n = len(items)
	}
	return append([]string(nil), items[:n]...)
}

// Experts returns the analysts the article interviews, in the article's order.
func (e *Engine) Experts() []Expert {
	var out []Expert
	for _, p := range e.base.Experts() {
		out = append(out, Expert{ID: p.ID, Name: p.DisplayName(), Role: p.Role,
			Affiliation: p.Affiliation, Quotes: len(e.base.QuotesBy(p.ID))})
	}
	return out
}

// findPerson resolves a name or a fragment of one ("vaez", "rabia", "parsi") to a person.
func (e *Engine) findPerson(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", false
	}
	var keys []string
	var ids []string
	for _, p := range e.base.People {
		for _, k := range append([]string{p.Name, p.DisplayName()}, p.Aliases...) {
			keys = append(keys, k)
			ids = append(ids, p.ID)
		}
	}
	for i, k := range keys {
		if strings.EqualFold(k, name) {
			return ids[i], true
		}
	}
	if m := fuzzy.Find(name, keys); len(m) > 0 {
		return ids[m[0].Index], true
	}
	return "", false
}

// Quotes returns the quotes by an expert and on a topic, either of which may be empty,
// best match first. An expert named but not found gives no quotes.
func (e *Engine) Quotes(expert, topic string) []Quote {
	speaker := ""
	if strings.TrimSpace(expert) != "" {
		id, ok := e.findPerson(expert)
		if !ok {
			return nil
		}
		speaker = id
	}
	type cand struct {
		q     Quote
		score float64
	}
	var cands []cand
	topicTerms := map[string]bool{}
	for _, t := range e.an.analyze(topic, true) {
		if !t.stop {
			topicTerms[t.term] = true
		}
	}
	for _, q := range e.base.Quotes {
		if speaker != "" && q.Speaker != speaker {
			continue
		}
		p, _ := e.base.Person(q.Speaker)
		c := cand{q: Quote{ID: q.ID, Text: q.Text, Speaker: p.DisplayName(), Role: p.Role, About: q.About}}
		if len(topicTerms) > 0 {
			have := map[string]float64{}
			for _, t := range e.an.analyze(strings.Join(q.Topics, " ")+" "+q.About, false) {
				have[t.term] = 1
			}
			for _, t := range e.an.analyze(q.Text, false) {
				if have[t.term] == 0 {
					have[t.term] = 0.5
				}
			}
			for t := range topicTerms {
				c.score += have[t] * e.idfOf(t)
			}
			if c.score == 0 {
				continue
			}
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	out := make([]Quote, len(cands))
	for i, c := range cands {
		out[i] = c.q
	}
	return out
}

func (e *Engine) idfOf(term string) float64 {
	if id, ok := e.terms[term]; ok {
		return e.idf[id]
	}
	return e.maxIDF
}

// quoteTopics lists the distinct topics of the base's quotes, in order of first use.
func (e *Engine) quoteTopics() []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range e.base.Quotes {
		for _, t := range q.Topics {
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// Timeline returns the dated events of the article, oldest first.
func (e *Engine) Timeline() []Event {
	out := make([]Event, len(e.base.Events))
	for i, ev := range e.base.Events {
		out[i] = Event{Date: ev.Time(), Text: ev.Text, EntryID: ev.Entry, Label: ev.Label, Strike: ev.Strike}
	}
	return out
}

// Source returns the article the bot's knowledge comes from.
func (e *Engine) Source() Source { return e.source }

// About describes what the bot knows and how to ask it.
func (e *Engine) About() About {
	a := About{Source: e.source, Entries: len(e.base.Entries), Quotes: len(e.base.Quotes)}
	for _, d := range e.docs {
		if d.entry.Kind == "overview" && a.Summary == "" {
			a.Summary = d.entry.Answer
		}
	}
	for _, s := range e.fallback {
		a.Examples = append(a.Examples, s.Question)
	}
	for _, d := range e.docs {
		if d.entry.Kind == "event" || d.entry.Kind == "group" || d.entry.Kind == "reason" {
			a.Topics = append(a.Topics, d.entry.Title)
		}
	}
	return a
}
