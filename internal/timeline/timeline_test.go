package timeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// art builds an annotated article by hand. A sentence may carry a date in
// brackets, "[2031-03-02] The pier closed.", which becomes a DATE expression
// with that value: these tests check ranking and selection, not tagging.
func art(id, pub string, sents ...string) annotate.Doc {
	doc := annotate.Doc{Article: article.Article{ID: id, Published: d(pub), Title: "title " + id}}
	for i, s := range sents {
		sn := annotate.Sentence{Index: i}
		if strings.HasPrefix(s, "[") {
			end := strings.Index(s, "]")
			v := s[1:end]
			s = strings.TrimSpace(s[end+1:])
			sn.Timexes = []timex.Timex{{Text: "then", Type: timex.Date, Value: v}}
		}
		sn.Text = s
		doc.Sentences = append(doc.Sentences, sn)
	}
	return doc
}

// story: the pier closure on 03-02 is referred to most, the ferry move on
// 03-05 next, the council vote on 03-09 once; a month-level reference and an
// out-of-range date must not become entries.
func story() []annotate.Doc {
	return []annotate.Doc{
		art("a1", "2031-03-02", "[2031-03-02] The harbour authority closed the north pier after divers found cracks.",
			"[2031-03] Repairs are planned for March.", "The pier has stood since 1890."),
		art("a2", "2031-03-03", "[2031-03-02] The north pier was closed by the harbour authority on Monday.",
			"[2031-03-05] The ferry will move to the south quay on Thursday."),
		art("a3", "2031-03-05", "[2031-03-05] The ferry moved to the south quay on Thursday.",
			"[2031-03-02] Cracks closed the north pier on Monday."),
		art("a4", "2031-03-09", "[2031-03-09] The council voted to rebuild the pier.",
			"[2031-03-02] The pier closure on Monday surprised fishermen."),
		art("a5", "2031-03-10", "[2030-06-01] Last June an inspection found no cracks in the pier."),
	}
}

// check verifies the timeline's invariants and returns its dates, space
// separated: increasing dates within the range, at most PerDate distinct
// items a date, each eligible and each speaking for its date (it refers to
// the date, or it is an undated lead sentence of an article published that
// day or the next, or, filling a short timeline, an undated sentence of an
// article published that day).
func check(t *testing.T, docs []annotate.Doc, tl Timeline, opt Options) string {
	t.Helper()
	opt = opt.withDefaults()
	byID := map[string]annotate.Doc{}
	for _, doc := range docs {
		byID[doc.Article.ID] = doc
	}
	var dates []string
	for i, e := range tl.Entries {
		ds := e.Date.Format(time.DateOnly)
		dates = append(dates, ds)
		if i > 0 && !e.Date.After(tl.Entries[i-1].Date) {
			t.Errorf("dates not increasing at %s", ds)
		}
		if (!opt.From.IsZero() && e.Date.Before(opt.From)) || (!opt.To.IsZero() && e.Date.After(opt.To)) {
			t.Errorf("date %s out of range", ds)
		}
		if len(e.Items) == 0 || len(e.Items) > opt.PerDate {
			t.Errorf("%s: %d items", ds, len(e.Items))
		}
		seen := map[string]bool{}
		for _, it := range e.Items {
			key := fmt.Sprintf("%s#%d", it.ArticleID, it.Sentence)
			if seen[key] {
				t.Errorf("%s: %s twice", ds, key)
			}
			seen[key] = true
			sn := byID[it.ArticleID].Sentences[it.Sentence]
			if sn.Text != it.Text {
				t.Errorf("%s: item text %q is not sentence %s %q", ds, it.Text, key, sn.Text)
			}
			if !opt.Selection.Match(it.Text) {
				t.Errorf("%s: %q has none of the keywords %v", ds, it.Text, opt.Keywords)
			}
			ref := noDay
			if ds, _ := days(sn.Timexes); len(ds) > 0 {
				ref = ds[0]
			}
			pubDiff := int(dayOf(it.Published) - dayOf(e.Date))
			lead := it.Sentence < leadSentences && pubDiff >= 0 && pubDiff < pubWindow
			if ref != dayOf(e.Date) && !(ref == noDay && (lead || pubDiff == 0)) {
				t.Errorf("%s: %s %q does not speak for the date", ds, key, it.Text)
			}
		}
	}
	return strings.Join(dates, " ")
}

