package quote

import (
	"strings"

	"github.com/dateline-news/dateline/internal/seq"
	"github.com/dateline-news/dateline/internal/token"
)

// doc is a text prepared for labelling: its tokens, their lower-cased
// forms, the quoted regions, and the paragraphs (runs of tokens with no
// blank line between them) that are the labellers' sequences.
type doc struct {
	text    string
	toks    []tok
	low     []string // normalized text of each token (see norm), with attrs
	regs    []region
	inReg   []int32 // innermost quoted region holding token i (marks included), -1 outside
	outerOf []int32 // the region holding region r, or -1
	paras   []tokRange
	sent    []bool // sent[i]: token i ends a sentence (., ?, ! or … before a capital, a quotation mark or a line break)
	// attrs are the tokens' attributes, from ents at extraction (see
	// withLexicon) or computed for training (withAttrs).
	attrs []*lexAttrs
	ents  []*lexEntry
	// The labellers' scratch space, kept for the next text with the doc.
	lat    seq.Lattice
	labels []int
	spans  []seq.Span
	ctx    cueContext // see newCueContext
	other  []bool
	sentOf []int // see sentenceIndex
}

// withAttrs computes the tokens' attributes under model m (for training).
func (d *doc) withAttrs(m *Model) *doc {
	as := make([]lexAttrs, len(d.toks))
	d.attrs = make([]*lexAttrs, len(d.toks))
	d.low = make([]string, len(d.toks))
	for i, t := range d.toks {
		s := d.text[t.b:t.e]
		as[i] = m.attrsOf(t.kind, s, norm(t, s))
		d.attrs[i], d.low[i] = &as[i], as[i].low
	}
	return d
}

// withLexicon looks the tokens up in lx (for extraction), reusing the
// doc's slices.
func (d *doc) withLexicon(lx *lexicon) *doc {
	n := len(d.toks)
	d.ents, d.attrs, d.low = resize(d.ents, n), resize(d.attrs, n), resize(d.low, n)
	for i, t := range d.toks {
		e := lx.entry(t, d.text[t.b:t.e])
		d.ents[i], d.attrs[i], d.low[i] = e, &e.a, e.a.low
	}
	return d
}

// resize returns s with length n, reusing its storage when it is large
// enough; the elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// tokRange is a stretch of tokens [from, to).
type tokRange struct{ from, to int }

func newDoc(text string) *doc {
	var tt token.Text
	tt.Split(text)
	return newDocTokens(text, &tt)
}

// newDocTokens prepares text from its shared tokens tt.
func newDocTokens(text string, tt *token.Text) *doc { return new(doc).reset(text, tt) }

// reset prepares d for text from its shared tokens tt, reusing d's slices:
// extraction keeps docs in a pool (see Extractor.ExtractTokens).
func (d *doc) reset(text string, tt *token.Text) *doc {
	d.text = text
	d.toks = fromShared(tt, d.toks)
	d.regs = pairQuotes(d.toks, d.regs)
	d.inReg = resize(d.inReg, len(d.toks))
	for i := range d.inReg {
		d.inReg[i] = -1
	}
	d.outerOf = resize(d.outerOf, len(d.regs))
	for k, r := range d.regs { // regions come in order of their opening marks: inner ones overwrite outer ones
		d.outerOf[k] = d.inReg[r.open] // a single quotation opens inside at most one double one
		for i := r.open; i <= r.close; i++ {
			d.inReg[i] = int32(k)
		}
	}
	d.paras = paragraphs(d.toks, d.paras)
	d.sent = sentenceEnds(d, d.sent)
	return d
}

// release drops what d holds of one text, keeping its slices for the next.
func (d *doc) release() {
	d.text = ""
	clear(d.attrs)
	clear(d.ents)
	clear(d.low)
}

// paragraphs cuts toks at blank lines. A text with no blank line but line
// breaks (one sentence per line, as PTB-tokenized corpora come) is cut at
// every line break.
func paragraphs(toks []tok, dst []tokRange) []tokRange {
	brk := uint8(2)
	blank := false
	for _, t := range toks {
		if t.nl >= 2 {
			blank = true
			break
		}
	}
	if !blank {
		brk = 1
	}
	out := dst[:0]
	from := 0
	for i, t := range toks {
		if i > from && t.nl >= brk {
			out = append(out, tokRange{from, i})
			from = i
		}
	}
	if from < len(toks) {
		out = append(out, tokRange{from, len(toks)})
	}
	return out
}

