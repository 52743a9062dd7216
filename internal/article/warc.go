package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// ErrNotArticle is the reason a record or item that is not a news page is
// skipped: a WARC response that is not HTML or not 200 OK, a feed item with
// neither content nor link. Such errors are reported and reading goes on.
var ErrNotArticle = errors.New("not an article")

// htmlTypes are the media types read as web pages.
var htmlTypes = map[string]bool{"text/html": true, "application/xhtml+xml": true}

// readWARC streams the HTML responses of a WARC file (plain, gzip record by
// record as Common Crawl, wget and Browsertrix write it, or gzip as a whole)
// as articles, one
// record in memory at a time (gowarc spills a large record to a temporary
// file). A record that cannot be read is a *RecordError at its byte offset
// and reading goes on with the next record gowarc can find; responses that
// are not HTML or not 200 are errors wrapping ErrNotArticle; request,
// metadata, warcinfo and revisit records are passed over silently.
func readWARC(name string, r io.Reader, yield func(Article, error) bool) bool {
	r, whole := sniffWholeGzip(r)
	var broken *stickyReader // the decompressed stream, when whole
	if whole {
		// One gzip member holds every record (gzip(1) run on a .warc):
		// gowarc reads gzip a record per member, so the stream is
		// decompressed here and offsets count decompressed bytes. Once
		// the decompressor fails nothing after can be read.
		zr, err := gzip.NewReader(r)
		if err != nil {
			return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		broken = &stickyReader{r: zr}
		r = broken
	}
	wf, err := gowarc.NewWarcFileReaderFromStream(r, 0)
	if err != nil {
		return yield(Article{}, &RecordError{Path: name, Err: fmt.Errorf("warc: %w", err)})
	}
	defer wf.Close()
	last := int64(0) // where the previous record ended
	resync := false  // the previous record was corrupt: gowarc skips the rest of it
	for {
		rec, err := wf.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			return true
		}
		if rec.Offset > last && !resync { // gowarc skipped bytes to find this record
			gap := &RecordError{Path: name, Offset: last, AtOffset: true,
				Err: fmt.Errorf("warc: %d bytes that are not a WARC record skipped", rec.Offset-last)}
			if !yield(Article{}, gap) {
				return false
			}
		}
		if err != nil {
			rec.Close()
			if !yield(Article{}, &RecordError{Path: name, Offset: rec.Offset, AtOffset: true, Err: fmt.Errorf("warc: %w", err)}) {
				return false
			}
			if broken != nil && broken.err != nil {
				return true
			}
			end := rec.Offset + rec.Size
			if end <= last {
				return yield(Article{}, &RecordError{Path: name, Offset: end, AtOffset: true, Err: errors.New("warc: no further record can be found")})
			}
			last, resync = end, true
			continue
		}
		last, resync = rec.Offset+rec.Size, false
		a, ok, err := warcArticle(rec.WarcRecord)
		rec.Close()
		if !ok {
			continue
		}
		if err != nil {
			if !yield(Article{}, &RecordError{Path: name, Offset: rec.Offset, AtOffset: true, Err: err}) {
				return false
			}
			continue
		}
		a.Origin = fmt.Sprintf("%s:%d", name, rec.Offset)
		if !yield(a, nil) {
			return false
		}
	}
}

