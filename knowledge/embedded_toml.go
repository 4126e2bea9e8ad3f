//go:build knowledge_toml

package knowledge

// generated is nil when the package is built with -tags knowledge_toml, as the generator
// of embedded_gen.go is: Embedded then parses data/*.toml.
var generated *Base