// sentenceEnds marks the tokens that end a sentence, in dst (reused).
func sentenceEnds(d *doc, dst []bool) []bool {
	out := resize(dst, len(d.toks))
	clear(out)
	for i, t := range d.toks {
		if t.kind != tPunct {
			continue
		}
		switch d.text[t.b:t.e] {
		case ".", "?", "!", "…", "...":
		default:
			continue
		}
		j := i + 1
		for j < len(d.toks) && d.toks[j].kind == tQuote && d.toks[j].q&qClose != 0 && !d.toks[j].space {
			j++ // a closing mark after the period belongs to the sentence
		}
		if j == len(d.toks) || d.toks[j].nl > 0 {
			out[j-1] = true
			continue
		}
		n := d.toks[j]
		if n.kind == tQuote || n.kind == tWord && startsUpper(d.text[n.b:n.e]) || n.kind == tPunct && d.text[n.b:n.e] == "(" {
			out[j-1] = true
		}
	}
	return out
}

func startsUpper(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return 'A' <= c && c <= 'Z' || c >= 0x80 && strings.ToLower(w) != w
}

// lower lower-cases s without allocating when it is lower case already.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// tokenSpan returns the tokens [i, j) that sp covers (every token that
// overlaps it) and whether sp starts and ends on token boundaries.
func (d *doc) tokenSpan(sp Span) (i, j int, exact bool) {
	i = searchTok(d.toks, sp.Start)
	j = i
	for j < len(d.toks) && d.toks[j].rs < sp.End {
		j++
	}
	exact = i < j && d.toks[i].rs == sp.Start && d.toks[j-1].re == sp.End
	return i, j, exact
}

// searchTok returns the first token that ends after rune offset r.
func searchTok(toks []tok, r int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].re <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// span returns the rune span of tokens [i, j).
func (d *doc) span(i, j int) Span {
	if i >= j {
		return Span{}
	}
	return Span{d.toks[i].rs, d.toks[j-1].re}
}

// paraOf returns the paragraph holding token i.
func (d *doc) paraOf(i int) tokRange {
	lo, hi := 0, len(d.paras)
	for lo < hi {
		m := (lo + hi) / 2
		if d.paras[m].to <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(d.paras) {
		return tokRange{}
	}
	return d.paras[lo]
}

// norm is the form of a token that features read: lower case, every
// double quotation mark as ", every single one as ', every dash as —.
func norm(t tok, s string) string {
	switch t.kind {
	case tQuote:
		if t.q&qSingle != 0 {
			return "'"
		}
		return "\""
	case tPunct:
		switch s {
		case "—", "–", "―", "--", "---", "‒":
			return "—"
		}
		return s
	}
	return lower(s)
}

// windowSentences is how many sentences on each side of its cue's the role
// labeller reads, and maxWindow how many tokens at most on each side.
const (
	windowSentences = 1
	maxWindow       = 100
)

// roleWindow returns the tokens the role labeller reads for a cue at
// tokens [c0, c1): its sentence and windowSentences sentences on either
// side, within its paragraph and maxWindow tokens on each side, widened to
// whole quotations within those bounds.
func (d *doc) roleWindow(c0, c1 int) tokRange {
	p := d.paraOf(c0)
	lo, hi := max(p.from, c0-maxWindow), min(p.to, c1+maxWindow)
	from, n := c0, 0
	for from > lo {
		if d.sent[from-1] {
			if n == windowSentences {
				break
			}
			n++
		}
		from--
	}
	to, n := c1, 0
	for to < hi {
		to++
		if d.sent[to-1] {
			if n == windowSentences {
				break
			}
			n++
		}
	}
	if r := d.outer(from); r >= 0 {
		from = max(lo, d.regs[r].open)
	}
	if r := d.outer(to - 1); r >= 0 {
		to = min(hi, d.regs[r].close+1)
	}
	return tokRange{from, to}
}
