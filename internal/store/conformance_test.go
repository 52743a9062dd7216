package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/store/storetest"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// The conformance suite: every test here runs against each backend, SQLite
// always, PostgreSQL when DATELINE_TEST_POSTGRES names a server (each test
// in a schema of its own, dropped afterwards).

// forEachBackend runs test with the location of a new, empty store of each
// backend.
func forEachBackend(t *testing.T, test func(t *testing.T, loc string)) { storetest.ForEach(t, test) }

// openAt opens the store at loc for the test.
func openAt(t testing.TB, loc string) *Store {
	t.Helper()
	s, err := Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// putPierArticles stores articles a00..a29, one a batch (so that each has
// its own sequence number in order), all matching "pier", longer every
// third: what the partition tests spread over many partitions.
func putPierArticles(t *testing.T, s *Store) {
	t.Helper()
	for i := range 30 {
		d := doc(fmt.Sprintf("a%02d", i), fmt.Sprintf("2031-03-%02d", 1+i%28), "The pier"+strings.Repeat(" closed again", i/3)+".")
		if _, _, err := s.Put(context.Background(), []annotate.Doc{d}); err != nil {
			t.Fatal(err)
		}
	}
}

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// doc builds an annotated document by hand: the store must keep exactly what
// it is given, whatever the annotators would have said.
func doc(id, pub string, sents ...string) annotate.Doc {
	d := annotate.Doc{Article: article.Article{ID: id, Published: day(pub), Title: "T " + id, Source: "Gazette",
		Text: strings.Join(sents, " "), Origin: id + ".txt:1"}}
	off := 0
	for i, s := range sents {
		sn := annotate.Sentence{Index: i, Text: s, Start: off, End: off + len([]rune(s))}
		if j := strings.Index(s, "Monday"); j >= 0 {
			j = len([]rune(s[:j]))
			sn.Timexes = []timex.Timex{{Start: off + j, End: off + j + 6, Text: "Monday", Type: timex.Date, Value: pub}}
		}
		if strings.Contains(s, "weeks") {
			sn.Timexes = append(sn.Timexes, timex.Timex{Start: off, End: off + 5, Text: "weeks", Type: timex.Duration, Value: "PXW"})
		}
		d.Sentences = append(d.Sentences, sn)
		off = sn.End + 1
	}
	return d
}

func TestPutIsIdempotent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		docs := []annotate.Doc{
			doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks."),
			doc("b", "2031-03-05", "Repairs will take weeks.", "The ferry was moved."),
			doc("a", "2031-03-02", "A second copy of a in the same batch."),
		}
		added, updated, err := s.Put(ctx, docs)
		if err != nil || added != 2 || updated != 0 {
			t.Fatalf("first Put: added %d, updated %d, err %v; want 2, 0", added, updated, err)
		}
		added, updated, err = s.Put(ctx, docs[:2])
		if err != nil || added != 0 || updated != 0 {
			t.Fatalf("second Put: added %d, updated %d, err %v; want 0", added, updated, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 2 || st.Sentences != 4 || st.Timexes != 2 || st.Resolved != 1 {
			t.Errorf("stats = %+v, want 2 articles, 4 sentences, 2 timexes, 1 resolved", st)
		}
		if st.First != day("2031-03-02") || st.Last != day("2031-03-05") {
			t.Errorf("range %v..%v", st.First, st.Last)
		}
	})
}

// odd is a document whose sentences are not spans of its text, with
// non-ASCII text and offsets past its end: the store keeps what it is given.
func odd() annotate.Doc {
	d := doc("ö", "2031-03-04", "Die Wahl in ÖSTERREICH fand am Montag statt.", "Élus le mardi.")
	d.Article.Published = time.Date(2031, 3, 4, 23, 30, 0, 0, time.FixedZone("", -5*3600))
	d.Sentences[1].Text = "Elected on Tuesday (translated)."
	d.Sentences[0].Timexes = []timex.Timex{{Start: 31, End: 37, Text: "Montag", Type: timex.Date, Value: "2031-03-03"},
		{Start: 500, End: 510, Text: "beyond", Type: timex.Set, Value: "P1W", Freq: "1X", Quant: "EVERY", Mod: "APPROX"}}
	d.Sentences[1].Index = 7
	return d
}

