package seq

import (
	"fmt"
	"slices"
)

// Average returns the model whose weights are the means of the models'
// weights: the average of models trained with other seeds (or data) labels
// like their ensemble, at the cost of one. The models must have the same
// labels and legal transitions.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("seq: average of no models")
	}
	first := models[0]
	L := len(first.labels)
	out := &Model{labels: first.labels, trans: make([]float32, len(first.trans)), end: make([]float32, L)}
	rows := map[Feature]int{}
	k := float32(len(models))
	for _, m := range models {
		if !slices.Equal(m.labels, first.labels) {
			return nil, fmt.Errorf("seq: average: labels %v and %v", m.labels, first.labels)
		}
		for i, v := range m.trans {
			if isInf(v) != isInf(first.trans[i]) {
				return nil, fmt.Errorf("seq: average: models differ in legal transitions")
			}
			out.trans[i] += v / k
		}
		for i, v := range m.end {
			if isInf(v) != isInf(first.end[i]) {
				return nil, fmt.Errorf("seq: average: models differ in legal ends")
			}
			out.end[i] += v / k
		}
		for r, f := range m.keys {
			o, ok := rows[f]
			if !ok {
				o = len(out.keys)
				rows[f] = o
				out.keys = append(out.keys, f)
				out.w = append(out.w, make([]float32, L)...)
			}
			for y, v := range m.w[r*L : r*L+L] {
				out.w[o*L+y] += v / k
			}
		}
	}
	out.link()
	return out, nil
}
