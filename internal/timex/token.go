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
	byteStart, byteEnd int // byte offsets [byteStart, byteEnd)
	runeStart, runeEnd int // rune offsets [runeStart, runeEnd)
	lexeme             *lexeme
	num                int // value of the digits of a tNum; -1 when too long or a decimal
	digits             int // number of digits of a tNum
	kind               tkind
	suf                suffix
	ch                 byte // first byte of a tPunct ('-' also for en dashes)
	cap                bool // starts with an upper-case letter
	upper              bool // all letters upper case (and at least two of them)
	sp                 bool // preceded by white space
	apos               bool // a number directly preceded by an apostrophe ('90s)
	comma              bool // a number written with thousands separators (1,000)
	ed                 bool // a lower-case word ending in -ed, taken as a past-tense verb
}

// tokenize appends the tokens of text to toks and returns them.
func tokenize(text string, toks []token) []token {
	lx := lexer{text: text, toks: toks, sp: true}
	for lx.pos < len(text) {
		lx.step()
	}
	return lx.toks
}

// lexer reads the tokens of a text, the way text/template's lexer reads
// items: step looks at the next byte and calls the function for the shape
// it opens; each of them starts a token (start), moves over its bytes and
// runes (advance) and appends it (emit).
type lexer struct {
	text         string
	pos, runePos int  // the next byte and its rune offset
	sp           bool // white space before the next token
	toks         []token
}

// step reads what starts at the next byte: white space or one token.
func (lx *lexer) step() {
	c := lx.text[lx.pos]
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		lx.sp = true
		lx.advance(1, 1)
	case isASCIILetter(c):
		lx.word()
	case isDigit(c) || c == '\'' && isDigit(lx.peek(1)):
		lx.number(c == '\'')
	case c == '\'' && isASCIILetter(lx.peek(1)):
		lx.clitic(1)
	case c < utf8.RuneSelf:
		lx.asciiMark(c)
	default:
		lx.nonASCII()
	}
}

// peek returns the byte k after the next one, or 0 past the end.
func (lx *lexer) peek(k int) byte {
	if lx.pos+k < len(lx.text) {
		return lx.text[lx.pos+k]
	}
	return 0
}

// advance moves over n bytes that hold runes runes.
func (lx *lexer) advance(n, runes int) {
	lx.pos += n
	lx.runePos += runes
}

// start begins a token at the next byte: it appends it and returns it to
// be filled in.
func (lx *lexer) start() *token {
	lx.toks = append(lx.toks, token{byteStart: lx.pos, runeStart: lx.runePos, sp: lx.sp})
	lx.sp = false
	return &lx.toks[len(lx.toks)-1]
}

// emit ends token t at the next byte.
func (lx *lexer) emit(t *token) {
	t.byteEnd, t.runeEnd = lx.pos, lx.runePos
}

// letters returns the end of the run of ASCII letters at byte j.
func (lx *lexer) letters(j int) int {
	for j < len(lx.text) && isASCIILetter(lx.text[j]) {
		j++
	}
	return j
}

// word reads a word that starts with an ASCII letter: letters, which
// letters beyond ASCII may continue (Zürich); single letters joined by
// periods (a.m., U.S.); o'clock.
func (lx *lexer) word() {
	t := lx.start()
	t.kind = tWord
	j := lx.letters(lx.pos + 1)
	switch {
	case j < len(lx.text) && lx.text[j] >= utf8.RuneSelf:
		lx.advance(j-lx.pos, j-lx.pos)
		if lx.moreLetters() {
			t.cap = isUpperASCII(lx.text[t.byteStart])
			lx.emit(t)
			return
		}
	case j == lx.pos+1 && lx.initialAt(j):
		lx.advance(lx.dottedEnd(j)-lx.pos, lx.dottedEnd(j)-lx.pos)
	case j == lx.pos+1 && (lx.text[lx.pos]|0x20) == 'o' && j+1 < len(lx.text) && lx.text[j] == '\'' && isASCIILetter(lx.text[j+1]):
		end := lx.letters(j + 1) // o'clock
		lx.advance(end-lx.pos, end-lx.pos)
	default:
		lx.advance(j-lx.pos, j-lx.pos)
	}
	wordInfo(t, lx.text[t.byteStart:lx.pos])
	lx.emit(t)
}

// initialAt reports whether a period and a single letter follow at byte j
// (the "U" of "U.S.", the "a" of "a.m.").
func (lx *lexer) initialAt(j int) bool {
	text := lx.text
	return j+1 < len(text) && text[j] == '.' && isASCIILetter(text[j+1]) && (j+2 == len(text) || !isASCIILetter(text[j+2]))
}

// dottedEnd returns the end of single letters joined by periods from the
// period at byte j, with the final period if any (a.m., U.S.).
func (lx *lexer) dottedEnd(j int) int {
	for lx.initialAt(j) {
		j += 2
	}
	if j < len(lx.text) && lx.text[j] == '.' {
		j++
	}
	return j
}

// moreLetters moves over the letters, ASCII or not, that continue a word
// past ASCII (Zürich), and reports whether there was one beyond ASCII.
func (lx *lexer) moreLetters() bool {
	beyond := false
	for lx.pos < len(lx.text) {
		if c := lx.text[lx.pos]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			lx.advance(1, 1)
			continue
		}
		ru, size := utf8.DecodeRuneInString(lx.text[lx.pos:])
		if !unicode.IsLetter(ru) {
			break
		}
		beyond = true
		lx.advance(size, 1)
	}
	return beyond
}

