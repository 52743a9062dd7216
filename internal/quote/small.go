package quote

import (
	"math"
	"math/bits"
	"slices"

	"github.com/dateline-news/dateline/internal/seq"
)

// Small templates: features whose value is a small number (a bucket, a
// word class, or a pair of them), so that every value's weights fit a
// table built once per extractor. The cue labeller reads each token's cue
// prior (how often its stem is a cue in the training data) beside the
// function classes of its neighbours: what a verb of saying does in
// context carries over to verbs seen less often.

// priorBuckets bound the cue priors: below 1%, 3%, 8%, 20%, 40%, 60%, and
// above.
var priorBuckets = [...]float64{0.01, 0.03, 0.08, 0.2, 0.4, 0.6}

const numPrior = len(priorBuckets) + 2 // and 0 for a stem never seen as a cue

// priorBucket buckets a stem's cue count out of its count (smoothed, so
// that a stem seen once is no certain cue).
func priorBucket(cue, all int) uint8 {
	if cue == 0 {
		return 0
	}
	p := float64(cue) / float64(all+3)
	for b, t := range priorBuckets {
		if p < t {
			return uint8(b + 1)
		}
	}
	return uint8(len(priorBuckets) + 1)
}

// functionWords have a function class of their own; every other token is
// classed by its suffix class.
var functionWords = []string{"that", "to", ":", ",", ".", "\"", "'", "the", "a", "he", "she", "they", "it", "we", "i",
	"about", "on", "for", "of", "in", "with", "by", "as", "and", "but", "not", "n't", "has", "have", "had", "is", "was",
	"would", "will", "also", "who", "which", "—", "(", "’s", "'s", "according", "said", "says", "told"}

var suffixClasses = []string{"CD", "NP?", "VG?", "VD|VN?", "R?", "N|VZ?", "N?"}

var fclassOf = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, w := range functionWords {
		m[w] = uint8(i + 2)
	}
	return m
}()

// numFClass counts the function classes: 0 outside the paragraph, 1 any
// other mark, then the function words, then the suffix classes.
var numFClass = 2 + len(functionWords) + len(suffixClasses)

func functionClass(low, tag string) uint8 {
	if c, ok := fclassOf[low]; ok {
		return c
	}
	for i, s := range suffixClasses {
		if tag == s {
			return uint8(2 + len(functionWords) + i)
		}
	}
	return 1
}

// smallTemplate is one small template: its name and how many values it
// takes; value gives token i's value in paragraph p, or -1 for none.
type smallTemplate struct {
	name  seq.Feature
	size  int
	value func(d *doc, i int, p tokRange) int
}

func (d *doc) fclassAt(i int, p tokRange) int {
	if i < p.from || i >= p.to {
		return 0
	}
	return int(d.attrs[i].fcls)
}

func (d *doc) priorAt(i int, p tokRange) int {
	if i < p.from || i >= p.to {
		return 0
	}
	return int(d.attrs[i].prior)
}

// cueSmall are the cue labeller's small templates.
var cueSmall = []smallTemplate{
	{seq.Hash("prior"), numPrior, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p) }},
	{seq.Hash("prior|fc+1"), numPrior * numFClass, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numFClass + d.fclassAt(i+1, p) }},
	{seq.Hash("prior|fc+2"), numPrior * numFClass, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numFClass + d.fclassAt(i+2, p) }},
	{seq.Hash("prior|fc-1"), numPrior * numFClass, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numFClass + d.fclassAt(i-1, p) }},
	{seq.Hash("prior|fc-2"), numPrior * numFClass, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numFClass + d.fclassAt(i-2, p) }},
	{seq.Hash("prior|prior-1"), numPrior * numPrior, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numPrior + d.priorAt(i-1, p) }},
	{seq.Hash("prior|prior+1"), numPrior * numPrior, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numPrior + d.priorAt(i+1, p) }},
	{seq.Hash("prior|quote"), numPrior * numQC, func(d *doc, i int, p tokRange) int { return d.priorAt(i, p)*numQC + d.quoteClass(i) }},
	{seq.Hash("prior|sentence"), numPrior * numSentState, func(d *doc, i int, p tokRange) int {
		return d.priorAt(i, p)*numSentState + d.sentState(i, p)
	}},
	{seq.Hash("fc-1|fc|fc+1"), numFClass * numFClass * numFClass, func(d *doc, i int, p tokRange) int {
		return (d.fclassAt(i-1, p)*numFClass+d.fclassAt(i, p))*numFClass + d.fclassAt(i+1, p)
	}},
	{seq.Hash("prior|fc-1|fc+1"), numPrior * numFClass * numFClass, func(d *doc, i int, p tokRange) int {
		return (d.priorAt(i, p)*numFClass+d.fclassAt(i-1, p))*numFClass + d.fclassAt(i+1, p)
	}},
	{seq.Hash("prior|quotes"), numPrior * 4, func(d *doc, i int, p tokRange) int {
		v := 0
		if d.afterQuote(i, p) {
			v++
		}
		if d.beforeQuote(i, p) {
			v += 2
		}
		return d.priorAt(i, p)*4 + v
	}},
}

// smallFeatures appends the features of templates ts at token i.
func (d *doc) smallFeatures(ts []smallTemplate, i int, p tokRange, dst []seq.Feature) []seq.Feature {
	for _, t := range ts {
		if v := t.value(d, i, p); v >= 0 {
			dst = append(dst, t.name.WithInt(v))
		}
	}
	return dst
}

