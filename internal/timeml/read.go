package timeml

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timex"
)

// Document is a TimeML document reduced to what a time-expression tagger and
// its scorer need.
type Document struct {
	Name  string // file name or other label, for messages
	DocID string // content of <DOCID>, if any
	// DCT is the value of the creation-time TIMEX3 inside <DCT>
	// ("1998-08-07", "1998-02-13T14:35:00"); empty when the document has none.
	DCT string
	// Text is the content of <TEXT> with every tag removed and the XML
	// entities decoded; all offsets are rune offsets into it.
	Text string
	// Timexes are the TIMEX3 annotations found inside <TEXT>, in text order.
	Timexes []timex.Timex
}

// ErrNoDCT is reported when a document has no creation time to resolve its
// relative expressions against.
var ErrNoDCT = errors.New("no document creation time: the document has no <DCT><TIMEX3 value=...>")

// ReadFile reads and parses the TimeML file at path.
func ReadFile(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return Parse(data, path)
}

// invalidAt returns the offset of the first byte of b that is not UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Parse parses a TimeML document. It needs a <TEXT> element; <DCT> and
// <DOCID> are optional. Tags inside <TEXT> other than TIMEX3 (EVENT, SIGNAL,
// ...) are dropped; unknown entities are kept as written. A document that is
// not UTF-8 (as XML must be) is refused. Errors name the document and the
// line.
func Parse(data []byte, name string) (*Document, error) {
	s := string(data)
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, lineAt(s, invalidAt(data)))
	}
	doc := &Document{Name: name}
	if i, j, ok := element(s, "DOCID"); ok {
		doc.DocID = strings.TrimSpace(decodeEntities(stripTags(s[i:j])))
	}
	if i, j, ok := element(s, "DCT"); ok {
		dct, err := parseDCTElement(s[i:j])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, lineAt(s, i), err)
		}
		doc.DCT = dct
	}
	i, j, ok := element(s, "TEXT")
	if !ok {
		return nil, fmt.Errorf("%s: no <TEXT>...</TEXT> element", name)
	}
	if err := doc.parseText(s, i, j); err != nil {
		return nil, err
	}
	return doc, nil
}

// parseDCTElement returns the creation time in the content of a <DCT>
// element: the value of its TIMEX3, or its text when it holds no TIMEX3
// (<DCT>2017-04-11</DCT>); empty when there is neither.
func parseDCTElement(inner string) (string, error) {
	k := strings.Index(inner, "<TIMEX3")
	if k < 0 {
		return strings.TrimSpace(decodeEntities(stripTags(inner))), nil
	}
	end := strings.IndexByte(inner[k:], '>')
	if end < 0 {
		return "", errors.New("unterminated TIMEX3 tag in <DCT>")
	}
	attrs, err := parseAttrs(strings.TrimSuffix(inner[k+len("<TIMEX3"):k+end], "/"))
	if err != nil {
		return "", fmt.Errorf("<DCT>: %w", err)
	}
	return attrs["value"], nil
}

// parseText fills Text and Timexes from s[from:to], the content of <TEXT>.
func (doc *Document) parseText(s string, from, to int) error {
	var b strings.Builder
	b.Grow(to - from)
	runes := 0
	type open struct {
		start int
		attrs map[string]string
		at    int
	}
	var stack []open
	text := func(seg string) {
		seg = decodeEntities(seg)
		b.WriteString(seg)
		runes += utf8.RuneCountInString(seg)
	}
	p := from
	for p < to {
		k := strings.IndexByte(s[p:to], '<')
		if k < 0 {
			text(s[p:to])
			break
		}
		text(s[p : p+k])
		p += k
		end := strings.IndexByte(s[p:to], '>')
		if end < 0 {
			return fmt.Errorf("%s:%d: unterminated tag", doc.Name, lineAt(s, p))
		}
		tag := s[p+1 : p+end]
		switch {
		case strings.HasPrefix(tag, "TIMEX3") && (len(tag) == 6 || isSpace(tag[6]) || tag[6] == '/'):
			selfClosing := strings.HasSuffix(tag, "/")
			attrs, err := parseAttrs(strings.TrimSuffix(tag[6:], "/"))
			if err != nil {
				return fmt.Errorf("%s:%d: %w", doc.Name, lineAt(s, p), err)
			}
			if !selfClosing {
				stack = append(stack, open{runes, attrs, p})
			}
		case tag == "/TIMEX3":
			if len(stack) == 0 {
				return fmt.Errorf("%s:%d: </TIMEX3> without an opening tag", doc.Name, lineAt(s, p))
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			doc.Timexes = append(doc.Timexes, timex.Timex{
				Start: o.start, End: runes,
				Type:  timex.Type(o.attrs["type"]),
				Value: o.attrs["value"],
				Mod:   o.attrs["mod"],
				Quant: o.attrs["quant"],
				Freq:  o.attrs["freq"],
			})
		}
		p += end + 1
	}
	if len(stack) > 0 {
		return fmt.Errorf("%s:%d: TIMEX3 never closed", doc.Name, lineAt(s, stack[0].at))
	}
	doc.Text = b.String()
	// Nested TIMEX3 close inner-first; keep text order, and fill in Text.
	sortTimexes(doc.Timexes)
	fillText(doc.Text, doc.Timexes)
	return nil
}

// fillText sets the Text field of each timex from its rune offsets into text.
func fillText(text string, txs []timex.Timex) {
	if len(txs) == 0 {
		return
	}
	// byte offset of every rune offset that starts or ends a timex
	r, bi := 0, 0
	offs := map[int]int{}
	for _, t := range txs {
		offs[t.Start], offs[t.End] = -1, -1
	}
	for bi <= len(text) {
		if _, ok := offs[r]; ok {
			offs[r] = bi
		}
		if bi == len(text) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[bi:])
		bi += size
		r++
	}
	for i := range txs {
		a, b := offs[txs[i].Start], offs[txs[i].End]
		if a >= 0 && b >= a {
			txs[i].Text = text[a:b]
		}
	}
}

