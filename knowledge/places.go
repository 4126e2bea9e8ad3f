package knowledge

import (
	"fmt"
	"math"
)

// Place is somewhere the article names, where something on the timeline happened.
type Place struct {
	ID    string  `toml:"id"`
	Name  string  `toml:"name"`  // as the article names it: "Saravan", "northern Iraq"
	In    string  `toml:"in"`    // what it is in, for a reader who cannot place it: "Sistan and Baluchistan, Iran"
	Lat   float64 `toml:"lat"`   // degrees north, where a map marks it
	Lon   float64 `toml:"lon"`   // degrees east
	Entry string  `toml:"entry"` // the event entry of what happened there, which gives its date
	What  string  `toml:"what"`  // what happened there, in a few words, as a map labels it

	File string `toml:"-"`
}

// Region is the part of the world every place must lie in: Syria to Pakistan.
var Region = struct{ MinLat, MaxLat, MinLon, MaxLon float64 }{MinLat: 22, MaxLat: 40, MinLon: 34, MaxLon: 76}

// checkPlaces validates the places against the entries, reporting each problem with bad.
func (b *Base) checkPlaces(bad func(file, what, id, format string, args ...any), text func(file, what, id, field, s string, required bool)) {
	seen := map[string]bool{}
	for _, p := range b.Places {
		if p.ID == "" {
			bad(p.File, "place", p.Name, "id is empty")
		} else if seen[p.ID] {
			bad(p.File, "place", p.ID, "id is used twice")
		}
		seen[p.ID] = true
		text(p.File, "place", p.ID, "name", p.Name, true)
		text(p.File, "place", p.ID, "in", p.In, false)
		text(p.File, "place", p.ID, "what", p.What, true)
		if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || p.Lat < Region.MinLat || p.Lat > Region.MaxLat || p.Lon < Region.MinLon || p.Lon > Region.MaxLon {
			bad(p.File, "place", p.ID, "lat %g, lon %g is outside the region the map shows (%s)", p.Lat, p.Lon, regionText())
		}
		e, ok := b.Entry(p.Entry)
		switch {
		case p.Entry == "":
			bad(p.File, "place", p.ID, "entry is empty: name the event entry that gives what happened there and when")
		case !ok:
			bad(p.File, "place", p.ID, "entry %q is not in the base", p.Entry)
		case e.Date == "":
			bad(p.File, "place", p.ID, "entry %q has no date", p.Entry)
		}
	}
}

func regionText() string {
	return fmt.Sprintf("lat %g to %g, lon %g to %g", Region.MinLat, Region.MaxLat, Region.MinLon, Region.MaxLon)
}