func TestDocsRoundTripAndFilter(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		in := []annotate.Doc{
			doc("b", "2031-03-05", "Repairs will take weeks.", "The ferry was moved to the south quay."),
			doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks."),
			doc("c", "2031-03-09", "The council met on Monday about the ferry."),
			odd(),
			doc("B", "2031-03-05", "Upper case ids sort before lower case ones."),
		}
		if _, _, err := s.Put(ctx, in); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			f    Filter
			want string
		}{
			{"all, by day then id", Filter{}, "a ö B b c"},
			{"from", Filter{From: day("2031-03-05")}, "B b c"},
			{"to", Filter{To: day("2031-03-04")}, "a ö"},
			{"both", Filter{From: day("2031-03-03"), To: day("2031-03-05")}, "ö B b"},
		}
		for _, tt := range tests {
			docs, err := s.Docs(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := ids(docs); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			}
		}
		docs, err := s.Docs(ctx, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]annotate.Doc{}
		for _, d := range docs {
			byID[d.Article.ID] = d
		}
		for _, want := range in {
			got := byID[want.Article.ID]
			if !got.Article.Published.Equal(want.Article.Published) || got.Article.Published.Format(time.RFC3339) != want.Article.Published.Format(time.RFC3339) {
				t.Errorf("%s: published %v, want %v", want.Article.ID, got.Article.Published, want.Article.Published)
			}
			got.Article.Published, want.Article.Published = time.Time{}, time.Time{}
			if got.Story == 0 {
				t.Errorf("%s: no story", want.Article.ID)
			}
			got.Story = 0 // the store's number for its story (see TestStoriesAsIndex)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip of %s:\n got %+v\nwant %+v", want.Article.ID, got, want)
			}
		}
		got, err := s.Article(ctx, "ö")
		if err != nil || !reflect.DeepEqual(got.Sentences, odd().Sentences) || got.Article.Text != odd().Article.Text {
			t.Errorf("Article(ö) = %+v, %v", got, err)
		}
		if _, err := s.Article(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown id: err = %v, want ErrNotFound", err)
		}
	})
}

func ids(docs []annotate.Doc) string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Article.ID)
	}
	return strings.Join(out, " ")
}