// warcArticle makes the article of one record; ok is false for records that
// are not responses.
func warcArticle(wr gowarc.WarcRecord) (a Article, ok bool, err error) {
	if wr.Type() != gowarc.Response {
		return Article{}, false, nil
	}
	uri := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	block, isHTTP := wr.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		return Article{}, true, fmt.Errorf("%w: %s is not an HTTP response", ErrNotArticle, uri)
	}
	if code := block.HttpStatusCode(); code != http.StatusOK {
		return Article{}, true, fmt.Errorf("%w: %s answered %d", ErrNotArticle, uri, code)
	}
	h := *block.HttpHeader()
	payload, err := block.PayloadBytes()
	if err != nil {
		return Article{}, true, fmt.Errorf("warc: %s: %w", uri, err)
	}
	body, err := httpBody(h, payload)
	if err != nil {
		return Article{}, true, fmt.Errorf("warc: %s: %w", uri, err)
	}
	ct := h.Get("Content-Type")
	if mt := mediaType(ct, body); !htmlTypes[mt] {
		return Article{}, true, fmt.Errorf("%w: %s is %s, not HTML", ErrNotArticle, uri, mt)
	}
	p := Page{Body: body, URL: uri, ContentType: ct}
	p.ArchiveDate, _ = wr.Date()
	p.LastModified, _ = http.ParseTime(h.Get("Last-Modified"))
	a, err = ParseHTML(p)
	if err != nil {
		return Article{}, true, fmt.Errorf("%s: %w", uri, err)
	}
	return a, true, nil
}

// mediaType is the media type of a response: its Content-Type, else what
// its first bytes look like.
func mediaType(contentType string, body []byte) string {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mt
}

// httpBody reads an archived HTTP payload as the page it carries: chunked
// transfer coding and gzip content coding are undone when the archive kept
// them (wget does; Common Crawl stores bodies decoded). Bodies over
// MaxPageBytes are an error.
func httpBody(h http.Header, payload io.Reader) ([]byte, error) {
	if strings.EqualFold(h.Get("Transfer-Encoding"), "chunked") {
		payload = httputil.NewChunkedReader(payload)
	}
	body, err := io.ReadAll(io.LimitReader(payload, MaxPageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxPageBytes {
		return nil, fmt.Errorf("body over the %d-byte limit", MaxPageBytes)
	}
	if strings.EqualFold(h.Get("Content-Encoding"), "gzip") && isGzip(body) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		body, err = io.ReadAll(io.LimitReader(zr, MaxPageBytes+1))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
	}
	return body, nil
}

// isGzip reports whether b starts with the gzip magic number.
func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// sniffLimit bounds what sniffWholeGzip reads ahead: a first record larger
// than this (a WARC file starts with a small warcinfo record) is taken for
// gzip record by record.
const sniffLimit = 4 << 20

// sniffWholeGzip tells a WARC file compressed as a whole (one gzip member
// holding every record) from one compressed record by record (a member per
// record, as the WARC standard recommends): it decompresses the first
// member's first record and looks for more data in the same member. It
// returns a reader that gives r's bytes from the start again.
func sniffWholeGzip(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); !isGzip(magic) {
		return br, false
	}
	rec := &headReader{r: br, left: sniffLimit}
	replay := func() io.Reader { return io.MultiReader(bytes.NewReader(rec.buf), br) }
	zr, err := gzip.NewReader(rec)
	if err != nil {
		return replay(), false
	}
	zr.Multistream(false)
	zb := bufio.NewReader(zr)
	length := int64(-1)
	for {
		line, err := zb.ReadString('\n')
		if err != nil {
			return replay(), false
		}
		if strings.TrimSpace(line) == "" {
			break
		}
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
			if _, err := fmt.Sscan(strings.TrimSpace(v), &length); err != nil {
				return replay(), false
			}
		}
	}
	if length < 0 {
		return replay(), false
	}
	if _, err := io.CopyN(io.Discard, zb, length+4); err != nil { // the block and the record's closing CRLF CRLF
		return replay(), false
	}
	_, err = zb.ReadByte()
	return replay(), err == nil
}

// stickyReader reads r and keeps the first error other than io.EOF.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

// headReader reads from r at most left bytes, keeping what it read.
type headReader struct {
	r    io.Reader
	buf  []byte
	left int
}

func (h *headReader) Read(p []byte) (int, error) {
	if h.left <= 0 {
		return 0, io.EOF
	}
	if len(p) > h.left {
		p = p[:h.left]
	}
	n, err := h.r.Read(p)
	h.buf = append(h.buf, p[:n]...)
	h.left -= n
	return n, err
}
