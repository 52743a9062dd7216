package quote

import (
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/seq"
)

// Extractor finds the quotes of article texts. It holds no mutable state
// and is safe for concurrent use.
type Extractor struct {
	m       *Model
	cueBias float32 // added to the score of cue labels: more cues, fewer missed
}

// New returns an extractor that labels with model m.
func New(m *Model) *Extractor { return &Extractor{m: m, cueBias: defaultCueBias} }

// defaultCueBias trades the cue labeller's precision for recall; measured
// on PolNeAR dev.
var defaultCueBias float32 = 0

//go:embed model.bin
var embedded []byte

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// Default returns the extractor with the embedded model (trained on
// PolNeAR's train split), decoded on first use.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() {
		m := new(Model)
		if err := m.UnmarshalBinary(embedded); err != nil {
			defaultErr = fmt.Errorf("embedded quote model: %w", err)
			return
		}
		defaultX = New(m)
	})
	return defaultX, defaultErr
}

// Extract returns the quotes of text in order of their content. mentions
// are the text's entity mentions (rune offsets, any order), which name the
// speakers; with none, a speaker is the source's own words.
func (x *Extractor) Extract(text string, mentions []entity.Mention) []Quote {
	d := newDoc(text)
	w := d.words(x.m)
	cs := x.roles(d, w, x.cues(d, w))
	cs = d.directRules(cs, w, x.m.frameVerbs)
	qs := d.quotes(cs)
	resolveSpeakers(text, qs, mentions)
	return qs
}

// cues labels the cues of every paragraph.
func (x *Extractor) cues(d *doc, w words) []tokRange {
	var lat seq.Lattice
	var feats []seq.Feature
	var labels []int
	var spans []seq.Span
	var cues []tokRange
	for _, p := range d.paras {
		lat.Reset(x.m.cue, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			feats = d.cueFeatures(w, i, p, feats[:0])
			row := lat.Row(i - p.from)
			x.m.cue.AddScores(row, feats)
			row[1] += x.cueBias
			row[2] += x.cueBias
		}
		labels = lat.Decode(x.m.cue, labels)
		for _, sp := range cueScheme.Decode(labels, spans[:0]) {
			cues = append(cues, tokRange{p.from + sp.Start, p.from + sp.End})
		}
	}
	return cues
}

// cand is a quote in tokens while the extractor works on it.
type cand struct {
	cue, src tokRange // src empty (from == to) when there is no source
	parts    []tokRange
}

// roles labels the source and content of each cue and returns the
// candidates that have content.
func (x *Extractor) roles(d *doc, w words, cues []tokRange) []cand {
	var lat seq.Lattice
	var feats []seq.Feature
	var labels []int
	var spans []seq.Span
	var out []cand
	for _, c := range cues {
		p := d.paraOf(c.from)
		ctx := d.newCueContext(w, c.from, c.to, p, cues)
		lat.Reset(x.m.role, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			feats = d.roleFeatures(w, ctx, i, p, feats[:0])
			row := lat.Row(i - p.from)
			x.m.role.AddScores(row, feats)
			if i >= c.from && i < c.to { // the cue is neither source nor content
				for y := 1; y < len(row); y++ {
					row[y] = negInf
				}
			}
		}
		labels = lat.Decode(x.m.role, labels)
		q := cand{cue: c}
		bestSrc := -1
		for _, sp := range roleScheme.Decode(labels, spans[:0]) {
			r := tokRange{p.from + sp.Start, p.from + sp.End}
			switch sp.Type {
			case typeContent:
				if d.hasWord(r.from, r.to) {
					q.parts = append(q.parts, r)
				}
			case typeSource:
				if dist := gap(r.from, r.to, c); bestSrc < 0 || dist < bestSrc {
					q.src, bestSrc = r, dist
				}
			}
		}
		if len(q.parts) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// quotes turns candidates into quotes.
func (d *doc) quotes(cs []cand) []Quote {
	out := make([]Quote, 0, len(cs))
	for _, c := range cs {
		q := Quote{Cue: d.span(c.cue.from, c.cue.to), Source: d.span(c.src.from, c.src.to)}
		for _, p := range c.parts {
			q.Parts = append(q.Parts, d.span(p.from, p.to))
		}
		q.Content = Span{q.Parts[0].Start, q.Parts[len(q.Parts)-1].End}
		q.Kind = d.kindOf(q.Parts)
		out = append(out, q)
	}
	return out
}

// gap is the number of tokens between [i, j) and the cue.
func gap(i, j int, c tokRange) int {
	if j <= c.from {
		return c.from - j
	}
	return i - c.to
}

// kindOf is KindOf on the document's own tokens and regions.
func (d *doc) kindOf(parts []Span) Kind {
	direct, mixed := true, false
	for _, p := range parts {
		i, j, _ := d.tokenSpan(p)
		if j-i < 3 || d.toks[i].kind != tQuote || d.toks[j-1].kind != tQuote {
			direct = false
		}
		for k := i; k < j && !mixed; k++ {
			if r := d.inReg[k]; r >= 0 && d.regs[r].open >= i && d.regs[r].close < j {
				mixed = true
			}
		}
	}
	switch {
	case direct:
		return Direct
	case mixed:
		return Mixed
	}
	return Indirect
}

// hasWord reports whether tokens [i, j) hold a word.
func (d *doc) hasWord(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].kind == tWord {
			return true
		}
	}
	return false
}

var negInf = float32(math.Inf(-1))
