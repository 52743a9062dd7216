package article

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"
)

// recordFields names, for each article field, the keys other tools write it
// under, in the order they are tried: dateline's own JSONL, news-please,
// trafilatura's JSON, Media Cloud and Event Registry. A dotted name reaches
// into an object ("source.title" is Event Registry's outlet name). CSV
// headers use the same names.
var recordFields = []struct {
	field string
	names []string
}{
	{"id", []string{"id", "uri", "stories_id"}},
	{"date", []string{"dateTimePub", "date", "date_publish", "publication_date", "publish_date"}}, // Event Registry's "date" is dateTimePub's bare day
	{"text", []string{"text", "maintext", "text_content", "body"}},
	{"title", []string{"title", "article_title"}},
	{"url", []string{"url"}},
	{"source", []string{"source", "source.title", "source_domain", "source-hostname", "canonical_domain", "hostname", "media_name"}},
	{"author", []string{"authors", "author"}},
}

// fieldNames returns the keys tried for field, or the one column the user
// mapped it to.
func fieldNames(field string, columns map[string]string) []string {
	if c, ok := columns[field]; ok {
		return []string{c}
	}
	for _, f := range recordFields {
		if f.field == field {
			return f.names
		}
	}
	return nil
}

// ColumnFields are the article fields --columns can map: id, date, text,
// title, url, source, author.
func ColumnFields() []string {
	var fs []string
	for _, f := range recordFields {
		fs = append(fs, f.field)
	}
	return fs
}

// record is one foreign record: get returns the value under a key as text
// (a list of names joined with ", "), keys lists the keys it has.
type record struct {
	get  func(key string) (string, bool)
	keys func() []string
}

// recordArticle maps a record onto an Article through recordFields (or
// columns). A record with no text or no date is an error that names the keys
// it looked for and the keys the record has.
func recordArticle(r record, columns map[string]string) (Article, error) {
	val := func(field string) (string, string) {
		for _, k := range fieldNames(field, columns) {
			if v, ok := r.get(k); ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v), k
			}
		}
		return "", ""
	}
	missing := func(field string) error {
		names := fieldNames(field, columns)
		for _, k := range names {
			if _, ok := r.get(k); ok { // there, but blank
				return fmt.Errorf("empty %q: field %q holds no %s (looked for %s)", field, k, field, strings.Join(names, ", "))
			}
		}
		return fmt.Errorf("missing %q (looked for %s); fields found: %s", field, strings.Join(names, ", "), strings.Join(r.keys(), ", "))
	}
	text, _ := val("text")
	if text == "" {
		return Article{}, missing("text")
	}
	d, _ := val("date")
	if d == "" {
		return Article{}, missing("date")
	}
	published, err := parseRecordDate(d)
	if err != nil {
		return Article{}, err
	}
	a := Article{Published: published, Text: text}
	a.ID, _ = val("id")
	a.Title, _ = val("title")
	a.URL, _ = val("url")
	a.Author, _ = val("author")
	src, key := val("source")
	if isWebURL(src) { // trafilatura's "source" is the page's URL
		if a.URL == "" {
			a.URL = src
		}
		src = ""
		for _, k := range fieldNames("source", columns) {
			if v, ok := r.get(k); ok && k != key && strings.TrimSpace(v) != "" && !isWebURL(v) {
				src = strings.TrimSpace(v)
				break
			}
		}
	}
	a.Source = src
	if a.ID == "" {
		a.ID = HashID(published, a.Title, a.Text)
	}
	return a, nil
}

// isWebURL reports whether s is an absolute http(s) URL.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// recordLayouts are the date shapes other tools write, tried after
// ParseDate's: news-please and Media Cloud write "2017-05-03 12:30:00";
// times without a zone are UTC.
var recordLayouts = []string{
	"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04", "2006-01-02T15:04", time.RFC1123Z, time.RFC1123,
}

// parseRecordDate reads a record's publication date.
func parseRecordDate(s string) (time.Time, error) {
	if t, err := ParseDate(s); err == nil || errors.Is(err, errZeroDate) {
		return t, err
	}
	t := strings.TrimSuffix(s, "Z")
	if i := strings.IndexByte(t, '.'); i > 0 && len(t) > 10 { // fractional seconds
		j := i + 1
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		t = t[:i] + t[j:]
	}
	for _, l := range recordLayouts {
		if p, err := time.Parse(l, t); err == nil {
			return p.UTC(), notZero(s, p)
		}
	}
	return time.Time{}, fmt.Errorf("date %q is neither YYYY-MM-DD nor RFC 3339 nor YYYY-MM-DD HH:MM:SS", s)
}

// jsonRecord reads one JSON object as a record.
func jsonRecord(b []byte) (record, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &m); err != nil {
		return record{}, fmt.Errorf("invalid JSON: %w", err)
	}
	return record{
		get:  func(key string) (string, bool) { return jsonValue(m, key) },
		keys: func() []string { return sortedKeys(m) },
	}, nil
}

