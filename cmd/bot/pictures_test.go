package main

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTimelineAndMapWritePNG(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		cmd, theme string
		bg         color.RGBA
	}{
		{"timeline", "light", color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}},
		{"timeline", "dark", color.RGBA{0x1E, 0x1F, 0x22, 0xFF}},
		{"map", "dark", color.RGBA{0x1E, 0x1F, 0x22, 0xFF}},
	} {
		path := filepath.Join(dir, tc.cmd+"-"+tc.theme+".png")
		code, out, errOut := runBot(t, "", nil, tc.cmd, "--png", path, "--theme", tc.theme)
		if code != 0 || !strings.Contains(out, "wrote "+path) || !strings.Contains(out, "alt text: A ") {
			t.Fatalf("bot %s --png: exit %d\n%s%s", tc.cmd, code, out, errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if got := color.RGBAModel.Convert(img.At(1, 1)); got != tc.bg || img.Bounds().Dx() != 1200 {
			t.Errorf("%s: %v wide, background %v; want 1200 and %v", path, img.Bounds().Dx(), got, tc.bg)
		}
	}
	if code, out, _ := runBot(t, "", nil, "timeline"); code != 0 || !strings.Contains(out, "16 January 2024: Iran fires missiles") {
		t.Errorf("bot timeline: exit %d\n%s", code, out)
	}
	if code, out, _ := runBot(t, "", nil, "map"); code != 0 || !strings.Contains(out, "Saravan") {
		t.Errorf("bot map: exit %d\n%s", code, out)
	}
	if code, _, errOut := runBot(t, "", nil, "map", "--theme", "purple"); code != 2 || !strings.Contains(errOut, "purple") {
		t.Errorf("bot map --theme purple: exit %d, %s", code, errOut)
	}
}
