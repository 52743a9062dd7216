// Package store keeps annotated articles — their sentences and time
// expressions — in an embedded SQLite database (WAL, FTS5 full-text index on
// sentences), so that later questions need not read and annotate again.
//
// It sits after annotation in dateline's pipeline (read → annotate → store →
// rank → render). Writes are transactional per batch and idempotent: an
// article whose id is already stored is skipped, never duplicated.
package store
