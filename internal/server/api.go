package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timeline"
)

// route is one method and path the server answers.
type route struct {
	Method  string
	Pattern string // http.ServeMux pattern
	Handler http.Handler
}

// routes lists everything the server answers; every /api/ and /healthz
// route is described in openapi.json (a test checks both ways).
func (s *Server) routes() []route {
	h := func(f func(http.ResponseWriter, *http.Request) error) http.Handler { return apiHandler(f) }
	return []route{
		{"GET", "/healthz", h(s.handleHealth)},
		{"GET", "/api/timeline", h(s.handleTimeline)},
		{"GET", "/api/search", h(s.handleSearch)},
		{"GET", "/api/articles/{id...}", h(s.handleArticle)},
		{"POST", "/api/articles", h(s.handleIngest)},
		{"GET", "/api/stats", h(s.handleStats)},
		{"GET", "/api/quotes", h(s.handleQuotes)},
		{"GET", "/api/entities", h(s.handleEntities)},
		{"GET", "/api/events", http.HandlerFunc(s.handleEvents)},
		{"GET", "/api/openapi.json", http.HandlerFunc(serveOpenAPI)},
		{"", "/api/", h(s.handleUnknown)},
		{"GET", "/{$}", http.HandlerFunc(serveIndex)},
		{"GET", "/assets/{path...}", http.HandlerFunc(serveAsset)},
	}
}

// handleUnknown answers the API paths no route takes: 405 (with Allow) for
// a known path asked with another method, 404 otherwise.
func (s *Server) handleUnknown(w http.ResponseWriter, r *http.Request) error {
	var allow []string
	for _, rt := range s.routes() {
		if rt.Method == "" {
			continue
		}
		p, wild := strings.CutSuffix(rt.Pattern, "{id...}")
		if r.URL.Path == rt.Pattern || (wild && strings.HasPrefix(r.URL.Path, p) && len(r.URL.Path) > len(p)) {
			allow = append(allow, rt.Method)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return errorf(http.StatusMethodNotAllowed, "%s %s: method not allowed (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", "))
	}
	return errorf(http.StatusNotFound, "no such API route: %s", r.URL.Path)
}

// statusError is an error with the HTTP status it answers.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &statusError{status, fmt.Sprintf(format, args...)}
}

// apiHandler writes an error returned by f as JSON {"error", "status"}:
// its own status for a *statusError, 404 for an unknown article, 400 for a
// bad search query, 499-less 503 when the client went away, 500 otherwise.
func apiHandler(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := f(w, r)
		if err == nil {
			return
		}
		status := http.StatusInternalServerError
		msg := "internal error"
		var se *statusError
		var mbe *http.MaxBytesError
		var qe *store.QueryError
		switch {
		case errors.As(err, &se):
			status, msg = se.status, se.msg
		case errors.As(err, &mbe):
			status, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over %d bytes", mbe.Limit)
		case errors.Is(err, store.ErrNotFound):
			status, msg = http.StatusNotFound, err.Error()
		case errors.As(err, &qe), errors.Is(err, store.ErrEmptyQuery):
			status, msg = http.StatusBadRequest, err.Error()
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			status, msg = http.StatusServiceUnavailable, "request cancelled"
		}
		if status == http.StatusInternalServerError {
			logError(r, err)
		}
		writeJSON(w, status, map[string]any{"error": msg, "status": status})
	})
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.cfg.Store.Version(r.Context()); err != nil {
		return errorf(http.StatusServiceUnavailable, "store unavailable: %v", err)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": s.version.Load()})
}

// params reads a request's query string, refusing names not in allowed
// (a misspelt parameter is an error, not a silent default).
type params struct {
	q   map[string][]string
	err error
}

func newParams(r *http.Request, allowed ...string) *params {
	q := r.URL.Query()
	p := &params{q: q}
	for k := range q {
		if !slices.Contains(allowed, k) {
			p.fail("unknown parameter %q (known: %s)", k, strings.Join(allowed, ", "))
		}
	}
	return p
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = errorf(http.StatusBadRequest, format, args...)
	}
}

