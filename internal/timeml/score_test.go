package timeml

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/timex"
)

func tx(start, end int, typ timex.Type, value string) timex.Timex {
	return timex.Timex{Start: start, End: end, Type: typ, Value: value}
}

func TestCompare(t *testing.T) {
	gold := []timex.Timex{
		tx(0, 7, timex.Date, "2017-04-11"),    // exact match
		tx(10, 20, timex.Date, "2017-W14"),    // system longer, wrong value
		tx(30, 40, timex.Duration, "P3D"),     // missed
		tx(50, 60, timex.Date, "PRESENT_REF"), // overlapped by two system timexes
	}
	sys := []timex.Timex{
		tx(0, 7, timex.Date, "2017-04-11"),
		tx(8, 20, timex.Date, "2017-W15"),
		tx(45, 52, timex.Time, "PRESENT_REF"),
		tx(55, 60, timex.Date, "PRESENT_REF"),
		tx(70, 75, timex.Set, "P1D"), // spurious
	}
	c, errs := Compare("d", gold, sys)
	want := Counts{Docs: 1, Gold: 4, System: 5, Strict: 1, Relaxed: 3, TypeOK: 3, ValueOK: 2}
	if c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}
	var kinds []string
	for _, e := range errs {
		kinds = append(kinds, e.Kind)
	}
	if got := strings.Join(kinds, "; "); got != "extent too long; value week: system later; missed DURATION; extent too short; spurious TIME; spurious SET" {
		t.Errorf("error kinds: %s", got)
	}
}

func TestScores(t *testing.T) {
	c := Counts{Gold: 100, System: 80, Strict: 60, Relaxed: 72, TypeOK: 70, ValueOK: 54}
	s := c.Scores()
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	// relaxed P = 90, R = 72, F1 = 80; value accuracy 75; value F1 = 60
	if !near(s.RelaxedP, 90) || !near(s.RelaxedR, 72) || !near(s.RelaxedF1, 80) || !near(s.ValueAcc, 75) || !near(s.ValueF1, 60) {
		t.Errorf("scores %+v", s)
	}
	if !near(s.StrictP, 75) || !near(s.StrictR, 60) {
		t.Errorf("strict %v %v", s.StrictP, s.StrictR)
	}
	if z := (Counts{}).Scores(); z != (Scores{}) {
		t.Errorf("empty counts give %+v", z)
	}
}

func TestValueKind(t *testing.T) {
	tests := []struct{ gold, sys, want string }{
		{"2017-04-11", "2017-04-18", "value day: system later"},
		{"2017-04-11", "2016-04-11", "value day: system earlier"},
		{"2017-04-11TEV", "2017-04-11TNI", "value time: other"},
		{"P3D", "P4D", "value duration: other"},
		{"2017", "2017-Q3", "value year → quarter"},
		{"PRESENT_REF", "", "value ref → empty"},
	}
	for _, tt := range tests {
		if got := valueKind(tt.gold, tt.sys); got != tt.want {
			t.Errorf("valueKind(%q, %q) = %q, want %q", tt.gold, tt.sys, got, tt.want)
		}
	}
}

func TestValueShape(t *testing.T) {
	tests := map[string]string{
		"2017-04-11": "day", "2017-04-11T14:30": "time", "2017-04-11TEV": "time", "2017-W14": "week",
		"2017-04": "month", "2017-Q1": "quarter", "2017-H2": "half", "2017-SU": "season", "2017": "year",
		"199": "decade", "19": "century", "P3D": "duration", "PRESENT_REF": "ref", "XXXX-WXX-1": "underspecified",
		"": "empty", "2017-W15-WE": "week", "banana": "other",
	}
	for v, want := range tests {
		if got := ValueShape(v); got != want {
			t.Errorf("ValueShape(%q) = %q, want %q", v, got, want)
		}
	}
}

// Evaluate groups by the parent directory and reports the held-out split.
func TestEvaluate(t *testing.T) {
	rep, err := Evaluate("testdata/corpus", timex.New())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range rep.Groups {
		names = append(names, fmt.Sprintf("%s:%d/%d", g.Name, g.Counts.Relaxed, g.Counts.Gold))
	}
	if got := strings.Join(names, " "); got != "all:4/4 Paper:2/2 Wire:2/2 tuning (4 of 5 docs):4/4" {
		t.Errorf("groups: %s", got)
	}
	all, _ := rep.Group(GroupAll)
	if all.Scores.ValueF1 != 100 || all.Scores.StrictF1 != 100 {
		t.Errorf("scores %+v", all.Scores)
	}
	var buf strings.Builder
	if err := rep.WriteTable(&buf, 5); err != nil || !strings.Contains(buf.String(), "throughput") {
		t.Errorf("table: %v\n%s", err, buf.String())
	}
	if _, err := Evaluate("testdata/none", timex.New()); err == nil {
		t.Error("no error for a missing directory")
	}
}
