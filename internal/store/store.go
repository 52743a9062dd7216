package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
)

// DefaultPath is where the store lives unless told otherwise.
const DefaultPath = "dateline.db"

// Store is an open dateline database: an SQLite file or a PostgreSQL
// database. It is safe for concurrent use.
type Store struct {
	b      backend
	loc    string // where the store is, for messages (a URL without its password)
	window int    // SearchWindow, unless a test changes it
}

// backend is what each database does; Store adds what both share (ingest's
// pipeline, query and prefilter building, the counts' arithmetic).
type backend interface {
	// write stores the records in one transaction: new ids are inserted,
	// stored ids with another digest replaced, stored ids with the same
	// digest skipped (a concurrent writer may have stored them meanwhile).
	// newWords are (word, term) pairs the vocabulary may lack.
	write(ctx context.Context, recs []*record, newWords []wordTerm) (added, updated int, err error)
	// digests returns the content digest of each of ids that is stored.
	digests(ctx context.Context, ids []string) (map[string]string, error)
	// docs calls fn with the articles of the date range that have a
	// sentence matching m (every article of the range when m is nil), by
	// publication day, then id; sp bounds the sentence ids the index is
	// asked for (see span).
	docs(ctx context.Context, f Filter, m *match, sp span, fn func(annotate.Doc) error) error
	// recent calls fn with the seq and text of the articles of f's date
	// range within sp, the most recently stored first, at most n of them,
	// while fn says go on. Only the text is read: the rest of a row that
	// fn wants comes from hitRows.
	recent(ctx context.Context, f Filter, sp span, n int, fn func(seq int64, body string) (bool, error)) error
	// hitRows returns the rows of the articles seqs for the hits in them,
	// by seq (a seq no longer stored is absent).
	hitRows(ctx context.Context, seqs []int64) (map[int64]hitRow, error)
	// search returns the hits of the condition, best first among the
	// window most recently stored matches within sp.
	search(ctx context.Context, q compiledQuery, f Filter, limit, window int, sp span) ([]Hit, error)
	// span returns the span of the articles of f's date range.
	span(ctx context.Context, f Filter) (span, error)
	// compile turns a search query into what search takes.
	compile(q Query) (compiledQuery, error)
	// vocabulary returns the distinct (folded word, term) pairs whose word
	// contains piece, at most limit+1 of them.
	vocabulary(ctx context.Context, piece string, limit int) ([]wordTerm, error)
	stats(ctx context.Context) (Stats, error)
	querier() rowQuerier                                          // for the SQL both backends speak alike
	article(ctx context.Context, id string) (annotate.Doc, error) // wraps ErrNotFound
	// siblings returns the other articles of id's story, at most limit.
	siblings(ctx context.Context, id string, limit int) ([]Sibling, error)
	version(ctx context.Context) (int64, error)
	// validators and remember read and write the http_cache row of url
	// (see Store.Validators).
	validators(ctx context.Context, url string) (etag, lastModified string, err error)
	remember(ctx context.Context, url, etag, lastModified string, at time.Time) error
	close() error
}

// compiledQuery is a search query in a backend's own syntax, with its
// parameters.
type compiledQuery struct {
	text string // FTS5 MATCH expression, or SQL tsquery expression
	args []any
	raw  bool // from Query.Raw: errors are the user's syntax
	q    Query
}

// ErrNoStore is returned by OpenExisting when there is no store at the
// location: no such file, or a PostgreSQL database without dateline's
// tables.
var ErrNoStore = errors.New("no such store")

// ErrNotFound is returned (wrapped) by Article for an id the store does not
// hold.
var ErrNotFound = errors.New("no such article")

// Open opens the store at location for reading and writing, creating it
// (or its tables) if needed and migrating an older schema. location is a
// PostgreSQL URL (postgres:// or postgresql://) or else an SQLite file name,
// whatever characters it has ("a#b.db", "%41", "x?y" are names); only a
// name that starts with "file:" is taken as an SQLite URI. Opening is safe
// when other processes open or create the same store at the same time.
func Open(location string) (*Store, error) {
	return open(location, false)
}

