package article

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func collect(t *testing.T, paths ...string) ([]Article, []error) {
	t.Helper()
	var as []Article
	var errs []error
	for a, err := range Read(paths...) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		as = append(as, a)
	}
	return as, errs
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in                    string
		wantErr, wantTitle, wantURL string
		wantLine                    int
		wantText                    string
		wantDay                     string
	}{
		{name: "text on the date line", in: "date 2017-04-11 First line goes on\nsecond line.\n",
			wantText: "First line goes on\nsecond line.", wantDay: "2017-04-11", wantLine: 1},
		{name: "headers", in: "date 2017-04-11\ntitle A headline\nurl http://x.test/a\nBody here.",
			wantText: "Body here.", wantTitle: "A headline", wantURL: "http://x.test/a", wantDay: "2017-04-11", wantLine: 1},
		{name: "header words later are text", in: "date 2017-04-11 Body.\nsecond line\ntitle is not a header here",
			wantText: "Body.\nsecond line\ntitle is not a header here", wantDay: "2017-04-11", wantLine: 1},
		{name: "blank lines before the date line", in: "\n\ndate 2017-04-11 x", wantText: "x", wantDay: "2017-04-11", wantLine: 3},
		{name: "RFC 3339", in: "date 2017-04-11T08:00:00Z x", wantText: "x", wantDay: "2017-04-11", wantLine: 1},
		{name: "CRLF", in: "date 2017-04-11 a\r\nb\r\n", wantText: "a\nb", wantDay: "2017-04-11", wantLine: 1},
		{name: "mail-style headers", in: "Date: 2017-04-11\nTitle: A headline\nURL: http://x.test/a\nBody here.",
			wantText: "Body here.", wantTitle: "A headline", wantURL: "http://x.test/a", wantDay: "2017-04-11", wantLine: 1},
		{name: "capitalized date word, text on its line", in: "DATE 2017-04-11 Body.", wantText: "Body.", wantDay: "2017-04-11", wantLine: 1},
		{name: "no date line", in: "Some text\n", wantErr: `must begin with "date YYYY-MM-DD", not "Some text"`, wantLine: 1},
		{name: "a long first line is shown cut", in: strings.Repeat("é", 50), wantErr: `not "` + strings.Repeat("é", 40) + `…"`, wantLine: 1},
		{name: "binary", in: "\x89PNG\r\n\x1a\n\x00\x00", wantErr: "not even UTF-8 text", wantLine: 1},
		{name: "another encoding", in: "Caf\xe9 opens", wantErr: "not even UTF-8 text", wantLine: 1},
		{name: "dated is not date", in: "dated 2017-04-11 x", wantErr: `must begin with "date`, wantLine: 1},
		{name: "bad date", in: "date 2017-02-30 text", wantErr: "neither", wantLine: 1},
		{name: "no text", in: "date 2017-04-11\ntitle only a title\n", wantErr: "no text", wantLine: 1},
		{name: "empty", in: "  \n", wantErr: "empty", wantLine: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, line, err := parseText(tt.in)
			if line != tt.wantLine {
				t.Errorf("line = %d, want %d", line, tt.wantLine)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.wantText || a.Title != tt.wantTitle || a.URL != tt.wantURL {
				t.Errorf("got text %q title %q url %q", a.Text, a.Title, a.URL)
			}
			if got := a.Day().Format(time.DateOnly); got != tt.wantDay {
				t.Errorf("day = %s, want %s", got, tt.wantDay)
			}
			if a.ID == "" {
				t.Error("no id")
			}
		})
	}
}

