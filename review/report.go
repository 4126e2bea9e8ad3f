package review

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/borderbot/borderbot/adapters"
)

// Action is what a curator would do about a group of questions.
type Action string

// The actions a report suggests.
const (
	AddPhrasing Action = "add_phrasing" // the entry answers it, but the question was not read as its
	AddDetail   Action = "add_detail"   // the entry covers the subject, not the detail asked
	NewEntry    Action = "new_entry"    // no entry comes near: write one, if the article says
	CheckAnswer Action = "check_answer" // people voted the entry's answer down
)

// minEntryScore is the score under which the nearest entry is too far to group by or to
// suggest a phrasing for.
const minEntryScore = 0.25

// Group is questions that mean the same: the same normalised terms or the same nearest
// entry.
type Group struct {
	Count      int                       `json:"count"`
	Examples   []string                  `json:"examples"` // two or three, the most asked first
	Entry      string                    `json:"entry,omitempty"`
	EntryTitle string                    `json:"entry_title,omitempty"`
	Confidence float64                   `json:"confidence"` // the mean of the group's replies to questions; 0 for votes alone
	Outcomes   map[Outcome]int           `json:"outcomes"`
	Platforms  map[adapters.Platform]int `json:"platforms"`
	Action     Action                    `json:"action"`
	Advice     string                    `json:"advice"` // the action in words
	Last       time.Time                 `json:"last"`
}

// EntryVotes is the 👍 and 👎 one entry's answers got.
type EntryVotes struct {
	Entry string  `json:"entry"`
	Title string  `json:"title,omitempty"`
	Up    int     `json:"up"`
	Down  int     `json:"down"`
	Share float64 `json:"down_share"` // Down / (Up + Down)
}

// DayTotal is one day's questions by how they were answered.
type DayTotal struct {
	Date        string `json:"date"`
	Answered    int    `json:"answered"`
	NearMiss    int    `json:"near_miss"`
	NotAnswered int    `json:"not_answered"`
}

// Total is the day's questions.
func (d DayTotal) Total() int { return d.Answered + d.NearMiss + d.NotAnswered }

// Report is what the curators read: the groups most asked first, the entries by 👎
// share, and the questions per day.
type Report struct {
	Since     time.Time    `json:"since"`
	Until     time.Time    `json:"until"`
	Questions int          `json:"questions"` // records of questions, votes apart
	Votes     int          `json:"votes"`
	Groups    []Group      `json:"groups"`
	Entries   []EntryVotes `json:"entries"`
	Days      []DayTotal   `json:"days"`
}

// Filter narrows the records a report reads; an empty field matches all.
type Filter struct {
	Platform adapters.Platform
	Outcome  Outcome
}

// Match reports whether r passes the filter.
func (f Filter) Match(r Record) bool {
	return (f.Platform == "" || r.Platform == f.Platform) && (f.Outcome == "" || r.Outcome == f.Outcome)
}

// Build groups and ranks records from since to until; title names an entry (nil leaves
// titles out).
func Build(records []Record, days []Day, since, until time.Time, f Filter, title func(id string) string) Report {
	if title == nil {
		title = func(string) string { return "" }
	}
	rep := Report{Since: since.UTC(), Until: until.UTC(), Groups: []Group{}, Entries: []EntryVotes{}, Days: []DayTotal{}}
	var qs []Record
	votes := map[string]*EntryVotes{}
	for _, r := range records {
		if r.Time.Before(since) || r.Time.After(until) || !f.Match(r) {
			continue
		}
		if r.Outcome.IsVote() {
			rep.Votes++
			if r.Shown != "" {
				v := votes[r.Shown]
				if v == nil {
					v = &EntryVotes{Entry: r.Shown, Title: title(r.Shown)}
					votes[r.Shown] = v
				}
				if r.Outcome == VotedUp {
					v.Up++
				} else {
					v.Down++
				}
			}
			if r.Outcome == VotedUp {
				continue
			}
		} else {
			rep.Questions++
		}
		qs = append(qs, r)
	}
	rep.Groups = group(qs, title)
	for _, v := range votes {
		v.Share = float64(v.Down) / float64(v.Up+v.Down)
		rep.Entries = append(rep.Entries, *v)
	}
	slices.SortFunc(rep.Entries, func(a, b EntryVotes) int {
		return cmp.Or(cmp.Compare(b.Share, a.Share), cmp.Compare(b.Down, a.Down), cmp.Compare(a.Entry, b.Entry))
	})
	rep.Days = dayTotals(days, since, until, f)
	return rep
}

