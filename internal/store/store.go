package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/timex"
)

// DefaultPath is where the store lives unless told otherwise.
const DefaultPath = "dateline.db"

// Store is an open dateline database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the database at path.
func Open(path string) (*Store, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate() error {
	if _, err := s.db.Exec(schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	var v string
	err := s.db.QueryRow(`SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.db.Exec(`INSERT INTO meta(key, value) VALUES ('schema', ?)`, strconv.Itoa(schemaVersion))
		return err
	case err != nil:
		return err
	}
	if n, _ := strconv.Atoi(v); n > schemaVersion {
		return fmt.Errorf("database schema %s is newer than this dateline understands (%d)", v, schemaVersion)
	}
	return nil
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
	stmts := make([]*sql.Stmt, 4)
	for i, q := range []string{
		`INSERT INTO articles(id, published, day, title, url, source, origin, body, ingested)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
		`INSERT INTO sentences(article_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)`,
		`INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)`,
		`INSERT INTO timexes(sentence_id, start, end, text, type, value, mod, quant, freq, day, gran)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	} {
		if stmts[i], err = tx.PrepareContext(ctx, q); err != nil {
			return 0, fmt.Errorf("store: prepare: %w", err)
		}
		defer stmts[i].Close()
	}
	insArticle, insSentence, insFTS, insTimex := stmts[0], stmts[1], stmts[2], stmts[3]
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
			res, err := insSentence.ExecContext(ctx, a.ID, sn.Index, sn.Start, sn.End, sn.Text)
			if err != nil {
				return 0, fmt.Errorf("store article %s sentence %d: %w", a.ID, sn.Index, err)
			}
			sid, err := res.LastInsertId()
			if err != nil {
				return 0, fmt.Errorf("store article %s sentence %d: %w", a.ID, sn.Index, err)
			}
			if _, err := insFTS.ExecContext(ctx, sid, sn.Text); err != nil {
				return 0, fmt.Errorf("index article %s sentence %d: %w", a.ID, sn.Index, err)
			}
			for _, x := range sn.Timexes {
				var day, gran any
				if iv, ok := timex.ParseValue(x.Value); ok && (x.Type == timex.Date || x.Type == timex.Time) {
					day, gran = iv.Start.Format(time.DateOnly), iv.Gran.String()
				}
				if _, err := insTimex.ExecContext(ctx, sid, x.Start, x.End, x.Text, string(x.Type), x.Value,
					x.Mod, x.Quant, x.Freq, day, gran); err != nil {
					return 0, fmt.Errorf("store article %s sentence %d time expression %q: %w", a.ID, sn.Index, x.Text, err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: commit: %w", err)
	}
	return added, nil
}

// IngestResult counts what an ingest did.
type IngestResult struct {
	Read    int // articles read and annotated
	Added   int // articles new to the store
	Skipped int // articles already stored
	Bad     int // records that could not be read
}

// Ingest writes the documents of docs in transactions of batch documents.
// Read errors are passed to onBad and counted, and ingest goes on; after each
// batch, progress (if not nil) gets the running totals. A failure to write
// stops ingest: what earlier batches wrote stays, the failed batch is rolled
// back whole.
func (s *Store) Ingest(ctx context.Context, docs iter.Seq2[annotate.Doc, error], batch int,
	onBad func(error), progress func(IngestResult)) (IngestResult, error) {
	if batch <= 0 {
		batch = 256
	}
	var r IngestResult
	buf := make([]annotate.Doc, 0, batch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		added, err := s.Put(ctx, buf)
		if err != nil {
			return err
		}
		r.Added += added
		r.Skipped += len(buf) - added
		buf = buf[:0]
		if progress != nil {
			progress(r)
		}
		return nil
	}
	for d, err := range docs {
		if err != nil {
			r.Bad++
			if onBad != nil {
				onBad(err)
			}
			continue
		}
		r.Read++
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
	return r, flush()
}