func (p *params) str(name string) string {
	v := p.q[name]
	if len(v) > 1 {
		p.fail("parameter %q given %d times", name, len(v))
	}
	if len(v) == 0 {
		return ""
	}
	return strings.TrimSpace(v[0])
}

// int reads an integer in [lo, hi], def when absent.
func (p *params) int(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// day reads a day (YYYY-MM-DD or RFC 3339).
func (p *params) day(name string) time.Time {
	s := p.str(name)
	if s == "" {
		return time.Time{}
	}
	t, err := article.ParseDate(s)
	if err != nil {
		p.fail("%s: %v", name, err)
	}
	return t
}

// Bounds of the timeline parameters.
const (
	maxDates   = 500
	maxPerDate = 20
	maxHits    = 500
)

// timelineRequest is what a timeline request asks for.
type timelineRequest struct {
	opt      timeline.Options
	format   render.Format
	download bool
}

func parseTimeline(r *http.Request) (timelineRequest, error) {
	p := newParams(r, "query", "keywords", "entity", "speaker", "from", "to", "dates", "per_date", "format", "download")
	var tr timelineRequest
	sel := timeline.Selection{Query: p.str("query"), Entity: p.str("entity"), Speaker: p.str("speaker"), From: p.day("from"), To: p.day("to")}
	for _, k := range strings.Split(p.str("keywords"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			sel.Keywords = append(sel.Keywords, k)
		}
	}
	tr.opt = timeline.Options{Selection: sel, Dates: p.int("dates", 10, 1, maxDates), PerDate: p.int("per_date", 1, 1, maxPerDate)}
	if !sel.From.IsZero() && !sel.To.IsZero() && sel.To.Before(sel.From) {
		p.fail("to %s is before from %s", p.str("to"), p.str("from"))
	}
	tr.format = render.JSON
	if f := p.str("format"); f != "" {
		var err error
		if tr.format, err = render.ParseFormat(f); err != nil {
			p.fail("format: %v", err)
		}
	}
	switch d := p.str("download"); d {
	case "", "0", "false":
	case "1", "true":
		tr.download = true
	default:
		p.fail("download=%q: want 1 or 0", d)
	}
	return tr, p.err
}

// key identifies the timeline a request asks for, whatever its format.
func (tr timelineRequest) key() string {
	sel := tr.opt.Selection
	who, _ := json.Marshal([]string{strings.TrimSpace(sel.Entity), strings.TrimSpace(sel.Speaker)})
	return fmt.Sprintf("%s %d %d %s", filterKey(storeFilter(sel)), tr.opt.Dates, tr.opt.PerDate, who)
}

// storeFilter is what the store is asked for to build a timeline of sel,
// as `dateline timeline` asks: the articles of its publication days that may
// belong to its topic (the store widens, timeline.Build decides), so that
// what a request loads and keeps follows its topic, not the store.
func storeFilter(sel timeline.Selection) store.Filter {
	return store.Filter{From: sel.From, To: sel.To, Keywords: sel.Keywords, Query: sel.Query}
}

// filterKey identifies the documents a filter selects: keywords are
// compared case-folded and as a set, as the store compares them.
func filterKey(f store.Filter) string {
	kw := slices.Clone(f.Keywords)
	for i := range kw {
		kw[i] = text.Fold(kw[i])
	}
	slices.Sort(kw)
	b, _ := json.Marshal([]any{f.From, f.To, slices.Compact(kw), f.Query})
	return string(b)
}

// contentTypes and extensions of the timeline formats.
var formatTypes = map[render.Format]struct{ mime, ext string }{
	render.JSON: {"application/json; charset=utf-8", "json"}, render.TLJS: {"application/json; charset=utf-8", "timelinejs.json"},
	render.CSV: {"text/csv; charset=utf-8", "csv"}, render.Markdown: {"text/markdown; charset=utf-8", "md"},
	render.Text: {"text/plain; charset=utf-8", "txt"}, render.Tilse: {"text/plain; charset=utf-8", "tilse.txt"},
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) error {
	tr, err := parseTimeline(r)
	if err != nil {
		return err
	}
	// A repeated request is a map lookup and the write of bytes rendered
	// before; a timeline asked in another format is rendered from the
	// cached timeline; only a new one is built.
	how := "miss"
	title := timelineTitle(tr.opt)
	b, hit, err := s.rendered.get(fmt.Sprintf("%s\x00%v\x00%s", tr.key(), tr.format, title), func() ([]byte, error) {
		tl, hit, err := s.cache.get(tr.key(), func() (timeline.Timeline, error) {
			tl, prepared, err := s.buildTimeline(r.Context(), tr.opt)
			if prepared {
				how = "corpus"
			}
			return tl, err
		})
		if err != nil {
			return nil, err
		}
		if hit {
			how = "hit"
		}
		var buf bytes.Buffer
		if tr.format == render.TLJS {
			err = render.WriteTimelineJS(&buf, tl, title)
		} else {
			err = render.Timeline(&buf, tl, tr.format)
		}
		return buf.Bytes(), err
	})
	if err != nil {
		return err
	}
	if hit {
		how = "hit"
	}
	ft := formatTypes[tr.format]
	w.Header().Set("Content-Type", ft.mime)
	w.Header().Set("X-Dateline-Cache", how)
	if tr.download {
		w.Header().Set("Content-Disposition", `attachment; filename="timeline.`+ft.ext+`"`)
	}
	_, err = w.Write(b)
	return err
}

// timelineTitle names a timeline by what selected it.
func timelineTitle(opt timeline.Options) string {
	parts := []string{}
	if opt.Query != "" {
		parts = append(parts, opt.Query)
	}
	if len(opt.Keywords) > 0 {
		parts = append(parts, strings.Join(opt.Keywords, ", "))
	}
	if opt.Entity != "" {
		parts = append(parts, opt.Entity)
	}
	if opt.Speaker != "" {
		parts = append(parts, "said by "+opt.Speaker)
	}
	if len(parts) == 0 {
		return "Timeline"
	}
	return "Timeline: " + strings.Join(parts, "; ")
}

// buildTimeline selects the documents as `dateline timeline` does — those
// of the request's topic and date range — and builds the timeline, at most
// cfg.Builders at a time. The documents of recent topics are kept prepared
// (a timeline.Corpus), so that another size or depth of the same topic is
// only built, not loaded again; prepared says whether they were.
func (s *Server) buildTimeline(ctx context.Context, opt timeline.Options) (tl timeline.Timeline, prepared bool, err error) {
	select {
	case s.build <- struct{}{}:
		defer func() { <-s.build }()
	case <-ctx.Done():
		return timeline.Timeline{}, false, ctx.Err()
	}
	f := storeFilter(opt.Selection)
	c, prepared, err := s.corpora.get(filterKey(f), func() (*timeline.Corpus, error) {
		docs, err := s.cfg.Store.Docs(ctx, f)
		if err != nil {
			return nil, err
		}
		return s.prep.Load().Corpus(docs), nil
	})
	if err != nil {
		return timeline.Timeline{}, false, err
	}
	return c.Build(opt), prepared, nil
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r, "q", "raw", "from", "to", "limit")
	q := store.Query{Text: p.str("q")}
	f := store.Filter{From: p.day("from"), To: p.day("to")}
	limit := p.int("limit", 20, 1, maxHits)
	switch raw := p.str("raw"); raw {
	case "", "0", "false":
	case "1", "true":
		q.Raw = true
	default:
		p.fail("raw=%q: want 1 (FTS5 syntax) or 0 (plain words, the default)", raw)
	}
	if q.Text == "" {
		p.fail(`missing parameter "q" (the search query)`)
	}
	if p.err != nil {
		return p.err
	}
	key, _ := json.Marshal([]any{"search", q.Text, q.Raw, f.From, f.To, limit})
	b, hit, err := s.pages.get(string(key), func() ([]byte, error) {
		hits, err := s.cfg.Store.Search(r.Context(), q, f, limit)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = render.Hits(&buf, hits, render.JSON)
		return buf.Bytes(), err
	})
	return writeCached(w, b, hit, err)
}

