package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/dateline-news/dateline/internal/article"
)

// UserAgent is what dateline calls itself on the web, and the token it
// looks for in robots.txt.
const UserAgent = "dateline/1 (+https://github.com/dateline-news/dateline; news timelines)"

// robotsToken is the product token robots.txt groups are matched against.
const robotsToken = "dateline"

// Cache remembers the validators of what was fetched, so that a later run
// asks only for what changed (conditional GET). The store implements it.
type Cache interface {
	// Validators returns what was remembered for url; empty strings when
	// nothing was.
	Validators(ctx context.Context, url string) (etag, lastModified string, err error)
	// Remember stores the validators of url.
	Remember(ctx context.Context, url, etag, lastModified string) error
}

// Options are a Client's limits; zero fields take the defaults in
// DefaultOptions.
type Options struct {
	UserAgent    string
	Delay        time.Duration // between two requests to one host (robots.txt Crawl-delay may ask for more)
	Timeout      time.Duration // for a whole request, body included
	MaxBytes     int64         // a larger response body is an error
	MaxRedirects int
	Cache        Cache             // nil: no conditional requests
	Transport    http.RoundTripper // nil: http.DefaultTransport
}

// DefaultOptions are the limits a Client takes for zero Options fields.
var DefaultOptions = Options{
	UserAgent:    UserAgent,
	Delay:        time.Second,
	Timeout:      30 * time.Second,
	MaxBytes:     article.MaxPageBytes,
	MaxRedirects: 5,
}

// Stats counts what a Client did.
type Stats struct {
	Fetched     int // 200 responses read
	NotModified int // 304 answers to conditional requests
	Disallowed  int // URLs robots.txt keeps dateline from
	Failed      int // errors of any other kind
}

// Client is a polite HTTP fetcher: it implements article.Fetcher. It is safe
// for concurrent use; requests to one host are serialized and spaced.
type Client struct {
	opts   Options
	http   *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
	valid  map[string]validators // fetched this run, remembered by Commit
	counts Stats
}

// allows reports whether robots.txt lets dateline fetch u.
func (h *host) allows(u *url.URL) bool {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return h.robots.TestAgent(p, robotsToken)
}

// host is the politeness state of one scheme://host:port.
type host struct {
	mu   sync.Mutex // held for the whole of a page request to the host
	next time.Time  // no page request before then; guarded by mu

	rmu    sync.Mutex            // guards robots and delay, set once
	robots *robotstxt.RobotsData // nil until robots.txt was read
	delay  time.Duration
}

type validators struct{ etag, lastModified string }

// ErrDisallowed is the reason a URL robots.txt disallows is not fetched.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// permanent marks an error that fetching again would not change: it
// matches article.ErrPermanent, its message is its cause's.
type permanent struct{ error }

