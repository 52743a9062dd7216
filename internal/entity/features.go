package entity

import (
	"github.com/dateline-news/dateline/internal/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/seq"
)

// The features of a token are sums over a window of two tokens either
// side. Every feature depends on one token of the window alone (its word,
// shape, affixes, word classes) and on where it sits relative to the token
// labelled, or is a conjunction of two neighbours' shapes or words. So the
// weights of the first kind can be summed once per word form and offset
// and reused at every occurrence (see scoreCache), which is what makes the
// recognizer fast.

// window is how many tokens either side the features see.
const window = 2

// offsets is the number of positions of the window (−2 … +2).
const offsets = 2*window + 1

// Feature templates, hashed once. Each per-offset template is indexed by
// offset + window.
var (
	tBias    = seq.Hash("bias")
	tWord    = seq.Hash("w")
	tPrefix  = seq.Hash("pre")
	tSuffix  = seq.Hash("suf")
	tHyFirst = seq.Hash("hy<")
	tHyLast  = seq.Hash("hy>")
	tLen     = seq.Hash("len")
	tLower   = offsetTemplates("l")
	tShape   = offsetTemplates("s")
	tShapeU  = offsetTemplates("sU") // shape in an all-capitals sequence
	tClass   = offsetTemplates("c")
	tPad     = offsetTemplates("pad")
	tSS      = [2]seq.Feature{seq.Hash("s-1|s0"), seq.Hash("s0|s+1")}
	tLL      = [2]seq.Feature{seq.Hash("l-1|l0"), seq.Hash("l0|l+1")}
	tFirstS  = seq.Hash("first|s")
	tFirstL  = seq.Hash("first|l")
	tFirstC  = seq.Hash("first|case")
	tCase    = offsetTemplates("case")
)

func offsetTemplates(name string) [offsets]seq.Feature {
	var t [offsets]seq.Feature
	for k := range t {
		t[k] = seq.Hash(name).WithInt(k - window)
	}
	return t
}

// classLevels says which levels of word classes (finest first) the
// features read at each offset.
var classLevels = [offsets][]int{{1, 2}, {0, 1, 2}, {0, 1, 2, 3}, {0, 1, 2}, {1, 2}}

// mode is how a sequence is written: ordinary text, or all in capitals
// (headlines), where case says nothing.
type mode uint8

const (
	mixedCase mode = iota
	allCaps
)

// wordInfo is what the features need of one word form in one mode.
type wordInfo struct {
	feats  [offsets][]seq.Feature // the word's features at each offset
	lower  seq.Feature            // hash of the lower-case form, for conjunctions
	shape  seq.Feature            // hash of the shape, for conjunctions
	casing uint8                  // how the word is usually written (casing table)
	cap    bool                   // has an upper-case letter
}

// featurizer computes word features. It is not safe for concurrent use.
type featurizer struct {
	classes *classTable
	casing  casingTable
	cache   map[wordKey]*wordInfo
}

type wordKey struct {
	w string
	m mode
}

func newFeaturizer(classes *classTable, casing casingTable) *featurizer {
	return &featurizer{classes: classes, casing: casing, cache: map[wordKey]*wordInfo{}}
}

// padding is the word standing before the first and after the last token.
const padding = "\x00"

// info returns the features of word w (a token's norm) in mode m.
func (fz *featurizer) info(w string, m mode) *wordInfo {
	k := wordKey{w, m}
	if wi, ok := fz.cache[k]; ok {
		return wi
	}
	wi := fz.compute(w, m)
	fz.cache[k] = wi
	return wi
}

func (fz *featurizer) compute(w string, m mode) *wordInfo {
	wi := &wordInfo{}
	if w == padding {
		for k := range wi.feats {
			wi.feats[k] = []seq.Feature{tPad[k]}
		}
		wi.lower, wi.shape = tPad[0], tPad[0]
		return wi
	}
	lower := strings.ToLower(w)
	sh := shape(w)
	wi.lower = seq.Hash(lower)
	wi.shape = seq.Hash(sh)
	wi.cap = lower != w
	shapeT := &tShape
	if m == allCaps {
		shapeT = &tShapeU
	}
	classes := fz.classes.lookup(w)
	wi.casing = fz.casing.of(w)
	for k := range wi.feats {
		fs := []seq.Feature{tLower[k].With(lower), shapeT[k].With(sh)}
		for _, l := range classLevels[k] {
			fs = append(fs, tClass[k].WithInt(l<<16|int(classes[l])))
		}
		if k >= window-1 && k <= window+1 {
			fs = append(fs, tCase[k].WithInt(int(wi.casing)))
		}
		wi.feats[k] = fs
	}
	c := window
	fs := append(wi.feats[c], tBias, tWord.With(w), tLen.WithInt(min(utf8.RuneCountInString(w), 10)))
	fs = appendAffixes(fs, lower)
	if i, j := strings.IndexByte(lower, '-'), strings.LastIndexByte(lower, '-'); i > 0 && j < len(lower)-1 {
		fs = append(fs, tHyFirst.With(lower[:i]), tHyLast.With(lower[j+1:]))
	}
	wi.feats[c] = fs
	return wi
}

