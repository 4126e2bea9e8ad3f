package knowledge

import (
	"reflect"
	"testing"
)

// TestGeneratedBaseIsCurrent fails when knowledge/data changed after embedded_gen.go
// was generated: the binary would answer from the old data.
func TestGeneratedBaseIsCurrent(t *testing.T) {
	want, err := EmbeddedTOML()
	if err != nil {
		t.Fatalf("embedded TOML: %v", err)
	}
	got, err := Embedded()
	if err != nil {
		t.Fatalf("embedded base: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("knowledge/embedded_gen.go is stale: knowledge/data/*.toml changed since it was generated.\n" +
			"Run `go generate ./knowledge` and commit knowledge/embedded_gen.go with the data.")
	}
}
