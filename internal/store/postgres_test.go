package store

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/store/storetest"
)

// Tests of what only the PostgreSQL backend has: web-search syntax,
// concurrent creation under the advisory lock, the URL in messages.

func TestRawWebsearch(t *testing.T) {
	s := openAt(t, storetest.Postgres(t))
	ctx := context.Background()
	s.Put(ctx, []annotate.Doc{
		doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks in the pier."),
		doc("b", "2031-03-05", "The ferry moved."),
	})
	for _, tt := range []struct {
		q    string
		want int
	}{
		{"ferry or divers", 2}, {"pier -cracks", 1}, {`"divers found"`, 1}, {`"found divers"`, 0}, {"PIERS", 2}, {"the", 0},
	} {
		hits, err := s.Search(ctx, Query{Text: tt.q, Raw: true}, Filter{}, 10)
		if tt.q == "the" {
			if !errors.Is(err, ErrEmptyQuery) {
				t.Errorf("raw %q: %v, want ErrEmptyQuery", tt.q, err)
			}
			continue
		}
		if err != nil || len(hits) != tt.want {
			t.Errorf("raw %q: %d hits, %v; want %d", tt.q, len(hits), err, tt.want)
		}
	}
}

// TestPostgresConcurrentCreation: many processes creating the store in one
// new schema at once all succeed, and the schema is made once.
func TestPostgresConcurrentCreation(t *testing.T) {
	loc := storetest.Postgres(t)
	const n = 8
	for i, err := range createConcurrently(loc, n) {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	s := openAt(t, loc)
	var versions int
	if err := s.b.(*pgStore).pool.QueryRow(context.Background(), `SELECT count(*) FROM dateline_schema`).Scan(&versions); err != nil ||
		versions != len(pgMigrations) {
		t.Errorf("%d schema versions recorded, %v; want %d", versions, err, len(pgMigrations))
	}
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != n {
		t.Errorf("stats %+v %v", st, err)
	}
}

// TestPostgresURLs: a bad URL or server is a clear error, and the password
// never shows in the store's path.
func TestPostgresURLs(t *testing.T) {
	loc := storetest.Postgres(t)
	s := openAt(t, loc)
	if u, err := url.Parse(loc); err == nil {
		if pw, ok := u.User.Password(); ok && strings.Contains(s.Path(), ":"+pw+"@") {
			t.Errorf("Path() %q shows the password", s.Path())
		}
	}
	if _, err := Open("postgres://nobody:secret@127.0.0.1:1/nodb?connect_timeout=2"); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("unreachable server: %v", err)
	}
	if _, err := Open("postgres://%zz"); err == nil || !strings.Contains(err.Error(), "bad PostgreSQL URL") {
		t.Errorf("bad URL: %v", err)
	}
}

// TestPostgresPartitions: articles spread over many partitions (blocks of
// 4 articles here) are found, newest first, and a date range's articles
// through the partitions of its span.
func TestPostgresPartitions(t *testing.T) {
	s := openAt(t, storetest.Postgres(t))
	s.b.(*pgStore).blockBits = 2
	ctx := context.Background()
	putPierArticles(t, s)
	var parts int
	s.b.(*pgStore).pool.QueryRow(ctx, `SELECT count(*) FROM pg_inherits WHERE inhparent = 'sentences'::regclass`).Scan(&parts)
	if parts < 8 {
		t.Errorf("%d partitions, want at least 8 for 30 articles in blocks of 4", parts)
	}
	for _, tt := range []struct {
		window int
		f      Filter
		best   []string
		n      int
	}{
		{100, Filter{}, []string{"a00", "a01", "a02"}, 5},
		{6, Filter{}, []string{"a24"}, 5},
		{100, Filter{From: day("2031-03-05"), To: day("2031-03-06")}, []string{"a04"}, 2},
	} {
		s.window = tt.window
		hits, err := s.Search(ctx, Query{Text: "pier"}, tt.f, 5)
		if err != nil || len(hits) != tt.n || !slices.Contains(tt.best, hits[0].ArticleID) {
			t.Errorf("window %d %+v: %+v %v", tt.window, tt.f, hits, err)
		}
	}
	docs, err := s.Docs(ctx, Filter{From: day("2031-03-05"), To: day("2031-03-06"), Keywords: []string{"pier"}})
	if err != nil || ids(docs) != "a04 a05" {
		t.Errorf("docs of a range: %s %v", ids(docs), err)
	}
}
