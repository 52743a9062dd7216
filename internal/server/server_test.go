package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timex"
)

const testToken = "s3cret-token"

// fixtureStore is a store holding the fixture articles (and the hostile
// one), in a temporary directory.
func fixtureStore(t testing.TB) *store.Store {
	t.Helper()
	return fixtureStoreAt(t, filepath.Join(t.TempDir(), "fixture.db"))
}

// fixtureStoreAt is fixtureStore in a store at loc, of either backend.
func fixtureStoreAt(t testing.TB, loc string) *store.Store {
	t.Helper()
	st, err := store.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	an := fullAnnotator(t)
	var docs []annotate.Doc
	for a, err := range article.Read(filepath.Join("testdata", "fixture.jsonl"), filepath.Join("testdata", "hostile.jsonl")) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, an.Annotate(a))
	}
	if _, _, err := st.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return st
}

// fullAnnotator is every annotator dateline runs at ingest: sentences, time
// expressions, entities and quotes.
func fullAnnotator(t testing.TB) *annotate.Annotator {
	t.Helper()
	x, err := quote.Default()
	if err != nil {
		t.Fatal(err)
	}
	return annotate.New(timex.New()).WithEntities(entity.New(), x)
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newTest starts a server over a fixture store; edit changes its config.
func newTest(t testing.TB, edit func(*Config)) (*Server, *httptest.Server) {
	t.Helper()
	cfg := Config{Store: fixtureStore(t), Annotator: fullAnnotator(t), Token: testToken, Logger: quietLogger(),
		Poll: 50 * time.Millisecond}
	if edit != nil {
		edit(&cfg)
	}
	s := New(cfg)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

type answer struct {
	status int
	header http.Header
	body   string
}

func do(t testing.TB, method, url string, body io.Reader, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, string(b)}
}

func TestRoutes(t *testing.T) {
	_, ts := newTest(t, nil)
	for _, tt := range []struct {
		path   string
		status int
		want   string // the body contains it
	}{
		{"/healthz", 200, `"status":"ok"`},
		{"/api/timeline?query=bridge&dates=3", 200, `"article_id": "bridge-`},
		{"/api/timeline?keywords=Bridge,girder&from=2032-05-01&to=2032-05-31&dates=2&per_date=2", 200, `"dates"`},
		{"/api/timeline?query=bridge&format=csv", 200, "date,granularity,score,rank,text,article_id"},
		{"/api/timeline?query=bridge&format=md", 200, "# Timeline"},
		{"/api/timeline?query=bridge&format=timelinejs", 200, `"events"`},
		{"/api/timeline?query=bridge&format=tilse", 200, "--------------------------------"},
		{"/api/timeline?dates=0", 400, `dates=\"0\": want a whole number from 1 to 500`},
		{"/api/timeline?dates=ten", 400, "want a whole number"},
		{"/api/timeline?per_date=99", 400, "per_date"},
		{"/api/timeline?from=yesterday", 400, "from: date"},
		{"/api/timeline?from=2032-06-01&to=2032-05-01", 400, "before from"},
		{"/api/timeline?format=html", 400, "unknown format"},
		{"/api/timeline?per-date=2", 400, `unknown parameter \"per-date\"`},
		{"/api/timeline?dates=2&dates=3", 400, "given 2 times"},
		{"/api/timeline?download=maybe", 400, "download"},
		{"/api/search?q=bridge", 200, `"article_id": "bridge-`},
		{"/api/search?q=bridge&from=2032-06-01&limit=1", 200, `"published": "2032-06-`},
		{"/api/search", 400, `missing parameter \"q\"`},
		{"/api/search?q=bridge&limit=0", 400, "limit"},
		{"/api/search?q=%22river+bridge", 200, `"article_id": "bridge-`}, // an unclosed quote runs to the end
		{"/api/search?raw=1&q=%22unbalanced", 400, "not valid FTS5 syntax"},
		{"/api/search?raw=1&q=bridge+OR+girder", 200, `"article_id": "bridge-`},
		{"/api/search?q=%21%21%3F", 400, "empty query"},
		{"/api/search?raw=maybe&q=bridge", 400, "raw"},
		{"/api/search?q=bridge&sort=date", 400, "unknown parameter"},
		{"/api/articles/bridge-3", 200, `"timexes": [`},
		{"/api/articles/no-such-article", 404, "no such article"},
		{"/api/articles/bridge-3?x=1", 400, "unknown parameter"},
		{"/api/stats", 200, `"path": "fixture.db"`},
		{"/api/stats?x=1", 400, "unknown parameter"},
		{"/api/openapi.json", 200, `"openapi": "3.0.3"`},
		{"/api/nope", 404, "no such API route"},
		{"/", 200, "<!doctype html>"},
		{"/assets/app.js", 200, ""},
		{"/assets/", 404, ""},
		{"/assets/vendor", 404, ""},
		{"/assets/../openapi.json", 404, ""},
		{"/assets/%2e%2e/openapi.json", 404, ""},
		{"/openapi.json", 404, ""},
		{"/server.go", 404, ""},
		{"/index.html", 404, ""},
	} {
		a := do(t, "GET", ts.URL+tt.path, nil)
		if a.status != tt.status || !strings.Contains(a.body, tt.want) {
			t.Errorf("GET %s = %d %.300q, want %d with %q", tt.path, a.status, a.body, tt.status, tt.want)
		}
		if strings.HasPrefix(tt.path, "/api/") && tt.status >= 400 {
			var e struct {
				Error  string
				Status int
			}
			if err := json.Unmarshal([]byte(a.body), &e); err != nil || e.Status != tt.status || e.Error == "" {
				t.Errorf("GET %s: error body %q is not {error, status}", tt.path, a.body)
			}
		}
		if csp := a.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "script-src 'self' 'unsafe") ||
			strings.Contains(csp, "style-src-elem 'self' 'unsafe") {
			t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
		}
	}
}

