package timex

import (
	"sync"
	"time"

	"github.com/dateline-news/dateline/internal/text"
)

// English is the rule-based tagger for English news text, prose or
// PTB-tokenized. Its tables are built once at package initialization; an
// *English holds no mutable state and is safe for concurrent use.
type English struct{}

// New returns the English tagger.
func New() *English { return &English{} }

var _ Tagger = (*English)(nil)

var tokenPool = sync.Pool{New: func() any { s := make([]token, 0, 1024); return &s }}

// spanPool holds the sentence spans Tag splits a text into, and the
// sentences of a line that tagSpans reads (see text.SentencesIn).
var spanPool = sync.Pool{New: func() any { s := make([]text.Span, 0, 128); return &s }}

// Tag finds the time expressions of doc and normalizes them against dct and
// against the dates the text mentions before them, sentence by sentence as
// text.Sentences splits it. See Tagger.
func (e *English) Tag(doc string, dct time.Time) []Timex {
	bufp := spanPool.Get().(*[]text.Span)
	sentences, lines := text.AppendSplit((*bufp)[:0], doc)
	defer func() {
		*bufp = sentences[:0]
		spanPool.Put(bufp)
	}()
	return e.tagSpans(doc, dct, sentences, lines)
}

// TagSentences is Tag on a text already split into sentences: spans of byte
// offsets into doc, in order and not overlapping, as text.Sentences gives
// them (a span out of order or out of range is ignored). No expression
// crosses the end of a sentence, and text outside the spans is not tagged;
// the narrative anchor crosses sentences ("The quake struck on March 3,
// 2010. The next day, ..."). In tokenized text (text.IsTokenized) a
// sentence is a line, which may hold two sentences ("... ON THE ECONOMY
// !!!!! It ..."): the tagger reads its lines with text.SentencesIn.
func (e *English) TagSentences(doc string, dct time.Time, sentences []text.Span) []Timex {
	return e.tagSpans(doc, dct, sentences, text.IsTokenized(doc))
}

// tagSpans is TagSentences; lines reports tokenized text, whose lines it
// reads with text.SentencesIn.
func (e *English) tagSpans(doc string, dct time.Time, sentences []text.Span, lines bool) []Timex {
	bufp := tokenPool.Get().(*[]token)
	toks := tokenize(doc, (*bufp)[:0])
	defer func() {
		*bufp = toks[:0]
		tokenPool.Put(bufp)
	}()
	c := resolver{dct: time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)}
	p := parser{toks: toks, text: doc}
	out := make([]Timex, 0, len(sentences)/2+1) // about one expression in two sentences of news
	innerp := spanPool.Get().(*[]text.Span)
	inner := (*innerp)[:0]
	defer func() {
		*innerp = inner[:0]
		spanPool.Put(innerp)
	}()
	k, prevEnd := 0, 0
	for _, outer := range sentences {
		if outer.Start < prevEnd || outer.End <= outer.Start || outer.End > len(doc) {
			continue
		}
		prevEnd = outer.End
		if lines {
			inner = text.SentencesIn(doc, outer, inner[:0])
		} else {
			inner = append(inner[:0], outer)
		}
		for _, sp := range inner {
			for k < len(toks) && toks[k].byteStart < sp.Start {
				k++
			}
			end := k
			for end < len(toks) && toks[end].byteEnd <= sp.End {
				end++
			}
			out = c.tagSentence(&p, k, end, out)
			k = end
		}
	}
	return out
}

// tagSentence appends the expressions of the sentence of tokens [s, n) to
// out: at each token the longest expression that starts there, then on
// after it.
func (c *resolver) tagSentence(p *parser, s, n int, out []Timex) []Timex {
	p.sentStart, p.sentEnd = s, n
	for i := s; i < n; {
		if t := &p.toks[i]; t.kind != tNum && (t.lexeme == nil || !t.lexeme.start) {
			i++ // most words start no expression
			continue
		}
		m, ok := p.expr(i)
		if !ok || m.end <= i || p.inWord(i) {
			i++
			continue
		}
		if p.inName(&m) {
			i = m.end // no part of a name starts an expression
			continue
		}
		out = append(out, c.emit(p, &m))
		i = m.end
		// April 24 and 25: the second day of the month too
		if k, e, d, ok := p.conjDay(&m); ok {
			if tx, ok := c.emitConjDay(p, &out[len(out)-1], k, e, d); ok {
				out = append(out, tx)
				i = e
			}
		}
	}
	return out
}

