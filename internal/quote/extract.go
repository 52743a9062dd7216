package quote

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/seq"
	"github.com/dateline-news/dateline/internal/token"
)

// Extractor finds the quotes of article texts. It holds no mutable state
// and is safe for concurrent use.
type Extractor struct {
	m       *Model
	lex     *lexicon // cached lexical weights of the token forms seen
	tab     *tables
	cueBias float32 // added to the score of cue labels: more cues, fewer missed
}

// New returns an extractor that labels with model m.
func New(m *Model) *Extractor {
	return &Extractor{m: m, lex: newLexicon(m), tab: newTables(m), cueBias: defaultCueBias}
}

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
	tt := token.Borrow()
	defer tt.Release()
	tt.Split(text)
	return x.ExtractTokens(text, tt, mentions)
}

// docPool keeps docs for reuse: their slices are as long as the text. A
// doc grown past maxPooled tokens is dropped rather than kept.
var docPool = sync.Pool{New: func() any { return new(doc) }}

const maxPooled = 1 << 16

// ExtractTokens is Extract on tt, the tokens of text that tt.Split(text)
// gave: the entity recognizer reads the same tokens
// (entity.Recognizer.RecognizeTokens), so that a caller splits a text once
// for both. tt is only read.
func (x *Extractor) ExtractTokens(text string, tt *token.Text, mentions []entity.Mention) []Quote {
	return x.extract(text, tt, mentions, nil)
}

// ExtractNames is ExtractTokens given the Names of text
// (entity.Recognizer.RecognizeNames): its mentions name the speakers, and
// its titles the speakers of title sources, without working them out
// again.
func (x *Extractor) ExtractNames(text string, tt *token.Text, names *entity.Names) []Quote {
	return x.extract(text, tt, names.Mentions(), names)
}

// extract finds the quotes of text; names, when not nil, are the Names of
// mentions.
func (x *Extractor) extract(text string, tt *token.Text, mentions []entity.Mention, names *entity.Names) []Quote {
	d := docPool.Get().(*doc).reset(text, tt).withLexicon(x.lex)
	defer func() {
		if cap(d.toks) <= maxPooled {
			d.release()
			docPool.Put(d)
		}
	}()
	cs := x.roles(d, x.cues(d))
	cs = d.lineRules(d.directRules(cs, x.m.frameVerbs))
	d.trimSources(cs)
	d.speakers(cs, mentions, names)
	return d.quotes(cs)
}

// cues labels the cues of every paragraph.
func (x *Extractor) cues(d *doc) []tokRange {
	lat := &d.lat
	var feats []seq.Feature
	var cues []tokRange
	for _, p := range d.paras {
		lat.Reset(x.m.cue, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			row := (*cueRow)(lat.Row(i - p.from))
			feats = x.cueScores(d, i, p, row, feats)
			row[1] += x.cueBias
			row[2] += x.cueBias
		}
		d.labels = lat.Decode(x.m.cue, d.labels)
		d.spans = cueScheme.Decode(d.labels, d.spans)
		for _, sp := range d.spans {
			cues = append(cues, tokRange{p.from + sp.Start, p.from + sp.End})
		}
	}
	return cues
}

// cand is a quote in tokens while the extractor works on it.
type cand struct {
	cue, src tokRange // src empty (from == to) when there is no source
	parts    []tokRange
	speaker  string
	person   bool // the speaker is a person's name, to which later pronouns may refer
}

