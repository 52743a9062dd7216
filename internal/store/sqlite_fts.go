package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The SQLite full-text index is partitioned by ranges of articles:
// partition p is the FTS5 table sentences_fts_<p>, which holds the
// sentences of the articles whose seq >> ftsBits is p (2^16 = 65,536
// articles each, by default; the store's setting is kept in its settings
// table). Why: before ranking a single row, FTS5's bm25 counts each query
// term's matches over its whole table (fts5Bm25GetData runs the term
// through the index), and at a million articles that count was 80% of a
// search's CPU, in proportion to the archive whatever the window searched.
// Within a partition the count is bounded by the partition. A search reads
// the newest partitions first (the window is the newest matches), each
// ranking its own rows by bm25 over its own articles, and stops when the
// window is full; the scores of partitions of equal size are alike, those
// of a small newest partition less so (its term counts are few). PostgreSQL
// partitions its sentences by ranges of ids likewise (blockBits), for the
// same reason of bounded work per query.

// ftsBits is the default partition size of a new store, in bits of seq.
const ftsBits = 16

// ftsTable is the name of partition p.
func ftsTable(p int64) string { return "sentences_fts_" + strconv.FormatInt(p, 10) }

// ftsSchema creates partition p with its settings: one segment per
// transaction (the in-memory hash holds a whole batch), and segments merged
// 16 at a time rather than 4 (crisis merges at 32): each posting is
// rewritten log16 rather than log4 times of the batches written, and a
// store of a few thousand articles is not merged at all while it is
// ingested.
func ftsSchema(p int64) string {
	t := ftsTable(p)
	return fmt.Sprintf(`CREATE VIRTUAL TABLE %[1]s USING fts5(text, content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 0');
INSERT INTO %[1]s(%[1]s, rank) VALUES ('hashsize', 67108864);
INSERT INTO %[1]s(%[1]s, rank) VALUES ('automerge', 16);
INSERT INTO %[1]s(%[1]s, rank) VALUES ('crisismerge', 32);
`, t)
}

// ftsPart is the partition of article seq, in a store of partitions of
// 2^bits articles.
func ftsPart(seq int64, bits int) int64 { return seq >> bits }

// ftsIDs returns the first and last sentence ids partition p can hold.
func ftsIDs(p int64, bits int) (int64, int64) {
	return sentenceID(p<<bits, 0), sentenceID((p+1)<<bits-1, maxSentences)
}

// ftsEnsure creates partition p in tx when the store lacks it.
func ftsEnsure(ctx context.Context, tx *sql.Tx, p int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, ftsTable(p)).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, ftsSchema(p))
	return err
}

