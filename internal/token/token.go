package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
)

// Token is one token of a text.
type Token struct {
	Text       string // as written
	Norm       string // as features read it: “ ” `` '' as ", -LRB- as (, dashes as -
	Start, End int    // rune offsets in the text, end exclusive
	Byte       int    // byte offset in the text (the end is Byte+len(Text))
	Kind       Kind
	Mark       Mark  // for a quotation mark: which way it leans (see Mark)
	Breaks     uint8 // line breaks in the white space before the token, at most 2 (a blank line)
	Space      bool  // white space before the token
}

// ByteEnd is the byte offset of the token's end.
func (t *Token) ByteEnd() int { return t.Byte + len(t.Text) }

// Kind is the class of a token.
type Kind uint8

// The kinds of token.
const (
	Word  Kind = iota // holds a letter or a digit ("Smith", "n't", "'s", "$12", "U.S.")
	Punct             // any other token: punctuation, a dash, an ellipsis
	Quote             // a quotation mark (see Mark)
)

// Mark says which way a quotation mark leans, from its shape and what stands
// around it.
type Mark uint8

// The bits of a Mark. A mark with both Open and Close is undecided: a
// straight quote between two words or two spaces, for the pairing of a
// reader of quotations to settle.
const (
	Open   Mark = 1 << iota // opens a quotation
	Close                   // closes a quotation
	Single                  // a single mark (‘ ’ ' `), not a double one
)

// Text is a tokenized text: its tokens and the sequences they form.
type Text struct {
	Toks []Token
	// Seqs[k] is the index of the first token of sequence k; a sequence
	// runs to the next one's start (the last to len(Toks)).
	Seqs []int
	// Docs holds the indices of sequences that open a new document (a
	// -DOCSTART- line of a CoNLL file); the first sequence always does.
	Docs []int
	// Tokenized is set when the text was read as already tokenized (split
	// at white space only).
	Tokenized bool
}

// Split tokenizes s into t (reusing its slices): at white space and lines
// when s is already tokenized (text.IsTokenized), Penn-Treebank-style
// otherwise.
func (t *Text) Split(s string) {
	t.Reset()
	t.Tokenized = text.IsTokenized(s) && !gluedPTBQuote(s)
	if t.Tokenized {
		t.SplitLines(s)
	} else {
		t.SplitProse(s)
	}
	marks(t.Toks, s)
}

