package text

import "unicode/utf8"

// Word segmentation of ASCII text, the common case of news, without the
// general UAX #29 machinery: the same words as clipperhouse/uax29 finds
// (TestASCIIWords, TestASCIIWordsAreUAX29 on every ASCII text of T17, and
// FuzzASCIIWords compare them) in a third of the time (BenchmarkWords: 2.4
// against 6.7 µs for a sentence of 150 characters): word segmentation was a
// tenth of ingest's work, and is much of a timeline's preparation.
//
// Between ASCII characters, UAX #29 keeps a word together across letters,
// digits and underscores (WB5, WB8–WB10, WB13a–b), across one ':', '.' or
// '\'' between two letters (WB6–7), and across one ',', ';', '.' or '\''
// between two digits (WB11–12); it breaks everywhere else, and a segment
// without a letter or digit is no word.

// asciiClass is what segmentation needs to know of an ASCII byte.
type asciiClass uint8

const (
	aOther  asciiClass = iota
	aLetter            // A–Z, a–z (ALetter)
	aDigit             // 0–9 (Numeric)
	aExtend            // _ (ExtendNumLet)
	aMidL              // : (MidLetter): between letters
	aMidNL             // . and ' (MidNumLet, Single_Quote): between letters, or between digits
	aMidN              // , and ; (MidNum): between digits
)

var asciiClasses = func() (t [utf8.RuneSelf]asciiClass) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = aLetter, aLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	t['_'], t[':'], t['.'], t['\''], t[','], t[';'] = aExtend, aMidL, aMidNL, aMidNL, aMidN, aMidN
	return t
}()

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// joins reports whether a word that ends in class p goes on across the
// middle character m to class q.
func joins(p, m, q asciiClass) bool {
	switch m {
	case aMidL:
		return p == aLetter && q == aLetter
	case aMidNL:
		return p == q && (p == aLetter || p == aDigit)
	case aMidN:
		return p == aDigit && q == aDigit
	}
	return false
}

// asciiWords calls f with each word of the ASCII text s, in order.
func asciiWords(s string, f func(w string)) {
	for i := 0; i < len(s); {
		c := asciiClasses[s[i]]
		if c != aLetter && c != aDigit && c != aExtend {
			i++
			continue
		}
		j, word := i+1, c != aExtend
		for j < len(s) {
			n := asciiClasses[s[j]]
			switch {
			case n == aLetter || n == aDigit || n == aExtend:
				word = word || n != aExtend
				j++
				continue
			case n >= aMidL && j+1 < len(s) && joins(asciiClasses[s[j-1]], n, asciiClasses[s[j+1]]):
				j += 2
				continue
			}
			break
		}
		if word {
			f(s[i:j])
		}
		i = j
	}
}