func TestBuild(t *testing.T) {
	march := Options{Selection: Selection{From: d("2031-03-01"), To: d("2031-03-31")}, Recipe: BaselineRecipe}
	with := func(o Options, f func(*Options)) Options { f(&o); return o }
	tests := []struct {
		name  string
		opt   Options
		dates string
	}{
		// 03-02 is referred to 4 times, 03-05 twice, 03-09 once.
		{"top two dates", with(march, func(o *Options) { o.Dates = 2 }), "2031-03-02 2031-03-05"},
		{"all dates in range", with(march, func(o *Options) { o.Dates = 10 }), "2031-03-02 2031-03-05 2031-03-09"},
		{"two sentences a date", with(march, func(o *Options) { o.Dates = 1; o.PerDate = 2 }), "2031-03-02"},
		// only 03-05 and 03-09 have a sentence with a keyword
		{"keywords gate sentences and dates", with(march, func(o *Options) { o.Dates = 3; o.Keywords = []string{"FERRY", "council"} }),
			"2031-03-05 2031-03-09"},
		// "ferries moving" stems to ferri+move: only the ferry sentences of 03-05
		{"query needs every word", with(march, func(o *Options) { o.Dates = 3; o.Query = "ferries moving" }), "2031-03-05"},
		// a3 (03-05) and a4 (03-09) are the articles left; 03-02 is outside
		{"range cuts input and dates", Options{Dates: 5, Selection: Selection{From: d("2031-03-04"), To: d("2031-03-09")}, Recipe: BaselineRecipe}, "2031-03-05 2031-03-09"},
		// without a range the 2030 date counts too
		{"no range", Options{Dates: 10, Recipe: BaselineRecipe}, "2030-06-01 2031-03-02 2031-03-05 2031-03-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := story()
			if got := check(t, docs, Build(docs, tt.opt), tt.opt); got != tt.dates {
				t.Errorf("dates %q, want %q", got, tt.dates)
			}
		})
	}
	tl := Build(story(), with(march, func(o *Options) { o.Dates = 1; o.PerDate = 2 }))
	if n := len(tl.Entries[0].Items); n != 2 {
		t.Errorf("%d items for a date with 4 candidates, want 2", n)
	}
}

// A query that few dated or lead sentences match still gets the dates it
// asks for, when undated sentences further into articles match it: each
// stands for its article's publication day, the days with more such
// articles first, after the days the main pass found.
func TestBuildFillsShortTimelines(t *testing.T) {
	filler := []string{"Crews worked on the quay.", "Gulls circled.", "Traffic was light.", "The tide was high.", "Rain fell.", "Shops opened late."}
	late := func(id, pub, s string) annotate.Doc {
		return art(id, pub, append(append([]string(nil), filler...), s)...)
	}
	docs := []annotate.Doc{
		art("b1", "2031-04-01", "[2031-04-01] The lighthouse keeper retired on Monday."),
		late("b2", "2031-04-03", "The lighthouse lamp failed overnight."),
		late("b3", "2031-04-05", "A new lighthouse lamp was ordered."),
		late("b4", "2031-04-05", "The lighthouse stood dark for a second night."),
		late("b5", "2031-04-07", "Engineers tested the lighthouse wiring."),
		late("b6", "2031-04-09", "The harbour fees rose."),
	}
	tests := []struct {
		dates int
		want  string
	}{
		{1, "2031-04-01"},
		// 04-05 has two articles with a lighthouse sentence, then the earliest of the rest
		{2, "2031-04-01 2031-04-05"},
		{3, "2031-04-01 2031-04-03 2031-04-05"},
		{10, "2031-04-01 2031-04-03 2031-04-05 2031-04-07"},
	}
	for _, tt := range tests {
		opt := Options{Dates: tt.dates, Selection: Selection{Keywords: []string{"lighthouse"}}, Recipe: BaselineRecipe}
		if got := check(t, docs, Build(docs, opt), opt); got != tt.want {
			t.Errorf("%d dates: %q, want %q", tt.dates, got, tt.want)
		}
	}
	// the main pass alone, without publication days, keeps the timeline short
	opt := Options{Dates: 3, Selection: Selection{Keywords: []string{"lighthouse"}}, Recipe: BaselineRecipe}
	opt.Recipe.Leads = false
	if got := check(t, docs, Build(docs, opt), opt); got != "2031-04-01" {
		t.Errorf("without Leads: %q, want only the dated day", got)
	}
}

