package answers

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortKeys checks sortKeys against a plain sort by compareKeys, on scores that tie,
// nearly tie and go below zero.
func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var sc scratch
	for range 2000 {
		keys := make([]rankKey, r.IntN(80))
		for i := range keys {
			score := float64(r.IntN(5)) / 4
			switch r.IntN(4) {
			case 0:
				score = r.Float64()*2 - 0.5
			case 1:
				score += 1e-15 * float64(r.IntN(3)) // equal once rounded
			}
			keys[i] = rankKey{score: score, view: r.IntN(3) == 0, at: int32(i)}
		}
		want := slices.Clone(keys)
		slices.SortFunc(want, compareKeys)
		if got := sc.sortKeys(keys); !slices.Equal(got, want) {
			t.Fatalf("sortKeys = %v, want %v", got, want)
		}
	}
}
