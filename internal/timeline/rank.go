package timeline

import (
	"math"
	"time"
)

// Day features: what a ranker knows of one candidate day of a view. Counts
// enter as log(1+n) relative to the largest count of any day in the view,
// so that a topic of 200 articles and one of 2,000 speak the same scale.
const (
	fBias       = iota
	fSents      // sentences that name the day
	fDocs       // articles that name the day
	fDocsAfter  // articles published after the day that name it (looking back)
	fDocsBefore // articles published before the day that name it (looking ahead)
	fEligible   // sentences that name the day and may enter the timeline
	fPubDays    // distinct publication days of the articles that name it
	fPub0       // articles published on the day
	fPub1       // articles published the day after
	fFirst      // articles whose first dated sentence names the day
	fExplicit   // articles published two or more days later that write the day out ("March 18")
	fBurst      // articles published on the day and the next, against the mean of the week around
	numFeatures
)

// FeatureNames label the day features, in order.
var FeatureNames = [numFeatures]string{"bias", "sents", "docs", "docs_after", "docs_before", "eligible",
	"pub_days", "pub0", "pub1", "first", "explicit", "burst"}

// dayFeatures computes the features of every day that a selected sentence
// names within the view's range.
func (v *view) dayFeatures() (days []day, X [][numFeatures]float64) {
	type stats struct {
		counts  [numFeatures]float64
		docs    map[int]bool
		pubDays map[day]bool
	}
	byDay := map[day]*stats{}
	get := func(d day) *stats {
		s := byDay[d]
		if s == nil {
			s = &stats{docs: map[int]bool{}, pubDays: map[day]bool{}}
			byDay[d] = s
			days = append(days, d)
		}
		return s
	}
	firstSeen := map[int]bool{} // articles whose first dated sentence was counted
	explicitSeen := map[[2]int]bool{}
	pubCount := map[day]float64{}
	seenDoc := map[int]bool{}
	for i := range v.sel {
		s := v.sent(i)
		if !seenDoc[s.doc] {
			seenDoc[s.doc] = true
			pubCount[s.pub]++
		}
		for j, d := range s.refs {
			if !v.inRange(d) {
				continue
			}
			st := get(d)
			st.counts[fSents]++
			if v.eligible[i] {
				st.counts[fEligible]++
			}
			if !st.docs[s.doc] {
				st.docs[s.doc] = true
				st.counts[fDocs]++
				switch {
				case s.pub > d:
					st.counts[fDocsAfter]++
				case s.pub < d:
					st.counts[fDocsBefore]++
				}
				st.pubDays[s.pub] = true
			}
			if s.explicit[j] && s.pub >= d+2 && !explicitSeen[[2]int{s.doc, int(d)}] {
				explicitSeen[[2]int{s.doc, int(d)}] = true
				st.counts[fExplicit]++
			}
			if j == 0 && !firstSeen[s.doc] {
				firstSeen[s.doc] = true
				st.counts[fFirst]++
			}
		}
	}
	X = make([][numFeatures]float64, len(days))
	var max [numFeatures]float64
	for i, d := range days {
		st := byDay[d]
		st.counts[fPubDays] = float64(len(st.pubDays))
		st.counts[fPub0] = pubCount[d]
		st.counts[fPub1] = pubCount[d+1]
		var week float64
		for k := day(-3); k <= 3; k++ {
			week += pubCount[d+k]
		}
		st.counts[fBurst] = 7 * (pubCount[d] + pubCount[d+1]) / (2 * (week + 1))
		X[i] = st.counts
		for f := 1; f < numFeatures; f++ {
			max[f] = math.Max(max[f], st.counts[f])
		}
	}
	for i := range X {
		X[i][fBias] = 1
		for f := 1; f < numFeatures; f++ {
			X[i][f] = math.Log1p(X[i][f]) - math.Log1p(max[f])
		}
	}
	return days, X
}

// Weights score a day's features linearly; a learned date ranker.
type Weights [numFeatures]float64

// score is the weighted sum of x.
func (w *Weights) score(x *[numFeatures]float64) float64 {
	var s float64
	for f := range x {
		s += w[f] * x[f]
	}
	return s
}

// Examples are the candidate days of one task with their features and
// whether each is a gold date: the training data of a date ranker.
type Examples struct {
	X [][numFeatures]float64
	Y []bool
}

// DayExamples returns the candidate days of a task (the timeline opt asks
// for) labelled by the gold dates.
func (c *Corpus) DayExamples(opt Options, gold []time.Time) Examples {
	v := c.newView(opt.withDefaults())
	days, X := v.dayFeatures()
	isGold := map[day]bool{}
	for _, g := range gold {
		isGold[dayOf(g)] = true
	}
	ex := Examples{X: X, Y: make([]bool, len(days))}
	for i, d := range days {
		ex.Y[i] = isGold[d]
	}
	return ex
}

// TrainRanker fits date-ranker weights on the examples of several tasks
// with a pairwise logistic loss (RankNet): within each task, every gold day
// should score above every other day. Gradient descent over all pairs of a
// gold day and a non-gold day of the same task, with L2 regularization;
// tasks weigh equally whatever their size. Deterministic.
func TrainRanker(tasks []Examples) Weights {
	type pair struct{ d [numFeatures]float64 } // features of gold minus non-gold
	var pairsByTask [][]pair
	for _, t := range tasks {
		var ps []pair
		var negs []int
		for j, yj := range t.Y {
			if !yj {
				negs = append(negs, j)
			}
		}
		// Every gold day meets at most maxNegatives non-gold days, spread
		// evenly over them (deterministic), which keeps training linear in
		// the size of the task.
		const maxNegatives = 64
		step := 1
		if len(negs) > maxNegatives {
			step = len(negs) / maxNegatives
		}
		for i, yi := range t.Y {
			if !yi {
				continue
			}
			for k := i % step; k < len(negs); k += step {
				j := negs[k]
				var p pair
				for f := range p.d {
					p.d[f] = t.X[i][f] - t.X[j][f]
				}
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			pairsByTask = append(pairsByTask, ps)
		}
	}
	var w Weights
	if len(pairsByTask) == 0 {
		return w
	}
	const (
		iterations = 300
		rate       = 0.5
		l2         = 1e-3
	)
	for it := 0; it < iterations; it++ {
		var grad [numFeatures]float64
		for _, ps := range pairsByTask {
			var g [numFeatures]float64
			for k := range ps {
				z := w.score(&ps[k].d)
				// d/dw log(1+exp(-z)) = -sigmoid(-z) * d
				s := 1 / (1 + math.Exp(z))
				for f := range g {
					g[f] -= s * ps[k].d[f]
				}
			}
			for f := range grad {
				grad[f] += g[f] / float64(len(ps))
			}
		}
		for f := range w {
			w[f] -= rate * (grad[f]/float64(len(pairsByTask)) + l2*w[f])
		}
	}
	return w
}
