package eval

import (
	"github.com/dateline-news/dateline/internal/tilse"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var (
	t17Gold = filepath.Join(sharedDir, "data", "tls", "t17")
	t17Pred = filepath.Join(sharedDir, "eval", "reference-outputs", "sdf-tls-t17")
)

func skipWithoutT17(t testing.TB) {
	t.Helper()
	for _, p := range []string{t17Gold, t17Pred} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("Timeline17 data not present (%s): shared data is beside the repository only", p)
		}
	}
}

// TestT17ReferenceOutputs scores the released SDF-TLS Timeline17 timelines
// and compares with the reference evaluator's published scores (shared
// README), to ±0.001.
func TestT17ReferenceOutputs(t *testing.T) {
	skipWithoutT17(t)
	ev := NewEvaluator(loadRougeData(t))
	rep, err := ev.EvaluateDirs(t17Gold, t17Pred)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Timelines != 19 {
		t.Fatalf("scored %d timelines, want 19", rep.Summary.Timelines)
	}
	for _, r := range rep.Rows {
		if r.Missing {
			t.Errorf("%s/%s: prediction missing", r.Topic, r.Name)
		}
	}
	s := rep.Summary
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"AR1-F", s.AlignPlusM1.R1.F, 0.1135},
		{"AR2-F", s.AlignPlusM1.R2.F, 0.0331},
		{"Date-F1", s.Date.F, 0.5162},
		{"concat R1-F", s.Concat.R1.F, 0.3962},
		{"agreement R1-F", s.Agreement.R1.F, 0.1003},
	} {
		if math.Abs(c.got-c.want) > 0.001 {
			t.Errorf("%s = %.4f, want %.4f ± 0.001", c.name, c.got, c.want)
		}
	}
}

// TestT17Approximate: without ROUGE's data the scores stay near the real
// ones (and are marked approximate).
func TestT17Approximate(t *testing.T) {
	skipWithoutT17(t)
	rep, err := NewEvaluator(nil).EvaluateDirs(t17Gold, t17Pred)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Approximate {
		t.Error("not marked approximate")
	}
	if f := rep.Summary.AlignPlusM1.R1.F; math.Abs(f-0.1135) > 0.01 {
		t.Errorf("approximate AR1-F = %.4f, more than 0.01 from 0.1135", f)
	}
}

type t17Task struct{ pred, gold Timeline }

func loadT17(b *testing.B) []t17Task {
	golds, _, err := LoadGold(t17Gold)
	if err != nil {
		b.Fatal(err)
	}
	var tasks []t17Task
	for _, g := range golds {
		pred, _, err := tilse.ReadFile(PredPath(t17Pred, g.Topic, g.Name))
		if err != nil {
			b.Fatal(err)
		}
		tasks = append(tasks, t17Task{pred, g.Timeline})
	}
	return tasks
}

// BenchmarkScoreT17 scores all 19 Timeline17 timelines (one op) with a
// loaded Evaluator.
func BenchmarkScoreT17(b *testing.B) {
	skipWithoutT17(b)
	tasks := loadT17(b)
	ev := NewEvaluator(loadRougeData(b))
	for b.Loop() {
		for _, t := range tasks {
			ev.Score(t.pred, t.gold)
		}
	}
}

// BenchmarkEvaluateDirsT17Cold is what dateline eval does on Timeline17:
// load ROUGE's data (cold stem cache), read all files, score, aggregate.
func BenchmarkEvaluateDirsT17Cold(b *testing.B) {
	skipWithoutT17(b)
	loadRougeData(b)
	for b.Loop() {
		ev, err := NewEvaluatorFromDir(rougeDataDir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ev.EvaluateDirs(t17Gold, t17Pred); err != nil {
			b.Fatal(err)
		}
	}
}