func TestBuildProvenance(t *testing.T) {
	tl := Build(story(), Options{Dates: 1})
	if len(tl.Entries) != 1 || len(tl.Entries[0].Items) != 1 {
		t.Fatalf("entries = %+v", tl.Entries)
	}
	it := tl.Entries[0].Items[0]
	doc := map[string]annotate.Doc{}
	for _, a := range story() {
		doc[a.Article.ID] = a
	}
	a := doc[it.ArticleID]
	if it.Title != a.Article.Title || !it.Published.Equal(a.Article.Published) || it.Text != a.Sentences[it.Sentence].Text {
		t.Errorf("item %+v does not match its article %+v", it, a.Article)
	}
}

func TestBuildEmpty(t *testing.T) {
	if tl := Build(nil, Options{}); len(tl.Entries) != 0 {
		t.Errorf("entries from nothing: %+v", tl.Entries)
	}
	if tl := Build(story(), Options{Selection: Selection{Keywords: []string{"volcano"}}}); len(tl.Entries) != 0 {
		t.Errorf("entries with no eligible sentence: %+v", tl.Entries)
	}
}

func TestKneePoint(t *testing.T) {
	tests := []struct {
		ys   []float64
		want int
	}{
		{[]float64{1, 0.9, 0.2, 0.1, 0.05}, 2}, // x steps of 1 dominate: the farthest point is the third
		{[]float64{1, 0.3, 0.25, 0.2, 0.1}, 1},
		{[]float64{0.5, 0.5}, 0},
		{[]float64{1, 1, 1, 1}, 0},
	}
	for _, tt := range tests {
		if got := kneePoint(tt.ys); got != tt.want {
			t.Errorf("kneePoint(%v) = %d, want %d", tt.ys, got, tt.want)
		}
	}
}

// TestCollapseCountsAStoryOnce: an article and its copy published a day
// later are one story; with Recipe.Collapse the copy never speaks, so its
// sentences are never items and its references never count.
func TestCollapseCountsAStoryOnce(t *testing.T) {
	docs := story()
	orig := docs[1]
	var body []string
	for _, s := range orig.Sentences {
		body = append(body, s.Text)
	}
	docs[1].Article.Text = strings.Join(body, " ")
	cp := art("a2copy", "2031-03-04", "[2031-03-02] The north pier was closed by the harbour authority on Monday.",
		"[2031-03-05] The ferry will move to the south quay on Thursday.")
	cp.Article.Text = docs[1].Article.Text
	docs = append(docs, cp)
	c := NewCorpus(docs)
	if st := c.Stories(); len(st) != 1 || fmt.Sprint(st[0]) != "[a2 a2copy]" {
		t.Fatalf("stories %v, want the article and its copy", st)
	}
	for _, collapse := range []bool{false, true} {
		r := DefaultRecipe
		r.Learned = false // the shipped model is not what is tested
		r.Collapse = collapse
		opt := Options{Dates: 3, PerDate: 2, Recipe: r}
		tl := c.Build(opt)
		check(t, docs, tl, opt)
		fromCopy := false
		for _, e := range tl.Entries {
			for _, it := range e.Items {
				fromCopy = fromCopy || it.ArticleID == "a2copy"
			}
		}
		if collapse && fromCopy {
			t.Errorf("collapsed timeline quotes the copy: %+v", tl.Entries)
		}
		copies := 0 // sentences of the copy that may speak for a day
		v := c.newView(opt)
		for i := range v.sel {
			if c.docs[v.sent(i).doc].Article.ID == "a2copy" {
				copies++
			}
		}
		if want := map[bool]int{false: 3, true: 0}[collapse]; copies != want {
			t.Errorf("collapse %v: the copy has %d sentences in the view, want %d", collapse, copies, want)
		}
	}
}