func TestTimelineShape(t *testing.T) {
	_, ts := newTest(t, nil)
	a := do(t, "GET", ts.URL+"/api/timeline?query=bridge&dates=4&per_date=1", nil)
	var tl struct {
		Dates []struct {
			Date  string
			Items []struct {
				ArticleID string `json:"article_id"`
				Sentence  int
				Display   string
			}
		}
	}
	if err := json.Unmarshal([]byte(a.body), &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Dates) != 4 {
		t.Fatalf("%d dates, want 4: %s", len(tl.Dates), a.body)
	}
	for _, d := range tl.Dates {
		if len(d.Items) != 1 || d.Items[0].ArticleID == "" || !strings.Contains(strings.ToLower(d.Items[0].Display), "bridge") {
			t.Errorf("date %s items %+v", d.Date, d.Items)
		}
	}
	dl := do(t, "GET", ts.URL+"/api/timeline?query=bridge&format=csv&download=1", nil)
	if cd := dl.header.Get("Content-Disposition"); cd != `attachment; filename="timeline.csv"` || !strings.HasPrefix(dl.header.Get("Content-Type"), "text/csv") {
		t.Errorf("download headers %v", dl.header)
	}
}

func TestArticleIDWithSlashes(t *testing.T) {
	_, ts := newTest(t, nil)
	body := `{"id": "wire/2032-05-03/7.txt", "date": "2032-05-03", "text": "The ferry ran late on Monday."}` + "\n"
	if a := do(t, "POST", ts.URL+"/api/articles", strings.NewReader(body), "Authorization", "Bearer "+testToken); a.status != 200 {
		t.Fatalf("ingest = %d %s", a.status, a.body)
	}
	for _, p := range []string{"/api/articles/wire%2F2032-05-03%2F7.txt", "/api/articles/wire/2032-05-03/7.txt"} {
		a := do(t, "GET", ts.URL+p, nil)
		if a.status != 200 || !strings.Contains(a.body, `"id": "wire/2032-05-03/7.txt"`) {
			t.Errorf("GET %s = %d %s", p, a.status, a.body)
		}
	}
}

