package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of a string, in byte offsets [Start, End).
type Span struct {
	Start, End int
}

// Sentences splits s into sentences and returns their spans, trimmed of
// surrounding white space. In tokenized text (see IsTokenized) every
// non-blank line is a sentence. In prose, blank lines and line ends after
// sentence-final punctuation are boundaries, and the marks inside a block
// are read with the abbreviations of IsAbbreviation (see SentencesIn); a
// line wrapped in mid-sentence is joined to the next. It is the one
// sentence splitter of dateline: annotate and the time tagger both use it.
func Sentences(s string) []Span {
	spans, _ := Split(s)
	return spans
}

// Split is Sentences, and reports whether s is tokenized text (see
// IsTokenized), whose sentences are its lines.
func Split(s string) (sentences []Span, tokenized bool) {
	return AppendSplit(nil, s)
}

// AppendSplit is Split appending the spans to dst, for a caller that keeps
// one buffer across texts.
func AppendSplit(dst []Span, s string) (sentences []Span, tokenized bool) {
	if IsTokenized(s) {
		return appendLines(dst, s), true
	}
	// the blocks go after dst's spans, the sentences after the blocks; the
	// sentences then move down over the blocks, which are read before any
	// sentence is written past them
	base := len(dst)
	dst = appendProseBlocks(dst, s)
	n := len(dst)
	for k := base; k < n; k++ {
		dst = SentencesIn(s, dst[k], dst)
	}
	return append(dst[:base], dst[n:]...), false
}

// appendLines appends the trimmed non-blank lines of s to out.
func appendLines(out []Span, s string) []Span {
	start := 0
	for start <= len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if sp, ok := trim(s, Span{start, end}); ok {
			out = append(out, sp)
		}
		start = end + 1
	}
	return out
}

// appendProseBlocks appends to blocks the runs of lines of s that no line
// break inside ends a sentence: a blank line, or a line that ends in
// sentence-final punctuation, closes a block.
func appendProseBlocks(blocks []Span, s string) []Span {
	blockStart, start := 0, 0
	for start < len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := strings.TrimSpace(s[start:end])
		if line == "" || endsSentence(line) {
			if sp, ok := trim(s, Span{blockStart, end}); ok {
				blocks = append(blocks, sp)
			}
			blockStart = end + 1
		}
		start = end + 1
	}
	if blockStart < len(s) {
		if sp, ok := trim(s, Span{blockStart, len(s)}); ok {
			blocks = append(blocks, sp)
		}
	}
	return blocks
}

// endsSentence reports whether a trimmed line ends with sentence-final
// punctuation, possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, `"')]”’`)
	line = strings.TrimSuffix(line, "''")
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}

// SentencesIn appends to out the sentences of the stretch block of s read
// as prose, trimmed: a sentence ends at a run of . ! ? or … (and the closing
// quotes and brackets right after it) followed by white space, when the word
// after it can open a sentence (see endsAt). Line breaks are white space
// like any other. Sentences splits prose with it; the time tagger also reads
// the lines of tokenized text with it, since a line of a dataset may hold
// more than one sentence ("... ON THE ECONOMY !!!!! It ...").
func SentencesIn(s string, block Span, out []Span) []Span {
	block.Start, block.End = max(block.Start, 0), min(block.End, len(s))
	start := block.Start
	for i := block.Start; i < block.End; {
		for i < block.End && !markByte[s[i]] {
			i++
		}
		if i == block.End {
			break
		}
		marks, strong := endMarks(s, i, block.End)
		if marks == i {
			i++
			continue
		}
		closed := skipClosers(s, marks, block.End)
		next := skipSpace(s, closed, block.End)
		if next == closed || next == block.End {
			i = marks // 5.75, U.S.-led, the end of the block
			continue
		}
		if endsAt(wordBefore(s, start, i), wordAfter(s, next, block.End), strong) {
			if sp, ok := trim(s, Span{start, closed}); ok {
				out = append(out, sp)
			}
			start = next
		}
		i = next
	}
	if sp, ok := trim(s, Span{start, block.End}); ok {
		out = append(out, sp)
	}
	return out
}

// endsAt decides whether the marks between the words before and after them
// end a sentence. Never before a lower-case letter ("e.g. the", "he asked"
// after a quoted question). After ! ? … or an ellipsis, before a capital or a
// digit ("Hail, Caesar!” -- a movie" goes on). After a period that closes an
// abbreviation (IsAbbreviation), only before a word that opens sentences
// ("Mar. 3", "Mr. Hale", "U.S. Embassy" go on; "Inc. The", "3 p.m. Then"
// end). After any other period, before anything else ("Jan. 14. It").
func endsAt(before, after string, strong bool) bool {
	r, _ := utf8.DecodeRuneInString(after)
	switch {
	case unicode.IsLower(r):
		return false
	case strong:
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	case IsAbbreviation(before):
		return isSentenceStarter(after)
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Sc, r)
}

