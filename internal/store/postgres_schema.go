package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pgMigrations are the PostgreSQL schema's versions, in order: migration i
// brings a database from version i to i+1. dateline_schema records the
// versions applied. Every text that is ordered or compared is in the "C"
// collation, so that both backends order ids and labels alike.
//
// Version 1: an article's sentences and time expressions are one binary
// column of its row (see encodeSentences); sentences holds each sentence's
// index terms as a tsvector ('simple' configuration over text.Terms) under
// the sentence id (see sentenceID), with a GIN index, partitioned by ranges
// of ids (see blockBits); words is the
// vocabulary that keyword prefilters search; days, sources and batches are
// the counts kept at ingest.
//
// Version 2: http_cache, the validators of fetched URLs (see
// Store.Validators).
//
// Version 3: entities, the entity counts kept at ingest, and each article's
// share of them (names). An article stored before decodes without entities
// or quotes (Doc.Entities false); its digest no longer matches what ingest
// computes, so ingesting it again annotates and replaces it.
//
// Version 4: dedup, dedup_bands and stories, each article's near-duplicate
// signature and story (see assignStories).
//
// Version 5: dedup_bands keyed by band key and publication day, so that
// candidates are read for the days dedup's rule allows only (see bandProbe);
// pgMigrationFill signs and clusters the articles a version 3 store holds.
var pgMigrations = []string{`
CREATE SEQUENCE article_seq;
CREATE TABLE articles (
	seq       bigint PRIMARY KEY DEFAULT nextval('article_seq'),
	id        text COLLATE "C" NOT NULL UNIQUE,
	published text NOT NULL,
	day       date NOT NULL,
	title     text NOT NULL DEFAULT '',
	url       text NOT NULL DEFAULT '',
	source    text COLLATE "C" NOT NULL DEFAULT '',
	origin    text NOT NULL DEFAULT '',
	body      text NOT NULL,
	sentences bytea NOT NULL,
	digest    text NOT NULL,
	nsent     bigint NOT NULL,
	ntimex    bigint NOT NULL,
	nresolved bigint NOT NULL,
	refs      text NOT NULL,
	ingested  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_day ON articles (day, id) INCLUDE (seq);
CREATE TABLE sentences (
	id    bigint NOT NULL,
	terms tsvector NOT NULL,
	PRIMARY KEY (id)
) PARTITION BY RANGE (id);
CREATE INDEX sentences_terms ON sentences USING gin (terms);
CREATE TABLE words (
	word text COLLATE "C" NOT NULL,
	term text COLLATE "C" NOT NULL,
	PRIMARY KEY (word, term)
);
CREATE TABLE days (
	day       date PRIMARY KEY,
	articles  bigint NOT NULL DEFAULT 0,
	sentences bigint NOT NULL DEFAULT 0,
	timexes   bigint NOT NULL DEFAULT 0,
	resolved  bigint NOT NULL DEFAULT 0,
	refs      bigint NOT NULL DEFAULT 0
);
CREATE TABLE sources (
	source   text COLLATE "C" PRIMARY KEY,
	articles bigint NOT NULL DEFAULT 0
);
CREATE TABLE settings (
	key   text PRIMARY KEY,
	value text NOT NULL
);
INSERT INTO settings VALUES ('block_bits', '12');  -- articles a partition of sentences: 2^12 (see blockBits)
CREATE TABLE batches (
	id      bigserial PRIMARY KEY,
	at      timestamptz NOT NULL DEFAULT now(),
	added   int NOT NULL,
	updated int NOT NULL
);
`, `
CREATE TABLE http_cache (
	url           text PRIMARY KEY,
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',  -- as the server wrote it
	fetched       timestamptz NOT NULL       -- when remembered
);
`, `
ALTER TABLE articles ADD COLUMN names text NOT NULL DEFAULT '';
CREATE TABLE entities (
	name     text COLLATE "C" NOT NULL,
	type     text COLLATE "C" NOT NULL,
	mentions bigint NOT NULL DEFAULT 0,
	articles bigint NOT NULL DEFAULT 0,
	first    text NOT NULL,  -- YYYY-MM-DD: publication day of its first article (it only widens)
	last     text NOT NULL,
	PRIMARY KEY (name, type)
);
CREATE INDEX entities_mentions ON entities (mentions DESC);
`, `
CREATE TABLE dedup (
	seq       bigint PRIMARY KEY,  -- the article (articles.seq)
	story     bigint NOT NULL,     -- the smallest seq of its story's articles
	day       int NOT NULL,        -- dedup.Day of its publication
	signature bytea NOT NULL       -- dedup.Signature.MarshalBinary
);
CREATE INDEX dedup_story ON dedup (story);
CREATE TABLE dedup_bands (
	key bigint NOT NULL,  -- a band key of the signature (dedup.Signature.Bands), as a signed 64-bit value
	seq bigint NOT NULL,
	PRIMARY KEY (key, seq)
);
CREATE TABLE stories (
	story    bigint PRIMARY KEY,
	articles bigint NOT NULL  -- two or more: a story of one article has no row
);
`, `
CREATE TABLE dedup_bands_v5 (
	key bigint NOT NULL,  -- a band key of the signature (dedup.Signature.Bands), as a signed 64-bit value
	day int NOT NULL,     -- dedup.Day of the article's publication (dedup.day)
	seq bigint NOT NULL
);
INSERT INTO dedup_bands_v5 (key, day, seq) SELECT b.key, d.day, b.seq FROM dedup_bands b JOIN dedup d ON d.seq = b.seq;
DROP TABLE dedup_bands;
ALTER TABLE dedup_bands_v5 RENAME TO dedup_bands;
ALTER TABLE dedup_bands ADD PRIMARY KEY (key, day, seq);
`}

