package seq

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkDecode decodes 40-position sequences of a BIO model with four
// types (9 labels).
func BenchmarkDecode(b *testing.B) {
	s := BIO("PER", "ORG", "LOC", "MISC")
	var data []Sequence
	for i := 0; i < 50; i++ {
		data = append(data, Sequence{Features: [][]Feature{{Hash("a")}, {Hash("b")}}, Labels: []int{1, 2}})
	}
	tr, _ := NewTrainer(s.Labels(), data, Options{Allowed: s.Allowed})
	tr.Epoch()
	m := tr.Model(0)
	rng := rand.New(rand.NewPCG(1, 1))
	var lat Lattice
	lat.Reset(m, 40)
	scores := make([]float32, 40*9)
	for i := range scores {
		scores[i] = float32(rng.NormFloat64())
	}
	var path []int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(lat.scores, scores)
		path = lat.Decode(m, path)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*40), "ns/position")
}
