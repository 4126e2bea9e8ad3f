package console_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/borderbot/borderbot/adapters/console"
	"github.com/borderbot/borderbot/adapters/pictures"
	"github.com/borderbot/borderbot/internal/testkit"
)

func TestConsoleWritesThePictures(t *testing.T) {
	e := testkit.Engine(t)
	dir := t.TempDir()
	var out bytes.Buffer
	if err := console.RunWithPictures(context.Background(), e, pictures.NewCache(e), dir, strings.NewReader("/timeline\n/map\n"), &out, ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"borderbot-timeline.png", "borderbot-map.png"} {
		path := filepath.Join(dir, name)
		if !strings.Contains(out.String(), path) {
			t.Errorf("the console does not say where %s is:\n%s", name, out.String())
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if img, err := png.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() != 1200 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if !strings.Contains(out.String(), "Saravan (Sistan and Baluchistan, Iran), 18 January 2024") {
		t.Errorf("/map does not list the places:\n%s", out.String())
	}
}
