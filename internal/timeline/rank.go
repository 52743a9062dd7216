package timeline

import (
	"math"
)

// Day features: what the date ranker knows of one candidate day of a view.
// Counts enter as log(1+n) relative to the largest count of any day in the
// view, so that a topic of 200 articles and one of 2,000 share a scale.
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
	fActors     // the mean over the articles naming the day of the relative salience of the actors their sentences about the day name (Recipe.Salience)
	fEvent      // the share of the articles naming the day that name its most named actor with it, times that actor's relative salience (Recipe.Salience)
	numDayFeatures
)

// shares are the day features that are shares in [0, 1] of a day's own
// articles rather than counts, and enter as they are.
var shares = [numDayFeatures]bool{fActors: true, fEvent: true}

// DayFeatures name the date ranker's features, in order.
var DayFeatures = []string{"bias", "sents", "docs", "docs_after", "docs_before", "eligible",
	"pub_days", "pub0", "pub1", "first", "explicit", "burst", "actors", "event"}

// dayFeatures computes the features of every day that a selected sentence
// names within the view's range.
func (v *view) dayFeatures() (days []day, X [][]float64) {
	type stats struct {
		counts  [numDayFeatures]float64
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
	if v.recipe.Salience {
		v.dayActors(func(d day) *[numDayFeatures]float64 { return &get(d).counts })
	}
	X = make([][]float64, len(days))
	var max [numDayFeatures]float64
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
		X[i] = st.counts[:]
		for f := 1; f < numDayFeatures; f++ {
			max[f] = math.Max(max[f], st.counts[f])
		}
	}
	for i := range X {
		X[i][fBias] = 1
		for f := 1; f < numDayFeatures; f++ {
			if !shares[f] {
				X[i][f] = math.Log1p(X[i][f]) - math.Log1p(max[f])
			}
		}
	}
	return days, X
}
