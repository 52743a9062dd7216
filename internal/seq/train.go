package seq

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Sequence is one training instance: the features of each position and its
// gold label.
type Sequence struct {
	Features [][]Feature
	Labels   []int
}

// Options configure a Trainer.
type Options struct {
	// Seed drives the order in which each epoch visits the instances.
	Seed uint64
	// MinCount drops features seen at fewer positions of the training data
	// (1 or less keeps all).
	MinCount int
	// Allowed says which label may follow which (prev -1: the start; next
	// -1: the end); nil allows all. Scheme.Allowed fits.
	Allowed func(prev, next int) bool
}

// Trainer fits a Model with the averaged structured perceptron: for each
// instance in turn it decodes with the current weights and, where the
// result differs from the gold labels, adds one to the weights of the gold
// features and labels and subtracts one from the predicted ones. The Model
// it returns averages the weights over every step (Collins 2002), computed
// lazily (Daumé 2006). It is not safe for concurrent use.
type Trainer struct {
	labels []string
	data   []instance
	index  map[Feature]int32
	keys   []Feature // keys[row] is the feature of a row
	// w is the current weight of each (feature row, label); u accumulates
	// step × change, so that the average is w − u/step.
	w     []int32
	u     []int64
	tw    []int32 // transitions, (L+1)×L, as Model.trans
	tu    []int64
	ew    []int32 // end weights
	eu    []int64
	legal []bool // (L+1)×L
	elgl  []bool
	step  int64
	rng   *rand.Rand
	cur   Model // current weights of the transitions, for decoding
	lat   Lattice
	pred  []int
}

// instance is a Sequence with its features replaced by rows.
type instance struct {
	rows   []int32 // feature rows of all positions
	starts []int32 // position i's rows are rows[starts[i]:starts[i+1]]
	labels []uint8
}

// NewTrainer prepares the training data for labels; it fails if a label is
// out of range or the label set is too large.
func NewTrainer(labels []string, data []Sequence, opt Options) (*Trainer, error) {
	L := len(labels)
	if L == 0 || L > MaxLabels {
		return nil, fmt.Errorf("seq: %d labels: want 1 to %d", L, MaxLabels)
	}
	t := &Trainer{labels: labels, step: 1, rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))}
	if err := t.intern(data, opt.MinCount); err != nil {
		return nil, err
	}
	t.w = make([]int32, len(t.index)*L)
	t.u = make([]int64, len(t.index)*L)
	t.tw, t.tu, t.legal = make([]int32, (L+1)*L), make([]int64, (L+1)*L), make([]bool, (L+1)*L)
	t.ew, t.eu, t.elgl = make([]int32, L), make([]int64, L), make([]bool, L)
	for p := -1; p < L; p++ {
		for n := 0; n < L; n++ {
			t.legal[(p+1)*L+n] = opt.Allowed == nil || opt.Allowed(p, n)
		}
	}
	for n := 0; n < L; n++ {
		t.elgl[n] = opt.Allowed == nil || opt.Allowed(n, -1)
	}
	t.cur = Model{labels: labels, trans: make([]float32, (L+1)*L), end: make([]float32, L)}
	t.syncTransitions()
	t.cur.link()
	t.syncTransitions()
	return t, nil
}

// intern numbers the features seen at least minCount times, in order of
// first appearance, and stores the data as rows.
func (t *Trainer) intern(data []Sequence, minCount int) error {
	counts := map[Feature]int32{}
	for _, s := range data {
		for _, fs := range s.Features {
			for _, f := range fs {
				counts[f]++
			}
		}
	}
	t.index = map[Feature]int32{}
	t.data = make([]instance, 0, len(data))
	for k, s := range data {
		if len(s.Labels) != len(s.Features) {
			return fmt.Errorf("seq: instance %d: %d labels for %d positions", k, len(s.Labels), len(s.Features))
		}
		in := instance{starts: make([]int32, 0, len(s.Features)+1), labels: make([]uint8, len(s.Labels))}
		for i, fs := range s.Features {
			if s.Labels[i] < 0 || s.Labels[i] >= len(t.labels) {
				return fmt.Errorf("seq: instance %d position %d: label %d out of range", k, i, s.Labels[i])
			}
			in.labels[i] = uint8(s.Labels[i])
			in.starts = append(in.starts, int32(len(in.rows)))
			for _, f := range fs {
				if int(counts[f]) < minCount {
					continue
				}
				r, ok := t.index[f]
				if !ok {
					r = int32(len(t.index))
					t.index[f] = r
					t.keys = append(t.keys, f)
				}
				in.rows = append(in.rows, r)
			}
		}
		in.starts = append(in.starts, int32(len(in.rows)))
		t.data = append(t.data, in)
	}
	if len(t.data) == 0 {
		return errors.New("seq: no training instances")
	}
	return nil
}

