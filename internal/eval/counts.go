package eval

import (
	"slices"
	"strings"
)

// pyPunctuation is Python's string.punctuation. tilse's approximate ROUGE-1
// drops a token when "token in string.punctuation" holds, a substring test:
// so "." and "()" go, but PTB's doubled quote marks (two backquotes, two
// apostrophes) stay.
const pyPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// gram is an n-gram (unigram or bigram of interned unit ids) and how often
// it occurs in a summary.
type gram struct {
	key uint64
	n   int32
}

// summary is one summary ready for counting: its ROUGE units, their unigram
// and bigram counts (sorted by key), and the counts of its raw
// whitespace-separated tokens for tilse's approximate ROUGE-1.
type summary struct {
	units  []int32
	grams  [2][]gram
	total  [2]int
	words  []gram
	nWords int
}

var emptySummary = &summary{}

// counter interns units and raw tokens for one scoring task, so that
// n-grams are small integers. It is not safe for concurrent use.
type counter struct {
	r      *ROUGE
	unitID map[string]int32
	wordID map[string]int32
	toks   []string
	units  []string
}

func newCounter(r *ROUGE) *counter {
	return &counter{r: r, unitID: map[string]int32{}, wordID: map[string]int32{}}
}

func intern(ids map[string]int32, s string) int32 {
	id, ok := ids[s]
	if !ok {
		id = int32(len(ids))
		ids[s] = id
	}
	return id
}

// summarize counts the sentences of one daily summary.
func (c *counter) summarize(sentences []string) *summary {
	c.toks = readText(sentences, c.toks[:0])
	c.units = c.r.units(c.toks, c.units[:0])
	ids := make([]int32, len(c.units))
	for i, u := range c.units {
		ids[i] = intern(c.unitID, u)
	}
	var words []uint64
	for _, s := range sentences {
		for _, w := range pyFields(s) {
			if strings.Contains(pyPunctuation, w) {
				continue
			}
			words = append(words, uint64(intern(c.wordID, w)))
		}
	}
	return newSummary(ids, words)
}

// newSummary counts the unigrams and bigrams of units (ROUGE's
// createNGram: bigrams of consecutive units, so across removed stop words
// and sentence boundaries) and the raw words.
func newSummary(units []int32, words []uint64) *summary {
	s := &summary{units: units, nWords: len(words)}
	keys := make([]uint64, 0, len(units))
	for _, u := range units {
		keys = append(keys, uint64(u))
	}
	s.grams[0], s.total[0] = countKeys(keys)
	keys = keys[:0]
	for i := 1; i < len(units); i++ {
		keys = append(keys, uint64(units[i-1])<<32|uint64(units[i]))
	}
	s.grams[1], s.total[1] = countKeys(keys)
	s.words, _ = countKeys(words)
	return s
}

// countKeys sorts keys in place and returns each distinct key with its
// count, and the number of keys.
func countKeys(keys []uint64) ([]gram, int) {
	if len(keys) == 0 {
		return nil, 0
	}
	slices.Sort(keys)
	var out []gram
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		out = append(out, gram{keys[i], int32(j - i)})
		i = j
	}
	return out, len(keys)
}

// clippedHits is ROUGE's ngramScore hit count: the sum over shared n-grams
// of the smaller of the two counts.
func clippedHits(a, b []gram) int {
	h := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			h += int(min(a[i].n, b[j].n))
			i++
			j++
		}
	}
	return h
}

// rougeCounts is what ROUGE-1.5.5 (-n 2 -f A -t 2) reports for one peer
// summary against several model summaries, for n = 1, 2: hits and model
// n-grams summed over the models, and the peer's n-grams counted once per
// model.
func rougeCounts(peer *summary, models []*summary) (h, m, p [2]int) {
	for _, model := range models {
		for n := range 2 {
			h[n] += clippedHits(peer.grams[n], model.grams[n])
			m[n] += model.total[n]
			p[n] += peer.total[n]
		}
	}
	return h, m, p
}

// approxROUGE1 is tilse's util.compute_rouge_approximation: an F1 of
// clipped matches of raw whitespace-separated tokens (case kept, nothing
// stemmed, only punctuation tokens removed), with the precision denominator
// counted once per reference.
func approxROUGE1(pred *summary, refs []*summary) float64 {
	match, refTotal := 0, 0
	for _, ref := range refs {
		match += clippedHits(pred.words, ref.words)
		refTotal += ref.nWords
	}
	precDen := len(refs) * pred.nWords
	var p, r float64
	if precDen != 0 {
		p = float64(match) / float64(precDen)
	}
	if refTotal != 0 {
		r = float64(match) / float64(refTotal)
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
