package timeline

import (
	"math"
)

// vector is a sparse vector: weights by term id, sorted by id.
type vector []weight

type weight struct {
	term int32
	w    float32
}

// tfidf fills v (as long as tf) with the unit-length TF-IDF weights of the
// term counts tf.
func tfidf(v, tf vector, idf []float32) {
	for i, x := range tf {
		v[i] = weight{x.term, x.w * idf[x.term]}
	}
	v.normalize()
}

func (v vector) norm() float64 {
	var s float64
	for _, x := range v {
		s += float64(x.w) * float64(x.w)
	}
	return math.Sqrt(s)
}

func (v vector) normalize() {
	n := v.norm()
	if n == 0 {
		return
	}
	for i := range v {
		v[i].w = float32(float64(v[i].w) / n)
	}
}

// dot is the inner product of two sparse vectors.
func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// acc adds up sparse vectors over a vocabulary of term ids in dense
// arrays, remembering the terms it touched so that reset costs what was
// added and not the vocabulary's size.
type acc struct {
	w     []float64 // weight by term id
	on    []bool    // whether a term has been added
	terms []int32   // the terms added, in order of first addition
}

func newAcc(n int) *acc { return &acc{w: make([]float64, n), on: make([]bool, n)} }

// add adds f times x.
func (a *acc) add(x vector, f float64) {
	for _, e := range x {
		if !a.on[e.term] {
			a.on[e.term] = true
			a.terms = append(a.terms, e.term)
		}
		a.w[e.term] += f * float64(e.w)
	}
}

// dot is the inner product of the sum with x.
func (a *acc) dot(x vector) float64 {
	var s float64
	for _, e := range x {
		s += a.w[e.term] * float64(e.w)
	}
	return s
}

// norm is the Euclidean length of the sum.
func (a *acc) norm() float64 {
	var s float64
	for _, t := range a.terms {
		s += a.w[t] * a.w[t]
	}
	return math.Sqrt(s)
}

// reset empties the accumulator.
func (a *acc) reset() {
	for _, t := range a.terms {
		a.w[t], a.on[t] = 0, false
	}
	a.terms = a.terms[:0]
}
