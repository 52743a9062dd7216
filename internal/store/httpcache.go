package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// httpCacheSchema is the table that remembers, per URL, the validators of
// the last response fetched (fetch.Cache), so that ingesting a URL again is
// a conditional request. It is its own migration step: stores made before it
// get the table the first time they are opened by a dateline that knows it,
// and older dateline versions ignore it.
const httpCacheSchema = `
CREATE TABLE http_cache (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',  -- as the server wrote it
	fetched       TEXT NOT NULL              -- RFC 3339, when remembered
);`

// schemaExec is what a migration step needs: a *sql.DB, or the *sql.Tx the
// schema is created in.
type schemaExec interface {
	Exec(query string, args ...any) (sql.Result, error)
	QueryRow(query string, args ...any) *sql.Row
}

// migrateHTTPCache creates http_cache if the store has none. It is the
// whole of the migration step: call it wherever the schema is created
// (never on a read-only open).
func migrateHTTPCache(db schemaExec) error {
	var one int
	err := db.QueryRow(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'http_cache'`).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if _, err := db.Exec(httpCacheSchema); err != nil {
		return fmt.Errorf("create http_cache: %w", err)
	}
	return nil
}

// Validators returns the ETag and Last-Modified remembered for url, or
// empty strings (fetch.Cache).
func (s *Store) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_cache WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: http cache: %w", err)
	}
	return etag, lastModified, nil
}

// Remember stores the validators of url, replacing earlier ones
// (fetch.Cache).
func (s *Store) Remember(ctx context.Context, url, etag, lastModified string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO http_cache(url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
		url, etag, lastModified, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("store: http cache: %w", err)
	}
	return nil
}
