package main

import (
	"context"
	"fmt"

	"github.com/borderbot/borderbot/adapters/console"
	"github.com/borderbot/borderbot/adapters/pictures"
)

// cmdPicture runs `bot timeline` and `bot map`: the text, or with --png the picture.
func cmdPicture(ctx context.Context, e env, kind pictures.Kind, args []string) error {
	about := map[pictures.Kind]string{
		pictures.KindTimeline: "Prints the dated events; with --png FILE writes the timeline as a PNG picture instead:\nthe events from the first to the last on a time axis, the two strikes marked.",
		pictures.KindMap:      "Prints the places the article names; with --png FILE writes the map as a PNG picture\ninstead: the borders of Iran, Pakistan, Afghanistan, Iraq and Syria, each place numbered\nwith its date and what happened there.",
	}[kind]
	fs := newFlags(e, string(kind), "bot "+string(kind)+" [--png FILE] [--theme light|dark]", about)
	var c common
	c.register(fs, e)
	out := fs.String("png", "", "write the picture to this `file`")
	themeName := fs.String("theme", "light", "the picture's `theme`: light or dark")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("%s: unexpected argument %q", kind, fs.Arg(0))}
	}
	t, err := pictures.ParseTheme(*themeName)
	if err != nil {
		return usageError{err}
	}
	_, eng, err := c.load(e)
	if err != nil {
		return err
	}
	pics := pictures.NewCache(eng)
	if *out == "" {
		if kind == pictures.KindTimeline {
			console.WriteTimeline(e.stdout, eng.Timeline())
			return nil
		}
		for _, p := range eng.Places() {
			fmt.Fprintf(e.stdout, "%s (%s), %s: %s\n", p.Name, p.In, p.DateText(), p.What)
		}
		return nil
	}
	p, err := console.WritePNG(ctx, pics, kind, t, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d×%d PNG, %d bytes\nalt text: %s\n", *out, p.Width, p.Height, len(p.PNG), p.Alt)
	return nil
}
