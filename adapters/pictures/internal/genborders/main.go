// Command genborders writes ../../borders.json, the borders the region map draws: Iran,
// Pakistan, Afghanistan, Iraq and Syria, and their neighbours for context, from Natural
// Earth's 1:50m countries as the npm package world-atlas ships them in TopoJSON.
//
// Usage (from adapters/pictures, as go:generate runs it):
//
//	go run ./internal/genborders [-atlas FILE] [-out borders.json]
//
// Without -atlas (or $WORLD_ATLAS) it runs `npm pack world-atlas@2.0.2` in a temporary
// directory and reads countries-50m.json from the tarball. Each ring is clipped to the
// region (with a margin), simplified (Douglas–Peucker) and rounded to 0.01°.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	npmPackage = "world-atlas@2.0.2"
	atlasFile  = "countries-50m.json"
	tolerance  = 0.04 // degrees: about 4 km, under a pixel at the map's scale
)

// The region drawn, with a margin so that clipped edges fall outside the picture.
const minLon, maxLon, minLat, maxLat = 30.0, 80.0, 19.0, 43.0

// focus are the countries the map is about, by ISO 3166-1 numeric code; neighbours are
// drawn fainter, for context.
var focus = map[string]bool{"364": true, "586": true, "004": true, "368": true, "760": true}

