package article

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// htmlCase is what a fixture page in testdata/html must give.
type htmlCase struct {
	file        string
	date        string // RFC 3339, or "" when the page is ErrNoDate
	title       string
	url         string
	source      string
	author      string
	first, last string // the first and last paragraph begin so
}

// htmlCases cover each way a page states its date, the charsets a page may
// declare, and a page with no date.
var htmlCases = []htmlCase{
	{file: "meta-published-time.html", date: "2024-03-05T08:30:00Z", title: "Council approves new ferry timetable",
		url: "https://courier.example/news/ferry-timetable", source: "The Lakeside Courier", author: "Mira Okafor",
		first: "The town council on Tuesday approved", last: "The ferry operator said"},
	{file: "modified-before-published.html", date: "2024-03-05T08:30:00Z", title: "Council approves new ferry timetable",
		url: "https://courier.example/news/ferry-timetable-updated", source: "The Lakeside Courier", author: "Mira Okafor",
		first: "The town council on Tuesday approved", last: "The ferry operator said"},
	{file: "jsonld-date-published.html", date: "2023-04-18T07:15:00Z", title: "Orchard growers count losses after late frost",
		source: "Valley Farm Weekly", author: "Tomas Varga", first: "Apple and pear growers", last: "Frost fans and sprinklers"},
	{file: "time-element.html", date: "2023-11-20T00:00:00Z", title: "Library reopens after two-year renovation",
		author: "Lena Brandt", first: "The central library reopened", last: "The head librarian said"},
	{file: "date-in-text.html", date: "2022-01-12T14:05:00Z", title: "Tram line extension opens in the east",
		first: "The central library reopened", last: "The head librarian said"},
	{file: "date-in-url.html", date: "2022-07-14T00:00:00Z", title: "Harbour bridge reopens to traffic",
		url:   "https://portgazette.example/2022/07/14/harbour-bridge-reopens.html",
		first: "The harbour bridge reopened", last: "The city's transport office"},
	{file: "windows-1252.html", date: "2021-06-02T00:00:00Z", title: "Café owners protest new terrace fees",
		first: "Owners of cafés around the cathedral square said on Wednesday that the city’s new terrace fees – up to €40",
		last:  "The city said the fees"},
	{file: "iso-8859-1.html", date: "2020-09-15T00:00:00Z", title: "Bürgermeister opens new footbridge over the Wörth canal",
		first: "The Bürgermeister of the town", last: "Cyclists will be allowed"},
	{file: "shift_jis.html", date: "2019-10-01T00:00:00Z", title: "市立図書館が新しい閲覧室を公開",
		first: "市立図書館は一日", last: "改装工事は昨年の春に始まり"},
	{file: "no-date.html"},
}

