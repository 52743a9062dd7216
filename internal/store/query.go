package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

// Filter selects stored articles by publication day. Its zero value selects
// all. (Which sentences may enter a timeline is timeline.Selection's to
// say, in Go, on what Docs returns: keywords and queries never narrow the
// articles a timeline is built from.)
type Filter struct {
	From, To time.Time // publication days, inclusive; zero means unbounded
}

// days adds the conditions of f's date range on articles a.
func (f Filter) days(conds []string, args []any) ([]string, []any) {
	if !f.From.IsZero() {
		conds = append(conds, "a.day >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		conds = append(conds, "a.day <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	return conds, args
}

// where returns the SQL condition on articles a and its arguments.
func (f Filter) where() (string, []any) {
	conds, args := f.days([]string{"1"}, nil)
	return strings.Join(conds, " AND "), args
}

// Docs loads the articles that f selects, with their sentences and time
// expressions, ordered by publication day. Article bodies are not loaded
// (Article.Text is empty): the sentences carry the text.
func (s *Store) Docs(ctx context.Context, f Filter) ([]annotate.Doc, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("load documents: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS sel (id TEXT PRIMARY KEY, ord INTEGER)`); err != nil {
		return nil, fmt.Errorf("load documents: %w", err)
	}
	defer conn.ExecContext(context.Background(), `DELETE FROM temp.sel`)
	where, args := f.where()
	if _, err := conn.ExecContext(ctx, `DELETE FROM temp.sel`); err != nil {
		return nil, fmt.Errorf("load documents: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO temp.sel(id, ord)
		SELECT a.id, row_number() OVER (ORDER BY a.day, a.id) FROM articles a WHERE `+where, args...); err != nil {
		return nil, fmt.Errorf("select documents: %w", err)
	}
	var docs []annotate.Doc
	index := map[string]int{}
	rows, err := conn.QueryContext(ctx, `SELECT a.id, a.published, a.title, a.url, a.source, a.origin
		FROM temp.sel JOIN articles a ON a.id = sel.id ORDER BY sel.ord`)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	for rows.Next() {
		var a article.Article
		var pub string
		if err := rows.Scan(&a.ID, &pub, &a.Title, &a.URL, &a.Source, &a.Origin); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load articles: %w", err)
		}
		if a.Published, err = time.Parse(time.RFC3339, pub); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load article %s: bad publication time %q: %w", a.ID, pub, err)
		}
		index[a.ID] = len(docs)
		docs = append(docs, annotate.Doc{Article: a})
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}

	type loc struct{ doc, sent int }
	sentAt := map[int64]loc{}
	rows, err = conn.QueryContext(ctx, `SELECT s.id, s.article_id, s.idx, s.start, s.end, s.text
		FROM temp.sel JOIN sentences s ON s.article_id = sel.id ORDER BY sel.ord, s.idx`)
	if err != nil {
		return nil, fmt.Errorf("load sentences: %w", err)
	}
	for rows.Next() {
		var id int64
		var aid string
		var sn annotate.Sentence
		if err := rows.Scan(&id, &aid, &sn.Index, &sn.Start, &sn.End, &sn.Text); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load sentences: %w", err)
		}
		di := index[aid]
		sentAt[id] = loc{di, len(docs[di].Sentences)}
		docs[di].Sentences = append(docs[di].Sentences, sn)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("load sentences: %w", err)
	}

	rows, err = conn.QueryContext(ctx, `SELECT t.sentence_id, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq
		FROM temp.sel JOIN sentences s ON s.article_id = sel.id JOIN timexes t ON t.sentence_id = s.id
		ORDER BY t.sentence_id, t.start`)
	if err != nil {
		return nil, fmt.Errorf("load time expressions: %w", err)
	}
	for rows.Next() {
		var sid int64
		var x timex.Timex
		var typ string
		if err := rows.Scan(&sid, &x.Start, &x.End, &x.Text, &typ, &x.Value, &x.Mod, &x.Quant, &x.Freq); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load time expressions: %w", err)
		}
		x.Type = timex.Type(typ)
		if l, ok := sentAt[sid]; ok {
			sn := &docs[l.doc].Sentences[l.sent]
			sn.Timexes = append(sn.Timexes, x)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("load time expressions: %w", err)
	}
	return docs, nil
}

func closeRows(rows *sql.Rows) error {
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	return rows.Close()
}

// Hit is one sentence found by Search.
type Hit struct {
	ArticleID string
	Published time.Time
	Title     string
	Source    string
	URL       string
	Sentence  int     // index of the sentence in its article
	Text      string  // the sentence
	Score     float64 // bm25 relevance: higher is better
}

// Search returns the sentences that match q, best first by bm25, among the
// articles that f's date range selects. An empty query is ErrEmptyQuery; a
// raw query that FTS5 refuses is a *QueryError.
func (s *Store) Search(ctx context.Context, q Query, f Filter, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = 20
	}
	match, err := q.fts()
	if err != nil {
		return nil, err
	}
	// Without a date range the best limit sentences are found in the index
	// alone and only they are joined to their articles; with one, every
	// match is joined to be filtered by day first.
	sqlText := `SELECT a.id, a.published, a.title, a.source, a.url, s.idx, s.text, -f.rank
		FROM (SELECT rowid AS id, rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?) f
		JOIN sentences s ON s.id = f.id JOIN articles a ON a.id = s.article_id ORDER BY f.rank`
	args := []any{match, limit}
	if !f.From.IsZero() || !f.To.IsZero() {
		var conds []string
		conds, args = f.days([]string{"sentences_fts MATCH ?"}, []any{match})
		args = append(args, limit)
		sqlText = `SELECT a.id, a.published, a.title, a.source, a.url, s.idx, s.text, -sentences_fts.rank
		FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id
		WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY sentences_fts.rank LIMIT ?`
	}
	st, err := s.prepared(ctx, sqlText)
	if err != nil {
		return nil, q.wrap(err)
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, q.wrap(err)
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		var pub string
		if err := rows.Scan(&h.ArticleID, &pub, &h.Title, &h.Source, &h.URL, &h.Sentence, &h.Text, &h.Score); err != nil {
			rows.Close()
			return nil, q.wrap(err)
		}
		h.Published, _ = time.Parse(time.RFC3339, pub)
		hits = append(hits, h)
	}
	if err := closeRows(rows); err != nil {
		return nil, q.wrap(err)
	}
	return hits, nil
}

// Count is a label with a number.
type Count struct {
	Label string
	N     int
}

// Stats summarizes what a store holds.
type Stats struct {
	Path                         string
	Bytes                        int64 // size of the database file and its WAL
	Articles, Sentences, Timexes int
	Resolved                     int       // time expressions that name a stretch of the calendar
	First, Last                  time.Time // publication days
	Sources                      []Count   // articles per source, most first (at most 10)
	Months                       []Count   // articles per publication month, in order
	TopDays                      []Count   // most referred-to days (at most 10)
}

// Stats computes the summary of the store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: s.path}
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.Bytes += fi.Size()
		}
	}
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM timexes), (SELECT count(*) FROM timexes WHERE day IS NOT NULL),
		(SELECT min(day) FROM articles), (SELECT max(day) FROM articles)`).
		Scan(&st.Articles, &st.Sentences, &st.Timexes, &st.Resolved, &first, &last)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.First, _ = time.Parse(time.DateOnly, first.String)
	st.Last, _ = time.Parse(time.DateOnly, last.String)
	for _, q := range []struct {
		sql string
		out *[]Count
	}{
		{`SELECT CASE source WHEN '' THEN '(none)' ELSE source END, count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10`, &st.Sources},
		{`SELECT substr(day, 1, 7), count(*) FROM articles GROUP BY 1 ORDER BY 1`, &st.Months},
		{`SELECT day, count(*) AS n FROM timexes WHERE gran = 'day' GROUP BY day ORDER BY n DESC, day LIMIT 10`, &st.TopDays},
	} {
		rows, err := s.db.QueryContext(ctx, q.sql)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		for rows.Next() {
			var c Count
			if err := rows.Scan(&c.Label, &c.N); err != nil {
				rows.Close()
				return st, fmt.Errorf("stats: %w", err)
			}
			*q.out = append(*q.out, c)
		}
		if err := closeRows(rows); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	return st, nil
}
