package pictures

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// pt is a point in pixels.
type pt struct{ x, y float64 }

// canvas is an image being drawn, with its rasterizer.
type canvas struct {
	img *image.RGBA
	r   vector.Rasterizer
}

func newCanvas(w, h int, bg color.Color) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	c.r.Reset(w, h)
	return c
}

// fill draws the path built by path in one colour, antialiased. Only the path's
// bounding box is rasterized, so small shapes cost little.
func (c *canvas) fill(col color.Color, path func(r *pathRec)) {
	var rec pathRec
	path(&rec)
	if len(rec.ops) == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, o := range rec.ops {
		minX, minY = math.Min(minX, o.p.x), math.Min(minY, o.p.y)
		maxX, maxY = math.Max(maxX, o.p.x), math.Max(maxY, o.p.y)
	}
	box := image.Rect(int(math.Floor(minX))-1, int(math.Floor(minY))-1, int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	c.r.Reset(box.Dx(), box.Dy())
	c.r.DrawOp = draw.Over
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, o := range rec.ops {
		x, y := float32(o.p.x-ox), float32(o.p.y-oy)
		switch o.kind {
		case opMove:
			c.r.MoveTo(x, y)
		case opLine:
			c.r.LineTo(x, y)
		case opClose:
			c.r.ClosePath()
		}
	}
	c.r.Draw(c.img, box, image.NewUniform(col), image.Point{})
}

// pathRec records a path, to be rasterized within its bounding box.
type pathRec struct{ ops []pathOp }

type pathOp struct {
	kind uint8
	p    pt
}

const (
	opMove uint8 = iota
	opLine
	opClose
)

func (r *pathRec) MoveTo(x, y float32) {
	r.ops = append(r.ops, pathOp{opMove, pt{float64(x), float64(y)}})
}
func (r *pathRec) LineTo(x, y float32) {
	r.ops = append(r.ops, pathOp{opLine, pt{float64(x), float64(y)}})
}
func (r *pathRec) ClosePath() {
	if n := len(r.ops); n > 0 {
		r.ops = append(r.ops, pathOp{opClose, r.ops[n-1].p})
	}
}

// polygon fills a closed polygon.
func (c *canvas) polygon(col color.Color, rings ...[]pt) {
	c.fill(col, func(r *pathRec) {
		for _, ring := range rings {
			if len(ring) < 3 {
				continue
			}
			r.MoveTo(float32(ring[0].x), float32(ring[0].y))
			for _, p := range ring[1:] {
				r.LineTo(float32(p.x), float32(p.y))
			}
			r.ClosePath()
		}
	})
}

// line strokes a polyline of width w; closed joins its last point to its first.
func (c *canvas) line(col color.Color, w float64, closed bool, pts ...pt) {
	c.fill(col, func(r *pathRec) {
		n := len(pts)
		segs := n - 1
		if closed {
			segs = n
		}
		for i := 0; i < segs; i++ {
			quad(r, pts[i], pts[(i+1)%n], w/2)
		}
		if w > 1.5 {
			for _, p := range pts {
				circlePath(r, p, w/2)
			}
		}
	})
}

// quad adds a segment a–b of half-width h as a rectangle, always wound the same way so
// that overlapping pieces add up rather than cancel.
func quad(r *pathRec, a, b pt, h float64) {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*h, dx/l*h
	r.MoveTo(float32(a.x+nx), float32(a.y+ny))
	r.LineTo(float32(b.x+nx), float32(b.y+ny))
	r.LineTo(float32(b.x-nx), float32(b.y-ny))
	r.LineTo(float32(a.x-nx), float32(a.y-ny))
	r.ClosePath()
}

// circlePath adds a circle, wound as quad winds (against the angle, y pointing down).
func circlePath(r *pathRec, c pt, rad float64) {
	const n = 32
	r.MoveTo(float32(c.x+rad), float32(c.y))
	for i := 1; i < n; i++ {
		a := -2 * math.Pi * float64(i) / n
		r.LineTo(float32(c.x+rad*math.Cos(a)), float32(c.y+rad*math.Sin(a)))
	}
	r.ClosePath()
}

// disc fills a circle.
func (c *canvas) disc(col color.Color, at pt, rad float64) {
	c.fill(col, func(r *pathRec) { circlePath(r, at, rad) })
}

// rect fills a rectangle.
func (c *canvas) rect(col color.Color, rc image.Rectangle) {
	draw.Draw(c.img, rc, image.NewUniform(col), image.Point{}, draw.Over)
}

// encode writes the canvas as PNG.
func (c *canvas) encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, c.img); err != nil {
		return nil, fmt.Errorf("pictures: encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// style is a font at a size.
type style struct {
	bold bool
	size float64
}

// fonts are the Go fonts, parsed once; a parsed font is safe for concurrent use, but a
// face made from it is not, so each drawing makes its own (writer.face).
var fonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return [2]*opentype.Font{}, fmt.Errorf("pictures: parse Go Regular: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return [2]*opentype.Font{}, fmt.Errorf("pictures: parse Go Bold: %w", err)
	}
	return [2]*opentype.Font{regular, bold}, nil
})