// writeCached writes a cached JSON answer.
func writeCached(w http.ResponseWriter, b []byte, hit bool, err error) error {
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Dateline-Cache", map[bool]string{true: "hit", false: "miss"}[hit])
	_, err = w.Write(b)
	return err
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r).err; err != nil {
		return err
	}
	id := r.PathValue("id")
	if id == "" {
		return errorf(http.StatusBadRequest, "missing article id: /api/articles/{id}")
	}
	b, hit, err := s.pages.get("article\x00"+id, func() ([]byte, error) {
		d, err := s.cfg.Store.Article(r.Context(), id)
		if err != nil {
			return nil, err
		}
		sibs, err := s.cfg.Store.Siblings(r.Context(), id)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = render.Article(&buf, d, sibs)
		return buf.Bytes(), err
	})
	return writeCached(w, b, hit, err)
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r).err; err != nil {
		return err
	}
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	st.Path = filepath.Base(st.Path) // the server's directories are nobody's business
	var buf bytes.Buffer
	if err := render.Stats(&buf, st, render.JSON); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(buf.Bytes())
	return err
}

// maxQuotes bounds the quotes of one answer.
const maxQuotes = 1000

// handleQuotes answers the quotes of the stored articles of a date range,
// of one speaker (aliases match, and the names the store's entities group
// with it) and with every word of a query in their
// content, newest articles last, at most limit.
func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r, "speaker", "query", "from", "to", "limit")
	speaker, query := p.str("speaker"), p.str("query")
	f := store.Filter{From: p.day("from"), To: p.day("to")}
	limit := p.int("limit", 100, 1, maxQuotes)
	if p.err != nil {
		return p.err
	}
	key, _ := json.Marshal([]any{"quotes", speaker, query, f.From, f.To, limit})
	b, hit, err := s.pages.get(string(key), func() ([]byte, error) {
		sel := timeline.Selection{Query: query}
		var speakers *timeline.NameSet
		if speaker != "" {
			names, err := s.storeNames(r)
			if err != nil {
				return nil, err
			}
			speakers = timeline.NewNameSet(speaker, timeline.AliasesIn(names.groups, speaker))
		}
		var arts []render.ArticleQuotes
		n := 0
		errFull := errors.New("enough quotes")
		err := s.cfg.Store.EachDoc(r.Context(), f, func(d annotate.Doc) error {
			var qs []quote.Quote
			for _, q := range d.Quotes {
				if speakers.Has(q.Speaker) && (query == "" || sel.Match(quote.Text(d.Article.Text, q.Content))) {
					qs = append(qs, q)
				}
			}
			qs = qs[:min(len(qs), limit-n)]
			if len(qs) > 0 {
				arts = append(arts, render.ArticleQuotes{Article: d.Article, Quotes: qs})
				n += len(qs)
			}
			if n >= limit {
				return errFull
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFull) {
			return nil, err
		}
		var buf bytes.Buffer
		err = render.QuotesJSON(&buf, arts, true)
		return buf.Bytes(), err
	})
	return writeCached(w, b, hit, err)
}

// storeNames are the store's entity counts and their grouping into
// entities, which the entities and quotes answers share.
type storeNames struct {
	counts []store.EntityCount
	groups []entity.Entity
}

// storeNames returns the store's names, read and grouped once per store
// state.
func (s *Server) storeNames(r *http.Request) (storeNames, error) {
	n, _, err := s.groups.get("names", func() (storeNames, error) {
		counts, err := s.cfg.Store.Entities(r.Context())
		if err != nil {
			return storeNames{}, err
		}
		return storeNames{counts, entity.Group(store.Records(counts))}, nil
	})
	return n, err
}

// handleEntities answers the most mentioned entities of the store, with
// their aliases and counts, of one type if asked.
func (s *Server) handleEntities(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r, "type", "limit")
	typ := p.str("type")
	limit := p.int("limit", 50, 1, maxQuotes)
	switch typ {
	case "", "PER", "ORG", "LOC", "MISC":
	default:
		p.fail("type=%q: want PER, ORG, LOC or MISC", typ)
	}
	if p.err != nil {
		return p.err
	}
	key, _ := json.Marshal([]any{"entities", typ, limit})
	b, hit, err := s.pages.get(string(key), func() ([]byte, error) {
		names, err := s.storeNames(r)
		if err != nil {
			return nil, err
		}
		rows := render.GroupedEntityRows(names.groups, names.counts, typ)
		rows = rows[:min(len(rows), limit)]
		var buf bytes.Buffer
		err = render.Entities(&buf, rows, render.JSON)
		return buf.Bytes(), err
	})
	return writeCached(w, b, hit, err)
}