// roles labels the source and content of each cue and returns the
// candidates that have content.
func (x *Extractor) roles(d *doc, cues []tokRange) []cand {
	lat := &d.lat
	var feats []seq.Feature
	var out []cand
	for _, c := range cues {
		p := d.roleWindow(c.from, c.to)
		ctx := d.newCueContext(c.from, c.to, p, cues)
		cr := x.cueRows(d, ctx, p)
		lat.Reset(x.m.role, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			row := (*roleRow)(lat.Row(i - p.from))
			feats = x.roleScores(d, ctx, cr, i, p, row, feats)
			if i >= c.from && i < c.to { // the cue is neither source nor content
				for y := 1; y < len(row); y++ {
					row[y] = negInf
				}
			}
		}
		d.labels = lat.Decode(x.m.role, d.labels)
		d.spans = roleScheme.Decode(d.labels, d.spans)
		q := cand{cue: c}
		bestSrc := -1
		for _, sp := range d.spans {
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
		if len(q.parts) == 0 {
			if src, con, ok := d.accordingTo(c); ok {
				q.src, q.parts = src, []tokRange{con}
			} else if r, ok := d.colonQuotation(c); ok {
				q.parts = []tokRange{r}
				if d.low[c.to-1] != ":" {
					q.cue.to++ // the colon is part of the cue ("said:")
				}
			}
		}
		if len(q.parts) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// quotes turns candidates into quotes, in order of their contents.
func (d *doc) quotes(cs []cand) []Quote {
	out := make([]Quote, 0, len(cs))
	for _, c := range cs {
		q := Quote{Cue: d.span(c.cue.from, c.cue.to), Source: d.span(c.src.from, c.src.to), Speaker: c.speaker}
		for _, p := range c.parts {
			q.Parts = append(q.Parts, d.span(p.from, p.to))
		}
		q.Content = Span{q.Parts[0].Start, q.Parts[len(q.Parts)-1].End}
		q.Kind = d.kindOf(q.Parts)
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b Quote) int {
		return cmp.Or(cmp.Compare(a.Content.Start, b.Content.Start), cmp.Compare(a.Content.End, b.Content.End))
	})
	return out
}

// cueScores adds the cue labeller's weights of token i to row: what
// AddScores of cueFeatures gives, from cached rows where it can. feats is
// scratch space, returned for reuse.
func (x *Extractor) cueScores(d *doc, i int, p tokRange, row *cueRow, feats []seq.Feature) []seq.Feature {
	for off := -2; off <= 2; off++ {
		if k := i + off; k >= p.from && k < p.to {
			addCue(row, &d.ents[k].cue[off+2])
		} else {
			addCue(row, x.boundaryCue(off))
		}
	}
	x.tab.cueTableScores(d, i, p, row)
	if pair := d.ents[i].pair; pair != nil {
		var buf [8]int
		for _, ctx := range d.pairContexts(i, p, buf[:0]) {
			addCue(row, &pair[ctx])
		}
	}
	return feats
}

// roleScores adds the role labeller's weights of token i for cue ctx to
// row: what AddScores of roleFeatures gives, from cached rows where it can.
func (x *Extractor) roleScores(d *doc, ctx *cueContext, cr cueRows, i int, p tokRange, row *roleRow, feats []seq.Feature) []seq.Feature {
	r := d.rolePos(ctx, i, p)
	x.tab.roleTableScores(r, row)
	if r.inCue {
		return feats
	}
	for off := -1; off <= 1; off++ {
		if k := i + off; k >= p.from && k < p.to {
			addRole(row, &d.ents[k].role[r.dir][off+1])
		} else {
			addRole(row, x.boundaryRole(r.dir, off))
		}
	}
	x.tab.roleSmall.roleScores(d, r, i, p, row)
	addRole(row, &cr.head[r.dir][r.db])
	if cr.prev != nil {
		addRole(row, &cr.prev[r.dir])
	}
	if cr.next != nil {
		addRole(row, &cr.next[r.dir])
	}
	return feats
}

// cueRows are the weights of roleCueFeatures of one cue: its head's rows
// and those of the words before and after it.
type cueRows struct {
	head       *headRows
	prev, next *[2][roleLabels]float32
}

func (x *Extractor) cueRows(d *doc, c *cueContext, p tokRange) cueRows {
	cr := cueRows{head: x.lex.head(c.head)}
	if c.c0 > p.from {
		cr.prev = d.ents[c.c0-1].prev
	} else {
		cr.prev = x.lex.before.prev
	}
	if c.c1 < p.to {
		cr.next = d.ents[c.c1].next
	} else {
		cr.next = x.lex.after.next
	}
	return cr
}

// boundaryCue returns the cue weights of the position off tokens beyond a
// paragraph's edge.
func (x *Extractor) boundaryCue(off int) *cueRow {
	if off < 0 {
		return &x.lex.before.cue[off+2]
	}
	return &x.lex.after.cue[off+2]
}

// boundaryRole returns the role weights, on side dir of a cue, of the
// position off tokens beyond a paragraph's edge.
func (x *Extractor) boundaryRole(dir, off int) *roleRow {
	if off < 0 {
		return &x.lex.before.role[dir][off+1]
	}
	return &x.lex.after.role[dir][off+1]
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

// ExtractNamed finds the entity mentions of text with r and its quotes,
// their speakers named by those mentions, from one split of the text.
func (x *Extractor) ExtractNamed(text string, r *entity.Recognizer) ([]Quote, []entity.Mention) {
	tt := token.Borrow()
	defer tt.Release()
	tt.Split(text)
	names := r.RecognizeNames(text, tt)
	return x.ExtractNames(text, tt, names), names.Mentions()
}
