package timex

import (
	"unicode"
	"unicode/utf8"
)

// The tokenizer splits text into words, numbers and single punctuation marks,
// recording byte and rune offsets and looking every word up in the lexicon
// once. It reads prose ("Friday's", "Jan. 14, 1998", "mid-1990s") and
// PTB-tokenized text ("Friday 's", "Jan. 14 , 1998", "-LRB-") alike: the
// matchers look at tokens, never at the spacing between them, except where a
// hyphen or slash must be glued to its neighbours.

type tkind uint8

const (
	tWord  tkind = iota // letters, possibly with internal periods (a.m., U.S.)
	tNum                // digits, possibly with a suffix (1990s, 11th, 10am)
	tPunct              // one punctuation rune
	tEnd                // past the end of the sentence (see parser.tok)
)

// suffix is what follows the digits of a number token.
type suffix uint8

const (
	sufNone  suffix = iota
	sufOrd          // 1st, 2nd, 3rd, 11th
	sufS            // 1990s, 80s
	sufAM           // 10am
	sufPM           // 10pm
	sufOther        // 3D, 747s... (not a time number)
)

// token is one token of the text.
type token struct {
	b0, b1 int // byte offsets [b0, b1)
	r0, r1 int // rune offsets [r0, r1)
	lx     *lexeme
	num    int // value of the digits of a tNum; -1 when too long or a decimal
	ndig   int // number of digits of a tNum
	kind   tkind
	suf    suffix
	ch     byte // first byte of a tPunct ('-' also for en dashes)
	cap    bool // starts with an upper-case letter
	upper  bool // all letters upper case (and at least two of them)
	sp     bool // preceded by white space
	nl     bool // preceded by a line break
	apos   bool // a number directly preceded by an apostrophe ('90s)
	comma  bool // a number written with thousands separators (1,000)
	ed     bool // a lower-case word ending in -ed, taken as a past-tense verb
}

// tokenize appends the tokens of text to toks and returns them.
func tokenize(text string, toks []token) []token {
	n := len(text)
	r := 0 // rune offset of byte i
	sp, nl := true, true
	for i := 0; i < n; {
		c := text[i]
		// white space
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			sp = true
			if c == '\n' {
				nl = true
			}
			i++
			r++
			continue
		}
		var t token
		t.b0, t.r0, t.sp, t.nl = i, r, sp, nl
		sp, nl = false, false
		switch {
		case isASCIILetter(c):
			j := i + 1
			for j < n && isASCIILetter(text[j]) {
				j++
			}
			rr := r + (j - i)
			ascii := true
			switch {
			case j < n && text[j] >= utf8.RuneSelf:
				// Zürich: letters beyond ASCII continue the word
				for j < n {
					if text[j] < utf8.RuneSelf {
						if !isASCIILetter(text[j]) {
							break
						}
						j++
						rr++
						continue
					}
					ru, size := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(ru) {
						break
					}
					ascii = false
					j += size
					rr++
				}
			case j == i+1 && j+1 < n && text[j] == '.' && isASCIILetter(text[j+1]) && (j+2 == n || !isASCIILetter(text[j+2])):
				// a.m., p.m., U.S.: single letters joined by periods
				j += 2
				for j+1 < n && text[j] == '.' && isASCIILetter(text[j+1]) && (j+2 == n || !isASCIILetter(text[j+2])) {
					j += 2
				}
				if j < n && text[j] == '.' {
					j++
				}
				rr = r + (j - i)
			case j < n && text[j] == '\'' && j-i == 1 && (c == 'o' || c == 'O') && j+1 < n && isASCIILetter(text[j+1]):
				// o'clock
				j++
				for j < n && isASCIILetter(text[j]) {
					j++
				}
				rr = r + (j - i)
			}
			t.kind = tWord
			t.b1 = j
			r = rr
			i = j
			if ascii {
				wordInfo(&t, text[t.b0:t.b1])
			} else {
				t.cap = c >= 'A' && c <= 'Z'
			}
		case c >= '0' && c <= '9' || c == '\'' && i+1 < n && text[i+1] >= '0' && text[i+1] <= '9':
			// a number; '98 and '90s keep their apostrophe
			d := i
			if c == '\'' {
				t.apos = true
				d++
			}
			j := lexNumber(text, d, &t)
			t.b1 = j
			r += j - i
			i = j
		case c == '\'' && i+1 < n && isASCIILetter(text[i+1]):
			// 's, 't, 'll (clitics); also the PTB 's token
			j := i + 1
			for j < n && isASCIILetter(text[j]) {
				j++
			}
			t.kind = tWord
			t.b1 = j
			r += j - i
			i = j
			wordInfo(&t, text[t.b0:t.b1])
		case c < utf8.RuneSelf:
			t.kind = tPunct
			t.ch = c
			t.b1 = i + 1
			r++
			i++
			// `` and '' (PTB quotes) as one token
			if (c == '`' || c == '\'') && i < n && text[i] == c {
				t.b1++
				r++
				i++
			}
		default:
			ru, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(ru):
				sp = true
				if ru == '\u2028' || ru == '\u2029' || ru == '\u0085' {
					nl = true
				}
				i += size
				r++
				continue
			case unicode.IsLetter(ru):
				j := i + size
				rr := r + 1
				for j < n {
					ru2, s2 := utf8.DecodeRuneInString(text[j:])
					if !(unicode.IsLetter(ru2) || ru2 < utf8.RuneSelf && isASCIILetter(byte(ru2))) {
						break
					}
					j += s2
					rr++
				}
				t.kind = tWord
				t.b1 = j
				t.cap = unicode.IsUpper(ru)
				r = rr
				i = j
			case ru == '\u2019' && i+size < n && text[i+size] >= '0' && text[i+size] <= '9':
				// ’98
				t.apos = true
				j := lexNumber(text, i+size, &t)
				t.b1 = j
				r += 1 + j - (i + size)
				i = j
			case ru == '\u2019' && i+size < n && isASCIILetter(text[i+size]):
				// ’s
				j := i + size
				for j < n && isASCIILetter(text[j]) {
					j++
				}
				t.kind = tWord
				t.b1 = j
				wordInfo(&t, "'"+text[i+size:j])
				r += 1 + j - (i + size)
				i = j
			default:
				t.kind = tPunct
				switch ru {
				case '\u2013', '\u2010', '\u2011':
					t.ch = '-' // en dash and hyphens join like '-'
				case '\u2014':
					t.ch = '_' // em dash: a separator
				case '\u201c', '\u201d', '\u201e':
					t.ch = '"' // curly double quotes
				case '\u2018':
					t.ch = '\''
				case '\u2026':
					t.ch = '.' // an ellipsis ends a sentence as a period does
				case '\uff1f', '\u203d':
					t.ch = '?'
				case '\uff01':
					t.ch = '!'
				default:
					t.ch = '~' // another mark: no meaning to the grammar
				}
				t.b1 = i + size
				r++
				i += size
			}
		}
		t.r1 = r
		toks = append(toks, t)
	}
	return toks
}

