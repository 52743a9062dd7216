package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dateline-news/dateline/internal/text"
)

// LoadConfig says how to load a running server (`dateline bench serve`).
type LoadConfig struct {
	URL      string        // the server, http://host:port (loopback only: see Load)
	Clients  int           // concurrent clients, each sending its next request when the last is answered
	Duration time.Duration // how long to send
	Mix      Mix           // what the clients ask for
	// UncachedEvery, when positive, adds a client that asks for a timeline
	// nobody asked for before (a random word, size and depth) once per
	// period, besides the Clients.
	UncachedEvery time.Duration
	Seed          uint64   // the random choices; the same seed makes the same requests
	Warm          int      // distinct cached timelines, requested once before the clock starts
	Topics        []string // timeline queries (topics); empty means words drawn from the store
	// Think, when positive, is how long a client waits after an answer
	// before its next request (a reader reading: Think/2 to 3·Think/2),
	// and its first request comes after a pause as long (0 to 3·Think/2),
	// as readers arrive independently: without it every client's first
	// request reaches the cold server in the same millisecond. Zero is a
	// closed loop at full speed, where latency is mostly queueing for the
	// CPUs.
	Think time.Duration
}

// Mix weighs the kinds of request the clients send.
type Mix struct {
	Search, Article, Timeline, Uncached int
}

// ParseMix reads "search=45,article=45,timeline=10,uncached=0".
func ParseMix(s string) (Mix, error) {
	var m Mix
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		var n int
		if _, err := fmt.Sscan(v, &n); !ok || err != nil || n < 0 {
			return m, fmt.Errorf("mix %q: want kind=weight, weights whole numbers", part)
		}
		switch k {
		case "search":
			m.Search = n
		case "article":
			m.Article = n
		case "timeline":
			m.Timeline = n
		case "uncached":
			m.Uncached = n
		default:
			return m, fmt.Errorf("mix: unknown kind %q (search, article, timeline, uncached)", k)
		}
	}
	if m.Search+m.Article+m.Timeline+m.Uncached == 0 {
		return m, fmt.Errorf("mix %q: all weights are zero", s)
	}
	return m, nil
}

// Request kinds of a load report. A timeline is counted by what the server
// answered (X-Dateline-Cache), not by what the client meant: cached, built
// from documents already prepared for the same selection, or uncached
// (documents loaded from the store and prepared, then built).
const (
	KindSearch   = "search"
	KindArticle  = "article"
	KindCached   = "timeline (cached)"
	KindCorpus   = "timeline (built, documents prepared)"
	KindUncached = "timeline (uncached)"
)

// LoadReport is what Load measured.
type LoadReport struct {
	Elapsed time.Duration
	Kinds   map[string]*Latencies
	Errors  []string // the first errors, "kind: what"
}

// Latencies are the answers of one kind.
type Latencies struct {
	Times  []time.Duration
	Errors int
	// Unfinished counts the requests still waiting for their answer when
	// the run ended (not in Times: their latency is unknown, only longer
	// than LongestUnfinished).
	Unfinished        int
	LongestUnfinished time.Duration
}

// Quantile returns the q-quantile (0..1) of the latencies, nearest rank.
func (l *Latencies) Quantile(q float64) time.Duration {
	if len(l.Times) == 0 {
		return 0
	}
	t := slices.Clone(l.Times)
	slices.Sort(t)
	i := int(q*float64(len(t))+0.5) - 1
	return t[max(0, min(i, len(t)-1))]
}

// Total is the number of requests of all kinds and of errors.
func (r *LoadReport) Total() (requests, errors int) {
	for _, l := range r.Kinds {
		requests += len(l.Times) + l.Errors
		errors += l.Errors
	}
	return requests, errors
}