func TestSearch(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		if _, _, err := s.Put(ctx, []annotate.Doc{
			doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks in the pier."),
			doc("b", "2031-03-05", "The ferry moved.", "U.S. troops attacked the port of Österreich."),
		}); err != nil {
			t.Fatal(err)
		}
		hits, err := s.Search(ctx, Query{Text: "pier"}, Filter{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 2 || hits[0].ArticleID != "a" || hits[0].Score <= 0 || hits[0].Title != "T a" || hits[0].Source != "Gazette" {
			t.Fatalf("hits = %+v", hits)
		}
		texts := []string{hits[0].Text, hits[1].Text}
		slices.Sort(texts)
		if texts[0] != "Divers found cracks in the pier." || texts[1] != "The pier closed on Monday." {
			t.Errorf("hit texts %q", texts)
		}
		for _, limit := range []int{2, 1000} { // the window just holds the two matches of a; all
			s.window = limit
			if hits, _ := s.Search(ctx, Query{Text: "pier"}, Filter{From: day("2031-03-03")}, 10); len(hits) != 0 {
				t.Errorf("date filter ignored: %+v", hits)
			}
			if hits, _ := s.Search(ctx, Query{Text: "pier"}, Filter{To: day("2031-03-02")}, 1); len(hits) != 1 {
				t.Errorf("limit with a date filter: %+v", hits)
			}
			if hits, _ := s.Search(ctx, Query{Text: "pier"}, Filter{From: day("2031-03-01"), To: day("2031-03-02")}, 5); len(hits) != 2 ||
				hits[0].Score < hits[1].Score {
				t.Errorf("range %d: %+v", limit, hits)
			}
		}
		// Plain text is words, phrases and prefixes, by index term; never an error.
		for _, tt := range []struct {
			q    string
			want int
		}{
			{`"pier`, 2}, {`pier)`, 2}, {`-pier`, 2}, {`^pier`, 2}, {`"divers found"`, 1}, {`found divers`, 1},
			{`pier*`, 2}, {`pi*`, 2}, {`piers`, 2}, {`DIVING`, 0}, {`divers`, 1}, {`attack`, 1}, {`attacking troop`, 1},
			{`u.s. troops`, 1}, {`österreich`, 1}, {`ÖSTERREICH`, 1}, {`the pier`, 2}, {`NEAR(pier`, 0}, {`pier AND`, 2},
			{`text:pier`, 0}, {`"found divers"`, 0}, {`"cracks pier"`, 1}, {`ferry OR divers`, 0},
		} {
			hits, err := s.Search(ctx, Query{Text: tt.q}, Filter{}, 10)
			if err != nil || len(hits) != tt.want {
				t.Errorf("plain %q: %d hits, %v; want %d", tt.q, len(hits), err, tt.want)
			}
		}
		// Stop words only: a phrase through the text, newest article first,
		// within the window of newest articles.
		s.window = SearchWindow
		for _, tt := range []struct {
			q      string
			f      Filter
			limit  int
			window int
			want   []string // article:sentence of each hit, in order
		}{
			{q: "the", limit: 10, want: []string{"b:0", "b:1", "a:0", "a:1"}},
			{q: "THE", limit: 2, want: []string{"b:0", "b:1"}},
			{q: "in the", limit: 10, want: []string{"a:1"}},
			{q: `"in the"`, limit: 10, want: []string{"a:1"}},
			{q: "IN  THE!", limit: 10, want: []string{"a:1"}},
			{q: "the in", limit: 10},
			{q: "the of", limit: 10},
			{q: "of", limit: 10, want: []string{"b:1"}},
			{q: "he", limit: 10}, // in "the", not a word of its own
			{q: "the", f: Filter{To: day("2031-03-02")}, limit: 10, want: []string{"a:0", "a:1"}},
			{q: "the", limit: 10, window: 1, want: []string{"b:0", "b:1"}},
		} {
			if tt.window > 0 {
				s.window = tt.window
			}
			hits, err := s.Search(ctx, Query{Text: tt.q}, tt.f, tt.limit)
			s.window = SearchWindow
			var got []string
			for _, h := range hits {
				got = append(got, fmt.Sprintf("%s:%d", h.ArticleID, h.Sentence))
				if h.Score != 0 || h.Title != "T "+h.ArticleID {
					t.Errorf("phrase %q: hit %+v", tt.q, h)
				}
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("phrase %q %+v: %v, %v; want %v", tt.q, tt.f, got, err, tt.want)
			}
		}
		for _, q := range []Query{{Text: ""}, {Text: "  \t"}, {Text: `"" ** ()`}, {Text: " ", Raw: true}} {
			if _, err := s.Search(ctx, q, Filter{}, 10); !errors.Is(err, ErrEmptyQuery) {
				t.Errorf("%+v: err %v, want ErrEmptyQuery", q, err)
			}
		}
	})
}

// oneSentence annotates an article as one sentence, without the real
// annotators: these tests are about what the store does with documents.
type oneSentence struct {
	mu        sync.Mutex
	annotated []string
}

func (o *oneSentence) Annotate(a article.Article) annotate.Doc {
	o.mu.Lock()
	o.annotated = append(o.annotated, a.ID)
	o.mu.Unlock()
	d := doc(a.ID, a.Published.Format(time.DateOnly), a.Text)
	d.Article = a // annotation keeps the article as it is
	return d
}

// seqOf yields the articles and errors given.
func seqOf(items ...any) iter.Seq2[article.Article, error] {
	return func(yield func(article.Article, error) bool) {
		for _, it := range items {
			var ok bool
			switch v := it.(type) {
			case article.Article:
				ok = yield(v, nil)
			case error:
				ok = yield(article.Article{}, v)
			}
			if !ok {
				return
			}
		}
	}
}

