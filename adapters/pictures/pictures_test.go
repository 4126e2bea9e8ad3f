package pictures

import (
	"bytes"
	"context"
	"errors"
	"flag"

	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borderbot/borderbot/answers"
	"github.com/borderbot/borderbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/")

func newEngine(tb testing.TB) *answers.Engine {
	tb.Helper()
	b, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	e, err := answers.New(b, answers.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

var themes = []Theme{ThemeLight, ThemeDark}

// drawn is one cache of every picture, drawn once (by Warm) for the tests that read them.
var drawn = sync.OnceValues(func() (*Cache, error) {
	b, err := knowledge.Embedded()
	if err != nil {
		return nil, err
	}
	e, err := answers.New(b, answers.Options{})
	if err != nil {
		return nil, err
	}
	c := NewCache(e)
	return c, c.Warm(context.Background())
})

func drawnCache(t *testing.T) *Cache {
	t.Helper()
	c, err := drawn()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// decodeRGBA decodes a PNG into RGBA pixels, for fast comparisons.
func decodeRGBA(t *testing.T, data []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if rgba, ok := img.(*image.RGBA); ok {
		return rgba
	}
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

// TestPicturesDecode draws each picture in each theme and reads it back: a PNG of the
// size it says, mostly not background, its background the theme's.
func TestPicturesDecode(t *testing.T) {
	c := drawnCache(t)
	for _, kind := range []Kind{KindTimeline, KindMap} {
		for _, th := range themes {
			p, err := c.Get(context.Background(), kind, th)
			if err != nil {
				t.Fatalf("%s %s: %v", kind, th, err)
			}
			img := decodeRGBA(t, p.PNG)
			b := img.Bounds()
			if b.Dx() != p.Width || b.Dy() != p.Height {
				t.Errorf("%s %s: decoded %dx%d, says %dx%d", kind, th, b.Dx(), b.Dy(), p.Width, p.Height)
			}
			// Wide enough to read when a platform shrinks it to its column, not so tall that it shrinks more.
			if p.Width != 1200 || p.Height < 400 || p.Height > 1100 {
				t.Errorf("%s %s: %dx%d, want 1200 wide and 400 to 1100 high", kind, th, p.Width, p.Height)
			}
			bg := paletteOf(th).bg
			if got := img.RGBAAt(2, 2); got != bg {
				t.Errorf("%s %s: background %v, want %v", kind, th, got, bg)
			}
			drawn, colours := 0, map[color.RGBA]bool{}
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					px := img.RGBAAt(x, y)
					colours[px] = true
					if px != bg {
						drawn++
					}
				}
			}
			share := float64(drawn) / float64(b.Dx()*b.Dy()/4)
			min := 0.08
			if kind == KindMap {
				min = 0.4
			}
			if share < min || len(colours) < 50 {
				t.Errorf("%s %s: %.0f%% drawn in %d colours; want at least %.0f%% and 50 colours", kind, th, 100*share, len(colours), 100*min)
			}
			if p.Alt == "" || len([]rune(p.Alt)) > MaxAlt || p.Title == "" {
				t.Errorf("%s %s: alt text of %d characters, title %q", kind, th, len([]rune(p.Alt)), p.Title)
			}
		}
	}
}

// TestThemesAreLegible checks that text stands out from the background in both themes
// (WCAG's 4.5:1 for text, 3:1 for the markers).
func TestThemesAreLegible(t *testing.T) {
	for _, th := range themes {
		p := paletteOf(th)
		for name, pair := range map[string][2]color.RGBA{
			"text": {p.text, p.bg}, "muted text": {p.muted, p.bg}, "map text": {p.text, p.focusLand},
		} {
			if r := contrast(pair[0], pair[1]); r < 4.5 {
				t.Errorf("%s theme: %s contrast %.1f:1, want at least 4.5:1", th, name, r)
			}
		}
		for name, c := range map[string]color.RGBA{"Iran's strike": p.iran, "Pakistan's strike": p.pakistan, "event": p.event} {
			if r := contrast(c, p.bg); r < 3 {
				t.Errorf("%s theme: %s marker contrast %.1f:1, want at least 3:1", th, name, r)
			}
			if r := contrast(p.bg, c); r < 3 {
				t.Errorf("%s theme: the number on a %s marker has contrast %.1f:1, want at least 3:1", th, name, r)
			}
		}
	}
}

func contrast(a, b color.RGBA) float64 {
	l1, l2 := luminance(a), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// TestEveryLabelIsInside checks that every event's date and label, and every place's
// name, date and what happened there, is drawn inside the picture, and that no two
// labels of the timeline overlap.
func TestEveryLabelIsInside(t *testing.T) {
	e := newEngine(t)
	events := e.Timeline()
	for _, th := range themes {
		c, drawn, err := drawTimeline(events, "Source", th)
		if err != nil {
			t.Fatal(err)
		}
		bounds := c.img.Bounds()
		all := joined(drawn)
		for _, ev := range events {
			if ev.Label == "" {
				t.Errorf("event of %s has no label", ev.DateText())
			}
			for _, want := range []string{shortDate(ev.Date), ev.Label} {
				if !strings.Contains(all, want) {
					t.Errorf("%s timeline: %q is not drawn", th, want)
				}
			}
		}
		for i, l := range drawn {
			if !l.box.In(bounds) {
				t.Errorf("%s timeline: %q drawn at %v, outside %v", th, l.text, l.box, bounds)
			}
			for _, o := range drawn[i+1:] {
				if l.box.Inset(1).Overlaps(o.box.Inset(1)) {
					t.Errorf("%s timeline: %q at %v overlaps %q at %v", th, l.text, l.box, o.text, o.box)
				}
			}
		}

		places := e.Places()
		c, drawn, err = drawMap(places, events, "Source", th)
		if err != nil {
			t.Fatal(err)
		}
		bounds = c.img.Bounds()
		all = joined(drawn)
		for _, p := range places {
			for _, want := range []string{p.Name + " · " + shortDate(p.Date), p.What} {
				if !strings.Contains(all, want) {
					t.Errorf("%s map: %q is not drawn", th, want)
				}
			}
		}
		named := map[string]bool{}
		for _, l := range drawn {
			named[l.text] = true
			if !l.box.In(bounds) {
				t.Errorf("%s map: %q drawn at %v, outside %v", th, l.text, l.box, bounds)
			}
		}
		for _, p := range places {
			if !named[p.Name] {
				t.Errorf("%s map: %q is not named beside its marker", th, p.Name)
			}
		}
		for _, country := range []string{"IRAN", "PAKISTAN", "AFGHANISTAN", "IRAQ", "SYRIA"} {
			if !named[country] {
				t.Errorf("%s map: %s is not named", th, country)
			}
		}
	}
}

// joined is every line drawn, one a line, with a wrapped label's lines joined again.
func joined(drawn []label) string {
	var b strings.Builder
	for _, l := range drawn {
		b.WriteString(l.text)
		b.WriteString(" ")
	}
	return b.String()
}

// TestGolden compares each picture with the one committed under testdata/, within a
// small difference per pixel (font rasterizing may differ by a shade between versions).
// Run with -update to rewrite them, then look at them.
func TestGolden(t *testing.T) {
	c := drawnCache(t)
	for _, kind := range []Kind{KindTimeline, KindMap} {
		for _, th := range themes {
			p, err := c.Get(context.Background(), kind, th)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", p.Filename())
			if *update {
				if err := os.WriteFile(path, p.PNG, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./adapters/pictures -run Golden -update)", err)
			}
			a, b := decodeRGBA(t, want), decodeRGBA(t, p.PNG)
			if a.Bounds() != b.Bounds() {
				t.Errorf("%s: %v, golden %v", path, b.Bounds(), a.Bounds())
				continue
			}
			off, total := 0, len(a.Pix)/4
			for i := 0; i+3 < len(a.Pix); i += 4 {
				d := 0
				for c := 0; c < 3; c++ {
					d = max(d, abs(int(a.Pix[i+c])-int(b.Pix[i+c])))
				}
				if d > 24 {
					off++
				}
			}
			if share := float64(off) / float64(total); share > 0.002 {
				t.Errorf("%s: %.2f%% of pixels differ by more than 24 levels (at most 0.2%%); if the change is meant, run -update and look", path, 100*share)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestDrawingConcurrently draws pictures at once from two caches: the font
// faces must not be shared between drawings (go test -race).
func TestDrawingConcurrently(t *testing.T) {
	e := newEngine(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 2 {
		c := NewCache(e)
		for _, k := range []Kind{KindTimeline} {
			for _, th := range themes {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := c.Get(context.Background(), k, th); err != nil {
						errs <- err
					}
				}()
			}
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestAltTextNamesEveryEventAndPlace(t *testing.T) {
	e := newEngine(t)
	alt := timelineAlt(e.Timeline())
	for _, ev := range e.Timeline() {
		if !strings.Contains(alt, ev.DateText()) {
			t.Errorf("the timeline's alt text lacks %s: %s", ev.DateText(), alt)
		}
	}
	if !strings.Contains(alt, "Marked in colour: the strikes of 16 January 2024") {
		t.Errorf("the timeline's alt text does not say which events are marked: %s", alt)
	}
	malt := mapAlt(byDate(e.Places()))
	for _, p := range e.Places() {
		if !strings.Contains(malt, p.Name) || !strings.Contains(malt, p.What) {
			t.Errorf("the map's alt text lacks %s: %s", p.Name, malt)
		}
	}
	long := strings.Repeat("word ", 400)
	if got := fitAlt(long); len([]rune(got)) > MaxAlt || !strings.HasSuffix(got, "…") {
		t.Errorf("fitAlt of 2,000 characters gave %d, ending %q", len([]rune(got)), got[len(got)-8:])
	}
}

func TestBordersAreTheFiveCountries(t *testing.T) {
	b, err := loadBorders()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Source, "Natural Earth") || !strings.Contains(b.Licence, "public domain") {
		t.Errorf("borders.json does not name its source and licence: %q, %q", b.Source, b.Licence)
	}
	var focus []string
	for _, c := range b.Countries {
		if c.Focus {
			focus = append(focus, c.Name)
			longest := 0
			for _, r := range c.Rings {
				longest = max(longest, len(r)/2)
			}
			if longest < 40 {
				t.Errorf("%s has too little outline: %d rings", c.Name, len(c.Rings))
			}
		}
	}
	for _, want := range []string{"Iran", "Pakistan", "Afghanistan", "Iraq", "Syria"} {
		if !strings.Contains(strings.Join(focus, ","), want) {
			t.Errorf("borders.json lacks %s among %v", want, focus)
		}
	}
	if len(bordersJSON) > 64<<10 {
		t.Errorf("borders.json is %d bytes; simplify it more", len(bordersJSON))
	}
}

// blockingSource makes the first drawing wait until released.
type blockingSource struct {
	e       *answers.Engine
	release chan struct{}
	calls   sync.Once
}

func (s *blockingSource) Timeline() []answers.Event {
	s.calls.Do(func() { <-s.release })
	return s.e.Timeline()
}
func (s *blockingSource) Places() []answers.Place { return s.e.Places() }
func (s *blockingSource) PlacesOf(r answers.Reply) []answers.Place {
	return s.e.PlacesOf(r)
}
func (s *blockingSource) Source() answers.Source { return s.e.Source() }

func TestCacheDrawsOnceAndWaitsWithContext(t *testing.T) {
	src := &blockingSource{e: newEngine(t), release: make(chan struct{})}
	c := NewCache(src)
	first := make(chan Picture)
	go func() {
		p, _ := c.Get(context.Background(), KindTimeline, ThemeDark)
		first <- p
	}()
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := c.Get(ctx, KindTimeline, ThemeDark); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Get while another draws, past its deadline: %v, want the deadline", err)
	}
	close(src.release)
	p := <-first
	again, err := c.Get(context.Background(), KindTimeline, ThemeDark)
	if err != nil || !bytes.Equal(again.PNG, p.PNG) || len(p.PNG) == 0 {
		t.Errorf("second Get: %d bytes, %v; want the first's %d bytes", len(again.PNG), err, len(p.PNG))
	}
}

func pow(x, y float64) float64 { return math.Pow(x, y) }
