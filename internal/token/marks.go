package token

import (
	"unicode"
	"unicode/utf8"
)

// marks sets the Kind of every token of s and the Mark of its quotation
// marks. A straight or right single quote is a quotation mark unless it is
// part of a word (O'Neill, a clitic 's); which way a mark leans is read from
// its shape, then from what stands around it (white space or an opening
// bracket or dash before; white space or punctuation after).
func marks(toks []Token, s string) {
	for i := range toks {
		t := &toks[i]
		t.Kind, t.Mark = kindOf(t.Text), 0
		if t.Kind != Quote {
			continue
		}
		before := t.Space || t.Byte == 0 || opensAfter(lastRune(s[:t.Byte]))
		next, m := rune(0), 0
		if e := t.ByteEnd(); e < len(s) {
			next, m = utf8.DecodeRuneInString(s[e:])
		}
		t.Mark = markOf(t.Text, next, m, before)
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// kindOf classes a token by its text.
func kindOf(w string) Kind {
	switch w {
	case `"`, "'", "`", "``", "''", "“", "”", "‘", "’", "„", "«", "»", "‹", "›", "‚":
		return Quote
	}
	for _, r := range w {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				return Word
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return Word
		}
	}
	return Punct
}

// markOf gives the Mark of quotation mark w, with the rune after it (m
// bytes long, 0 at the end of the text) and whether what stands before it
// lets it open.
func markOf(w string, next rune, m int, before bool) Mark {
	switch w {
	case "``":
		return Open
	case "`":
		return Open | Single
	case "''":
		if before && m > 0 && !isSpaceRune(next) {
			return Open // ''Quoted,'' as some newspapers open a quotation
		}
		return Close
	case "'", "’":
		if before && w == "'" && m > 0 && !isSpaceRune(next) {
			return Open | Single
		}
		return Close | Single // or the apostrophe of a plural possessive, which pairing leaves unpaired
	case "‘", "‚", "‹":
		return Open | Single
	case "›":
		return Close | Single
	case "“", "„", "«":
		return Open
	case "”", "»":
		return Close
	}
	after := m == 0 || isSpaceRune(next) || closesBefore(next)
	switch { // a straight double quote
	case before && !after:
		return Open
	case after && !before:
		return Close
	}
	return Open | Close
}

func isSpaceRune(c rune) bool { return unicode.IsSpace(c) || c == 0xFEFF || c == 0x200B }

// opensAfter reports whether a quotation mark right after c opens.
func opensAfter(c rune) bool {
	switch c {
	case '(', '[', '{', '—', '–', '―', '-', '/', '“', '‘', '«', '„':
		return true
	}
	return false
}

// closesBefore reports whether a quotation mark right before c closes.
func closesBefore(c rune) bool {
	switch c {
	case ',', '.', ';', ':', ')', ']', '?', '!', '—', '–', '―', '”', '’', '…':
		return true
	}
	return false
}