// lexNumber reads the number starting with the digit at i into t and
// returns its end: digits, thousands separators (1,000), decimals (5.75),
// and a letter suffix (1990s, 11th, 10am).
func lexNumber(text string, i int, t *token) int {
	n := len(text)
	j := i
	for j < n && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	t.kind = tNum
	t.ndig = j - i
	// thousands separators: 1,000 or 12,500,000
	for j+3 < n && text[j] == ',' && allDigits(text[j+1:j+4]) && (j+4 == n || text[j+4] < '0' || text[j+4] > '9') {
		t.comma = true
		j += 4
	}
	decimal := false
	if j+1 < n && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9' && !t.comma {
		decimal = true
		j++
		for j < n && text[j] >= '0' && text[j] <= '9' {
			j++
		}
	}
	t.num = -1
	if !decimal && t.ndig <= 9 {
		v := 0
		for k := i; k < j; k++ {
			if text[k] != ',' {
				v = v*10 + int(text[k]-'0')
			}
		}
		t.num = v
	}
	if j < n && isASCIILetter(text[j]) {
		k := j
		for k < n && isASCIILetter(text[k]) {
			k++
		}
		switch lower2(text[j:k]) {
		case "st", "nd", "rd", "th":
			t.suf = sufOrd
		case "s":
			t.suf = sufS
		case "am":
			t.suf = sufAM
		case "pm":
			t.suf = sufPM
		default:
			t.suf = sufOther
		}
		j = k
	}
	return j
}

// wordInfo fills the lexicon entry and the letter-case flags of a word token.
func wordInfo(t *token, w string) {
	var buf [24]byte
	if len(w) > len(buf) {
		t.cap = w[0] >= 'A' && w[0] <= 'Z'
		return
	}
	up := 0
	letters := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			up++
			c += 'a' - 'A'
		}
		if isASCIILetter(c) {
			letters++
		}
		buf[k] = c
	}
	first := w[0]
	if first == '\'' && len(w) > 1 {
		first = w[1]
	}
	t.cap = first >= 'A' && first <= 'Z'
	t.upper = up == letters && letters > 1
	t.lx = lexicon[string(buf[:len(w)])]
	if len(w) >= 4 && up == 0 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && !notPast[string(buf[:len(w)])] {
		t.ed = true
	}
}

// notPast lists words ending in -ed that are not past-tense verbs.
var notPast = map[string]bool{
	"hundred": true, "need": true, "indeed": true, "speed": true, "seed": true, "feed": true, "deed": true,
	"greed": true, "creed": true, "breed": true, "bleed": true, "proceed": true, "exceed": true, "succeed": true,
	"embed": true, "shred": true, "sled": true, "weed": true, "steed": true, "tweed": true, "heed": true,
	"kindred": true, "sacred": true, "naked": true, "wicked": true, "rugged": true, "ragged": true, "crooked": true,
	"beloved": true, "aged": true, "alleged": true, "supposed": true,
	"united": true, "limited": true, "related": true, "red": true, "bed": true, "shed": true,
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

// lower2 lower-cases a short ASCII suffix for comparison.
func lower2(s string) string {
	switch len(s) {
	case 1:
		return string(rune(s[0] | 0x20))
	case 2:
		switch s[0] | 0x20 {
		case 's':
			if s[1]|0x20 == 't' {
				return "st"
			}
		case 'n':
			if s[1]|0x20 == 'd' {
				return "nd"
			}
		case 'r':
			if s[1]|0x20 == 'd' {
				return "rd"
			}
		case 't':
			if s[1]|0x20 == 'h' {
				return "th"
			}
		case 'a':
			if s[1]|0x20 == 'm' {
				return "am"
			}
		case 'p':
			if s[1]|0x20 == 'm' {
				return "pm"
			}
		}
	}
	return ""
}
