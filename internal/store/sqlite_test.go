package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

// Tests of what only the SQLite backend has: files, read-only files, URI
// names, FTS5 syntax, the migration from schema 1.

// sqliteDB returns the database of an SQLite store.
func sqliteDB(s *Store) *sql.DB { return s.b.(*sqliteStore).db }

// putOne stores one document in a new store at path.
func putOne(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Put(context.Background(), []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.")}); err != nil {
		t.Fatal(err)
	}
}

// TestOpenExistingIsReadOnly: reading commands cannot write the store.
func TestOpenExistingIsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	putOne(t, path)
	s, err := OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := sqliteDB(s).Exec(`DELETE FROM articles`); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("a write through OpenExisting: %v, want a read-only error", err)
	}
	if docs, err := s.Docs(context.Background(), Filter{}); err != nil || len(docs) != 1 {
		t.Errorf("Docs read-only: %d docs, %v", len(docs), err)
	}
	if hits, err := s.Search(context.Background(), Query{Text: "pier"}, Filter{}, 5); err != nil || len(hits) != 1 {
		t.Errorf("Search read-only: %v, %v", hits, err)
	}
}

// TestOpenExistingOnReadOnlyFiles: a store in a directory and file nobody
// may write can still be queried.
func TestOpenExistingOnReadOnlyFiles(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who may write read-only files: permissions cannot be tested (run as another user)")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "t.db")
	putOne(t, path)
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	s, err := OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 {
		t.Errorf("stats on a read-only store: %+v, %v", st, err)
	}
}

// TestPathsAreNames: characters that mean something in a URI are file names.
func TestPathsAreNames(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a#b.db", "%41.db", "x?y.db", "sp ace.db", "q&r=s.db"} {
		path := filepath.Join(dir, name)
		putOne(t, path)
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v (files: %v)", name, err, ls(dir))
			continue
		}
		s, err := OpenExisting(path)
		if err != nil {
			t.Errorf("%s: reopen: %v", name, err)
			continue
		}
		if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 {
			t.Errorf("%s: %+v %v", name, st, err)
		}
		s.Close()
	}
	if names := ls(dir); len(names) != 5 {
		t.Errorf("files written: %q, want the 5 stores only", names)
	}
	// An explicit file: URI is a URI.
	uri := "file:" + filepath.Join(dir, "u%41.db")
	putOne(t, uri)
	if _, err := os.Stat(filepath.Join(dir, "uA.db")); err != nil {
		t.Errorf("file: URI not decoded: %v (files: %v)", err, ls(dir))
	}
}

func ls(dir string) []string {
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		if !strings.HasSuffix(e.Name(), "-wal") && !strings.HasSuffix(e.Name(), "-shm") {
			out = append(out, e.Name())
		}
	}
	return out
}

// createConcurrently has n openers create the store at loc at once, each
// storing one article, and returns what each of them met.
func createConcurrently(loc string, n int) []error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(loc)
			if err != nil {
				errs[i] = err
				return
			}
			defer s.Close()
			_, _, errs[i] = s.Put(context.Background(), []annotate.Doc{doc(fmt.Sprint("a", i), "2031-03-02", "The pier closed.")})
		}()
	}
	wg.Wait()
	return errs
}