// jsonValue finds key (dotted for nested objects) in m and returns it as
// text: a string, a number, or a list of strings or of {"name": ...}
// objects (authors) joined with ", ".
func jsonValue(m map[string]json.RawMessage, key string) (string, bool) {
	raw, ok := m[key]
	if !ok {
		head, rest, dotted := strings.Cut(key, ".")
		if !dotted {
			return "", false
		}
		var inner map[string]json.RawMessage
		if json.Unmarshal(m[head], &inner) != nil {
			return "", false
		}
		return jsonValue(inner, rest)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), true
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var names []string
		for _, item := range list {
			var obj map[string]json.RawMessage
			if json.Unmarshal(item, &s) == nil {
				names = append(names, s)
			} else if json.Unmarshal(item, &obj) == nil {
				if name, ok := jsonValue(obj, "name"); ok {
					names = append(names, name)
				}
			}
		}
		return strings.Join(names, ", "), len(names) > 0
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readJSONValues reads a .json file: one record, an array of records, or a
// sequence of (possibly pretty-printed) records, as news-please and
// trafilatura write them. Errors carry the line the record starts on. A
// syntax error ends the file: what follows cannot be found reliably.
func (r *Reader) readJSONValues(name string, br *bufio.Reader, yield func(Article, error) bool) bool {
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	array := false
	if b, err := peekNonSpace(br); err == nil && b == '[' {
		if _, err := dec.Token(); err != nil {
			return yield(Article{}, &RecordError{Path: name, Line: 1, Err: fmt.Errorf("invalid JSON: %w", err)})
		}
		array = true
	}
	for {
		if array && !dec.More() {
			return true
		}
		start := lc.lineAt(dec.InputOffset() + leadingSpace(dec.Buffered()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.EOF) {
				return true
			}
			return yield(Article{}, &RecordError{Path: name, Line: start, Err: fmt.Errorf("invalid JSON: %w", err)})
		}
		a, err := r.parseJSONRecord(raw)
		if err != nil {
			if !yield(Article{}, &RecordError{Path: name, Line: start, Err: err}) {
				return false
			}
			continue
		}
		a.Origin = fmt.Sprintf("%s:%d", name, start)
		if !yield(a, nil) {
			return false
		}
	}
}

// leadingSpace counts the white space (and separating commas) at the start
// of what the decoder has buffered but not used, so a record's line is the
// line of its first byte.
func leadingSpace(r io.Reader) int64 {
	b, _ := io.ReadAll(r)
	return int64(len(b) - len(bytes.TrimLeft(b, " \t\r\n,")))
}

// nativeRecord is dateline's own JSON record, decoded directly: three times
// faster than through the alias table, which gives the same article for it.
type nativeRecord struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Author string `json:"author"`
}

// parseJSONRecord reads one JSON record in any of the known shapes.
func (r *Reader) parseJSONRecord(b []byte) (Article, error) {
	var n nativeRecord
	if r.Columns == nil && json.Unmarshal(b, &n) == nil && n.Date != "" && strings.TrimSpace(n.Text) != "" && !isWebURL(n.Source) {
		published, err := parseRecordDate(strings.TrimSpace(n.Date))
		if err != nil {
			return Article{}, err
		}
		a := Article{ID: n.ID, Published: published, Title: n.Title, Text: n.Text, URL: n.URL, Source: n.Source, Author: n.Author}
		if a.ID == "" {
			a.ID = HashID(published, a.Title, a.Text)
		}
		return a, nil
	}
	rec, err := jsonRecord(b)
	if err != nil {
		return Article{}, err
	}
	return recordArticle(rec, r.Columns)
}

// peekNonSpace returns the first byte of br that is not white space or a
// byte order mark, without consuming it.
func peekNonSpace(br *bufio.Reader) (byte, error) {
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return 0, err
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\r', '\n', 0xef, 0xbb, 0xbf:
			continue
		default:
			return c, nil
		}
	}
	return 0, errors.New("only white space")
}

// lineCounter counts the lines of what a decoder has read, keeping the
// offsets of recent line starts only, so that memory stays constant.
type lineCounter struct {
	r      io.Reader
	off    int64   // bytes read so far
	lines  int     // newlines before starts[0]
	starts []int64 // offsets just after recent newlines
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.starts = append(c.starts, c.off+int64(i)+1)
		}
	}
	c.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of offset off and forgets line starts
// before it (offsets asked for only grow).
func (c *lineCounter) lineAt(off int64) int {
	i := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off })
	c.lines += i
	c.starts = append(c.starts[:0], c.starts[i:]...)
	return c.lines + 1
}

// readCSV reads a CSV file with a header row; the header names are looked up
// like JSON keys (recordFields, or Reader.Columns). Quoted fields may span
// lines; errors carry the line a record starts on.
func (r *Reader) readCSV(name string, br *bufio.Reader, yield func(Article, error) bool) bool {
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Line: 1, Err: fmt.Errorf("csv header: %w", err)})
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	col := map[string]int{}
	for i, h := range header {
		if _, dup := col[h]; !dup {
			col[strings.TrimSpace(h)] = i
		}
	}
	for last := int64(-1); ; {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, err = pe.StartLine, pe.Err
			}
			if cr.InputOffset() == last { // no progress: nothing more can be read
				return yield(Article{}, &RecordError{Path: name, Line: line, Err: fmt.Errorf("csv: %w", err)})
			}
			last = cr.InputOffset()
			if !yield(Article{}, &RecordError{Path: name, Line: line, Err: fmt.Errorf("csv: %w", err)}) {
				return false
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		rec := record{
			get: func(key string) (string, bool) {
				i, ok := col[key]
				if !ok || i >= len(row) {
					return "", false
				}
				return row[i], true
			},
			keys: func() []string { return header },
		}
		a, err := recordArticle(rec, r.Columns)
		if err != nil {
			if !yield(Article{}, &RecordError{Path: name, Line: line, Err: err}) {
				return false
			}
			continue
		}
		a.Origin = fmt.Sprintf("%s:%d", name, line)
		if !yield(a, nil) {
			return false
		}
	}
}