func TestIngestCountsAndGoesOn(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		bad := errors.New("file.jsonl:3: invalid JSON")
		art := func(id, pub string) article.Article {
			return article.Article{ID: id, Published: day(pub), Text: "Text of " + id + "."}
		}
		arts := seqOf(art("a", "2031-03-02"), bad, art("b", "2031-03-03"), art("a", "2031-03-02"), art("c", "2031-03-04"))
		var bads []error
		var last IngestResult
		an := &oneSentence{}
		r, err := s.Ingest(ctx, arts, an, 1, 2, func(e error) { bads = append(bads, e) }, func(p IngestResult) { last = p })
		if err != nil {
			t.Fatal(err)
		}
		if r != (IngestResult{Read: 4, Added: 3, Skipped: 1, Bad: 1}) || len(bads) != 1 || last != r {
			t.Errorf("result %+v, bad %v, last progress %+v", r, bads, last)
		}
		if strings.Join(an.annotated, " ") != "a b c" {
			t.Errorf("annotated %v: the repeated article should not be annotated", an.annotated)
		}
		// again: everything is stored, nothing is annotated
		an = &oneSentence{}
		r, err = s.Ingest(ctx, arts, an, 1, 2, nil, nil)
		if err != nil || r != (IngestResult{Read: 4, Skipped: 4, Bad: 1}) || len(an.annotated) != 0 {
			t.Errorf("second ingest: %+v, %v, annotated %v", r, err, an.annotated)
		}
		// many workers, batches of one
		var many []any
		for i := range 40 {
			many = append(many, art(fmt.Sprint("m", i), "2031-04-01"))
		}
		r, err = s.Ingest(ctx, seqOf(many...), &oneSentence{}, 4, 1, nil, nil)
		if err != nil || r != (IngestResult{Read: 40, Added: 40}) {
			t.Errorf("parallel ingest: %+v, %v", r, err)
		}
		if st, _ := s.Stats(ctx); st.Articles != 43 || st.Sentences != 43 {
			t.Errorf("stats %+v", st)
		}
	})
}

// TestChangedArticleReplacesTheStoredOne: the policy for new text under a
// known id is that the new version replaces the old one, re-annotated, in
// documents, search and statistics alike; unchanged articles are skipped.
func TestChangedArticleReplacesTheStoredOne(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		v1 := article.Article{ID: "a", Published: day("2031-03-02"), Title: "Pier", Source: "Gazette", Text: "The pier closed on Monday."}
		v2 := v1
		v2.Text = "The lighthouse closed on Monday."
		v2.Published = day("2031-03-04")
		v2.Source = "Courier"
		if r, err := s.Ingest(ctx, seqOf(v1), &oneSentence{}, 1, 8, nil, nil); err != nil || r.Added != 1 {
			t.Fatalf("first ingest: %+v %v", r, err)
		}
		v0, _ := s.Version(ctx)
		an := &oneSentence{}
		r, err := s.Ingest(ctx, seqOf(v2), an, 1, 8, nil, nil)
		if err != nil || r != (IngestResult{Read: 1, Updated: 1}) || len(an.annotated) != 1 {
			t.Fatalf("changed article: %+v %v, annotated %v", r, err, an.annotated)
		}
		if v, _ := s.Version(ctx); v == v0 {
			t.Errorf("version %d unchanged by an update", v)
		}
		docs, err := s.Docs(ctx, Filter{})
		if err != nil || len(docs) != 1 || len(docs[0].Sentences) != 1 || docs[0].Sentences[0].Text != v2.Text {
			t.Fatalf("docs after the update: %+v %v", docs, err)
		}
		if hits, err := s.Search(ctx, Query{Text: "pier"}, Filter{}, 10); err != nil || len(hits) != 0 {
			t.Errorf("the old text is still found: %+v %v", hits, err)
		}
		if hits, err := s.Search(ctx, Query{Text: "lighthouse"}, Filter{}, 10); err != nil || len(hits) != 1 {
			t.Errorf("the new text is not found: %+v %v", hits, err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 1 || st.Sentences != 1 || st.Timexes != 1 || st.First != day("2031-03-04") ||
			fmt.Sprint(st.Sources) != "[{Courier 1}]" || fmt.Sprint(st.TopDays) != "[{2031-03-04 1}]" {
			t.Errorf("stats after the update: %+v %v", st, err)
		}
		an = &oneSentence{}
		if r, err := s.Ingest(ctx, seqOf(v2), an, 1, 8, nil, nil); err != nil || r != (IngestResult{Read: 1, Skipped: 1}) || len(an.annotated) != 0 {
			t.Errorf("unchanged article: %+v %v, annotated %v", r, err, an.annotated)
		}
	})
}