// dayTotals is one DayTotal for every day from since to until, empty days included.
func dayTotals(days []Day, since, until time.Time, f Filter) []DayTotal {
	by := map[string]*DayTotal{}
	var out []DayTotal
	for d := since.UTC().Truncate(24 * time.Hour); !d.After(until); d = d.Add(24 * time.Hour) {
		out = append(out, DayTotal{Date: d.Format(time.DateOnly)})
	}
	for i := range out {
		by[out[i].Date] = &out[i]
	}
	for _, d := range days {
		t := by[d.Date]
		if t == nil || (f.Platform != "" && d.Platform != f.Platform) {
			continue
		}
		switch d.Class {
		case ClassAnswered:
			t.Answered += d.Count
		case ClassNearMiss:
			t.NearMiss += d.Count
		case ClassNotAnswered:
			t.NotAnswered += d.Count
		}
	}
	if out == nil {
		out = []DayTotal{}
	}
	return out
}

// group puts together the records with the same normalised terms or the same nearest
// entry, and ranks the groups, most asked first.
func group(qs []Record, title func(string) string) []Group {
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	for i, r := range qs {
		for _, k := range groupKeys(r) {
			if j, ok := first[k]; ok {
				parent[find(i)] = find(j)
			} else {
				first[k] = i
			}
		}
	}
	members := map[int][]Record{}
	var roots []int
	for i, r := range qs {
		root := find(i)
		if _, ok := members[root]; !ok {
			roots = append(roots, root)
		}
		members[root] = append(members[root], r)
	}
	groups := []Group{}
	for _, root := range roots {
		groups = append(groups, summarise(members[root], title))
	}
	slices.SortStableFunc(groups, func(a, b Group) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), b.Last.Compare(a.Last), cmp.Compare(a.Examples[0], b.Examples[0]))
	})
	return groups
}

// groupKeys are the keys a record is grouped by: its normalised terms, and its nearest
// entry when that is near enough; a 👎 by the entry it voted down alone.
func groupKeys(r Record) []string {
	if r.Outcome == VotedDown {
		return []string{"down:" + r.Shown}
	}
	var keys []string
	if t := Terms(r.Question); t != "" {
		keys = append(keys, "terms:"+t)
	}
	if e := nearEntry(r); e != "" {
		keys = append(keys, "entry:"+e)
	}
	if len(keys) == 0 {
		keys = append(keys, "id:"+r.ID)
	}
	return keys
}

// nearEntry is the record's nearest entry, or "" when none scores minEntryScore.
func nearEntry(r Record) string {
	if len(r.Nearest) > 0 && r.Nearest[0].Score >= minEntryScore {
		return r.Nearest[0].ID
	}
	if len(r.Nearest) > 0 && r.Nearest[0].Score == 0 && r.Outcome != Unanswered {
		return r.Nearest[0].ID // a reply's own entry, when no engine ranked them
	}
	return ""
}

// summarise makes one group of its records.
func summarise(rs []Record, title func(string) string) Group {
	g := Group{Count: len(rs), Outcomes: map[Outcome]int{}, Platforms: map[adapters.Platform]int{}}
	asked := map[string]int{}
	entries := map[string]int{}
	var conf float64
	asks := 0
	for _, r := range rs {
		g.Outcomes[r.Outcome]++
		g.Platforms[r.Platform]++
		if !r.Outcome.IsVote() {
			conf += r.Confidence
			asks++
		}
		if q := strings.TrimSpace(r.Question); q != "" {
			asked[q]++
		}
		e := nearEntry(r)
		if r.Outcome == VotedDown {
			e = r.Shown
		}
		if e != "" {
			entries[e]++
		}
		if r.Time.After(g.Last) {
			g.Last = r.Time
		}
	}
	if asks > 0 {
		g.Confidence = round(conf / float64(asks))
	}
	g.Examples = mostFirst(asked, 3)
	if len(g.Examples) == 0 {
		g.Examples = []string{"(question not kept)"}
	}
	if best := mostFirst(entries, 1); len(best) > 0 {
		g.Entry = best[0]
		g.EntryTitle = title(g.Entry)
	}
	g.Action, g.Advice = advise(g)
	return g
}

