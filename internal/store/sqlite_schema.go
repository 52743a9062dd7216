package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

// sqliteVersion is the schema this build writes, kept in PRAGMA
// user_version. Version 1 (dateline before the PostgreSQL backend) kept it
// in a meta table, with one row per sentence and per time expression and
// an external-content Porter FTS5 index; migrateV1 rewrites such a store.
// Version 2 had no entities: its articles' columns decode without them
// (Doc.Entities false), and migrateV2 adds what version 3 counts. Version 3
// had no stories: migrateV3 signs its stored articles and clusters them.
// Version 4 kept the band keys without their articles' days: migrateV4
// adds them. Versions 2 to 5 had one full-text table for every sentence
// (sentences_fts): migrateV5 indexes their articles again into partitions
// (see ftsTable).
const sqliteVersion = 6

// errOldSchema says that a store must be migrated before it is read.
var errOldSchema = errors.New("the store has an older schema")

// sqliteSchema is version 6. An article's annotations (sentences, time
// expressions, entity mentions, quotes) are one binary column of its row
// (see encodeDoc); the full-text index is partitioned by ranges of
// articles (see ftsTable; partition 0 is made here, the others when their
// first article is written), contentless, and holds each sentence's index
// terms (text.Terms), its rowid the sentence id (see sentenceID); words is the vocabulary that
// keyword prefilters search; days, sources, entities and batches are the
// counts kept at ingest; dedup, dedup_bands and stories are the articles'
// stories (see assignStories).
var sqliteSchema = `
CREATE TABLE articles (
	seq       INTEGER PRIMARY KEY,  -- sentence ids derive from it
	id        TEXT NOT NULL UNIQUE,
	published TEXT NOT NULL,        -- RFC 3339
	day       TEXT NOT NULL,        -- YYYY-MM-DD of publication
	title     TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	origin    TEXT NOT NULL DEFAULT '',
	body      TEXT NOT NULL,
	sentences BLOB NOT NULL,        -- sentences and their time expressions (see encodeSentences)
	digest    TEXT NOT NULL,        -- of the content, to tell a changed article
	nsent     INTEGER NOT NULL,     -- what the article adds to the counts
	ntimex    INTEGER NOT NULL,
	nresolved INTEGER NOT NULL,
	refs      TEXT NOT NULL,        -- "day:n ..." day-granularity references
	ingested  TEXT NOT NULL,
	names     TEXT NOT NULL DEFAULT ''  -- "TYPE<tab>n<tab>name" lines: the entity counts it adds
);
CREATE INDEX articles_day ON articles(day, id);
CREATE TABLE words (
	word TEXT NOT NULL,  -- folded (text.Fold)
	term TEXT NOT NULL,  -- its index term, '' for a stop word
	PRIMARY KEY (word, term)
) WITHOUT ROWID;
CREATE TABLE days (
	day       TEXT PRIMARY KEY,
	articles  INTEGER NOT NULL DEFAULT 0,  -- published that day
	sentences INTEGER NOT NULL DEFAULT 0,  -- of those articles
	timexes   INTEGER NOT NULL DEFAULT 0,
	resolved  INTEGER NOT NULL DEFAULT 0,
	refs      INTEGER NOT NULL DEFAULT 0   -- day-granularity time expressions naming the day
) WITHOUT ROWID;
CREATE TABLE sources (
	source   TEXT PRIMARY KEY,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
` + sqliteEntities + sqliteStoriesSchema + sqliteSchemaRest + sqliteSettings + ftsSchema(0)

// sqliteStoriesSchema is what version 4 added, as version 5 has it: each
// article's near-duplicate signature and story, the band keys and days
// candidates are found by, and the stories of two or more articles with
// their size.
const sqliteStoriesSchema = `
CREATE TABLE dedup (
	seq       INTEGER PRIMARY KEY,  -- the article (articles.seq)
	story     INTEGER NOT NULL,     -- the smallest seq of its story's articles
	day       INTEGER NOT NULL,     -- dedup.Day of its publication
	signature BLOB NOT NULL         -- dedup.Signature.MarshalBinary
);
CREATE INDEX dedup_story ON dedup(story);
CREATE TABLE dedup_bands (
	key INTEGER NOT NULL,  -- a band key of the signature (dedup.Signature.Bands), as a signed 64-bit value
	day INTEGER NOT NULL,  -- dedup.Day of the article's publication (dedup.day)
	seq INTEGER NOT NULL,
	PRIMARY KEY (key, day, seq)
) WITHOUT ROWID;
CREATE TABLE stories (
	story    INTEGER PRIMARY KEY,  -- dedup.story
	articles INTEGER NOT NULL      -- two or more: a story of one article has no row
);
`

