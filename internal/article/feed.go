package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Fetcher gets a web page by URL: a URL named as input, or the page a feed
// item links to when the item carries only a summary. internal/fetch is the
// polite implementation; tests use httptest servers.
type Fetcher interface {
	// Fetch returns the page at url (after redirects, with Page.URL the
	// final address). An error wrapping ErrNotModified means the page is
	// unchanged since it was last read: there is nothing new to read.
	Fetch(ctx context.Context, url string) (Page, error)
}

// ErrNotModified is what a Fetcher's error wraps when the server answered a
// conditional request with 304 Not Modified. Readers skip such pages
// silently: they were read on an earlier run.
var ErrNotModified = errors.New("not modified since the last fetch")

// ErrPermanent is matched (errors.Is) by Fetcher errors that fetching again
// would not change: robots.txt disallows the URL, the server answered 4xx.
// A feed whose items failed only so is remembered as read; one with other
// failures (time-outs, 5xx) is fetched whole again next time.
var ErrPermanent = errors.New("permanent")

// maxFeedBytes bounds a feed file read whole into memory.
const maxFeedBytes = 64 << 20

// readFeed reads an RSS, Atom or JSON Feed document. An item with content
// (content:encoded, Atom content, JSON Feed content_html or content_text) is
// an article dated by the item; an item with only a summary is fetched from
// its link, and the page's own date wins over the item's (see Page.FeedDate).
// Items that fail are errors naming the item; the rest goes on.
//
// Relative links resolve against base (the feed's own URL, when fetched),
// else against the feed's channel link.
func (r *Reader) readFeed(name, base string, body []byte, yield func(Article, error) bool) bool {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("feed: %w", err)})
	}
	if base == "" {
		base = feed.Link
	}
	for _, item := range feed.Items {
		item.Link = resolve(base, item.Link)
	}
	for i, item := range feed.Items {
		if r.Context != nil && r.Context.Err() != nil {
			return false // interrupted: stop quietly
		}
		a, ok, err := r.feedItem(feed, item)
		if err != nil {
			if !yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("item %d: %w", i+1, err)}) {
				return false
			}
			continue
		}
		if !ok {
			continue
		}
		if a.Origin == "" {
			a.Origin = fmt.Sprintf("%s:item %d", name, i+1)
		}
		if !yield(a, nil) {
			return false
		}
	}
	return true
}

// feedItem makes the article of one item; ok is false when the linked page
// is unchanged since it was last read.
func (r *Reader) feedItem(feed *gofeed.Feed, item *gofeed.Item) (a Article, ok bool, err error) {
	date := itemDate(item)
	if text := contentText(item.Content); text != "" {
		if date.IsZero() {
			return Article{}, false, ErrNoDate
		}
		a = Article{Published: date, Title: strings.TrimSpace(item.Title), Text: text, URL: item.Link,
			Source: strings.TrimSpace(feed.Title), Author: itemAuthor(item)}
		a.ID = HashID(a.Published, a.Title, a.Text)
		return a, true, nil
	}
	if item.Link == "" {
		return Article{}, false, fmt.Errorf("%w: no content and no link", ErrNotArticle)
	}
	if r.Fetcher == nil {
		return Article{}, false, fmt.Errorf("only a summary, and no fetcher to read its link %s", item.Link)
	}
	page, err := r.Fetcher.Fetch(r.context(), item.Link)
	if errors.Is(err, ErrNotModified) {
		return Article{}, false, nil
	}
	if err != nil && !errors.Is(err, ErrPermanent) {
		return Article{}, false, fetchError{err}
	}
	if err != nil {
		return Article{}, false, err
	}
	page.FeedDate = date
	a, guessed, err := parsePage(page)
	if err != nil {
		return Article{}, false, fmt.Errorf("%s: %w", page.URL, err)
	}
	if a.Title == "" {
		a.Title = strings.TrimSpace(item.Title)
	}
	if a.Author == "" {
		a.Author = itemAuthor(item)
	}
	if a.Source == "" || guessed { // trafilatura's guess from the URL: the feed knows better
		a.Source = strings.TrimSpace(feed.Title)
	}
	a.Origin = page.URL
	return a, true, nil
}

// fetchError marks an item whose linked page could not be fetched (as
// opposed to read) for a reason that may pass: worth trying again later.
type fetchError struct{ error }

func (e fetchError) Unwrap() error { return e.error }

// resolve makes link absolute against base, when base is an absolute URL.
func resolve(base, link string) string {
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || link == "" {
		return link
	}
	l, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return link
	}
	return b.ResolveReference(l).String()
}

// hostName is the host of a URL without "www.".
func hostName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

// itemDate is when the item was published, else last updated, in UTC.
func itemDate(item *gofeed.Item) time.Time {
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

// itemAuthor joins the item's author names.
func itemAuthor(item *gofeed.Item) string {
	var names []string
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	return strings.Join(names, ", ")
}

// contentText is the prose of a feed item's content: HTML (most feeds), or
// plain text with paragraphs on blank lines (JSON Feed content_text).
func contentText(content string) string {
	if strings.TrimSpace(content) == "" {
		return ""
	}
	if !strings.Contains(content, "<") {
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(content, "\r\n", "\n"), "\n\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				paras = append(paras, p)
			}
		}
		return strings.Join(paras, "\n\n")
	}
	return fragmentText(content)
}
