package timeline

import (
	"fmt"
	"math"
)

// Model holds the learned weights of the date ranker.
type Model struct {
	Days []float64 `json:"days"` // weights of DayFeatures: which days make the timeline
}

// Check reports whether m has one weight for every feature.
func (m *Model) Check() error {
	if len(m.Days) != numDayFeatures {
		return fmt.Errorf("model has %d day weights, want %d", len(m.Days), numDayFeatures)
	}
	return nil
}

// score is the weighted sum of x.
func score(w, x []float64) float64 {
	var s float64
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

// Group is a set of items to rank — the candidate days of a task — with
// their features and the target they should be ordered by.
type Group struct {
	X [][]float64
	Y []float64
}

// Examples are the training data one task gives: its candidate days,
// labelled 1 when gold and 0 otherwise.
type Examples struct {
	Days Group
}

// Examples computes the training data of the task opt describes, with gold
// as the reference timeline.
func (c *Corpus) Examples(opt Options, gold Timeline) Examples {
	opt = opt.withDefaults()
	v := c.newView(opt)
	goldDays := map[day]bool{}
	for _, e := range gold.Entries {
		goldDays[dayOf(e.Date)] = true
	}
	var ex Examples
	days, X := v.dayFeatures()
	ex.Days = Group{X: X, Y: make([]float64, len(days))}
	for i, d := range days {
		if goldDays[d] {
			ex.Days.Y[i] = 1
		}
	}
	return ex
}

// Train fits ranking weights on groups with a pairwise logistic loss
// (RankNet): within a group, an item whose target exceeds another's by
// more than margin should score higher. Every item meets at most 64 lower
// items, spread evenly (deterministic), which keeps training linear in the
// data; groups weigh equally whatever their size; L2 regularization.
func Train(groups []Group, margin float64) []float64 {
	type pair []float64 // features of the better item minus the worse
	var byGroup [][]pair
	dim := 0
	for _, g := range groups {
		var ps []pair
		for i := range g.X {
			dim = len(g.X[i])
			var lower []int
			for j := range g.X {
				if g.Y[i] > g.Y[j]+margin {
					lower = append(lower, j)
				}
			}
			const maxLower = 64
			step := 1
			if len(lower) > maxLower {
				step = len(lower) / maxLower
			}
			for k := i % step; k < len(lower); k += step {
				j := lower[k]
				p := make(pair, len(g.X[i]))
				for f := range p {
					p[f] = g.X[i][f] - g.X[j][f]
				}
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			byGroup = append(byGroup, ps)
		}
	}
	w := make([]float64, dim)
	if len(byGroup) == 0 {
		return w
	}
	const (
		iterations = 300
		rate       = 0.5
		l2         = 1e-3
	)
	grad := make([]float64, dim)
	g := make([]float64, dim)
	for it := 0; it < iterations; it++ {
		clear(grad)
		for _, ps := range byGroup {
			clear(g)
			for _, p := range ps {
				s := 1 / (1 + math.Exp(score(w, p))) // d/dz log(1+exp(-z)) = -sigmoid(-z)
				for f := range g {
					g[f] -= s * p[f]
				}
			}
			for f := range grad {
				grad[f] += g[f] / float64(len(ps))
			}
		}
		for f := range w {
			w[f] -= rate * (grad[f]/float64(len(byGroup)) + l2*w[f])
		}
	}
	return w
}

// TrainModel fits the date ranker on the examples of several tasks.
func TrainModel(tasks []Examples) *Model {
	var days []Group
	for _, t := range tasks {
		days = append(days, t.Days)
	}
	m := &Model{Days: Train(days, 0.5)}
	if len(m.Days) == 0 {
		m.Days = make([]float64, numDayFeatures)
	}
	return m
}
