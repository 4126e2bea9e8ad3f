package console

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/answers"
)

// Pictures draws the timeline and the map, which the console writes to files.
type Pictures interface {
	Get(ctx context.Context, kind pictures.Kind, theme pictures.Theme) (pictures.Picture, error)
	Places() []answers.Place
}

// theme is the palette of the console's pictures, for an image viewer's light page.
const theme = pictures.ThemeLight

// WritePNG draws a picture and writes it to the file path.
func WritePNG(ctx context.Context, pics Pictures, kind pictures.Kind, t pictures.Theme, path string) (pictures.Picture, error) {
	p, err := pics.Get(ctx, kind, t)
	if err != nil {
		return p, err
	}
	if err := os.WriteFile(path, p.PNG, 0o644); err != nil {
		return p, fmt.Errorf("console: write the %s: %w", kind, err)
	}
	return p, nil
}

// writePicture writes a picture in dir and says where; without pictures it says nothing.
func writePicture(ctx context.Context, w io.Writer, pics Pictures, dir string, kind pictures.Kind) {
	if pics == nil || dir == "" {
		return
	}
	path := filepath.Join(dir, "borderbot-"+string(kind)+".png")
	p, err := WritePNG(ctx, pics, kind, theme, path)
	if err != nil {
		fmt.Fprintf(w, "I couldn't write the picture: %v\n", err)
		return
	}
	fmt.Fprintf(w, "\nThe %s as a picture (%d×%d PNG): %s\n", kind, p.Width, p.Height, path)
}

// writeMap writes the places the article names, then the map's file.
func writeMap(ctx context.Context, w io.Writer, pics Pictures, dir string) {
	if pics == nil {
		fmt.Fprintln(w, "I can't draw the map here; /timeline lists the events with their dates.")
		return
	}
	fmt.Fprintln(w, "The places the article names, numbered on the map in date order:")
	for _, p := range pics.Places() {
		in := ""
		if p.In != "" {
			in = " (" + p.In + ")"
		}
		fmt.Fprintf(w, "• %s%s, %s: %s\n", p.Name, in, p.DateText(), p.What)
	}
	writePicture(ctx, w, pics, dir, pictures.KindMap)
}