func TestStatsAndVersion(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		if st, err := s.Stats(ctx); err != nil || st.Articles != 0 || !st.First.IsZero() || len(st.Months) != 0 {
			t.Errorf("empty store: %+v %v", st, err)
		}
		v0, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d1 := doc("a", "2031-03-02", "The pier closed on Monday.", "It reopened on Monday, a week later.")
		d1.Sentences[1].Timexes = append(d1.Sentences[1].Timexes, timex.Timex{Start: 40, End: 51, Text: "a week later", Type: timex.Date, Value: "2031-W11"})
		d2 := doc("b", "2031-04-05", "On Monday the ferry came back.")
		d2.Article.Source = ""
		d3 := doc("c", "2031-04-06", "Nothing happened.")
		if _, _, err := s.Put(ctx, []annotate.Doc{d1, d2, d3}); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{Path: loc, Articles: 3, Sentences: 4, Timexes: 4, Resolved: 4, First: day("2031-03-02"), Last: day("2031-04-06"),
			Sources: []Count{{"Gazette", 2}, {"(none)", 1}}, Months: []Count{{"2031-03", 1}, {"2031-04", 2}},
			TopDays: []Count{{"2031-03-02", 2}, {"2031-04-05", 1}}}
		st.Path, st.Backend, st.Bytes = loc, "", 0
		if s.Path() != loc && !IsURL(loc) {
			t.Errorf("Path() = %q", s.Path())
		}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("stats\n got %+v\nwant %+v", st, want)
		}
		v1, _ := s.Version(ctx)
		if v1 == v0 {
			t.Errorf("version unchanged by a put: %d", v1)
		}
		s.Put(ctx, []annotate.Doc{d1})
		if v2, _ := s.Version(ctx); v2 != v1 {
			t.Errorf("version changed by a put that added nothing: %d -> %d", v1, v2)
		}
	})
}

// prefilterCases are TestPrefilterWidens's selections; loaded is what Docs
// loads beyond the matching articles: "" none, "all" the whole range (the
// keyword cannot be looked up), or the ids.
var prefilterCases = []struct {
	sel    timeline.Selection
	loaded string
}{
	{timeline.Selection{Keywords: []string{"flu"}}, ""},
	{timeline.Selection{Keywords: []string{"quake"}}, ""},
	{timeline.Selection{Keywords: []string{"strauss-kahn"}}, ""},
	{timeline.Selection{Keywords: []string{"oil spill"}}, "d06"}, // soil ... spill
	{timeline.Selection{Keywords: []string{"österreich"}}, ""},
	{timeline.Selection{Keywords: []string{"kelvin"}}, ""},
	{timeline.Selection{Keywords: []string{"he"}}, "all"},  // inside stop words: the, she
	{timeline.Selection{Keywords: []string{"lrb"}}, "all"}, // a bracket token: not an indexed word
	{timeline.Selection{Keywords: []string{"nosuchword"}}, ""},
	{timeline.Selection{Keywords: []string{"nosuchword", "spill"}}, ""},
	{timeline.Selection{Keywords: []string{"  "}}, "all"},
	{timeline.Selection{Query: "official vote"}, ""},
	{timeline.Selection{Query: "quakes"}, ""},
	{timeline.Selection{Query: "the of"}, "all"},
	{timeline.Selection{Keywords: []string{"spill"}, Query: "coast"}, ""},
	{timeline.Selection{Keywords: []string{"ra"}}, ""}, // inside a word: strauss
	{timeline.Selection{Keywords: []string{"ΟΔΥΣΣΕΥΣ"}}, ""},
	{timeline.Selection{Keywords: []string{"日本"}}, "all"}, // Han: no piece the segmenter keeps whole
}

