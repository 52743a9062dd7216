package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// MaxPageBytes is the largest HTML page the readers accept (after
// decompression); a larger page is an error, not a slow extraction.
const MaxPageBytes = 16 << 20

// ErrNoDate is the reason a page whose publication date nobody knows is
// skipped: neither the page (meta tags, JSON-LD, <time>, its URL) nor its
// container (feed item, Last-Modified, WARC-Date) names one.
var ErrNoDate = errors.New("no publication date")

// Page is a web page as it arrived: its bytes and what the container it came
// in says about it. Only Body is required.
type Page struct {
	Body         []byte
	URL          string    // where it was fetched or archived from; empty for a local file
	ContentType  string    // the HTTP Content-Type, whose charset wins over the page's own
	FeedDate     time.Time // the date of the feed item that linked to it
	LastModified time.Time // the HTTP Last-Modified header
	ArchiveDate  time.Time // the WARC-Date of the record that held it
}

// fallbackDate returns the first container date the page has, in the order
// of the DateFrom constants, and which one it was.
func (p Page) fallbackDate() (time.Time, string) {
	for _, c := range []struct {
		t    time.Time
		from string
	}{{p.FeedDate, DateFromFeed}, {p.LastModified, DateFromLastModified}, {p.ArchiveDate, DateFromWARC}} {
		if !c.t.IsZero() {
			return c.t.UTC(), c.from
		}
	}
	return time.Time{}, ""
}

// htmlDateOptions is how the publication date is looked for: htmldate's
// fast mode (meta tags, JSON-LD, <time>, <abbr>, the canonical URL, date
// patterns in the text, without go-dateparser), asking for the original
// publication date rather than the last update, with the time of day when
// the page gives it. Measured on the fixtures in testdata/html (see
// TestHTMLDateModes): it dates 10/10 to the instant, where trafilatura's own
// metadata pass (the same fast mode without times) dates 10/10 to the day
// but 6/10 to the instant. htmldate's thorough mode dates the fixtures the
// same, but runs go-dateparser over every locale on a malformed date: one
// fuzzed page took 2 s instead of 1 ms.
var htmlDateOptions = htmldate.Options{UseOriginalDate: true, ExtractTime: true, SkipExtensiveSearch: true}

// ParseHTML extracts the article in a web page with go-trafilatura: main
// text, title, author, site name and canonical URL; its publication date
// comes from the page through go-htmldate and, when the page names none,
// from its container (see Article.DateFrom). A page with no date at all is
// ErrNoDate; one with no main text is an error too.
//
// The URL of the article is p.URL when set (where the page was fetched or
// archived), else the page's canonical URL.
func ParseHTML(p Page) (Article, error) {
	a, _, err := parsePage(p)
	return a, err
}

// parsePage is ParseHTML; guessed tells that the site name is only the
// host of the page's URL (trafilatura's fallback), which a feed's title
// should replace.
func parsePage(p Page) (a Article, guessed bool, err error) {
	if len(p.Body) > MaxPageBytes {
		return Article{}, false, fmt.Errorf("page is %d bytes, over the %d-byte limit", len(p.Body), MaxPageBytes)
	}
	doc, err := parseHTMLDoc(p.Body, p.ContentType)
	if err != nil {
		return Article{}, false, err
	}
	dopts := htmlDateOptions
	dopts.URL = resolve(p.URL, canonicalURL(doc)) // its path may carry the date
	if dopts.URL == "" {
		dopts.URL = p.URL
	}
	date, _ := htmldate.FromDocument(doc, dopts) // an error only means no date was found
	opts := trafilatura.Options{
		Config:           extractConfig(),
		ExcludeComments:  true,
		ExcludeTables:    true,
		HtmlDateOverride: &date,
	}
	if u, err := url.Parse(p.URL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Article{}, false, fmt.Errorf("no main text: %w", err)
	}
	m := res.Metadata
	text := nodeText(res.ContentNode, m.Title)
	if text == "" {
		return Article{}, false, errors.New("no main text")
	}
	guessed = m.Sitename != "" && (m.Sitename == hostName(m.URL) || m.Sitename == hostName(p.URL))
	a = Article{Title: m.Title, Text: text, URL: p.URL, Source: m.Sitename, Author: byline(m.Author)}
	if a.URL == "" {
		a.URL = m.URL
	}
	switch {
	case !date.IsZero():
		a.Published = pageTime(date)
	default:
		a.Published, a.DateFrom = p.fallbackDate()
		if a.Published.IsZero() {
			return Article{}, false, ErrNoDate
		}
	}
	a.ID = HashID(a.Published, a.Title, a.Text)
	return a, guessed, nil
}

// canonicalURL returns the href of the page's <link rel="canonical">, or "".
func canonicalURL(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Link {
		var rel, href string
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "rel":
				rel = strings.ToLower(strings.TrimSpace(a.Val))
			case "href":
				href = strings.TrimSpace(a.Val)
			}
		}
		if rel == "canonical" {
			return href
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return "" // canonical links live in the head
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if u := canonicalURL(c); u != "" {
			return u
		}
	}
	return ""
}

// notNames begin what trafilatura can take for an author from a page's
// byline element when the byline holds only a date stamp.
var notNames = []string{"published", "updated", "posted", "last modified"}

// byline returns author, or "" when it is a date stamp's words rather than a
// name.
func byline(author string) string {
	l := strings.ToLower(author)
	for _, w := range notNames {
		if strings.HasPrefix(l, w) {
			return ""
		}
	}
	return author
}

// minExtracted is the length (in runes) of extracted text below which
// trafilatura falls back to its baseline, which takes all the text of the
// <article> element (or of the page) as one paragraph, navigation included.
// Its default, 250, sends short news briefs there; 50 keeps the extraction
// of any article of two sentences.
const minExtracted = 50

// extractConfig is trafilatura's default configuration with minExtracted.
func extractConfig() *trafilatura.Config {
	c := trafilatura.DefaultConfig()
	c.MinExtractedSize = minExtracted
	return c
}

// pageTime is the publication instant htmldate found, in UTC; a bare day
// (no time of day on the page) is midnight UTC of that day, as everywhere in
// dateline.
func pageTime(r htmldate.Result) time.Time {
	if !r.HasTime {
		y, m, d := r.DateTime.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return r.DateTime.UTC()
}

// parseHTMLDoc decodes body to UTF-8 and parses it. The encoding is the one
// the HTTP Content-Type or a byte order mark declares, else the page's
// <meta charset> (WHATWG rules: ISO-8859-1 is read as windows-1252); a page
// that declares nothing is UTF-8 when its bytes are valid UTF-8, else
// windows-1252. A page whose bytes are valid UTF-8 is read as UTF-8 even when
// its <meta> says otherwise, since pages mislabelled that way are common and
// the reverse is not.
func parseHTMLDoc(body []byte, contentType string) (*html.Node, error) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		name = "utf-8"
	}
	r := bytes.NewReader(body)
	if name == "utf-8" {
		return html.Parse(r)
	}
	return html.Parse(transform.NewReader(r, enc.NewDecoder()))
}

// readHTML reads one local web page; the file has no container, so a page
// without a date of its own is ErrNoDate.
func readHTML(name string, r io.Reader, yield func(Article, error) bool) bool {
	body, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: err})
	}
	a, err := ParseHTML(Page{Body: body})
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: err})
	}
	a.Origin = name
	return yield(a, nil)
}
