package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/timex"
)

// ErrNotFound is returned (wrapped) by Article for an id the store does not
// hold.
var ErrNotFound = errors.New("store: no such article")

// Article loads one stored article with its text, sentences and time
// expressions. An unknown id gives an error wrapping ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (annotate.Doc, error) {
	var d annotate.Doc
	a := &d.Article
	var pub string
	head, err := s.prepared(ctx, `SELECT id, published, title, url, source, origin, body FROM articles WHERE id = ?`)
	if err != nil {
		return d, fmt.Errorf("load article %q: %w", id, err)
	}
	err = head.QueryRowContext(ctx, id).Scan(&a.ID, &pub, &a.Title, &a.URL, &a.Source, &a.Origin, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("load article %q: %w", id, err)
	}
	if a.Published, err = time.Parse(time.RFC3339, pub); err != nil {
		return d, fmt.Errorf("load article %q: bad publication time %q: %w", id, pub, err)
	}
	body, err := s.prepared(ctx, `SELECT s.idx, s.start, s.end, s.text, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq
		FROM sentences s LEFT JOIN timexes t ON t.sentence_id = s.id WHERE s.article_id = ? ORDER BY s.idx, t.start`)
	if err != nil {
		return d, fmt.Errorf("load article %q sentences: %w", id, err)
	}
	rows, err := body.QueryContext(ctx, id)
	if err != nil {
		return d, fmt.Errorf("load article %q sentences: %w", id, err)
	}
	for rows.Next() {
		var sn annotate.Sentence
		var xs, xe sql.NullInt64
		var xt, xtype, xv, xm, xq, xf sql.NullString
		if err := rows.Scan(&sn.Index, &sn.Start, &sn.End, &sn.Text, &xs, &xe, &xt, &xtype, &xv, &xm, &xq, &xf); err != nil {
			rows.Close()
			return d, fmt.Errorf("load article %q sentences: %w", id, err)
		}
		if n := len(d.Sentences); n == 0 || d.Sentences[n-1].Index != sn.Index {
			d.Sentences = append(d.Sentences, sn)
		}
		if xs.Valid {
			last := &d.Sentences[len(d.Sentences)-1]
			last.Timexes = append(last.Timexes, timex.Timex{Start: int(xs.Int64), End: int(xe.Int64), Text: xt.String,
				Type: timex.Type(xtype.String), Value: xv.String, Mod: xm.String, Quant: xq.String, Freq: xf.String})
		}
	}
	if err := closeRows(rows); err != nil {
		return d, fmt.Errorf("load article %q sentences: %w", id, err)
	}
	return d, nil
}

// Version returns a number that changes whenever a write changes what the
// store holds (articles added or replaced), by this process or another:
// caches of what the store answered are good while it stays the same. Put
// counts those writes in the meta table; a store written before that
// counter existed starts from its number of articles.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0) * 1000000000
		+ (SELECT count(*) FROM articles)`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("store version: %w", err)
	}
	return v, nil
}

// prepared returns the statement for query, prepared once per store: a
// server asks the same few questions thousands of times, and parsing them
// each time is a good part of answering them.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}
