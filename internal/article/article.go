package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Article is one dated news article.
type Article struct {
	ID        string    // stable identifier: given by the input, else a content hash (see HashID)
	Published time.Time // publication date (the document creation time); midnight UTC when only the day is known
	Title     string    // headline, if known
	Text      string    // body text: prose, or one sentence per line
	URL       string    // where it was published, if known
	Source    string    // outlet, if known
	Author    string    // byline, if known
	Origin    string    // where dateline read it: "path:line", "path:offset" in a WARC file, or a URL
	// DateFrom says where Published came from when the article itself did not
	// say: DateFromFeed, DateFromLastModified or DateFromWARC. It is empty when
	// the page or record gave its own publication date.
	DateFrom string
}

// The containers a publication date can fall back to, in the order they are
// tried, for a page that names no date of its own (see Article.DateFrom).
const (
	DateFromFeed         = "feed"          // the date of the feed item that linked to the page
	DateFromLastModified = "last-modified" // the HTTP Last-Modified header the page was served with
	DateFromWARC         = "warc-date"     // the WARC-Date of the record, i.e. when it was archived
)

// Day returns the calendar day of publication as midnight UTC.
func (a Article) Day() time.Time {
	y, m, d := a.Published.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// HashID returns a stable identifier for an article that has none: a short
// SHA-256 of its publication day, title and text, so that reading the same
// article twice gives the same id.
func HashID(published time.Time, title, text string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", published.Format(time.DateOnly), title, text)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:24]
}

// RecordError reports a record that could not be read: the file, the line
// the record starts on (or, in a WARC file, its byte offset), and why.
type RecordError struct {
	Path     string
	Line     int   // 1-based; 0 when the error concerns the whole file
	Offset   int64 // the record's byte offset, when AtOffset
	AtOffset bool  // the record is located by Offset (a WARC record), not Line
	Err      error
}

// Error formats the error as "path:line: reason", or "path:offset: reason"
// for a WARC record.
func (e *RecordError) Error() string {
	if e.AtOffset {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Offset, e.Err)
	}
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}

// Unwrap returns the underlying reason.
func (e *RecordError) Unwrap() error { return e.Err }

// ParseDate reads a publication date written as YYYY-MM-DD or as an RFC 3339
// timestamp. A bare day is returned as midnight UTC. The first instant of
// year 1 is refused: it is Go's zero time, which means "no date" everywhere
// after reading.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, notZero(s, t)
		}
	}
	return time.Time{}, fmt.Errorf("date %q is neither YYYY-MM-DD nor RFC 3339", s)
}

// errZeroDate is the reason a date reading as Go's zero time is refused.
var errZeroDate = errors.New("the zero time, not a publication date")

// notZero refuses the zero time as a publication date read from s.
func notZero(s string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("date %q is %w", s, errZeroDate)
	}
	return nil
}