func sortTimexes(txs []timex.Timex) {
	// insertion sort: inputs are nearly sorted and short
	for i := 1; i < len(txs); i++ {
		for j := i; j > 0 && (txs[j].Start < txs[j-1].Start || txs[j].Start == txs[j-1].Start && txs[j].End > txs[j-1].End); j-- {
			txs[j], txs[j-1] = txs[j-1], txs[j]
		}
	}
}

// element returns the byte range of the content of the first <name>...</name>
// element of s.
func element(s, name string) (int, int, bool) {
	open := "<" + name
	p := 0
	for {
		k := strings.Index(s[p:], open)
		if k < 0 {
			return 0, 0, false
		}
		k += p
		after := k + len(open)
		if after < len(s) && (s[after] == '>' || isSpace(s[after])) {
			gt := strings.IndexByte(s[after:], '>')
			if gt < 0 {
				return 0, 0, false
			}
			start := after + gt + 1
			end := strings.Index(s[start:], "</"+name+">")
			if end < 0 {
				return 0, 0, false
			}
			return start, start + end, true
		}
		p = after
	}
}

// parseAttrs parses the attributes of a start tag: name="value" pairs.
func parseAttrs(s string) (map[string]string, error) {
	attrs := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return attrs, nil
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("malformed attribute %q", text.Clip(s, 30))
		}
		name := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t\r\n")
		if s == "" || (s[0] != '"' && s[0] != '\'') {
			return nil, fmt.Errorf("attribute %s: value not quoted", name)
		}
		q := s[0]
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return nil, fmt.Errorf("attribute %s: unterminated value", name)
		}
		attrs[name] = decodeEntities(s[1 : 1+end])
		s = s[end+2:]
	}
}

// stripTags removes every <...> tag from s.
func stripTags(s string) string {
	var b strings.Builder
	for {
		k := strings.IndexByte(s, '<')
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:k])
		end := strings.IndexByte(s[k:], '>')
		if end < 0 {
			return b.String()
		}
		s = s[k+end+1:]
	}
}

var namedEntities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// decodeEntities decodes the five XML entities and numeric character
// references; anything else is kept as written.
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	for {
		k := strings.IndexByte(s, '&')
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:k])
		s = s[k:]
		semi := strings.IndexByte(s, ';')
		if semi < 2 || semi > 10 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		name := s[1:semi]
		if v, ok := namedEntities[name]; ok {
			b.WriteString(v)
		} else if r, ok := charRef(name); ok {
			b.WriteRune(r)
		} else {
			b.WriteString(s[:semi+1])
		}
		s = s[semi+1:]
	}
}

func charRef(name string) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lineAt returns the 1-based line number of byte offset off in s.
func lineAt(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return strings.Count(s[:off], "\n") + 1
}

// ParseDCT turns a DCT value into a time: "2017-04-11", "2017-04-11T14:30",
// "2017-04-11T14:30:00", an RFC 3339 time or the compact "20170411". The
// result is in UTC (the wall-clock fields as written).
func ParseDCT(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339, "20060102"} {
		if t, err := time.Parse(layout, v); err == nil {
			if layout == time.RFC3339 {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("DCT %q: want a date such as 2017-04-11 or 2017-04-11T14:30", v)
}
