package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/dateline-news/dateline/internal/dedup"
)

// sqliteStories is the storyTx of an SQLite write transaction.
type sqliteStories struct{ tx *sql.Tx }

// jsonList is the JSON array of xs, for json_each.
func jsonList(xs []int64) string {
	b, _ := json.Marshal(xs)
	return string(b)
}

// signedIn returns the dedup rows whose column col is one of ids.
func (t sqliteStories) signedIn(ctx context.Context, col string, ids []int64) ([]signed, error) {
	var out []signed
	err := queryRows(ctx, t.tx, `SELECT seq, day, signature, story FROM dedup WHERE `+col+` IN (SELECT value FROM json_each(?))`,
		[]any{jsonList(ids)}, func(rows *sql.Rows) error {
			a, err := scanSigned(rows.Scan)
			out = append(out, a)
			return err
		})
	return out, err
}

func (t sqliteStories) forget(ctx context.Context, seqs []int64) ([]int64, error) {
	old, err := t.signedIn(ctx, "seq", seqs)
	if err != nil || len(old) == 0 {
		return nil, err
	}
	var stories []int64
	for _, a := range old {
		for _, k := range a.sig.Bands() {
			if _, err := t.tx.ExecContext(ctx, `DELETE FROM dedup_bands WHERE key = ? AND day = ? AND seq = ?`, int64(k), a.day, a.seq); err != nil {
				return nil, err
			}
		}
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM dedup WHERE seq = ?`, a.seq); err != nil {
			return nil, err
		}
		stories = append(stories, a.story)
	}
	return stories, nil
}

func (t sqliteStories) members(ctx context.Context, stories []int64) ([]signed, error) {
	return t.signedIn(ctx, "story", stories)
}

func (t sqliteStories) candidates(ctx context.Context, probes []bandProbe) (map[int64][]signed, error) {
	c := newCandidateSet()
	if len(probes) == 0 {
		return c.byKey, nil
	}
	list := make([][3]int64, len(probes))
	for i, p := range probes {
		list[i] = [3]int64{p.key, int64(p.lo), int64(p.hi)}
	}
	b, _ := json.Marshal(list)
	// CROSS JOIN keeps the probes outermost: each is one range of the
	// (key, day) primary key.
	err := queryRows(ctx, t.tx, `SELECT b.key, d.seq, d.day, d.signature, d.story FROM json_each(?) j
		CROSS JOIN dedup_bands b ON b.key = j.value->>0 AND b.day BETWEEN j.value->>1 AND j.value->>2
		JOIN dedup d ON d.seq = b.seq`, []any{string(b)}, func(rows *sql.Rows) error { return c.add(rows.Scan) })
	return c.byKey, err
}

func (t sqliteStories) setStories(ctx context.Context, moves map[int64]int64) error {
	for seq, story := range moves {
		if _, err := t.tx.ExecContext(ctx, `UPDATE dedup SET story = ? WHERE seq = ?`, story, seq); err != nil {
			return err
		}
	}
	return nil
}

func (t sqliteStories) relabel(ctx context.Context, from, to int64) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE dedup SET story = ? WHERE story = ?`, to, from)
	return err
}

func (t sqliteStories) insert(ctx context.Context, arts []signed) error {
	rows := newBulk(t.tx, "dedup(seq, story, day, signature)", 4, 200)
	bands := newBulk(t.tx, "dedup_bands(key, day, seq)", 3, 300)
	for _, a := range arts {
		sig, _ := a.sig.MarshalBinary()
		if err := rows.add(ctx, a.seq, a.story, a.day, sig); err != nil {
			return err
		}
		for _, k := range a.sig.Bands() {
			if err := bands.add(ctx, int64(k), a.day, a.seq); err != nil {
				return err
			}
		}
	}
	for _, b := range []*bulk{rows, bands} {
		if err := b.flush(ctx); err != nil {
			return err
		}
		b.close()
	}
	return nil
}

func (t sqliteStories) recount(ctx context.Context, stories []int64) error {
	list := jsonList(stories)
	for _, q := range []string{`DELETE FROM stories WHERE story IN (SELECT value FROM json_each(?))`,
		`INSERT INTO stories(story, articles) SELECT story, count(*) FROM dedup WHERE story IN (SELECT value FROM json_each(?))
			GROUP BY story HAVING count(*) > 1`} {
		if _, err := t.tx.ExecContext(ctx, q, list); err != nil {
			return err
		}
	}
	return nil
}

// sqliteSignStored signs and clusters the stored articles that have no
// signature yet (a store of schema 3; see signUnsigned).
func sqliteSignStored(ctx context.Context, tx *sql.Tx) error {
	return signUnsigned(ctx, sqliteStories{tx}, func(last int64, row func(scan func(...any) error) error) error {
		return queryRows(ctx, tx, `SELECT seq, published, body FROM articles a WHERE seq > ?
			AND NOT EXISTS (SELECT 1 FROM dedup d WHERE d.seq = a.seq) ORDER BY seq LIMIT 512`, []any{last},
			func(rows *sql.Rows) error { return row(rows.Scan) })
	})
}

// signUnsigned signs and clusters stored articles a chunk at a time, in the
// migration's transaction tx: what ingest would have computed of them
// (dedup.Sign of the text alone). chunk calls row for each (seq,
// published, body) of the next unsigned articles after seq last, in seq
// order; none left ends it.
func signUnsigned(ctx context.Context, tx storyTx, chunk func(last int64, row func(scan func(...any) error) error) error) error {
	var last int64
	for {
		var batch []signed
		err := chunk(last, func(scan func(...any) error) error {
			var pub, body string
			if err := scan(&last, &pub, &body); err != nil {
				return err
			}
			a, err := signStored(last, pub, body)
			batch = append(batch, a)
			return err
		})
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		if err := assignStories(ctx, tx, batch); err != nil {
			return err
		}
	}
}

// signStored signs a stored article from its columns.
func signStored(seq int64, published, body string) (signed, error) {
	a := signed{seq: seq, sig: dedup.Sign(body)}
	t, err := parsePublished(published)
	if err != nil {
		return a, err
	}
	a.day = dedup.Day(t)
	return a, nil
}
