package pictures

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"strings"
	"time"

	"github.com/borderbot/borderbot/answers"
)

// The timeline's size and type, in pixels.
const (
	timelineWidth = 1200
	margin        = 48
	labelWidth    = 200 // the widest an event's label may be
	rowGap        = 24  // between two labels of a row
)

var (
	titleStyle = style{bold: true, size: 36}
	subStyle   = style{size: 22}
	dateStyle  = style{bold: true, size: 24}
	bodyStyle  = style{size: 24}
	tickStyle  = style{size: 20}
)

// placed is one event's label and where it went.
type placed struct {
	ev    answers.Event
	lines []string
	box   image.Rectangle
	x     float64 // the event's point on the axis
	above bool
}

// Timeline draws the dated events on a time axis, each with its date and label, the
// strikes marked; source is the citation written under the title.
func Timeline(events []answers.Event, source string, t Theme) (Picture, error) {
	c, _, err := drawTimeline(events, source, t)
	if err != nil {
		return Picture{}, err
	}
	data, err := c.encode()
	if err != nil {
		return Picture{}, err
	}
	b := c.img.Bounds()
	return Picture{Kind: KindTimeline, Theme: t, PNG: data, Width: b.Dx(), Height: b.Dy(),
		Title: timelineTitle(events), Alt: timelineAlt(events)}, nil
}

func timelineTitle(events []answers.Event) string {
	return "Timeline, " + events[0].DateText() + " to " + events[len(events)-1].DateText()
}

// drawTimeline draws the timeline and returns what it wrote where, for tests.
func drawTimeline(events []answers.Event, source string, t Theme) (*canvas, []label, error) {
	if len(events) == 0 {
		return nil, nil, errors.New("pictures: timeline: no events")
	}
	pal := paletteOf(t)
	// Measure first, on a scratch canvas: the height depends on the labels.
	measure := &writer{c: newCanvas(1, 1, pal.bg)}
	first, last := events[0].Date, events[len(events)-1].Date
	from, to := first.AddDate(0, 0, -2), last.AddDate(0, 0, 2)
	x0, x1 := float64(margin), float64(timelineWidth-margin)
	xOf := func(d time.Time) float64 {
		return x0 + (x1-x0)*float64(d.Sub(from))/float64(to.Sub(from))
	}
	var rows [2][]*placed // above, below
	for i, ev := range events {
		text := ev.Label
		if text == "" {
			text = ev.Text
		}
		bs := bodyOf(ev)
		p := &placed{ev: ev, lines: measure.wrap(bs, text, labelWidth), x: xOf(ev.Date), above: i%2 == 0}
		w := measure.width(dateStyle, shortDate(ev.Date))
		for _, l := range p.lines {
			w = max(w, measure.width(bs, l))
		}
		h := measure.lineHeight(dateStyle) + len(p.lines)*measure.lineHeight(bodyStyle)
		p.box = image.Rect(0, 0, w, h)
		row := 1
		if p.above {
			row = 0
		}
		rows[row] = append(rows[row], p)
	}
	if measure.err != nil {
		return nil, nil, measure.err
	}
	for _, row := range rows {
		if err := pack(row, margin, timelineWidth-margin); err != nil {
			return nil, nil, err
		}
	}
	rowHeight := func(row []*placed) int {
		h := 0
		for _, p := range row {
			h = max(h, p.box.Dy())
		}
		return h
	}
	const leader = 56 // the room between the axis and a row, for the leader lines
	headerH := 140
	axisY := headerH + rowHeight(rows[0]) + leader
	height := axisY + 36 + leader + rowHeight(rows[1]) + margin/2 + 30

	c := newCanvas(timelineWidth, height, pal.bg)
	w := &writer{c: c}
	w.text(titleStyle, pal.text, margin, 28, timelineTitle(events))
	w.text(subStyle, pal.muted, margin, 80, source)

	// The axis, with a tick a week from the first event; the ticks' dates are written
	// last, over the leader lines.
	c.line(pal.axis, 3, false, pt{x0, float64(axisY)}, pt{x1, float64(axisY)})
	var ticks []time.Time
	for d := first; !d.After(to); d = d.AddDate(0, 0, 7) {
		x := xOf(d)
		c.line(pal.grid, 2, false, pt{x, float64(axisY - 8)}, pt{x, float64(axisY + 8)})
		ticks = append(ticks, d)
	}

	strikes := 0
	for i, row := range rows {
		for _, p := range row {
			col := pal.event
			if p.ev.Strike {
				col = []color.RGBA{pal.iran, pal.pakistan}[min(strikes, 1)]
				strikes++
			}
			// Place the row's box, then join it to its point on the axis.
			var top int
			var anchor pt
			if i == 0 {
				top = axisY - leader - p.box.Dy()
				anchor = pt{float64(p.box.Min.X + p.box.Dx()/2), float64(top + p.box.Dy() + 4)}
			} else {
				top = axisY + 36 + leader
				anchor = pt{float64(p.box.Min.X + p.box.Dx()/2), float64(top - 4)}
			}
			p.box = p.box.Add(image.Pt(0, top))
			c.line(col, 2, false, pt{p.x, float64(axisY)}, anchor)
			rad := 8.0
			if p.ev.Strike {
				rad = 13
				c.disc(pal.bg, pt{p.x, float64(axisY)}, rad+3)
			}
			c.disc(col, pt{p.x, float64(axisY)}, rad)
			y := p.box.Min.Y
			dateCol, bs := pal.text, bodyOf(p.ev)
			if p.ev.Strike {
				dateCol = col
			}
			w.text(dateStyle, dateCol, p.box.Min.X, y, shortDate(p.ev.Date))
			y += w.lineHeight(dateStyle)
			for _, l := range p.lines {
				w.text(bs, pal.text, p.box.Min.X, y, l)
				y += w.lineHeight(bodyStyle)
			}
		}
	}
	for _, d := range ticks {
		x := int(xOf(d)) - w.width(tickStyle, shortDay(d))/2
		w.haloText(tickStyle, pal.muted, pal.bg, x, axisY+12, shortDay(d))
	}
	if w.err != nil {
		return nil, nil, w.err
	}
	return c, w.drawn, nil
}

