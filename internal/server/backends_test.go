package server

import (
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/store/storetest"
)

// backendRequests are asked of a server over each backend, in order; the
// answers must be the same whichever the store.
var backendRequests = []struct{ method, path, body string }{
	{"GET", "/api/timeline?query=bridge&dates=3", ""},
	{"GET", "/api/timeline?keywords=Bridge,girder&from=2032-05-01&to=2032-05-31&dates=2&per_date=2", ""},
	{"GET", "/api/timeline?query=bridge&format=csv", ""},
	{"GET", "/api/search?q=bridge", ""},
	{"GET", "/api/search?q=bridge&from=2032-06-01&limit=10", ""},
	{"GET", "/api/search?q=%22river+bridge", ""},
	{"GET", "/api/search?q=%21%21%3F", ""},
	{"GET", "/api/articles/bridge-3", ""},
	{"GET", "/api/articles/no-such-article", ""},
	{"GET", "/api/stats", ""},
	{"GET", "/api/quotes?speaker=Ormsby", ""},
	{"GET", "/api/entities?type=PER", ""},
	{"GET", "/api/timeline?entity=Ormsby&dates=3", ""},
	{"GET", "/api/timeline?speaker=Tilde+Ormsby&dates=3", ""},
	{"POST", "/api/articles", `{"id": "bridge-9", "date": "2032-07-01", "text": "The new bridge over the river opened on Friday."}` + "\n" +
		`{"id": "bridge-1", "date": "2032-05-03", "text": "The old bridge was closed for good."}` + "\n"},
	{"GET", "/api/timeline?query=bridge&dates=3", ""},
	{"GET", "/api/articles/bridge-1", ""},
	{"GET", "/api/stats", ""},
}

// TestBackendsAnswerAlike runs the same requests against a server over an
// SQLite store and one over a PostgreSQL store holding the same articles:
// every answer is the same but for what names the store (its path, backend
// and size) and the search scores and so the order of hits (bm25 and
// ts_rank differ).
func TestBackendsAnswerAlike(t *testing.T) {
	var mu sync.Mutex
	answers := map[string][]string{}
	// The group returns when both parallel backends have answered.
	t.Run("each", func(t *testing.T) {
		storetest.ForEach(t, func(t *testing.T, loc string) {
			s := New(Config{Store: fixtureStoreAt(t, loc), Annotator: fullAnnotator(t), Token: testToken,
				Logger: quietLogger(), Poll: time.Hour})
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			var got []string
			for _, rq := range backendRequests {
				a := do(t, rq.method, ts.URL+rq.path, strings.NewReader(rq.body), "Authorization", "Bearer "+testToken)
				if a.status >= 500 {
					t.Errorf("%s %s = %d %s", rq.method, rq.path, a.status, a.body)
				}
				got = append(got, rq.method+" "+rq.path+" "+a.header.Get("Content-Type")+"\n"+
					comparable(t, a.body, strings.HasPrefix(rq.path, "/api/search")))
			}
			mu.Lock()
			answers[t.Name()] = got
			mu.Unlock()
		})
	})
	lite, pg := answers[t.Name()+"/each/sqlite"], answers[t.Name()+"/each/postgres"]
	if lite == nil {
		t.Fatal("no answers from the SQLite server")
	}
	if lite == nil || pg == nil {
		return // the PostgreSQL half skipped
	}
	for i := range lite {
		if lite[i] != pg[i] {
			t.Errorf("request %d:\nsqlite   %s\npostgres %s", i, lite[i], pg[i])
		}
	}
}

// comparable returns body without what may differ between backends: the
// store's path, backend and size in stats, and search scores; the hits of
// a search are sorted (unordered).
func comparable(t *testing.T, body string, unordered bool) string {
	var v any
	if json.Unmarshal([]byte(body), &v) != nil {
		return body
	}
	var strip func(v any) any
	strip = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range []string{"path", "backend", "bytes", "score"} {
				delete(x, k)
			}
			for k, e := range x {
				x[k] = strip(e)
			}
		case []any:
			for i, e := range x {
				x[i] = strip(e)
			}
		}
		return v
	}
	v = strip(v)
	if list, ok := v.([]any); ok && unordered {
		slices.SortFunc(list, func(a, b any) int {
			x, _ := json.Marshal(a)
			y, _ := json.Marshal(b)
			return strings.Compare(string(x), string(y))
		})
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
