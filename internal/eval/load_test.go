package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadGoldPrefersTimelinesOriginal(t *testing.T) {
	golds, _, err := LoadGold(filepath.Join("testdata", "bench", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range golds {
		got = append(got, g.Topic+"/"+g.Name+" "+filepath.Base(filepath.Dir(g.Path)))
	}
	want := []string{"alpha/a timelines_original", "beta/b timelines"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, _, err := LoadGold(t.TempDir()); err == nil {
		t.Error("a directory without gold timelines gave no error")
	}
}

func TestEvaluateDirs(t *testing.T) {
	ev := NewEvaluator(nil)
	rep, err := ev.EvaluateDirs(filepath.Join("testdata", "bench", "gold"), filepath.Join("testdata", "bench", "pred"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rep.Rows))
	}
	alpha, beta := rep.Rows[0], rep.Rows[1]
	// alpha's prediction is its timelines_original file: a perfect score
	// (its timelines/ file has other dates and would score 0).
	if alpha.Missing || alpha.Scores.AlignPlusM1.R1.F != 1 || alpha.Scores.Date.F != 1 || alpha.Scores.Concat.R2.F != 1 {
		t.Errorf("alpha: %+v", alpha)
	}
	if !beta.Missing || beta.Scores != (Scores{}) {
		t.Errorf("beta (no prediction): %+v", beta)
	}
	// F of mean P and mean R over the two: (1+0)/2 each.
	if s := rep.Summary; s.Timelines != 2 || s.AlignPlusM1.R1 != prf(0.5, 0.5) || s.Date != prf(0.5, 0.5) {
		t.Errorf("summary: %+v", s)
	}
	if !rep.Approximate {
		t.Error("report from an approximate evaluator is not marked approximate")
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "b.txt: no prediction") {
		t.Errorf("notes: %q", rep.Notes)
	}
}

func TestEvaluateDirsMalformedPrediction(t *testing.T) {
	pred := t.TempDir()
	if err := os.MkdirAll(filepath.Join(pred, "alpha"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(pred, "alpha", "a.txt")
	if err := os.WriteFile(bad, []byte("2020-03-01\ncat\n\xfe\xff\n"+sep+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewEvaluator(nil).EvaluateDirs(filepath.Join("testdata", "bench", "gold"), pred)
	if err == nil || !strings.Contains(err.Error(), bad+":3:") {
		t.Errorf("got %v, want an error naming %s:3", err, bad)
	}
	if _, err := NewEvaluator(nil).EvaluateDirs(filepath.Join("testdata", "bench", "gold"), filepath.Join(pred, "none")); err == nil {
		t.Error("missing prediction directory: no error")
	}
}

func TestReportOutputs(t *testing.T) {
	rep := NewReport([]Row{
		{Topic: "alpha", Name: "a", Scores: Scores{AlignPlusM1: rs(prf(0.5, 0.25), prf(0.1, 0.1)), Date: prf(1, 1)}, Extra: []string{"1.2s"}},
		{Topic: "beta", Name: "b", Missing: true, Extra: []string{"0.0s"}},
	}, true)
	rep.ExtraColumns = []string{"wall"}

	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	for _, want := range []string{"APPROXIMATE SCORES", "alpha/a", "beta/b (no prediction)", "wall", "1.2s",
		"Summary over 2 timelines", "AR1  0.2500  0.1250  0.1667"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}

	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Timelines   int                           `json:"timelines"`
		Approximate bool                          `json:"approximate"`
		Summary     map[string]map[string]float64 `json:"summary"`
		Rows        []map[string]json.RawMessage  `json:"rows"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, js.String())
	}
	if doc.Timelines != 2 || !doc.Approximate || len(doc.Rows) != 2 {
		t.Errorf("header: %+v", doc)
	}
	keys := []string{"ar1", "ar2", "date", "concat1", "concat2", "agree1", "agree2"}
	if len(doc.Summary) != len(keys) {
		t.Errorf("summary keys: %v", doc.Summary)
	}
	for _, k := range keys {
		m, ok := doc.Summary[k]
		if !ok || len(m) != 3 {
			t.Errorf("summary[%q] = %v, want p, r, f", k, m)
		}
	}
	if ar1 := doc.Summary["ar1"]; ar1["p"] != 0.25 || ar1["r"] != 0.125 {
		t.Errorf("summary ar1 = %v", ar1)
	}
	var extra map[string]string
	var missing bool
	if err := json.Unmarshal(doc.Rows[0]["extra"], &extra); err != nil || extra["wall"] != "1.2s" {
		t.Errorf("rows[0].extra = %s", doc.Rows[0]["extra"])
	}
	if err := json.Unmarshal(doc.Rows[1]["missing_prediction"], &missing); err != nil || !missing {
		t.Errorf("rows[1].missing_prediction = %s", doc.Rows[1]["missing_prediction"])
	}
	var scores map[string]map[string]float64
	if err := json.Unmarshal(doc.Rows[0]["scores"], &scores); err != nil || scores["ar1"]["p"] != 0.5 || len(scores) != len(keys) {
		t.Errorf("rows[0].scores = %s", doc.Rows[0]["scores"])
	}
}