func (p permanent) Unwrap() error        { return p.error }
func (p permanent) Is(target error) bool { return target == article.ErrPermanent }

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	d := DefaultOptions
	if opts.UserAgent == "" {
		opts.UserAgent = d.UserAgent
	}
	if opts.Delay == 0 {
		opts.Delay = d.Delay
	}
	if opts.Timeout == 0 {
		opts.Timeout = d.Timeout
	}
	if opts.MaxBytes == 0 {
		opts.MaxBytes = d.MaxBytes
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = d.MaxRedirects
	}
	c := &Client{opts: opts, hosts: map[string]*host{}, valid: map[string]validators{}}
	c.http = &http.Client{Transport: opts.Transport, Timeout: opts.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

var _ article.Fetcher = (*Client)(nil)

// Fetch gets rawURL politely: it honours robots.txt, waits its turn for the
// host, sends the validators remembered for the URL, and reads at most
// MaxBytes of the body. A 304 is an error wrapping article.ErrNotModified;
// any status but 200 is an error.
func (c *Client) Fetch(ctx context.Context, rawURL string) (article.Page, error) {
	p, err := c.fetch(ctx, rawURL)
	c.mu.Lock()
	switch {
	case err == nil:
		c.counts.Fetched++
	case errors.Is(err, article.ErrNotModified):
		c.counts.NotModified++
	case errors.Is(err, ErrDisallowed):
		c.counts.Disallowed++
	default:
		c.counts.Failed++
	}
	c.mu.Unlock()
	return p, err
}

func (c *Client) fetch(ctx context.Context, rawURL string) (article.Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return article.Page{}, fmt.Errorf("%s: not an http(s) URL", rawURL)
	}
	h, err := c.host(ctx, u)
	if err != nil {
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if !h.allows(u) {
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, permanent{ErrDisallowed})
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if c.opts.Cache != nil {
		etag, lm, err := c.opts.Cache.Validators(ctx, rawURL)
		if err != nil {
			return article.Page{}, fmt.Errorf("%s: conditional request: %w", rawURL, err)
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if lm != "" {
			req.Header.Set("If-Modified-Since", lm)
		}
	}
	resp, body, err := c.do(ctx, h, req)
	if err != nil {
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, article.ErrNotModified)
	default:
		err := fmt.Errorf("HTTP %s", resp.Status)
		if resp.StatusCode >= 400 && resp.StatusCode < 500 {
			err = permanent{err}
		}
		return article.Page{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	c.mu.Lock()
	c.valid[rawURL] = validators{resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")}
	c.mu.Unlock()
	p := article.Page{Body: body, URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	p.LastModified, _ = http.ParseTime(resp.Header.Get("Last-Modified"))
	return p, nil
}

// do sends req when the host's turn comes, holding the host for the whole
// request, and reads the body up to MaxBytes.
func (c *Client) do(ctx context.Context, h *host, req *http.Request) (*http.Response, []byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := sleepUntil(ctx, h.next); err != nil {
		return nil, nil, err
	}
	defer func() { h.next = time.Now().Add(h.delay) }()
	req.Header.Set("User-Agent", c.opts.UserAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.plain(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the response: %w", c.plain(err))
	}
	if int64(len(body)) > c.opts.MaxBytes {
		return nil, nil, fmt.Errorf("response cut at the %d-byte limit", c.opts.MaxBytes)
	}
	return resp, body, nil
}

// plain says a transport error in a line's words: a time-out as the limit
// it ran into, a failed redirect or connection without net/http's
// "Get \"URL\":" prefix (the caller names the URL).
func (c *Client) plain(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("no complete response within the %v time-out", c.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// checkRedirect bounds redirects and keeps them to what robots.txt allows.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects", c.opts.MaxRedirects)
	}
	h, err := c.host(req.Context(), req.URL)
	if err != nil {
		return err
	}
	if !h.allows(req.URL) {
		return permanent{fmt.Errorf("redirect to %s: %w", req.URL, ErrDisallowed)}
	}
	return nil
}

// sleepUntil waits until t or until ctx is done.
func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// Commit remembers, in the Cache, the validators of every page fetched
// since the last Commit, and forgets them here. Call it once what was
// fetched is safely stored, so that an interrupted run fetches again what it
// did not store.
func (c *Client) Commit(ctx context.Context) error {
	c.mu.Lock()
	pending := c.valid
	c.valid = map[string]validators{}
	c.mu.Unlock()
	if c.opts.Cache == nil {
		return nil
	}
	for _, u := range sortedURLs(pending) {
		v := pending[u]
		if v.etag == "" && v.lastModified == "" {
			continue
		}
		if err := c.opts.Cache.Remember(ctx, u, v.etag, v.lastModified); err != nil {
			return fmt.Errorf("remember %s: %w", u, err)
		}
	}
	return nil
}

// Forget drops the validators of url fetched this run, so that the next run
// fetches it whole again: a feed some of whose items could not be read.
func (c *Client) Forget(url string) {
	c.mu.Lock()
	delete(c.valid, url)
	c.mu.Unlock()
}

// Stats returns the counts so far.
func (c *Client) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts
}
