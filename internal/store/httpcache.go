package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// The http_cache table remembers, per URL, the validators of the last
// response fetched (fetch.Cache), so that ingesting a URL again is a
// conditional request. Both backends create it in their schema: SQLite in
// version 2 (a version 1 store keeps the table it may already have),
// PostgreSQL in migration 2.

// Validators returns the ETag and Last-Modified remembered for url, or
// empty strings (fetch.Cache).
func (s *Store) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	etag, lastModified, err = s.b.validators(ctx, url)
	if err != nil {
		return "", "", fmt.Errorf("store: http cache: %w", err)
	}
	return etag, lastModified, nil
}

// Remember stores the validators of url, replacing earlier ones
// (fetch.Cache).
func (s *Store) Remember(ctx context.Context, url, etag, lastModified string) error {
	if err := s.b.remember(ctx, url, etag, lastModified, time.Now().UTC()); err != nil {
		return fmt.Errorf("store: http cache: %w", err)
	}
	return nil
}

func (s *sqliteStore) validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_cache WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return etag, lastModified, err
}

func (s *sqliteStore) remember(ctx context.Context, url, etag, lastModified string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO http_cache(url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
		url, etag, lastModified, at.Format(time.RFC3339))
	return err
}

func (p *pgStore) validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = p.pool.QueryRow(ctx, `SELECT etag, last_modified FROM http_cache WHERE url = $1`, url).Scan(&etag, &lastModified)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", nil
	}
	return etag, lastModified, err
}

func (p *pgStore) remember(ctx context.Context, url, etag, lastModified string, at time.Time) error {
	_, err := p.pool.Exec(ctx, `INSERT INTO http_cache(url, etag, last_modified, fetched) VALUES ($1, $2, $3, $4)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
		url, etag, lastModified, at)
	return err
}
