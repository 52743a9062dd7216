package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
)

// Reader reads articles from files, directories, standard input and URLs.
// The zero Reader reads local files only; Read is (&Reader{}).Read.
type Reader struct {
	// Fetcher gets URLs named as input and the pages that summary-only feed
	// items link to; without one, such inputs are errors.
	Fetcher Fetcher
	// Columns maps article fields (see ColumnFields) to the CSV column or
	// JSON key that holds them, for records whose names are not among the
	// known aliases; a mapped field is read from that name only.
	Columns map[string]string
	// Context bounds fetches; nil is context.Background().
	Context context.Context
	// MaxBytes bounds a one-article text file and a JSON Lines line: no
	// larger record is read into memory — it is reported as a *RecordError
	// wrapping ErrTooLarge and skipped. 0 means DefaultMaxBytes. (Pages,
	// WARC payloads and feeds have their own limits, MaxPageBytes and
	// maxFeedBytes.)
	MaxBytes int
}

// DefaultMaxBytes is the largest text article or JSONL line a Reader
// accepts unless told otherwise: 4 MiB (a long news article is 50 KB).
const DefaultMaxBytes = 4 << 20

// ErrTooLarge is the reason of a record larger than the reader's limit.
var ErrTooLarge = errors.New("article larger than the size limit")

// maxBytes is the size limit of a record.
func (r *Reader) maxBytes() int {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

func (r *Reader) context() context.Context {
	if r.Context == nil {
		return context.Background()
	}
	return r.Context
}

// Read streams the articles found at each path, in order; see Reader.Read.
func Read(paths ...string) iter.Seq2[Article, error] { return (&Reader{}).Read(paths...) }

// Read streams the articles found at each path, in order, within r's limits
// (only regular files are read from directories: a FIFO or a device there
// would block or never end). A path is a file,
// a directory (read recursively, see readDir), "-" for standard input, or
// an http(s) URL of a page or feed (with a Fetcher). Files are one-article
// text, JSON Lines or JSON records (dateline's fields or another tool's, see
// recordFields), CSV with a header row, HTML pages, WARC archives, or RSS,
// Atom and JSON feeds; any of them may be gzip-compressed, and a file whose
// name does not tell is sniffed.
//
// A record that cannot be read is yielded as a *RecordError (with a zero
// Article) and reading goes on; a file that cannot be opened is reported the
// same way, with line 0. Stop the iteration early to stop reading.
func (r *Reader) Read(paths ...string) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		for _, p := range paths {
			if r.Context != nil && r.Context.Err() != nil {
				return
			}
			if !r.readPath(p, yield) {
				return
			}
		}
	}
}

func (r *Reader) readPath(path string, yield func(Article, error) bool) bool {
	if path == "-" {
		return r.readStream("<stdin>", os.Stdin, formatSniff, yield)
	}
	if isWebURL(path) {
		return r.readURL(path, yield)
	}
	info, err := os.Stat(path)
	if err != nil {
		return yield(Article{}, &RecordError{Path: path, Err: err})
	}
	if info.IsDir() {
		return r.readDir(path, yield)
	}
	return r.readFile(path, yield)
}

// forgetter is a Fetcher that can be told to fetch a URL whole next time
// (fetch.Client remembers validators for conditional requests).
type forgetter interface{ Forget(url string) }

// readURL fetches a page or feed and reads it as its content says; an
// unchanged page (ErrNotModified) gives nothing.
func (r *Reader) readURL(u string, yield func(Article, error) bool) bool {
	if r.Fetcher == nil {
		return yield(Article{}, &RecordError{Path: u, Err: errors.New("URLs can only be read with a fetcher")})
	}
	page, err := r.Fetcher.Fetch(r.context(), u)
	if errors.Is(err, ErrNotModified) {
		return true
	}
	if err != nil {
		return yield(Article{}, &RecordError{Path: u, Err: err})
	}
	if sniffBytes(page.Body) == formatFeed {
		failed := false
		more := r.readFeed(u, page.URL, page.Body, func(a Article, err error) bool {
			failed = failed || errors.As(err, new(fetchError))
			return yield(a, err)
		})
		if f, ok := r.Fetcher.(forgetter); ok && (failed || !more) {
			f.Forget(u) // fetch the whole feed again next time, to retry the pages that could not be fetched
		}
		return more
	}
	a, err := ParseHTML(page)
	if err != nil {
		return yield(Article{}, &RecordError{Path: u, Err: err})
	}
	a.Origin = page.URL
	return yield(a, nil)
}