// emit resolves a match and records it as a mention for the narrative.
func (c *resolver) emit(p *parser, m *match) Timex {
	if m.s.possessive {
		// "Wednesday's ruling": the clause it belongs to comes after it
		c.tense = tenseAfter(p.toks, m.end, m.start, p.sentEnd)
	} else {
		c.tense = tenseAt(p.toks, p.sentStart, p.sentEnd, m.start, m.end)
	}
	if m.s.typ == Time && m.s.kind == kindOffset && m.s.anchor.narrative() && p.alone(m) {
		// a time of day standing alone, as the entries of a live blog
		// ("___. 4:30 p.m. Hillary Clinton says ..."), is the day of the
		// article, whatever day the entry before told of
		m.s.anchor = anchorDCT
	}
	v, pt, ok := c.resolve(&m.s)
	mention := ok && m.s.entersHistory(pt)
	if mention {
		c.mentions = append(c.mentions, pt)
	}
	switch {
	case m.s.typ == Duration && (m.s.durUnit == uMonth || m.s.durUnit == uQuarter) && !m.s.durQty.unknown && m.s.durQty.value > 1:
		c.monthsSpan = true
	case mention:
		c.monthsSpan = false // a later date is the period spoken of
	}
	a, b := p.tok(m.start), p.tok(m.end-1)
	return Timex{
		Start: a.runeStart,
		End:   b.runeEnd,
		Text:  p.text[a.byteStart:b.byteEnd],
		Type:  m.s.typ,
		Value: v,
		Mod:   m.s.mod,
		Quant: m.s.quant,
		Freq:  m.s.freq,
	}
}

// conjDay finds a bare day of the month joined to a month-day match: "April
// 24 and 25", "Jan. 3 or 4, 2000". It returns the tokens [k, e) of the day
// (with its year, if any) and its value.
func (p *parser) conjDay(m *match) (int, int, int, bool) {
	s := &m.s
	if s.typ != Date || s.cal.month == 0 || s.cal.day == 0 || s.gran != uDay || s.tod != "" || s.mod != "" {
		return 0, 0, 0, false
	}
	if w := p.keyword(m.end); w != wAnd && w != wOr {
		return 0, 0, 0, false
	}
	k := m.end + 1
	d, ok := p.plainNum(k)
	if !ok || p.tok(k).digits > 2 || d <= s.cal.day || d > 31 {
		return 0, 0, 0, false
	}
	yk := k + 1
	if p.punct(yk, ',') {
		yk++
	}
	if _, e, ok := p.yearAt(yk); ok && s.kind == kindAbsolute {
		return k, e, d, true
	}
	// "May 5 and 6 people": only when what follows cannot be counted
	if n := k + 1; n < p.sentEnd {
		t := p.tok(n)
		switch {
		case t.kind == tPunct:
			if t.ch == ':' || t.ch == '%' || t.ch == '-' || t.ch == '/' {
				return 0, 0, 0, false
			}
		case t.kind == tWord && t.lexeme != nil && t.lexeme.keyword != wNone && t.lexeme.unit == uNone && t.lexeme.keyword != wPossessive:
		default:
			return 0, 0, 0, false
		}
	}
	return k, k + 1, d, true
}

// emitConjDay records the day d (tokens [k, e)) of the month of the date
// prev.
func (c *resolver) emitConjDay(p *parser, prev *Timex, k, e, d int) (Timex, bool) {
	iv, ok := ParseValue(prev.Value)
	if !ok || iv.Gran != Day || len(prev.Value) != 10 {
		return Timex{}, false
	}
	y, mo, _ := iv.Start.Date()
	if !validDay(y, int(mo), d) {
		return Timex{}, false
	}
	pt := point{first: day(y, int(mo), d), gran: uDay}
	c.mentions = append(c.mentions, pt)
	a, b := p.tok(k), p.tok(e-1)
	return Timex{Start: a.runeStart, End: b.runeEnd, Text: p.text[a.byteStart:b.byteEnd], Type: Date, Value: pt.value()}, true
}