// Write prints the report as a table.
func (r *LoadReport) Write(w io.Writer) {
	n, errs := r.Total()
	fmt.Fprintf(w, "%d requests in %.1fs: %.0f requests/s, %d errors\n", n, r.Elapsed.Seconds(), float64(n)/r.Elapsed.Seconds(), errs)
	fmt.Fprintf(w, "%-38s %8s %7s %9s %9s %9s %9s\n", "kind", "requests", "errors", "p50", "p90", "p99", "max")
	for _, k := range []string{KindSearch, KindArticle, KindCached, KindCorpus, KindUncached} {
		l := r.Kinds[k]
		if l == nil {
			continue
		}
		ms := func(q float64) string { return fmt.Sprintf("%.1fms", float64(l.Quantile(q).Microseconds())/1000) }
		fmt.Fprintf(w, "%-38s %8d %7d %9s %9s %9s %9s\n", k, len(l.Times)+l.Errors, l.Errors, ms(.5), ms(.9), ms(.99), ms(1))
	}
	for _, k := range []string{KindSearch, KindArticle, KindCached, KindCorpus, KindUncached, kindTimeline} {
		if l := r.Kinds[k]; l != nil && l.Unfinished > 0 {
			fmt.Fprintf(w, "%s: %d requests unanswered at the end, the longest waiting %.1fms\n", k, l.Unfinished,
				float64(l.LongestUnfinished.Microseconds())/1000)
		}
	}
	for _, e := range r.Errors {
		fmt.Fprintln(w, "error:", e)
	}
}

// workload is what the clients draw their requests from: words and
// article ids found in the store itself.
type workload struct {
	sentences [][]string // the words of stored sentences, for search queries
	words     []string   // words of stored sentences of six letters or more, for timeline topics
	topics    []string   // timeline queries: LoadConfig.Topics, or words
	ids       []string   // stored article ids
	cached    []string   // timeline query strings warmed before the clock starts
}

// Load sends cfg.Clients clients' requests to the server for
// cfg.Duration and measures the answers. It refuses a URL that is not on
// the loopback interface: a load test must not leave the machine.
func Load(ctx context.Context, cfg LoadConfig) (*LoadReport, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || !loopback(u.Hostname()) {
		return nil, fmt.Errorf("load: %q is not a loopback URL (127.0.0.1, ::1, localhost)", cfg.URL)
	}
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConns: cfg.Clients + 8,
		MaxIdleConnsPerHost: cfg.Clients + 8, IdleConnTimeout: time.Minute}}
	rng := rand.New(rand.NewPCG(cfg.Seed, 14))
	wl, err := discover(ctx, client, cfg, rng)
	if err != nil {
		return nil, err
	}
	rep := &LoadReport{Kinds: map[string]*Latencies{}}
	var mu sync.Mutex
	record := func(kind string, d time.Duration, err error) {
		mu.Lock()
		defer mu.Unlock()
		l := rep.Kinds[kind]
		if l == nil {
			l = &Latencies{}
			rep.Kinds[kind] = l
		}
		if err == errUnfinished {
			l.Unfinished++
			l.LongestUnfinished = max(l.LongestUnfinished, d)
			return
		}
		if err != nil {
			l.Errors++
			if len(rep.Errors) < 20 {
				rep.Errors = append(rep.Errors, kind+": "+err.Error())
			}
			return
		}
		l.Times = append(l.Times, d)
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, uint64(i)+100))
			if cfg.Think > 0 && !pause(ctx, time.Duration(r.Int64N(int64(cfg.Think*3/2)))) {
				return
			}
			for ctx.Err() == nil {
				kind, path := wl.next(r, cfg.Mix)
				send(ctx, client, cfg.URL+path, kind, record)
				if cfg.Think > 0 {
					pause(ctx, cfg.Think/2+time.Duration(r.Int64N(int64(cfg.Think))))
				}
			}
		}()
	}
	if cfg.UncachedEvery > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, 99))
			t := time.NewTicker(cfg.UncachedEvery)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					go send(ctx, client, cfg.URL+wl.uncached(r), KindUncached, record)
				}
			}
		}()
	}
	wg.Wait()
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// pause waits d, false when ctx ends first.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func loopback(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

// errUnfinished marks a request cut by the end of the run.
var errUnfinished = errors.New("unfinished")

// kindTimeline is where an unfinished timeline request is counted: the
// server has not said whether it was cached.
const kindTimeline = "timeline"

// send makes one request and records its latency under its kind (a
// timeline under what the server says of its cache). A request cut by the
// end of the run is counted as unfinished, with how long it waited.
func send(ctx context.Context, client *http.Client, u, kind string, record func(string, time.Duration, error)) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	t0 := time.Now()
	resp, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
	d := time.Since(t0)
	if ctx.Err() != nil {
		if err != nil { // cut: an answer in time is counted as any other
			if kind == KindCached || kind == KindUncached {
				kind = kindTimeline
			}
			record(kind, d, errUnfinished)
			return
		}
	}
	if kind == KindCached || kind == KindUncached {
		kind = KindUncached
		switch {
		case err != nil:
		case resp.Header.Get("X-Dateline-Cache") == "hit":
			kind = KindCached
		case resp.Header.Get("X-Dateline-Cache") == "corpus":
			kind = KindCorpus
		}
	}
	record(kind, d, err)
}

