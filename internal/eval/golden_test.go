package eval

import (
	"encoding/json"
	"github.com/dateline-news/dateline/internal/tilse"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The golden vectors and ROUGE's data files live in the project's shared
// data, beside the repository; tests skip without them.
var (
	sharedDir    = filepath.Join("..", "..", "..", "shared")
	goldenPath   = filepath.Join(sharedDir, "eval", "tilse_golden_vectors.json")
	rougeDataDir = filepath.Join(sharedDir, "eval", "rouge-data")
)

type goldenPRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	FScore    float64 `json:"f_score"`
}

type goldenROUGE struct {
	R1 goldenPRF `json:"rouge_1"`
	R2 goldenPRF `json:"rouge_2"`
}

type goldenCase struct {
	Name     string                     `json:"name"`
	Note     string                     `json:"note"`
	Pred     map[string][]string        `json:"pred"`
	Refs     []map[string][]string      `json:"refs"`
	Expected map[string]json.RawMessage `json:"expected"`
}

type goldenCount struct {
	H int `json:"h"`
	M int `json:"m"`
	P int `json:"p"`
}

type goldenUnit struct {
	Peer       string      `json:"peer_sentence"`
	Models     []string    `json:"model_sentences"`
	PeerTokens string      `json:"peer_tokens_after_readText"`
	R1         goldenCount `json:"rouge_1"`
	R2         goldenCount `json:"rouge_2"`
}

type goldenFile struct {
	Cases   []goldenCase `json:"timeline_cases"`
	Average struct {
		R1   goldenPRF `json:"rouge_1"`
		R2   goldenPRF `json:"rouge_2"`
		Date goldenPRF `json:"date"`
	} `json:"average_over_cases_2_to_7_m1"`
	Units []goldenUnit `json:"rouge_count_units"`
}

