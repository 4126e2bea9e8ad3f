package answers

import (
	"fmt"
	"reflect"
	"strconv"

	"github.com/borderbot/borderbot/knowledge"
)

//go:generate go test -run ^(TestVocabTable|TestSnapshot)$ -update .

// fromSnapshot returns the Engine that build would make of the base with the weights,
// from snapshot_gen.go, or nil when the snapshot was made of another base or other
// weights. The caller sets what the snapshot leaves out: the base, the options, the
// weights and the scratch pool.
func fromSnapshot(b *knowledge.Base, w Weights) *Engine {
	if w != DefaultWeights() || fingerprint(b) != snapshotFingerprint {
		return nil
	}
	return snapshot()
}

// fingerprint hashes every exported field of a knowledge base (FNV-1a, 64 bits), so that
// a snapshot is used only for the base it was made of.
func fingerprint(b *knowledge.Base) uint64 {
	h := uint64(14695981039346656037)
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
		h = (h ^ uint64(len(s))) * 1099511628211 // "ab","c" is not "a","bc"
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			add(v.String())
		case reflect.Bool:
			if v.Bool() {
				add("t")
			} else {
				add("f")
			}
		case reflect.Slice:
			add(strconv.Itoa(v.Len()))
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				if t.Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		default:
			add(fmt.Sprint(v)) // a number, or a kind of field the base does not have yet
		}
	}
	walk(reflect.ValueOf(b).Elem())
	return h
}

// mapOf makes a map of parallel keys and values, as snapshot_gen.go writes maps.
func mapOf[K comparable, V any](keys []K, values []V) map[K]V {
	m := make(map[K]V, len(keys))
	for i, k := range keys {
		m[k] = values[i]
	}
	return m
}