// smallTable holds the weights of every value of some templates, one
// sparseRows per template.
type smallTable []sparseRows

// newSmallTable weighs under m every value of n templates, template k
// named name and taking size values.
func newSmallTable(m *seq.Model, n int, template func(k int) (name seq.Feature, size int)) smallTable {
	t := make(smallTable, n)
	for k := range t {
		name, size := template(k)
		t[k] = newSparseRows(m, name, size)
	}
	return t
}

// scores adds the weights of the cue templates ts at token i to row.
func (t smallTable) scores(d *doc, ts []smallTemplate, i int, p tokRange, row *cueRow) {
	for k, tmpl := range ts {
		if v := tmpl.value(d, i, p); v >= 0 && v < tmpl.size {
			if r := t[k].row(v, cueLabels); r != nil {
				addCue(row, (*cueRow)(r))
			}
		}
	}
}

// sparseRows are the weights of the values of one small template, without
// the rows that weigh nothing: most values of the wide templates never
// occurred in training (fc-1|fc|fc+1 of the shipped model weighs 9,559
// of its 157,464 values), and as a dense table of 1.9 MB it fell out of
// the cache at every position. Leaving a row of zeros out leaves every sum
// as it was: a score is a sum from +0, which adding +0 does not change.
type sparseRows struct {
	present []uint64  // bit v: value v has a row
	rank    []uint32  // rank[w]: the rows of the values below 64w
	rows    []float32 // the rows, in order of their values
}

func newSparseRows(m *seq.Model, name seq.Feature, size int) sparseRows {
	L := m.NumLabels()
	s := sparseRows{present: make([]uint64, (size+63)/64), rank: make([]uint32, (size+63)/64)}
	row := make([]float32, L)
	for v := range size {
		if v%64 == 0 {
			s.rank[v/64] = uint32(len(s.rows) / L)
		}
		clear(row)
		m.AddScores(row, []seq.Feature{name.WithInt(v)})
		if slices.ContainsFunc(row, func(w float32) bool { return math.Float32bits(w) != 0 }) {
			s.present[v/64] |= 1 << (v % 64)
			s.rows = append(s.rows, row...)
		}
	}
	return s
}

// row returns the L weights of value v, or nil when they are all zero.
func (s *sparseRows) row(v, L int) []float32 {
	w, b := v/64, uint(v%64)
	set := s.present[w]
	if set&(1<<b) == 0 {
		return nil
	}
	k := int(s.rank[w]) + bits.OnesCount64(set&(1<<b-1))
	return s.rows[k*L : (k+1)*L]
}

// roleTemplate is a small template of the role labeller: its value may
// read where the token stands from the cue.
type roleTemplate struct {
	name  seq.Feature
	size  int
	value func(d *doc, r rolePos, i int, p tokRange) int
}

// The role labeller's small templates pair the function classes of a token
// and its neighbours with its side, distance, quotation and sentence.
var roleSmall = []roleTemplate{
	{seq.Hash("r:fc|dist"), 2 * numDist * numFClass, func(d *doc, r rolePos, i int, p tokRange) int {
		return (r.dir*numDist+r.db)*numFClass + d.fclassAt(i, p)
	}},
	{seq.Hash("r:fc|fc+1"), 2 * numFClass * numFClass, func(d *doc, r rolePos, i int, p tokRange) int {
		return (r.dir*numFClass+d.fclassAt(i, p))*numFClass + d.fclassAt(i+1, p)
	}},
	{seq.Hash("r:fc-1|fc"), 2 * numFClass * numFClass, func(d *doc, r rolePos, i int, p tokRange) int {
		return (r.dir*numFClass+d.fclassAt(i-1, p))*numFClass + d.fclassAt(i, p)
	}},
	{seq.Hash("r:fc|region|sents"), 2 * (int(relOther) + 1) * 4 * numFClass, func(d *doc, r rolePos, i int, p tokRange) int {
		return ((r.dir*(int(relOther)+1)+r.reg)*4+r.sents)*numFClass + d.fclassAt(i, p)
	}},
	{seq.Hash("r:prior|dist"), 2 * numDist * numPrior, func(d *doc, r rolePos, i int, p tokRange) int {
		return (r.dir*numDist+r.db)*numPrior + d.priorAt(i, p)
	}},
	{seq.Hash("r:fc|quote|commas"), 2 * numQC * 5 * numFClass, func(d *doc, r rolePos, i int, p tokRange) int {
		return ((r.dir*numQC+r.qc)*5+r.commas)*numFClass + d.fclassAt(i, p)
	}},
}

func (d *doc) roleSmallFeatures(r rolePos, i int, p tokRange, dst []seq.Feature) []seq.Feature {
	for _, t := range roleSmall {
		dst = append(dst, t.name.WithInt(t.value(d, r, i, p)))
	}
	return dst
}

func (t smallTable) roleScores(d *doc, r rolePos, i int, p tokRange, row *roleRow) {
	for k, tmpl := range roleSmall {
		if v := tmpl.value(d, r, i, p); v >= 0 && v < tmpl.size {
			if w := t[k].row(v, roleLabels); w != nil {
				addRole(row, (*roleRow)(w))
			}
		}
	}
}
