package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/article"
)

// memCache is a Cache in memory.
type memCache struct {
	mu sync.Mutex
	m  map[string][2]string
}

func (c *memCache) Validators(_ context.Context, url string) (string, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.m[url]
	return v[0], v[1], nil
}

func (c *memCache) Remember(_ context.Context, url, etag, lm string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][2]string{}
	}
	c.m[url] = [2]string{etag, lm}
	return nil
}

// site is a test server: robots.txt, a page with an ETag, a slow page, an
// endless page, a redirect loop, a 404; it logs requests.
type site struct {
	mu   sync.Mutex
	log  []string
	when []time.Time
	ua   []string
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.log = append(s.log, r.URL.Path+" "+r.Header.Get("If-None-Match"))
	s.when = append(s.when, time.Now())
	s.ua = append(s.ua, r.UserAgent())
	s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
	case "/page":
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><p>Hello.</p></body></html>")
	case "/other":
		fmt.Fprint(w, "other")
	case "/slow":
		w.Header().Set("Content-Type", "text/html")
		w.(http.Flusher).Flush()
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	case "/endless":
		chunk := []byte(strings.Repeat("<p>more</p>", 100))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case "/loop":
		http.Redirect(w, r, "/loop2", http.StatusFound)
	case "/loop2":
		http.Redirect(w, r, "/loop", http.StatusFound)
	case "/to-private":
		http.Redirect(w, r, "/private/x", http.StatusFound)
	default:
		http.NotFound(w, r)
	}
}

func newSite(t *testing.T) (*site, *httptest.Server) {
	s := &site{}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func TestFetchErrors(t *testing.T) {
	_, srv := newSite(t)
	c := New(Options{Delay: time.Millisecond, Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10})
	tests := []struct {
		path, want string
		is         error
	}{
		{"/private/secret", "disallowed by robots.txt", ErrDisallowed},
		{"/to-private", "disallowed by robots.txt", ErrDisallowed},
		{"/missing", "HTTP 404 Not Found", nil},
		{"/loop", "stopped after 5 redirects", nil},
		{"/slow", "no complete response within the 300ms time-out", nil},
		{"/endless", "response cut at the 65536-byte limit", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Fetch(context.Background(), srv.URL+tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), srv.URL+tt.path+": ") {
				t.Fatalf("err = %v, want %q naming the URL", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err %v is not %v", err, tt.is)
			}
			if perm := tt.is != nil || strings.Contains(tt.want, "404"); errors.Is(err, article.ErrPermanent) != perm {
				t.Errorf("err %v: permanent %v, want %v", err, !perm, perm)
			}
		})
	}
	if st := c.Stats(); st.Disallowed != 2 || st.Failed != 4 || st.Fetched != 0 {
		t.Errorf("stats %+v", st)
	}
	if _, err := c.Fetch(context.Background(), "ftp://x.test/a"); err == nil {
		t.Error("ftp URL fetched")
	}
}

func TestFetchConditionalAndPolite(t *testing.T) {
	s, srv := newSite(t)
	cache := &memCache{}
	const delay = 80 * time.Millisecond
	c := New(Options{Delay: delay, Cache: cache})
	ctx := context.Background()
	p, err := c.Fetch(ctx, srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Body) != "<html><body><p>Hello.</p></body></html>" || p.ContentType != "text/html; charset=utf-8" ||
		!p.LastModified.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) || p.URL != srv.URL+"/page" {
		t.Errorf("page %+v", p)
	}
	// Not committed yet: a second fetch is unconditional.
	if _, err := c.Fetch(ctx, srv.URL+"/page"); err != nil {
		t.Fatal(err)
	}
	if err := c.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = New(Options{Delay: delay, Cache: cache}).Fetch(ctx, srv.URL+"/page")
	if !errors.Is(err, article.ErrNotModified) {
		t.Fatalf("after commit: %v, want not modified", err)
	}
	if _, err := c.Fetch(ctx, srv.URL+"/other"); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	want := []string{"/robots.txt ", "/page ", "/page ", "/robots.txt ", `/page "v1"`, "/other "}
	if strings.Join(s.log, "|") != strings.Join(want, "|") {
		t.Errorf("requests %q, want %q", s.log, want)
	}
	for i, ua := range s.ua {
		if !strings.HasPrefix(ua, "dateline/") {
			t.Errorf("request %d User-Agent %q", i, ua)
		}
	}
	// Page requests of one client to one host are spaced by the delay.
	for _, pair := range [][2]int{{1, 2}, {2, 5}} {
		if gap := s.when[pair[1]].Sub(s.when[pair[0]]); gap < delay {
			t.Errorf("requests %d and %d %v apart, want at least %v", pair[0], pair[1], gap, delay)
		}
	}
}

func TestFetchOneAtATimePerHost(t *testing.T) {
	s, srv := newSite(t)
	c := New(Options{Delay: 30 * time.Millisecond})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Fetch(context.Background(), srv.URL+"/other")
		}()
	}
	wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.when) != 5 {
		t.Fatalf("%d requests", len(s.when))
	}
	for i := 2; i < len(s.when); i++ {
		if gap := s.when[i].Sub(s.when[i-1]); gap < 30*time.Millisecond {
			t.Errorf("requests %d and %d %v apart", i-1, i, gap)
		}
	}
}

func TestFetchRobotsServerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "x")
	}))
	defer srv.Close()
	_, err := New(Options{Delay: time.Millisecond}).Fetch(context.Background(), srv.URL+"/a")
	if !errors.Is(err, ErrDisallowed) {
		t.Errorf("robots.txt 503: %v, want everything disallowed", err)
	}
}

func TestFetchCancelWhileWaiting(t *testing.T) {
	_, srv := newSite(t)
	c := New(Options{Delay: time.Hour})
	if _, err := c.Fetch(context.Background(), srv.URL+"/other"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Fetch(ctx, srv.URL+"/page"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
}

func TestFetchCrawlDelay(t *testing.T) {
	var mu sync.Mutex
	var when []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: dateline\nCrawl-delay: 1\n")
			return
		}
		mu.Lock()
		when = append(when, time.Now())
		mu.Unlock()
		fmt.Fprint(w, "x")
	}))
	defer srv.Close()
	c := New(Options{Delay: time.Millisecond})
	for _, p := range []string{"/a", "/b"} {
		if _, err := c.Fetch(context.Background(), srv.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	if gap := when[1].Sub(when[0]); gap < time.Second {
		t.Errorf("requests %v apart, want robots.txt's Crawl-delay of 1s", gap)
	}
}