// appendAffixes adds the prefixes and suffixes of one to four runes.
func appendAffixes(fs []seq.Feature, w string) []seq.Feature {
	ends := [4]int{}
	n := 0
	for i := range w {
		if n > 0 && n <= 4 {
			ends[n-1] = i
		}
		n++
	}
	for k := 1; k <= 4 && k <= n; k++ {
		end := len(w)
		if k < n {
			end = ends[k-1]
		}
		fs = append(fs, tPrefix.With(w[:end]))
	}
	for j, k := len(w), 0; j > 0 && k < 4; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:j])
		j -= size
		fs = append(fs, tSuffix.With(w[j:]))
	}
	return fs
}

// shape maps upper-case letters to X, lower-case to x, digits to d, keeps
// other marks, and collapses repeats: "McDonald" → "XxXx", "U.S." →
// "X.X.", "1996-08-22" → "d-d-d".
func shape(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z', r >= utf8.RuneSelf && unicode.IsLower(r):
			c = 'x'
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = '?'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// tokenFeatures appends the features of token i of a sequence of word
// infos (with padding beyond its ends) to dst.
func tokenFeatures(dst []seq.Feature, infos []*wordInfo, pad *wordInfo, i int) []seq.Feature {
	at := func(j int) *wordInfo {
		if j < 0 || j >= len(infos) {
			return pad
		}
		return infos[j]
	}
	for k := -window; k <= window; k++ {
		dst = append(dst, at(i + k).feats[k+window]...)
	}
	p, c, n := at(i-1), infos[i], at(i+1)
	return appendConjunctions(dst, [3]seq.Feature{p.shape, c.shape, n.shape}, [3]seq.Feature{p.lower, c.lower, n.lower}, i == 0, c.casing)
}

// appendConjunctions adds the features that join two tokens: the shapes and
// the words of the token and each neighbour, and the shape and word of a
// sequence's first token.
// The arguments are the shapes and lower-case forms of the previous token,
// the token and the next one, whether the token is first in its sequence,
// and its casing bucket.
func appendConjunctions(dst []seq.Feature, shapes, lowers [3]seq.Feature, first bool, casing uint8) []seq.Feature {
	dst = append(dst,
		tSS[0].Mix(uint64(shapes[0])).Mix(uint64(shapes[1])),
		tSS[1].Mix(uint64(shapes[1])).Mix(uint64(shapes[2])),
		tLL[0].Mix(uint64(lowers[0])).Mix(uint64(lowers[1])),
		tLL[1].Mix(uint64(lowers[1])).Mix(uint64(lowers[2])),
	)
	if first {
		dst = append(dst, tFirstS.Mix(uint64(shapes[1])), tFirstL.Mix(uint64(lowers[1])), tFirstC.Mix(uint64(casing)))
	}
	return dst
}

// sequenceMode tells whether a sequence is written all in capitals: at
// least three words with letters and none with a lower-case letter.
func sequenceMode(toks []token.Token) mode {
	words := 0
	for _, t := range toks {
		hasLetter := false
		for _, r := range t.Norm {
			if unicode.IsLower(r) {
				return mixedCase
			}
			if unicode.IsLetter(r) {
				hasLetter = true
			}
		}
		if hasLetter {
			words++
		}
	}
	if words >= 3 {
		return allCaps
	}
	return mixedCase
}

// isOpener reports whether w is a function word written with a capital
// first letter, as at the start of a sentence: "The", "But", "He".
func isOpener(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ToLower(w[n:]) != w[n:] {
		return false
	}
	return functionWords[strings.ToLower(w)]
}

// functionWords are words that begin sentences but almost never names.
var functionWords = setOf(
	"a", "an", "the", "this", "that", "these", "those", "some", "many", "most", "all", "any", "each",
	"every", "no", "not", "both", "such", "other", "another", "more", "few", "several",
	"i", "he", "she", "it", "we", "they", "you", "his", "her", "its", "our", "their", "my", "your",
	"there", "here", "what", "who", "whom", "whose", "which", "where", "when", "why", "how",
	"and", "but", "or", "nor", "so", "yet", "if", "because", "although", "though", "while", "as",
	"after", "before", "since", "until", "unless", "once", "whether", "than", "then", "now",
	"in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "about", "against",
	"among", "between", "during", "over", "under", "into", "through", "across", "despite",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
	"will", "would", "can", "could", "should", "may", "might", "must", "shall",
	"also", "still", "even", "only", "just", "however", "meanwhile", "instead", "indeed",
	"last", "next", "first", "earlier", "later", "today", "yesterday", "asked", "according",
)

// isGlue reports whether w may join a name next to a capitalized word
// without a capital itself: a number, a bracket, a period, a possessive.
func isGlue(w string) bool {
	switch w {
	case "(", ")", ".", "'s", "'", "&", "/", "-":
		return true
	}
	return strings.ContainsAny(w, "0123456789")
}
