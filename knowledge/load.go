package knowledge

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

//go:embed data/*.toml
var embedded embed.FS

//go:generate go run -tags knowledge_toml ./internal/gen

// Embedded returns the knowledge base compiled into the binary, validated: data/*.toml as
// `go generate` last read it into embedded_gen.go, so that start-up parses no TOML.
func Embedded() (*Base, error) {
	if generated == nil {
		return EmbeddedTOML() // built with -tags knowledge_toml, as the generator is
	}
	b := *generated
	if err := b.index(); err != nil {
		return nil, err
	}
	return &b, nil
}

// EmbeddedTOML loads the knowledge base compiled into the binary from its TOML files.
func EmbeddedTOML() (*Base, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("knowledge: embedded data: %w", err)
	}
	return Load(sub)
}

// LoadPath loads a knowledge base from a directory of TOML files, or from one TOML file.
func LoadPath(p string) (*Base, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	if info.IsDir() {
		return Load(os.DirFS(p))
	}
	return Load(singleFileFS{dir: path.Dir(p), name: path.Base(p)})
}

// singleFileFS exposes one file of a directory, so that LoadPath can load it alone.
type singleFileFS struct{ dir, name string }

func (s singleFileFS) Open(name string) (fs.File, error) {
	return os.DirFS(s.dir).Open(name)
}

