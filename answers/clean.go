package answers

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaned is a chat message with what all chat platforms share taken out of it: emoji,
// :shortcodes:, markdown, @names, #channels and links. Platform markup (Slack's <@U…>,
// Discord's <@id>) is the adapters' to remove before the engine sees the text.
type Cleaned struct {
	Text   string // the message as words and sentence punctuation
	Quoted string // a quoted passage the message asks about (a "> " block or a quotation), if any
}

var (
	codeFence  = regexp.MustCompile("(?s)```(?:[a-zA-Z]*\n)?(.*?)```")
	shortcode  = regexp.MustCompile(`:[a-z0-9_+\-]{2,40}:`)
	link       = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	atName     = regexp.MustCompile(`(^|[\s(])@[\p{L}\p{N}_.\-]+`)
	hashName   = regexp.MustCompile(`(^|[\s(])#[\p{L}\p{N}_\-]+`)
	hashPlace  = regexp.MustCompile(`(^|[\s(])#(\d{1,2})\b`)
	markdown   = regexp.MustCompile(`\*\*|__|~~|\|\||[*_` + "`" + `]`)
	quotation  = regexp.MustCompile(`[“"]([^“”"]{8,})[”"]|(?:^|[\s(:])'((?:[^']|'\pL){8,}?)'(?:[^\pL]|$)|‘([^‘’]{8,})’`)
	codeSpan   = regexp.MustCompile("`([^`]{8,})`")
	wiseSuffix = regexp.MustCompile(`(?i)(\pL)-wise\b`)
	// shortQuoted is a word or two in quotation marks: "a 'surprise'", "“truly uplifting”".
	shortQuoted = regexp.MustCompile(`(?:^|[\s(])['‘"“]([\pL\-]+(?: [\pL\-]+)?)['’"”](?:[^\pL]|$)`)
	tldr        = regexp.MustCompile(`(?i)\btl\s*;\s*dr\b|\btl;?dr\b`)
	// dictatedMark is a question mark spoken to a dictation tool.
	dictatedMark = regexp.MustCompile(`(?i)\s*\bquestion mark\b`)
)

// Clean removes chat noise from a message and picks out a quoted passage it asks about.
func Clean(s string) Cleaned {
	s = strings.ToValidUTF8(s, " ")
	// Each pattern runs only on text that has the character it starts with.
	if strings.Contains(s, "```") {
		// "```This intangible cost cannot be overlooked``` source of this line?": words
		// set apart beside a question are a passage it asks about; alone, the message.
		inner := "$1"
		if strings.TrimSpace(codeFence.ReplaceAllString(s, "")) != "" {
			inner = "“$1”"
		}
		s = codeFence.ReplaceAllString(s, inner)
	}
	var c Cleaned
	// A "> " line quotes something; the rest of the message says what to do with it.
	var rest []string
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") {
			q := strings.TrimSpace(strings.TrimLeft(t, "> "))
			// "> quoted words — who said that?", "> quoted words, is that what the article
			// says?": the question after a dash or a last comma is the message's.
			for _, dash := range []string{" — ", " – ", " - ", " -- "} {
				if before, after, ok := strings.Cut(q, dash); ok && startsQuestion(after) {
					q = before
					rest = append(rest, after)
					break
				}
			}
			if i := strings.LastIndex(q, ", "); i > 0 && strings.HasSuffix(q, "?") && startsQuestion(q[i+2:]) {
				rest = append(rest, q[i+2:])
				q = q[:i]
			}
			// "> quoted words. whose line is that": a last sentence that asks is the
			// message's, not the quote's.
			if i := strings.LastIndexAny(q[:max(0, len(q)-1)], ".!?"); i > 0 && i+1 < len(q) && q[i+1] == ' ' && startsQuestion(q[i+2:]) {
				rest = append(rest, q[i+2:])
				q = q[:i+1]
			}
			// "> quoted words who said this?", typed on one line: the question of whose
			// words they are begins where the quote ends.
			if before, after, ok := cutAttribution(q); ok {
				q = before
				rest = append(rest, after)
			}
			if c.Quoted == "" {
				c.Quoted = q
			} else {
				c.Quoted += " " + q
			}
			continue
		}
		rest = append(rest, line)
	}
	s = strings.Join(rest, "\n")
	if strings.Contains(s, "http") || strings.Contains(s, "www.") {
		s = link.ReplaceAllString(s, " ")
	}
	if containsFold(s, "tl") && containsFold(s, "dr") {
		s = tldr.ReplaceAllString(s, "tldr")
	}
	if containsFold(s, "question mark") {
		// Voice dictation spells the mark out: "…hit pakistan question mark".
		s = dictatedMark.ReplaceAllString(s, "?")
	}
	if strings.Count(s, ":") >= 2 {
		s = shortcode.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "@") {
		s = atName.ReplaceAllString(s, "$1 ")
	}
	if strings.Contains(s, "#") {
		// "what about #4": a place in a list, not a channel.
		s = hashPlace.ReplaceAllString(s, "${1}number $2")
		s = hashName.ReplaceAllString(s, "$1 ")
	}
	if containsFold(s, "-wise") {
		// "where is vaez from, org-wise": the word before "-wise" is what is asked of.
		s = wiseSuffix.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "%") {
		// "what % of pakistanis…", "50%": the sign is the word.
		s = strings.ReplaceAll(s, "%", " percent ")
	}
	// A code span of several words is a pasted passage: "`unexpected and contradictory`".
	if c.Quoted == "" && strings.Count(s, "`") >= 2 {
		if m := codeSpan.FindStringSubmatch(s); m != nil && len(strings.Fields(m[1])) >= 3 {
			c.Quoted = strings.TrimSpace(m[1])
		}
	}
	if strings.ContainsAny(s, "*_~|`") {
		s = markdown.ReplaceAllStringFunc(s, func(m string) string {
			if m == "_" || m == "*" {
				return " "
			}
			return ""
		})
	}
	s = dropSymbols(s)
	if c.Quoted == "" && (strings.ContainsAny(s, "\"“‘") || strings.Contains(s, " '") || strings.HasPrefix(s, "'")) {
		if m := quotation.FindStringSubmatch(s); m != nil {
			for _, g := range m[1:] {
				if g != "" && len(strings.Fields(g)) >= 3 {
					c.Quoted = strings.TrimSpace(g)
					break
				}
			}
		}
	} else if c.Quoted != "" {
		c.Quoted = dropSymbols(markdown.ReplaceAllString(c.Quoted, ""))
		c.Quoted = hashName.ReplaceAllString(atName.ReplaceAllString(c.Quoted, "$1 "), "$1 ")
	}
	c.Text = joinFields(s)
	c.Text = dropSpaceBefore(c.Text) // "in #news, whose" → "in, whose"
	c.Quoted = joinFields(c.Quoted)
	return c
}

