package eval

import (
	"github.com/dateline-news/dateline/internal/tilse"
	"slices"
)

// PRF is a precision, a recall and their harmonic mean, F1.
type PRF struct {
	P, R, F float64
}

// newPRF returns p, r and F1 as tilse's get_f_score computes it.
func newPRF(p, r float64) PRF {
	return PRF{P: p, R: r, F: f1(p, r)}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is num/den, or 0 when den is 0 (where tilse would divide by zero).
func ratio(num float64, den int) float64 {
	if den == 0 {
		return 0
	}
	return num / float64(den)
}

// ROUGEScores are one metric's ROUGE-1 and ROUGE-2 scores.
type ROUGEScores struct {
	R1, R2 PRF
}

// Scores are what a predicted timeline scores against its reference
// timeline(s) under each of tilse's metrics (Martschat & Markert 2017).
type Scores struct {
	// Concat compares all daily summaries of each timeline, concatenated.
	Concat ROUGEScores
	// Agreement compares the summaries of dates that both timelines have.
	Agreement ROUGEScores
	// Align pairs dates 1:1 at least total date distance ("align").
	Align ROUGEScores
	// AlignPlus pairs dates 1:1 at least total cost of date distance times
	// content dissimilarity ("align+").
	AlignPlus ROUGEScores
	// AlignPlusM1 pairs each date with its cheapest counterpart under the
	// align+ cost, many to one ("align+ m:1"): the metric the news-tls
	// protocol reports as AR1 and AR2.
	AlignPlusM1 ROUGEScores
	// Date is precision and recall of the set of predicted dates.
	Date PRF
}

// Evaluator scores predicted timelines against reference timelines with
// tilse's metrics. It is safe for concurrent use.
type Evaluator struct {
	rouge *ROUGE
}

// NewEvaluator returns an Evaluator counting ROUGE units with r; a nil r
// means ApproximateROUGE.
func NewEvaluator(r *ROUGE) *Evaluator {
	if r == nil {
		r = ApproximateROUGE()
	}
	return &Evaluator{rouge: r}
}

// NewEvaluatorFromDir returns an Evaluator using the ROUGE data files in
// dir (see LoadROUGE); dir "" gives an approximate one.
func NewEvaluatorFromDir(dir string) (*Evaluator, error) {
	r, err := LoadROUGE(dir)
	if err != nil {
		return nil, err
	}
	return NewEvaluator(r), nil
}

// ROUGE returns the unit counter the Evaluator uses.
func (e *Evaluator) ROUGE() *ROUGE { return e.rouge }

// Approximate reports whether the Evaluator's scores only approximate
// ROUGE-1.5.5 (it has no ROUGE data files).
func (e *Evaluator) Approximate() bool { return e.rouge.approximate }

// Score scores pred against one gold timeline, as the news-tls protocol
// does (one task per gold timeline). A prediction or gold timeline without
// dates scores 0 throughout.
func (e *Evaluator) Score(pred, gold Timeline) Scores {
	return e.ScoreRefs(pred, []Timeline{gold})
}

// ScoreRefs scores pred against several reference timelines at once, as
// tilse scores against a GroundTruth: the dates of all references count,
// and ROUGE sums hits and reference n-grams over the references while
// counting the prediction's n-grams once per reference (ROUGE -f A).
func (e *Evaluator) ScoreRefs(pred Timeline, refs []Timeline) Scores {
	t := e.newTask(pred, refs)
	if t == nil {
		return Scores{}
	}
	var s Scores
	s.Concat = t.concat()
	s.Agreement = t.agreement()
	s.Date = t.dates()
	dateCost, contentCost := t.costs()
	s.Align = t.perDayMapping(assign(dateCost), assign(transpose(dateCost)))
	s.AlignPlus = t.perDayMapping(assign(contentCost), assign(transpose(contentCost)))
	s.AlignPlusM1 = t.perDayMapping(assignToMinCost(contentCost), assignToMinCost(transpose(contentCost)))
	return s
}

// task holds one prediction and its references, each daily summary counted
// once.
type task struct {
	c *counter

	predDates []Date
	predOrd   []int64
	pred      []*summary // by index into predDates

	refDates []Date // union over references, ascending
	refOrd   []int64
	refs     [][]*summary // [date index][reference], an empty summary where absent
	refSet   map[Date]int
	nrefs    int
	refTLs   []Timeline // the references, for which dates each has
}

func (e *Evaluator) newTask(pred Timeline, refs []Timeline) *task {
	if len(pred) == 0 || len(refs) == 0 {
		return nil
	}
	pred = withoutBlankDays(pred)
	refs = slices.Clone(refs)
	for k := range refs {
		refs[k] = withoutBlankDays(refs[k])
	}
	t := &task{c: newCounter(e.rouge), nrefs: len(refs), refTLs: refs}
	t.predDates = pred.Dates()
	if len(t.predDates) == 0 {
		return nil
	}
	for _, d := range t.predDates {
		t.predOrd = append(t.predOrd, d.Ordinal())
		t.pred = append(t.pred, t.c.summarize(pred[d]))
	}
	t.refSet = map[Date]int{}
	for _, ref := range refs {
		for d := range ref {
			t.refSet[d] = 0
		}
	}
	if len(t.refSet) == 0 {
		return nil
	}
	for d := range t.refSet {
		t.refDates = append(t.refDates, d)
	}
	tilse.SortDates(t.refDates)
	for j, d := range t.refDates {
		t.refSet[d] = j
		t.refOrd = append(t.refOrd, d.Ordinal())
		models := make([]*summary, len(refs))
		for k, ref := range refs {
			if sents, ok := ref[d]; ok {
				models[k] = t.c.summarize(sents)
			} else {
				models[k] = emptySummary
			}
		}
		t.refs = append(t.refs, models)
	}
	return t
}

// withoutBlankDays returns tl without the dates whose summary has no
// sentence that is more than white space. tilse's reader keeps such a date
// (with one empty sentence), but the reference scores of the published
// protocol treat it as not predicted: a date line directly followed by the
// separator does not count as a date.
func withoutBlankDays(tl Timeline) Timeline {
	blank := 0
	for _, sents := range tl {
		if tilse.IsBlank(sents) {
			blank++
		}
	}
	if blank == 0 {
		return tl
	}
	out := make(Timeline, len(tl)-blank)
	for d, sents := range tl {
		if !tilse.IsBlank(sents) {
			out[d] = sents
		}
	}
	return out
}

// scoresOf turns summed counts into ROUGE-1 and ROUGE-2 precision, recall
// and F.
func scoresOf(precNum [2]float64, precDen [2]int, recNum [2]float64, recDen [2]int) ROUGEScores {
	return ROUGEScores{
		R1: newPRF(ratio(precNum[0], precDen[0]), ratio(recNum[0], recDen[0])),
		R2: newPRF(ratio(precNum[1], precDen[1]), ratio(recNum[1], recDen[1])),
	}
}

// concat is tilse's evaluate_concat: one ROUGE run of all predicted
// sentences (in date order) against each reference's sentences.
func (t *task) concat() ROUGEScores {
	var units []int32
	for _, s := range t.pred {
		units = append(units, s.units...)
	}
	peer := newSummary(units, nil)
	models := make([]*summary, t.nrefs)
	for k := range models {
		var units []int32
		for j, d := range t.refDates {
			if _, ok := t.refTLs[k][d]; ok {
				units = append(units, t.refs[j][k].units...)
			}
		}
		models[k] = newSummary(units, nil)
	}
	h, m, p := rougeCounts(peer, models)
	var hf [2]float64
	for n := range hf {
		hf[n] = float64(h[n])
	}
	return scoresOf(hf, p, hf, m)
}

// agreement is tilse's evaluate_agreement: daily summaries compared date by
// date; precision over predicted dates, recall over reference dates.
func (t *task) agreement() ROUGEScores {
	var precNum, recNum [2]float64
	var precDen, recDen [2]int
	empty := make([]*summary, t.nrefs)
	for k := range empty {
		empty[k] = emptySummary
	}
	predIdx := make(map[Date]int, len(t.predDates))
	for i, d := range t.predDates {
		predIdx[d] = i
	}
	all := slices.Clone(t.predDates)
	for _, d := range t.refDates {
		if _, ok := predIdx[d]; !ok {
			all = append(all, d)
		}
	}
	for _, d := range all {
		peer, inPred := emptySummary, false
		if i, ok := predIdx[d]; ok {
			peer, inPred = t.pred[i], true
		}
		models, inRef := empty, false
		if j, ok := t.refSet[d]; ok {
			models, inRef = t.refs[j], true
		}
		h, m, p := rougeCounts(peer, models)
		for n := range 2 {
			if inPred {
				precNum[n] += float64(h[n])
				precDen[n] += p[n]
			}
			if inRef {
				recNum[n] += float64(h[n])
				recDen[n] += m[n]
			}
		}
	}
	return scoresOf(precNum, precDen, recNum, recDen)
}

// dates is tilse's evaluate_dates.
func (t *task) dates() PRF {
	both := 0
	for _, d := range t.predDates {
		if _, ok := t.refSet[d]; ok {
			both++
		}
	}
	p := float64(both) / float64(len(t.predDates))
	r := float64(both) / float64(len(t.refDates))
	return newPRF(p, r)
}

// dateFactor is tilse's date cost, 1 - 1/(|Δdays|+1).
func dateFactor(a, b int64) float64 {
	return 1 - 1/float64(absDays(a, b)+1)
}

// discount is the weight of an aligned pair's hits, 1/(|Δdays|+1).
func discount(a, b int64) float64 {
	return 1 / float64(absDays(a, b)+1)
}

func absDays(a, b int64) int64 {
	if a > b {
		return a - b
	}
	return b - a
}

// costs returns tilse's alignment cost matrices, predicted dates × reference
// dates: _get_date_costs and _get_date_content_costs (date factor times
// 1 - approximate ROUGE-1 F of the raw tokens). The recall-side matrices
// tilse builds are their transposes, entry for entry.
func (t *task) costs() (date, content [][]float64) {
	date = make([][]float64, len(t.pred))
	content = make([][]float64, len(t.pred))
	for i := range t.pred {
		date[i] = make([]float64, len(t.refDates))
		content[i] = make([]float64, len(t.refDates))
		for j := range t.refDates {
			df := dateFactor(t.predOrd[i], t.refOrd[j])
			date[i][j] = df
			content[i][j] = df * (1 - approxROUGE1(t.pred[i], t.refs[j]))
		}
	}
	return date, content
}

// perDayMapping is tilse's _evaluate_per_day_mapping_micro for a precision
// alignment (predicted date index, reference date index) and a recall
// alignment (reference date index, predicted date index): aligned
// summaries are compared with ROUGE and their hits discounted by
// 1/(|Δdays|+1); dates left unaligned add their n-grams to the
// denominators only.
func (t *task) perDayMapping(precPairs, recPairs [][2]int) ROUGEScores {
	var precNum, recNum [2]float64
	var precDen, recDen [2]int
	empty := make([]*summary, t.nrefs)
	for k := range empty {
		empty[k] = emptySummary
	}

	matched := make([]bool, len(t.pred))
	for _, pr := range precPairs {
		i, j := pr[0], pr[1]
		matched[i] = true
		w := discount(t.predOrd[i], t.refOrd[j])
		h, _, p := rougeCounts(t.pred[i], t.refs[j])
		for n := range 2 {
			precNum[n] += float64(w * float64(h[n])) // no fused multiply-add
			precDen[n] += p[n]
		}
	}
	for i, ok := range matched {
		if !ok {
			_, _, p := rougeCounts(t.pred[i], empty)
			for n := range 2 {
				precDen[n] += p[n]
			}
		}
	}

	matched = make([]bool, len(t.refDates))
	for _, pr := range recPairs {
		j, i := pr[0], pr[1]
		matched[j] = true
		w := discount(t.predOrd[i], t.refOrd[j])
		h, m, _ := rougeCounts(t.pred[i], t.refs[j])
		for n := range 2 {
			recNum[n] += float64(w * float64(h[n]))
			recDen[n] += m[n]
		}
	}
	for j, ok := range matched {
		if !ok {
			_, m, _ := rougeCounts(emptySummary, t.refs[j])
			for n := range 2 {
				recDen[n] += m[n]
			}
		}
	}
	return scoresOf(precNum, precDen, recNum, recDen)
}
