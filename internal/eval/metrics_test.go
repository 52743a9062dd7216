package eval

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// The cases below use words of at most three letters that are in no stop
// list, so that ROUGE units are the words themselves and every expected
// value can be worked out by hand (shown beside it).

func prf(p, r float64) PRF { return newPRF(p, r) }

func rs(r1, r2 PRF) ROUGEScores { return ROUGEScores{r1, r2} }

func near(a, b PRF) bool {
	return math.Abs(a.P-b.P) < 1e-12 && math.Abs(a.R-b.R) < 1e-12 && math.Abs(a.F-b.F) < 1e-12
}

func checkScores(t *testing.T, name string, got, want ROUGEScores) {
	t.Helper()
	if !near(got.R1, want.R1) || !near(got.R2, want.R2) {
		t.Errorf("%s: got R1 %+v R2 %+v, want R1 %+v R2 %+v", name, got.R1, got.R2, want.R1, want.R2)
	}
}

func TestScoreHandComputed(t *testing.T) {
	d := day(2020, time.March, 1)
	next := day(2020, time.March, 2)
	third := day(2020, time.March, 3)
	one, zero := prf(1, 1), prf(0, 0)

	tests := []struct {
		name       string
		pred, gold Timeline
		want       Scores
	}{
		{
			name: "identical",
			pred: Timeline{d: {"cat dog fox"}},
			gold: Timeline{d: {"cat dog fox"}},
			want: Scores{
				Concat: rs(one, one), Agreement: rs(one, one), Align: rs(one, one),
				AlignPlus: rs(one, one), AlignPlusM1: rs(one, one), Date: one,
			},
		},
		{
			// One day off: hits count 1/(1+1).
			name: "one day off",
			pred: Timeline{next: {"cat dog fox"}},
			gold: Timeline{d: {"cat dog fox"}},
			want: Scores{
				Concat: rs(one, one), Agreement: rs(zero, zero),
				Align:       rs(prf(0.5, 0.5), prf(0.5, 0.5)),
				AlignPlus:   rs(prf(0.5, 0.5), prf(0.5, 0.5)),
				AlignPlusM1: rs(prf(0.5, 0.5), prf(0.5, 0.5)),
				Date:        zero,
			},
		},
		{
			// pred d: cat dog; pred d+2: cat fox; gold d: cat dog fox.
			name: "two predicted dates, one gold date",
			pred: Timeline{d: {"cat dog"}, third: {"cat fox"}},
			gold: Timeline{d: {"cat dog fox"}},
			want: Scores{
				// peer cat dog cat fox: R1 h=3 p=4 m=3; bigrams cat-dog dog-cat
				// cat-fox vs cat-dog dog-fox: h=1 p=3 m=2.
				Concat: rs(prf(3.0/4, 1), prf(1.0/3, 1.0/2)),
				// d: h=2 p=2 m=3, h2=1 p2=1 m2=2; d+2 adds p=2, p2=1.
				Agreement: rs(prf(2.0/4, 2.0/3), prf(1.0/2, 1.0/2)),
				// 1:1 pairs d with d; d+2 is unmatched.
				Align:     rs(prf(2.0/4, 2.0/3), prf(1.0/2, 1.0/2)),
				AlignPlus: rs(prf(2.0/4, 2.0/3), prf(1.0/2, 1.0/2)),
				// m:1 also maps d+2 to d, its two unigram hits weighted 1/3.
				AlignPlusM1: rs(prf((2+2.0/3)/4, 2.0/3), prf(1.0/2, 1.0/2)),
				Date:        prf(1.0/2, 1),
			},
		},
		{
			// Gold d+1 costs 0 against both predicted dates: against d the
			// content matches (1 - F = 0), against d+1 the date does
			// (1 - 1/1 = 0). m:1 takes the earlier date, d, whose hit counts
			// 1/2; 1:1 must give d+1 to one of them and d to the other.
			name: "m:1 ties go to the earlier date",
			pred: Timeline{d: {"cat"}, next: {"dog"}},
			gold: Timeline{next: {"cat"}},
			want: Scores{
				Concat:    rs(prf(1.0/2, 1), prf(0, 0)),
				Agreement: rs(prf(0, 0), prf(0, 0)),
				// Date costs: 1:1 pairs next with next (cost 0), no hit.
				Align: rs(prf(0, 0), prf(0, 0)),
				// Content costs: d (0) and next (0) tie for gold next.
				AlignPlusM1: rs(prf(0.5/2, 0.5), prf(0, 0)),
				Date:        prf(1.0/2, 1),
			},
		},
	}
	ev := NewEvaluator(ApproximateROUGE())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ev.Score(tt.pred, tt.gold)
			checkScores(t, "concat", got.Concat, tt.want.Concat)
			checkScores(t, "agreement", got.Agreement, tt.want.Agreement)
			checkScores(t, "align", got.Align, tt.want.Align)
			if tt.name != "m:1 ties go to the earlier date" { // 1:1 optimum not unique there
				checkScores(t, "align+", got.AlignPlus, tt.want.AlignPlus)
			}
			checkScores(t, "align+ m:1", got.AlignPlusM1, tt.want.AlignPlusM1)
			if !near(got.Date, tt.want.Date) {
				t.Errorf("date: got %+v, want %+v", got.Date, tt.want.Date)
			}
		})
	}
}

