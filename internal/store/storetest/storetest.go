// Package storetest gives tests the location of a new, empty store of each
// backend: an SQLite file in the test's temporary directory, and — when
// DATELINE_TEST_POSTGRES names a PostgreSQL server — a schema of the test's
// own on it (its URL with search_path set), dropped when the test ends. A
// test of a PostgreSQL store skips, saying what to set, without a server.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvPostgres names the environment variable that gives the PostgreSQL
// server of the tests (.ci/postgres sets one up).
const EnvPostgres = "DATELINE_TEST_POSTGRES"

// SkipMessage says why a PostgreSQL test is skipped.
const SkipMessage = "PostgreSQL half skipped: set " + EnvPostgres + " to a database URL (.ci/postgres sets one up)"

// ForEach runs test, in parallel subtests "sqlite" and "postgres", with the
// location of a new store of each backend.
func ForEach(t *testing.T, test func(t *testing.T, loc string)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		test(t, SQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		test(t, Postgres(t))
	})
}

// SQLite returns the path of a new SQLite store in t's temporary directory.
func SQLite(t testing.TB) string { return filepath.Join(t.TempDir(), "store.db") }

// Postgres returns the URL of a new schema on the test server, or skips t.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(SkipMessage)
	}
	url, drop, err := NewSchema(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return url
}

// NewSchema creates a schema with a random name on the server at base and
// returns the URL of a store in it, and a function that drops it.
func NewSchema(base string) (url string, drop func() error, err error) {
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dateline_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop = func() error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		return err
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema, drop, nil
}
