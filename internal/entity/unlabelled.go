package entity

import (
	"encoding/binary"
	"fmt"
	"github.com/dateline-news/dateline/internal/token"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/cluster"
)

// Unlabelled gathers what the recognizer learns from text nobody labelled:
// the bigrams that word classes are learned from (see internal/cluster),
// and how each word is written where case means something — not first in
// its sentence, not in a headline in capitals. "Japan" is nearly always
// capitalized, "will" nearly never, "Will" only as a name or at a
// sentence's start: a feature the labelled data alone cannot give for
// words it lacks, and the only clue in a headline written in capitals.
type Unlabelled struct {
	Corpus *cluster.Corpus
	casing map[string]*[3]int32 // lower-case form → lower, capitalized, all capitals
	texts  []string             // added with Add, for the gazetteer
	n      int
}

// NewUnlabelled returns an empty gatherer.
func NewUnlabelled() *Unlabelled {
	return &Unlabelled{Corpus: cluster.NewCorpus(), casing: map[string]*[3]int32{}}
}

// Texts is the number of texts added.
func (u *Unlabelled) Texts() int { return u.n }

// Add tokenizes a text as the recognizer does and counts its sequences;
// the text is kept to build the gazetteer from.
func (u *Unlabelled) Add(text string) {
	u.texts = append(u.texts, text)
	u.count(text)
}

// AddTraining counts a text of the labelled data (for word classes and
// casing) without keeping it: the gazetteer is learned from other text.
func (u *Unlabelled) AddTraining(text string) { u.count(text) }

func (u *Unlabelled) count(text string) {
	u.n++
	var tk token.Text
	tk.Split(text)
	words := make([]string, 0, 64)
	for k := range tk.Seqs {
		from, to := tk.Seq(k)
		toks := tk.Toks[from:to]
		words = words[:0]
		for _, t := range toks {
			words = append(words, cluster.Form(t.Norm))
		}
		u.Corpus.Add(words)
		if sequenceMode(toks) == allCaps {
			continue
		}
		for i, t := range toks {
			if i == 0 || token.IsCloser(toks[i-1].Norm) || toks[i-1].Norm == `"` {
				continue
			}
			c, ok := caseOf(t.Norm)
			if !ok {
				continue
			}
			l := strings.ToLower(t.Norm)
			n := u.casing[l]
			if n == nil {
				n = new([3]int32)
				u.casing[l] = n
			}
			n[c]++
		}
	}
}

// caseOf tells how a word with letters is written: 0 lower case, 1
// capitalized, 2 all capitals (two letters or more); false for a word
// without letters.
func caseOf(w string) (int, bool) {
	upper, lower := 0, 0
	first := true
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		default:
			continue
		}
		first = false
	}
	switch {
	case upper+lower == 0:
		return 0, false
	case lower == 0 && upper >= 2:
		return 2, true
	case firstUpper:
		return 1, true
	}
	return 0, true
}

// casingTable maps lower-case word forms to how they are usually written.
type casingTable map[string]uint8

// Casing buckets: how a word is usually written where case means
// something (0: unknown).
const (
	caseUnknown     uint8 = iota
	caseLower             // capitalized under 5% of the time
	caseMostlyLower       // under half
	caseMostlyCap         // half or more
	caseCap               // 95% or more
	caseAcronym           // in capitals half the time or more
)

// Casing returns the casing table of words seen at least minCount times.
func (u *Unlabelled) Casing(minCount int) casingTable {
	t := casingTable{}
	for w, n := range u.casing {
		total := n[0] + n[1] + n[2]
		if int(total) < minCount {
			continue
		}
		capped := float64(n[1]+n[2]) / float64(total)
		b := caseLower
		switch {
		case 2*n[2] >= total:
			b = caseAcronym
		case capped >= 0.95:
			b = caseCap
		case capped >= 0.5:
			b = caseMostlyCap
		case capped >= 0.05:
			b = caseMostlyLower
		}
		t[w] = b
	}
	return t
}

func (t casingTable) of(w string) uint8 {
	if b, ok := t[strings.ToLower(w)]; ok {
		return b
	}
	return caseUnknown
}

// marshal writes the table: its size, then each word and bucket, in order.
func (t casingTable) marshal() []byte {
	words := make([]string, 0, len(t))
	for w := range t {
		words = append(words, w)
	}
	slices.Sort(words)
	b := binary.AppendUvarint(nil, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = append(b, t[w])
	}
	return b
}

func unmarshalCasing(b []byte) (casingTable, error) {
	bad := fmt.Errorf("%w: bad casing table", ErrModel)
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	t := make(casingTable, n)
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(b)
		if k <= 0 || l+1 > uint64(len(b)-k) || !utf8.Valid(b[k:k+int(l)]) {
			return nil, bad
		}
		t[string(b[k:k+int(l)])] = b[k+int(l)]
		b = b[k+int(l)+1:]
	}
	if len(b) != 0 {
		return nil, bad
	}
	return t, nil
}
