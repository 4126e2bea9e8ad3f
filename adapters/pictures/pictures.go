// Package pictures draws what the bot shows as images: the timeline of the events and a
// map of the places the article names, as PNG in a light and a dark theme, from the
// knowledge base's data. Drawing takes tens of milliseconds, so a Cache draws each
// picture once and keeps it.
package pictures

//go:generate go run ./internal/genborders -out borders.json

import (
	"fmt"
	"image/color"
	"strings"
)

// Kind says which picture: the timeline or the map.
type Kind string

// The pictures.
const (
	KindTimeline Kind = "timeline"
	KindMap      Kind = "map"
)

// Theme is the palette a picture is drawn in.
type Theme uint8

// The themes; both draw an opaque background, so either reads on any client's theme.
const (
	ThemeLight Theme = iota // dark text on white, as Slack shows by default
	ThemeDark               // light text on Discord's dark grey
)

// String names the theme as ParseTheme reads it.
func (t Theme) String() string {
	if t == ThemeDark {
		return "dark"
	}
	return "light"
}

// ParseTheme reads "light" or "dark".
func ParseTheme(s string) (Theme, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "light", "":
		return ThemeLight, nil
	case "dark":
		return ThemeDark, nil
	}
	return ThemeLight, fmt.Errorf("pictures: theme %q is not light or dark", s)
}

// Picture is one drawn image with what a platform needs to show it.
type Picture struct {
	Kind   Kind
	Theme  Theme
	PNG    []byte // the encoded image
	Width  int    // in pixels
	Height int
	Title  string // a heading for it: "Timeline, 14 December 2023 to 29 January 2024"
	Alt    string // a description for screen readers, at most MaxAlt characters
}

// MaxAlt is the most characters of alt text a picture carries: Slack's limit is 1,000,
// Discord's attachment description 1,024.
const MaxAlt = 1000

// Filename is the name the picture is uploaded under: "timeline-dark.png".
func (p Picture) Filename() string { return string(p.Kind) + "-" + p.Theme.String() + ".png" }

// palette is a theme's colours.
type palette struct {
	bg, text, muted, axis, grid  color.RGBA
	sea, land, focusLand, border color.RGBA
	iran, pakistan, event        color.RGBA // Iran's strike, Pakistan's strike, any other event
	halo                         color.RGBA // drawn behind text on the map
}

func paletteOf(t Theme) palette {
	if t == ThemeDark {
		return palette{
			bg: rgb(0x1E1F22), text: rgb(0xF2F3F5), muted: rgb(0xB5BAC1), axis: rgb(0xDBDEE1), grid: rgb(0x4E5058),
			sea: rgb(0x16283A), land: rgb(0x2B2D31), focusLand: rgb(0x3F4147), border: rgb(0xC4C9CE),
			iran: rgb(0xFF6B6B), pakistan: rgb(0x5CC8FF), event: rgb(0xF0B232), halo: rgb(0x1E1F22),
		}
	}
	return palette{
		bg: rgb(0xFFFFFF), text: rgb(0x1A202C), muted: rgb(0x4A5568), axis: rgb(0x2D3748), grid: rgb(0xCBD5E0),
		sea: rgb(0xD6E9F8), land: rgb(0xEEECE6), focusLand: rgb(0xFDF8EC), border: rgb(0x4A5568),
		iran: rgb(0xC53030), pakistan: rgb(0x2B6CB0), event: rgb(0x975A16), halo: rgb(0xFFFFFF),
	}
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}

// fitAlt cuts alt text to MaxAlt characters at a word, ending it with an ellipsis.
func fitAlt(s string) string {
	r := []rune(s)
	if len(r) <= MaxAlt {
		return s
	}
	cut := string(r[:MaxAlt-1])
	if i := strings.LastIndexByte(cut, ' '); i > MaxAlt/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
