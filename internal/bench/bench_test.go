package bench

import (
	"context"
	"github.com/dateline-news/dateline/internal/tilse"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func TestNewTask(t *testing.T) {
	mk := func(sizes ...int) eval.Gold {
		tl := eval.Timeline{}
		for i, n := range sizes {
			d := tilse.DateOf(day("2031-03-01").AddDate(0, 0, 2*i))
			for j := 0; j < n; j++ {
				tl[d] = append(tl[d], "s")
			}
		}
		return eval.Gold{Name: "g", Timeline: tl}
	}
	tp := &Topic{Name: "t", Keywords: []string{"pier"}}
	tests := []struct {
		sizes          []int
		margin         int
		dates, perDate int
		from, to       string
	}{
		{[]int{1, 2}, 0, 2, 2, "2031-03-01", "2031-03-03"},       // mean 1.5 rounds to 2
		{[]int{2, 3}, 0, 2, 2, "2031-03-01", "2031-03-03"},       // mean 2.5 rounds to 2 (half to even)
		{[]int{1, 1, 2, 3}, 7, 4, 2, "2031-02-22", "2031-03-14"}, // mean 1.75; margin widens both ends
		{[]int{1, 1, 1}, 0, 3, 1, "2031-03-01", "2031-03-05"},
	}
	for _, tt := range tests {
		tk := NewTask(tp, mk(tt.sizes...), tt.margin)
		o := tk.Options
		if o.Dates != tt.dates || o.PerDate != tt.perDate || !o.From.Equal(day(tt.from)) || !o.To.Equal(day(tt.to)) ||
			len(o.Keywords) != 1 {
			t.Errorf("sizes %v margin %d: got l=%d k=%d [%s, %s]", tt.sizes, tt.margin, o.Dates, o.PerDate,
				o.From.Format(time.DateOnly), o.To.Format(time.DateOnly))
		}
	}
}

func TestRunWritesAndScoresWhatItWrote(t *testing.T) {
	out := t.TempDir()
	cfg := Config{Data: "testdata/ds", Out: out, Annotator: annotate.New(timex.New()), Eval: eval.NewEvaluator(nil),
		Recipe: timeline.BaselineRecipe}
	rep, topics, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) != 1 || len(topics[0].Docs) != 5 || len(rep.Rows) != 1 {
		t.Fatalf("topics %d, docs %d, rows %d", len(topics), len(topics[0].Docs), len(rep.Rows))
	}
	path := filepath.Join(out, "pier", "tl.txt")
	pred, _, err := tilse.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pred) == 0 || len(pred) > 3 {
		t.Fatalf("%s has %d dates, want 1 to 3 (the gold has 3)", path, len(pred))
	}
	for d, sents := range pred {
		if d.Time().Before(day("2031-03-03")) || d.Time().After(day("2031-03-20")) || len(sents) > 1 {
			t.Errorf("date %s with %d sentences: outside the gold range or over k=1", d, len(sents))
		}
		for _, s := range sents {
			if l := strings.ToLower(s); !strings.Contains(l, "pier") && !strings.Contains(l, "ferry") {
				t.Errorf("sentence without a keyword: %q", s)
			}
		}
	}
	gold := topics[0].Golds[0].Timeline
	if want := eval.NewEvaluator(nil).Score(pred, gold); want != rep.Rows[0].Scores {
		t.Errorf("report scores %+v are not those of the written file %+v", rep.Rows[0].Scores, want)
	}
	if rep.Rows[0].Scores.Date.F == 0 {
		t.Errorf("no gold date found on an easy topic: %+v", rep.Rows[0].Scores.Date)
	}
}

func TestRecipeForCorpus(t *testing.T) {
	tp := &Topic{Print: "not a training topic"}
	r, how := timeline.Recipe{}.ForCorpus(tp.Print)
	if r.Name != timeline.DefaultRecipe.Name || r.Model != timeline.ShippedModel() || !strings.Contains(how, "shipped") {
		t.Errorf("unknown topic: recipe %q model %p (%s)", r.Name, r.Model, how)
	}
	if r, how := timeline.BaselineRecipe.ForCorpus(tp.Print); r.Model != nil || how != "" {
		t.Errorf("baseline got a model: %s", how)
	}
}

func TestLoadTopicsKeywordsAndMissing(t *testing.T) {
	if _, _, err := LoadTopics("testdata/nope", annotate.New(timex.New()), 1, nil); err == nil {
		t.Error("missing dataset directory gave no error")
	}
	kws, err := readKeywords(filepath.Join(t.TempDir(), "keywords.json"))
	if err != nil || kws != nil {
		t.Errorf("absent keywords.json: %v %v", kws, err)
	}
	p := filepath.Join(t.TempDir(), "keywords.json")
	os.WriteFile(p, []byte(`["Pier", "FERRY"]`), 0o644)
	if kws, err := readKeywords(p); err != nil || strings.Join(kws, ",") != "pier,ferry" {
		t.Errorf("keywords = %v %v", kws, err)
	}
	os.WriteFile(p, []byte(`{"not": "a list"}`), 0o644)
	if _, err := readKeywords(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("bad keywords.json: %v", err)
	}
}
