package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

// DefaultPath is where the store lives unless told otherwise.
const DefaultPath = "dateline.db"

// maxConns bounds the connections a Store opens at once: SQLite runs one
// query per connection, so more than a few per CPU only queue in SQLite.
var maxConns = max(4, 2*runtime.GOMAXPROCS(0))

// Store is an open dateline database.
type Store struct {
	db    *sql.DB
	path  string
	stmts sync.Map // query text → *sql.Stmt (see prepared)
}

// Open opens (creating if needed) the database at path for reading and
// writing. path is a file name, whatever characters it has ("a#b.db",
// "%41", "x?y" are names); only a name that starts with "file:" is taken as
// an SQLite URI. Opening is safe when other processes open or create the
// same store at the same time.
func Open(path string) (*Store, error) { return openMode(path, false) }

// ErrNoStore is returned by OpenExisting when the database file does not
// exist.
var ErrNoStore = errors.New("no such store")

// OpenExisting opens the store at path read-only, and only if it exists:
// commands that only read must not leave an empty database behind a
// mistyped path, and must work on a store they may not write (a read-only
// file or directory).
func OpenExisting(path string) (*Store, error) {
	if !strings.HasPrefix(path, "file:") {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
			}
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	s, err := openMode(path, true)
	if err != nil && !strings.HasPrefix(path, "file:") {
		// A WAL database in a directory this process cannot write has no
		// -shm file to share: read it as immutable (nobody can be writing
		// it through this directory either).
		if s2, err2 := openDSN(path, dsn(path, true)+"&immutable=1", true); err2 == nil {
			return s2, nil
		}
	}
	return s, err
}