func TestIngest(t *testing.T) {
	_, ts := newTest(t, func(c *Config) { c.MaxBody = 4096 })
	url := ts.URL + "/api/articles"
	good := `{"id": "bridge-7", "date": "2032-07-01", "title": "Bridge design chosen", "text": "The council chose a steel arch design for the new river bridge on Thursday."}
{"id": "bad", "date": "someday", "text": "x"}
{"id": "bridge-1", "date": "2032-05-03", "text": "already stored"}
`
	auth := []string{"Authorization", "Bearer " + testToken}
	for _, tt := range []struct {
		name   string
		body   string
		header []string
		status int
		want   string
	}{
		{"no token", good, nil, 401, "missing or wrong token"},
		{"wrong token", good, []string{"Authorization", "Bearer nope"}, 401, "missing or wrong token"},
		{"not bearer", good, []string{"Authorization", testToken}, 401, "missing or wrong token"},
		{"too big", strings.Repeat(" ", 5000), auth, 413, "over 4096 bytes"},
		{"empty", "\n\n", auth, 400, "empty body"},
		{"nothing readable", "{not json\n", auth, 400, `"bad":1`},
		{"good", good, auth, 200, `"read":2,"added":1,"updated":1,"skipped":0,"bad":1,"errors":["body:2: date \"someday\"`},
		{"again", good, auth, 200, `"read":2,"added":0,"updated":0,"skipped":2,"bad":1`},
		{"text format", "date 2032-07-02\ntitle Ferry back\nThe ferry returned to the quay on Friday.\n", auth, 200, `"read":1,"added":1`},
	} {
		a := do(t, "POST", url, strings.NewReader(tt.body), tt.header...)
		if a.status != tt.status || !strings.Contains(a.body, tt.want) {
			t.Errorf("%s: POST = %d %s, want %d with %q", tt.name, a.status, a.body, tt.status, tt.want)
		}
		if tt.status == 401 && a.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}
	// A body sent without a length (chunked) is cut at the limit too.
	req, _ := http.NewRequest("POST", url, io.MultiReader(strings.NewReader(strings.Repeat(" ", 5000))))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("chunked oversized body: %d, want 413", resp.StatusCode)
	}
	if a := do(t, "GET", ts.URL+"/api/articles/bridge-7", nil); a.status != 200 || !strings.Contains(a.body, "steel arch") {
		t.Errorf("ingested article = %d %s", a.status, a.body)
	}
}

func TestIngestDisabled(t *testing.T) {
	_, ts := newTest(t, func(c *Config) { c.Token = "" })
	a := do(t, "POST", ts.URL+"/api/articles", strings.NewReader("{}\n"), "Authorization", "Bearer ")
	if a.status != 403 || !strings.Contains(a.body, "--token") {
		t.Errorf("POST without a server token = %d %s", a.status, a.body)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	_, ts := newTest(t, nil)
	for _, tt := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"DELETE", "/api/timeline", 405, "GET"},
		{"PUT", "/api/articles", 405, "POST"},
		{"DELETE", "/api/articles/bridge-1", 405, "GET"},
		{"POST", "/api/stats", 405, "GET"},
		{"DELETE", "/api/nothing", 404, ""},
	} {
		a := do(t, tt.method, ts.URL+tt.path, nil)
		if a.status != tt.status || a.header.Get("Allow") != tt.allow || !strings.Contains(a.body, `"status":`) {
			t.Errorf("%s %s = %d (Allow %q) %s, want %d (Allow %q)", tt.method, tt.path, a.status, a.header.Get("Allow"), a.body, tt.status, tt.allow)
		}
	}
}

func TestBodyOnGet(t *testing.T) {
	_, ts := newTest(t, nil)
	if a := do(t, "GET", ts.URL+"/api/stats", strings.NewReader("payload")); a.status != 413 {
		t.Errorf("GET with a body = %d", a.status)
	}
}

func TestCacheInvalidatedByIngest(t *testing.T) {
	s, ts := newTest(t, nil)
	url := ts.URL + "/api/timeline?query=bridge&dates=20"
	if a := do(t, "GET", url, nil); a.header.Get("X-Dateline-Cache") != "miss" {
		t.Fatalf("first request: cache %q", a.header.Get("X-Dateline-Cache"))
	}
	first := do(t, "GET", url, nil)
	if first.header.Get("X-Dateline-Cache") != "hit" || s.cache.len() != 1 {
		t.Fatalf("second request: cache %q, %d cached", first.header.Get("X-Dateline-Cache"), s.cache.len())
	}
	if a := do(t, "GET", url+"&format=md", nil); a.header.Get("X-Dateline-Cache") != "hit" {
		t.Errorf("same timeline in another format: cache %q", a.header.Get("X-Dateline-Cache"))
	}
	if a := do(t, "GET", ts.URL+"/api/timeline?query=bridge&dates=3", nil); a.header.Get("X-Dateline-Cache") != "corpus" {
		t.Errorf("another size of the same selection: cache %q, want corpus", a.header.Get("X-Dateline-Cache"))
	}
	body := `{"id": "bridge-8", "date": "2032-07-09", "text": "The new bridge over the river opened on Friday to cheers."}` + "\n"
	if a := do(t, "POST", ts.URL+"/api/articles", strings.NewReader(body), "Authorization", "Bearer "+testToken); a.status != 200 {
		t.Fatalf("ingest = %d %s", a.status, a.body)
	}
	after := do(t, "GET", url, nil)
	if after.header.Get("X-Dateline-Cache") != "miss" || !strings.Contains(after.body, "bridge-8") || strings.Contains(first.body, "bridge-8") {
		t.Errorf("after ingest: cache %q, new article in timeline: %v", after.header.Get("X-Dateline-Cache"), strings.Contains(after.body, "bridge-8"))
	}
}