// advise says what a curator would do about a group.
func advise(g Group) (Action, string) {
	name := g.Entry
	if g.EntryTitle != "" {
		name += " (" + g.EntryTitle + ")"
	}
	most := Unanswered
	for _, o := range Outcomes {
		if g.Outcomes[o] > g.Outcomes[most] {
			most = o
		}
	}
	switch {
	case most == VotedDown && g.Entry != "":
		return CheckAnswer, "check the answer of " + name + ": people voted it down"
	case most == NearMiss && g.Entry != "":
		return AddDetail, "add the detail asked to " + name + ", if the article gives it"
	case g.Entry != "":
		return AddPhrasing, "add a phrasing of these questions to " + name
	}
	return NewEntry, "write a new entry, if the article answers these questions"
}

// mostFirst is the keys of counts, the highest count first, at most n.
func mostFirst(counts map[string]int, n int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// stopwords are the words Terms leaves out: they say nothing of what is asked.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of in on at to for from by with about and or but is are was were be been
		do does did done what which who whom whose when where why how that this these those it its it's i me my we our
		you your he she they them their his her there here so than then as if not no yes can could would should will
		shall may might must any some all much many very just really actually pls please hey hi hello ok okay tell say
		said know anyone someone thing things get got has have had`) {
		stopwords[w] = true
	}
}

// Terms is a question's normalised terms: its words folded to lower case, without
// stop words and plural s, sorted and each once. Two questions with the same terms are
// put in one group.
func Terms(q string) string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if stopwords[w] || len(w) < 2 {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// ParseSince reads how far back to look: "7d", "2w", "36h", "90m", or a date
// "2026-01-31"; it returns the time since then.
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if n := len(s); n > 1 {
		k, err := strconv.Atoi(s[:n-1])
		if err == nil && k >= 0 {
			switch s[n-1] {
			case 'd':
				return now.Add(-time.Duration(k) * 24 * time.Hour), nil
			case 'w':
				return now.Add(-time.Duration(k) * 7 * 24 * time.Hour), nil
			}
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return time.Time{}, fmt.Errorf("since %q: want a duration such as 7d, 2w or 36h, or a date such as 2026-01-31", s)
	}
	return now.Add(-d), nil
}

// WriteJSON writes the report as indented JSON.
func (rep Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("review: write json: %w", err)
	}
	return nil
}

// outcomeWords names an outcome for people.
var outcomeWords = map[Outcome]string{
	Unanswered: "not answered", NearMiss: "not in the article", LowConfidence: "low confidence",
	CloseSecond: "close second", VotedDown: "👎", VotedUp: "👍",
}

// Words names the outcome for people.
func (o Outcome) Words() string {
	if w, ok := outcomeWords[o]; ok {
		return w
	}
	return string(o)
}

// VotesOnly reports whether the group is 👎 alone, with no question asked.
func (g Group) VotesOnly() bool { return g.Outcomes[VotedDown] == g.Count }

// OutcomeText is the group's outcomes in words, the most first: "5 not answered, 2 low confidence".
func (g Group) OutcomeText() string {
	var parts []string
	for _, o := range Outcomes {
		if n := g.Outcomes[o]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, o.Words()))
		}
	}
	return strings.Join(parts, ", ")
}

// WriteText writes the report for a terminal: the groups, most asked first, then the
// entries by 👎 share.
func (rep Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d questions and %d votes from %s to %s\n", rep.Questions, rep.Votes,
		rep.Since.Format("2006-01-02 15:04"), rep.Until.Format("2006-01-02 15:04 MST"))
	if len(rep.Groups) == 0 {
		b.WriteString("\nNothing to review.\n")
	}
	for i, g := range rep.Groups {
		fmt.Fprintf(&b, "\n%2d. %d× — %s", i+1, g.Count, g.OutcomeText())
		if g.Entry != "" {
			fmt.Fprintf(&b, " — nearest %s", g.Entry)
			if g.EntryTitle != "" {
				fmt.Fprintf(&b, " “%s”", g.EntryTitle)
			}
		}
		if !g.VotesOnly() {
			fmt.Fprintf(&b, " — confidence %.2f", g.Confidence)
		}
		b.WriteString("\n")
		for _, q := range g.Examples {
			fmt.Fprintf(&b, "      “%s”\n", q)
		}
		fmt.Fprintf(&b, "    → %s\n", g.Advice)
	}
	if len(rep.Entries) > 0 {
		b.WriteString("\nEntries by 👎 share\n")
		fmt.Fprintf(&b, "  %-28s %4s %4s %6s\n", "entry", "👍", "👎", "share")
		for _, e := range rep.Entries {
			fmt.Fprintf(&b, "  %-28s %4d %4d %5.0f%%\n", e.Entry, e.Up, e.Down, 100*e.Share)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("review: write text: %w", err)
	}
	return nil
}