// joinFields is strings.Join(strings.Fields(s), " "), without making the fields, and
// without a copy when s is already so.
func joinFields(s string) string {
	joined := true
	for i, r := range s {
		if unicode.IsSpace(r) && (r != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			joined = false
			break
		}
	}
	if joined {
		return s
	}
	b := make([]byte, 0, len(s))
	start := -1 // where the current field began
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[start:i]...)
			start = -1
		}
	}
	if start >= 0 {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[start:]...)
	}
	return string(b)
}

// containsFold reports whether s holds sub, a lower-case ASCII word, in any case.
func containsFold(s, sub string) bool {
	return indexFold(s, sub) >= 0
}

// indexFold returns where s first holds sub, a lower-case ASCII word, in any case; -1
// when it does not.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// dropSpaceBefore removes the space before a comma, stop, question or exclamation mark,
// semicolon or colon, in text whose words are separated by single spaces.
func dropSpaceBefore(s string) string {
	i := 0
	for i+1 < len(s) && !(s[i] == ' ' && isSentencePunct(s[i+1])) {
		i++
	}
	if i+1 >= len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && isSentencePunct(s[i+1]) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func isSentencePunct(c byte) bool {
	return c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':'
}

// shortQuotation returns the word or two a text sets in quotation marks, or "".
func shortQuotation(s string) string {
	if !strings.ContainsAny(s, "'‘\"“") {
		return ""
	}
	if m := shortQuoted.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// dropSymbols replaces emoji, pictographs and other symbols, and the joiners and
// selectors that build emoji, with spaces; letters, digits and punctuation stay. Emoji
// standing between a run of words and a question end a sentence, as people use them in
// chat: "i keep mixing this up 😵 was it the 14th or the 16th?".
func dropSymbols(s string) string {
	clean := true
	for _, r := range s {
		if r >= utf8.RuneSelf && isSymbol(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf || !isSymbol(r) {
			b.WriteRune(r)
			i += size
			continue
		}
		end := i // the end of the run of symbols and the spaces between them
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if r != ' ' && (r < utf8.RuneSelf || !isSymbol(r)) {
				break
			}
			end += size
		}
		if endsClause(b.String()) && opensQuestion(s[end:]) {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
		i = end
	}
	return b.String()
}

// opensQuestion reports whether text goes on with a question of at least three words:
// one that opens as a question, or whose first sentence ends in a question mark.
func opensQuestion(s string) bool {
	first := s
	if i := strings.IndexAny(s, ".!?"); i >= 0 {
		first = s[:i+1]
	}
	return len(strings.Fields(first)) >= 3 && (strings.HasSuffix(first, "?") || startsQuestion(first))
}

// endsClause reports whether text written so far ends in a word, after at least two
// words since the last sentence mark: where an emoji ends a clause rather than decorates
// a word ("pakistan 🇵🇰").
func endsClause(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	if i := strings.LastIndexAny(s, ".!?;:"); i >= 0 {
		s = s[i+1:]
	}
	return len(strings.Fields(s)) >= 2
}

// isSymbol reports whether r is part of an emoji or another symbol that carries no words.
func isSymbol(r rune) bool {
	switch {
	case r == '\u200d' || r == '\u20e3' || (r >= '\ufe00' && r <= '\ufe0f'):
		return true // zero-width joiner, keycap, variation selectors
	case r >= 0x1f000 && r <= 0x1faff, r >= 0x2600 && r <= 0x27bf, r >= 0x1f1e6 && r <= 0x1f1ff:
		return true // pictographs, dingbats, regional indicators (flags)
	case r >= 0xe0020 && r <= 0xe007f:
		return true // tag characters of flag sequences
	}
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Co, r)
}

// attributionOpeners open a question of whose words a passage is.
var attributionOpeners = []string{"who said", "who says", "who wrote", "whose words", "whose quote",
	"whose line", "which expert", "who is this", "whos this", "who's this", "source?", "source pls", "source plz"}

// cutAttribution splits a quoted line typed with its question ("deterrence is the
// obsession of all states who said this") into the quote and the question, where the
// question opens with words asking whose it is after three words or more.
func cutAttribution(q string) (quote, question string, ok bool) {
	// ASCII case only, so that an index into it is one into q: the openers are ASCII,
	// and lowering "İ" would change the text's length.
	lower := strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, q)
	for _, o := range attributionOpeners {
		i := strings.Index(lower, " "+o)
		if i < 0 {
			continue
		}
		if len(strings.Fields(q[:i])) >= 3 {
			return strings.TrimRight(q[:i], " ,.;:"), q[i+1:], true
		}
	}
	return q, "", false
}
