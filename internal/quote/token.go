package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer is hand-written rather than taken from internal/text (UAX #29
// words): attribution spans end inside what UAX #29 calls one word ("Mr.
// Connolly" + "’s view", "Clinton" + "’s"), quotation marks have to be told
// open from closed and from apostrophes, and PTB-tokenized text spells its
// quotation marks `` and ''. Offsets are kept in runes and bytes at once.

// tokKind is the class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters and digits, with inner hyphens, periods, commas of numbers, apostrophes
	tPunct                // any other single mark, a dash, an ellipsis
	tQuote                // a quotation mark (see token.q)
)

// qmark describes a quotation-mark token.
type qmark uint8

const (
	qOpen   qmark = 1 << iota // opens a quotation
	qClose                    // closes a quotation
	qSingle                   // a single mark (‘ ’ ' `), not a double one
)

// token is one token of a text.
type token struct {
	b, e   int // byte offsets in the text, end exclusive
	rs, re int // rune offsets, end exclusive
	kind   tokKind
	q      qmark // for quotation marks: open and/or close (both: undecided), single
	nl     uint8 // line breaks in the white space before the token (capped at 2: a paragraph break)
	space  bool  // white space before the token
}

// abbreviations keep their period: a period after them does not end a
// sentence and belongs to the word ("Mr. Connolly", "Gov. Kasich").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "sens": true, "lt": true, "gen": true, "col": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "maj": true, "st": true, "jr": true, "sr": true,
	"rev": true, "hon": true, "pres": true, "supt": true, "insp": true, "det": true, "atty": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "vs": true, "no": false,
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true,
	"del": true, "fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true, "mt": true,
	"ft": true, "e.g": true, "i.e": true, "etc": true, "approx": true, "dept": true, "univ": true,
}

// lowerAbbreviations keep their period in lower case too; the others only
// capitalized ("Ill." is Illinois, "ill." is not).
var lowerAbbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "approx": true}

func isAbbreviation(w string) bool {
	if lowerAbbreviations[w] {
		return true
	}
	return w != "" && 'A' <= w[0] && w[0] <= 'Z' && abbreviations[lowerASCII(w)]
}

// tokenize splits s into tokens. It never fails: every byte of s is either
// white space or inside exactly one token.
func tokenize(s string, dst []token) []token {
	toks := dst[:0]
	r := 0 // rune offset of byte i
	var nl uint8
	space := false
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		if isSpaceRune(c) {
			if c == '\n' && nl < 2 {
				nl++
			}
			space = true
			i += n
			r++
			continue
		}
		t := token{b: i, rs: r, nl: nl, space: space}
		var j, rr int
		switch {
		case isWordRune(c):
			j, rr = scanWord(s, i)
			t.kind = tWord
		default:
			j, rr, t.kind, t.q = scanMark(s, i, c, n, toks, space || i == 0)
		}
		t.e, t.re = j, r+rr
		toks = append(toks, t)
		i, r = j, t.re
		nl, space = 0, false
	}
	return toks
}

func isSpaceRune(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x2028, 0x2029, 0x202F, 0x3000, 0xFEFF:
		return true
	}
	return c >= 0x2000 && c <= 0x200B || c < ' ' || c == 0x7F
}

func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// runeAt decodes the rune at byte i of s (utf8.RuneError and 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scanWord reads a word starting at byte i and returns its end byte and its
// length in runes. Inside a word are hyphens and periods between word runes,
// commas between digits, and apostrophes between letters except a final
// "'s", which is a token of its own; a period after an abbreviation, an
// initial or a dotted word ("U.S.") belongs to it.
func scanWord(s string, i int) (int, int) {
	j, runes := i, 0
	dotted := false
	for j < len(s) {
		c, n := runeAt(s, j)
		if isWordRune(c) {
			j += n
			runes++
			continue
		}
		next, m := runeAt(s, j+n)
		if m == 0 || !isWordRune(next) {
			break
		}
		if c == '-' || c == '.' || c == '&' && n == 1 && isUpperWord(s[i:j]) || c == ',' && isDigitByte(s[j-1]) && '0' <= next && next <= '9' {
			dotted = dotted || c == '.'
			j += n + m
			runes += 2
			continue
		}
		if isApostrophe(c) && unicode.IsLetter(prevRune(s, j)) {
			if cliticAt(s, j+n) > 0 {
				break // Clinton’s → Clinton ’s, he’ll → he ’ll
			}
			j += n + m
			runes += 2
			continue
		}
		break
	}
	if j < len(s) && s[j] == '.' && (dotted || isInitial(s[i:j]) || isAbbreviation(s[i:j])) {
		j++
		runes++
	}
	return j, runes
}