// OpenExisting opens the store at location read-only, and only if it
// exists: commands that only read must not leave an empty database behind a
// mistyped location, and must work on a store they may not write.
func OpenExisting(location string) (*Store, error) {
	return open(location, true)
}

func open(location string, readOnly bool) (*Store, error) {
	var b backend
	var err error
	loc := location
	if IsURL(location) {
		loc = redact(location)
		b, err = openPostgres(location, readOnly)
	} else {
		b, err = openSQLite(location, readOnly)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return &Store{b: b, loc: loc, window: SearchWindow}, nil
}

// IsURL reports whether location names a PostgreSQL database rather than
// an SQLite file.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// redact returns a URL without its password, for messages.
func redact(location string) string {
	u, err := url.Parse(location)
	if err != nil {
		return "postgres://(unreadable URL)"
	}
	return u.Redacted()
}

// Path returns where the store is: its file, or its URL without the
// password.
func (s *Store) Path() string { return s.loc }

// Backend names the database: "sqlite" or "postgres".
func (s *Store) Backend() string {
	if _, ok := s.b.(*pgStore); ok {
		return "postgres"
	}
	return "sqlite"
}

// Close closes the database.
func (s *Store) Close() error { return s.b.close() }

// Put writes docs in one transaction and returns how many were new and how
// many replaced a stored article. An article whose id is stored with the
// same content (publication time, title, URL, source and text) is skipped
// whole; one whose content changed replaces the stored version — its
// sentences, time expressions and index entries with it. An id given twice
// in docs is written once, the first time. A document the store cannot
// hold (more sentences than maxSentences) fails the whole batch.
func (s *Store) Put(ctx context.Context, docs []annotate.Doc) (added, updated int, err error) {
	recs := make([]*record, 0, len(docs))
	p := newPreparer()
	for _, d := range docs {
		r, err := p.prepare(d)
		if err != nil {
			return 0, 0, err
		}
		recs = append(recs, r)
	}
	return s.write(ctx, recs)
}

// write stores prepared records (the first of each id) with their words.
func (s *Store) write(ctx context.Context, recs []*record) (added, updated int, err error) {
	seen := make(map[string]bool, len(recs))
	uniq := recs[:0:0]
	for _, r := range recs {
		if !seen[r.a.ID] {
			seen[r.a.ID] = true
			uniq = append(uniq, r)
		}
	}
	return s.b.write(ctx, uniq, batchWords(recs))
}

// Docs loads the articles that f selects — those of its date range that may
// have a sentence matching its keywords and query (see Filter) — with their
// text, sentences and time expressions, ordered by publication day, then
// id.
func (s *Store) Docs(ctx context.Context, f Filter) ([]annotate.Doc, error) {
	var docs []annotate.Doc
	err := s.EachDoc(ctx, f, func(d annotate.Doc) error {
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// EachDoc calls fn with each article that Docs would return, in the same
// order, as it is read: the store holds no more than one article at a time.
// An error from fn stops the reading and is returned.
func (s *Store) EachDoc(ctx context.Context, f Filter, fn func(annotate.Doc) error) error {
	m, none, err := s.prefilter(ctx, f)
	if err != nil {
		return fmt.Errorf("load documents: %w", err)
	}
	if none {
		return nil
	}
	sp, err := s.span(ctx, f, m != nil)
	if err != nil {
		return fmt.Errorf("load documents: %w", err)
	}
	if sp.empty {
		return nil
	}
	if err := s.b.docs(ctx, f, m, sp, fn); err != nil {
		return fmt.Errorf("load documents: %w", err)
	}
	return nil
}

// span is a range of article sequence numbers, and so of sentence ids:
// those of the articles of a date range. Articles are numbered as they are
// stored, so an archive ingested more or less in order of publication has
// the articles of a date range in a narrow span, and the full-text index,
// asked for the ids of one span, reads the matches of that span only — not
// every match of a common word in an archive many times larger than the
// range. (It is right whatever the order; it only saves less.)
type span struct {
	lo, hi int64 // inclusive; both 0 with all
	all    bool  // no bound: every sentence id
	empty  bool  // the range has no articles
}

// ids returns the first and last sentence ids of the span.
func (sp span) ids() (int64, int64) { return sentenceID(sp.lo, 0), sentenceID(sp.hi, maxSentences) }

// span returns the span of f's date range when the index will be asked
// (indexed), and when the range is bounded.
func (s *Store) span(ctx context.Context, f Filter, indexed bool) (span, error) {
	if !indexed || (f.From.IsZero() && f.To.IsZero()) {
		return span{all: true}, nil
	}
	return s.b.span(ctx, f)
}

// readBits reads a partition size of the store's settings table (both
// backends keep one): a number of bits from 0 to max. key is one of the
// constant names, never input.
func readBits(ctx context.Context, q rowQuerier, key string, max int) (int, error) {
	var v string
	if err := q.queryRow(ctx, `SELECT value FROM settings WHERE key = '`+key+`'`, &v); err != nil {
		return 0, fmt.Errorf("read settings: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > max {
		return 0, fmt.Errorf("read settings: %s %q", key, v)
	}
	return n, nil
}

// SearchWindow is how many of the most recently stored matching sentences
// Search ranks, at most: the cost of a search is then bounded whatever the
// size of the archive (a word common in a million articles has millions of
// matches, and bm25 or ts_rank is computed for every one it ranks). In a
// store, or a date range read article by article, with fewer matches, every
// match is ranked. It was 5,000: a thousand cost a server's search 42% less
// CPU on the T17 store (bm25 reads each ranked sentence's length from the
// index) and still ranks every match of all but the commonest words.
const SearchWindow = 1000

// Search returns the sentences that match q, best first, among the articles
// that f's date range selects (f's keywords and query are not used) — best
// of the SearchWindow most recently stored matches. A plain query of stop
// words only is looked for as a phrase through the text of the newest
// SearchWindow articles, newest first (see stopPhrase). A query with no
// word is ErrEmptyQuery; a raw query that the backend refuses is a
// *QueryError.
func (s *Store) Search(ctx context.Context, q Query, f Filter, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = 20
	}
	phrase := stopPhrase(q)
	cq, err := s.b.compile(q)
	if err != nil && (phrase == "" || !errors.Is(err, ErrEmptyQuery)) {
		return nil, err
	}
	sp, err := s.span(ctx, f, true)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if sp.empty {
		return nil, nil
	}
	if phrase != "" {
		return s.searchPhrase(ctx, phrase, f, limit, sp)
	}
	return s.b.search(ctx, cq, f, limit, s.window, sp)
}

// Stats summarizes what the store holds, from the counts kept at ingest.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st, err := s.b.stats(ctx)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Path = s.loc
	return st, nil
}

// EntityCount is one canonical entity name as the store counts it.
type EntityCount struct {
	Name, Type         string
	Mentions, Articles int
	First, Last        time.Time // publication days of its first and last article (they only widen: replacing an article does not narrow them)
}

// Records returns counts as the records entity.Group gathers into entities.
func Records(counts []EntityCount) []entity.Record {
	out := make([]entity.Record, len(counts))
	for i, c := range counts {
		out[i] = entity.Record{Name: c.Name, Type: entity.Type(c.Type), Count: c.Mentions, Articles: c.Articles}
	}
	return out
}

// Entities returns the counts of every canonical entity name of the stored
// mentions, most mentioned first (then by name and type): what entity.Group
// gathers into entities with their aliases. The counts are kept at ingest.
func (s *Store) Entities(ctx context.Context) ([]EntityCount, error) {
	var out []EntityCount
	err := s.b.querier().query(ctx, `SELECT name, type, mentions, articles, first, last FROM entities WHERE articles > 0
		ORDER BY mentions DESC, name, type`, nil, func(scan func(...any) error) error {
		var e EntityCount
		var first, last string
		if err := scan(&e.Name, &e.Type, &e.Mentions, &e.Articles, &first, &last); err != nil {
			return err
		}
		e.First, _ = time.Parse(time.DateOnly, first)
		e.Last, _ = time.Parse(time.DateOnly, last)
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}

// Article loads one stored article with its text, sentences and time
// expressions. An unknown id gives an error wrapping ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (annotate.Doc, error) {
	return s.b.article(ctx, id)
}

// Version returns a number that changes whenever articles are added or
// replaced, by this process or another: caches of what the store answered
// are good while it stays the same.
func (s *Store) Version(ctx context.Context) (int64, error) {
	v, err := s.b.version(ctx)
	if err != nil {
		return 0, fmt.Errorf("store version: %w", err)
	}
	return v, nil
}

// IngestResult counts what an ingest did.
type IngestResult struct {
	Read    int // articles read
	Added   int // articles new to the store
	Updated int // articles stored before with other content, replaced
	Skipped int // articles already stored as they are, or given twice (not annotated again)
	Bad     int // records that could not be read (or stored)
}

// Annotator annotates one article; annotate.Annotator is one. Ingest calls
// it from several goroutines at once.
type Annotator interface {
	Annotate(a article.Article) annotate.Doc
}

// Ingest annotates the articles of arts that the store does not hold yet,
// or holds with other content (see Put: the new version replaces the old;
// an article stored as it is is skipped before annotation), and writes them
// in transactions of batch documents. workers goroutines annotate and
// prepare articles while the batch before is written. Read errors go to
// onBad, are counted, and ingest goes on; progress (if not nil) gets the
// running totals after every article and every batch, from one goroutine at
// a time. A failure to write stops ingest: what earlier batches wrote stays,
// the failed batch is rolled back whole.
func (s *Store) Ingest(ctx context.Context, arts iter.Seq2[article.Article, error], an Annotator, workers, batch int,
	onBad func(error), progress func(IngestResult)) (IngestResult, error) {
	if batch <= 0 {
		batch = DefaultBatch
	}
	in := newIngest(s, progress)
	fresh := in.fresh(ctx, arts)
	// Each worker takes a preparer for one article at a time:
	// a record only leaves out words of records taken before it, which are
	// written before it.
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, annotate.MaxWorkers)
	preparers := make(chan *preparer, workers)
	for range workers {
		preparers <- newPreparer()
	}
	prepared := annotate.Map(fresh, workers, func(a article.Article) prepResult {
		p := <-preparers // at most workers calls at once: never waits
		defer func() { preparers <- p }()
		r, err := p.prepare(an.Annotate(a))
		return prepResult{r, err}
	})
	w := in.startWriter(ctx)
	buf := make([]*record, 0, batch)
	for p, err := range prepared {
		if err == nil {
			err = p.err
		}
		if err != nil {
			in.report(func(r *IngestResult) { r.Bad++ })
			if onBad != nil {
				onBad(err)
			}
			continue
		}
		in.report(func(r *IngestResult) { r.Read++ })
		buf = append(buf, p.rec)
		if len(buf) == batch {
			if !w.send(buf) {
				break
			}
			buf = make([]*record, 0, batch)
		}
		if ctx.Err() != nil {
			break
		}
	}
	if len(buf) > 0 {
		w.send(buf)
	}
	if err := w.finish(); err != nil {
		return in.result(), err
	}
	if err := in.freshErr; err != nil {
		return in.result(), fmt.Errorf("store: %w", err)
	}
	return in.result(), ctx.Err()
}

// DefaultBatch is how many articles Ingest writes in one transaction unless
// told otherwise.
const DefaultBatch = 512

type prepResult struct {
	rec *record
	err error
}

// timeFormat is how publication times are kept: RFC 3339, which keeps the
// offset the article gave.
const timeFormat = time.RFC3339
