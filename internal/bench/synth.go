package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/article"
)

// Synth says how to synthesize a large corpus from small ones, for
// measuring how dateline scales (see docs/SCALING.md).
type Synth struct {
	Sources  []string // JSON Lines files, or directories searched for *.jsonl files (in name order)
	Articles int      // how many articles to write
	// Period is the number of days between one copy of the sources and the
	// next; 0 means the span of the sources' publication days, rounded up
	// to whole weeks, plus one week. Copies then never overlap in time, and
	// a whole number of weeks keeps every weekday a weekday of the same name.
	Period int
}

// SynthResult says what Synthesize wrote.
type SynthResult struct {
	Base          int       // articles in the sources
	Articles      int       // articles written
	Copies        int       // copies of the sources begun (the last may be partial)
	Period        int       // days between copies
	First, Last   time.Time // first and last publication day written
	Bytes         int64     // bytes written (before compression)
	SourceRecords int       // records read
	Empty         int       // records left out because their text is empty (ingest would skip them)
}

// Synthesize writes s.Articles articles to w, as JSON Lines: the articles of
// the sources, copied again and again. Copy k of an article is the source
// record, byte for byte in every field but two: its id becomes
// "sNNN/<id>" (NNN = k) and its publication date moves k·Period days
// later. The text is not changed: relative expressions ("on Tuesday")
// resolve against the moved date, explicit ones ("March 15, 2011") keep
// naming their original day. The last copy takes the first articles of the
// sources, in the order they were read, until the count is reached. Records
// with an empty text (which ingest skips) are left out, so that the corpus
// ingests as exactly s.Articles articles.
//
// Nothing is written to the repository: the corpus goes where w goes (a
// file outside it, or straight into `dateline ingest -`).
func Synthesize(w io.Writer, s Synth) (SynthResult, error) {
	base, records, empty, err := readSources(s.Sources)
	if err != nil {
		return SynthResult{}, err
	}
	r := SynthResult{Base: len(base), SourceRecords: records, Empty: empty, Period: s.Period}
	if len(base) == 0 {
		return r, fmt.Errorf("synthesize: no articles in %s", strings.Join(s.Sources, ", "))
	}
	first, last := base[0].published, base[0].published
	for _, b := range base {
		first, last = minTime(first, b.published), maxTime(last, b.published)
	}
	if r.Period <= 0 {
		span := int(last.Sub(first).Hours()/24) + 1
		r.Period = (span+6)/7*7 + 7
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countingWriter{w: bw}
	for n := 0; n < s.Articles; n++ {
		k, b := n/len(base), base[n%len(base)]
		if n%len(base) == 0 {
			r.Copies++
		}
		pub := b.published.AddDate(0, 0, k*r.Period)
		line, err := b.rewrite(fmt.Sprintf("s%03d/%s", k, b.id), pub)
		if err != nil {
			return r, err
		}
		if _, err := cw.Write(line); err != nil {
			return r, fmt.Errorf("synthesize: %w", err)
		}
		if n == 0 || pub.Before(r.First) {
			r.First = pub
		}
		if pub.After(r.Last) {
			r.Last = pub
		}
		r.Articles++
	}
	r.Bytes = cw.n
	if err := bw.Flush(); err != nil {
		return r, fmt.Errorf("synthesize: %w", err)
	}
	return r, nil
}

// SynthesizeFile writes the corpus to path, gzip-compressed when path ends
// in .gz, or to stdout when path is "-".
func SynthesizeFile(path string, stdout io.Writer, s Synth) (SynthResult, error) {
	if path == "-" {
		return Synthesize(stdout, s)
	}
	f, err := os.Create(path)
	if err != nil {
		return SynthResult{}, fmt.Errorf("synthesize: %w", err)
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestSpeed)
		w = zw
	}
	r, err := Synthesize(w, s)
	if zw != nil {
		if cerr := zw.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("synthesize: %s: %w", path, cerr)
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("synthesize: %s: %w", path, cerr)
	}
	return r, err
}

// baseRecord is one source article, kept as its JSON fields.
type baseRecord struct {
	fields    map[string]json.RawMessage
	keys      []string // the field names, sorted
	id        string
	published time.Time
	dateOnly  bool // the date was written as YYYY-MM-DD
}

// rewrite returns the record's JSON line with a new id and date, every
// other field as it was read, in name order.
func (b baseRecord) rewrite(id string, pub time.Time) ([]byte, error) {
	date := pub.Format(time.RFC3339)
	if b.dateOnly {
		date = pub.Format(time.DateOnly)
	}
	idJSON, err := json.Marshal(id)
	if err != nil {
		return nil, fmt.Errorf("synthesize %s: %w", b.id, err)
	}
	line := append([]byte(`{"id":`), idJSON...)
	line = append(line, `,"date":"`+date+`"`...)
	for _, k := range b.keys {
		if k == "id" || k == "date" {
			continue
		}
		name, _ := json.Marshal(k)
		line = append(append(append(append(line, ','), name...), ':'), b.fields[k]...)
	}
	return append(line, "}\n"...), nil
}

// readSources reads every record of the sources, and counts those left out
// for an empty text. A record without an id or a readable date is an error
// naming its file and line: a copy of it could not be told from the others.
func readSources(sources []string) ([]baseRecord, int, int, error) {
	var files []string
	for _, src := range sources {
		fi, err := os.Stat(src)
		if err != nil {
			return nil, 0, 0, fmt.Errorf("synthesize: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, src)
			continue
		}
		var found []string
		err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".jsonl") {
				found = append(found, p)
			}
			return err
		})
		if err != nil {
			return nil, 0, 0, fmt.Errorf("synthesize: %w", err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	var out []baseRecord
	records, empty := 0, 0
	for _, path := range files {
		recs, n, e, err := readSourceFile(path)
		if err != nil {
			return nil, 0, 0, err
		}
		out = append(out, recs...)
		records += n
		empty += e
	}
	return out, records, empty, nil
}

func readSourceFile(path string) (out []baseRecord, records, empty int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("synthesize: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		records++
		b := baseRecord{}
		if err := json.Unmarshal(sc.Bytes(), &b.fields); err != nil {
			return nil, records, empty, &article.RecordError{Path: path, Line: line, Err: err}
		}
		var date, text string
		if json.Unmarshal(b.fields["id"], &b.id) != nil || b.id == "" ||
			json.Unmarshal(b.fields["date"], &date) != nil {
			return nil, records, empty, &article.RecordError{Path: path, Line: line, Err: fmt.Errorf("a record to copy needs an id and a date")}
		}
		if b.published, err = article.ParseDate(date); err != nil {
			return nil, records, empty, &article.RecordError{Path: path, Line: line, Err: err}
		}
		if json.Unmarshal(b.fields["text"], &text) != nil || strings.TrimSpace(text) == "" {
			empty++
			continue
		}
		b.dateOnly = len(date) == len(time.DateOnly)
		for k := range b.fields {
			b.keys = append(b.keys, k)
		}
		sort.Strings(b.keys)
		out = append(out, b)
	}
	if err := sc.Err(); err != nil {
		return nil, records, empty, &article.RecordError{Path: path, Line: line, Err: err}
	}
	return out, records, empty, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
