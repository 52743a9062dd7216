package text

import (
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// Span is a stretch of a string, in byte offsets [Start, End).
type Span struct {
	Start, End int
}

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

// splitter returns the shared Punkt sentence tokenizer for English, built on
// first use from the model that neurosnap/sentences embeds.
func splitter() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() { punkt, punktErr = english.NewSentenceTokenizer(nil) })
	return punkt, punktErr
}

// Sentences splits s into sentences and returns their spans, trimmed of
// surrounding white space. In tokenized text (see IsTokenized) every
// non-blank line is a sentence. In prose, blank lines and line ends after
// sentence-final punctuation are boundaries, and the Punkt model splits the
// rest; a line wrapped in mid-sentence is joined to the next.
func Sentences(s string) []Span {
	if IsTokenized(s) {
		return lineSpans(s)
	}
	var out []Span
	for _, block := range proseBlocks(s) {
		out = append(out, punktSpans(s, block)...)
	}
	return out
}

// lineSpans returns the trimmed non-blank lines of s.
func lineSpans(s string) []Span {
	var out []Span
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

// proseBlocks cuts s into runs of lines that no line break inside ends a
// sentence: a blank line, or a line that ends in sentence-final punctuation,
// closes a block.
func proseBlocks(s string) []Span {
	var blocks []Span
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

// punktSpans splits one block with the Punkt model. Line breaks inside the
// block are wrapped lines: they become spaces for the model (same length, so
// offsets hold).
func punktSpans(s string, block Span) []Span {
	tok, err := splitter()
	chunk := s[block.Start:block.End]
	if err != nil {
		return []Span{block}
	}
	flat := strings.ReplaceAll(chunk, "\n", " ")
	var out []Span
	prev := 0
	for _, pos := range tok.SentencePositions(flat) {
		if pos <= prev || pos > len(flat) {
			continue
		}
		if sp, ok := trim(s, Span{block.Start + prev, block.Start + pos}); ok {
			out = append(out, sp)
		}
		prev = pos
	}
	return out
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

// IsTokenized reports whether s looks like Penn-Treebank-tokenized text, one
// sentence per line: bracket tokens (-LRB-), TeX quotes (“), or punctuation
// and clitics split off as their own tokens (" , ", " 's ", " n't ") in most
// places where they occur. It looks at the first 8 KB only.
func IsTokenized(s string) bool {
	if len(s) > 8192 {
		s = s[:8192]
	}
	if strings.Contains(s, "-LRB-") || strings.Contains(s, "-RRB-") || strings.Contains(s, "``") {
		return true
	}
	split, joined := 0, 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ',', '.', ';', ':', '?', '!':
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n' {
				continue // 3.5, U.S., 10,000
			}
			if s[i-1] == ' ' {
				split++
			} else {
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
		}
	}
	return split >= 3 && split > 4*joined
}