// TestPrefilterWidens: the articles Docs returns for a filter's keywords
// and query include every article with a sentence that timeline.Selection
// accepts — exactly those, here, where the index can tell, and more only
// where it cannot (a keyword inside a stop word).
func TestPrefilterWidens(t *testing.T) {
	texts := []string{
		"Swine flu cases rose in the spring.",
		"An influenza vaccine was approved.",
		"The earthquakes shook the capital.",
		"The quake was felt far away.",
		"Strauss-Kahn resigned on Monday.",
		"The oil spill reached the coast.",
		"Soil samples were taken near the spill.",
		"Die Wahl in ÖSTERREICH fand statt.",
		"The \u212Aelvin scale was used.",
		"She said he would come -LRB- later -RRB- .",
		"Officials voted for the new plan.",
		"Nothing to see here.",
	}
	var docs []annotate.Doc
	for i, s := range texts {
		docs = append(docs, doc(fmt.Sprintf("d%02d", i), "2031-05-01", s))
	}
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		if _, _, err := s.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
		plans := []struct {
			name string
			f    Filter
		}{{"whole store", Filter{}}, {"a range (its span of ids)", Filter{From: day("2031-04-01"), To: day("2031-05-31")}}}
		for _, plan := range plans {
			for _, tt := range prefilterCases {
				sel := tt.sel
				f := plan.f
				f.Keywords, f.Query = sel.Keywords, sel.Query
				got, err := s.Docs(ctx, f)
				if err != nil {
					t.Fatalf("%+v: %v", sel, err)
				}
				have := map[string]bool{}
				for _, d := range got {
					have[d.Article.ID] = true
				}
				var want []string
				for _, d := range docs {
					if sel.Match(d.Sentences[0].Text) {
						want = append(want, d.Article.ID)
						if !have[d.Article.ID] {
							t.Errorf("%+v: %s (%q) matches but was not loaded", sel, d.Article.ID, d.Sentences[0].Text)
						}
					}
				}
				switch tt.loaded {
				case "all":
					if len(got) != len(docs) {
						t.Errorf("%+v: loaded %s, want all", sel, ids(got))
					}
				default:
					extra := []string{}
					for _, d := range got {
						if !slices.Contains(want, d.Article.ID) {
							extra = append(extra, d.Article.ID)
						}
					}
					if strings.Join(extra, " ") != tt.loaded {
						t.Errorf("%s, %+v: loaded %s beyond the matches %v, want %q", plan.name, sel, extra, want, tt.loaded)
					}
				}
			}
		}
	})
}

// TestConcurrentWriters: processes (here goroutines with stores of their
// own) writing overlapping batches at once store each article once, with
// its sentences once.
func TestConcurrentWriters(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		first := openAt(t, loc)
		var all []annotate.Doc
		for i := range 60 {
			all = append(all, doc(fmt.Sprintf("a%02d", i), fmt.Sprintf("2031-03-%02d", 1+i%28), "The pier closed on Monday.", fmt.Sprintf("Story %d went on.", i)))
		}
		const writers = 6
		var wg sync.WaitGroup
		errs := make([]error, writers)
		added := make([]int, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(loc)
				if err != nil {
					errs[w] = err
					return
				}
				defer s.Close()
				// writer w takes two thirds of the articles, in batches of 7, starting at its own place
				mine := slices.Concat(all[w*10:], all[:w*10])[:40]
				for len(mine) > 0 {
					n := min(7, len(mine))
					a, _, err := s.Put(context.Background(), mine[:n])
					if err != nil {
						errs[w] = err
						return
					}
					added[w] += a
					mine = mine[n:]
				}
			}()
		}
		wg.Wait()
		total := 0
		for w, err := range errs {
			if err != nil {
				t.Errorf("writer %d: %v", w, err)
			}
			total += added[w]
		}
		st, err := first.Stats(context.Background())
		if err != nil || st.Articles != 60 || st.Sentences != 120 || st.Timexes != 60 || total != 60 {
			t.Errorf("after concurrent writers: %+v %v; added %v (sum %d), want 60 articles, 120 sentences", st, err, added, total)
		}
		hits, err := first.Search(context.Background(), Query{Text: "pier"}, Filter{}, 1000)
		if err != nil || len(hits) != 60 {
			t.Errorf("index after concurrent writers: %d hits, %v; want 60", len(hits), err)
		}
	})
}

