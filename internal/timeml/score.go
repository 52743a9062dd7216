package timeml

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dateline-news/dateline/internal/timex"
)

// Counts holds the tallies that TempEval-3 extent and attribute scores are
// computed from. Matches are one-to-one: a system timex matches at most one
// gold timex.
type Counts struct {
	Docs    int `json:"docs"`
	Gold    int `json:"gold"`    // gold timexes
	System  int `json:"system"`  // system timexes
	Strict  int `json:"strict"`  // pairs with exactly the same extent
	Relaxed int `json:"relaxed"` // pairs whose extents overlap (includes Strict)
	TypeOK  int `json:"type_ok"` // relaxed pairs with the same type
	ValueOK int `json:"value_ok"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Docs += o.Docs
	c.Gold += o.Gold
	c.System += o.System
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.TypeOK += o.TypeOK
	c.ValueOK += o.ValueOK
}

// Scores are TempEval-3 figures, as percentages.
type Scores struct {
	StrictP   float64 `json:"strict_p"`
	StrictR   float64 `json:"strict_r"`
	StrictF1  float64 `json:"strict_f1"`
	RelaxedP  float64 `json:"relaxed_p"`
	RelaxedR  float64 `json:"relaxed_r"`
	RelaxedF1 float64 `json:"relaxed_f1"`
	TypeAcc   float64 `json:"type_accuracy"`  // over relaxed matches
	ValueAcc  float64 `json:"value_accuracy"` // over relaxed matches
	TypeF1    float64 `json:"type_f1"`        // RelaxedF1 × TypeAcc
	ValueF1   float64 `json:"value_f1"`       // RelaxedF1 × ValueAcc
}

// Scores computes precision, recall, F1 and attribute accuracies from c.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR, s.StrictF1 = prf(c.Strict, c.System, c.Gold)
	s.RelaxedP, s.RelaxedR, s.RelaxedF1 = prf(c.Relaxed, c.System, c.Gold)
	if c.Relaxed > 0 {
		s.TypeAcc = 100 * float64(c.TypeOK) / float64(c.Relaxed)
		s.ValueAcc = 100 * float64(c.ValueOK) / float64(c.Relaxed)
	}
	s.TypeF1 = s.RelaxedF1 * s.TypeAcc / 100
	s.ValueF1 = s.RelaxedF1 * s.ValueAcc / 100
	return s
}

func prf(match, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(match) / float64(sys)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// Error is one disagreement between the gold annotation and the system.
type Error struct {
	Doc    string       `json:"doc"`
	Kind   string       `json:"kind"`
	Gold   *timex.Timex `json:"gold,omitempty"`
	System *timex.Timex `json:"system,omitempty"`
}

// String describes the error on one line.
func (e Error) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\t%s", e.Kind, e.Doc)
	if e.Gold != nil {
		fmt.Fprintf(&b, "\tgold %q %s %s", e.Gold.Text, e.Gold.Type, e.Gold.Value)
	}
	if e.System != nil {
		fmt.Fprintf(&b, "\tsys %q %s %s", e.System.Text, e.System.Type, e.System.Value)
	}
	return b.String()
}

// Compare scores the system timexes of one document against the gold ones.
// Both lists must be in text order. It returns the tallies and every
// disagreement: missed and spurious timexes, extent, type and value errors
// (one error per attribute that differs).
func Compare(doc string, gold, sys []timex.Timex) (Counts, []Error) {
	c := Counts{Docs: 1, Gold: len(gold), System: len(sys)}
	type pair struct{ g, s, overlap int }
	var pairs []pair
	j0 := 0
	for gi, g := range gold {
		for j0 < len(sys) && sys[j0].End <= g.Start {
			j0++
		}
		for sj := j0; sj < len(sys) && sys[sj].Start < g.End; sj++ {
			if ov := min(g.End, sys[sj].End) - max(g.Start, sys[sj].Start); ov > 0 {
				pairs = append(pairs, pair{gi, sj, ov})
			}
		}
	}
	exact := func(p pair) bool { return gold[p.g].Start == sys[p.s].Start && gold[p.g].End == sys[p.s].End }
	sort.SliceStable(pairs, func(a, b int) bool {
		if ea, eb := exact(pairs[a]), exact(pairs[b]); ea != eb {
			return ea
		}
		return pairs[a].overlap > pairs[b].overlap
	})
	gm := make([]int, len(gold))
	sm := make([]bool, len(sys))
	for i := range gm {
		gm[i] = -1
	}
	for _, p := range pairs {
		if gm[p.g] < 0 && !sm[p.s] {
			gm[p.g], sm[p.s] = p.s, true
		}
	}
	var errs []Error
	for gi := range gold {
		g := &gold[gi]
		if gm[gi] < 0 {
			errs = append(errs, Error{Doc: doc, Kind: "missed " + string(g.Type), Gold: g})
			continue
		}
		s := &sys[gm[gi]]
		c.Relaxed++
		if g.Start == s.Start && g.End == s.End {
			c.Strict++
		} else {
			errs = append(errs, Error{Doc: doc, Kind: extentKind(g, s), Gold: g, System: s})
		}
		if g.Type == s.Type {
			c.TypeOK++
		} else {
			errs = append(errs, Error{Doc: doc, Kind: fmt.Sprintf("type %s → %s", g.Type, s.Type), Gold: g, System: s})
		}
		if g.Value == s.Value {
			c.ValueOK++
		} else {
			errs = append(errs, Error{Doc: doc, Kind: valueKind(g.Value, s.Value), Gold: g, System: s})
		}
	}
	for si := range sys {
		if !sm[si] {
			errs = append(errs, Error{Doc: doc, Kind: "spurious " + string(sys[si].Type), System: &sys[si]})
		}
	}
	return c, errs
}

// valueKind names a value error by the shapes of the two values, and for
// two calendar values of the same shape by the direction of the system's
// mistake ("value day: system later").
func valueKind(gold, sys string) string {
	gs, ss := ValueShape(gold), ValueShape(sys)
	if gs == ss {
		gi, ok1 := timex.ParseValue(gold)
		si, ok2 := timex.ParseValue(sys)
		if ok1 && ok2 {
			switch {
			case si.Start.After(gi.Start):
				return "value " + gs + ": system later"
			case si.Start.Before(gi.Start):
				return "value " + gs + ": system earlier"
			}
		}
		return "value " + gs + ": other"
	}
	return fmt.Sprintf("value %s → %s", gs, ss)
}

func extentKind(g, s *timex.Timex) string {
	switch {
	case s.Start <= g.Start && s.End >= g.End:
		return "extent too long"
	case s.Start >= g.Start && s.End <= g.End:
		return "extent too short"
	default:
		return "extent shifted"
	}
}

// ValueShape names the form of a TIMEX3 value, for grouping errors: "day",
// "time", "week", "month", "quarter", "half", "season", "year", "decade",
// "century", "duration", "set", "ref", "underspecified", "empty" or "other".
func ValueShape(v string) string {
	switch {
	case v == "":
		return "empty"
	case strings.HasSuffix(v, "_REF"):
		return "ref"
	case v[0] == 'P':
		return "duration"
	case strings.Contains(v, "X"):
		return "underspecified"
	}
	if t := strings.IndexByte(v, 'T'); t > 0 {
		return "time"
	}
	if iv, ok := timex.ParseValue(v); ok {
		return iv.Gran.String()
	}
	if len(v) > 8 && v[4] == '-' && strings.HasSuffix(v, "-WE") {
		return "weekend"
	}
	return "other"
}
