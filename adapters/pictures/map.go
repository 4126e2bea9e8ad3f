package pictures

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/borderbot/borderbot/answers"
)

// bordersJSON is the region's borders, generated from Natural Earth by go generate.
//
//go:embed borders.json
var bordersJSON []byte

// borders is bordersJSON decoded.
type borders struct {
	Source    string `json:"source"`
	Licence   string `json:"licence"`
	Countries []struct {
		ID    string      `json:"id"`
		Name  string      `json:"name"`
		Focus bool        `json:"focus"`
		Rings [][]float64 `json:"rings"`
	} `json:"countries"`
}

var loadBorders = sync.OnceValues(func() (borders, error) {
	var b borders
	if err := json.Unmarshal(bordersJSON, &b); err != nil {
		return b, fmt.Errorf("pictures: borders.json: %w", err)
	}
	return b, nil
})

// The map's extent: Syria's coast to Pakistan's Kashmir, the Arabian Sea to the Caspian.
const (
	mapWest, mapEast   = 34.8, 78.0
	mapSouth, mapNorth = 23.3, 40.2
	mapWidth           = 1200
)

var (
	countryStyle = style{bold: true, size: 24}
	markStyle    = style{bold: true, size: 20}
	nameStyle    = style{bold: true, size: 20}
	legendStyle  = style{bold: true, size: 22}
	whatStyle    = style{size: 22}
	noteStyle    = style{size: 18}
)

// projection maps degrees to pixels: equirectangular, true to scale at the middle latitude.
type projection struct {
	left, top, scale, cos float64
}

func (p projection) at(lon, lat float64) pt {
	return pt{p.left + (lon-mapWest)*p.cos*p.scale, p.top + (mapNorth-lat)*p.scale}
}

// Map draws the borders of Iran, Pakistan, Afghanistan, Iraq and Syria, with their
// neighbours fainter, and numbers and names the places on it; a legend below gives each place's
// date and what happened there. Places whose event is one of events' strikes are marked
// in the strike's colour. source is the citation written under the title.
func Map(places []answers.Place, events []answers.Event, source string, t Theme) (Picture, error) {
	c, _, err := drawMap(places, events, source, t)
	if err != nil {
		return Picture{}, err
	}
	data, err := c.encode()
	if err != nil {
		return Picture{}, err
	}
	b := c.img.Bounds()
	return Picture{Kind: KindMap, Theme: t, PNG: data, Width: b.Dx(), Height: b.Dy(),
		Title: mapTitle, Alt: mapAlt(byDate(places))}, nil
}

const mapTitle = "Where it happened"

// byDate orders places by date, keeping the base's order for a shared date.
func byDate(places []answers.Place) []answers.Place {
	out := slices.Clone(places)
	slices.SortStableFunc(out, func(a, b answers.Place) int { return a.Date.Compare(b.Date) })
	return out
}

