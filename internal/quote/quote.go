package quote

import "unicode/utf8"

// Span is a stretch of the article text in rune (code point) offsets, end
// exclusive. A span with End ≤ Start is empty: the zero Span means "none".
type Span struct {
	Start, End int
}

// Empty reports whether s covers no text.
func (s Span) Empty() bool { return s.End <= s.Start }

// Kind says how much of a quote's content is in quotation marks.
type Kind uint8

// The kinds of quote.
const (
	Indirect Kind = iota // a paraphrase: no quotation marks ("Lowell said he dislikes pickles")
	Mixed                // a paraphrase with quoted words in it ("he doesn't “prefer” pickles")
	Direct               // every part of the content is in quotation marks
)

var kindNames = [...]string{Indirect: "indirect", Mixed: "mixed", Direct: "direct"}

// String returns "indirect", "mixed" or "direct".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Quote is one attribution: someone (the source) says, thinks, wants or
// reports something (the content), and a cue says so.
type Quote struct {
	// Source is who or what the content is attributed to, as the text puts
	// it ("longtime Democratic pollster Pat Caddell", "he", "a senior
	// official"); empty when the text names no source ("It is said that…").
	Source Span
	// Cue is the words that signal the attribution ("said", "according to",
	// "has called for", the ":" of a pull quote, the dash of "— Name"); empty
	// only when the extractor found content it could tie to no cue.
	Cue Span
	// Content is what is attributed, from its first part's start to its last
	// part's end: a quote split by its own attribution ("“A,” he said. “B.”")
	// is one content span that covers the cue and source between its parts.
	Content Span
	// Parts are the pieces of the content in text order: one for an unsplit
	// quote, one per quoted fragment of a split one.
	Parts []Span
	// Kind is Direct when every part is in quotation marks, Mixed when the
	// content quotes some of its words, Indirect otherwise.
	Kind Kind
	// Speaker is who said it by name: the canonical name of the entity the
	// source refers to (a pronoun or a title resolved to the person the
	// article named), or the source's own words when it names no entity ("a
	// senior official, who demanded anonymity"); "" when there is no source.
	Speaker string
}

// Direct reports whether the whole content is in quotation marks.
func (q Quote) Direct() bool { return q.Kind == Direct }

// runeIndex maps rune offsets of a text to byte offsets and back, so that
// spans can be cut from the text as strings.
type runeIndex struct {
	byteAt []int // byteAt[r] is the byte offset of rune r; byteAt[len] = len(text)
}

func newRuneIndex(s string) runeIndex {
	b := make([]int, 0, len(s)+1)
	for i := range s {
		b = append(b, i)
	}
	return runeIndex{byteAt: append(b, len(s))}
}

// Text returns the text of span sp of s, clamped to s.
func Text(s string, sp Span) string {
	if sp.Empty() || sp.Start < 0 {
		return ""
	}
	i, r := 0, 0
	for r < sp.Start && i < len(s) {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r++
	}
	j := i
	for r < sp.End && j < len(s) {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
		r++
	}
	return s[i:j]
}

// KindOf says how the content of a quote with the given parts (rune spans of
// text) is quoted: Direct when every part begins and ends with a quotation
// mark (of either direction: news text has its typos), Mixed when some quotation stands inside it, Indirect otherwise.
func KindOf(text string, parts []Span) Kind {
	if len(parts) == 0 {
		return Indirect
	}
	direct, mixed := true, false
	var toks []tok
	var regs []region
	for _, p := range parts {
		toks = tokenize(Text(text, p), toks)
		regs = pairQuotes(toks, regs)
		if len(toks) == 0 {
			direct = false
			continue
		}
		first, last := toks[0], toks[len(toks)-1]
		if first.kind != tQuote || last.kind != tQuote || len(toks) < 3 {
			direct = false
		}
		mixed = mixed || len(regs) > 0
	}
	switch {
	case direct:
		return Direct
	case mixed:
		return Mixed
	}
	return Indirect
}