// TestOpenExistingAndNoStore: reading opens need a store; a missing one is
// ErrNoStore, and leaves nothing behind.
func TestOpenExistingAndNoStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		if _, err := OpenExisting(loc); !errors.Is(err, ErrNoStore) {
			t.Errorf("OpenExisting(new location) error = %v, want ErrNoStore", err)
		}
		if _, err := OpenExisting(loc); !errors.Is(err, ErrNoStore) {
			t.Errorf("OpenExisting created something at %s: %v", loc, err)
		}
		s := openAt(t, loc)
		if _, _, err := s.Put(context.Background(), []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.")}); err != nil {
			t.Fatal(err)
		}
		r, err := OpenExisting(loc)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if st, err := r.Stats(context.Background()); err != nil || st.Articles != 1 {
			t.Errorf("stats read-only: %+v %v", st, err)
		}
		if _, _, err := r.Put(context.Background(), []annotate.Doc{doc("b", "2031-03-02", "Another.")}); err == nil {
			t.Errorf("a write through OpenExisting succeeded")
		}
	})
}

// TestSearchWindow: search ranks the most recently stored matches, at most
// the window; below it, every match.
func TestSearchWindow(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		var docs []annotate.Doc
		for i := range 30 {
			// the older the article, the shorter (the more relevant) its sentence
			docs = append(docs, doc(fmt.Sprintf("a%02d", i), "2031-03-02", "The pier"+strings.Repeat(" closed again", i/3)+"."))
		}
		for i := range docs { // one article a batch: stored in this order
			if _, _, err := s.Put(ctx, docs[i:i+1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			window int
			f      Filter
			want   string // the oldest article allowed among the hits, the best hit
			best   []string
		}{
			{100, Filter{}, "a00", []string{"a00", "a01", "a02"}}, // three equal sentences
			{10, Filter{}, "a20", []string{"a20"}},
			{10, Filter{From: day("2031-03-01")}, "a20", []string{"a20"}},
		} {
			s.window = tt.window
			hits, err := s.Search(ctx, Query{Text: "pier"}, tt.f, 5)
			if err != nil || len(hits) != 5 {
				t.Fatalf("window %d: %d hits, %v", tt.window, len(hits), err)
			}
			if !slices.Contains(tt.best, hits[0].ArticleID) {
				t.Errorf("window %d %+v: best hit %s, want one of %v", tt.window, tt.f, hits[0].ArticleID, tt.best)
			}
			for _, h := range hits {
				if h.ArticleID < tt.want {
					t.Errorf("window %d: hit %s is older than the window", tt.window, h.ArticleID)
				}
			}
		}
	})
}

func TestHTTPCache(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		if e, l, err := s.Validators(ctx, "http://x.test/a"); err != nil || e != "" || l != "" {
			t.Fatalf("empty cache: %q %q %v", e, l, err)
		}
		if err := s.Remember(ctx, "http://x.test/a", `"v1"`, "Tue, 05 Mar 2024 10:00:00 GMT"); err != nil {
			t.Fatal(err)
		}
		if err := s.Remember(ctx, "http://x.test/b", "", "Wed, 06 Mar 2024 10:00:00 GMT"); err != nil {
			t.Fatal(err)
		}
		if err := s.Remember(ctx, "http://x.test/a", `"v2"`, ""); err != nil {
			t.Fatal(err)
		}
		if e, l, err := s.Validators(ctx, "http://x.test/a"); err != nil || e != `"v2"` || l != "" {
			t.Errorf("a: got %q %q %v, want the latest", e, l, err)
		}
		// Reopening keeps the table and what it holds; a read-only open
		// reads it.
		s.Close()
		ro, err := OpenExisting(loc)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if e, l, err := ro.Validators(ctx, "http://x.test/b"); err != nil || e != "" || l != "Wed, 06 Mar 2024 10:00:00 GMT" {
			t.Errorf("b after reopening: %q %q %v", e, l, err)
		}
		if err := ro.Remember(ctx, "http://x.test/c", "x", ""); err == nil {
			t.Errorf("a read-only store remembered a URL")
		}
	})
}
