package text

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Fold returns s case-folded for case-insensitive matching: each rune is
// replaced by the lower case of the smallest rune of its Unicode simple
// case-folding orbit (the runes strings.EqualFold treats as equal), so that
// "ÖSTERREICH", "Österreich" and "österreich" all fold to "österreich", the
// Kelvin sign to "k" and final sigma to "σ". Strings that EqualFold calls
// equal fold to the same string. Invalid UTF-8 bytes become U+FFFD.
func Fold(s string) string { return string(AppendFold(make([]byte, 0, len(s)), s)) }

// AppendFold appends Fold(s) to b. ASCII bytes are folded one at a time
// without decoding; only the other runes go through Unicode case folding
// (news text is mostly ASCII with a few curly quotes and dashes).
func AppendFold(b []byte, s string) []byte {
	b = slices.Grow(b, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, FoldRune(r))
		i += n
	}
	return b
}

// FoldRune is the folded form of r: Fold folds every rune of a text by it.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return unicode.ToLower(least)
}