// sqliteEntities is the entity counts table, new in version 3: every
// canonical name of the stored mentions, with its type.
const sqliteEntities = `
CREATE TABLE entities (
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	mentions INTEGER NOT NULL DEFAULT 0,
	articles INTEGER NOT NULL DEFAULT 0,
	first    TEXT NOT NULL,   -- YYYY-MM-DD: publication day of its first article (it only widens)
	last     TEXT NOT NULL,
	PRIMARY KEY (name, type)
) WITHOUT ROWID;
CREATE INDEX entities_mentions ON entities(mentions DESC);
`

const sqliteSchemaRest = `
CREATE TABLE batches (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	added   INTEGER NOT NULL,
	updated INTEGER NOT NULL
);
-- The validators of fetched URLs (see Store.Validators). A version 1 store
-- may have the table already: migrateV1 keeps it.
CREATE TABLE IF NOT EXISTS http_cache (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',  -- as the server wrote it
	fetched       TEXT NOT NULL              -- RFC 3339, when remembered
);
`

// schemaVersion reads the version of the store's schema: 0 for an empty
// database, 1 for a store that keeps it in its meta table; -1 for a
// database with tables that are not a dateline store's.
func sqliteSchemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v, tables int
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, err
	}
	if v > 0 {
		return v, nil
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&tables); err != nil {
		return 0, err
	}
	if tables == 0 {
		return 0, nil
	}
	var meta string
	if err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&meta); err != nil {
		return -1, nil
	}
	n, err := strconv.Atoi(meta)
	if err != nil {
		return -1, nil
	}
	return n, nil
}

// migrate brings the schema to sqliteVersion, in one immediate transaction
// so that processes creating or migrating the same store at once wait for
// each other. Read-only, it only checks.
func (s *sqliteStore) migrate(ctx context.Context, readOnly bool) error {
	if readOnly {
		v, err := sqliteSchemaVersion(ctx, s.db)
		switch {
		case err != nil:
			return fmt.Errorf("not a dateline store: %w", err)
		case v <= 0:
			return fmt.Errorf("not a dateline store")
		case v < sqliteVersion:
			return fmt.Errorf("%w (%d; this dateline writes %d)", errOldSchema, v, sqliteVersion)
		}
		return checkVersion(v, sqliteVersion)
	}
	// A migration rewrites tables of the whole store in one transaction:
	// with the connection's usual cache (64 MiB) the band keys of a
	// million articles (32 million rows, inserted in random order) went
	// back and forth between the cache and the WAL, a page at a time, for
	// most of an hour. The connection migrating gets a cache of up to
	// migrateCache while it does, then the usual one again.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, migrateCache>>10)); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = -%d`, connCache>>10))
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE (_txlock): one at a time
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	defer tx.Rollback()
	v, err := sqliteSchemaVersion(ctx, tx)
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	switch {
	case v < 0:
		return fmt.Errorf("not a dateline store (it has other tables)")
	case v == 0:
		if _, err := tx.ExecContext(ctx, sqliteSchema); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	case v == 1:
		if err := migrateV1(ctx, tx); err != nil {
			return fmt.Errorf("migrate schema 1 to %d: %w", sqliteVersion, err)
		}
	case sqliteMigrations[v] != nil:
		for _, step := range sqliteMigrations[v] {
			if err := step(ctx, tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, sqliteVersion, err)
			}
		}
	default:
		if err := checkVersion(v, sqliteVersion); err != nil {
			return err
		}
	}
	if v != sqliteVersion {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, sqliteVersion)); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	return tx.Commit()
}

// sqliteMigrations are the steps that bring a store of each older version
// (but 1, which migrateV1 rewrites whole) to sqliteVersion, in order.
// migrateV3 makes the story tables as version 5 has them.
var sqliteMigrations = map[int][]func(context.Context, *sql.Tx) error{
	2: {migrateV2, migrateV3, migrateV5},
	3: {migrateV3, migrateV5},
	4: {migrateV4, migrateV5},
	5: {migrateV5},
}

// migrateCache bounds the page cache of the connection that migrates a
// store (it grows only as pages are read).
const migrateCache = 3 << 30

// checkVersion refuses a schema newer than this build's.
func checkVersion(v, mine int) error {
	if v > mine {
		return fmt.Errorf("database schema %d is newer than this dateline understands (%d)", v, mine)
	}
	return nil
}

// migrateV4 brings a version 4 store to version 5: its band keys rewritten
// with their articles' days, in SQL.
func migrateV4(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`ALTER TABLE dedup_bands RENAME TO v4_dedup_bands`,
		`CREATE TABLE dedup_bands (key INTEGER NOT NULL, day INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, day, seq)) WITHOUT ROWID`,
		`INSERT INTO dedup_bands (key, day, seq) SELECT b.key, d.day, b.seq FROM v4_dedup_bands b JOIN dedup d ON d.seq = b.seq ORDER BY 1, 2, 3`,
		`DROP TABLE v4_dedup_bands`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// migrateV3 brings a version 3 store to version 5: the story tables, and
// every stored article signed (dedup.Sign of its stored text, which is what
// ingest signs) and clustered as ingest would have. Its cost is signing:
// about what annotating the time expressions of the articles again would
// cost, once.
func migrateV3(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, sqliteStoriesSchema); err != nil {
		return err
	}
	return sqliteSignStored(ctx, tx)
}

