package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Query is what Search looks for. Plain text (the default) is words and
// "quoted phrases", each of which a sentence must contain (compared as the
// full-text index does: case-folded, diacritics removed, Porter-stemmed),
// with word* for a prefix; any other character separates words, so that
// nothing a user types is FTS5 syntax ("text:oil" is the words text and
// oil, NEAR( a word). Raw passes Text to FTS5 as it is, for its syntax:
// AND, OR, NOT, NEAR, column filters, ^.
type Query struct {
	Text string
	Raw  bool
}

// ErrEmptyQuery is the error of a query with no word in it.
var ErrEmptyQuery = errors.New("empty query: give at least one word to search for")

// QueryError is a raw query that FTS5 refused, with its reason.
type QueryError struct {
	Query  string
	Reason string
}

// Error says what is wrong in one line.
func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q is not valid FTS5 syntax: %s", e.Query, e.Reason)
}

// fts returns the FTS5 MATCH expression of q.
func (q Query) fts() (string, error) {
	if q.Raw {
		if strings.TrimSpace(q.Text) == "" {
			return "", ErrEmptyQuery
		}
		return q.Text, nil
	}
	parts := plainTerms(q.Text)
	if len(parts) == 0 {
		return "", ErrEmptyQuery
	}
	return strings.Join(parts, " "), nil
}

// plainTerms reads plain query text as FTS5 strings: "word", "word"* for
// a prefix, "a phrase" for words between double quotes (an unclosed quote
// runs to the end).
func plainTerms(s string) []string {
	var out []string
	inPhrase := false
	var phrase []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '"':
			if inPhrase && len(phrase) > 0 {
				out = append(out, `"`+strings.Join(phrase, " ")+`"`)
			}
			inPhrase, phrase = !inPhrase, nil
			i++
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			i = j
			if inPhrase {
				phrase = append(phrase, w)
				continue
			}
			t := `"` + w + `"`
			if i < len(rs) && rs[i] == '*' {
				t += "*"
				i++
			}
			out = append(out, t)
		default:
			i++
		}
	}
	if inPhrase && len(phrase) > 0 {
		out = append(out, `"`+strings.Join(phrase, " ")+`"`)
	}
	return out
}

// isWordRune reports the characters FTS5's unicode61 tokenizer keeps in
// tokens: letters, digits and marks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.No, r)
}

// wrap turns the error of running q into a *QueryError when FTS5 refused
// the query, and names the query otherwise.
func (q Query) wrap(err error) error {
	msg := err.Error()
	for _, sign := range []string{"fts5:", "no such column", "unterminated string", "malformed MATCH"} {
		if i := strings.Index(msg, sign); i >= 0 {
			reason := strings.TrimSuffix(msg[i:], " (1)")
			return &QueryError{Query: q.Text, Reason: reason}
		}
	}
	return fmt.Errorf("search %q: %w", q.Text, err)
}