// next draws a request by the mix's weights.
func (wl *workload) next(r *rand.Rand, m Mix) (kind, path string) {
	n := r.IntN(m.Search + m.Article + m.Timeline + m.Uncached)
	switch {
	case n < m.Search:
		return KindSearch, "/api/search?q=" + url.QueryEscape(wl.query(r))
	case n < m.Search+m.Article:
		return KindArticle, "/api/articles/" + url.PathEscape(wl.ids[r.IntN(len(wl.ids))])
	case n < m.Search+m.Article+m.Timeline:
		return KindCached, "/api/timeline?" + wl.cached[r.IntN(len(wl.cached))]
	}
	return KindUncached, wl.uncached(r)
}

// query is a search as a reader types one: one word, or two words that
// follow each other, of a stored sentence, lower-cased — whatever words they
// are ("government", "the", "prime minister", "of the").
func (wl *workload) query(r *rand.Rand) string {
	ws := wl.sentences[r.IntN(len(wl.sentences))]
	i := r.IntN(len(ws))
	if r.IntN(2) == 0 && i+1 < len(ws) {
		return strings.ToLower(ws[i] + " " + ws[i+1])
	}
	return strings.ToLower(ws[i])
}

// uncached is a timeline request unlikely to have been asked before: a
// word of the store with a random size, depth and (half the time) a year.
func (wl *workload) uncached(r *rand.Rand) string {
	q := url.Values{"query": {wl.topics[r.IntN(len(wl.topics))]}, "dates": {fmt.Sprint(5 + r.IntN(40))},
		"per_date": {fmt.Sprint(1 + r.IntN(3))}}
	return "/api/timeline?" + q.Encode()
}

// discover finds words and article ids in the store through the API, and
// warms the cached timelines.
func discover(ctx context.Context, client *http.Client, cfg LoadConfig, rng *rand.Rand) (*workload, error) {
	if err := getJSON(ctx, client, cfg.URL+"/healthz", &json.RawMessage{}); err != nil {
		return nil, err
	}
	wl := &workload{}
	seen := map[string]bool{}
	// Search for the commonest words of news to find sentences, then take
	// the words and articles of those sentences.
	for _, seed := range []string{"said", "government", "people", "president", "police", "officials", "minister"} {
		var hits []struct {
			ArticleID string `json:"article_id"`
			Text      string `json:"text"`
		}
		if err := getJSON(ctx, client, cfg.URL+"/api/search?limit=500&q="+url.QueryEscape(seed), &hits); err != nil {
			return nil, err
		}
		for _, h := range hits {
			if !seen["id:"+h.ArticleID] {
				seen["id:"+h.ArticleID] = true
				wl.ids = append(wl.ids, h.ArticleID)
			}
			if ws := text.Words(h.Text); len(ws) > 0 {
				wl.sentences = append(wl.sentences, ws)
			}
			for _, w := range strings.Fields(h.Text) {
				w = strings.ToLower(w)
				if len(w) >= 6 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && !seen[w] {
					seen[w] = true
					wl.words = append(wl.words, w)
				}
			}
		}
	}
	if len(wl.words) == 0 || len(wl.ids) == 0 {
		return nil, fmt.Errorf("load: the store at %s has too little text to draw requests from", cfg.URL)
	}
	wl.topics = cfg.Topics
	if len(wl.topics) == 0 {
		wl.topics = wl.words
	}
	warm := max(cfg.Warm, 1)
	for i := range warm {
		q := url.Values{"query": {wl.topics[rng.IntN(len(wl.topics))]}, "dates": {fmt.Sprint(10 + i%3*5)}}
		wl.cached = append(wl.cached, q.Encode())
		if err := getJSON(ctx, client, cfg.URL+"/api/timeline?"+q.Encode(), &json.RawMessage{}); err != nil {
			return nil, err
		}
	}
	return wl, nil
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return fmt.Errorf("load: GET %s: %d %s", u, resp.StatusCode, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
