package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

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

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPutIsIdempotent(t *testing.T) {
	s := open(t)
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
}

func TestDocsRoundTripAndFilter(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	in := []annotate.Doc{
		doc("b", "2031-03-05", "Repairs will take weeks.", "The ferry was moved to the south quay."),
		doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks."),
		doc("c", "2031-03-09", "The council met on Monday about the ferry."),
	}
	if _, _, err := s.Put(ctx, in); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all, by day", Filter{}, "a b c"},
		{"from", Filter{From: day("2031-03-03")}, "b c"},
		{"to", Filter{To: day("2031-03-05")}, "a b"},
		{"both", Filter{From: day("2031-03-03"), To: day("2031-03-05")}, "b"},
	}
	for _, tt := range tests {
		docs, err := s.Docs(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Article.ID)
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	docs, _ := s.Docs(ctx, Filter{To: day("2031-03-02")})
	if len(docs) != 1 {
		t.Fatalf("got %d docs", len(docs))
	}
	got, want := docs[0], in[1]
	got.Article.Text, want.Article.Text = "", ""
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestSearch(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	s.Put(ctx, []annotate.Doc{
		doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks in the pier."),
		doc("b", "2031-03-05", "The ferry moved."),
	})
	hits, err := s.Search(ctx, Query{Text: "pier"}, Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].ArticleID != "a" || hits[0].Score <= 0 {
		t.Fatalf("hits = %+v", hits)
	}
	if hits, _ := s.Search(ctx, Query{Text: "pier"}, Filter{From: day("2031-03-03")}, 10); len(hits) != 0 {
		t.Errorf("date filter ignored: %+v", hits)
	}
	// Whatever is typed, plain text is words and phrases, never an error.
	for _, q := range []string{`"pier`, `pier)`, `-pier`, `^pier`, `"divers found"`, `found divers`, `pier*`, `pi*`} {
		hits, err := s.Search(ctx, Query{Text: q}, Filter{}, 10)
		if err != nil || len(hits) == 0 {
			t.Errorf("plain %q: %d hits, %v", q, len(hits), err)
		}
	}
	// Syntax is read as words: "text:pier" needs the word text.
	for _, q := range []string{`NEAR(pier`, `pier AND`, `text:pier`} {
		if hits, err := s.Search(ctx, Query{Text: q}, Filter{}, 10); err != nil || len(hits) != 0 {
			t.Errorf("plain %q: %d hits, %v; want none, no error", q, len(hits), err)
		}
	}
	if hits, _ := s.Search(ctx, Query{Text: `"found divers"`}, Filter{}, 10); len(hits) != 0 {
		t.Errorf("a phrase matched its words in another order: %+v", hits)
	}
	// Raw: FTS5 syntax works, its errors are QueryErrors.
	if hits, err := s.Search(ctx, Query{Text: "ferry OR divers", Raw: true}, Filter{}, 10); err != nil || len(hits) != 2 {
		t.Errorf("raw OR: %d hits, %v", len(hits), err)
	}
	if hits, err := s.Search(ctx, Query{Text: "text:ferry", Raw: true}, Filter{}, 10); err != nil || len(hits) != 1 {
		t.Errorf("raw column filter: %d hits, %v", len(hits), err)
	}
	for _, q := range []string{`"unbalanced`, `NEAR(`, `pier AND`, `nosuch:pier`} {
		var qe *QueryError
		if _, err := s.Search(ctx, Query{Text: q, Raw: true}, Filter{}, 10); !errors.As(err, &qe) || strings.Contains(err.Error(), "\n") {
			t.Errorf("raw %q: error %v, want one line of *QueryError", q, err)
		}
	}
}

// oneSentence annotates an article as one sentence, without the real
// annotators: these tests are about what the store does with documents.
type oneSentence struct{ annotated []string }

func (o *oneSentence) Stream(in iter.Seq2[article.Article, error], workers int) iter.Seq2[annotate.Doc, error] {
	return func(yield func(annotate.Doc, error) bool) {
		for a, err := range in {
			if err != nil {
				if !yield(annotate.Doc{}, err) {
					return
				}
				continue
			}
			o.annotated = append(o.annotated, a.ID)
			d := doc(a.ID, a.Published.Format(time.DateOnly), a.Text)
			d.Article = a // annotation keeps the article as it is
			if !yield(d, nil) {
				return
			}
		}
	}
}

func TestIngestCountsAndGoesOn(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	bad := errors.New("file.jsonl:3: invalid JSON")
	art := func(id, pub string) article.Article {
		return article.Article{ID: id, Published: day(pub), Text: "Text of " + id + "."}
	}
	seq := func(yield func(article.Article, error) bool) {
		_ = yield(art("a", "2031-03-02"), nil) &&
			yield(article.Article{}, bad) &&
			yield(art("b", "2031-03-03"), nil) &&
			yield(art("a", "2031-03-02"), nil) &&
			yield(art("c", "2031-03-04"), nil)
	}
	var bads []error
	var last IngestResult
	an := &oneSentence{}
	r, err := s.Ingest(ctx, seq, an, 1, 2, func(e error) { bads = append(bads, e) }, func(p IngestResult) { last = p })
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
	r, err = s.Ingest(ctx, seq, an, 1, 2, nil, nil)
	if err != nil || r != (IngestResult{Read: 4, Skipped: 4, Bad: 1}) || len(an.annotated) != 0 {
		t.Errorf("second ingest: %+v, %v, annotated %v", r, err, an.annotated)
	}
}

func TestPlainQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chemical attack", `"chemical" "attack"`},
		{"U.S. troops", `"U" "S" "troops"`},
		{`"exact phrase" here`, `"exact phrase" "here"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{"syria OR libya", `"syria" "OR" "libya"`},
		{"attack*", `"attack"*`},
		{"text:oil", `"text" "oil"`},
		{"NEAR(oil", `"NEAR" "oil"`},
		{"Österreich", `"Österreich"`},
	}
	for _, tt := range tests {
		if got, err := (Query{Text: tt.in}).fts(); got != tt.want || err != nil {
			t.Errorf("plain %q = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, q := range []Query{{Text: ""}, {Text: "  \t"}, {Text: `"" ** ()`}, {Text: " ", Raw: true}} {
		if _, err := q.fts(); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("%+v: err %v, want ErrEmptyQuery", q, err)
		}
	}
}

// Reading commands open with OpenExisting: a mistyped path is an error that
// names it, and leaves no empty database behind; an existing store opens.
func TestOpenExisting(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	if _, err := OpenExisting(missing); !errors.Is(err, ErrNoStore) || !strings.Contains(err.Error(), missing) {
		t.Errorf("OpenExisting(missing) error = %v, want ErrNoStore naming the path", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenExisting created %s (stat: %v)", missing, err)
	}
	path := filepath.Join(dir, "real.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(context.Background(), []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenExisting(path)
	if err != nil {
		t.Fatalf("OpenExisting(existing): %v", err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil || st.Articles != 1 {
		t.Errorf("reopened store: %+v, %v; want 1 article", st, err)
	}
}

// TestChangedArticleReplacesTheStoredOne: the policy for new text under a
// known id is that the new version replaces the old one, re-annotated, in
// documents, search and statistics alike; unchanged articles are skipped.
func TestChangedArticleReplacesTheStoredOne(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	v1 := article.Article{ID: "a", Published: day("2031-03-02"), Title: "Pier", Text: "The pier closed on Monday."}
	v2 := v1
	v2.Text = "The lighthouse closed on Monday."
	one := func(as ...article.Article) iter.Seq2[article.Article, error] {
		return func(yield func(article.Article, error) bool) {
			for _, a := range as {
				if !yield(a, nil) {
					return
				}
			}
		}
	}
	if r, err := s.Ingest(ctx, one(v1), &oneSentence{}, 1, 8, nil, nil); err != nil || r.Added != 1 {
		t.Fatalf("first ingest: %+v %v", r, err)
	}
	an := &oneSentence{}
	r, err := s.Ingest(ctx, one(v2), an, 1, 8, nil, nil)
	if err != nil || r != (IngestResult{Read: 1, Updated: 1}) || len(an.annotated) != 1 {
		t.Fatalf("changed article: %+v %v, annotated %v", r, err, an.annotated)
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
	if st, err := s.Stats(ctx); err != nil || st.Articles != 1 || st.Sentences != 1 {
		t.Errorf("stats after the update: %+v %v", st, err)
	}
	an = &oneSentence{}
	if r, err := s.Ingest(ctx, one(v2), an, 1, 8, nil, nil); err != nil || r != (IngestResult{Read: 1, Skipped: 1}) || len(an.annotated) != 0 {
		t.Errorf("unchanged article: %+v %v, annotated %v", r, err, an.annotated)
	}
	// The full-text index agrees with its content table.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity check: %v", err)
	}
}

func TestHTTPCache(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	if e, l, err := s.Validators(ctx, "http://x.test/a"); err != nil || e != "" || l != "" {
		t.Fatalf("empty cache: %q %q %v", e, l, err)
	}
	if err := s.Remember(ctx, "http://x.test/a", `"v1"`, "Tue, 05 Mar 2024 10:00:00 GMT"); err != nil {
		t.Fatal(err)
	}
	if err := s.Remember(ctx, "http://x.test/a", `"v2"`, ""); err != nil {
		t.Fatal(err)
	}
	if e, l, err := s.Validators(ctx, "http://x.test/a"); err != nil || e != `"v2"` || l != "" {
		t.Errorf("got %q %q %v, want the latest", e, l, err)
	}
	// Reopening keeps the table and what it holds.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if e, _, _ := s2.Validators(ctx, "http://x.test/a"); e != `"v2"` {
		t.Errorf("after reopening: %q", e)
	}
}
