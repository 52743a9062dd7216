package timeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

// TestTrainSeparates trains on groups where only feature 1 tells the
// better items, with feature 2 noise: the weight of feature 1 must come out
// positive and dominant, and rank every group right.
func TestTrainSeparates(t *testing.T) {
	var groups []Group
	for g := 0; g < 5; g++ {
		var grp Group
		for i := 0; i < 20; i++ {
			y := 0.0
			if i%4 == g%4 {
				y = 1
			}
			noise := float64((i*7+g*3)%5) / 5
			grp.X = append(grp.X, []float64{1, y*0.5 + float64(i%3)*0.1, noise})
			grp.Y = append(grp.Y, y)
		}
		groups = append(groups, grp)
	}
	w := Train(groups, 0.5)
	if len(w) != 3 || w[1] <= 0 || w[1] < 3*abs(w[2]) {
		t.Fatalf("weights %v: feature 1 should dominate", w)
	}
	for gi, g := range groups {
		minPos, maxNeg := 1e9, -1e9
		for i := range g.X {
			s := score(w, g.X[i])
			if g.Y[i] == 1 {
				minPos = min(minPos, s)
			} else {
				maxNeg = max(maxNeg, s)
			}
		}
		if minPos <= maxNeg {
			t.Errorf("group %d: a gold item (%.3f) does not beat every other (%.3f)", gi, minPos, maxNeg)
		}
	}
	if w := Train(nil, 0.5); len(w) != 0 {
		t.Errorf("Train(nil) = %v", w)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestLearnedRankingFollowsWeights: a model that only values articles
// published on a day must put the busiest publication day first, whatever
// the mention counts say.
func TestLearnedRankingFollowsWeights(t *testing.T) {
	docs := story()
	// three more articles published on 03-09, each naming 03-09 once
	for _, id := range []string{"b1", "b2", "b3"} {
		docs = append(docs, art(id, "2031-03-09", "[2031-03-09] The council debated the pier again."))
	}
	m := &Model{Days: make([]float64, numDayFeatures)}
	m.Days[fPub0] = 1
	opt := Options{Dates: 1, Selection: Selection{From: d("2031-03-01"), To: d("2031-03-31")}, Recipe: baseline(func(r *Recipe) { r.Learned, r.Model = true, m })}
	tl := Build(docs, opt)
	if len(tl.Entries) != 1 || !tl.Entries[0].Date.Equal(d("2031-03-09")) {
		t.Fatalf("learned ranking picked %+v, want 2031-03-09", tl.Entries)
	}
	opt.Recipe = BaselineRecipe
	if tl := Build(docs, opt); !tl.Entries[0].Date.Equal(d("2031-03-02")) {
		t.Errorf("mention count picked %v, want 2031-03-02", tl.Entries[0].Date)
	}
}

func TestExamplesLabelGoldDays(t *testing.T) {
	c := NewCorpus(story())
	gold := Timeline{Entries: []Entry{{Date: d("2031-03-05")}, {Date: d("2031-03-09")}}}
	ex := c.Examples(Options{Selection: Selection{From: d("2031-03-01"), To: d("2031-03-31")}}, gold)
	if len(ex.Days.X) != 3 || len(ex.Days.Y) != 3 {
		t.Fatalf("%d candidate days, want 3 (03-02, 03-05, 03-09)", len(ex.Days.X))
	}
	pos := 0
	for i, y := range ex.Days.Y {
		pos += int(y)
		if len(ex.Days.X[i]) != numDayFeatures || ex.Days.X[i][fBias] != 1 {
			t.Errorf("features %v", ex.Days.X[i])
		}
		for f := 1; f < numDayFeatures; f++ {
			if ex.Days.X[i][f] > 0 {
				t.Errorf("feature %s = %v, want <= 0 (relative to the busiest day)", DayFeatures[f], ex.Days.X[i][f])
			}
		}
	}
	if pos != 2 {
		t.Errorf("%d gold days labelled, want 2", pos)
	}
}

func TestCleanRecipe(t *testing.T) {
	docs := []annotate.Doc{
		art("w1", "2031-03-02", "[2031-03-02] PORT ELVIN -LRB- Reuters -RRB- - The harbour authority closed the north pier on Monday .",
			"[2031-03-02] Why did nobody check the pier on Monday ?"),
		art("w2", "2031-03-03", "[2031-03-02] Will the pier ever reopen after Monday ?"),
	}
	for _, tt := range []struct {
		recipe Recipe
		want   string
	}{
		{baseline(func(r *Recipe) { r.Name = "raw" }), "PORT ELVIN -LRB- Reuters -RRB- - "},
		{baseline(func(r *Recipe) { r.Name, r.Clean = "clean", true }), ""},
	} {
		tl := Build(docs, Options{Dates: 1, PerDate: 3, Recipe: tt.recipe})
		if len(tl.Entries) != 1 {
			t.Fatalf("%s: %+v", tt.recipe.Name, tl.Entries)
		}
		items := tl.Entries[0].Items
		var texts []string
		for _, it := range items {
			texts = append(texts, it.Text)
		}
		if tt.recipe.Clean {
			if len(items) != 1 || items[0].Text != "The harbour authority closed the north pier on Monday ." {
				t.Errorf("clean: items %q, want only the stripped news sentence", texts)
			}
			continue
		}
		if !strings.HasPrefix(strings.Join(texts, "|"), tt.want) && !strings.Contains(strings.Join(texts, "|"), "|"+tt.want) {
			t.Errorf("raw: items %q should keep the dateline", texts)
		}
	}
}

func TestMaxWords(t *testing.T) {
	docs := []annotate.Doc{art("l1", "2031-03-02",
		"[2031-03-02] The harbour authority of the town closed the north pier on Monday after divers working for the council found deep cracks in nearly every one of its old wooden pilings .",
		"[2031-03-02] The pier closed on Monday .")}
	tl := Build(docs, Options{Dates: 1, PerDate: 2, Recipe: baseline(func(r *Recipe) { r.MaxWords = 10 })})
	if len(tl.Entries) != 1 || len(tl.Entries[0].Items) != 1 || tl.Entries[0].Items[0].Sentence != 1 {
		t.Errorf("MaxWords 10 kept %+v", tl.Entries)
	}
}

func TestModelFile(t *testing.T) {
	if err := ShippedModelErr(); err != nil {
		t.Fatalf("shipped model: %v", err)
	}
	if a, b := Fingerprint([]string{"x", "y", "z"}), Fingerprint([]string{"z", "x", "y"}); a != b {
		t.Errorf("fingerprint depends on order: %s %s", a, b)
	}
	if Fingerprint([]string{"x"}) == Fingerprint([]string{"x", "y"}) {
		t.Error("fingerprints collide")
	}
	var mf ModelFile
	json.Unmarshal(modelJSON, &mf)
	mf.Features = mf.Features[:len(mf.Features)-1]
	if err := mf.Check(); !errors.Is(err, ErrFeatures) {
		t.Errorf("a model of other features passed Check: %v", err)
	}
	for _, h := range shipped.HeldOut {
		m, name, ok := HeldOutModel(h.Fingerprint)
		if !ok || name != h.Topic || len(m.Days) != numDayFeatures {
			t.Errorf("HeldOutModel(%s) = %v %q %v", h.Fingerprint, m, name, ok)
		}
	}
	if _, _, ok := HeldOutModel("not a topic"); ok {
		t.Error("unknown fingerprint found")
	}
}

func TestSpread(t *testing.T) {
	ranked := []rankedDay{{10, 4}, {11, 3}, {12, 2}, {30, 1}}
	order := func(rs []rankedDay) []day {
		var out []day
		for _, r := range rs {
			out = append(out, r.d)
		}
		return out
	}
	tests := []struct {
		penalty, gap float64
		want         []day
	}{
		{0, 5, []day{10, 11, 12, 30}},
		{1, 5, []day{10, 30, 11, 12}}, // 11 and 12 sit next to 10; 30 is far
		{0.01, 5, []day{10, 11, 12, 30}},
	}
	for _, tt := range tests {
		got := order(spread(append([]rankedDay(nil), ranked...), tt.penalty, tt.gap))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("spread(penalty %v) = %v, want %v", tt.penalty, got, tt.want)
		}
	}
}

func TestSameDayDiversity(t *testing.T) {
	// Syndicated copies of one story dominate the day; one other sentence
	// tells something else.
	docs := []annotate.Doc{
		art("a", "2031-03-02", "[2031-03-02] The harbour authority closed the north pier on Monday after divers found cracks ."),
		art("b", "2031-03-02", "[2031-03-02] The harbour authority closed the north pier on Monday after divers found deep cracks ."),
		art("c", "2031-03-02", "[2031-03-02] The harbour authority closed the old north pier on Monday after divers found cracks ."),
		art("d", "2031-03-02", "[2031-03-02] Ferry passengers waited for hours at the south quay on Monday ."),
	}
	for _, tt := range []struct {
		sameDay  float64
		distinct bool
	}{{0, false}, {0.3, true}} {
		tl := Build(docs, Options{Dates: 1, PerDate: 2, Recipe: baseline(func(r *Recipe) { r.SameDay = tt.sameDay })})
		items := tl.Entries[0].Items
		twins := items[0].ArticleID != "d" && items[1].ArticleID != "d"
		if tt.distinct && twins {
			t.Errorf("SameDay %v picked two near-copies: %q, %q", tt.sameDay, items[0].Text, items[1].Text)
		}
		if !tt.distinct && !twins {
			t.Errorf("without SameDay the two most central sentences (near-copies) should both be picked, got %q, %q", items[0].Text, items[1].Text)
		}
	}
}

func TestHeadlines(t *testing.T) {
	docs := []annotate.Doc{
		art("h1", "2031-03-02", "[2031-03-02] Officials said on Monday that an inspection of the harbour had taken place .",
			"Divers reported the state of the pilings to the authority ."),
		art("h2", "2031-03-02", "[2031-03-02] The north pier closed on Monday ."),
	}
	docs[0].Article.Title = "Harbour authority closes north pier after divers find cracks"
	for _, titles := range []bool{false, true} {
		tl := Build(docs, Options{Dates: 1, PerDate: 3, Recipe: baseline(func(r *Recipe) { r.Titles = titles })})
		headline := false
		for _, it := range tl.Entries[0].Items {
			if it.Sentence == -1 {
				headline = true
				if it.Text != docs[0].Article.Title || it.ArticleID != "h1" {
					t.Errorf("headline item %+v", it)
				}
			}
		}
		if headline != titles {
			t.Errorf("Titles %v: headline picked = %v", titles, headline)
		}
	}
}

// baseline returns BaselineRecipe changed by f.
func baseline(f func(*Recipe)) Recipe {
	r := BaselineRecipe
	f(&r)
	return r
}

// spreadCubic is spread as first written: every step sums the penalties of
// every taken day afresh. spread must give exactly its order.
func spreadCubic(ranked []rankedDay, penalty, gap float64) []rankedDay {
	n := float64(len(ranked))
	taken := make([]bool, len(ranked))
	out := make([]rankedDay, 0, len(ranked))
	for len(out) < len(ranked) {
		best, bestScore := -1, math.Inf(-1)
		for i, rd := range ranked {
			rank := 1 - float64(i)/n
			if rank < bestScore {
				break
			}
			if taken[i] {
				continue
			}
			sc := rank
			for _, o := range out {
				sc -= penalty / (1 + math.Abs(float64(rd.d-o.d))/gap)
			}
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
		taken[best] = true
		out = append(out, ranked[best])
	}
	return out
}

// randomRanked returns n distinct days in [0, span) with random scores,
// sorted as rankDays sorts them; ties in score are frequent.
func randomRanked(rng *rand.Rand, n, span int) []rankedDay {
	seen := map[day]bool{}
	var out []rankedDay
	for len(out) < n {
		d := day(rng.IntN(span))
		if seen[d] {
			continue
		}
		seen[d] = true
		out = append(out, rankedDay{d, float64(rng.IntN(20))})
	}
	sortRanked(out)
	return out
}

func TestSpreadIsTheCubicOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(120)
		ranked := randomRanked(rng, n, 1+n+rng.IntN(4*n))
		penalty := []float64{0.02, 0.2, 1, 5}[rng.IntN(4)]
		gap := float64(1+rng.IntN(60)) / float64(1+rng.IntN(20))
		got := spread(slices.Clone(ranked), penalty, gap)
		want := spreadCubic(slices.Clone(ranked), penalty, gap)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (n %d, penalty %v, gap %v):\n got %v\nwant %v", trial, n, penalty, gap, got, want)
		}
	}
}