// TestScoreRefs checks several references: dates are their union, hits and
// reference n-grams add up over references, and the prediction's n-grams
// count once per reference.
func TestScoreRefs(t *testing.T) {
	d, next := day(2020, time.March, 1), day(2020, time.March, 2)
	pred := Timeline{d: {"cat dog"}}
	refs := []Timeline{{d: {"cat dog"}}, {next: {"fox"}}}
	got := NewEvaluator(nil).ScoreRefs(pred, refs)
	// concat: R1 h=2+0, m=2+1, p=2*2; R2 h=1+0, m=1+0, p=1*2.
	checkScores(t, "concat", got.Concat, rs(prf(2.0/4, 2.0/3), prf(1.0/2, 1)))
	if want := prf(1, 1.0/2); !near(got.Date, want) {
		t.Errorf("date: got %+v, want %+v", got.Date, want)
	}
}

// TestScoreEmpty: empty or missing predictions and gold timelines score 0
// and never panic.
func TestScoreEmpty(t *testing.T) {
	d := day(2020, time.March, 1)
	some := Timeline{d: {"cat dog"}}
	blank := Timeline{d: {""}, day(2020, time.March, 2): {"  ", ""}}
	tests := map[string][2]Timeline{
		"nil prediction":       {nil, some},
		"empty prediction":     {{}, some},
		"blank prediction":     {blank, some},
		"empty gold":           {some, {}},
		"blank gold":           {some, blank},
		"both empty":           {{}, {}},
		"punctuation only":     {{d: {". , !"}}, some},
		"gold without content": {some, {d: {"<b>"}}},
	}
	ev := NewEvaluator(nil)
	for name, c := range tests {
		got := ev.Score(c[0], c[1])
		if name == "punctuation only" || name == "gold without content" {
			// Dates match, content does not.
			if got.Date.F != 1 || got.AlignPlusM1.R1.F != 0 || got.Concat.R1.F != 0 {
				t.Errorf("%s: got %+v", name, got)
			}
			continue
		}
		if got != (Scores{}) {
			t.Errorf("%s: got %+v, want all zero", name, got)
		}
	}
	if got := ev.ScoreRefs(some, nil); got != (Scores{}) {
		t.Errorf("no references: got %+v", got)
	}
}

// TestBlankDatesDoNotCount: a date with no sentence is not a predicted date
// (the reference scores of the protocol treat it so).
func TestBlankDatesDoNotCount(t *testing.T) {
	d, next := day(2020, time.March, 1), day(2020, time.March, 2)
	gold := Timeline{d: {"cat dog"}, next: {"owl"}}
	withBlank := Timeline{d: {"cat dog"}, next: {""}}
	without := Timeline{d: {"cat dog"}}
	ev := NewEvaluator(nil)
	a, b := ev.Score(withBlank, gold), ev.Score(without, gold)
	if a != b {
		t.Errorf("blank date changes the scores: %+v vs %+v", a, b)
	}
	if want := prf(1, 1.0/2); !near(a.Date, want) {
		t.Errorf("date: got %+v, want %+v", a.Date, want)
	}
}

func TestAggregateIsFOfMeans(t *testing.T) {
	all := []Scores{
		{Date: prf(1, 0), AlignPlusM1: rs(prf(0.2, 0.4), prf(0.1, 0))},
		{Date: prf(0, 1), AlignPlusM1: rs(prf(0.4, 0.2), prf(0, 0))},
		{}, // a missing prediction
	}
	s := Aggregate(all)
	if s.Timelines != 3 {
		t.Errorf("Timelines = %d", s.Timelines)
	}
	// Mean F of the dates is 0, but F of the means is F(1/3, 1/3) = 1/3.
	if want := prf(1.0/3, 1.0/3); !near(s.Date, want) {
		t.Errorf("date: got %+v, want %+v", s.Date, want)
	}
	if want := prf(0.2, 0.2); !near(s.AlignPlusM1.R1, want) {
		t.Errorf("AR1: got %+v, want %+v", s.AlignPlusM1.R1, want)
	}
	if want := prf(0.1/3, 0); !near(s.AlignPlusM1.R2, want) || s.AlignPlusM1.R2.F != 0 {
		t.Errorf("AR2: got %+v, want %+v", s.AlignPlusM1.R2, want)
	}
	if got := Aggregate(nil); got != (Summary{}) {
		t.Errorf("Aggregate(nil) = %+v", got)
	}
}

// TestScoreConcurrent: one Evaluator serves several goroutines (the bench
// runner scores tasks in parallel) with the same results as in sequence.
func TestScoreConcurrent(t *testing.T) {
	d := day(2020, time.March, 1)
	tasks := [][2]Timeline{
		{{d: {"The ministers were meeting"}}, {d: {"A minister meets"}}},
		{{d: {"cats running quickly"}, day(2020, time.March, 2): {"dogs barking"}}, {d: {"the cat runs"}}},
		{{d: {"agreement reached"}}, {day(2020, time.March, 2): {"agreed to settlements"}}},
	}
	ev := NewEvaluator(nil)
	want := make([]Scores, len(tasks))
	for i, tk := range tasks {
		want[i] = NewEvaluator(nil).Score(tk[0], tk[1])
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for i, tk := range tasks {
				if got := ev.Score(tk[0], tk[1]); got != want[i] {
					done <- fmt.Errorf("task %d: got %+v, want %+v", i, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