// drawMap draws the map and returns what it wrote where, for tests.
func drawMap(places []answers.Place, events []answers.Event, source string, t Theme) (*canvas, []label, error) {
	if len(places) == 0 {
		return nil, nil, errors.New("pictures: map: no places")
	}
	bs, err := loadBorders()
	if err != nil {
		return nil, nil, err
	}
	places = byDate(places)
	pal := paletteOf(t)
	strikeColour := map[string]color.RGBA{}
	for _, ev := range events {
		if ev.Strike && ev.EntryID != "" {
			strikeColour[ev.EntryID] = []color.RGBA{pal.iran, pal.pakistan}[min(len(strikeColour), 1)]
		}
	}

	const headerH = 118
	inner := float64(mapWidth - 2*24)
	cos := math.Cos((mapNorth + mapSouth) / 2 * math.Pi / 180)
	proj := projection{left: 24, top: headerH, cos: cos}
	proj.scale = inner / ((mapEast - mapWest) * cos)
	mapH := int(math.Ceil((mapNorth - mapSouth) * proj.scale))
	mapRect := image.Rect(24, headerH, mapWidth-24, headerH+mapH)

	// The legend's height depends on its text: measure it first.
	measure := &writer{c: newCanvas(1, 1, pal.bg)}
	colW := (mapWidth - 2*margin - 32) / 2
	type item struct {
		p     answers.Place
		head  string
		lines []string
		h     int
	}
	items := make([]item, len(places))
	for i, p := range places {
		it := item{p: p, head: p.Name + " · " + shortDate(p.Date)}
		it.lines = measure.wrap(whatStyle, p.What, colW-44)
		it.h = measure.lineHeight(legendStyle) + len(it.lines)*measure.lineHeight(whatStyle) + 14
		items[i] = it
	}
	half := (len(items) + 1) / 2
	colH := [2]int{}
	for i, it := range items {
		colH[i/half] += it.h
	}
	height := mapRect.Max.Y + 24 + max(colH[0], colH[1]) + 40

	c := newCanvas(mapWidth, height, pal.bg)
	w := &writer{c: c}
	w.text(titleStyle, pal.text, margin, 24, mapTitle+": the places the article names")
	w.text(subStyle, pal.muted, margin, 74, source)

	// Sea, then neighbours, then the five countries the map is about, then their borders.
	c.rect(pal.sea, mapRect)
	ringsOf := func(focus bool) ([][]pt, []string) {
		var rings [][]pt
		var names []string
		for _, ct := range bs.Countries {
			if ct.Focus != focus {
				continue
			}
			for _, r := range ct.Rings {
				ring := make([]pt, 0, len(r)/2)
				for i := 0; i+1 < len(r); i += 2 {
					ring = append(ring, clampTo(proj.at(r[i], r[i+1]), mapRect))
				}
				rings = append(rings, ring)
			}
			names = append(names, ct.Name)
		}
		return rings, names
	}
	others, _ := ringsOf(false)
	focus, _ := ringsOf(true)
	c.polygon(pal.land, others...)
	c.polygon(pal.focusLand, focus...)
	for _, r := range others {
		c.line(pal.grid, 1.2, true, r...)
	}
	for _, r := range focus {
		c.line(pal.border, 2.2, true, r...)
	}

	// The places: a numbered marker each, and its name beside it where there is room
	// among the markers and the names placed before.
	const rad = 15
	marks := make([]pt, len(places))
	var taken []image.Rectangle
	for i, p := range places {
		marks[i] = proj.at(p.Lon, p.Lat)
		taken = append(taken, image.Rect(int(marks[i].x)-rad, int(marks[i].y)-rad, int(marks[i].x)+rad, int(marks[i].y)+rad))
	}
	type nameAt struct {
		text string
		at   image.Point
	}
	var names []nameAt
	for i, p := range places {
		nw, nh := w.width(nameStyle, p.Name), w.lineHeight(nameStyle)
		m := marks[i]
		tries := []image.Point{
			{int(m.x) + rad + 6, int(m.y) - nh/2},      // right
			{int(m.x) - rad - 6 - nw, int(m.y) - nh/2}, // left
			{int(m.x) - nw/2, int(m.y) - rad - 4 - nh}, // above
			{int(m.x) - nw/2, int(m.y) + rad + 4},      // below
			{int(m.x) + rad, int(m.y) + rad},           // below right
			{int(m.x) + rad, int(m.y) - rad - nh},      // above right
		}
		for _, at := range tries {
			box := image.Rect(at.X-3, at.Y-2, at.X+nw+3, at.Y+nh+2)
			if !box.In(mapRect) || overlapsAny(box, taken) {
				continue
			}
			taken = append(taken, box)
			names = append(names, nameAt{p.Name, at})
			break
		}
	}

	// The five countries' names, near the centre of each one's largest ring, moved up or
	// down out of the places' way.
	for _, ct := range bs.Countries {
		if !ct.Focus {
			continue
		}
		lon, lat := centre(ct.Rings)
		at := proj.at(lon, lat)
		name := strings.ToUpper(ct.Name)
		cw, ch := w.width(countryStyle, name), w.lineHeight(countryStyle)
		x := int(at.x) - cw/2
		for _, dy := range []int{0, 36, -36, 72, -72} {
			y := int(at.y) - 14 + dy
			box := image.Rect(x, y, x+cw, y+ch)
			if overlapsAny(box, taken) {
				continue
			}
			taken = append(taken, box)
			w.haloText(countryStyle, pal.muted, pal.focusLand, x, y, name)
			break
		}
	}
	for i, p := range places {
		col, ok := strikeColour[p.EntryID]
		if !ok {
			col = pal.event
		}
		c.disc(pal.halo, marks[i], rad+3)
		c.disc(col, marks[i], rad)
		n := strconv.Itoa(i + 1)
		nw := w.width(markStyle, n)
		w.text(markStyle, pal.bg, int(marks[i].x)-nw/2, int(marks[i].y)-12, n)
	}
	for _, n := range names {
		w.haloText(nameStyle, pal.text, pal.halo, n.at.X, n.at.Y, n.text)
	}

	// The legend, in two columns, in date order as the numbers are.
	y0 := mapRect.Max.Y + 24
	y := [2]int{y0, y0}
	for i, it := range items {
		col := i / half
		x := margin + col*(colW+32)
		mc, ok := strikeColour[it.p.EntryID]
		if !ok {
			mc = pal.event
		}
		centre := pt{float64(x + 15), float64(y[col] + 14)}
		c.disc(mc, centre, rad)
		n := strconv.Itoa(i + 1)
		w.text(markStyle, pal.bg, x+15-w.width(markStyle, n)/2, y[col]+2, n)
		w.text(legendStyle, pal.text, x+44, y[col], it.head)
		yy := y[col] + w.lineHeight(legendStyle)
		for _, l := range it.lines {
			w.text(whatStyle, pal.muted, x+44, yy, l)
			yy += w.lineHeight(whatStyle)
		}
		y[col] += it.h
	}
	w.text(noteStyle, pal.muted, margin, height-30, "Borders: Natural Earth (public domain), via the npm package world-atlas. Places and dates: the knowledge base, from the article.")
	if w.err != nil {
		return nil, nil, w.err
	}
	return c, w.drawn, nil
}

