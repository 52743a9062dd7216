package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dateline-news/dateline/internal/annotate"
)

// sqliteStore is the SQLite backend: one file (with its WAL), FTS5 for
// full text.
type sqliteStore struct {
	db      *sql.DB
	path    string
	stmts   stmtCache
	ftsBits int // the store's partition size (see ftsTable), unless a test changes it before writing
}

// stmtCache keeps the statements a server repeats (an article by id, a
// search, the articles of its hits), prepared once rather than for every
// query: preparing an FTS5 query costs as much as running a short one.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// stmt returns query prepared on db, preparing it on first use. Only
// queries whose text comes from a small set of shapes go through it (their
// values are arguments).
func (c *stmtCache) stmt(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// close closes every statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// query runs a cached statement of query and calls scan for each row.
func (s *sqliteStore) query(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	st, err := s.stmts.stmt(ctx, s.db, query)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, args...)
	return scanRows(rows, err, scan)
}

// openSQLite opens (readOnly: only if it exists) the store file at path.
func openSQLite(path string, readOnly bool) (*sqliteStore, error) {
	if readOnly && !strings.HasPrefix(path, "file:") {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, ErrNoStore
			}
			return nil, err
		}
	}
	s, err := openSQLiteDSN(path, sqliteDSN(path, readOnly), readOnly)
	if err != nil && readOnly && !strings.HasPrefix(path, "file:") && !errors.Is(err, errOldSchema) {
		// A WAL database in a directory this process cannot write has no
		// -shm file to share: read it as immutable (nobody can be writing
		// it through this directory either).
		if s2, err2 := openSQLiteDSN(path, sqliteDSN(path, true)+"&immutable=1", true); err2 == nil {
			return s2, nil
		}
	}
	if errors.Is(err, errOldSchema) && readOnly {
		// A store of an older schema is migrated by the first open that
		// may write it.
		w, werr := openSQLite(path, false)
		if werr != nil {
			return nil, fmt.Errorf("%w, and it cannot be migrated here: %v", err, werr)
		}
		w.close()
		return openSQLite(path, true)
	}
	return s, err
}

// sqliteDSN is the driver's data source name for path: a file: URI whose
// path is percent-encoded, so that no character of a file name is read as
// URI syntax, with the connection's settings.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "30000")
	q.Add("_pragma", "temp_store(memory)")
	q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", connCache>>10)) // index pages stay in memory
	if readOnly {
		q.Set("mode", "ro")
		// Pages read through a mapping of the file, up to 1 GiB of it: no
		// read system call and no copy per page (a server's searches spent
		// 8% of their time in pread). Only where this process never writes:
		// a mapping is the one way a store's I/O error could become a crash.
		q.Add("_pragma", "mmap_size(1073741824)")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	if strings.HasPrefix(path, "file:") {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		return path + sep + q.Encode()
	}
	return "file:" + uriPath.Replace(path) + "?" + q.Encode()
}

// connCache is the page cache of each connection.
const connCache = 64 << 20

// uriPath escapes what SQLite would read as URI syntax in a file name.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// maxConns bounds the connections a store opens at once: SQLite runs one
// query per connection, and each holds its own page cache, so a few warm
// connections serve more than many cold ones.
var maxConns = max(4, 2*runtime.GOMAXPROCS(0))

