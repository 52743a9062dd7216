package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/kljensen/snowball/english"
)

// ptbBlanks blanks out the bracket tokens of Penn-Treebank text, which are
// not words, keeping byte offsets.
var ptbBlanks = strings.NewReplacer("-LRB-", "     ", "-RRB-", "     ", "-LSB-", "     ",
	"-RSB-", "     ", "-LCB-", "     ", "-RCB-", "     ")

// Words returns the words of s in order, as they are written: UAX #29 word
// segments that contain a letter or a digit, without PTB bracket tokens.
func Words(s string) []string {
	var out []string
	forEachWord(s, func(w string) { out = append(out, w) })
	return out
}

// isWord reports whether a segment has a letter or digit.
func isWord(w string) bool {
	for _, r := range w {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return true
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Terms returns the content terms of s for comparing sentences: its words,
// lower-cased, without English stop words and PTB clitics ('s, n't), stemmed
// with the Snowball English stemmer.
func Terms(s string) []string {
	ws := Words(s)
	out := ws[:0]
	for _, w := range ws {
		if t, ok := term(strings.ToLower(w)); ok {
			out = append(out, t)
		}
	}
	return out
}

// Term returns the term that word (one of Words) contributes to Terms —
// lower-cased and stemmed — and false for stop words and clitics, which
// contribute none.
func Term(word string) (string, bool) { return term(strings.ToLower(word)) }

// term is the stemmed term of a lower-case word; false for stop words and
// clitics.
func term(w string) (string, bool) {
	if isClitic(w) || english.IsStopWord(w) {
		return "", false
	}
	return english.Stem(w, false), true
}

// forEachWord calls f with each word of s (see Words), without allocating
// the list.
func forEachWord(s string, f func(w string)) {
	if strings.Contains(s, "-L") || strings.Contains(s, "-R") {
		s = ptbBlanks.Replace(s)
	}
	if isASCII(s) {
		asciiWords(s, f)
		return
	}
	it := words.FromString(s)
	for it.Next() {
		if w := it.Value(); isWord(w) {
			cleanParts(w, f)
		}
	}
}

// cleanParts calls f with the parts of segment w between control
// characters and invalid UTF-8, which the segmenter may leave inside a
// segment ("\x00\xf30") and which are never part of a word (an index term
// holding a NUL would cut a full-text query short); a segment without them
// is one part.
func cleanParts(w string, f func(w string)) {
	start := 0
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsControl(r) || r == utf8.RuneError && n == 1 {
			if p := w[start:i]; isWord(p) {
				f(p)
			}
			start = i + n
		}
		i += n
	}
	if start == 0 {
		f(w)
	} else if p := w[start:]; isWord(p) {
		f(p)
	}
}

// Vocabulary numbers the terms of a corpus. It remembers every word form it
// has seen with its term id, so that the words of many sentences are
// lower-cased, filtered and stemmed once per distinct form. It is not safe
// for concurrent use.
type Vocabulary struct {
	byWord map[string]int32 // word as written → term id, or -1 for no term
	byTerm map[string]int32
	terms  []string // by id
}

// NewVocabulary returns an empty vocabulary.
func NewVocabulary() *Vocabulary {
	return &Vocabulary{byWord: map[string]int32{}, byTerm: map[string]int32{}}
}

// Len is the number of distinct terms seen.
func (v *Vocabulary) Len() int { return len(v.byTerm) }

// IDs appends the term ids of the Terms of s to dst (new terms get new ids)
// and returns them with the number of Words of s.
func (v *Vocabulary) IDs(dst []int32, s string) ([]int32, int) {
	n := 0
	forEachWord(s, func(w string) {
		n++
		id, ok := v.byWord[w]
		if !ok {
			id = -1
			if t, ok := term(strings.ToLower(w)); ok {
				id = v.Add(t)
			}
			v.byWord[w] = id
		}
		if id >= 0 {
			dst = append(dst, id)
		}
	})
	return dst, n
}

// Add returns the id of term t (one of Terms), giving it the next id if
// it is new.
func (v *Vocabulary) Add(t string) int32 {
	id, ok := v.byTerm[t]
	if !ok {
		id = int32(len(v.terms))
		v.byTerm[t] = id
		v.terms = append(v.terms, t)
	}
	return id
}

// Term returns the term of id.
func (v *Vocabulary) Term(id int32) string { return v.terms[id] }

// Lookup returns the ids of terms (as Terms gives them), and false if one of
// them has never been seen.
func (v *Vocabulary) Lookup(terms []string) ([]int32, bool) {
	ids := make([]int32, 0, len(terms))
	for _, t := range terms {
		id, ok := v.byTerm[t]
		if !ok {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}

// isClitic reports PTB clitic tokens such as "'s", "n't", "'re".
func isClitic(w string) bool {
	switch w {
	case "'s", "'t", "n't", "'re", "'ve", "'ll", "'d", "'m", "s", "t":
		return true
	}
	return false
}
