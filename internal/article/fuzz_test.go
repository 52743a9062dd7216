package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

// Every reader of foreign bytes is fuzzed: whatever the input, it returns
// (no panic, no hang), every failure is a *RecordError or a plain error as
// documented, and every article it yields has a date and text.

func checkYield(t *testing.T, a Article, err error) {
	t.Helper()
	if err != nil {
		var re *RecordError
		if !errors.As(err, &re) || re.Path == "" {
			t.Fatalf("error %v is not a RecordError naming the input", err)
		}
		return
	}
	if a.Published.IsZero() || strings.TrimSpace(a.Text) == "" || a.ID == "" {
		t.Fatalf("article without date, text or id: %+v", a)
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(`<html><head><meta property="article:published_time" content="2020-01-02"></head><body><p>Text.</p></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML(Page{Body: data, ContentType: "text/html"})
		if err == nil {
			checkYield(t, a, nil)
		}
	})
}

func FuzzReadWARC(f *testing.F) {
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for a, err := range func(yield func(Article, error) bool) { readWARC("f.warc", bytes.NewReader(data), yield) } {
			checkYield(t, a, err)
		}
	})
}

func FuzzReadFeed(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><title>t</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>d</description><link>/x</link></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{}
		for a, err := range func(yield func(Article, error) bool) { r.readFeed("f.xml", "https://f.test/", data, yield) } {
			checkYield(t, a, err)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("title,date,text\nA,2020-01-01,\"two\nlines\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{}
		for a, err := range func(yield func(Article, error) bool) {
			r.readCSV("f.csv", bufio.NewReader(bytes.NewReader(data)), yield)
		} {
			checkYield(t, a, err)
		}
	})
}

func FuzzReadJSONRecords(f *testing.F) {
	f.Add([]byte(`[{"dateTimePub":"2020-05-06T11:30:00Z","body":"b","source":{"title":"S"},"authors":[{"name":"A"}]}]`))
	f.Add([]byte("{\n \"maintext\": \"m\",\n \"date_publish\": \"2022-02-01 08:45:00\"\n}\n{\"text\":\"t\",\"date\":\"2020-01-01\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{}
		for _, lines := range []bool{false, true} {
			read := r.readJSONValues
			if lines {
				read = r.readJSONL
			}
			for a, err := range func(yield func(Article, error) bool) { read("f.json", bufio.NewReader(bytes.NewReader(data)), yield) } {
				checkYield(t, a, err)
			}
		}
	})
}

// readAll reads data as format fm through a Reader with a small size
// limit, checking everything it yields.
func readAll(t *testing.T, name string, data []byte, fm format) {
	r := &Reader{MaxBytes: 1 << 16}
	r.readStream(name, bytes.NewReader(data), fm, func(a Article, err error) bool {
		checkYield(t, a, err)
		return true
	})
}

// FuzzReadText fuzzes the one-article text format.
func FuzzReadText(f *testing.F) {
	f.Add([]byte("date 2031-03-02\ntitle T\nurl http://x\nsource S\nThe pier closed.\n"))
	f.Add([]byte("\xef\xbb\xbfdate 2031-03-02T10:00:00+02:00 inline text\r\nmore"))
	f.Fuzz(func(t *testing.T, data []byte) { readAll(t, "a.txt", data, formatText) })
}

// FuzzReadGzip fuzzes gzip-compressed input of any format, sniffed.
func FuzzReadGzip(f *testing.F) {
	for _, s := range []string{`{"id": "a", "date": "2031-03-02", "text": "The pier closed."}`, "date 2031-03-02\nThe pier closed."} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) { readAll(t, "a.gz", data, formatSniff) })
}

// FuzzReadLine checks the bounded line reader against the plain one.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("short\nlonger line here\n\nlast"), 5)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		max = 1 + abs(max)%64
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		for _, want := range strings.SplitAfter(string(data), "\n") {
			got, long, _ := readLine(br, max)
			switch {
			case len(want) > max+1 && !long, len(want) <= max+1 && (long || string(got) != want):
				t.Fatalf("line %q (max %d): got %q, long %v", want, max, got, long)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