// syncTransitions copies the current transition weights into t.cur.
func (t *Trainer) syncTransitions() {
	for i, ok := range t.legal {
		t.cur.trans[i] = negInf
		if ok {
			t.cur.trans[i] = float32(t.tw[i])
		}
	}
	for i, ok := range t.elgl {
		t.cur.end[i] = negInf
		if ok {
			t.cur.end[i] = float32(t.ew[i])
		}
	}
	L := len(t.labels)
	for n, ps := range t.cur.preds {
		for k := range ps {
			ps[k].weight = t.cur.trans[(int(ps[k].label)+1)*L+n]
		}
	}
}

// Epoch makes one pass over the instances in a new random order and
// returns the number of positions it labelled wrongly before updating.
func (t *Trainer) Epoch() int {
	wrong := 0
	for _, k := range t.rng.Perm(len(t.data)) {
		wrong += t.learn(&t.data[k])
		t.step++
	}
	return wrong
}

// learn decodes one instance with the current weights and updates them
// where it errs.
func (t *Trainer) learn(in *instance) int {
	L, n := len(t.labels), len(in.labels)
	if n == 0 {
		return 0
	}
	t.lat.Reset(&t.cur, n)
	for i := 0; i < n; i++ {
		row := t.lat.Row(i)
		for _, r := range in.rows[in.starts[i]:in.starts[i+1]] {
			ws := t.w[int(r)*L : int(r)*L+L]
			for y, v := range ws {
				row[y] += float32(v)
			}
		}
	}
	t.pred = t.lat.Decode(&t.cur, t.pred)
	wrong, moved := 0, false
	prevG, prevP := -1, -1
	for i := 0; i < n; i++ {
		g, p := int(in.labels[i]), t.pred[i]
		if g != p {
			wrong++
			for _, r := range in.rows[in.starts[i]:in.starts[i+1]] {
				t.bump(int(r)*L+g, 1)
				t.bump(int(r)*L+p, -1)
			}
		}
		if g != p || prevG != prevP {
			t.bumpTrans((prevG+1)*L+g, 1)
			t.bumpTrans((prevP+1)*L+p, -1)
			moved = true
		}
		prevG, prevP = g, p
	}
	if prevG != prevP {
		t.ew[prevG]++
		t.eu[prevG] += t.step
		t.ew[prevP]--
		t.eu[prevP] -= t.step
		moved = true
	}
	if moved {
		t.syncTransitions()
	}
	return wrong
}

func (t *Trainer) bump(i int, d int32) {
	t.w[i] += d
	t.u[i] += int64(d) * t.step
}

func (t *Trainer) bumpTrans(i int, d int32) {
	t.tw[i] += d
	t.tu[i] += int64(d) * t.step
}

// Model returns the averaged weights so far as a Model. Features whose
// averaged weights are all within prune of zero are left out (prune 0
// keeps every feature with a non-zero weight).
func (t *Trainer) Model(prune float32) *Model {
	L := len(t.labels)
	c := float64(t.step)
	avg := func(w int32, u int64) float32 { return float32(float64(w) - float64(u)/c) }
	m := &Model{labels: t.labels, trans: make([]float32, (L+1)*L), end: make([]float32, L)}
	row := make([]float32, L)
	for r, f := range t.keys {
		keep := false
		for y := 0; y < L; y++ {
			row[y] = avg(t.w[int(r)*L+y], t.u[int(r)*L+y])
			if math.Abs(float64(row[y])) > float64(prune) {
				keep = true
			}
		}
		if keep {
			m.keys = append(m.keys, f)
			m.w = append(m.w, row...)
		}
	}
	for i, ok := range t.legal {
		m.trans[i] = negInf
		if ok {
			m.trans[i] = avg(t.tw[i], t.tu[i])
		}
	}
	for i, ok := range t.elgl {
		m.end[i] = negInf
		if ok {
			m.end[i] = avg(t.ew[i], t.eu[i])
		}
	}
	m.link()
	return m
}