func openSQLiteDSN(path, dsn string, readOnly bool) (*sqliteStore, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &sqliteStore{db: db, path: path}
	// A new connection switches the file to WAL; SQLite answers SQLITE_BUSY
	// at once, without waiting, when another connection is switching it or
	// creating the schema at the same moment. That is a race of openers,
	// not an error: try again, for as long as the busy timeout.
	deadline := time.Now().Add(30 * time.Second)
	for {
		err = s.migrate(context.Background(), readOnly)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Duration(5+rand.IntN(20)) * time.Millisecond)
	}
	if err == nil {
		err = s.ftsSettings(context.Background())
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (any extended code).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

func (s *sqliteStore) close() error {
	s.stmts.close()
	return s.db.Close()
}

// queryRows runs q and calls scan for each row.
func queryRows(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	return scanRows(rows, err, scan)
}

// scanRows calls scan for each of rows (the answer of a query that failed
// with err when it is not nil).
func scanRows(rows *sql.Rows, err error, scan func(*sql.Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeholders returns "?, ?, ..." for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func (s *sqliteStore) digests(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		err := queryRows(ctx, s.db, `SELECT id, digest FROM articles WHERE id IN (`+placeholders(len(chunk))+`)`, args,
			func(rows *sql.Rows) error {
				var id, d string
				if err := rows.Scan(&id, &d); err != nil {
					return err
				}
				out[id] = d
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dayConds adds the conditions of f's date range on the day column of
// articles alias a.
func dayConds(f Filter, a string, conds []string, args []any) ([]string, []any) {
	if !f.From.IsZero() {
		conds = append(conds, a+".day >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		conds = append(conds, a+".day <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	return conds, args
}

// articleColumns are the columns scanArticle reads.
const articleColumns = `a.id, a.published, a.title, a.url, a.source, a.origin, a.body, a.sentences,
	coalesce((SELECT d.story FROM dedup d WHERE d.seq = a.seq), 0)`

// scanArticle reads a row of articleColumns into a document.
func scanArticle(scan func(...any) error) (annotate.Doc, error) {
	var d annotate.Doc
	a := &d.Article
	var pub string
	var sents []byte
	if err := scan(&a.ID, &pub, &a.Title, &a.URL, &a.Source, &a.Origin, &a.Text, &sents, &d.Story); err != nil {
		return d, err
	}
	var err error
	if a.Published, err = time.Parse(timeFormat, pub); err != nil {
		return d, fmt.Errorf("article %s: bad publication time %q: %w", a.ID, pub, err)
	}
	if err = decodeDoc(&d, sents); err != nil {
		return d, damaged(a.ID, err)
	}
	return d, nil
}

// hitColumns are the columns scanHit reads, after the article's seq.
const hitColumns = `a.id, a.published, a.title, a.source, a.url, a.body, a.sentences`

// hitRow is an article row read for the hits in it.
type hitRow struct {
	h     Hit // the article's fields
	body  string
	sents []byte
}

// scanHit reads a row of hitColumns.
func scanHit(scan func(...any) error) (hitRow, error) {
	var r hitRow
	var pub string
	if err := scan(&r.h.ArticleID, &pub, &r.h.Title, &r.h.Source, &r.h.URL, &r.body, &r.sents); err != nil {
		return r, err
	}
	var err error
	if r.h.Published, err = time.Parse(timeFormat, pub); err != nil {
		return r, fmt.Errorf("article %s: bad publication time %q: %w", r.h.ArticleID, pub, err)
	}
	return r, nil
}

// hit is the hit of the sentence at pos, false when there is none.
func (r hitRow) hit(pos int, score float64) (Hit, bool, error) {
	sn, ok, err := decodeSentence(r.body, r.sents, pos)
	if err != nil || !ok {
		return Hit{}, false, err
	}
	h := r.h
	h.Sentence, h.Text, h.Score = sn.Index, sn.Text, score
	return h, true, nil
}

func (s *sqliteStore) docs(ctx context.Context, f Filter, m *match, sp span, fn func(annotate.Doc) error) error {
	conds, args := dayConds(f, "a", []string{"1"}, nil)
	if m != nil {
		parts, err := s.ftsParts(ctx, sp)
		if err != nil {
			return err
		}
		in, inArgs := ftsSeqsIn("a.seq", fts5Match(m), parts, sp)
		conds, args = append(conds, in), append(args, inArgs...)
	}
	return queryRows(ctx, s.db, `SELECT `+articleColumns+` FROM articles a WHERE `+strings.Join(conds, " AND ")+` ORDER BY a.day, a.id`,
		args, func(rows *sql.Rows) error {
			d, err := scanArticle(rows.Scan)
			if err != nil {
				return err
			}
			return fn(d)
		})
}

func (s *sqliteStore) recent(ctx context.Context, f Filter, sp span, n int, fn func(int64, string) (bool, error)) error {
	conds, args := dayConds(f, "a", []string{"1"}, nil)
	if !sp.all {
		conds = append(conds, "a.seq BETWEEN ? AND ?")
		args = append(args, sp.lo, sp.hi)
	}
	query := `SELECT a.seq, a.body FROM articles a WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY a.seq DESC LIMIT ?`
	return recentRows(func(row func(scan func(...any) error) error) error {
		return s.query(ctx, query, append(args, n), func(rows *sql.Rows) error { return row(rows.Scan) })
	}, fn)
}

func (s *sqliteStore) hitRows(ctx context.Context, seqs []int64) (map[int64]hitRow, error) {
	rows := make(map[int64]hitRow, len(seqs))
	err := s.query(ctx, `SELECT a.seq, `+hitColumns+` FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?))`, []any{jsonList(seqs)},
		func(sr *sql.Rows) error {
			var seq int64
			r, err := scanHit(func(dest ...any) error { return sr.Scan(append([]any{&seq}, dest...)...) })
			rows[seq] = r
			return err
		})
	return rows, err
}

func (s *sqliteStore) article(ctx context.Context, id string) (annotate.Doc, error) {
	var d annotate.Doc
	found := false
	err := s.query(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, []any{id}, func(rows *sql.Rows) error {
		var err error
		d, err = scanArticle(rows.Scan)
		found = true
		return err
	})
	if err == nil && !found {
		err = sql.ErrNoRows
	}
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("load article %q: %w", id, err)
	}
	return d, nil
}

func (s *sqliteStore) siblings(ctx context.Context, id string, limit int) ([]Sibling, error) {
	var out []Sibling
	err := s.query(ctx, `SELECT a.id, a.title, a.source, a.published FROM dedup d JOIN articles a ON a.seq = d.seq
		WHERE d.story = (SELECT d2.story FROM articles a2 JOIN dedup d2 ON d2.seq = a2.seq WHERE a2.id = ?) AND a.id <> ?
		ORDER BY a.day, a.id LIMIT ?`, []any{id, id, limit}, func(rows *sql.Rows) error {
		sb, err := scanSibling(rows.Scan)
		out = append(out, sb)
		return err
	})
	return out, err
}

func (s *sqliteStore) compile(q Query) (compiledQuery, error) {
	cq := compiledQuery{raw: q.Raw, q: q}
	if q.Raw {
		if strings.TrimSpace(q.Text) == "" {
			return cq, ErrEmptyQuery
		}
		cq.text = fts5Raw(q.Text)
		return cq, nil
	}
	m, err := plainMatch(q.Text)
	if err != nil {
		return cq, err
	}
	cq.text = fts5Match(m)
	return cq, nil
}

func (s *sqliteStore) search(ctx context.Context, q compiledQuery, f Filter, limit, window int, sp span) ([]Hit, error) {
	// The newest window matches are read from the index (those of the span,
	// joined to their articles to be filtered by day, when there is a
	// range), partition by partition from the newest, each ranked by bm25
	// within its partition (see ftsTable); then the best of them are kept.
	parts, err := s.ftsParts(ctx, sp)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.q.Text, err)
	}
	type scored struct {
		id    int64
		score float64
	}
	var found []scored
	for _, p := range parts {
		if len(found) >= window {
			break
		}
		t := ftsTable(p)
		query := `SELECT rowid, -rank FROM ` + t + ` WHERE ` + t + ` MATCH ? ORDER BY rowid DESC LIMIT ?`
		args := []any{q.text, window - len(found)}
		if !sp.all {
			lo, hi := sp.ids()
			var conds []string
			conds, args = dayConds(f, "a", []string{t + " MATCH ?", "f.rowid BETWEEN ? AND ?"}, []any{q.text, lo, hi})
			args = append(args, window-len(found))
			query = fmt.Sprintf(`SELECT f.rowid, -f.rank FROM %s f JOIN articles a ON a.seq = f.rowid >> %d
				WHERE %s ORDER BY f.rowid DESC LIMIT ?`, t, sentenceBits, strings.Join(conds, " AND "))
		}
		err := s.query(ctx, query, args, func(rows *sql.Rows) error {
			var sc scored
			if err := rows.Scan(&sc.id, &sc.score); err != nil {
				return err
			}
			found = append(found, sc)
			return nil
		})
		if err != nil {
			return nil, q.wrap(err)
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	found = found[:min(len(found), limit)]
	// The articles of the hits, in one query.
	seqs := make([]int64, 0, len(found))
	for _, sc := range found {
		seq, _ := splitSentenceID(sc.id)
		seqs = append(seqs, seq)
	}
	rows, err := s.hitRows(ctx, seqs)
	if err != nil {
		return nil, fmt.Errorf("search %q: articles of the hits: %w", q.q.Text, err)
	}
	hits := make([]Hit, 0, len(found))
	for _, sc := range found {
		seq, pos := splitSentenceID(sc.id)
		r, ok := rows[seq]
		if !ok {
			return nil, fmt.Errorf("search %q: no article for sentence %d", q.q.Text, sc.id)
		}
		h, ok, err := r.hit(pos, sc.score)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.q.Text, damaged(r.h.ArticleID, err))
		}
		if ok {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// wrap turns the error of running a raw query into a *QueryError when FTS5
// refused it, and names the query otherwise.
func (q compiledQuery) wrap(err error) error {
	msg := err.Error()
	if q.raw {
		for _, sign := range []string{"fts5:", "no such column", "unterminated string", "malformed MATCH", "unknown special query"} {
			if i := strings.Index(msg, sign); i >= 0 {
				return &QueryError{Query: q.q.Text, Reason: strings.TrimSuffix(msg[i:], " (1)")}
			}
		}
	}
	return fmt.Errorf("search %q: %w", q.q.Text, err)
}

func (s *sqliteStore) span(ctx context.Context, f Filter) (span, error) {
	conds, args := dayConds(f, "a", []string{"1"}, nil)
	var lo, hi sql.NullInt64
	err := s.query(ctx, `SELECT min(seq), max(seq) FROM articles a INDEXED BY articles_day WHERE `+strings.Join(conds, " AND "), args,
		func(rows *sql.Rows) error { return rows.Scan(&lo, &hi) })
	return span{lo: lo.Int64, hi: hi.Int64, empty: !lo.Valid}, err
}

func (s *sqliteStore) vocabulary(ctx context.Context, piece string, limit int) ([]wordTerm, error) {
	var out []wordTerm
	err := queryRows(ctx, s.db, `SELECT word, term FROM words WHERE instr(word, ?) > 0 LIMIT ?`, []any{piece, limit + 1},
		func(rows *sql.Rows) error {
			var w wordTerm
			if err := rows.Scan(&w.word, &w.term); err != nil {
				return err
			}
			out = append(out, w)
			return nil
		})
	return out, err
}

func (s *sqliteStore) version(ctx context.Context) (int64, error) {
	var v int64
	err := s.query(ctx, `SELECT count(*) FROM batches`, nil, func(rows *sql.Rows) error { return rows.Scan(&v) })
	return v, err
}

func (s *sqliteStore) querier() rowQuerier { return sqlQuerier{s.db} }

func (s *sqliteStore) stats(ctx context.Context) (Stats, error) {
	st := Stats{Backend: "sqlite"}
	if !strings.HasPrefix(s.path, "file:") {
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(s.path + suffix); err == nil {
				st.Bytes += fi.Size()
			}
		}
	}
	return st, countStats(ctx, sqlQuerier{s.db}, &st, "substr(day, 1, 7)", "day")
}

// countStats fills st from the counts tables, in either backend's SQL
// (month and day are the expressions of a row's month and day as text).
func countStats(ctx context.Context, db rowQuerier, st *Stats, month, day string) error {
	var first, last *string
	err := db.queryRow(ctx, `SELECT coalesce(sum(articles), 0), coalesce(sum(sentences), 0), coalesce(sum(timexes), 0),
		coalesce(sum(resolved), 0), min(CASE WHEN articles > 0 THEN `+day+` END), max(CASE WHEN articles > 0 THEN `+day+` END) FROM days`,
		&st.Articles, &st.Sentences, &st.Timexes, &st.Resolved, &first, &last)
	if err != nil {
		return err
	}
	if first != nil && last != nil {
		st.First, _ = time.Parse(time.DateOnly, *first)
		st.Last, _ = time.Parse(time.DateOnly, *last)
	}
	if err := db.queryRow(ctx, `SELECT count(*), coalesce(sum(mentions), 0) FROM entities WHERE articles > 0`, &st.Names, &st.Mentions); err != nil {
		return err
	}
	if err := db.queryRow(ctx, `SELECT count(*), coalesce(sum(articles), 0) FROM stories`, &st.Stories, &st.InStories); err != nil {
		return err
	}
	for _, q := range []struct {
		sql string
		out *[]Count
	}{
		{`SELECT CASE source WHEN '' THEN '(none)' ELSE source END AS label, articles FROM sources WHERE articles > 0
			ORDER BY articles DESC, label LIMIT 10`, &st.Sources},
		{`SELECT ` + month + ` AS m, sum(articles) FROM days WHERE articles > 0 GROUP BY m ORDER BY m`, &st.Months},
		{`SELECT ` + day + ` AS d, refs FROM days WHERE refs > 0 ORDER BY refs DESC, d LIMIT 10`, &st.TopDays},
	} {
		err := db.query(ctx, q.sql, nil, func(scan func(...any) error) error {
			var c Count
			if err := scan(&c.Label, &c.N); err != nil {
				return err
			}
			*q.out = append(*q.out, c)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// rowQuerier is what countStats needs of a database, whichever driver.
type rowQuerier interface {
	queryRow(ctx context.Context, query string, dest ...any) error
	query(ctx context.Context, query string, args []any, fn func(scan func(...any) error) error) error
}

// sqlQuerier is a rowQuerier over database/sql.
type sqlQuerier struct{ db *sql.DB }

func (q sqlQuerier) queryRow(ctx context.Context, query string, dest ...any) error {
	return q.db.QueryRowContext(ctx, query).Scan(dest...)
}

func (q sqlQuerier) query(ctx context.Context, query string, args []any, fn func(scan func(...any) error) error) error {
	return queryRows(ctx, q.db, query, args, func(rows *sql.Rows) error { return fn(rows.Scan) })
}

// write stores recs in one immediate transaction (the write lock is taken
// at BEGIN, so what this transaction reads stays true until it commits).
func (s *sqliteStore) write(ctx context.Context, recs []*record, words []wordTerm) (added, updated int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if added, updated, err = sqliteWriteTx(ctx, tx, s.ftsBits, recs, words); err != nil {
		return 0, 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("store: commit: %w", err)
	}
	return added, updated, nil
}

// stored is what a write needs to know of an article already stored.
type stored struct {
	seq    int64
	digest string
	counts counts
}

// sqliteStored reads what is stored of ids.
func sqliteStored(ctx context.Context, tx *sql.Tx, recs []*record) (map[string]stored, error) {
	out := map[string]stored{}
	for len(recs) > 0 {
		chunk := recs[:min(len(recs), 500)]
		recs = recs[len(chunk):]
		args := make([]any, len(chunk))
		for i, r := range chunk {
			args[i] = r.a.ID
		}
		err := queryRows(ctx, tx, `SELECT id, seq, digest, day, source, nsent, ntimex, nresolved, refs, names FROM articles
			WHERE id IN (`+placeholders(len(chunk))+`)`, args, func(rows *sql.Rows) error {
			var id, refs, names string
			var st stored
			c := &st.counts
			if err := rows.Scan(&id, &st.seq, &st.digest, &c.day, &c.source, &c.sentences, &c.timexes, &c.resolved, &refs, &names); err != nil {
				return err
			}
			c.refs, c.names = parseRefs(refs), parseNames(names)
			out[id] = st
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sqliteWriteTx is the body of write, in tx.
// The store's index partitions are of 2^bits articles (see ftsTable).
func sqliteWriteTx(ctx context.Context, tx *sql.Tx, bits int, recs []*record, words []wordTerm) (added, updated int, err error) {
	old, err := sqliteStored(ctx, tx, recs)
	if err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&seq); err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	now := time.Now().UTC().Format(timeFormat)
	arts := newBulk(tx, "articles(seq, id, published, day, title, url, source, origin, body, sentences, digest, nsent, ntimex, nresolved, refs, names, ingested)", 17, 64)
	// The index is written in one statement from a staging table: FTS5
	// writes its pending terms out as a segment of its own at the start of
	// every statement (a savepoint), so that inserting in many statements
	// wrote hundreds of small segments a batch, to be merged again.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS fts_stage (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`); err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	fts := newBulk(tx, "temp.fts_stage(id, text)", 2, 500)
	parts := map[int64]bool{} // the index partitions of the articles written
	delta := newCountDelta()
	var batch []signed // the articles written, for their stories
	for _, r := range recs {
		a := r.a
		st, ok := old[a.ID]
		switch {
		case ok && st.digest == r.digest:
			continue
		case ok:
			parts[ftsPart(st.seq, bits)] = true
			if err := sqliteReplace(ctx, tx, bits, st.seq, r, now); err != nil {
				return 0, 0, fmt.Errorf("store article %s: replace: %w", a.ID, err)
			}
			delta.add(st.counts, -1)
			updated++
			if err := sqliteIndex(ctx, fts, st.seq, r.terms); err != nil {
				return 0, 0, fmt.Errorf("store article %s: %w", a.ID, err)
			}
			batch = append(batch, r.signedAs(st.seq))
		default:
			seq++
			if err := arts.add(ctx, seq, a.ID, r.pub, r.day, a.Title, a.URL, a.Source, a.Origin, a.Text, r.sentences, r.digest,
				r.counts.sentences, r.counts.timexes, r.counts.resolved, r.counts.refsString(), r.counts.namesString(), now); err != nil {
				return 0, 0, fmt.Errorf("store article %s: %w", a.ID, err)
			}
			added++
			parts[ftsPart(seq, bits)] = true
			if err := sqliteIndex(ctx, fts, seq, r.terms); err != nil {
				return 0, 0, fmt.Errorf("store article %s: %w", a.ID, err)
			}
			batch = append(batch, r.signedAs(seq))
		}
		delta.add(r.counts, 1)
	}
	for _, b := range []*bulk{arts, fts} {
		if err := b.flush(ctx); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
		b.close()
	}
	if err := ftsFlush(ctx, tx, bits, parts); err != nil {
		return 0, 0, fmt.Errorf("store: index sentences: %w", err)
	}
	if err := sqliteWords(ctx, tx, words); err != nil {
		return 0, 0, fmt.Errorf("store: vocabulary: %w", err)
	}
	if err := sqliteCounts(ctx, tx, delta); err != nil {
		return 0, 0, fmt.Errorf("store: counts: %w", err)
	}
	if err := assignStories(ctx, sqliteStories{tx}, batch); err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	if added+updated > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO batches(at, added, updated) VALUES (?, ?, ?)`, now, added, updated); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
	}
	return added, updated, nil
}

// sqliteIndex stages the index terms of the sentences of article seq (one
// string a sentence, "" for none) for the full-text index.
func sqliteIndex(ctx context.Context, fts *bulk, seq int64, terms []string) error {
	for i, t := range terms {
		if t == "" {
			continue
		}
		if err := fts.add(ctx, sentenceID(seq, i), t); err != nil {
			return err
		}
	}
	return nil
}

// sqliteReplace overwrites the stored article seq with r, and takes its
// old sentences out of the index (partitions of 2^bits articles).
func sqliteReplace(ctx context.Context, tx *sql.Tx, bits int, seq int64, r *record, now string) error {
	a := r.a
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+ftsTable(ftsPart(seq, bits))+` WHERE rowid BETWEEN ? AND ?`,
		sentenceID(seq, 0), sentenceID(seq, maxSentences)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE articles SET published = ?, day = ?, title = ?, url = ?, source = ?, origin = ?, body = ?,
		sentences = ?, digest = ?, nsent = ?, ntimex = ?, nresolved = ?, refs = ?, names = ?, ingested = ? WHERE seq = ?`,
		r.pub, r.day, a.Title, a.URL, a.Source, a.Origin, a.Text, r.sentences, r.digest,
		r.counts.sentences, r.counts.timexes, r.counts.resolved, r.counts.refsString(), r.counts.namesString(), now, seq)
	return err
}

// sqliteWords adds the words the vocabulary may lack.
func sqliteWords(ctx context.Context, tx *sql.Tx, words []wordTerm) error {
	b := newBulk(tx, "words(word, term)", 2, 500)
	b.verb = "INSERT OR IGNORE"
	for _, w := range words {
		if err := b.add(ctx, w.word, w.term); err != nil {
			return err
		}
	}
	err := b.flush(ctx)
	b.close()
	return err
}

// sqliteCounts adds delta to the counts tables.
func sqliteCounts(ctx context.Context, tx *sql.Tx, delta *countDelta) error {
	days := newBulk(tx, "days(day, articles, sentences, timexes, resolved, refs)", 6, 200)
	days.suffix = ` ON CONFLICT(day) DO UPDATE SET articles = articles + excluded.articles, sentences = sentences + excluded.sentences,
		timexes = timexes + excluded.timexes, resolved = resolved + excluded.resolved, refs = refs + excluded.refs`
	for _, d := range delta.dayKeys() {
		c := delta.days[d]
		if err := days.add(ctx, d, c[0], c[1], c[2], c[3], c[4]); err != nil {
			return err
		}
	}
	sources := newBulk(tx, "sources(source, articles)", 2, 200)
	sources.suffix = ` ON CONFLICT(source) DO UPDATE SET articles = articles + excluded.articles`
	for _, src := range delta.sourceKeys() {
		if err := sources.add(ctx, src, delta.sources[src]); err != nil {
			return err
		}
	}
	ents := newBulk(tx, "entities(name, type, mentions, articles, first, last)", 6, 200)
	ents.suffix = ` ON CONFLICT(name, type) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles,
		first = min(first, excluded.first), last = max(last, excluded.last)`
	for _, k := range delta.entityKeys() {
		e := delta.entities[k]
		if err := ents.add(ctx, k.name, k.typ, e.mentions, e.articles, e.first, e.last); err != nil {
			return err
		}
	}
	for _, b := range []*bulk{days, sources, ents} {
		if err := b.flush(ctx); err != nil {
			return err
		}
		b.close()
	}
	return nil
}

// bulk inserts rows into one table many at a time.
type bulk struct {
	tx     *sql.Tx
	verb   string // "INSERT" unless set
	table  string // "name(col, ...)"
	suffix string // after the values (an ON CONFLICT clause)
	cols   int
	rows   int // rows per statement
	args   []any
	full   *sql.Stmt // the statement for rows rows, prepared on first use
}

func newBulk(tx *sql.Tx, table string, cols, rows int) *bulk {
	return &bulk{tx: tx, verb: "INSERT", table: table, cols: cols, rows: rows}
}

func (b *bulk) add(ctx context.Context, row ...any) error {
	b.args = append(b.args, row...)
	if len(b.args) < b.rows*b.cols {
		return nil
	}
	if b.full == nil {
		var err error
		if b.full, err = b.tx.PrepareContext(ctx, b.statement(b.rows)); err != nil {
			return err
		}
	}
	_, err := b.full.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes the rows still waiting.
func (b *bulk) flush(ctx context.Context) error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(ctx, b.statement(len(b.args)/b.cols), b.args...)
	b.args = b.args[:0]
	return err
}

func (b *bulk) close() {
	if b.full != nil {
		b.full.Close()
	}
}

// statement is the INSERT of n rows.
func (b *bulk) statement(n int) string {
	row := "(" + placeholders(b.cols) + ")"
	var sb strings.Builder
	sb.WriteString(b.verb + " INTO " + b.table + " VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
	}
	sb.WriteString(b.suffix)
	return sb.String()
}
