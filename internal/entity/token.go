package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer turns text into the tokens the model was trained on:
// CoNLL-2003 tokens, which are Penn-Treebank tokens with quotes written "
// and brackets ( ). Text that is already tokenized (one sentence per line,
// tokens separated by spaces: CoNLL files, the PTB text of the TLS
// datasets) is split at white space only, so that every mention starts and
// ends on one of its tokens. Prose is split PTB-style: punctuation and
// quotation marks apart, clitics ('s, n't) apart, the period of an
// abbreviation (Mr., U.S., Corp.) kept. Each token keeps its rune offsets
// in the text; its norm is the form features read (“ ” `` '' become ",
// -LRB- becomes (, dashes become -).
//
// The labeller reads sequences: a line of tokenized text; in prose, the
// tokens up to sentence-final punctuation (and the closing quotes after
// it) or a line break, unless the next line goes on in lower case (a
// wrapped line). These are windows for the labeller, not the
// sentences annotate reports (internal/text splits those).

// token is one token of the text.
type token struct {
	text       string // as written
	norm       string // as the features read it
	start, end int    // rune offsets in the text, end exclusive
	bstart     int    // byte offset in the text (the end is bstart+len(text))
}

// tokens is the tokenized text: its tokens and the sequences they form.
type tokens struct {
	toks []token
	// seqs[k] is the index of the first token of sequence k; a sequence
	// runs to the next one's start (the last to len(toks)).
	seqs []int
	// docs holds the indices of sequences that open a new document (a
	// -DOCSTART- line of a CoNLL file); the first sequence always does.
	docs []int
}

func (t *tokens) reset() {
	t.toks, t.seqs, t.docs = t.toks[:0], t.seqs[:0], t.docs[:0]
}

// seq returns the token range [from, to) of sequence k.
func (t *tokens) seq(k int) (from, to int) {
	from, to = t.seqs[k], len(t.toks)
	if k+1 < len(t.seqs) {
		to = t.seqs[k+1]
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

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// spaceAt returns the length in bytes of the white space (ASCII or
// Unicode: no-break, thin, ideographic spaces) at byte i of s, or 0.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if isSpaceByte(c) {
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

// tokenizeLines splits tokenized text: tokens at white space, a sequence per
// line, a document at each -DOCSTART- token.
func (t *tokens) tokenizeLines(text string) {
	cur := runeCursor{text: text}
	newSeq := true
	for i := 0; i < len(text); {
		if n := spaceAt(text, i); n > 0 {
			if text[i] == '\n' {
				newSeq = true
			}
			i += n
			continue
		}
		j := nextSpace(text, i+1)
		w := text[i:j]
		if w == "-DOCSTART-" {
			t.docs = append(t.docs, len(t.seqs))
			newSeq = true
			i = j
			continue
		}
		if newSeq {
			t.seqs = append(t.seqs, len(t.toks))
			newSeq = false
		}
		start := cur.at(i)
		t.toks = append(t.toks, token{text: w, norm: normalize(w), start: start, end: cur.at(j), bstart: i})
		i = j
	}
}

// tokenizeProse splits prose PTB-style.
func (t *tokens) tokenizeProse(text string) {
	p := proseSplitter{tokens: t, text: text, cur: runeCursor{text: text}, newSeq: true}
	for i := 0; i < len(text); {
		if n := spaceAt(text, i); n > 0 {
			if text[i] == '\n' {
				p.broken = true
			}
			i += n
			continue
		}
		j := nextSpace(text, i+1)
		p.chunk(i, j)
		i = j
	}
}

type proseSplitter struct {
	*tokens
	text   string
	cur    runeCursor
	newSeq bool // the next token starts a sequence
	ended  bool // the last token ended a sentence: closers may follow, then a new sequence
	broken bool // a line break since the last token
}

func (p *proseSplitter) emit(i, j int) {
	w := p.text[i:j]
	if p.ended && !isCloser(w) {
		p.newSeq = true
	}
	if p.broken {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			p.newSeq = true
		}
	}
	p.ended, p.broken = false, false
	if p.newSeq {
		p.seqs = append(p.seqs, len(p.toks))
		p.newSeq = false
	}
	start := p.cur.at(i)
	p.toks = append(p.toks, token{text: w, norm: normalize(w), start: start, end: p.cur.at(j), bstart: i})
	switch w {
	case ".", "!", "?", "...", "…":
		p.ended = true
	}
}

// chunk splits one run of non-space bytes [i, j).
func (p *proseSplitter) chunk(i, j int) {
	// dashes split a chunk wherever they are
	for k := i; k < j; {
		if n := dashAt(p.text, k, j); n > 0 {
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

// dashAt returns the length of a dash token (—, –, --) at byte k, or 0.
func dashAt(s string, k, j int) int {
	if s[k] == '-' && k+1 < j && s[k+1] == '-' {
		n := 2
		for k+n < j && s[k+n] == '-' {
			n++
		}
		return n
	}
	if s[k] == 0xE2 && k+2 < j && s[k+1] == 0x80 && (s[k+2] == 0x94 || s[k+2] == 0x93) {
		return 3
	}
	return 0
}

// word splits a dash-free chunk [i, j): opening punctuation, the word,
// clitics, closing punctuation.
func (p *proseSplitter) word(i, j int) {
	for i < j {
		r, n := utf8.DecodeRuneInString(p.text[i:j])
		if !isOpenerRune(r) || (r == '\'' && i+n < j && (p.text[i+n] == '\'' || isCliticStart(p.text[i+n:j]))) {
			break
		}
		if p.text[i] == '`' && i+1 < j && p.text[i+1] == '`' {
			n = 2
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
	case '"', '\'', '(', '[', '{', '<', '`', '“', '‘', '«', '„', '¿', '¡':
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

// isCloser reports whether a token may follow sentence-final punctuation in
// the same sentence (closing quotes and brackets).
func isCloser(w string) bool {
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
	if r, n := utf8.DecodeRuneInString(stem); n == len(stem) && unicode.IsLetter(r) {
		return true
	}
	return abbreviations[strings.ToLower(stem)]
}

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

// normalize returns the form of a token that features read: PTB escapes
// and typographic marks as CoNLL-2003 writes them.
func normalize(w string) string {
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
	"—": "-", "–": "-", "--": "-", "---": "-", "…": "...",
}

var typographic = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-")
