package seq

import "math"

// MaxLabels is the largest label set a Model handles.
const MaxLabels = 64

// Model is a trained labeller: a weight per (feature, label) and per pair of
// consecutive labels. It is safe for concurrent use once trained or read.
type Model struct {
	labels []string
	keys   []Feature    // the feature of each row of weights
	index  featureTable // feature → row
	w      []float32    // rows of len(labels) weights
	// trans[(p+1)*L+n] is the weight of label n after p; p = -1 is the
	// start of a sequence. end[n] is the weight of n ending it. Illegal
	// transitions weigh -Inf.
	trans []float32
	end   []float32
	// preds[n] lists the labels that may precede n (not the start), with
	// the weight of the transition.
	preds [][]pred
}

// pred is a label that may precede another and the transition's weight.
type pred struct {
	label  uint8
	weight float32
}

// NumLabels is the number of labels.
func (m *Model) NumLabels() int { return len(m.labels) }

// Labels returns the label names, indexed by label.
func (m *Model) Labels() []string { return m.labels }

// NumFeatures is the number of features with a weight.
func (m *Model) NumFeatures() int { return len(m.keys) }

// Known reports whether feature f has weights.
func (m *Model) Known(f Feature) bool {
	return m.index.get(f) >= 0
}

// AddScores adds the weights of feats to dst, one score per label
// (len(dst) ≥ NumLabels). Unknown features weigh nothing.
func (m *Model) AddScores(dst []float32, feats []Feature) {
	L := len(m.labels)
	dst = dst[:L]
	for _, f := range feats {
		r := m.index.get(f)
		if r < 0 {
			continue
		}
		row := m.w[int(r)*L : int(r)*L+L]
		for y, v := range row {
			dst[y] += v
		}
	}
}

// Transition is the weight of label next after prev (prev -1: the start),
// -Inf when the transition is illegal.
func (m *Model) Transition(prev, next int) float32 {
	return m.trans[(prev+1)*len(m.labels)+next]
}

// link builds the feature table and preds from keys and trans.
func (m *Model) link() {
	L := len(m.labels)
	m.index = newFeatureTable(m.keys)
	m.preds = make([][]pred, L)
	for n := 0; n < L; n++ {
		for p := 0; p < L; p++ {
			if w := m.trans[(p+1)*L+n]; !isInf(w) {
				m.preds[n] = append(m.preds[n], pred{uint8(p), w})
			}
		}
	}
}

func isInf(v float32) bool { return math.IsInf(float64(v), -1) }

var negInf = float32(math.Inf(-1))

// Lattice holds the per-position label scores of one sequence and the
// scratch space to decode it. The zero value is ready to use; reusing one
// Lattice for many sequences avoids allocation. It is not safe for
// concurrent use.
type Lattice struct {
	nl     int // labels per position
	n      int
	scores []float32 // n rows of L
	delta  []float32
	back   []uint8
}

// Reset sizes the lattice for n positions of m's labels, all scores zero.
func (lat *Lattice) Reset(m *Model, n int) {
	lat.nl, lat.n = len(m.labels), n
	size := n * lat.nl
	if cap(lat.scores) < size {
		lat.scores = make([]float32, size)
		lat.delta = make([]float32, size)
		lat.back = make([]uint8, size)
	}
	lat.scores = lat.scores[:size]
	lat.delta = lat.delta[:size]
	lat.back = lat.back[:size]
	clear(lat.scores)
}

// Len is the number of positions.
func (lat *Lattice) Len() int { return lat.n }

// Row returns the scores of position i, one per label, to add weights to.
func (lat *Lattice) Row(i int) []float32 { return lat.scores[i*lat.nl : (i+1)*lat.nl] }

// Decode returns the best legal label sequence under m (Viterbi), appended
// to dst[:0]. Ties go to the lower label.
func (lat *Lattice) Decode(m *Model, dst []int) []int {
	dst = dst[:0]
	L, n := lat.nl, lat.n
	if n == 0 {
		return dst
	}
	for y := 0; y < L; y++ {
		lat.delta[y] = lat.scores[y] + m.trans[y]
	}
	for i := 1; i < n; i++ {
		prev := lat.delta[(i-1)*L : i*L]
		cur := lat.delta[i*L : (i+1)*L]
		back := lat.back[i*L : (i+1)*L]
		emit := lat.scores[i*L : (i+1)*L]
		for y := range cur {
			best, arg := negInf, uint8(0)
			for _, p := range m.preds[y] {
				if v := prev[p.label] + p.weight; v > best {
					best, arg = v, p.label
				}
			}
			cur[y] = best + emit[y]
			back[y] = arg
		}
	}
	last := lat.delta[(n-1)*L : n*L]
	best, arg := negInf, 0
	for y := 0; y < L; y++ {
		if v := last[y] + m.end[y]; v > best {
			best, arg = v, y
		}
	}
	for i := 0; i < n; i++ {
		dst = append(dst, 0)
	}
	dst[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(lat.back[i*L+arg])
		dst[i-1] = arg
	}
	return dst
}

// Tag labels one sequence given the features of each position: a
// convenience over Lattice for callers that cache nothing.
func (m *Model) Tag(feats [][]Feature) []int {
	var lat Lattice
	lat.Reset(m, len(feats))
	for i, fs := range feats {
		m.AddScores(lat.Row(i), fs)
	}
	return lat.Decode(m, nil)
}