// number reads a number; apos: it opens with an apostrophe ('98, '90s).
func (lx *lexer) number(apos bool) {
	t := lx.start()
	t.apos = apos
	d := lx.pos
	if apos {
		d++
	}
	j := lexNumber(lx.text, d, t)
	lx.advance(j-lx.pos, j-lx.pos)
	lx.emit(t)
}

// clitic reads a clitic: an apostrophe of n bytes (' or ’) and letters
// ('s, 't, 'll, the PTB 's token), looked up with a straight apostrophe.
func (lx *lexer) clitic(n int) {
	t := lx.start()
	t.kind = tWord
	end := lx.letters(lx.pos + n)
	if n == 1 {
		wordInfo(t, lx.text[lx.pos:end])
	} else {
		wordInfo(t, "'"+lx.text[lx.pos+n:end])
	}
	lx.advance(end-lx.pos, 1+end-lx.pos-n)
	lx.emit(t)
}

// asciiMark reads one ASCII punctuation mark; “ and ” (PTB quotes) are
// one token.
func (lx *lexer) asciiMark(c byte) {
	t := lx.start()
	t.kind, t.ch = tPunct, c
	n := 1
	if (c == '`' || c == '\'') && lx.peek(1) == c {
		n = 2
	}
	lx.advance(n, n)
	lx.emit(t)
}

// nonASCII reads what starts with a rune beyond ASCII: white space, a word
// of letters, a curly apostrophe before digits (’98) or letters (’s), or a
// mark.
func (lx *lexer) nonASCII() {
	ru, size := utf8.DecodeRuneInString(lx.text[lx.pos:])
	next := lx.peek(size)
	switch {
	case unicode.IsSpace(ru):
		lx.sp = true
		lx.advance(size, 1)
	case unicode.IsLetter(ru):
		t := lx.start()
		t.kind, t.cap = tWord, unicode.IsUpper(ru)
		lx.advance(size, 1)
		lx.moreLetters()
		lx.emit(t)
	case ru == '\u2019' && isDigit(next):
		t := lx.start()
		t.apos = true
		j := lexNumber(lx.text, lx.pos+size, t)
		lx.advance(j-lx.pos, 1+j-lx.pos-size)
		lx.emit(t)
	case ru == '\u2019' && isASCIILetter(next):
		lx.clitic(size)
	default:
		t := lx.start()
		t.kind, t.ch = tPunct, markFor(ru)
		if t.ch == '$' && !isDigit(next) && !(next == ' ' && isDigit(lx.peek(size+1))) {
			t.ch = '~' // no amount: "â€œ", a € read as Windows-1252
		}
		lx.advance(size, 1)
		lx.emit(t)
	}
}

// markFor is the ASCII mark the grammar reads for a mark beyond ASCII.
func markFor(ru rune) byte {
	switch ru {
	case '\u2013', '\u2010', '\u2011':
		return '-' // en dash and hyphens join like '-'
	case '\u2014':
		return '_' // em dash: a separator
	case '\u201c', '\u201d', '\u201e':
		return '"' // curly double quotes
	case '\u2018':
		return '\''
	case '\u2026':
		return '.' // an ellipsis ends a sentence as a period does
	case '\uff1f', '\u203d':
		return '?'
	case '\uff01':
		return '!'
	}
	if unicode.Is(unicode.Sc, ru) {
		return '$' // £, €, ¥: an amount follows, as after $ (see nonASCII)
	}
	return '~' // another mark: no meaning to the grammar
}

// lexNumber reads the number starting with the digit at i into t and
// returns its end: digits, thousands separators (1,000), decimals (5.75),
// and a letter suffix (1990s, 11th, 10am).
func lexNumber(text string, i int, t *token) int {
	j := digitsEnd(text, i)
	t.kind = tNum
	t.digits = j - i
	// thousands separators: 1,000 or 12,500,000
	for j+3 < len(text) && text[j] == ',' && allDigits(text[j+1:j+4]) && (j+4 == len(text) || !isDigit(text[j+4])) {
		t.comma = true
		j += 4
	}
	decimal := false
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) && !t.comma {
		decimal = true
		j = digitsEnd(text, j+1)
	}
	t.num = -1
	if !decimal && t.digits <= 9 {
		t.num = digitsValue(text[i:j])
	}
	if j < len(text) && isASCIILetter(text[j]) {
		k := j
		for k < len(text) && isASCIILetter(text[k]) {
			k++
		}
		t.suf = numberSuffix(text[j:k])
		j = k
	}
	return j
}

// digitsEnd returns the end of the run of digits at i.
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// digitsValue is the value of digits with thousands separators.
func digitsValue(s string) int {
	v := 0
	for k := 0; k < len(s); k++ {
		if s[k] != ',' {
			v = v*10 + int(s[k]-'0')
		}
	}
	return v
}

// numberSuffix classifies the letters after the digits of a number.
func numberSuffix(s string) suffix {
	switch lower2(s) {
	case "st", "nd", "rd", "th":
		return sufOrd
	case "s":
		return sufS
	case "am":
		return sufAM
	case "pm":
		return sufPM
	}
	return sufOther
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
	h := uint32(fnvBasis)
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
		h = (h ^ uint32(c)) * fnvPrime
	}
	first := w[0]
	if first == '\'' && len(w) > 1 {
		first = w[1]
	}
	t.cap = first >= 'A' && first <= 'Z'
	t.upper = up == letters && letters > 1
	t.lexeme = words.find(h, buf[:len(w)])
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

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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
