package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"

	"github.com/temoto/robotstxt"
)

// maxRobotsBytes bounds a robots.txt file (Google reads 500 KiB).
const maxRobotsBytes = 512 << 10

// host returns the politeness state of u's host, reading its robots.txt on
// first use. robots.txt answering 4xx allows everything, 5xx or a network
// error disallows everything (RFC 9309), and its Crawl-delay lengthens the
// delay between requests.
func (c *Client) host(ctx context.Context, u *url.URL) (*host, error) {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	h, ok := c.hosts[key]
	if !ok {
		h = &host{delay: c.opts.Delay}
		c.hosts[key] = h
	}
	c.mu.Unlock()
	h.rmu.Lock()
	defer h.rmu.Unlock()
	if h.robots != nil {
		return h, nil
	}
	data, err := c.readRobots(ctx, key+"/robots.txt")
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		data, _ = robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
	}
	h.robots = data
	if g := data.FindGroup(robotsToken); g != nil && g.CrawlDelay > h.delay {
		h.delay = g.CrawlDelay
	}
	return h, nil
}

// readRobots fetches and parses a robots.txt (redirects followed, as RFC
// 9309 asks, up to MaxRedirects).
func (c *Client) readRobots(ctx context.Context, robotsURL string) (*robotstxt.RobotsData, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	plain := &http.Client{Transport: c.opts.Transport, Timeout: c.opts.Timeout, CheckRedirect: func(_ *http.Request, via []*http.Request) error {
		if len(via) > c.opts.MaxRedirects {
			return fmt.Errorf("stopped after %d redirects", c.opts.MaxRedirects)
		}
		return nil
	}}
	resp, err := plain.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return nil, err
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return nil, fmt.Errorf("robots.txt: %w", err)
	}
	return data, nil
}

func sortedURLs(m map[string]validators) []string {
	us := make([]string, 0, len(m))
	for u := range m {
		us = append(us, u)
	}
	sort.Strings(us)
	return us
}