// endMarks returns the end of the run of sentence-final marks (. ! ? …) at
// i, or i when there is none there; strong is false for a single period.
func endMarks(s string, i, end int) (int, bool) {
	j, n := i, 0
	strong := false
	for j < end {
		switch {
		case s[j] == '.':
			j++
		case s[j] == '!' || s[j] == '?':
			j, strong = j+1, true
		case s[j] == ellipsis[0] && strings.HasPrefix(s[j:end], ellipsis):
			j, strong = j+len(ellipsis), true
		default:
			return j, strong || n > 1
		}
		n++
	}
	return j, strong || n > 1
}

const ellipsis = "\u2026"

// markByte flags the bytes that can start a sentence-final mark (0xe2
// starts …): the splitter looks closer only there.
var markByte = [256]bool{'.': true, '!': true, '?': true, 0xe2: true}

// closers are the quotes and brackets that may close a sentence after its
// final mark; openers those that may open one.
const (
	closers = ")]}\"'\u201d\u2019\u00bb"
	openers = "([{\"'`\u201c\u2018\u00ab"
)

// skipClosers returns the end of the closing quotes and brackets at i.
func skipClosers(s string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(s[i:end])
		if !strings.ContainsRune(closers, r) {
			break
		}
		i += size
	}
	return i
}

// skipSpace returns the end of the white space at i (ASCII or Unicode: a
// no-break space separates words too).
func skipSpace(s string, i, end int) int {
	for i < end {
		if isSpace(s[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:end])
		if r < utf8.RuneSelf || !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// wordBefore returns the word that ends at i (where the marks start): back
// to the white space, hyphen or slash before it ("then-Sen.", "R-Fla."),
// without opening quotes or brackets, not before lo.
func wordBefore(s string, lo, i int) string {
	k := i
	for k > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:k])
		if unicode.IsSpace(r) || r == '-' || r == '/' {
			break
		}
		k -= size
	}
	w := s[k:i]
	for w != "" && (w[0] < utf8.RuneSelf && strings.IndexByte(openers, w[0]) >= 0 || w[0] >= utf8.RuneSelf && hasOpener(w)) {
		_, size := utf8.DecodeRuneInString(w)
		w = w[size:]
	}
	return w
}

// hasOpener reports whether w starts with an opening quote or bracket
// beyond ASCII.
func hasOpener(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune(openers, r)
}

// wordAfter returns the letters and digits of the word at i, after any
// opening quotes or brackets; the first mark itself when the word starts with
// another one ($, -).
func wordAfter(s string, i, end int) string {
	for i < end {
		r, size := utf8.DecodeRuneInString(s[i:end])
		if !strings.ContainsRune(openers, r) {
			break
		}
		i += size
	}
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	if j == i && i < end {
		_, size := utf8.DecodeRuneInString(s[i:end])
		j = i + size
	}
	return s[i:j]
}

// trim narrows sp to exclude surrounding white space; false if nothing is left.
func trim(s string, sp Span) (Span, bool) {
	for sp.Start < sp.End && isSpace(s[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpace(s[sp.End-1]) {
		sp.End--
	}
	return sp, sp.End > sp.Start
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// tokenMark flags the bytes IsTokenized looks at.
var tokenMark = [256]bool{',': true, '.': true, ';': true, ':': true, '?': true, '!': true, '\'': true, '`': true}

// IsTokenized reports whether s looks like Penn-Treebank-tokenized text, one
// sentence per line: bracket tokens (-LRB-), or punctuation, clitics and TeX
// opening quotes split off as their own tokens (" , ", " 's ", " n't ", "“
// We") in most places where they occur (wire prose writes “We, and may
// have a stray “ or two). It looks at the first 8 KB only.
func IsTokenized(s string) bool {
	if len(s) > 8192 {
		s = s[:8192]
	}
	if strings.Contains(s, "-LRB-") || strings.Contains(s, "-RRB-") {
		return true
	}
	split, joined := 0, 0
	for i := 1; i < len(s); i++ {
		if !tokenMark[s[i]] {
			continue
		}
		switch s[i] {
		case ',', '.', ';', ':', '?', '!':
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n' {
				continue // 3.5, U.S., 10,000
			}
			switch {
			case s[i-1] == ' ':
				split++
			case s[i] == '.' && i+1 < len(s) && s[i+1] == ' ':
				// Corp. 's, U.S. officials: tokenized text keeps the
				// periods of abbreviations
			default:
				joined++
			}
		case '\'':
			if i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 't') && (i+2 == len(s) || s[i+2] == ' ') {
				if s[i-1] == ' ' || (s[i-1] == 'n' && i >= 2 && s[i-2] == ' ') {
					split++
				} else {
					joined++
				}
			}
		case '`':
			if s[i-1] == '`' && i+1 < len(s) {
				if s[i+1] == ' ' {
					split++
				} else {
					joined++
				}
			}
		}
	}
	return split >= 3 && split > 4*joined
}
