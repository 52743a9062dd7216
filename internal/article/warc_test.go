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

	"github.com/nlnwa/gowarc/v3"
)

// warcRec is one record of a test WARC file.
type warcRec struct {
	typ   gowarc.RecordType
	uri   string
	date  time.Time
	block string // the HTTP message, or the warcinfo fields
}

// httpResponse is an archived HTTP response.
func httpResponse(status, contentType, body string, extra ...string) string {
	h := "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n"
	for _, e := range extra {
		h += e + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

// writeWARC writes recs with gowarc, each record its own gzip member when gz
// (as Common Crawl does), and returns the file's bytes.
func writeWARC(t testing.TB, recs []warcRec, gz bool) []byte {
	return bytes.Join(warcRecords(t, recs, gz), nil)
}

// warcRecords returns the bytes of each record as writeWARC writes it.
func warcRecords(t testing.TB, recs []warcRec, gz bool) [][]byte {
	t.Helper()
	var all [][]byte
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		var out bytes.Buffer
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingContentLength(true),
			gowarc.WithAddMissingDigest(true))
		b.AddWarcHeaderTime(gowarc.WarcDate, r.date)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		switch r.typ {
		case gowarc.Response:
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		case gowarc.Request:
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		default:
			b.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
		}
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		wr, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		if gz {
			zw := gzip.NewWriter(&out)
			if _, _, err := m.Marshal(zw, wr, 0); err != nil {
				t.Fatal(err)
			}
			zw.Close()
		} else if _, _, err := m.Marshal(&out, wr, 0); err != nil {
			t.Fatal(err)
		}
		wr.Close()
		all = append(all, out.Bytes())
	}
	return all
}

var crawlDate = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// fixtureWARC holds the fixture pages as 200 responses, between a warcinfo
// record, a request, a PDF and a 404.
func fixtureWARC(t testing.TB) []warcRec {
	recs := []warcRec{{typ: gowarc.Warcinfo, date: crawlDate, block: "software: dateline test\r\nformat: WARC File Format 1.1\r\n"}}
	for _, c := range htmlCases {
		body, err := os.ReadFile(filepath.Join("testdata/html", c.file))
		if err != nil {
			t.Fatal(err)
		}
		uri := "https://warc.test/" + c.file
		recs = append(recs,
			warcRec{typ: gowarc.Request, uri: uri, date: crawlDate, block: "GET /" + c.file + " HTTP/1.1\r\nHost: warc.test\r\n\r\n"},
			warcRec{typ: gowarc.Response, uri: uri, date: crawlDate, block: httpResponse("200 OK", "text/html", string(body))})
	}
	return append(recs,
		warcRec{typ: gowarc.Response, uri: "https://warc.test/report.pdf", date: crawlDate,
			block: httpResponse("200 OK", "application/pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")},
		warcRec{typ: gowarc.Response, uri: "https://warc.test/gone.html", date: crawlDate,
			block: httpResponse("404 Not Found", "text/html", "<html><body><p>Not found</p></body></html>")})
}

func TestReadWARC(t *testing.T) {
	recs := fixtureWARC(t)
	plain := writeWARC(t, recs, false)
	var whole bytes.Buffer // the whole file in one gzip member, as gzip(1) would make it
	zw := gzip.NewWriter(&whole)
	zw.Write(plain)
	zw.Close()
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"pages.warc", plain},
		{"pages.warc.gz", writeWARC(t, recs, true)},
		{"whole.warc.gz", whole.Bytes()},
	} {
		name := c.name
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			as, errs := collect(t, path)
			if len(as) != len(htmlCases) {
				t.Fatalf("%d articles, want %d (errors %v)", len(as), len(htmlCases), errs)
			}
			for i, c := range htmlCases {
				a := as[i]
				if want := "https://warc.test/" + c.file; a.URL != want {
					t.Errorf("url = %q, want the record's %q", a.URL, want)
				}
				if c.date == "" { // the undated page falls back to the crawl
					if !a.Published.Equal(crawlDate) || a.DateFrom != DateFromWARC {
						t.Errorf("%s: published %v from %q, want the WARC-Date", c.file, a.Published, a.DateFrom)
					}
					continue
				}
				c.url = "" // the record's URL, checked above
				checkHTMLArticle(t, c, a)
				if !strings.HasPrefix(a.Origin, path+":") {
					t.Errorf("origin = %q", a.Origin)
				}
			}
			wantSkips := []string{"report.pdf is application/pdf, not HTML", "gone.html answered 404"}
			if len(errs) != len(wantSkips) {
				t.Fatalf("errors %v, want %d", errs, len(wantSkips))
			}
			for i, err := range errs {
				if !errors.Is(err, ErrNotArticle) || !strings.Contains(err.Error(), wantSkips[i]) || !strings.HasPrefix(err.Error(), path+":") {
					t.Errorf("error %q, want %q at an offset of %s", err, wantSkips[i], path)
				}
			}
		})
	}
}

// TestReadWARCDamaged: a truncated file and a record with corrupt bytes each
// cost one error at the record's offset; every other record is read.
func TestReadWARCDamaged(t *testing.T) {
	// warcinfo, then request and response for the first three pages
	members := warcRecords(t, fixtureWARC(t)[:7], true)
	whole := bytes.Join(members, nil)
	at := func(i int) int { return len(bytes.Join(members[:i], nil)) } // offset of record i
	plain := warcRecords(t, fixtureWARC(t)[:7], false)
	var gz bytes.Buffer // the plain file gzipped as a whole: offsets count decompressed bytes
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Join(plain, nil))
	zw.Close()
	tests := []struct {
		name     string
		data     []byte
		articles int
		errAt    int
		errWant  string
	}{
		{"truncated", whole[:len(whole)-40], 2, at(6), "warc: unexpected EOF"},
		{"corrupt gzip in a record", corrupt(whole, at(2)+30), 2, at(2), "warc:"},
		{"garbage between records", append(append(append([]byte{}, whole[:at(3)]...), "not a record at all\n"...), whole[at(3):]...), 3,
			at(3), "20 bytes that are not a WARC record skipped"},
		{"truncated, gzip as a whole", gz.Bytes()[:gz.Len()-40], 2, len(bytes.Join(plain[:6], nil)), "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.warc.gz")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			as, errs := collect(t, path)
			if len(as) != tt.articles || len(errs) != 1 {
				t.Fatalf("%d articles, errors %v; want %d and one error", len(as), errs, tt.articles)
			}
			want := fmt.Sprintf("%s:%d: ", path, tt.errAt)
			if got := errs[0].Error(); !strings.HasPrefix(got, want) || !strings.Contains(got, tt.errWant) {
				t.Errorf("error %q, want it to begin %q and say %q", got, want, tt.errWant)
			}
		})
	}
}

// corrupt returns a copy of b with bytes overwritten from i on.
func corrupt(b []byte, i int) []byte {
	c := append([]byte{}, b...)
	copy(c[i:], bytes.Repeat([]byte{0x55}, 16))
	return c
}

// BenchmarkReadWARC reads a record-at-a-time gzip WARC of the fixture pages;
// MB/s is of the HTML the records carry.
func BenchmarkReadWARC(b *testing.B) {
	recs := fixtureWARC(b)
	var html int64
	for _, r := range recs {
		if r.typ == gowarc.Response {
			html += int64(len(r.block))
		}
	}
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	if err := os.WriteFile(path, writeWARC(b, recs, true), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(html)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for range Read(path) {
		}
	}
}