// TestRecipes pins the default recipe and the ablation: the steps lead from
// the baseline to the default, each variant undoes one choice of it.
func TestRecipes(t *testing.T) {
	want := Recipe{Name: "dateline", AllRefs: true, Learned: true, Clean: true, Leads: true, MaxWords: 50, SameDay: 0.3,
		Spread: 0.02, Titles: true, Knee: true}
	if DefaultRecipe != want {
		t.Errorf("DefaultRecipe = %+v, want %+v", DefaultRecipe, want)
	}
	if len(Ablation) != 16 || Ablation[0] != BaselineRecipe {
		t.Fatalf("Ablation has %d rows, first %+v", len(Ablation), Ablation[0])
	}
	last := Ablation[7]
	last.Name = DefaultRecipe.Name
	if last != DefaultRecipe {
		t.Errorf("the last step %+v is not DefaultRecipe", Ablation[7])
	}
	if r := Ablation[11]; r.Knee || r.Name != "dateline without the knee cut" {
		t.Errorf("%+v", r)
	}
	if r := Ablation[12]; !r.Collapse || r.Name != "dateline, one story counted once" {
		t.Errorf("%+v", r)
	}
	// the actor recipes add one choice each to the default
	for i, on := range []func(Recipe) bool{
		func(r Recipe) bool { return r.Salience },
		func(r Recipe) bool { return r.Actors > 0 },
		func(r Recipe) bool { return r.NoQuoted > 0 },
	} {
		r := Ablation[13+i]
		if !on(r) || !strings.HasPrefix(r.Name, "dateline + ") || !r.Learned || !r.Clean {
			t.Errorf("actor recipe %d: %+v", i, r)
		}
	}
	for _, r := range Ablation {
		if got, ok := RecipeNamed(r.Name); !ok || got != r {
			t.Errorf("RecipeNamed(%q) = %+v, %v", r.Name, got, ok)
		}
	}
}

// TestStoryToldOnce: an article and its updated version (one story) say
// the same thing about two days; the timeline shows it once. The stories are
// the corpus's own (dedup's clusters) for documents from files, and the
// store's (Doc.Story) for documents from a store — which decide even
// against what the corpus would have found.
func TestStoryToldOnce(t *testing.T) {
	body := []string{"The pier has stood since 1890 and carries the lifeboat station of the town.",
		"Fishermen moored their boats at the south quay instead, and the ferry kept to its timetable."}
	withText := func(d annotate.Doc) annotate.Doc {
		var ss []string
		for _, s := range d.Sentences {
			ss = append(ss, s.Text)
		}
		d.Article.Text = strings.Join(ss, " ")
		return d
	}
	docs := func(stories ...int64) []annotate.Doc {
		out := []annotate.Doc{
			withText(art("a", "2031-03-02", append([]string{"[2031-03-02] The harbour authority closed the north pier after divers found deep cracks in two of its piles."}, body...)...)),
			withText(art("b", "2031-03-03", append([]string{"[2031-03-09] The harbour authority closed the north pier after divers found deep cracks in two of its piles, until March 9."}, body...)...)),
			withText(art("c", "2031-03-05", "[2031-03-05] The council voted to pay for the repairs.")),
		}
		for i, s := range stories {
			out[i].Story = s
		}
		return out
	}
	if st := NewCorpus(docs()).Stories(); fmt.Sprint(st) != "[[a b]]" {
		t.Fatalf("the fixture's stories are %v, want [[a b]]", st)
	}
	tests := []struct {
		name string
		docs []annotate.Doc
		want string // article ids of the items, in date order
	}{
		{"from files: one story", docs(), "a c"},
		{"from a store: one story", docs(5, 5, 6), "a c"},
		{"from a store that keeps them apart", docs(5, 6, 7), "a c b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Dates: 3, PerDate: 1, Recipe: Recipe{Name: "plain", AllRefs: true}}
			tl := Build(tt.docs, opt)
			check(t, tt.docs, tl, opt)
			var got []string
			for _, e := range tl.Entries {
				for _, it := range e.Items {
					got = append(got, it.ArticleID)
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("items from %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}
