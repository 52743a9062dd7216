package text

import (
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

// AppendFold appends Fold(s) to b.
func AppendFold(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		n := len(b)
		b = append(b, s...)
		for i := n; i < len(b); i++ {
			if c := b[i]; c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return b
	}
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return b
}

// foldRune is the folded form of r (see Fold).
func foldRune(r rune) rune {
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