// maxIngestErrors is how many bad records an ingest response lists.
const maxIngestErrors = 50

// handleIngest reads articles from the body (JSON Lines or one article in
// the text format, as `dateline ingest -` reads them), annotates the ones
// the store does not hold, stores them and tells the open pages.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Token == "" || s.cfg.Annotator == nil {
		return errorf(http.StatusForbidden, "ingest is disabled: start the server with --token (or DATELINE_TOKEN)")
	}
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(auth), []byte(s.cfg.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
		return errorf(http.StatusUnauthorized, "missing or wrong token: send Authorization: Bearer TOKEN")
	}
	if r.ContentLength > s.cfg.MaxBody {
		return errorf(http.StatusRequestEntityTooLarge, "request body is over %d bytes", s.cfg.MaxBody)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, "empty body: send JSON Lines, one article per line")
	}
	s.ingest.Lock()
	defer s.ingest.Unlock()
	res, err := s.put(r.Context(), body)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if res.Read == 0 {
		status = http.StatusBadRequest
	}
	return writeJSON(w, status, res)
}

// ingestResult is the answer to POST /api/articles.
type ingestResult struct {
	Read    int      `json:"read"`    // articles read from the body
	Added   int      `json:"added"`   // articles new to the store
	Updated int      `json:"updated"` // articles whose stored version they replaced (same id, other content)
	Skipped int      `json:"skipped"` // articles the store already held as they are
	Bad     int      `json:"bad"`     // records that could not be read
	Errors  []string `json:"errors"`  // the first bad records, as "body:LINE: reason"
	Version int64    `json:"version"` // the store's version afterwards
}

