// Package store keeps annotated articles — their sentences and time
// expressions — in a database, so that later questions need not read and
// annotate again: an embedded SQLite file (the default; WAL, FTS5) or a
// PostgreSQL server (a postgres:// URL; tsvector, GIN), chosen by the
// location given to Open. Both backends answer the same methods with the
// same results, except the relevance score of a search hit (bm25 in SQLite,
// within the index partition of the hit: see sqlite_fts.go; ts_rank in
// PostgreSQL); one conformance suite checks both.
//
// It sits after annotation in dateline's pipeline (read → annotate → store →
// rank → render). What the methods promise, whichever the backend:
//
//   - Put and Ingest write a batch in one transaction and are idempotent: an
//     article whose id is stored with the same content is skipped, one whose
//     content changed replaces the stored version. Several processes may
//     ingest into one store at once (PostgreSQL: from many machines);
//     whatever the interleaving, nothing is lost or stored twice.
//   - Ingest annotates and prepares articles (index terms, counts) in its
//     worker goroutines: the database only stores.
//   - Docs streams the articles a Filter selects. A Filter's keywords and
//     query only ever widen what timeline.Selection will accept (a
//     prefilter through the full-text index); the exact choice of sentences
//     is the timeline's.
//   - Search finds sentences by their index terms (text.Terms: case-folded
//     words, stemmed, stop words left out) — the same terms timelines match
//     queries with.
//   - Stats, Article and Version read counts kept at ingest, one article,
//     and a number that changes with every write.
//   - Every article belongs to a story, assigned at ingest (stories.go):
//     its copies and updated versions, exactly the clusters dedup.Index
//     forms of the stored articles, whatever the batches, their order and
//     the writers. Candidates come through an indexed table of LSH band
//     keys; dedup's own rule (dedup.Options.SameStory) decides. A changed
//     article that replaces the stored one is signed again, and its old
//     story clustered again without it. Docs and Article give each
//     document its story (Doc.Story), Siblings the other articles of one,
//     Stats the stories of two or more. Concurrent PostgreSQL writers take
//     turns for this one step only, under an advisory lock held to commit:
//     without it, two writers storing two copies at once would each miss
//     the other's uncommitted copy. Union-find on read was the other way;
//     it would leave every reader to join clusters, and no stored story
//     would be an article's story until then.
//
// The method names and result types (Docs, Search, Stats, Article, Version,
// Put, Ingest; Filter, Query, Hit, Stats, IngestResult) are the package's
// contract with the command line and the server; both backends keep them.
package store