// TestModelFileRanker: a file read back gives a training topic its
// held-out ranker and any other articles the ranker of every topic.
func TestModelFileRanker(t *testing.T) {
	mf, err := ReadModelFile(modelJSON)
	if err != nil {
		t.Fatal(err)
	}
	h := mf.HeldOut[0]
	if m, how := mf.Ranker(h.Fingerprint); m != &mf.HeldOut[0].Model || !strings.Contains(how, h.Topic) {
		t.Errorf("Ranker(%s) = %p, %q; want the ranker without %s", h.Fingerprint, m, how, h.Topic)
	}
	if m, _ := mf.Ranker("not a topic"); m != &mf.All {
		t.Errorf("Ranker of unknown articles is not the ranker of every topic")
	}
	if _, err := ReadModelFile([]byte(`{"features":["bias"]}`)); !errors.Is(err, ErrFeatures) {
		t.Errorf("a file of other features: err %v, want ErrFeatures", err)
	}
}

// BenchmarkSpread takes the 20 dates of a timeline among n candidate days,
// as Build does (the order is computed only as far as it is consumed).
func BenchmarkSpread(b *testing.B) {
	for _, n := range []int{600, 5000, 50000} {
		ranked := randomRanked(rand.New(rand.NewPCG(3, 4)), n, 3*n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				s := newSpreader(ranked, 0.02, float64(3*n)/20)
				for k := 0; k < 20; k++ {
					s.next()
				}
			}
		})
	}
}