func (s singleFileFS) ReadDir(name string) ([]fs.DirEntry, error) {
	all, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	for _, d := range all {
		if d.Name() == s.name {
			return []fs.DirEntry{d}, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", s.name, fs.ErrNotExist)
}

// file is the shape of one TOML file of the base; every table is optional.
type file struct {
	Source  *Source  `toml:"source"`
	People  []Person `toml:"person"`
	Quotes  []Quote  `toml:"quote"`
	Entries []Entry  `toml:"entry"`
	Events  []Event  `toml:"event"`
	Aliases []Alias  `toml:"alias"`
	Places  []Place  `toml:"place"`
}

// Load reads every *.toml file at the top of fsys, merges them and validates the result.
// An invalid base fails with errors that name the file, the item and the problem.
func Load(fsys fs.FS) (*Base, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, fmt.Errorf("knowledge: list files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("knowledge: no .toml files found")
	}
	sort.Strings(names)
	b := &Base{}
	var sourceFile string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("knowledge: %w", err)
		}
		var f file
		md, err := toml.Decode(string(data), &f)
		if err != nil {
			return nil, fmt.Errorf("knowledge: %s: %w", name, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			return nil, fmt.Errorf("knowledge: %s: unknown key %q", name, und[0].String())
		}
		if f.Source != nil {
			if sourceFile != "" {
				return nil, fmt.Errorf("knowledge: %s: [source] given again (first in %s)", name, sourceFile)
			}
			b.Source, sourceFile = *f.Source, name
		}
		for i := range f.People {
			f.People[i].File = name
		}
		for i := range f.Quotes {
			f.Quotes[i].File = name
		}
		for i := range f.Entries {
			f.Entries[i].File = name
		}
		for i := range f.Events {
			f.Events[i].File = name
		}
		for i := range f.Aliases {
			f.Aliases[i].File = name
		}
		for i := range f.Places {
			f.Places[i].File = name
		}
		b.People = append(b.People, f.People...)
		b.Quotes = append(b.Quotes, f.Quotes...)
		b.Entries = append(b.Entries, f.Entries...)
		b.Events = append(b.Events, f.Events...)
		b.Aliases = append(b.Aliases, f.Aliases...)
		b.Places = append(b.Places, f.Places...)
	}
	if err := b.index(); err != nil {
		return nil, err
	}
	sort.SliceStable(b.Events, func(i, j int) bool { return b.Events[i].Date < b.Events[j].Date })
	return b, nil
}

// index builds the lookup maps and validates the whole base, reporting every problem found.
func (b *Base) index() error {
	var errs []error
	bad := func(file, what, id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s %q: %s", file, what, id, fmt.Sprintf(format, args...)))
	}
	text := func(file, what, id, field, s string, required bool) {
		if required && strings.TrimSpace(s) == "" {
			bad(file, what, id, "%s is empty", field)
			return
		}
		if p := brokenText(s); p != "" {
			bad(file, what, id, "%s has %s", field, p)
		}
	}

	if b.Source.Outlet == "" || b.Source.Author == "" {
		errs = append(errs, errors.New("[source]: outlet and author are required"))
	}

	b.people = make(map[string]int, len(b.People))
	for i, p := range b.People {
		if p.ID == "" {
			bad(p.File, "person", p.Name, "id is empty")
		} else if _, dup := b.people[p.ID]; dup {
			bad(p.File, "person", p.ID, "id is used twice")
		}
		b.people[p.ID] = i
		text(p.File, "person", p.ID, "name", p.Name, true)
		text(p.File, "person", p.ID, "role", p.Role, true)
	}

	b.quotes = make(map[string]int, len(b.Quotes))
	for i, q := range b.Quotes {
		if q.ID == "" {
			bad(q.File, "quote", q.Text, "id is empty")
		} else if _, dup := b.quotes[q.ID]; dup {
			bad(q.File, "quote", q.ID, "id is used twice")
		}
		b.quotes[q.ID] = i
		text(q.File, "quote", q.ID, "text", q.Text, true)
		if _, ok := b.people[q.Speaker]; !ok {
			bad(q.File, "quote", q.ID, "speaker %q is not a person in the base", q.Speaker)
		}
	}

	b.entries = make(map[string]int, len(b.Entries))
	for i, e := range b.Entries {
		if e.ID == "" {
			bad(e.File, "entry", e.Title, "id is empty")
		} else if _, dup := b.entries[e.ID]; dup {
			bad(e.File, "entry", e.ID, "id is used twice")
		}
		b.entries[e.ID] = i
	}
	for _, e := range b.Entries {
		if !oneOf(Kinds, e.Kind) {
			bad(e.File, "entry", e.ID, "kind %q is not one of %s (in lower case)", e.Kind, names(Kinds))
		}
		text(e.File, "entry", e.ID, "title", e.Title, true)
		text(e.File, "entry", e.ID, "answer", e.Answer, true)
		if len(e.Questions) == 0 {
			bad(e.File, "entry", e.ID, "has no questions")
		}
		for _, q := range e.Questions {
			text(e.File, "entry", e.ID, "question", q, true)
		}
		for _, t := range e.Types {
			if !oneOf(QuestionTypes, t) {
				bad(e.File, "entry", e.ID, "type %q is not one of %s (in lower case)", t, names(QuestionTypes))
			}
		}
		for _, id := range e.Quotes {
			if _, ok := b.quotes[id]; !ok {
				bad(e.File, "entry", e.ID, "quote %q is not in the base", id)
			}
		}
		for _, id := range e.Related {
			if _, ok := b.entries[id]; !ok {
				bad(e.File, "entry", e.ID, "related entry %q is not in the base", id)
			} else if id == e.ID {
				bad(e.File, "entry", e.ID, "is related to itself")
			}
		}
		if e.Date != "" && !validDate(e.Date) {
			bad(e.File, "entry", e.ID, "date %q is not YYYY-MM-DD", e.Date)
		}
	}

	for _, p := range b.People {
		if p.Entry != "" {
			if _, ok := b.entries[p.Entry]; !ok {
				bad(p.File, "person", p.ID, "entry %q is not in the base", p.Entry)
			}
		}
	}

	for _, ev := range b.Events {
		if !validDate(ev.Date) {
			bad(ev.File, "event", ev.Date, "date is not YYYY-MM-DD")
		}
		text(ev.File, "event", ev.Date, "text", ev.Text, true)
		text(ev.File, "event", ev.Date, "label", ev.Label, false)
		if n := utf8.RuneCountInString(ev.Label); n > MaxEventLabel {
			bad(ev.File, "event", ev.Date, "label is %d characters, over %d", n, MaxEventLabel)
		}
		if ev.Entry != "" {
			if _, ok := b.entries[ev.Entry]; !ok {
				bad(ev.File, "event", ev.Date, "entry %q is not in the base", ev.Entry)
			}
		}
	}

	for _, a := range b.Aliases {
		if len(a.Terms) < 2 {
			bad(a.File, "alias", strings.Join(a.Terms, "/"), "needs at least two terms")
		}
		if a.Kind != AliasNone && a.Kind != AliasCountry {
			bad(a.File, "alias", strings.Join(a.Terms, "/"), "kind %q is not %q", a.Kind, AliasCountry)
		}
		for _, t := range a.Terms {
			text(a.File, "alias", strings.Join(a.Terms, "/"), "term", t, true)
		}
	}
	b.checkPlaces(bad, text)
	if len(errs) > 0 {
		return fmt.Errorf("knowledge: invalid base:\n%w", errors.Join(errs...))
	}
	return nil
}

func validDate(s string) bool {
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

// brokenSequences are the marks a wrong text encoding leaves, as seen in the source article.
var brokenSequences = []string{"Ěý", "Â", "Ã", "â€", "°®", "Ţ", "ţµ"}

// brokenText describes what is broken in s, or returns "" when s is clean.
func brokenText(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		if r == utf8.RuneError {
			return "a replacement character (U+FFFD)"
		}
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Sprintf("a control character (%U)", r)
		}
	}
	for _, seq := range brokenSequences {
		if strings.Contains(s, seq) {
			return fmt.Sprintf("broken characters %q from a wrong encoding", seq)
		}
	}
	return ""
}
