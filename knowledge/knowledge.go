// Package knowledge holds the bot's knowledge base: the facts, people, quotes and events
// drawn from one article, as human-editable TOML files embedded in the binary, and the
// Go types that describe them.
package knowledge

import (
	"fmt"
	"strings"
	"time"
)

// DateLayout is the layout of every date in the knowledge base.
const DateLayout = "2006-01-02"

// Source describes the article everything in the base comes from.
type Source struct {
	Outlet      string `toml:"outlet"`       // "The New Arab"
	OutletShort string `toml:"outlet_short"` // "TNA"
	Author      string `toml:"author"`       // "Giorgio Cafiero"
	AuthorRole  string `toml:"author_role"`  // "CEO of Gulf State Analytics"
	Title       string `toml:"title"`        // the subject of the analysis
	Published   string `toml:"published"`    // "January 2024"
	Kind        string `toml:"kind"`         // "analysis"
}

// Citation is the one-line credit shown under every answer.
func (s Source) Citation() string {
	return fmt.Sprintf("Source: %s, %s by %s (%s)", s.Outlet, s.Kind, s.Author, s.Published)
}

// Person is someone the article names or quotes.
type Person struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`        // "Rouzbeh Parsi"
	Honorific   string   `toml:"honorific"`   // "Dr", or empty
	Role        string   `toml:"role"`        // the full attribution, as the article gives it
	Affiliation string   `toml:"affiliation"` // the institution alone
	Expert      bool     `toml:"expert"`      // one of the analysts the article interviews
	Aliases     []string `toml:"aliases"`     // other ways to name them: surname, misspellings
	Entry       string   `toml:"entry"`       // the entry that describes them, if any

	File string `toml:"-"` // the file it was loaded from
}

// DisplayName is the name with its honorific, as the article writes it ("Dr Rouzbeh Parsi").
func (p Person) DisplayName() string {
	if p.Honorific == "" {
		return p.Name
	}
	return p.Honorific + " " + p.Name
}

// Quote is a verbatim statement by a person in the article.
type Quote struct {
	ID      string   `toml:"id"`
	Speaker string   `toml:"speaker"` // a Person ID
	Text    string   `toml:"text"`    // verbatim, after the source's documented repairs
	About   string   `toml:"about"`   // what it is about, in a few words
	Topics  []string `toml:"topics"`  // words a user might look it up by

	File string `toml:"-"`
}

// Entry is one answerable topic: a fact, an event, a group, a person, a reason.
type Entry struct {
	ID        string         `toml:"id"`
	Kind      Kind           `toml:"kind"`      // one of Kinds
	Title     string         `toml:"title"`     // a short heading
	Answer    string         `toml:"answer"`    // the plain-text answer, supported by the article
	Questions []string       `toml:"questions"` // phrasings of the questions it answers
	Keywords  []string       `toml:"keywords"`  // words and names that point to it
	Types     []QuestionType `toml:"types"`     // the details it gives, by the question types they answer: see QuestionTypes
	Quotes    []string       `toml:"quotes"`    // Quote IDs shown with the answer, most relevant first
	Related   []string       `toml:"related"`   // Entry IDs offered as follow-ups
	Date      string         `toml:"date"`      // YYYY-MM-DD when the entry is an event

	File string `toml:"-"`
}

// Event is one dated line of the timeline.
type Event struct {
	Date  string `toml:"date"`  // YYYY-MM-DD
	Text  string `toml:"text"`  // what happened, in one sentence
	Entry string `toml:"entry"` // the Entry that tells more, if any
	Label string `toml:"label"` // what happened in a few words, as a picture of the timeline labels it
	// Strike marks the two cross-border strikes the article is about, which a picture
	// of the timeline marks.
	Strike bool `toml:"strike"`

	File string `toml:"-"`
}

// MaxEventLabel is the most characters an event's label may have.
const MaxEventLabel = 44

// Time is the event's date as a time.Time; it is valid once the base has loaded.
func (e Event) Time() time.Time {
	t, _ := time.Parse(DateLayout, e.Date)
	return t
}

// Alias is a group of terms that mean the same thing to the bot; the first is canonical.
type Alias struct {
	Terms []string  `toml:"terms"`
	Kind  AliasKind `toml:"kind"` // what the terms name, when that matters: a country

	File string `toml:"-"`
}

// AliasKind is what the terms of an alias group name.
type AliasKind string

// The alias kinds the base accepts; most groups have none.
const (
	AliasNone    AliasKind = ""
	AliasCountry AliasKind = "country" // a state: "which countries…" is answered by naming it
)

// Kind is what an entry is about: an event, a group, a person, a reason…
type Kind string

// The entry kinds the base accepts.
const (
	KindOverview Kind = "overview" // the whole article in brief
	KindEvent    Kind = "event"    // something that happened on a date
	KindFact     Kind = "fact"     // a fact about the strikes or their context
	KindGroup    Kind = "group"    // an armed group
	KindPerson   Kind = "person"   // someone the article names or quotes
	KindOpinion  Kind = "opinion"  // an expert's view, with their quotes
	KindReason   Kind = "reason"   // a cause, or a reason to expect de-escalation
	KindSource   Kind = "source"   // the article itself: its author, its outlet
	KindTimeline Kind = "timeline" // the dated events in order
)

// Kinds lists the entry kinds the base accepts.
var Kinds = []Kind{KindOverview, KindEvent, KindFact, KindGroup, KindPerson, KindOpinion, KindReason, KindSource, KindTimeline}

// QuestionType is the kind of answer a question wants, and the kind of detail an entry
// gives: an entry that gives a date answers "when".
type QuestionType string

// The question types. An entry answers a when, where, who, why or how-many question only
// when it declares that type (a date or a counted number in its answer declares when or
// how many by itself); "what", "how" and "yesno" are open to any entry that matches.
const (
	TypeWhat    QuestionType = "what"
	TypeWhen    QuestionType = "when"    // gives a date
	TypeWhere   QuestionType = "where"   // gives a place
	TypeWho     QuestionType = "who"     // names a person or a group, or says who someone is
	TypeWhy     QuestionType = "why"     // gives a reason
	TypeHow     QuestionType = "how"     // says how something was done
	TypeHowMany QuestionType = "howmany" // gives a count
	TypeYesNo   QuestionType = "yesno"   // settles a yes-or-no question
	TypeSay     QuestionType = "say"     // reports what someone said, without quoting them
	TypeOpinion QuestionType = "opinion" // gathers the experts' views, for a request to take a side
	TypeMeasure QuestionType = "measure" // a length, an age, a size: no entry gives one
)

// QuestionTypes lists the question types an entry may declare that it answers.
var QuestionTypes = []QuestionType{TypeWhat, TypeWhen, TypeWhere, TypeWho, TypeWhy, TypeHow, TypeHowMany, TypeYesNo, TypeSay, TypeOpinion}

// Gives reports whether the entry declares that it gives the detail a question type asks for.
func (e Entry) Gives(t QuestionType) bool {
	for _, have := range e.Types {
		if have == t {
			return true
		}
	}
	return false
}

// Base is a loaded, validated knowledge base. It is read-only after Load.
type Base struct {
	Source  Source
	People  []Person
	Quotes  []Quote
	Entries []Entry
	Events  []Event // sorted by date
	Aliases []Alias
	Places  []Place // in the order the base lists them

	people  map[string]int
	quotes  map[string]int
	entries map[string]int
}

// Person returns the person with the given ID.
func (b *Base) Person(id string) (Person, bool) {
	i, ok := b.people[id]
	if !ok {
		return Person{}, false
	}
	return b.People[i], true
}

// Quote returns the quote with the given ID.
func (b *Base) Quote(id string) (Quote, bool) {
	i, ok := b.quotes[id]
	if !ok {
		return Quote{}, false
	}
	return b.Quotes[i], true
}

// Entry returns the entry with the given ID.
func (b *Base) Entry(id string) (Entry, bool) {
	i, ok := b.entries[id]
	if !ok {
		return Entry{}, false
	}
	return b.Entries[i], true
}

// Experts returns the people the article interviews, in the order the base lists them.
func (b *Base) Experts() []Person {
	var out []Person
	for _, p := range b.People {
		if p.Expert {
			out = append(out, p)
		}
	}
	return out
}

// QuotesBy returns the quotes of one person, in the order the base lists them.
func (b *Base) QuotesBy(personID string) []Quote {
	var out []Quote
	for _, q := range b.Quotes {
		if q.Speaker == personID {
			out = append(out, q)
		}
	}
	return out
}

// Stats counts what a base holds.
type Stats struct {
	Entries, People, Experts, Quotes, Events, Aliases, Questions int
}

// Stats counts the base's contents.
func (b *Base) Stats() Stats {
	s := Stats{Entries: len(b.Entries), People: len(b.People), Quotes: len(b.Quotes),
		Events: len(b.Events), Aliases: len(b.Aliases), Experts: len(b.Experts())}
	for _, e := range b.Entries {
		s.Questions += len(e.Questions)
	}
	return s
}

// String reports the counts in one line.
func (s Stats) String() string {
	return fmt.Sprintf("%d entries, %d questions, %d people (%d experts), %d quotes, %d events, %d alias groups",
		s.Entries, s.Questions, s.People, s.Experts, s.Quotes, s.Events, s.Aliases)
}

// oneOf reports whether v is in list, exactly: "Overview" is not "overview".
func oneOf[T ~string](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// names joins a list of typed names for an error message.
func names[T ~string](list []T) string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return strings.Join(out, ", ")
}