func TestParseHTMLFixtures(t *testing.T) {
	for _, c := range htmlCases {
		t.Run(c.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata/html", c.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParseHTML(Page{Body: body})
			if c.date == "" {
				if !errors.Is(err, ErrNoDate) {
					t.Fatalf("err = %v, want ErrNoDate", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLArticle(t, c, a)
		})
	}
}

func checkHTMLArticle(t *testing.T, c htmlCase, a Article) {
	t.Helper()
	if got := a.Published.Format(time.RFC3339); got != c.date {
		t.Errorf("published = %s, want %s", got, c.date)
	}
	if a.Title != c.title {
		t.Errorf("title = %q, want %q", a.Title, c.title)
	}
	if c.url != "" && a.URL != c.url {
		t.Errorf("url = %q, want %q", a.URL, c.url)
	}
	if c.source != "" && a.Source != c.source {
		t.Errorf("source = %q, want %q", a.Source, c.source)
	}
	if a.Author != c.author {
		t.Errorf("author = %q, want %q", a.Author, c.author)
	}
	paras := strings.Split(a.Text, "\n\n")
	if !strings.HasPrefix(paras[0], c.first) || !strings.HasPrefix(paras[len(paras)-1], c.last) {
		t.Errorf("text = %q, want paragraphs from %q to %q", a.Text, c.first, c.last)
	}
	for _, boiler := range []string{"Subscribe now", "All rights reserved", "Privacy policy"} {
		if strings.Contains(a.Text, boiler) {
			t.Errorf("text keeps the page's boilerplate %q", boiler)
		}
	}
	if a.ID == "" || a.DateFrom != "" {
		t.Errorf("id %q, date from %q", a.ID, a.DateFrom)
	}
}

// TestHTMLDateModes measures the two ways of dating a page that the issue
// names on the fixtures: go-htmldate's thorough search with times (what
// ParseHTML uses) and trafilatura's own metadata pass (htmldate's fast mode,
// day only). The chosen one must date every fixture right; the counts of
// both are logged (go test -v -run TestHTMLDateModes).
func TestHTMLDateModes(t *testing.T) {
	var chosen, meta, metaInstant int
	for _, c := range htmlCases {
		body, err := os.ReadFile(filepath.Join("testdata/html", c.file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parseHTMLDoc(body, "")
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if c.date != "" {
			want = c.date[:10]
		}
		got := ""
		if r, _ := htmldate.FromDocument(doc, htmlDateOptions); !r.IsZero() {
			got = pageTime(r).Format(time.DateOnly)
		}
		if got == want {
			chosen++ // TestParseHTMLFixtures checks the instant
		} else {
			t.Errorf("%s: htmldate found %q, want %q", c.file, got, want)
		}
		res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{ExcludeComments: true})
		tgot := ""
		if err == nil && !res.Metadata.Date.IsZero() {
			tgot = res.Metadata.Date.Format(time.DateOnly)
		}
		if tgot == want {
			meta++
			if c.date == "" || res.Metadata.Date.UTC().Format(time.RFC3339) == c.date {
				metaInstant++
			}
		} else {
			t.Logf("%s: trafilatura's metadata found %q, want %q", c.file, tgot, want)
		}
	}
	t.Logf("pages dated right: htmldate (fast mode, with times) %d/%d to the instant; trafilatura metadata %d/%d to the day, %d/%d to the instant",
		chosen, len(htmlCases), meta, len(htmlCases), metaInstant, len(htmlCases))
}

func TestParseHTMLFallbackDates(t *testing.T) {
	body, err := os.ReadFile("testdata/html/no-date.html")
	if err != nil {
		t.Fatal(err)
	}
	feed := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	mod := time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)
	arch := time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		page Page
		want time.Time
		from string
	}{
		{"feed first", Page{FeedDate: feed, LastModified: mod, ArchiveDate: arch}, feed, DateFromFeed},
		{"then last-modified", Page{LastModified: mod, ArchiveDate: arch}, mod, DateFromLastModified},
		{"then warc-date", Page{ArchiveDate: arch}, arch, DateFromWARC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.page.Body = body
			tt.page.URL = "http://news.test/about"
			a, err := ParseHTML(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(tt.want) || a.DateFrom != tt.from {
				t.Errorf("published %v from %q, want %v from %q", a.Published, a.DateFrom, tt.want, tt.from)
			}
			if a.URL != "http://news.test/about" {
				t.Errorf("url = %q, want the page's own", a.URL)
			}
		})
	}
	// A page that dates itself keeps its own date whatever the container says.
	dated, _ := os.ReadFile("testdata/html/time-element.html")
	a, err := ParseHTML(Page{Body: dated, ArchiveDate: arch})
	if err != nil || a.Published.Format(time.DateOnly) != "2023-11-20" || a.DateFrom != "" {
		t.Errorf("dated page: %v from %q, %v", a.Published, a.DateFrom, err)
	}
}

func TestParseHTMLContentTypeCharset(t *testing.T) {
	// Latin-1 bytes with no declaration in the page: the HTTP header decides.
	body := []byte("<html><head><title>Caf\xe9</title><meta property=\"article:published_time\" content=\"2020-01-02\"></head>" +
		"<body><article><p>The caf\xe9 on the corner reopened on Thursday after a long closure, its owner said.</p></article></body></html>")
	a, err := ParseHTML(Page{Body: body, ContentType: "text/html; charset=iso-8859-1"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café" || !strings.Contains(a.Text, "The café on the corner") {
		t.Errorf("title %q text %q", a.Title, a.Text)
	}
}

func TestParseHTMLBad(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"empty", "", "no main text"},
		{"no body text", "<html><head><meta property=\"article:published_time\" content=\"2020-01-02\"></head><body></body></html>", "no main text"},
		{"malformed", "<html><body><p>Unclosed <b>tags <i>everywhere<div></p></span>", "no publication date"},
		{"binary", "\x00\x01\x02\xff\xfe", "no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseHTML(Page{Body: []byte(tt.body)})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestReadHTMLDirectory reads the fixture directory and a gzip-compressed
// copy of a page through Read: every page is an article but the undated one,
// which is one error naming its file.
func TestReadHTMLDirectory(t *testing.T) {
	dir := t.TempDir()
	body, err := os.ReadFile("testdata/html/date-in-url.html")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	gz := filepath.Join(dir, "bridge.htm.gz")
	if err := os.WriteFile(gz, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	as, errs := collect(t, "testdata/html", gz)
	if len(as) != len(htmlCases) || len(errs) != 1 {
		t.Fatalf("%d articles, errors %v; want %d and one error", len(as), errs, len(htmlCases))
	}
	if got := errs[0].Error(); got != "testdata/html/no-date.html: no publication date" {
		t.Errorf("error = %q", got)
	}
	if last := as[len(as)-1]; last.Title != "Harbour bridge reopens to traffic" || last.Origin != gz {
		t.Errorf("gzip page: %q from %s", last.Title, last.Origin)
	}
}

// BenchmarkParseHTML reads the fixture pages; MB/s is of HTML bytes.
func BenchmarkParseHTML(b *testing.B) {
	var pages [][]byte
	var n int64
	for _, c := range htmlCases {
		body, err := os.ReadFile(filepath.Join("testdata/html", c.file))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, body)
		n += int64(len(body))
	}
	b.SetBytes(n / int64(len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseHTML(Page{Body: pages[i%len(pages)]})
	}
}

// bigPage is an invented page of a news site's size (24 KB): navigation,
// scripts, styles, twenty paragraphs, a footer.
func bigPage(i int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story number ` + fmt.Sprint(i) + `</title>`)
	b.WriteString(`<meta property="article:published_time" content="2023-05-0` + fmt.Sprint(1+i%9) + `T10:00:00Z">`)
	b.WriteString(`<script>` + strings.Repeat("var x = function(a){return a*2;};\n", 300) + `</script>`)
	b.WriteString(`<style>` + strings.Repeat(".c{color:red;margin:0 auto;}\n", 200) + `</style></head><body><header><nav>`)
	for k := 0; k < 60; k++ {
		b.WriteString(`<a href="/section/` + fmt.Sprint(k) + `">Section ` + fmt.Sprint(k) + `</a> `)
	}
	b.WriteString(`</nav></header><main><article><h1>Story number ` + fmt.Sprint(i) + `</h1>`)
	for k := 0; k < 20; k++ {
		fmt.Fprintf(&b, "<p>Paragraph %d of story %d: the council met on Tuesday to discuss the harbour, the ferries and the new bridge, and the mayor said the plans would be published next week after a long consultation with residents and shop owners.</p>", k, i)
	}
	b.WriteString(`</article></main><footer>` + strings.Repeat("<p>Links and copyright and more links.</p>", 30) + `</footer></body></html>`)
	return b.String()
}

// BenchmarkParseHTMLPage extracts news-site-sized pages; MB/s is of HTML.
func BenchmarkParseHTMLPage(b *testing.B) {
	pages := make([][]byte, 16)
	var n int64
	for i := range pages {
		pages[i] = []byte(bigPage(i))
		n += int64(len(pages[i]))
	}
	b.SetBytes(n / int64(len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ParseHTML(Page{Body: pages[i%len(pages)]}); err != nil {
			b.Fatal(err)
		}
	}
}
