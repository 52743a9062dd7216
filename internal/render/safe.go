package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Article text, titles, sources, ids and file names are hostile: whatever
// dateline prints for people goes through Safe, and its JSON through
// encodeJSON, so that no escape sequence, control character or bidirectional
// override reaches a terminal raw.

// Safe returns s fit to print on a terminal: control characters (C0, DEL,
// C1; tab and newline included, for fields are printed on one line),
// bidirectional and other invisible formatting characters, line and
// paragraph separators, and bytes that are not UTF-8 are written as Go
// escapes (\x1b, \u202e, \xff): visible and inert. Everything else,
// letters of every script included, is kept. The soft hyphen and the
// zero-width space and joiners, common in news text and inert, are kept.
func Safe(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r) && r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// firstUnsafe returns the byte offset of the first rune Safe escapes, or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}

// unsafeRune reports whether a terminal could act on r rather than show it.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r < 0x80:
		return false
	case r < 0xa0: // C1 controls, CSI (U+009B) among them
		return true
	case r == 0xad || r >= 0x200b && r <= 0x200d:
		return false
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// encodeJSON writes v as indented JSON, <, > and & escaped as \u003c...
// for HTML consumers, and with every rune that Safe would escape
// written as a \u escape: the same JSON value, but inert on a terminal
// (encoding/json escapes C0 controls and U+2028/U+2029 but leaves DEL, C1
// controls and bidirectional overrides raw).
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := buf.Bytes()
	if firstUnsafeJSON(b) < 0 {
		_, err := w.Write(b)
		return err
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x7f && unsafeRune(r) {
			for _, u := range utf16.Encode([]rune{r}) {
				out = fmt.Appendf(out, `\u%04x`, u)
			}
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	_, err := w.Write(out)
	return err
}

// firstUnsafeJSON is firstUnsafe for encoder output (whose newlines and
// indentation are its own, and whose strings have no raw C0 control).
func firstUnsafeJSON(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}