// migrateV2 brings a version 2 store to version 3: the entity counts and
// each article's share of them, empty. Its articles keep their columns,
// which decode without entities or quotes (Doc.Entities false) and whose
// digests no longer match what ingest computes: ingesting them again
// annotates and replaces them (see digest), and the commands that read
// entities say how many lack them.
func migrateV2(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`ALTER TABLE articles ADD COLUMN names TEXT NOT NULL DEFAULT ''`, sqliteEntities} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// migrateV1 rewrites a version 1 store as version 2, in tx: the old tables
// are renamed, the new ones created, every article read back with its
// sentences and time expressions and written as ingest writes it, and the
// old tables dropped.
func migrateV1(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`DROP INDEX IF EXISTS articles_day`, `DROP INDEX IF EXISTS timexes_sentence`, `DROP INDEX IF EXISTS timexes_day`,
		`DROP TABLE IF EXISTS sentences_fts`,
		`ALTER TABLE timexes RENAME TO v1_timexes`, `ALTER TABLE sentences RENAME TO v1_sentences`,
		`ALTER TABLE articles RENAME TO v1_articles`,
		sqliteSchema,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	sents, err := tx.PrepareContext(ctx, `SELECT id, idx, start, end, text FROM v1_sentences WHERE article_id = ? ORDER BY idx`)
	if err != nil {
		return err
	}
	defer sents.Close()
	timexes, err := tx.PrepareContext(ctx, `SELECT t.sentence_id, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq
		FROM v1_timexes t JOIN v1_sentences s ON s.id = t.sentence_id WHERE s.article_id = ? ORDER BY t.sentence_id, t.start`)
	if err != nil {
		return err
	}
	defer timexes.Close()
	var last int64
	for {
		var recs []*record
		var arts []article.Article
		err := queryRows(ctx, tx, `SELECT rowid, id, published, title, url, source, origin, body FROM v1_articles
			WHERE rowid > ? ORDER BY rowid LIMIT 256`, []any{last}, func(rows *sql.Rows) error {
			var a article.Article
			var pub string
			if err := rows.Scan(&last, &a.ID, &pub, &a.Title, &a.URL, &a.Source, &a.Origin, &a.Text); err != nil {
				return err
			}
			var err error
			if a.Published, err = time.Parse(timeFormat, pub); err != nil {
				return fmt.Errorf("article %s: bad publication time %q", a.ID, pub)
			}
			arts = append(arts, a)
			return nil
		})
		if err != nil || len(arts) == 0 {
			if err == nil {
				break
			}
			return err
		}
		for _, a := range arts {
			d, err := readV1Doc(ctx, sents, timexes, a)
			if err != nil {
				return err
			}
			r, err := prepare(d)
			if err != nil {
				return err
			}
			recs = append(recs, r)
		}
		if _, _, err := sqliteWriteTx(ctx, tx, ftsBits, recs, batchWords(recs)); err != nil {
			return err
		}
	}
	for _, q := range []string{`DROP TABLE v1_timexes`, `DROP TABLE v1_sentences`, `DROP TABLE v1_articles`, `DROP TABLE meta`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// readV1Doc reads the sentences and time expressions of a version 1
// article.
func readV1Doc(ctx context.Context, sents, timexes *sql.Stmt, a article.Article) (annotate.Doc, error) {
	d := annotate.Doc{Article: a}
	at := map[int64]int{}
	rows, err := sents.QueryContext(ctx, a.ID)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var id int64
		var sn annotate.Sentence
		if err := rows.Scan(&id, &sn.Index, &sn.Start, &sn.End, &sn.Text); err != nil {
			rows.Close()
			return d, err
		}
		at[id] = len(d.Sentences)
		d.Sentences = append(d.Sentences, sn)
	}
	if err := rows.Close(); err != nil {
		return d, err
	}
	rows, err = timexes.QueryContext(ctx, a.ID)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var sid int64
		var x timex.Timex
		var typ string
		if err := rows.Scan(&sid, &x.Start, &x.End, &x.Text, &typ, &x.Value, &x.Mod, &x.Quant, &x.Freq); err != nil {
			return d, err
		}
		x.Type = timex.Type(typ)
		if i, ok := at[sid]; ok {
			d.Sentences[i].Timexes = append(d.Sentences[i].Timexes, x)
		}
	}
	return d, rows.Err()
}