func TestCacheSeesOtherProcesses(t *testing.T) {
	st := fixtureStore(t)
	s := New(Config{Store: st, Logger: quietLogger(), Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ctx, l)
	url := "http://" + l.Addr().String() + "/api/timeline?query=bridge"
	do(t, "GET", url, nil)
	if a := do(t, "GET", url, nil); a.header.Get("X-Dateline-Cache") != "hit" {
		t.Fatalf("cache %q", a.header.Get("X-Dateline-Cache"))
	}
	// Another writer (dateline ingest on the same file) adds an article.
	other, err := store.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	an := fullAnnotator(t)
	if _, _, err := other.Put(ctx, []annotate.Doc{an.Annotate(article.Article{ID: "x", Published: time.Date(2032, 7, 1, 0, 0, 0, 0, time.UTC),
		Text: "The bridge fund doubled on Monday."})}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.cache.len() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.cache.len() != 0 {
		t.Error("cache kept a timeline after another process ingested")
	}
}

func TestEvents(t *testing.T) {
	_, ts := newTest(t, nil)
	resp, err := http.Get(ts.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() string {
		for lines.Scan() {
			if d, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				return d
			}
		}
		return ""
	}
	if first := next(); !strings.Contains(first, `"version":`) {
		t.Fatalf("first event %q", first)
	}
	body := `{"id": "bridge-9", "date": "2032-07-10", "text": "Tolls on the new bridge were scrapped on Saturday."}` + "\n"
	go func() {
		req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	if e := next(); !strings.Contains(e, `"added":1`) {
		t.Errorf("event after ingest %q", e)
	}
}

// TestServeLimitsAndShutdown runs the real HTTP server: it refuses huge
// headers and stops cleanly, event streams included, when its context ends.
func TestServeLimitsAndShutdown(t *testing.T) {
	s := New(Config{Store: fixtureStore(t), Logger: quietLogger()})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l) }()
	base := "http://" + l.Addr().String()
	if a := do(t, "GET", base+"/healthz", nil, "X-Big", strings.Repeat("a", 200<<10)); a.status != 431 {
		t.Errorf("200 KiB header: %d, want 431", a.status)
	}
	for host, want := range map[string]int{"evil.example": 421, "evil.example:80": 421, "localhost:8080": 200, "127.0.0.1": 200, "[::1]:9": 200} {
		req, _ := http.NewRequest("GET", base+"/healthz", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	resp, err := http.Get(base + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
	hs := s.HTTPServer("127.0.0.1:0")
	if hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.ReadHeaderTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes != maxHeaderBytes {
		t.Errorf("server limits %+v", hs)
	}
}

// TestOpenAPICoversRoutes checks that openapi.json describes every API
// route the server answers, and nothing it does not.
func TestOpenAPICoversRoutes(t *testing.T) {
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	s := New(Config{Store: fixtureStore(t)})
	described := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			described[strings.ToUpper(m)+" "+p] = true
		}
	}
	served := map[string]bool{}
	for _, rt := range s.routes() {
		p := strings.ReplaceAll(rt.Pattern, "...}", "}")
		if rt.Method == "" || !(strings.HasPrefix(p, "/api/") || p == "/healthz") {
			continue // the catch-all 404 and the page
		}
		served[rt.Method+" "+p] = true
		if !described[rt.Method+" "+p] {
			t.Errorf("route %s %s is not in openapi.json", rt.Method, p)
		}
	}
	for k := range described {
		if !served[k] {
			t.Errorf("openapi.json describes %s, which the server does not answer", k)
		}
	}
}