// articleFiles are the names that hold a whole benchmark topic's articles
// (the layout of ../shared/data/tls/<dataset>/<topic>/): a directory that has
// one is read through it alone, skipping its timelines and keyword files.
var articleFiles = []string{"articles.jsonl", "articles.jsonl.gz"}

// readDir walks dir in lexical order, reading the files whose names tell a
// format (see formatOf), optionally followed by .gz, and skipping hidden
// entries.
func (r *Reader) readDir(dir string, yield func(Article, error) bool) bool {
	for _, name := range articleFiles {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return r.readFile(p, yield)
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
			if !r.readDir(p, yield) {
				return false
			}
			continue
		}
		if formatOf(name) == formatNone {
			continue
		}
		if fi, err := os.Stat(p); err == nil && !fi.Mode().IsRegular() {
			if !yield(Article{}, &RecordError{Path: p, Err: fmt.Errorf("not a regular file (%s); skipped", fi.Mode().Type())}) {
				return false
			}
			continue
		}
		if !r.readFile(p, yield) {
			return false
		}
	}
	return true
}

type format int

const (
	formatNone  format = iota
	formatText         // one article: "date YYYY-MM-DD ..." then the text
	formatJSONL        // one JSON record per line
	formatJSON         // JSON records: one, an array, or a sequence (pretty-printed or not)
	formatCSV          // records with a header row
	formatHTML         // one web page
	formatWARC         // a web archive
	formatFeed         // RSS, Atom or JSON Feed
	formatSniff        // decide from the first bytes
)

// extFormats tells the format of a file from its extension (after any .gz).
var extFormats = map[string]format{
	".txt": formatText, ".jsonl": formatJSONL, ".ndjson": formatJSONL, ".json": formatJSON,
	".csv": formatCSV, ".html": formatHTML, ".htm": formatHTML, ".warc": formatWARC,
	".rss": formatFeed, ".atom": formatFeed, ".xml": formatFeed,
}

// formatOf tells the format of a file in a directory walk from its name.
func formatOf(name string) format {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return extFormats[filepath.Ext(name)]
}

// readFile reads one file; a file named on the command line with an unknown
// extension, or a .json file (records or a JSON Feed), is sniffed.
func (r *Reader) readFile(path string, yield func(Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Article{}, &RecordError{Path: path, Err: err})
	}
	defer f.Close()
	fm := formatOf(filepath.Base(path))
	if fm == formatWARC {
		return readWARC(path, f, yield) // gzip record by record: gowarc undoes it
	}
	if fm == formatNone || fm == formatJSON {
		fm = formatSniff
	}
	return r.readStream(path, f, fm, yield)
}

// readStream decompresses in if it is gzip data and reads it in format fm.
func (r *Reader) readStream(name string, in io.Reader, fm format, yield func(Article, error) bool) bool {
	br := bufio.NewReaderSize(in, 1<<16)
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	if fm == formatSniff {
		head, _ := br.Peek(4096)
		fm = sniffBytes(head)
		if fm == formatJSONL && !firstLineIsJSON(br) {
			fm = formatJSON
		}
	}
	switch fm {
	case formatJSONL:
		return r.readJSONL(name, br, yield)
	case formatJSON:
		return r.readJSONValues(name, br, yield)
	case formatCSV:
		return r.readCSV(name, br, yield)
	case formatHTML:
		return readHTML(name, br, yield)
	case formatWARC:
		return readWARC(name, br, yield)
	case formatFeed:
		body, err := io.ReadAll(io.LimitReader(br, maxFeedBytes+1))
		if err == nil && len(body) > maxFeedBytes {
			err = fmt.Errorf("feed over the %d-byte limit", maxFeedBytes)
		}
		if err != nil {
			return yield(Article{}, &RecordError{Path: name, Err: err})
		}
		return r.readFeed(name, "", body, yield)
	}
	return readText(name, br, r.maxBytes(), yield)
}

