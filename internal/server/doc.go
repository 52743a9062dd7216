// Package server is dateline serve: a JSON API over a store (timelines,
// search, one article with its sentences and time expressions, stats, live
// ingest) and the web page that uses it, embedded in the binary.
//
// It sits beside render at the bottom of the pipeline: it reads through the
// small Store interface it declares (the SQLite store satisfies it, and so
// must any other backend), builds timelines with internal/timeline, and
// writes every format with internal/render, so the page, the API and the
// CLI print the same thing.
//
// The page is safe by construction: it inserts article data only as text
// (never as HTML), links only http(s) URLs, and is served with a
// Content-Security-Policy that allows scripts and styles from the server
// alone. Only the embedded assets are ever served as files.
package server
