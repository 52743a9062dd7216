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

// Open opens (creating if needed) the database at path.
func Open(path string) (*Store, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	q.Add("_pragma", "cache_size(-65536)") // 64 MiB: index pages stay in memory during ingest
	q.Add("_pragma", "temp_store(memory)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// A connection holds its own page cache (cache_size above): a pool as
	// large as a server's concurrent requests would read the file into
	// hundreds of cold caches. A few connections, each warm, serve more.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &Store{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// ErrNoStore is returned by OpenExisting when the database file does not
// exist.
var ErrNoStore = errors.New("no such store")

// OpenExisting opens the store at path like Open, but only if the file
// exists: commands that only read must not leave an empty database behind
// a mistyped --db.
func OpenExisting(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return Open(path)
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

func (s *Store) migrate() error {
	if _, err := s.db.Exec(schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	var v string
	err := s.db.QueryRow(`SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err = s.db.Exec(`INSERT INTO meta(key, value) VALUES ('schema', ?)`, strconv.Itoa(schemaVersion)); err != nil {
			return err
		}
		return migrateHTTPCache(s.db)
	case err != nil:
		return err
	}
	if n, _ := strconv.Atoi(v); n > schemaVersion {
		return fmt.Errorf("database schema %s is newer than this dateline understands (%d)", v, schemaVersion)
	}
	return migrateHTTPCache(s.db)
}

// Put writes docs in one transaction and returns how many were new; docs
// whose article id is already stored are skipped whole.
func (s *Store) Put(ctx context.Context, docs []annotate.Doc) (added int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	insArticle, err := tx.PrepareContext(ctx, `INSERT INTO articles(id, published, day, title, url, source, origin, body, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("store: prepare: %w", err)
	}
	defer insArticle.Close()
	// Sentence ids are assigned here (the transaction holds the write lock),
	// so that sentences, time expressions and the full-text index can be
	// written as multi-row statements.
	var lastID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM sentences`).Scan(&lastID); err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	firstID := lastID + 1
	sents := newBulk(tx, "sentences(id, article_id, idx, start, end, text)", 6)
	timexes := newBulk(tx, "timexes(sentence_id, start, end, text, type, value, mod, quant, freq, day, gran)", 11)
	timexes.after = sents // a time expression's sentence must be written first
	now := time.Now().UTC().Format(time.RFC3339)
	for _, d := range docs {
		a := d.Article
		res, err := insArticle.ExecContext(ctx, a.ID, a.Published.Format(time.RFC3339), a.Day().Format(time.DateOnly),
			a.Title, a.URL, a.Source, a.Origin, a.Text, now)
		if err != nil {
			return 0, fmt.Errorf("store article %s: %w", a.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue // already stored
		}
		added++
		for _, sn := range d.Sentences {
			lastID++
			if err := sents.add(ctx, lastID, a.ID, sn.Index, sn.Start, sn.End, sn.Text); err != nil {
				return 0, fmt.Errorf("store article %s sentence %d: %w", a.ID, sn.Index, err)
			}
			for _, x := range sn.Timexes {
				var day, gran any
				if iv, ok := timex.ParseValue(x.Value); ok && (x.Type == timex.Date || x.Type == timex.Time) {
					day, gran = iv.Start.Format(time.DateOnly), iv.Gran.String()
				}
				if err := timexes.add(ctx, lastID, x.Start, x.End, x.Text, string(x.Type), x.Value,
					x.Mod, x.Quant, x.Freq, day, gran); err != nil {
					return 0, fmt.Errorf("store article %s sentence %d time expression %q: %w", a.ID, sn.Index, x.Text, err)
				}
			}
		}
	}
	for _, b := range []*bulk{sents, timexes} {
		if err := b.flush(ctx); err != nil {
			return 0, fmt.Errorf("store: %w", err)
		}
		b.close()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?`, firstID); err != nil {
		return 0, fmt.Errorf("store: index sentences: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: commit: %w", err)
	}
	return added, nil
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
	Skipped int // articles already stored (not annotated again)
	Bad     int // records that could not be read
}

// Annotator turns a stream of articles into annotated documents, in order;
// annotate.Annotator is one.
type Annotator interface {
	Stream(in iter.Seq2[article.Article, error], workers int) iter.Seq2[annotate.Doc, error]
}

// Ingest annotates the articles of arts that the store does not hold yet
// (an article whose id is stored is skipped before annotation) and writes
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
	has, err := s.db.PrepareContext(ctx, `SELECT 1 FROM articles WHERE id = ?`)
	if err != nil {
		return r, fmt.Errorf("store: %w", err)
	}
	defer has.Close()
	var hasErr error
	fresh := func(yield func(article.Article, error) bool) {
		seen := map[string]bool{} // ids read in this run, written or not yet
		for a, err := range arts {
			if err == nil {
				var one int
				switch e := has.QueryRowContext(ctx, a.ID).Scan(&one); {
				case e == nil || seen[a.ID]:
					report(func(r *IngestResult) { r.Read++; r.Skipped++ })
					continue
				case !errors.Is(e, sql.ErrNoRows):
					hasErr = e
					return
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
		added, err := s.Put(ctx, buf)
		if err != nil {
			return err
		}
		report(func(r *IngestResult) { r.Added += added; r.Skipped += len(buf) - added })
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