// sniffBytes tells a format from the first bytes of a stream: '{' starts
// JSON Lines (or a JSON Feed, which names its version), '[' a JSON array,
// "WARC/" a web archive, '<' a feed or a page; anything else is text.
func sniffBytes(head []byte) format {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(head[:min(len(head), 1024)])
	switch {
	case len(head) == 0:
		return formatText
	case head[0] == '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return formatFeed
		}
		return formatJSONL
	case head[0] == '[':
		return formatJSON
	case bytes.HasPrefix(head, []byte("WARC/")):
		return formatWARC
	case head[0] != '<':
		return formatText
	case bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")):
		return formatFeed
	}
	return formatHTML
}

// firstLineIsJSON reports whether the stream's first line is a whole JSON
// value (JSON Lines) rather than the start of a pretty-printed record.
func firstLineIsJSON(br *bufio.Reader) bool {
	for n := 4096; n <= 1<<16; n *= 2 {
		b, err := br.Peek(n)
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return json.Valid(b[:i])
		}
		if err != nil {
			return json.Valid(b)
		}
	}
	return true // a line over 64 KiB: a record on one line
}

// readJSONL yields one article per non-blank line.
func (r *Reader) readJSONL(name string, br *bufio.Reader, yield func(Article, error) bool) bool {
	max := r.maxBytes()
	for line := 1; ; line++ {
		b, long, err := readLine(br, max)
		if long {
			if !yield(Article{}, &RecordError{Path: name, Line: line, Err: fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)}) {
				return false
			}
		} else if len(bytes.TrimSpace(b)) > 0 {
			a, perr := r.parseJSONRecord(b)
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

// readLine reads one line of at most max bytes; of a longer line it keeps
// nothing, reads to its end and reports it long.
func readLine(br *bufio.Reader, max int) (line []byte, long bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !long {
			if len(line)+len(frag) > max+1 { // +1: the newline
				long, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, long, err
		}
	}
}

// readText reads the one-article text format: a first line beginning with
// "date YYYY-MM-DD" (the text may go on on the same line), optional "title",
// "url" and "source" header lines, then the text. Header names may be
// written as in a mail header, capitalized and with a colon ("Date:
// 2017-04-11", "Title: …").
func readText(name string, br *bufio.Reader, max int, yield func(Article, error) bool) bool {
	data, err := io.ReadAll(io.LimitReader(br, int64(max)+1))
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: err})
	}
	if len(data) > max {
		return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)})
	}
	a, line, err := parseText(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Line: line, Err: err})
	}
	a.Origin = fmt.Sprintf("%s:%d", name, line)
	return yield(a, nil)
}

// headerName is the name a header word of the text format stands for:
// "date", "Date" and "Date:" are all "date".
func headerName(word string) string {
	return strings.ToLower(strings.TrimSuffix(word, ":"))
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
	if len(fields) < 2 || headerName(fields[0]) != "date" {
		if !utf8.ValidString(head) || strings.ContainsRune(head, 0) {
			return Article{}, first + 1, errors.New(`first line must begin with "date YYYY-MM-DD", and it is not even UTF-8 text (binary data, or another encoding)`)
		}
		return Article{}, first + 1, fmt.Errorf(`first line must begin with "date YYYY-MM-DD", not %q`, text.Clip(head, 40))
	}
	published, err := ParseDate(fields[1])
	if err != nil {
		return Article{}, first + 1, err
	}
	var a Article
	a.Published = published
	rest := strings.TrimSpace(head[len(fields[0]):])
	body := []string{rest[len(fields[1]):]}
	i := first + 1
	for ; i < len(lines); i++ {
		key, value, ok := strings.Cut(strings.TrimSpace(lines[i]), " ")
		if !ok {
			break
		}
		switch headerName(key) {
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
