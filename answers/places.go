package answers

import (
	"time"

	"github.com/borderbot/borderbot/knowledge"
)

// Place is somewhere the article names, with what happened there and when.
type Place struct {
	ID      string
	Name    string    // as the article names it: "Saravan"
	In      string    // what it is in: "Sistan and Baluchistan, Iran"
	Lat     float64   // degrees north
	Lon     float64   // degrees east
	Date    time.Time // the date of what happened there
	What    string    // what happened there, in a few words
	EntryID string    // the event entry that tells more
}

// DateText is the place's date as the article writes dates: "18 January 2024".
func (p Place) DateText() string { return p.Date.Format("2 January 2006") }

// Places returns the places the article names, in the order the base lists them.
func (e *Engine) Places() []Place {
	out := make([]Place, 0, len(e.base.Places))
	for _, p := range e.base.Places {
		en, _ := e.base.Entry(p.Entry)
		d, _ := time.Parse(knowledge.DateLayout, en.Date)
		out = append(out, Place{ID: p.ID, Name: p.Name, In: p.In, Lat: p.Lat, Lon: p.Lon, Date: d, What: p.What, EntryID: p.Entry})
	}
	return out
}

// PlacesOf returns the places of what a reply answers with: of its entry, or of each
// of its parts' entries, without repeats.
func (e *Engine) PlacesOf(r Reply) []Place {
	ids := map[string]bool{r.ID: r.ID != ""}
	for _, p := range r.Parts {
		if p.Answered && p.ID != "" {
			ids[p.ID] = true
		}
	}
	var out []Place
	for _, p := range e.Places() {
		if ids[p.EntryID] {
			out = append(out, p)
		}
	}
	return out
}