// gluedPTBQuote reports whether s opens a quotation with “ written onto
// its first word (“The ferry …), as prose with PTB quotation marks does
// and tokenized text never does. It looks at the first 8 KB, as
// text.IsTokenized does.
func gluedPTBQuote(s string) bool {
	s = s[:min(len(s), 8192)]
	for i := strings.Index(s, "``"); i >= 0 && i+2 < len(s); {
		if c := s[i+2]; c != ' ' && c != '\n' && c != '`' {
			return true
		}
		j := strings.Index(s[i+2:], "``")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

// Reset empties t, keeping its slices' storage.
func (t *Text) Reset() {
	t.Toks, t.Seqs, t.Docs = t.Toks[:0], t.Seqs[:0], t.Docs[:0]
}

// Seq returns the token range [from, to) of sequence k.
func (t *Text) Seq(k int) (from, to int) {
	from, to = t.Seqs[k], len(t.Toks)
	if k+1 < len(t.Seqs) {
		to = t.Seqs[k+1]
	}
	return from, to
}

// runeCursor converts increasing byte offsets of a text to rune offsets,
// counting runes as utf8.DecodeRuneInString reads them (an invalid byte is
// one rune), so that offsets agree with utf8.RuneCountInString.
type runeCursor struct {
	text       string
	byte, rune int
}

func (c *runeCursor) at(b int) int {
	for c.byte < b {
		if c.text[c.byte] < utf8.RuneSelf {
			c.byte++
		} else {
			_, n := utf8.DecodeRuneInString(c.text[c.byte:])
			c.byte += n
		}
		c.rune++
	}
	return c.rune
}

func IsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// spaceAt returns the length in bytes of the white space (ASCII or
// Unicode: no-break, thin, ideographic spaces) at byte i of s, or 0.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if IsSpaceByte(c) {
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// nextSpace returns the offset of the first white space at or after byte
// i, or len(s).
func nextSpace(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c > ' ' && c < utf8.RuneSelf {
			continue
		}
		if spaceAt(s, i) > 0 {
			return i
		}
	}
	return i
}

// SplitLines splits tokenized text: tokens at white space, a sequence per
// line, a document at each -DOCSTART- token.
func (t *Text) SplitLines(text string) {
	cur := runeCursor{text: text}
	newSeq := true
	var gap whiteSpace
	for i := 0; i < len(text); {
		if n := spaceAt(text, i); n > 0 {
			if text[i] == '\n' {
				newSeq = true
			}
			gap.add(text[i])
			i += n
			continue
		}
		j := nextSpace(text, i+1)
		w := text[i:j]
		if w == "-DOCSTART-" {
			t.Docs = append(t.Docs, len(t.Seqs))
			newSeq = true
			i = j
			continue
		}
		if newSeq {
			t.Seqs = append(t.Seqs, len(t.Toks))
			newSeq = false
		}
		start := cur.at(i)
		t.Toks = append(t.Toks, Token{Text: w, Norm: Normalize(w), Start: start, End: cur.at(j), Byte: i, Breaks: gap.breaks, Space: gap.space})
		gap = whiteSpace{}
		i = j
	}
}

// whiteSpace is what stood between two tokens.
type whiteSpace struct {
	breaks uint8
	space  bool
}

func (w *whiteSpace) add(c byte) {
	w.space = true
	if c == '\n' && w.breaks < 2 {
		w.breaks++
	}
}

// SplitProse splits prose PTB-style.
func (t *Text) SplitProse(text string) {
	p := proseSplitter{Text: t, text: text, cur: runeCursor{text: text}, newSeq: true}
	for i := 0; i < len(text); {
		if n := spaceAt(text, i); n > 0 {
			if text[i] == '\n' {
				p.broken = true
			}
			p.gap.add(text[i])
			i += n
			continue
		}
		j := nextSpace(text, i+1)
		p.chunk(i, j)
		i = j
	}
}

type proseSplitter struct {
	*Text
	text   string
	cur    runeCursor
	newSeq bool // the next token starts a sequence
	ended  bool // the last token ended a sentence: closers may follow, then a new sequence
	broken bool // a line break since the last token
	gap    whiteSpace
}

func (p *proseSplitter) emit(i, j int) {
	w := p.text[i:j]
	if p.ended && !IsCloser(w) {
		p.newSeq = true
	}
	if p.broken {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			p.newSeq = true
		}
	}
	p.ended, p.broken = false, false
	if p.newSeq {
		p.Seqs = append(p.Seqs, len(p.Toks))
		p.newSeq = false
	}
	start := p.cur.at(i)
	p.Toks = append(p.Toks, Token{Text: w, Norm: Normalize(w), Start: start, End: p.cur.at(j), Byte: i, Breaks: p.gap.breaks, Space: p.gap.space})
	p.gap = whiteSpace{}
	switch w {
	case ".", "!", "?", "...", "…":
		p.ended = true
	}
}

// chunk splits one run of non-space bytes [i, j).
func (p *proseSplitter) chunk(i, j int) {
	// dashes and double quotation marks split a chunk wherever they are
	// (“Yes,”she said; a"b): no word holds one
	for k := i; k < j; {
		if n := dashAt(p.text, k, j) + doubleMarkAt(p.text, k); n > 0 {
			if k > i {
				p.word(i, k)
			}
			p.emit(k, k+n)
			k += n
			i = k
			continue
		}
		k++
	}
	if i < j {
		p.word(i, j)
	}
}

// doubleMarkAt returns the length of a double quotation mark (" “ ”) at
// byte k, or 0.
func doubleMarkAt(s string, k int) int {
	if s[k] == '"' {
		return 1
	}
	if s[k] == 0xE2 && k+2 < len(s) && s[k+1] == 0x80 && (s[k+2] == 0x9C || s[k+2] == 0x9D) {
		return 3
	}
	return 0
}

// dashAt returns the length of a dash token (—, –, ―, --) at byte k, or 0.
func dashAt(s string, k, j int) int {
	if s[k] == '-' && k+1 < j && s[k+1] == '-' {
		n := 2
		for k+n < j && s[k+n] == '-' {
			n++
		}
		return n
	}
	if s[k] == 0xE2 && k+2 < j && s[k+1] == 0x80 && (s[k+2] == 0x94 || s[k+2] == 0x93 || s[k+2] == 0x95) {
		return 3
	}
	return 0
}

// word splits a dash-free chunk [i, j): opening punctuation, the word,
// clitics, closing punctuation.
func (p *proseSplitter) word(i, j int) {
	for i < j {
		r, n := utf8.DecodeRuneInString(p.text[i:j])
		twice := i+1 < j && p.text[i+1] == p.text[i] && (r == '`' || r == '\'')
		if !isOpenerRune(r) || r == '\'' && !twice && i+n < j && isCliticStart(p.text[i+n:j]) {
			break
		}
		if twice {
			n = 2 // `` or '' opening a quotation, as PTB and some newspapers write it
		}
		p.emit(i, i+n)
		i += n
	}
	// closers from the end, emitted after the word
	var tail [8][2]int
	nt := 0
	for j > i && nt < len(tail) {
		r, n := utf8.DecodeLastRuneInString(p.text[i:j])
		if r == '.' {
			k := j - 1
			for k > i && p.text[k-1] == '.' {
				k--
			}
			if j-k > 1 || k == i || !keepsPeriod(p.text[i:j]) {
				tail[nt] = [2]int{k, j}
				nt++
				j = k
				continue
			}
			break
		}
		if !isCloserRune(r) {
			break
		}
		if p.text[j-1] == '\'' && j-2 >= i && p.text[j-2] == '\'' {
			n = 2
		}
		tail[nt] = [2]int{j - n, j}
		nt++
		j -= n
	}
	if i < j {
		if k := cliticStart(p.text, i, j); k > i {
			p.emit(i, k)
			p.emit(k, j)
		} else {
			p.emit(i, j)
		}
	}
	for k := nt - 1; k >= 0; k-- {
		p.emit(tail[k][0], tail[k][1])
	}
}