// face makes the face of a style. It fails only if the embedded fonts are broken.
func face(s style) (font.Face, error) {
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	src := fs[0]
	if s.bold {
		src = fs[1]
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: s.size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("pictures: font face at %gpx: %w", s.size, err)
	}
	return f, nil
}

// writer draws text on a canvas and records where each piece went.
type writer struct {
	c      *canvas
	err    error
	drawn  []label // every piece of text, in the order drawn
	styles map[style]font.Face
}

// label is a piece of text and the box it was drawn in.
type label struct {
	text string
	box  image.Rectangle
}

func (w *writer) face(s style) font.Face {
	if f, ok := w.styles[s]; ok {
		return f
	}
	f, err := face(s)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		f = basicfont.Face7x13
	}
	if w.styles == nil {
		w.styles = map[style]font.Face{}
	}
	w.styles[s] = f
	return f
}

// width is how wide text is in a style, in pixels.
func (w *writer) width(s style, text string) int {
	return font.MeasureString(w.face(s), text).Ceil()
}

// lineHeight is the distance between lines of a style.
func (w *writer) lineHeight(s style) int { return int(math.Ceil(s.size * 1.25)) }

// text draws one line with its top-left corner at (x, y) and returns its box.
func (w *writer) text(s style, col color.Color, x, y int, text string) image.Rectangle {
	f := w.face(s)
	m := f.Metrics()
	d := font.Drawer{Dst: w.c.img, Src: image.NewUniform(col), Face: f,
		Dot: fixed.P(x, y+m.Ascent.Ceil())}
	d.DrawString(text)
	box := image.Rect(x, y, x+w.width(s, text), y+(m.Ascent+m.Descent).Ceil())
	w.drawn = append(w.drawn, label{text: text, box: box})
	return box
}

// haloText draws a line over a halo of the background colour, for text on a map.
func (w *writer) haloText(s style, col, halo color.Color, x, y int, text string) image.Rectangle {
	f := w.face(s)
	m := f.Metrics()
	for _, o := range [][2]int{{-2, 0}, {2, 0}, {0, -2}, {0, 2}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		d := font.Drawer{Dst: w.c.img, Src: image.NewUniform(halo), Face: f, Dot: fixed.P(x+o[0], y+o[1]+m.Ascent.Ceil())}
		d.DrawString(text)
	}
	return w.text(s, col, x, y, text)
}

// wrap cuts text into lines no wider than width, at spaces.
func (w *writer) wrap(s style, text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && w.width(s, try) > width {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// centred draws a line centred on x.
func (w *writer) centred(s style, col color.Color, x, y int, text string) image.Rectangle {
	return w.text(s, col, x-w.width(s, text)/2, y, text)
}