var neighbours = map[string]bool{
	"792": true, "422": true, "376": true, "275": true, "400": true, "682": true, "414": true, "048": true,
	"634": true, "784": true, "512": true, "795": true, "860": true, "762": true, "356": true, "156": true,
	"031": true, "051": true, "268": true, "398": true, "417": true, "196": true, "818": true, "524": true,
}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]int `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				ID         string          `json:"id"`
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

// Borders is the file written: its source, its licence and the countries' rings.
type Borders struct {
	Source    string    `json:"source"`
	Licence   string    `json:"licence"`
	Generator string    `json:"generator"`
	Countries []Country `json:"countries"`
}

// Country is one country's outline: rings of lon, lat pairs, flattened.
type Country struct {
	ID    string      `json:"id"`
	Name  string      `json:"name"`
	Focus bool        `json:"focus,omitempty"`
	Rings [][]float64 `json:"rings"`
}

func main() {
	atlas := flag.String("atlas", os.Getenv("WORLD_ATLAS"), "path to "+atlasFile+" (default: npm pack "+npmPackage+")")
	out := flag.String("out", "borders.json", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("pictures/genborders: ")
	var data []byte
	var err error
	if *atlas != "" {
		data, err = os.ReadFile(*atlas)
	} else {
		data, err = fetch()
	}
	if err != nil {
		log.Fatal(err)
	}
	b, err := generate(data)
	if err != nil {
		log.Fatal(err)
	}
	enc, err := encode(b)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, enc, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d countries, %d bytes", *out, len(b.Countries), len(enc))
}

// fetch runs npm pack in a temporary directory and returns the atlas file from the tarball.
func fetch() ([]byte, error) {
	dir, err := os.MkdirTemp("", "world-atlas-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("npm", "pack", "--silent", npmPackage)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack %s: %w", npmPackage, err)
	}
	names := strings.Fields(string(outb))
	if len(names) == 0 {
		return nil, fmt.Errorf("npm pack %s: no tarball name printed", npmPackage)
	}
	f, err := os.Open(filepath.Join(dir, names[len(names)-1]))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", npmPackage, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s has no %s", npmPackage, atlasFile)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", npmPackage, err)
		}
		if h.Name == "package/"+atlasFile {
			return io.ReadAll(tr)
		}
	}
}

// generate decodes the topology and keeps, clips and simplifies the countries wanted.
func generate(data []byte) (Borders, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return Borders{}, fmt.Errorf("decode %s: %w", atlasFile, err)
	}
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		x, y := 0, 0
		pts := make([][2]float64, len(a))
		for j, d := range a {
			x, y = x+d[0], y+d[1]
			pts[j] = [2]float64{float64(x)*t.Transform.Scale[0] + t.Transform.Translate[0], float64(y)*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		arcs[i] = pts
	}
	b := Borders{
		Source:    "Natural Earth 1:50m Admin 0 countries (naturalearthdata.com), as packaged in TopoJSON by the npm package " + npmPackage + " (" + atlasFile + ")",
		Licence:   "Natural Earth data is in the public domain; the world-atlas packaging is under the ISC licence, Copyright 2013-2019 Michael Bostock",
		Generator: "go generate ./adapters/pictures (internal/genborders): clipped to lon 30..80, lat 19..43, simplified to 0.04 degrees, rounded to 0.01 degrees",
	}
	found := 0
	for _, g := range t.Objects.Countries.Geometries {
		if !focus[g.ID] && !neighbours[g.ID] {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return Borders{}, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return Borders{}, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		c := Country{ID: g.ID, Name: g.Properties.Name, Focus: focus[g.ID]}
		for _, poly := range polys {
			for _, ring := range poly {
				pts := stitch(arcs, ring)
				pts = clip(pts)
				pts = simplify(pts, tolerance)
				if len(pts) < 4 {
					continue
				}
				flat := make([]float64, 0, 2*len(pts))
				for _, p := range pts {
					flat = append(flat, round2(p[0]), round2(p[1]))
				}
				c.Rings = append(c.Rings, flat)
			}
		}
		if len(c.Rings) > 0 {
			b.Countries = append(b.Countries, c)
		}
		if c.Focus {
			found++
		}
	}
	if found != len(focus) {
		return Borders{}, fmt.Errorf("%s: found %d of the %d countries the map is about", atlasFile, found, len(focus))
	}
	return b, nil
}

// stitch joins a ring's arcs into points; ~i is arc i reversed.
func stitch(arcs [][][2]float64, ring []int) [][2]float64 {
	var out [][2]float64
	for _, i := range ring {
		var a [][2]float64
		if i < 0 {
			src := arcs[^i]
			a = make([][2]float64, len(src))
			for j := range src {
				a[j] = src[len(src)-1-j]
			}
		} else {
			a = arcs[i]
		}
		if len(out) > 0 {
			a = a[1:]
		}
		out = append(out, a...)
	}
	return out
}

// clip cuts a ring to the region's rectangle (Sutherland–Hodgman).
func clip(pts [][2]float64) [][2]float64 {
	edges := []struct {
		inside func(p [2]float64) bool
		cross  func(a, b [2]float64) [2]float64
	}{
		{func(p [2]float64) bool { return p[0] >= minLon }, func(a, b [2]float64) [2]float64 { return atX(a, b, minLon) }},
		{func(p [2]float64) bool { return p[0] <= maxLon }, func(a, b [2]float64) [2]float64 { return atX(a, b, maxLon) }},
		{func(p [2]float64) bool { return p[1] >= minLat }, func(a, b [2]float64) [2]float64 { return atY(a, b, minLat) }},
		{func(p [2]float64) bool { return p[1] <= maxLat }, func(a, b [2]float64) [2]float64 { return atY(a, b, maxLat) }},
	}
	for _, e := range edges {
		if len(pts) == 0 {
			return nil
		}
		var out [][2]float64
		prev := pts[len(pts)-1]
		for _, p := range pts {
			switch {
			case e.inside(p) && !e.inside(prev):
				out = append(out, e.cross(prev, p), p)
			case e.inside(p):
				out = append(out, p)
			case e.inside(prev):
				out = append(out, e.cross(prev, p))
			}
			prev = p
		}
		pts = out
	}
	return pts
}

func atX(a, b [2]float64, x float64) [2]float64 {
	t := (x - a[0]) / (b[0] - a[0])
	return [2]float64{x, a[1] + t*(b[1]-a[1])}
}

func atY(a, b [2]float64, y float64) [2]float64 {
	t := (y - a[1]) / (b[1] - a[1])
	return [2]float64{a[0] + t*(b[0]-a[0]), y}
}

// simplify drops the points of a ring closer than tol to the line of their neighbours.
func simplify(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(i, j int)
	rec = func(i, j int) {
		best, at := 0.0, -1
		for k := i + 1; k < j; k++ {
			if d := distance(pts[k], pts[i], pts[j]); d > best {
				best, at = d, k
			}
		}
		if at >= 0 && best > tol {
			keep[at] = true
			rec(i, at)
			rec(at, j)
		}
	}
	// A closed ring starts and ends at one point: split it at its farthest point first.
	far := 0
	for k := range pts {
		if dist(pts[k], pts[0]) > dist(pts[far], pts[0]) {
			far = k
		}
	}
	keep[far] = true
	rec(0, far)
	rec(far, len(pts)-1)
	var out [][2]float64
	for k, p := range pts {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

func dist(a, b [2]float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

// distance is how far p is from the segment a–b.
func distance(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := dx*dx + dy*dy
	if l == 0 {
		return dist(p, a)
	}
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l))
	return dist(p, [2]float64{a[0] + t*dx, a[1] + t*dy})
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// encode writes the file with one country a line, so that a regeneration diffs by country.
func encode(b Borders) ([]byte, error) {
	var buf bytes.Buffer
	head, err := json.Marshal(struct {
		Source    string `json:"source"`
		Licence   string `json:"licence"`
		Generator string `json:"generator"`
	}{b.Source, b.Licence, b.Generator})
	if err != nil {
		return nil, err
	}
	buf.Write(head[:len(head)-1])
	buf.WriteString(",\n\"countries\":[\n")
	for i, c := range b.Countries {
		line, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		buf.Write(line)
		if i < len(b.Countries)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	if !json.Valid(buf.Bytes()) {
		return nil, errors.New("encode: the file written is not valid JSON")
	}
	return buf.Bytes(), nil
}
