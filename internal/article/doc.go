// Package article holds the unit dateline reads — a dated news article — and
// the readers that stream articles out of files, directories, compressed files,
// standard input and URLs: dateline's own text and JSON Lines, other tools'
// JSON and CSV records (one alias table, recordFields), web pages
// (go-trafilatura for the text and metadata, go-htmldate for the date), WARC
// archives (gowarc) and RSS, Atom and JSON feeds (gofeed).
//
// It is the first stage of the pipeline (read → annotate → store → rank →
// render). Readers never stop at a bad record: they yield a *RecordError that
// names the file and line (or a WARC record's byte offset, or a URL), and go
// on with the next record. Web access goes through the Fetcher interface
// declared here; internal/fetch implements it politely.
//
// Hand-written here: the paragraph text of extracted HTML (trafilatura's
// plain text runs a headline into the first sentence) and the choice of
// charset (x/net/html/charset's rules, with undeclared valid UTF-8 kept).
package article