// TestConcurrentCreation: many openers creating the same new store at once
// all succeed (no SQLITE_BUSY, the schema made once).
func TestConcurrentCreation(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		const n = 16
		for i, err := range createConcurrently(path, n) {
			if err != nil {
				t.Errorf("round %d opener %d: %v", round, i, err)
			}
		}
		s, err := OpenExisting(path)
		if err != nil {
			t.Fatal(err)
		}
		var version, arts, tables int
		db := sqliteDB(s)
		db.QueryRow(`PRAGMA user_version`).Scan(&version)
		db.QueryRow(`SELECT count(*) FROM articles`).Scan(&arts)
		db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'articles'`).Scan(&tables)
		s.Close()
		if version != sqliteVersion || arts != n || tables != 1 {
			t.Errorf("round %d: version %d, %d articles, %d articles tables; want %d, %d, 1", round, version, arts, tables, sqliteVersion, n)
		}
	}
}

// asV5Index rewrites a new SQLite store's full-text index (of one
// partition) as versions 2 to 5 had it: one table, sentences_fts, here
// empty, so that only a migration that indexes the stored articles again
// finds them.
var asV5Index = []string{`DROP TABLE settings`, `DROP TABLE sentences_fts_0`,
	`CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`}

// setFTSBits makes s, a new SQLite store, partition its index by 2^bits
// articles (see ftsTable).
func setFTSBits(t *testing.T, s *Store, bits int) {
	t.Helper()
	if _, err := sqliteDB(s).Exec(`UPDATE settings SET value = ? WHERE key = 'fts_bits'`, bits); err != nil {
		t.Fatal(err)
	}
	s.b.(*sqliteStore).ftsBits = bits
}

// TestSQLitePartitions: articles spread over many index partitions (of 4
// articles here) are found, newest first, best of the window, and a date
// range's articles through the partitions of its span; a store opened again
// keeps its partition size.
func TestSQLitePartitions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s := openAt(t, path)
	setFTSBits(t, s, 2)
	ctx := context.Background()
	putPierArticles(t, s)
	var parts int
	sqliteDB(s).QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).Scan(&parts)
	if parts != 8 {
		t.Errorf("%d partitions, want 8 for articles 1..30 in partitions of 4", parts)
	}
	s.Close()
	s = openAt(t, path)
	if got := s.b.(*sqliteStore).ftsBits; got != 2 {
		t.Errorf("reopened: partitions of 2^%d articles, want 2^2", got)
	}
	// Each partition ranks its own rows (bm25 over its own articles), so
	// that only the order of scores and the window are asserted here.
	for _, tt := range []struct {
		window int
		f      Filter
		oldest string // of the hits: the window is the newest matches
		n      int
	}{
		{100, Filter{}, "a00", 5},
		{6, Filter{}, "a24", 5},
		{100, Filter{From: day("2031-03-05"), To: day("2031-03-06")}, "a04", 2},
	} {
		s.window = tt.window
		hits, err := s.Search(ctx, Query{Text: "pier"}, tt.f, 5)
		if err != nil || len(hits) != tt.n {
			t.Errorf("window %d %+v: %+v %v", tt.window, tt.f, hits, err)
		}
		for i, h := range hits {
			if h.ArticleID < tt.oldest || (i > 0 && h.Score > hits[i-1].Score) {
				t.Errorf("window %d %+v: hit %d %s (score %g) after %+v", tt.window, tt.f, i, h.ArticleID, h.Score, hits[:i])
			}
		}
	}
	docs, err := s.Docs(ctx, Filter{From: day("2031-03-05"), To: day("2031-03-06"), Keywords: []string{"pier"}})
	if err != nil || ids(docs) != "a04 a05" {
		t.Errorf("docs of a range: %s %v", ids(docs), err)
	}
	docs, err = s.Docs(ctx, Filter{Keywords: []string{"closed"}})
	if err != nil || len(docs) != 27 {
		t.Errorf("docs with a keyword over every partition: %d %v, want 27", len(docs), err)
	}
}

// TestFTSIntegrity: after inserts and replacements the contentless index
// agrees with itself, in every partition (of 2 articles here), and finds a
// replaced article's new text only.
func TestFTSIntegrity(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	setFTSBits(t, s, 1)
	ctx := context.Background()
	s.Put(ctx, []annotate.Doc{doc("a", "2031-03-02", "The pier closed."), doc("b", "2031-03-02", "The ferry left."),
		doc("c", "2031-03-02", "The ferry came back.")})
	d := doc("a", "2031-03-02", "The lighthouse closed.", "And the pier reopened.")
	if _, n, err := s.Put(ctx, []annotate.Doc{d}); err != nil || n != 1 {
		t.Fatalf("replace: %d, %v", n, err)
	}
	for _, p := range []int64{0, 1} {
		tb := ftsTable(p)
		if _, err := sqliteDB(s).ExecContext(ctx, `INSERT INTO `+tb+`(`+tb+`, rank) VALUES('integrity-check', 0)`); err != nil {
			t.Errorf("FTS integrity check of %s: %v", tb, err)
		}
	}
	hits, _ := s.Search(ctx, Query{Text: "pier"}, Filter{}, 5)
	if len(hits) != 1 || hits[0].Sentence != 1 {
		t.Errorf("hits %+v", hits)
	}
}

func TestRawFTS5(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	ctx := context.Background()
	s.Put(ctx, []annotate.Doc{
		doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks in the pier."),
		doc("b", "2031-03-05", "The ferry moved."),
	})
	for _, tt := range []struct {
		q    string
		want int
	}{
		{"ferry OR divers", 2}, {"text:ferry", 1}, {"pier NOT cracks", 1}, {`NEAR(divers cracks, 2)`, 1},
		{`"divers found"`, 1}, {"pie*", 2}, {"PIERS", 2}, {"diver AND (crack OR ferry)", 1}, {"^divers", 1}, {"the", 0},
	} {
		hits, err := s.Search(ctx, Query{Text: tt.q, Raw: true}, Filter{}, 10)
		if err != nil || len(hits) != tt.want {
			t.Errorf("raw %q: %d hits, %v; want %d", tt.q, len(hits), err, tt.want)
		}
	}
	for _, q := range []string{`"unbalanced`, `NEAR(`, `pier AND`, `nosuch:pier`} {
		var qe *QueryError
		if _, err := s.Search(ctx, Query{Text: q, Raw: true}, Filter{}, 10); !errors.As(err, &qe) || strings.Contains(err.Error(), "\n") {
			t.Errorf("raw %q: error %v, want one line of *QueryError", q, err)
		}
	}
}