// cliticStart returns where a clitic ('s, n't, 're, 've, 'll, 'd, 'm, with
// a straight or curly apostrophe) at the end of the word [i, j) starts, or
// i when there is none.
func cliticStart(s string, i, j int) int {
	w := s[i:j]
	tail := w[max(0, len(w)-6):]
	if strings.IndexByte(tail, '\'') < 0 && !strings.Contains(tail, "’") {
		return i // every clitic has an apostrophe
	}
	for _, c := range clitics {
		if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
			k := j - len(c)
			if c[0] == 'n' && k == i {
				return i
			}
			return k
		}
	}
	return i
}

// clitics are the word endings split off as PTB tokens, n't first.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// isCliticStart reports whether s (after an apostrophe) is a clitic alone,
// as "'s" in PTB text, so that the apostrophe is not split off as a quote.
func isCliticStart(s string) bool {
	switch strings.ToLower(s) {
	case "s", "re", "ve", "ll", "d", "m", "t":
		return true
	}
	return false
}

func isOpenerRune(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '<', '`', '“', '‘', '«', '„', '¿', '¡', '$', '£', '€', '¥':
		return true
	}
	return false
}

func isCloserRune(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', ',', ';', ':', '!', '?', '”', '’', '»', '…', '%':
		return true
	}
	return false
}

// IsCloser reports whether a token may follow sentence-final punctuation in
// the same sentence (closing quotes and brackets).
func IsCloser(w string) bool {
	switch w {
	case `"`, "'", "''", ")", "]", "}", "”", "’", "»", "-RRB-", "-RSB-", "-RCB-":
		return true
	}
	return false
}

// keepsPeriod reports whether the word w, which ends in a single period,
// keeps it: an abbreviation with inner periods (U.S., a.m.), an initial
// (J.), or a known abbreviation (Mr., Corp., Jan.).
func keepsPeriod(w string) bool {
	stem := w[:len(w)-1]
	if strings.IndexByte(stem, '.') >= 0 {
		return true
	}
	r, n := utf8.DecodeRuneInString(stem)
	if !unicode.IsUpper(r) {
		return lowerAbbreviations[stem] // "ill." ends a sentence, "Ill." is Illinois
	}
	return n == len(stem) || abbreviations[strings.ToLower(stem)]
}

// lowerAbbreviations keep their period in lower case too; the others only
// capitalized.
var lowerAbbreviations = setOf("vs", "approx", "cf", "ca")

// abbreviations are words written with a period that rarely end a
// sentence: titles, company suffixes, months, street words.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "sgt", "capt",
	"cmdr", "adm", "maj", "brig", "cpl", "pvt", "sr", "jr", "st", "rev", "hon", "pres", "supt", "messrs",
	"mme", "mlle", "fr", "insp", "det", "atty", "amb",
	"inc", "corp", "co", "ltd", "bros", "plc", "llc", "cos", "dept", "univ", "assn", "govt",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"mt", "ft", "ave", "blvd", "rd", "hwy", "no", "nos", "vs", "etc", "approx", "est", "vol", "fig",
	"calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn",
	"miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Normalize returns the form of a token that features read: PTB escapes
// and typographic marks as CoNLL-2003 writes them.
func Normalize(w string) string {
	switch w[0] {
	case '`', '\'', '-', '[', ']', '{', '}':
		if n, ok := normForms[w]; ok {
			return n
		}
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			if n, ok := normForms[w]; ok {
				return n
			}
			return typographic.Replace(w)
		}
	}
	return w
}

var normForms = map[string]string{
	"``": `"`, "''": `"`, "“": `"`, "”": `"`, "„": `"`, "«": `"`, "»": `"`,
	"‘": "'", "’": "'", "`": "'",
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "(", "-RSB-": ")", "-LCB-": "(", "-RCB-": ")", "[": "(", "]": ")", "{": "(", "}": ")",
	"—": "-", "–": "-", "―": "-", "--": "-", "---": "-", "…": "...",
}

var typographic = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-")