// dsn is the driver's data source name for path: a file: URI whose path is
// percent-encoded, so that no character of a file name is read as URI
// syntax, with the connection's settings.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "1")
	q.Add("_pragma", "temp_store(memory)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
		q.Add("_pragma", "cache_size(-65536)") // 64 MiB: index pages stay in memory during ingest
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

// uriPath escapes what SQLite would read as URI syntax in a file name.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

func openMode(path string, readOnly bool) (*Store, error) {
	return openDSN(path, dsn(path, readOnly), readOnly)
}

func openDSN(path, dsn string, readOnly bool) (*Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// A connection holds its own page cache (cache_size): a pool as large
	// as a server's concurrent requests would read the file into hundreds
	// of cold caches. A few connections, each warm, serve more.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &Store{db: db, path: path}
	if err := s.migrate(readOnly); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// migrate creates the schema if needed, in one immediate transaction so
// that processes creating the same store at once wait for each other, and
// checks its version. Read-only, it only checks.
func (s *Store) migrate(readOnly bool) error {
	var v string
	if readOnly {
		if err := s.db.QueryRow(`SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil {
			return fmt.Errorf("not a dateline store: %w", err)
		}
		return checkVersion(v)
	}
	tx, err := s.db.Begin() // BEGIN IMMEDIATE (_txlock): one creator at a time
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if _, err := tx.Exec(`INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO NOTHING`, strconv.Itoa(schemaVersion)); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if err := tx.QueryRow(`SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if err := checkVersion(v); err != nil {
		return err
	}
	if err := migrateHTTPCache(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// checkVersion refuses a schema newer than this build's.
func checkVersion(v string) error {
	if n, _ := strconv.Atoi(v); n > schemaVersion {
		return fmt.Errorf("database schema %s is newer than this dateline understands (%d)", v, schemaVersion)
	}
	return nil
}

// Put writes docs in one transaction and returns how many were new and how
// many replaced a stored article. An article whose id is stored with the
// same content (publication time, title, URL, source and text) is skipped
// whole; one whose content changed replaces the stored version — its
// sentences, time expressions and index entries with it. An id given twice
// in docs is written once, the first time.
func (s *Store) Put(ctx context.Context, docs []annotate.Doc) (added, updated int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	insArticle, err := tx.PrepareContext(ctx, `INSERT INTO articles(id, published, day, title, url, source, origin, body, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, 0, fmt.Errorf("store: prepare: %w", err)
	}
	defer insArticle.Close()
	stored, err := tx.PrepareContext(ctx, storedContent)
	if err != nil {
		return 0, 0, fmt.Errorf("store: prepare: %w", err)
	}
	defer stored.Close()
	// Sentence ids are assigned here (the transaction holds the write lock),
	// so that sentences, time expressions and the full-text index can be
	// written as multi-row statements.
	var lastID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM sentences`).Scan(&lastID); err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	firstID := lastID + 1
	sents := newBulk(tx, "sentences(id, article_id, idx, start, end, text)", 6)
	timexes := newBulk(tx, "timexes(sentence_id, start, end, text, type, value, mod, quant, freq, day, gran)", 11)
	timexes.after = sents // a time expression's sentence must be written first
	now := time.Now().UTC().Format(time.RFC3339)
	seen := map[string]bool{}
	for _, d := range docs {
		a := d.Article
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		switch state, err := contentState(ctx, stored, a); {
		case err != nil:
			return 0, 0, fmt.Errorf("store article %s: %w", a.ID, err)
		case state == unchanged:
			continue
		case state == changed:
			if err := deleteArticle(ctx, tx, a.ID); err != nil {
				return 0, 0, fmt.Errorf("store article %s: replace: %w", a.ID, err)
			}
			updated++
		default:
			added++
		}
		if _, err := insArticle.ExecContext(ctx, a.ID, a.Published.Format(time.RFC3339), a.Day().Format(time.DateOnly),
			a.Title, a.URL, a.Source, a.Origin, a.Text, now); err != nil {
			return 0, 0, fmt.Errorf("store article %s: %w", a.ID, err)
		}
		for _, sn := range d.Sentences {
			lastID++
			if err := sents.add(ctx, lastID, a.ID, sn.Index, sn.Start, sn.End, sn.Text); err != nil {
				return 0, 0, fmt.Errorf("store article %s sentence %d: %w", a.ID, sn.Index, err)
			}
			for _, x := range sn.Timexes {
				var day, gran any
				if iv, ok := timex.ParseValue(x.Value); ok && (x.Type == timex.Date || x.Type == timex.Time) {
					day, gran = iv.Start.Format(time.DateOnly), iv.Gran.String()
				}
				if err := timexes.add(ctx, lastID, x.Start, x.End, x.Text, string(x.Type), x.Value,
					x.Mod, x.Quant, x.Freq, day, gran); err != nil {
					return 0, 0, fmt.Errorf("store article %s sentence %d time expression %q: %w", a.ID, sn.Index, x.Text, err)
				}
			}
		}
	}
	for _, b := range []*bulk{sents, timexes} {
		if err := b.flush(ctx); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
		b.close()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?`, firstID); err != nil {
		return 0, 0, fmt.Errorf("store: index sentences: %w", err)
	}
	if added+updated > 0 {
		// The generation counts the writes that changed what the store holds
		// (see Version).
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES ('generation', '1')
			ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("store: commit: %w", err)
	}
	return added, updated, nil
}

// storedContent selects what decides whether a stored article changed.
const storedContent = `SELECT published, title, url, source, body FROM articles WHERE id = ?`

// The states of an incoming article against the store.
const (
	absent    = iota // no article with its id
	unchanged        // stored with the same content
	changed          // stored with other content
)

// contentState compares a with the stored article of its id.
func contentState(ctx context.Context, stored *sql.Stmt, a article.Article) (int, error) {
	var pub, title, url, source, body string
	err := stored.QueryRowContext(ctx, a.ID).Scan(&pub, &title, &url, &source, &body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return absent, nil
	case err != nil:
		return 0, err
	case pub == a.Published.Format(time.RFC3339) && title == a.Title && url == a.URL && source == a.Source && body == a.Text:
		return unchanged, nil
	}
	return changed, nil
}

// deleteArticle removes an article, its sentences and time expressions
// (by cascade) and its sentences' full-text index entries.
func deleteArticle(ctx context.Context, tx *sql.Tx, id string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO sentences_fts(sentences_fts, rowid, text)
		SELECT 'delete', id, text FROM sentences WHERE article_id = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
	return err
}

// bulk inserts rows into one table many at a time.
type bulk struct {
	tx    *sql.Tx
	table string // "name(col, ...)"
	cols  int
	args  []any
	full  *sql.Stmt // the statement for bulkRows rows, prepared on first use
	after *bulk     // rows this one refers to, flushed before it
}

// bulkRows is how many rows one statement inserts.
const bulkRows = 200

func newBulk(tx *sql.Tx, table string, cols int) *bulk {
	return &bulk{tx: tx, table: table, cols: cols}
}

func (b *bulk) add(ctx context.Context, row ...any) error {
	b.args = append(b.args, row...)
	if len(b.args) < bulkRows*b.cols {
		return nil
	}
	if b.after != nil {
		if err := b.after.flush(ctx); err != nil {
			return err
		}
	}
	if b.full == nil {
		var err error
		if b.full, err = b.tx.PrepareContext(ctx, b.statement(bulkRows)); err != nil {
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
	if b.after != nil {
		if err := b.after.flush(ctx); err != nil {
			return err
		}
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
	row := "(" + strings.Repeat("?, ", b.cols-1) + "?)"
	var sb strings.Builder
	sb.WriteString("INSERT INTO " + b.table + " VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
	}
	return sb.String()
}

// IngestResult counts what an ingest did.
type IngestResult struct {
	Read    int // articles read
	Added   int // articles new to the store
	Updated int // articles stored before with other content, replaced
	Skipped int // articles already stored as they are, or given twice (not annotated again)
	Bad     int // records that could not be read
}

// Annotator turns a stream of articles into annotated documents, in order;
// annotate.Annotator is one.
type Annotator interface {
	Stream(in iter.Seq2[article.Article, error], workers int) iter.Seq2[annotate.Doc, error]
}

// Ingest annotates the articles of arts that the store does not hold yet,
// or holds with other content (see Put: the new version replaces the old;
// an article stored as it is is skipped before annotation) and writes
// them in transactions of batch documents. Read errors go to onBad, are
// counted, and ingest goes on; progress (if not nil) gets the running totals
// after every article and every batch. A failure to write stops ingest:
// what earlier batches wrote stays, the failed batch is rolled back whole.
func (s *Store) Ingest(ctx context.Context, arts iter.Seq2[article.Article, error], an Annotator, workers, batch int,
	onBad func(error), progress func(IngestResult)) (IngestResult, error) {
	if batch <= 0 {
		batch = 1024
	}
	var r IngestResult
	var mu sync.Mutex // r is counted from the reading goroutine and this one
	report := func(f func(*IngestResult)) {
		mu.Lock()
		defer mu.Unlock()
		f(&r)
		if progress != nil {
			progress(r)
		}
	}
	has, err := s.db.PrepareContext(ctx, storedContent)
	if err != nil {
		return r, fmt.Errorf("store: %w", err)
	}
	defer has.Close()
	var hasErr error
	fresh := func(yield func(article.Article, error) bool) {
		seen := map[string]bool{} // ids read in this run, written or not yet
		for a, err := range arts {
			if err == nil {
				state, e := contentState(ctx, has, a)
				switch {
				case e != nil:
					hasErr = e
					return
				case state == unchanged || seen[a.ID]:
					report(func(r *IngestResult) { r.Read++; r.Skipped++ })
					continue
				}
				seen[a.ID] = true
			}
			if !yield(a, err) {
				return
			}
		}
	}
	buf := make([]annotate.Doc, 0, batch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		added, updated, err := s.Put(ctx, buf)
		if err != nil {
			return err
		}
		report(func(r *IngestResult) { r.Added += added; r.Updated += updated; r.Skipped += len(buf) - added - updated })
		buf = buf[:0]
		return nil
	}
	for d, err := range an.Stream(fresh, workers) {
		if err != nil {
			report(func(r *IngestResult) { r.Bad++ })
			if onBad != nil {
				onBad(err)
			}
			continue
		}
		report(func(r *IngestResult) { r.Read++ })
		buf = append(buf, d)
		if len(buf) == batch {
			if err := flush(); err != nil {
				return r, err
			}
		}
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
	}
	if err := flush(); err != nil {
		return r, err
	}
	if hasErr != nil {
		return r, fmt.Errorf("store: %w", hasErr)
	}
	return r, nil
}
