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
	if strings.Contains(s, "-L") || strings.Contains(s, "-R") {
		s = ptbBlanks.Replace(s)
	}
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		if !isWord(w) {
			continue
		}
		out = append(out, w)
	}
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
func Terms(s string) []string { return termsWith(s, english.Stem) }

func termsWith(s string, stem func(string, bool) string) []string {
	ws := Words(s)
	out := ws[:0]
	for _, w := range ws {
		w = strings.ToLower(w)
		if isClitic(w) || english.IsStopWord(w) {
			continue
		}
		out = append(out, stem(w, false))
	}
	return out
}

// Analyzer computes Terms with a cache of stems, for the many sentences of
// one corpus: words repeat, and stemming is the costly part. An Analyzer is
// not safe for concurrent use.
type Analyzer struct {
	stems map[string]string
}

// NewAnalyzer returns an Analyzer with an empty cache.
func NewAnalyzer() *Analyzer { return &Analyzer{stems: map[string]string{}} }

// Terms returns the same as the package-level Terms.
func (a *Analyzer) Terms(s string) []string { return termsWith(s, a.stem) }

func (a *Analyzer) stem(w string, stopWords bool) string {
	if st, ok := a.stems[w]; ok {
		return st
	}
	st := english.Stem(w, stopWords)
	a.stems[w] = st
	return st
}

// isClitic reports PTB clitic tokens such as "'s", "n't", "'re".
func isClitic(w string) bool {
	switch w {
	case "'s", "'t", "n't", "'re", "'ve", "'ll", "'d", "'m", "s", "t":
		return true
	}
	return false
}

// Stem returns the Snowball English stem of a lower-case word.
func Stem(w string) string { return english.Stem(w, false) }

// IsStopWord reports whether a lower-case word is an English stop word.
func IsStopWord(w string) bool { return english.IsStopWord(w) }
