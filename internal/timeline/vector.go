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