// bodyOf is the style of an event's label: bold for a strike.
func bodyOf(ev answers.Event) style {
	if ev.Strike {
		return style{bold: true, size: bodyStyle.size}
	}
	return bodyStyle
}

// pack moves a row's boxes apart so that none overlap, keeping their order, each as
// near its event's point as it can be and all between left and right.
func pack(row []*placed, left, right int) error {
	total := 0
	for _, p := range row {
		total += p.box.Dx() + rowGap
	}
	if total-rowGap > right-left {
		return fmt.Errorf("pictures: timeline: %d labels do not fit in a row of %d pixels", len(row), right-left)
	}
	for _, p := range row {
		x := int(p.x) - p.box.Dx()/2
		p.box = image.Rect(x, 0, x+p.box.Dx(), p.box.Dy())
	}
	// Push right past the one before, then back left from the right edge.
	next := left
	for _, p := range row {
		if p.box.Min.X < next {
			p.box = p.box.Add(image.Pt(next-p.box.Min.X, 0))
		}
		next = p.box.Max.X + rowGap
	}
	limit := right
	for i := len(row) - 1; i >= 0; i-- {
		p := row[i]
		if p.box.Max.X > limit {
			p.box = p.box.Add(image.Pt(limit-p.box.Max.X, 0))
		}
		limit = p.box.Min.X - rowGap
	}
	return nil
}

// shortDate is "16 Jan 2024".
func shortDate(d time.Time) string { return d.Format("2 Jan 2006") }

// shortDay is "16 Jan".
func shortDay(d time.Time) string { return d.Format("2 Jan") }

// timelineAlt describes the timeline for a screen reader.
func timelineAlt(events []answers.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "A timeline of %d events from %s to %s on a time axis.", len(events), events[0].DateText(), events[len(events)-1].DateText())
	var marked []string
	for _, ev := range events {
		if ev.Strike {
			marked = append(marked, ev.DateText()+" ("+labelOf(ev)+")")
		}
	}
	if len(marked) > 0 {
		fmt.Fprintf(&b, " Marked in colour: the strikes of %s.", strings.Join(marked, " and "))
	}
	b.WriteString(" The events:")
	for i, ev := range events {
		sep := ";"
		if i == len(events)-1 {
			sep = "."
		}
		fmt.Fprintf(&b, " %s, %s%s", ev.DateText(), labelOf(ev), sep)
	}
	return fitAlt(b.String())
}

func labelOf(ev answers.Event) string {
	if ev.Label != "" {
		return ev.Label
	}
	return ev.Text
}