func loadGolden(t *testing.T) goldenFile {
	t.Helper()
	data, err := os.ReadFile(goldenPath)
	if os.IsNotExist(err) {
		t.Skipf("golden vectors not present (%s): shared data is beside the repository only", goldenPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var g goldenFile
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("parse %s: %v", goldenPath, err)
	}
	if len(g.Cases) == 0 || len(g.Units) == 0 {
		t.Fatalf("%s: no cases", goldenPath)
	}
	return g
}

var (
	rougeOnce sync.Once
	rougeData *ROUGE
	rougeErr  error
)

// loadRougeData returns ROUGE built from the shared rouge-data directory,
// skipping the test when it is absent.
func loadRougeData(t testing.TB) *ROUGE {
	t.Helper()
	if _, err := os.Stat(filepath.Join(rougeDataDir, StopWordsFile)); err != nil {
		t.Skipf("ROUGE data not present (%s): shared data is beside the repository only", rougeDataDir)
	}
	rougeOnce.Do(func() { rougeData, rougeErr = LoadROUGE(rougeDataDir) })
	if rougeErr != nil {
		t.Fatal(rougeErr)
	}
	return rougeData
}

func mustTimeline(t *testing.T, m map[string][]string) Timeline {
	t.Helper()
	tl := Timeline{}
	for k, v := range m {
		d, err := tilse.ParseDate(k)
		if err != nil {
			t.Fatal(err)
		}
		tl[d] = v
	}
	return tl
}

const tol = 1e-9

func checkPRF(t *testing.T, what string, got PRF, want goldenPRF) {
	t.Helper()
	if math.Abs(got.P-want.Precision) > tol || math.Abs(got.R-want.Recall) > tol || math.Abs(got.F-want.FScore) > tol {
		t.Errorf("%s: got P=%.12f R=%.12f F=%.12f, want P=%.12f R=%.12f F=%.12f",
			what, got.P, got.R, got.F, want.Precision, want.Recall, want.FScore)
	}
}

func checkROUGE(t *testing.T, what string, got ROUGEScores, raw json.RawMessage) {
	t.Helper()
	var want goldenROUGE
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	checkPRF(t, what+" rouge_1", got.R1, want.R1)
	checkPRF(t, what+" rouge_2", got.R2, want.R2)
}

// TestGoldenTimelineCases reproduces every timeline case of the golden
// vectors to 1e-9: concat, agreement, align, align+, align+ m:1 (with its
// alignments) and date F1.
func TestGoldenTimelineCases(t *testing.T) {
	g := loadGolden(t)
	ev := NewEvaluator(loadRougeData(t))
	for _, c := range g.Cases {
		t.Run(c.Name, func(t *testing.T) {
			pred := mustTimeline(t, c.Pred)
			var refs []Timeline
			for _, r := range c.Refs {
				refs = append(refs, mustTimeline(t, r))
			}
			got := ev.ScoreRefs(pred, refs)
			metrics := map[string]ROUGEScores{
				"concat":                               got.Concat,
				"agreement":                            got.Agreement,
				"align_date_costs":                     got.Align,
				"align_date_content_costs":             got.AlignPlus,
				"align_date_content_costs_many_to_one": got.AlignPlusM1,
			}
			for name, sc := range metrics {
				raw, ok := c.Expected[name]
				if !ok {
					t.Fatalf("golden case has no %s", name)
				}
				checkROUGE(t, name, sc, raw)
			}
			var date goldenPRF
			if err := json.Unmarshal(c.Expected["date_f1"], &date); err != nil {
				t.Fatal(err)
			}
			checkPRF(t, "date_f1", got.Date, date)

			var unique bool
			if err := json.Unmarshal(c.Expected["_one_to_one_unique_optimum"], &unique); err != nil {
				t.Fatal(err)
			}
			if !unique {
				t.Logf("1:1 optimum not unique: align and align+ may differ from scipy's tie-breaking")
			}

			var al struct {
				Prec [][2]string `json:"prec_alignment"`
				Rec  [][2]string `json:"rec_alignment"`
			}
			if err := json.Unmarshal(c.Expected["_m1_alignments"], &al); err != nil {
				t.Fatal(err)
			}
			task := ev.newTask(pred, refs)
			_, content := task.costs()
			var gotPrec, gotRec [][2]string
			for _, p := range assignToMinCost(content) {
				gotPrec = append(gotPrec, [2]string{task.predDates[p[0]].String(), task.refDates[p[1]].String()})
			}
			for _, p := range assignToMinCost(transpose(content)) {
				gotRec = append(gotRec, [2]string{task.refDates[p[0]].String(), task.predDates[p[1]].String()})
			}
			if !equalPairs(gotPrec, al.Prec) {
				t.Errorf("m:1 precision alignment: got %v, want %v", gotPrec, al.Prec)
			}
			if !equalPairs(gotRec, al.Rec) {
				t.Errorf("m:1 recall alignment: got %v, want %v", gotRec, al.Rec)
			}
		})
	}
}

func equalPairs(a, b [][2]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestGoldenAverage checks the protocol's aggregation (F of mean P and mean
// R) on the golden cases 2 to 7 under align+ m:1 and date F1.
func TestGoldenAverage(t *testing.T) {
	g := loadGolden(t)
	ev := NewEvaluator(loadRougeData(t))
	if len(g.Cases) < 7 {
		t.Fatalf("want at least 7 cases, have %d", len(g.Cases))
	}
	var all []Scores
	for _, c := range g.Cases[1:7] {
		pred := mustTimeline(t, c.Pred)
		var refs []Timeline
		for _, r := range c.Refs {
			refs = append(refs, mustTimeline(t, r))
		}
		all = append(all, ev.ScoreRefs(pred, refs))
	}
	sum := Aggregate(all)
	if sum.Timelines != 6 {
		t.Errorf("Timelines = %d, want 6", sum.Timelines)
	}
	checkPRF(t, "rouge_1", sum.AlignPlusM1.R1, g.Average.R1)
	checkPRF(t, "rouge_2", sum.AlignPlusM1.R2, g.Average.R2)
	checkPRF(t, "date", sum.Date, g.Average.Date)
}

// TestGoldenCountUnits checks ROUGE's per-sentence counts and readText's
// tokens on the golden units.
func TestGoldenCountUnits(t *testing.T) {
	g := loadGolden(t)
	r := loadRougeData(t)
	for _, u := range g.Units {
		t.Run(u.Peer, func(t *testing.T) {
			if got := strings.Join(readText([]string{u.Peer}, nil), " "); got != u.PeerTokens {
				t.Errorf("readText tokens: got %q, want %q", got, u.PeerTokens)
			}
			c := newCounter(r)
			peer := c.summarize([]string{u.Peer})
			models := []*summary{c.summarize(u.Models)}
			h, m, p := rougeCounts(peer, models)
			for n, want := range []goldenCount{u.R1, u.R2} {
				if h[n] != want.H || m[n] != want.M || p[n] != want.P {
					t.Errorf("ROUGE-%d: got h=%d m=%d p=%d, want h=%d m=%d p=%d",
						n+1, h[n], m[n], p[n], want.H, want.M, want.P)
				}
			}
		})
	}
}