// ftsFlush moves the sentences staged in temp.fts_stage into their
// partitions, one statement per partition (FTS5 writes its pending terms
// out as a segment at the start of every statement), creating partitions
// the store lacks; parts are the partitions of the articles staged.
func ftsFlush(ctx context.Context, tx *sql.Tx, bits int, parts map[int64]bool) error {
	for _, p := range slices.Sorted(maps.Keys(parts)) {
		if err := ftsEnsure(ctx, tx, p); err != nil {
			return fmt.Errorf("index partition %d: %w", p, err)
		}
		lo, hi := ftsIDs(p, bits)
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+ftsTable(p)+`(rowid, text) SELECT id, text FROM temp.fts_stage WHERE id BETWEEN ? AND ?`,
			lo, hi); err != nil {
			return fmt.Errorf("index partition %d: %w", p, err)
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM temp.fts_stage`)
	return err
}

// ftsParts returns the partitions that hold sentences of the span, newest
// first: for every article, those up to the newest article's. Every
// partition up to it exists: seqs are given in order, and the partition of
// an article is created in the transaction that writes it.
func (s *sqliteStore) ftsParts(ctx context.Context, sp span) ([]int64, error) {
	lo, hi := int64(0), int64(0)
	if sp.all {
		var last int64
		if err := s.query(ctx, `SELECT coalesce(max(seq), 0) FROM articles`, nil, func(rows *sql.Rows) error { return rows.Scan(&last) }); err != nil {
			return nil, err
		}
		hi = ftsPart(last, s.ftsBits)
	} else {
		lo, hi = ftsPart(sp.lo, s.ftsBits), ftsPart(sp.hi, s.ftsBits)
	}
	parts := make([]int64, 0, hi-lo+1)
	for p := hi; p >= lo; p-- {
		parts = append(parts, p)
	}
	return parts, nil
}

// ftsSeqsIn is the SQL condition "seq of a sentence matching ? is col" over
// the partitions parts, with its arguments (the match once per partition,
// and the span's ids when it is bounded).
func ftsSeqsIn(col, match string, parts []int64, sp span) (string, []any) {
	var sel []string
	var args []any
	for _, p := range parts {
		t := ftsTable(p)
		q := fmt.Sprintf("SELECT rowid >> %d FROM %s WHERE %s MATCH ?", sentenceBits, t, t)
		args = append(args, match)
		if !sp.all {
			lo, hi := sp.ids()
			q += " AND rowid BETWEEN ? AND ?"
			args = append(args, lo, hi)
		}
		sel = append(sel, q)
	}
	if len(sel) == 0 {
		return "0", nil
	}
	return col + " IN (" + strings.Join(sel, " UNION ALL ") + ")", args
}

// ftsSettings reads the store's partition size.
func (s *sqliteStore) ftsSettings(ctx context.Context) error {
	n, err := readBits(ctx, s.querier(), "fts_bits", 40)
	s.ftsBits = n
	return err
}

// sqliteSettings is the settings table of version 6, with the partition
// size of a new store.
var sqliteSettings = fmt.Sprintf(`
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings(key, value) VALUES ('fts_bits', '%d');
`, ftsBits)

// migrateV5 brings a store of version 2 to 5 (one FTS5 table for every
// sentence: sentences_fts) to version 6: the settings, and every stored
// article's sentences indexed again into their partitions, in seq order,
// then the old table dropped. Its cost is reading every article and
// writing the index once, about what the index cost at ingest.
func migrateV5(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, sqliteSettings); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS fts_stage (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`); err != nil {
		return err
	}
	if err := ftsEnsure(ctx, tx, 0); err != nil {
		return err
	}
	p := newPreparer()
	var sb strings.Builder
	var last int64
	for {
		// The chunk is read whole before its terms are staged: tx runs one
		// statement at a time.
		type article struct {
			seq   int64
			terms []string
		}
		var chunk []article
		err := queryRows(ctx, tx, `SELECT a.seq, `+articleColumns+` FROM articles a WHERE a.seq > ? ORDER BY a.seq LIMIT 2048`, []any{last},
			func(rows *sql.Rows) error {
				d, err := scanArticle(func(dest ...any) error { return rows.Scan(append([]any{&last}, dest...)...) })
				if err != nil {
					return damagedSeq(last, err)
				}
				a := article{seq: last, terms: make([]string, len(d.Sentences))}
				for i, sn := range d.Sentences {
					a.terms[i] = p.terms(sn.Text, &sb, nil)
				}
				chunk = append(chunk, a)
				return nil
			})
		if err != nil || len(chunk) == 0 {
			if err == nil {
				break
			}
			return err
		}
		fts := newBulk(tx, "temp.fts_stage(id, text)", 2, 500)
		parts := map[int64]bool{}
		for _, a := range chunk {
			if err := sqliteIndex(ctx, fts, a.seq, a.terms); err != nil {
				fts.close()
				return err
			}
			parts[ftsPart(a.seq, ftsBits)] = true
		}
		err = fts.flush(ctx)
		fts.close()
		if err != nil {
			return err
		}
		if err := ftsFlush(ctx, tx, ftsBits, parts); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS sentences_fts`)
	return err
}
