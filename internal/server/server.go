package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
)

// Store is what the server needs of a store: the documents of a topic
// (for timelines), full-text search, one article, a summary, a
// version that changes when articles are added, and writing new documents.
// *store.Store satisfies it.
type Store interface {
	Docs(ctx context.Context, f store.Filter) ([]annotate.Doc, error)
	Search(ctx context.Context, q store.Query, f store.Filter, limit int) ([]store.Hit, error) // store.ErrEmptyQuery, *store.QueryError for the caller's mistakes
	Article(ctx context.Context, id string) (annotate.Doc, error)                              // an unknown id wraps store.ErrNotFound
	Siblings(ctx context.Context, id string) ([]store.Sibling, error)                          // the other articles of its story
	Stats(ctx context.Context) (store.Stats, error)
	Version(ctx context.Context) (int64, error)
	Put(ctx context.Context, docs []annotate.Doc) (added, updated int, err error)   // an id stored with other content is replaced
	EachDoc(ctx context.Context, f store.Filter, fn func(annotate.Doc) error) error // for quotes, one article at a time
	Entities(ctx context.Context) ([]store.EntityCount, error)
}

// Annotator annotates one article; *annotate.Annotator is one.
type Annotator interface {
	Annotate(a article.Article) annotate.Doc
}

// Config sets up a Server. The zero value of each field but Store means its
// default.
type Config struct {
	Store     Store
	Annotator Annotator     // needed to ingest (POST /api/articles)
	Token     string        // the bearer token that POST /api/articles must carry; empty disables ingest
	Logger    *slog.Logger  // request logs; nil means slog.Default()
	MaxBody   int64         // bytes a request body may have (default 32 MiB)
	Poll      time.Duration // how often the store's version is checked for ingests by other processes (default 2s)
	CacheSize int           // timelines kept (default 256); eight times as many search results and articles
	Corpora   int           // prepared topics kept, each as large as its documents (default 4)
	Builders  int           // timelines built at once (default half the CPUs, at least one)
}

// Server serves the API and the page. Build it with New.
type Server struct {
	cfg      Config
	log      *slog.Logger
	cache    *cache[timeline.Timeline]         // timelines by request
	rendered *cache[[]byte]                    // timelines rendered, by request and format
	pages    *cache[[]byte]                    // rendered search results and articles by request
	corpora  *cache[*timeline.Corpus]          // prepared documents of recent timeline topics
	groups   *cache[storeNames]                // the store's entity counts and their grouping (entity.Group), for entities and the speakers of quotes
	prep     atomic.Pointer[timeline.Preparer] // the words of every article read for a timeline, for the next topic's corpus
	events   *hub
	build    chan struct{} // a token per timeline being built
	mux      *http.ServeMux
	ingest   sync.Mutex   // one POST /api/articles at a time
	version  atomic.Int64 // the store version last seen
	loopback atomic.Bool  // Serve listens on a loopback address: answer loopback host names only (see checkHost)
}

// New returns a server over cfg.Store.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.CacheSize <= 0 {
		cfg.CacheSize = 256
	}
	if cfg.Corpora <= 0 {
		cfg.Corpora = 4
	}
	if cfg.Builders <= 0 {
		cfg.Builders = defaultBuilders()
	}
	s := &Server{cfg: cfg, log: cfg.Logger, cache: newCache[timeline.Timeline](cfg.CacheSize), rendered: newCache[[]byte](2 * cfg.CacheSize),
		pages: newCache[[]byte](8 * cfg.CacheSize), corpora: newCache[*timeline.Corpus](cfg.Corpora), groups: newCache[storeNames](1), events: newHub(),
		build: make(chan struct{}, cfg.Builders)}
	s.prep.Store(timeline.NewPreparer())
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.Handle(strings.TrimSpace(rt.Method+" "+rt.Pattern), rt.Handler)
	}
	return s
}

// Handler returns the server's handler: every route, with security
// headers and a request log line each.
func (s *Server) Handler() http.Handler { return s.logRequests(secure(s.checkHost(s.mux))) }

// Timeouts and limits of the HTTP server.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 60 * time.Second
	writeTimeout      = 60 * time.Second // the event stream extends its own deadline
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 64 << 10
	shutdownGrace     = 10 * time.Second
)

// HTTPServer returns an http.Server for s on addr, with its timeouts and
// header limit set.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{Addr: addr, Handler: s.Handler(), ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: maxHeaderBytes,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
}

// Serve accepts connections on l until ctx is done, then shuts down
// gracefully: it stops accepting, ends event streams, and waits up to ten
// seconds for requests in flight.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	if ap, err := netip.ParseAddrPort(l.Addr().String()); err == nil && ap.Addr().IsLoopback() {
		s.loopback.Store(true)
	}
	hs := s.HTTPServer(l.Addr().String())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.watch(ctx)
	go s.warm(ctx)
	hs.RegisterOnShutdown(s.events.close)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "addr", l.Addr().String())
	sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer scancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// warm reads the words of the stored articles into the Preparer in the
// background, as many as it keeps, so that the first timeline of each topic
// does not read them itself (a third of what building one cost when its
// articles were new to the server). It stops when the store changes.
func (s *Server) warm(ctx context.Context) {
	p := s.prep.Load()
	start, n := time.Now(), 0
	errFull := errors.New("the Preparer is full or was replaced")
	err := s.cfg.Store.EachDoc(ctx, store.Filter{}, func(d annotate.Doc) error {
		if s.prep.Load() != p || !p.Warm(d) {
			return errFull
		}
		n++
		return nil
	})
	if err != nil && !errors.Is(err, errFull) && ctx.Err() == nil {
		s.log.Warn("reading the stored articles for timelines", "err", err)
	}
	s.log.Info("articles read for timelines", "articles", n, "duration", time.Since(start).Round(time.Millisecond))
}

// watch checks the store's version every cfg.Poll, so that articles
// ingested by another process (dateline ingest on the same file) reach the
// cache and the open pages too.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	if v, err := s.cfg.Store.Version(ctx); err == nil {
		s.version.Store(v)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		v, err := s.cfg.Store.Version(ctx)
		if err != nil {
			s.log.Warn("store version", "err", err)
			continue
		}
		if s.version.Swap(v) != v {
			s.changed(v, 0)
		}
	}
}

// changed drops the cached timelines and tells the open pages that the
// store has new articles.
func (s *Server) changed(version int64, added int) {
	s.version.Store(version)
	s.cache.clear()
	s.rendered.clear()
	s.pages.clear()
	s.corpora.clear()
	s.groups.clear()
	s.prep.Store(timeline.NewPreparer())
	s.events.publish(event{Version: version, Added: added})
}