func (s *Server) put(ctx context.Context, body []byte) (ingestResult, error) {
	res := ingestResult{Errors: []string{}}
	var docs = s.annotateBody(body, &res)
	added, updated, err := s.cfg.Store.Put(ctx, docs)
	if err != nil {
		return res, err
	}
	res.Added, res.Updated, res.Skipped = added, updated, res.Read-added-updated
	if res.Version, err = s.cfg.Store.Version(ctx); err != nil {
		return res, err
	}
	if added+updated > 0 {
		s.changed(res.Version, added+updated)
		s.log.Info("ingested", "added", added, "updated", updated, "skipped", res.Skipped, "bad", res.Bad, "version", res.Version)
	}
	return res, nil
}

// annotateBody reads the articles of body and annotates them, counting
// what it read in res.
func (s *Server) annotateBody(body []byte, res *ingestResult) []annotate.Doc {
	var docs []annotate.Doc
	seen := map[string]bool{}
	for a, err := range article.ReadFrom("body", bytes.NewReader(body)) {
		if err != nil {
			res.Bad++
			if len(res.Errors) < maxIngestErrors {
				res.Errors = append(res.Errors, err.Error())
			}
			continue
		}
		res.Read++
		if seen[a.ID] {
			continue // the same article twice in one body: Put would skip it, annotate it once
		}
		seen[a.ID] = true
		docs = append(docs, s.cfg.Annotator.Annotate(a))
	}
	return docs
}
