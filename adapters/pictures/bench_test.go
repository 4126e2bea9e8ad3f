package pictures

import "testing"

// BenchmarkDraw measures drawing each picture and encoding it, the cost of a cache miss.
func BenchmarkDraw(b *testing.B) {
	e := newEngine(b)
	cite := e.Source().Citation
	b.Run("timeline", func(b *testing.B) {
		for b.Loop() {
			if _, err := Timeline(e.Timeline(), cite, ThemeDark); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			if _, err := Map(e.Places(), e.Timeline(), cite, ThemeDark); err != nil {
				b.Fatal(err)
			}
		}
	})
}
