package timex_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

// trainDir is the TempEval-3 training data, beside the repository.
var trainDir = filepath.Join("..", "..", "..", "shared", "data", "tempeval3", "train")

// TestTrainFloor scores the tagger on the TempEval-3 training documents
// (TimeBank + AQUAINT) and guards what it reaches: relaxed extent F1 >= 92
// and strict >= 85 (the project's targets), value F1 >= 82.5 (the floor
// issue 10 sets: the train target of 85 is withdrawn, see docs/TIMEX.md).
// Set TIMEX_REPORT=FILE to write the score table and every error to FILE.
func TestTrainFloor(t *testing.T) {
	if _, err := os.Stat(trainDir); err != nil {
		t.Skipf("TempEval-3 data not found at %s: %v", trainDir, err)
	}
	rep, err := timeml.Evaluate(trainDir, timex.New())
	if err != nil {
		t.Fatal(err)
	}
	if path := os.Getenv("TIMEX_REPORT"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		rep.WriteTable(f, 15)
		f.WriteString("\n")
		for _, e := range rep.Errors {
			f.WriteString(e.String() + "\n")
		}
		f.Close()
	}
	all, _ := rep.Group(timeml.GroupAll)
	s := all.Scores
	t.Logf("train: strict F1 %.1f, relaxed F1 %.1f, value F1 %.1f (value accuracy %.1f)", s.StrictF1, s.RelaxedF1, s.ValueF1, s.ValueAcc)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"relaxed F1", s.RelaxedF1, 92},
		{"strict F1", s.StrictF1, 85},
		{"value F1", s.ValueF1, 82.5},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.2f, want >= %.1f", c.name, c.got, c.floor)
		}
	}
}
