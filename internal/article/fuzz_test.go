package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

// readAll reads data as the named format and checks what comes out: every
// article has an id, a date and text; every error is a *RecordError naming
// the input.
func readAll(t *testing.T, name string, data []byte, fm format) {
	r := &Reader{MaxBytes: 1 << 16}
	r.readStream(name, bytes.NewReader(data), fm, func(a Article, err error) bool {
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) || re.Path != name {
				t.Fatalf("error %v is not a *RecordError of %s", err, name)
			}
			return true
		}
		if a.ID == "" || a.Published.IsZero() || strings.TrimSpace(a.Text) == "" || !strings.HasPrefix(a.Origin, name+":") {
			t.Fatalf("article %+v", a)
		}
		return true
	})
}

// FuzzReadText fuzzes the one-article text format.
func FuzzReadText(f *testing.F) {
	f.Add([]byte("date 2031-03-02\ntitle T\nurl http://x\nsource S\nThe pier closed.\n"))
	f.Add([]byte("\xef\xbb\xbfdate 2031-03-02T10:00:00+02:00 inline text\r\nmore"))
	f.Fuzz(func(t *testing.T, data []byte) { readAll(t, "a.txt", data, formatText) })
}

// FuzzReadJSONL fuzzes JSON Lines.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a", "date": "2031-03-02", "text": "The pier closed."}` + "\n" + `{"date": "2031-03-03", "text": "x", "title": "t"}`))
	f.Add([]byte("{\"id\": \"a\", \"date\": \"2031-03-02\", \"text\": \"\\u001b[2J\"}\n{broken\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) { readAll(t, "a.jsonl", data, formatJSONL) })
}

// FuzzReadGzip fuzzes gzip-compressed input of either format, sniffed.
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
