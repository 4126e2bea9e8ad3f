package adapters

import "strings"

// TidySpace leaves one space between the words of s and none before the punctuation
// that ends a sentence or a clause, as when a mention was cut out of "who is <@1> ?".
func TidySpace(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if !strings.ContainsAny(s, "?!.,;:") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && strings.IndexByte("?!.,;:", s[i+1]) >= 0 {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
