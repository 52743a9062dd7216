package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
)

// Query is what Search looks for. Plain text (the default) is words and
// "quoted phrases", each of which a sentence must contain, compared by
// index term (text.Terms: case-folded, stemmed; stop words are not indexed
// and not looked for), with word* for every term that starts so; nothing a
// user types is syntax ("text:oil" is the words text and oil, "NEAR(" a
// word). Raw passes Text to the backend's own query language, its words
// turned into index terms: FTS5 syntax for SQLite (AND, OR, NOT, NEAR,
// column filters on the one column text, ^), web-search syntax for
// PostgreSQL ("phrases", or, -word).
type Query struct {
	Text string
	Raw  bool
}

// ErrEmptyQuery is the error of a query with no word to look for.
var ErrEmptyQuery = errors.New("empty query: give at least one word to search for (stop words such as \"the\" are not indexed)")

// QueryError is a raw query that the backend refused, with its reason.
type QueryError struct {
	Query  string
	Reason string
}

// Error says what is wrong in one line.
func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q is not valid FTS5 syntax: %s", e.Query, e.Reason)
}

// plainMatch reads plain query text: the condition that every word, phrase
// and prefix occurs. It is nil, with ErrEmptyQuery, when there is nothing
// to look for.
func plainMatch(s string) (*match, error) {
	var clauses []*match
	for i, part := range strings.Split(s, `"`) {
		if i%2 == 1 { // between quotes (an unclosed quote runs to the end)
			switch ts := text.Terms(part); len(ts) {
			case 0:
			case 1:
				clauses = append(clauses, term(ts[0]))
			default:
				clauses = append(clauses, &match{op: opPhrase, terms: ts})
			}
			continue
		}
		for _, chunk := range strings.Fields(part) {
			ws := text.Words(chunk)
			prefix := strings.HasSuffix(chunk, "*") && len(ws) > 0
			for j, w := range ws {
				if prefix && j == len(ws)-1 {
					clauses = append(clauses, &match{op: opPrefix, terms: []string{prefixTerm(w)}})
					continue
				}
				if t, ok := text.Term(w); ok {
					clauses = append(clauses, term(t))
				}
			}
		}
	}
	if len(clauses) == 0 {
		return nil, ErrEmptyQuery
	}
	return and(clauses...), nil
}

// prefixTerm is what word* looks for among index terms: the longest common
// start of the lower-cased word and its term ("attack*" finds attack,
// attacker, attacked; "happy*" looks for happ, as happy's term is happi).
func prefixTerm(w string) string {
	lw := strings.ToLower(w)
	t, ok := text.Term(w)
	if !ok {
		return lw
	}
	n := 0
	for n < len(lw) && n < len(t) && lw[n] == t[n] {
		n++
	}
	for n > 0 && n < len(lw) && !utf8.RuneStart(lw[n]) {
		n-- // do not cut a rune
	}
	if n == 0 {
		return lw
	}
	return lw[:n]
}

// fts5String quotes s as an FTS5 string.
func fts5String(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// fts5Match writes m in FTS5 query syntax.
func fts5Match(m *match) string {
	switch m.op {
	case opTerm:
		return fts5String(m.terms[0])
	case opPhrase:
		return fts5String(strings.Join(m.terms, " "))
	case opPrefix:
		return fts5String(m.terms[0]) + "*"
	}
	parts := make([]string, len(m.args))
	for i, a := range m.args {
		parts[i] = "(" + fts5Match(a) + ")"
	}
	op := " AND "
	if m.op == opOr {
		op = " OR "
	}
	return strings.Join(parts, op)
}

// fts5Raw turns the words of a raw FTS5 query into index terms, leaving its
// syntax as it is: barewords and strings become strings of their terms (a
// word that is a stop word is kept as written: it is in no sentence);
// AND, OR, NOT, NEAR before "(", and column names before ":" stay.
func fts5Raw(q string) string {
	var sb strings.Builder
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(q) {
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(q) { // unterminated: let FTS5 say so
				sb.WriteString(q[i:])
				return sb.String()
			}
			inner := strings.ReplaceAll(q[i+1:j], `""`, `"`)
			sb.WriteString(termsString(inner))
			i = j + 1
		case isBareword(q, i):
			j := i
			for j < len(q) && isBareword(q, j) {
				_, n := utf8.DecodeRuneInString(q[j:])
				j += n
			}
			w := q[i:j]
			next := strings.TrimLeft(q[j:], " \t\r\n")
			prev := strings.TrimRight(q[:i], " \t\r\n")
			switch {
			case w == "AND" || w == "OR" || w == "NOT",
				w == "NEAR" && strings.HasPrefix(next, "("),
				strings.HasPrefix(next, ":"),
				strings.HasSuffix(prev, ",") && isDigits(w): // NEAR's distance
				sb.WriteString(w)
			case strings.HasPrefix(q[j:], "*"):
				sb.WriteString(fts5String(prefixTerm(w)))
			default:
				sb.WriteString(termsString(w))
			}
			i = j
		default:
			sb.WriteByte(c)
			i++
		}
	}
	return sb.String()
}

// isDigits reports whether w is all ASCII digits.
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// termsString is the FTS5 string of the index terms of s, or s itself
// quoted when it has none.
func termsString(s string) string {
	ts := text.Terms(s)
	if len(ts) == 0 {
		return fts5String(s)
	}
	return fts5String(strings.Join(ts, " "))
}

// isBareword reports whether the character at q[i] belongs to an FTS5
// bareword: a letter, digit, underscore, or any non-ASCII character.
func isBareword(q string, i int) bool {
	c := q[i]
	return c >= utf8.RuneSelf || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == 0x1a
}

// websearchRaw turns the words of a raw web-search query (PostgreSQL's
// websearch_to_tsquery syntax) into index terms, leaving its syntax: quoted
// phrases, the word or, and -word.
func websearchRaw(q string) string {
	var out []string
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			if ts := text.Terms(part); len(ts) > 0 {
				out = append(out, `"`+strings.Join(ts, " ")+`"`)
			}
			continue
		}
		for _, chunk := range strings.Fields(part) {
			neg := ""
			if strings.HasPrefix(chunk, "-") {
				neg, chunk = "-", strings.TrimLeft(chunk, "-")
			}
			if strings.EqualFold(chunk, "or") {
				out = append(out, "or")
				continue
			}
			if ts := text.Terms(chunk); len(ts) > 0 {
				out = append(out, neg+websearchWords(ts))
			}
		}
	}
	return strings.Join(out, " ")
}

// websearchWords writes terms for websearch_to_tsquery: several terms from
// one chunk must come together (a phrase); a double quote in a term, which
// would be syntax, becomes a space.
func websearchWords(ts []string) string {
	s := strings.ReplaceAll(strings.Join(ts, " "), `"`, " ")
	if len(ts) > 1 {
		return `"` + s + `"`
	}
	return s
}