func TestQueryTranslation(t *testing.T) {
	plain := []struct{ in, want string }{
		{"chemical attacks", `("chemic") AND ("attack")`},
		{"U.S. troops", `("u.") AND ("troop")`},
		{`"exact phrases" harbour`, `("exact phrase") AND ("harbour")`},
		{`"unclosed phrase`, `"unclos phrase"`},
		{"syria OR libya", `("syria") AND ("libya")`},
		{"attack*", `"attack"*`},
		{"happy*", `"happ"*`},
		{"text:oil", `"text:oil"`},
		{"Österreich", `"österreich"`},
	}
	for _, tt := range plain {
		m, err := plainMatch(tt.in)
		if err != nil || fts5Match(m) != tt.want {
			t.Errorf("plain %q = %v, %v; want %s", tt.in, m, err, tt.want)
		}
	}
	raw := []struct{ in, want string }{
		{"attacks OR bombings", `"attack" OR "bomb"`},
		{`NEAR(oil spills, 3)`, `NEAR("oil" "spill", 3)`},
		{`text:oil AND "the Spills"`, `text:"oil" AND "spill"`},
		{`attack* NOT the`, `"attack"* NOT "the"`},
	}
	for _, tt := range raw {
		if got := fts5Raw(tt.in); got != tt.want {
			t.Errorf("raw %q = %s, want %s", tt.in, got, tt.want)
		}
	}
	web := []struct{ in, want string }{
		{`attacks or "oil spills" -bombings`, `attack or "oil spill" -bomb`},
		{`the U.S.`, `u.`},
		{`Strauss-Kahn`, `"strauss kahn"`},
	}
	for _, tt := range web {
		if got := websearchRaw(tt.in); got != tt.want {
			t.Errorf("websearch %q = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// v1Schema is the schema of version 1 stores, as it was written.
const v1Schema = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, published TEXT NOT NULL, day TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, ingested TEXT NOT NULL);
CREATE INDEX articles_day ON articles(day);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (article_id, idx));
CREATE TABLE timexes (sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, start INTEGER NOT NULL,
	end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT NOT NULL DEFAULT '',
	quant TEXT NOT NULL DEFAULT '', freq TEXT NOT NULL DEFAULT '', day TEXT, gran TEXT);
CREATE INDEX timexes_sentence ON timexes(sentence_id);
CREATE INDEX timexes_day ON timexes(day);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61');
INSERT INTO meta VALUES ('schema', '1');
INSERT INTO articles VALUES ('a', '2031-03-02T00:00:00Z', '2031-03-02', 'T a', '', 'Gazette', 'a.txt:1',
	'The pier closed on Monday. Divers found cracks.', '2031-03-03T00:00:00Z');
INSERT INTO articles VALUES ('b', '2031-03-05T00:00:00Z', '2031-03-05', 'T b', '', 'Gazette', 'b.txt:1',
	'Repairs will take weeks.', '2031-03-06T00:00:00Z');
INSERT INTO sentences VALUES (1, 'a', 0, 0, 26, 'The pier closed on Monday.'), (2, 'a', 1, 27, 47, 'Divers found cracks.'),
	(3, 'b', 0, 0, 24, 'Repairs will take weeks.');
INSERT INTO timexes VALUES (1, 19, 25, 'Monday', 'DATE', '2031-03-02', '', '', '', '2031-03-02', 'day'),
	(3, 0, 5, 'weeks', 'DURATION', 'PXW', '', '', '', NULL, NULL);
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
`

// TestMigratesV1: a store written by the first schema opens, read-only
// or not, with its articles, sentences and time expressions as they were.
func TestMigratesV1(t *testing.T) {
	for _, readOnly := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "v1.db")
		db, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(v1Schema); err != nil {
			t.Fatal(err)
		}
		db.Close()
		open := Open
		if readOnly {
			open = OpenExisting
		}
		s, err := open(path)
		if err != nil {
			t.Fatalf("read-only %v: %v", readOnly, err)
		}
		ctx := context.Background()
		docs, err := s.Docs(ctx, Filter{})
		if err != nil || len(docs) != 2 {
			t.Fatalf("docs after migration: %v %v", docs, err)
		}
		want := []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.", "Divers found cracks."), doc("b", "2031-03-05", "Repairs will take weeks.")}
		for i := range want {
			if docs[i].Story == 0 {
				t.Errorf("migrated doc %d has no story", i)
			}
			docs[i].Story = 0
			if fmt.Sprintf("%+v", docs[i]) != fmt.Sprintf("%+v", want[i]) {
				t.Errorf("migrated doc %d:\n got %+v\nwant %+v", i, docs[i], want[i])
			}
		}
		if hits, err := s.Search(ctx, Query{Text: "cracks"}, Filter{}, 5); err != nil || len(hits) != 1 || hits[0].Sentence != 1 {
			t.Errorf("search after migration: %+v %v", hits, err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 2 || st.Sentences != 3 || st.Timexes != 2 || st.Resolved != 1 || len(st.TopDays) != 1 {
			t.Errorf("stats after migration: %+v %v", st, err)
		}
		var tables int
		sqliteDB(s).QueryRow(`SELECT count(*) FROM sqlite_master WHERE name LIKE 'v1_%' OR name IN ('meta', 'timexes')`).Scan(&tables)
		if tables != 0 {
			t.Errorf("%d old tables left", tables)
		}
		s.Close()
	}
}
