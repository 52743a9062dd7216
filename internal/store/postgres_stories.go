package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// pgStoriesLock is the advisory lock a PostgreSQL write holds while it
// assigns its batch's stories, until it commits ("stories!" as a number).
//
// Why a lock: two writers that store two copies of one story at once would
// each look for candidates among the committed articles, miss the other's
// copy, and leave two stories. Taken as the last step of the write, after
// the articles, sentences and counts (which writers still write side by
// side), it serializes only the clustering and the commit; the next writer,
// reading under READ COMMITTED once the lock is its, sees every story
// committed before. Union-find on read instead would leave every reader
// (stats, siblings, timelines) to join the clusters, and the stored story
// of an article would not be its story. Clustering writes touch only the
// story tables, which no write locks before taking this lock: waiting for
// it cannot deadlock.
const pgStoriesLock = 0x73746f7269657321

// pgStories is the storyTx of a PostgreSQL write transaction.
type pgStories struct{ tx pgx.Tx }

// signedIn returns the dedup rows whose column col is one of ids.
func (t pgStories) signedIn(ctx context.Context, col string, ids []int64) ([]signed, error) {
	var out []signed
	err := pgQuery(ctx, t.tx, `SELECT seq, day, signature, story FROM dedup WHERE `+col+` = ANY($1)`, []any{ids},
		func(scan func(...any) error) error {
			a, err := scanSigned(scan)
			out = append(out, a)
			return err
		})
	return out, err
}

func (t pgStories) forget(ctx context.Context, seqs []int64) ([]int64, error) {
	old, err := t.signedIn(ctx, "seq", seqs)
	if err != nil || len(old) == 0 {
		return nil, err
	}
	var keys, keySeqs, stories, gone []int64
	var keyDays []int32
	for _, a := range old {
		for _, k := range a.sig.Bands() {
			keys, keyDays, keySeqs = append(keys, int64(k)), append(keyDays, a.day), append(keySeqs, a.seq)
		}
		stories, gone = append(stories, a.story), append(gone, a.seq)
	}
	if _, err := t.tx.Exec(ctx, `DELETE FROM dedup_bands b USING unnest($1::bigint[], $2::int[], $3::bigint[]) AS u(key, day, seq)
		WHERE b.key = u.key AND b.day = u.day AND b.seq = u.seq`, keys, keyDays, keySeqs); err != nil {
		return nil, err
	}
	if _, err := t.tx.Exec(ctx, `DELETE FROM dedup WHERE seq = ANY($1)`, gone); err != nil {
		return nil, err
	}
	return stories, nil
}

func (t pgStories) members(ctx context.Context, stories []int64) ([]signed, error) {
	return t.signedIn(ctx, "story", stories)
}

func (t pgStories) candidates(ctx context.Context, probes []bandProbe) (map[int64][]signed, error) {
	c := newCandidateSet()
	if len(probes) == 0 {
		return c.byKey, nil
	}
	keys, los, his := make([]int64, len(probes)), make([]int32, len(probes)), make([]int32, len(probes))
	for i, p := range probes {
		keys[i], los[i], his[i] = p.key, p.lo, p.hi
	}
	err := pgQuery(ctx, t.tx, `SELECT b.key, d.seq, d.day, d.signature, d.story
		FROM unnest($1::bigint[], $2::int[], $3::int[]) AS u(key, lo, hi)
		JOIN dedup_bands b ON b.key = u.key AND b.day BETWEEN u.lo AND u.hi
		JOIN dedup d ON d.seq = b.seq`, []any{keys, los, his}, c.add)
	return c.byKey, err
}

func (t pgStories) setStories(ctx context.Context, moves map[int64]int64) error {
	if len(moves) == 0 {
		return nil
	}
	seqs, stories := make([]int64, 0, len(moves)), make([]int64, 0, len(moves))
	for seq, s := range moves {
		seqs, stories = append(seqs, seq), append(stories, s)
	}
	_, err := t.tx.Exec(ctx, `UPDATE dedup d SET story = u.story FROM unnest($1::bigint[], $2::bigint[]) AS u(seq, story)
		WHERE d.seq = u.seq`, seqs, stories)
	return err
}

func (t pgStories) relabel(ctx context.Context, from, to int64) error {
	_, err := t.tx.Exec(ctx, `UPDATE dedup SET story = $1 WHERE story = $2`, to, from)
	return err
}

func (t pgStories) insert(ctx context.Context, arts []signed) error {
	seqs, stories, days := make([]int64, len(arts)), make([]int64, len(arts)), make([]int32, len(arts))
	sigs := make([][]byte, len(arts))
	var keys, keySeqs []int64
	var keyDays []int32
	for i, a := range arts {
		seqs[i], stories[i], days[i] = a.seq, a.story, a.day
		sigs[i], _ = a.sig.MarshalBinary()
		for _, k := range a.sig.Bands() {
			keys, keyDays, keySeqs = append(keys, int64(k)), append(keyDays, a.day), append(keySeqs, a.seq)
		}
	}
	if _, err := t.tx.Exec(ctx, `INSERT INTO dedup (seq, story, day, signature)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::bytea[])`, seqs, stories, days, sigs); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `INSERT INTO dedup_bands (key, day, seq) SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[])`,
		keys, keyDays, keySeqs)
	return err
}

func (t pgStories) recount(ctx context.Context, stories []int64) error {
	for _, q := range []string{`DELETE FROM stories WHERE story = ANY($1)`,
		`INSERT INTO stories (story, articles) SELECT story, count(*) FROM dedup WHERE story = ANY($1) GROUP BY story HAVING count(*) > 1`} {
		if _, err := t.tx.Exec(ctx, q, stories); err != nil {
			return err
		}
	}
	return nil
}

// pgSignStored signs and clusters the stored articles that have no
// signature yet (those of a store of schema 3; see signUnsigned), under the
// stories' lock.
func pgSignStored(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(pgStoriesLock)); err != nil {
		return err
	}
	return signUnsigned(ctx, pgStories{tx}, func(last int64, row func(scan func(...any) error) error) error {
		return pgQuery(ctx, tx, `SELECT seq, published, body FROM articles a WHERE seq > $1
			AND NOT EXISTS (SELECT 1 FROM dedup d WHERE d.seq = a.seq) ORDER BY seq LIMIT 512`, []any{last}, row)
	})
}

func (p *pgStore) siblings(ctx context.Context, id string, limit int) ([]Sibling, error) {
	var out []Sibling
	err := pgQuery(ctx, p.pool, `SELECT a.id, a.title, a.source, a.published FROM dedup d JOIN articles a ON a.seq = d.seq
		WHERE d.story = (SELECT d2.story FROM articles a2 JOIN dedup d2 ON d2.seq = a2.seq WHERE a2.id = $1) AND a.id <> $1
		ORDER BY a.day, a.id LIMIT $2`, []any{id, limit}, func(scan func(...any) error) error {
		sb, err := scanSibling(scan)
		out = append(out, sb)
		return err
	})
	return out, err
}
