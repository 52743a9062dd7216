package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Read streams the articles found at each path, in order. A path is a file
// (one-article text or JSONL, either possibly gzip-compressed), a directory
// (read recursively, see ReadDir), or "-" for standard input.
//
// A record that cannot be read is yielded as a *RecordError (with a zero
// Article) and reading goes on; a file that cannot be opened is reported the
// same way, with line 0. Stop the iteration early to stop reading.
func Read(paths ...string) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		for _, p := range paths {
			if !readPath(p, yield) {
				return
			}
		}
	}
}

func readPath(path string, yield func(Article, error) bool) bool {
	if path == "-" {
		return readStream("<stdin>", os.Stdin, formatSniff, yield)
	}
	info, err := os.Stat(path)
	if err != nil {
		return yield(Article{}, &RecordError{Path: path, Err: err})
	}
	if info.IsDir() {
		return readDir(path, yield)
	}
	return readFile(path, yield)
}

// articleFiles are the names that hold a whole benchmark topic's articles
// (the layout of ../shared/data/tls/<dataset>/<topic>/): a directory that has
// one is read through it alone, skipping its timelines and keyword files.
var articleFiles = []string{"articles.jsonl", "articles.jsonl.gz"}

// readDir walks dir in lexical order, reading files whose names end in .txt,
// .jsonl or .ndjson (optionally followed by .gz) and skipping hidden entries.
func readDir(dir string, yield func(Article, error) bool) bool {
	for _, name := range articleFiles {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return readFile(p, yield)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return yield(Article{}, &RecordError{Path: dir, Err: err})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		if e.IsDir() {
			if !readDir(p, yield) {
				return false
			}
			continue
		}
		if formatOf(name) == formatNone {
			continue
		}
		if !readFile(p, yield) {
			return false
		}
	}
	return true
}

type format int

const (
	formatNone  format = iota
	formatText         // one article: "date YYYY-MM-DD ..." then the text
	formatJSONL        // one JSON article per line
	formatHTML         // one web page
	formatWARC         // a web archive
	formatSniff        // decide from the first byte
)

// formatOf tells the format of a file in a directory walk from its name.
func formatOf(name string) format {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".warc":
		return formatWARC
	case ".txt":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".html", ".htm":
		return formatHTML
	}
	return formatNone
}

// readFile reads one file; a file named on the command line with an unknown
// extension is sniffed.
func readFile(path string, yield func(Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Article{}, &RecordError{Path: path, Err: err})
	}
	defer f.Close()
	fm := formatOf(filepath.Base(path))
	if fm == formatWARC {
		return readWARC(path, f, yield) // gzip record by record: gowarc undoes it
	}
	if fm == formatNone || strings.HasSuffix(strings.ToLower(path), ".json") {
		fm = formatSniff
	}
	return readStream(path, f, fm, yield)
}

// readStream decompresses r if it is gzip data and reads it in format fm.
func readStream(name string, r io.Reader, fm format, yield func(Article, error) bool) bool {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	if fm == formatSniff {
		fm = sniff(br)
	}
	switch fm {
	case formatJSONL:
		return readJSONL(name, br, yield)
	case formatHTML:
		return readHTML(name, br, yield)
	}
	return readText(name, br, yield)
}

// sniff looks past leading white space: JSON Lines start with '{'.
func sniff(br *bufio.Reader) format {
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if err != nil || len(b) < n {
			return formatText
		}
		switch b[n-1] {
		case ' ', '\t', '\r', '\n', 0xef, 0xbb, 0xbf: // white space or a UTF-8 byte order mark
			if n >= 4096 {
				return formatText
			}
			continue
		case '{':
			return formatJSONL
		}
		return formatText
	}
}

// jsonArticle is the JSONL record.
type jsonArticle struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// readJSONL yields one article per non-blank line.
func readJSONL(name string, br *bufio.Reader, yield func(Article, error) bool) bool {
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			a, perr := parseJSONArticle(b)
			if perr != nil {
				if !yield(Article{}, &RecordError{Path: name, Line: line, Err: perr}) {
					return false
				}
			} else {
				a.Origin = fmt.Sprintf("%s:%d", name, line)
				if !yield(a, nil) {
					return false
				}
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return yield(Article{}, &RecordError{Path: name, Line: line, Err: err})
			}
			return true
		}
	}
}

func parseJSONArticle(b []byte) (Article, error) {
	var j jsonArticle
	if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &j); err != nil {
		return Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if j.Date == "" {
		return Article{}, errors.New(`missing "date"`)
	}
	published, err := ParseDate(j.Date)
	if err != nil {
		return Article{}, err
	}
	if strings.TrimSpace(j.Text) == "" {
		return Article{}, errors.New(`missing "text"`)
	}
	a := Article{ID: j.ID, Published: published, Title: j.Title, Text: j.Text, URL: j.URL, Source: j.Source}
	if a.ID == "" {
		a.ID = HashID(published, a.Title, a.Text)
	}
	return a, nil
}

// readText reads the one-article text format: a first line beginning with
// "date YYYY-MM-DD" (the text may go on on the same line), optional "title",
// "url" and "source" header lines, then the text.
func readText(name string, br *bufio.Reader, yield func(Article, error) bool) bool {
	data, err := io.ReadAll(br)
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: err})
	}
	a, line, err := parseText(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Line: line, Err: err})
	}
	a.Origin = fmt.Sprintf("%s:%d", name, line)
	return yield(a, nil)
}

// parseText parses one article in the text format; on error it also returns
// the line the problem is on.
func parseText(s string) (Article, int, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == len(lines) {
		return Article{}, 1, errors.New("empty file")
	}
	head := strings.TrimSpace(lines[first])
	fields := strings.Fields(head)
	if len(fields) < 2 || fields[0] != "date" {
		return Article{}, first + 1, errors.New(`first line must begin with "date YYYY-MM-DD"`)
	}
	published, err := ParseDate(fields[1])
	if err != nil {
		return Article{}, first + 1, err
	}
	var a Article
	a.Published = published
	rest := strings.TrimSpace(head[len("date"):])
	body := []string{rest[len(fields[1]):]}
	i := first + 1
	for ; i < len(lines); i++ {
		key, value, ok := strings.Cut(strings.TrimSpace(lines[i]), " ")
		if !ok {
			break
		}
		switch key {
		case "title":
			a.Title = strings.TrimSpace(value)
			continue
		case "url":
			a.URL = strings.TrimSpace(value)
			continue
		case "source":
			a.Source = strings.TrimSpace(value)
			continue
		}
		break
	}
	body = append(body, lines[i:]...)
	a.Text = strings.TrimSpace(strings.Join(body, "\n"))
	if a.Text == "" {
		return Article{}, first + 1, errors.New("article has no text")
	}
	a.ID = HashID(published, a.Title, a.Text)
	return a, first + 1, nil
}