// pgMigrationFill is what a migration computes in Go after its SQL, by the
// version it brings the store to.
var pgMigrationFill = map[int]func(context.Context, pgx.Tx) error{5: pgSignStored}

// pgLock is the advisory lock that serializes processes migrating one
// database ("dateline" as a number).
const pgLock = 0x646174656c696e65

// migrate applies the migrations this database lacks, in one transaction
// under an advisory lock, so that processes creating the same store at once
// wait for each other. Read-only, it checks the version, and migrates an
// older store with a connection of its own that may write.
func (p *pgStore) migrate(ctx context.Context, readOnly bool) error {
	if readOnly {
		var v int
		err := p.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM dateline_schema`).Scan(&v)
		var pe *pgconn.PgError
		switch {
		case errors.As(err, &pe) && pe.Code == "42P01": // undefined_table
			return ErrNoStore
		case err != nil:
			return err
		case v < len(pgMigrations):
			return fmt.Errorf("%w (%d; this dateline writes %d): open it once for writing (dateline ingest) to migrate it",
				errOldSchema, v, len(pgMigrations))
		}
		return checkVersion(v, len(pgMigrations))
	}
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(pgLock)); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS dateline_schema (version int PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM dateline_schema`).Scan(&v); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if err := checkVersion(v, len(pgMigrations)); err != nil {
		return err
	}
	for ; v < len(pgMigrations); v++ {
		if _, err := tx.Exec(ctx, pgMigrations[v]); err != nil {
			return fmt.Errorf("migrate schema to %d: %w", v+1, err)
		}
		if fill := pgMigrationFill[v+1]; fill != nil {
			if err := fill(ctx, tx); err != nil {
				return fmt.Errorf("migrate schema to %d: %w", v+1, err)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO dateline_schema (version) VALUES ($1)`, v+1); err != nil {
			return fmt.Errorf("migrate schema to %d: %w", v+1, err)
		}
	}
	return tx.Commit(ctx)
}

// settings reads what the store was created with.
func (p *pgStore) settings(ctx context.Context) error {
	n, err := readBits(ctx, p.querier(), "block_bits", 30)
	p.blockBits = n
	return err
}