// clampTo keeps a point inside r, so that a ring cut at the map's edge closes along it.
func clampTo(p pt, r image.Rectangle) pt {
	return pt{math.Max(float64(r.Min.X), math.Min(float64(r.Max.X), p.x)), math.Max(float64(r.Min.Y), math.Min(float64(r.Max.Y), p.y))}
}

func overlapsAny(b image.Rectangle, taken []image.Rectangle) bool {
	for _, t := range taken {
		if b.Overlaps(t) {
			return true
		}
	}
	return false
}

// centre is the centroid of a country's largest ring, in degrees.
func centre(rings [][]float64) (lon, lat float64) {
	best := 0.0
	for _, r := range rings {
		var a, cx, cy float64
		n := len(r) / 2
		for i := 0; i < n; i++ {
			x0, y0 := r[2*i], r[2*i+1]
			x1, y1 := r[2*((i+1)%n)], r[2*((i+1)%n)+1]
			cross := x0*y1 - x1*y0
			a += cross
			cx += (x0 + x1) * cross
			cy += (y0 + y1) * cross
		}
		if math.Abs(a) > best && a != 0 {
			best = math.Abs(a)
			lon, lat = cx/(3*a), cy/(3*a)
		}
	}
	return lon, lat
}

// mapAlt describes the map for a screen reader.
func mapAlt(places []answers.Place) string {
	var b strings.Builder
	fmt.Fprintf(&b, "A map of Iran, Pakistan, Afghanistan, Iraq and Syria with their borders, numbering the %d places the article names, in date order:", len(places))
	for i, p := range places {
		name := p.Name
		if p.In != "" {
			name += " (" + p.In + ")"
		}
		sep := ";"
		if i == len(places)-1 {
			sep = "."
		}
		fmt.Fprintf(&b, " %d. %s, %s: %s%s", i+1, name, p.DateText(), p.What, sep)
	}
	return fitAlt(b.String())
}
