package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// newsSite is a loopback news site: robots.txt, two feeds, pages with ETags,
// and pages that misbehave. It counts requests by path and whether they
// were conditional.
type newsSite struct {
	mu    sync.Mutex
	hits  map[string]int
	conds map[string]int
	pages string // directory of the HTML fixtures
}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	if r.Header.Get("If-None-Match") != "" {
		s.conds[r.URL.Path]++
	}
	s.mu.Unlock()
	etag := `"` + r.URL.Path + `-v1"`
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case p == "/feed.xml" || p == "/bad-feed.xml":
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML(p == "/bad-feed.xml"))
	case strings.HasPrefix(p, "/pages/"):
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body, err := os.ReadFile(filepath.Join(s.pages, strings.TrimPrefix(p, "/pages/")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html")
		w.Write(body)
	case p == "/broken.xml":
		fmt.Fprint(w, "<rss><channel><item><title>cut")
	case p == "/slow":
		w.(http.Flusher).Flush()
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	case p == "/endless":
		for chunk := []byte(strings.Repeat("<p>again</p>", 512)); r.Context().Err() == nil; {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case p == "/loop":
		http.Redirect(w, r, "/loop", http.StatusFound)
	default:
		http.NotFound(w, r)
	}
}

// feedXML is an RSS feed: an item with its full text, items with only a
// summary linking to pages; the bad feed links to pages that fail.
func feedXML(bad bool) string {
	item := func(title, link, content string) string {
		s := "<item><title>" + title + "</title><link>" + link + "</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Summary.</description>"
		if content != "" {
			s += "<content:encoded><![CDATA[" + content + "]]></content:encoded>"
		}
		return s + "</item>"
	}
	items := item("Full story", "/full", "<p>The council met on Monday and agreed the new budget after a long debate.</p>") +
		item("Bridge", "/pages/date-in-url.html", "") +
		item("Frost", "/pages/jsonld-date-published.html", "") +
		item("Secret", "/private/secret.html", "")
	if bad {
		items = item("Slow", "/slow", "") + item("Endless", "/endless", "") + item("Gone", "/gone", "") + item("Loop", "/loop", "")
	}
	return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Site</title>` +
		items + "</channel></rss>"
}

func newNewsSite(t *testing.T) (*newsSite, string) {
	t.Helper()
	pages, err := filepath.Abs("../../internal/article/testdata/html")
	if err != nil {
		t.Fatal(err)
	}
	s := &newsSite{hits: map[string]int{}, conds: map[string]int{}, pages: pages}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv.URL
}

// web runs dateline in process; err is non-nil when it exits with another
// code than want (0, or exitPartial when some input is expected to fail).
func web(t *testing.T, want int, args ...string) (string, string, error) {
	t.Helper()
	code, out, errs := runIn(t, "", args...)
	if code != want {
		return out, errs, fmt.Errorf("exit %d, want %d", code, want)
	}
	return out, errs, nil
}

func TestIngestFeedURLTwice(t *testing.T) {
	s, base := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "t.db")
	args := []string{"--db", db, "ingest", "--delay", "5ms", base + "/feed.xml"}
	out, errs, err := web(t, exitPartial, args...) // the disallowed page was not read
	if err != nil {
		t.Fatalf("first run: %v\n%s", err, errs)
	}
	if !strings.Contains(out, "3 added") {
		t.Errorf("first run: want 3 added (the full item and two linked pages):\n%s", out)
	}
	if !strings.Contains(errs, base+"/private/secret.html: disallowed by robots.txt") || strings.Count(errs, "\n") != 2 ||
		!strings.Contains(errs, "1 of 4 input records could not be read") {
		t.Errorf("first run stderr, want one line for the disallowed page and the summary:\n%s", errs)
	}
	out, errs, err = web(t, 0, args...)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, errs)
	}
	if !strings.Contains(out, "0 added") || !strings.Contains(out, "1 unchanged since the last run") {
		t.Errorf("second run, want nothing added and the feed unchanged:\n%s", out)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for path, want := range map[string][2]int{
		"/feed.xml": {2, 1}, "/pages/date-in-url.html": {1, 0}, "/pages/jsonld-date-published.html": {1, 0},
		"/private/secret.html": {0, 0}, "/robots.txt": {2, 0},
	} {
		if got := [2]int{s.hits[path], s.conds[path]}; got != want {
			t.Errorf("%s: %d requests, %d conditional; want %v", path, got[0], got[1], want)
		}
	}
}

func TestIngestBadWebInputsGoOn(t *testing.T) {
	s, base := newNewsSite(t)
	dir := t.TempDir()
	urls := filepath.Join(dir, "urls.txt")
	os.WriteFile(urls, []byte("# to read\n"+base+"/bad-feed.xml\n\n"+base+"/broken.xml\n"+base+"/pages/time-element.html\n"), 0o644)
	db := filepath.Join(dir, "t.db")
	out, errs, err := web(t, exitPartial, "--db", db, "ingest", "--delay", "1ms", "--timeout", "700ms", "--max-bytes", "200000", "--urls", urls)
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	for _, want := range []string{
		base + "/slow: reading the response: no complete response within the 700ms time-out",
		base + "/endless: response cut at the 200000-byte limit",
		base + "/gone: HTTP 404 Not Found",
		base + "/loop: stopped after 5 redirects",
		base + "/broken.xml: feed: ",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n != 6 || !strings.Contains(errs, "5 of 6 input records could not be read") {
		t.Errorf("%d lines on stderr, want one for each of the 5 failures and the summary:\n%s", n, errs)
	}
	if !strings.Contains(out, "1 added") {
		t.Errorf("the good page after the bad ones was not ingested:\n%s", out)
	}
	// The feed whose pages failed for passing reasons is fetched whole again.
	web(t, exitPartial, "--db", db, "ingest", "--delay", "1ms", "--timeout", "700ms", "--max-bytes", "200000", base+"/bad-feed.xml")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hits["/bad-feed.xml"] != 2 || s.conds["/bad-feed.xml"] != 0 {
		t.Errorf("bad feed: %d requests, %d conditional; want 2 and 0", s.hits["/bad-feed.xml"], s.conds["/bad-feed.xml"])
	}
}

// TestWatchStopsCleanly polls a feed until SIGINT: the items are ingested
// once, later polls are conditional, and the store is whole afterwards. The
// signal goes to this process, where watch has taken SIGINT over.
func TestWatchStopsCleanly(t *testing.T) {
	s, base := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "t.db")
	type result struct {
		out, errs string
		err       error
	}
	done := make(chan result)
	go func() {
		out, errs, err := web(t, exitPartial, "--db", db, "watch", "--interval", "150ms", "--delay", "1ms", base+"/feed.xml") // the disallowed page
		done <- result{out, errs, err}
	}()
	deadline := time.Now().Add(20 * time.Second)
	var r result
	for finished := false; !finished; {
		s.mu.Lock()
		n := s.hits["/feed.xml"]
		s.mu.Unlock()
		select {
		case r = <-done: // watch ended by itself: no signal may be sent, it would end the tests
			t.Fatalf("watch stopped before the interrupt: %v\n%s\n%s", r.err, r.out, r.errs)
		default:
		}
		if n >= 3 || time.Now().After(deadline) {
			finished = true
			continue
		}
		time.Sleep(20 * time.Millisecond)
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	r = <-done
	if r.err != nil {
		t.Fatalf("watch: %v\n%s\n%s", r.err, r.out, r.errs)
	}
	if !strings.Contains(r.out, "3 added") || !strings.Contains(r.out, "watch: stopped") {
		t.Errorf("output:\n%s", r.out)
	}
	s.mu.Lock()
	if s.hits["/feed.xml"] < 3 || s.conds["/feed.xml"] < 2 || s.hits["/pages/date-in-url.html"] != 1 {
		t.Errorf("feed %d requests (%d conditional), page %d; want polls after the first conditional and the page fetched once",
			s.hits["/feed.xml"], s.conds["/feed.xml"], s.hits["/pages/date-in-url.html"])
	}
	s.mu.Unlock()
	stats := mustRunIn(t, "--db", db, "stats")
	if !regexp.MustCompile(`articles\s+3\n`).MatchString(stats) || strings.Contains(stats, "portgazette") {
		t.Errorf("stats after watch:\n%s", stats)
	}
}

// TestWatchExitCode: bad items do not stop a watch, but its exit code says
// there were some, as ingest's does: 2 when some were read, 1 when none
// could be, 0 when everything was.
func TestWatchExitCode(t *testing.T) {
	_, base := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "t.db")
	args := []string{"--db", db, "watch", "--polls", "2", "--interval", "1ms", "--delay", "1ms", "--timeout", "700ms", "--max-bytes", "200000"}
	out, errs, err := web(t, exitPartial, append(args, base+"/bad-feed.xml", base+"/pages/time-element.html")...)
	if err != nil {
		t.Fatalf("bad feed and a good page: %v\n%s\n%s", err, out, errs)
	}
	if strings.Count(out, "poll ") != 2 {
		t.Errorf("bad items ended the watch before its second poll:\n%s", out)
	}
	if _, errs, err := web(t, exitFailure, append(args, base+"/bad-feed.xml")...); err != nil {
		t.Fatalf("bad feed alone: %v\n%s", err, errs)
	}
	if _, errs, err := web(t, 0, append(args, base+"/pages/date-in-url.html")...); err != nil {
		t.Fatalf("good page: %v\n%s", err, errs)
	}
}
