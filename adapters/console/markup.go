package console

import (
	"regexp"
	"strings"
)

// pasted is the markup of a message pasted from Slack or Discord: mentions (<@U1>,
// <@!1>, <@&1>), channel and broadcast links (<#C1|general>, <!here>), custom emoji
// (<:name:1>, <a:name:1>), timestamps (<t:1:R>) and links (<https://x|label>).
var pasted = regexp.MustCompile(`<(?:[@#!]|a?:[\w~]+:|t:|https?://)[^<>\s]*(?:\|([^<>]*))?>`)

// ReadQuestion removes chat platforms' markup from a question typed or pasted at the
// console, as the Slack and Discord adapters do before the engine sees one: a mention is
// dropped, a link keeps its label.
func ReadQuestion(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	out := pasted.ReplaceAllStringFunc(text, func(m string) string {
		if i := strings.LastIndexByte(m, '|'); i >= 0 && strings.HasPrefix(m, "<http") {
			return " " + m[i+1:len(m)-1] + " "
		}
		return " "
	})
	return strings.Join(strings.Fields(out), " ")
}