func TestReadDirectory(t *testing.T) {
	as, errs := collect(t, "testdata/dir")
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var days []string
	for _, a := range as {
		days = append(days, a.Day().Format(time.DateOnly))
	}
	// lexical walk: a.txt, sub/b.txt, sub/feed.jsonl; notes.md and .hidden are skipped
	want := "2031-03-02 2031-03-05 2031-03-07 2031-03-08"
	if got := strings.Join(days, " "); got != want {
		t.Fatalf("days = %s, want %s", got, want)
	}
	if as[1].Source != "Elvin Gazette" || as[1].Title != "Pier repairs to start next week" {
		t.Errorf("headers not read: %+v", as[1])
	}
	if as[2].ID != "g-1" || as[2].Title != "Ferry service resumes" {
		t.Errorf("JSONL fields not read: %+v", as[2])
	}
	if h := as[3].Published.Hour(); h != 9 {
		t.Errorf("RFC 3339 time lost: hour %d", h)
	}
}

func TestReadJSONLBadLines(t *testing.T) {
	as, errs := collect(t, "testdata/bad.jsonl")
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	if len(as) != 3 || as[0].ID != "x-1" || as[2].ID != "x-6" || !strings.HasPrefix(as[1].ID, "sha256:") {
		t.Fatalf("ids = %v, want x-1, a hash, x-6", ids)
	}
	wantLines := []int{2, 3, 6}
	if len(errs) != len(wantLines) {
		t.Fatalf("errors = %v, want %d", errs, len(wantLines))
	}
	for i, err := range errs {
		var re *RecordError
		if !errors.As(err, &re) || re.Line != wantLines[i] || re.Path != "testdata/bad.jsonl" {
			t.Errorf("error %d = %v, want testdata/bad.jsonl:%d", i, err, wantLines[i])
		}
	}
	if !strings.HasPrefix(errs[0].Error(), "testdata/bad.jsonl:2: ") {
		t.Errorf("error text %q does not start with file:line", errs[0])
	}
}

func TestReadGzipAndStableHash(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile("testdata/bad.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	p := filepath.Join(dir, "bad.jsonl.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _ := collect(t, "testdata/bad.jsonl")
	zipped, errs := collect(t, p)
	if len(zipped) != len(plain) || len(errs) != 3 {
		t.Fatalf("gz: %d articles %d errors, want %d and 3", len(zipped), len(errs), len(plain))
	}
	for i := range plain {
		if plain[i].ID != zipped[i].ID {
			t.Errorf("article %d: id %s vs %s", i, plain[i].ID, zipped[i].ID)
		}
	}
}

func TestReadBenchmarkLayout(t *testing.T) {
	dir := t.TempDir()
	topic := filepath.Join(dir, "ds", "topic")
	os.MkdirAll(filepath.Join(topic, "timelines"), 0o755)
	os.WriteFile(filepath.Join(topic, "articles.jsonl"), []byte(`{"id":"1","date":"2031-01-01","text":"A ."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(topic, "timelines", "tl.txt"), []byte("2031-01-01\nA .\n--------------------------------\n"), 0o644)
	os.WriteFile(filepath.Join(topic, "keywords.json"), []byte(`["a"]`), 0o644)
	as, errs := collect(t, filepath.Join(dir, "ds"))
	if len(errs) != 0 || len(as) != 1 || as[0].ID != "1" {
		t.Fatalf("got %d articles, errors %v; want just the one in articles.jsonl", len(as), errs)
	}
}

func TestReadMissingPathGoesOn(t *testing.T) {
	as, errs := collect(t, "testdata/nope.jsonl", "testdata/dir/a.txt")
	if len(as) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "testdata/nope.jsonl") {
		t.Fatalf("got %d articles, errors %v", len(as), errs)
	}
}

func TestReadFrom(t *testing.T) {
	in := `{"id": "a", "date": "2031-03-02", "text": "The pier closed."}
{"id": "b", "date": "yesterday", "text": "x"}
{"id": "c", "date": "2031-03-03", "text": "It reopened."}
`
	var ids []string
	var errs []string
	for a, err := range ReadFrom("body", strings.NewReader(in)) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, a.ID+"@"+a.Origin)
	}
	if strings.Join(ids, " ") != "a@body:1 c@body:3" || len(errs) != 1 || !strings.HasPrefix(errs[0], "body:2: ") {
		t.Errorf("ids %q, errors %q", ids, errs)
	}
}