// cliticAt returns the length of the clitic after an apostrophe that ends
// at byte i ("s", "ll", "d", "m", "re", "ve", any case, followed by no word
// rune), or 0.
func cliticAt(s string, i int) int {
	for _, c := range [...]string{"s", "ll", "d", "m", "re", "ve"} {
		if len(s)-i >= len(c) && strings.EqualFold(s[i:i+len(c)], c) && !wordRuneAt(s, i+len(c)) {
			return len(c)
		}
	}
	return 0
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

func wordRuneAt(s string, i int) bool {
	c, n := runeAt(s, i)
	return n > 0 && isWordRune(c)
}

func prevRune(s string, j int) rune {
	c, _ := utf8.DecodeLastRuneInString(s[:j])
	return c
}

func isInitial(w string) bool { return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' }

func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// lowerASCII lower-cases an ASCII word; other words come back as they are,
// which only matters for table look-ups.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			b := []byte(w)
			for k := i; k < len(b); k++ {
				if 'A' <= b[k] && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// scanMark reads a mark at byte i (rune c of n bytes): a quotation mark, a
// dash or ellipsis (runs of "-" or "."), the clitic "'s", or any one rune.
func scanMark(s string, i int, c rune, n int, prev []token, space bool) (j, runes int, k tokKind, q qmark) {
	next, m := runeAt(s, i+n)
	switch c {
	case '`':
		if next == '`' {
			return i + 2, 2, tQuote, qOpen
		}
		return i + 1, 1, tQuote, qOpen | qSingle
	case '\'', '’':
		if c == '\'' && next == '\'' {
			return i + 2, 2, tQuote, qClose
		}
		if k := cliticAt(s, i+n); k > 0 && !space && len(prev) > 0 && prev[len(prev)-1].kind == tWord {
			return i + n + k, 1 + k, tWord, 0 // the possessive or a contracted verb
		}
		return i + n, 1, tQuote, singleQuote(c, next, m, space || opensAfter(prevRune(s, i)))
	case '‘', '‚', '‹':
		return i + n, 1, tQuote, qOpen | qSingle
	case '›':
		return i + n, 1, tQuote, qClose | qSingle
	case '“', '„', '«':
		return i + n, 1, tQuote, qOpen
	case '”', '»':
		return i + n, 1, tQuote, qClose
	case '"':
		return i + n, 1, tQuote, doubleQuote(next, m, space || opensAfter(prevRune(s, i)))
	case '-', '.':
		j = i
		for j < len(s) && rune(s[j]) == c {
			j++
		}
		return j, j - i, tPunct, 0
	}
	return i + n, 1, tPunct, 0
}

// doubleQuote decides whether a straight double quote opens or closes from
// what stands around it (before: white space, the start or an opening
// bracket or dash); when both sides look alike it is left undecided
// (qOpen|qClose) for the pairing to settle.
func doubleQuote(next rune, m int, before bool) qmark {
	after := m == 0 || isSpaceRune(next) || closesBefore(next)
	switch {
	case before && !after:
		return qOpen
	case after && !before:
		return qClose
	}
	return qOpen | qClose
}

// singleQuote classifies a lone straight or right single quote: before a
// word after white space a straight one opens; otherwise it closes (or is the
// apostrophe of a plural possessive, which the pairing leaves unpaired).
func singleQuote(c, next rune, m int, before bool) qmark {
	if before && c == '\'' && m > 0 && !isSpaceRune(next) {
		return qOpen | qSingle
	}
	return qClose | qSingle
}

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

// Tokens returns the rune spans of the tokens of s as the extractor sees
// them: words (with their inner hyphens and apostrophes, "’s" apart),
// quotation marks, and every other mark on its own. Scorers use it to count
// token overlap.
func Tokens(s string) []Span {
	toks := tokenize(s, nil)
	out := make([]Span, len(toks))
	for i, t := range toks {
		out[i] = Span{t.rs, t.re}
	}
	return out
}
