package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/dateline-news/dateline/internal/seq"
)

// Feature templates: each names what a feature looks at; the value is
// hashed after it (seq.Feature.With).
var (
	fBias   = seq.Hash("bias")
	fW      = seq.Hash("w")
	fStem   = seq.Hash("stem")
	fShape  = seq.Hash("shape")
	fSuf3   = seq.Hash("suf3")
	fWm1    = seq.Hash("w-1")
	fWp1    = seq.Hash("w+1")
	fWm2    = seq.Hash("w-2")
	fWp2    = seq.Hash("w+2")
	fSm1    = seq.Hash("stem-1")
	fSp1    = seq.Hash("stem+1")
	fBiL    = seq.Hash("w-1|w")
	fBiR    = seq.Hash("w|w+1")
	fQuote  = seq.Hash("quote")
	fAftQ   = seq.Hash("afterQuote")
	fBefQ   = seq.Hash("beforeQuote")
	fWAftQ  = seq.Hash("w|afterQuote")
	fWBefQ  = seq.Hash("w|beforeQuote")
	fSentSt = seq.Hash("sentStart")
	fCapSt  = seq.Hash("capNotSentStart")
	fParaP  = seq.Hash("paraPos")
	fShm1   = seq.Hash("shape-1")
	fShp1   = seq.Hash("shape+1")
	fWQ     = seq.Hash("w|quote")
	fSkip   = seq.Hash("w-1|w+1")
	fSWp1   = seq.Hash("stem|w+1")
	fSWm1   = seq.Hash("w-1|stem")
	fSWp2   = seq.Hash("stem|w+2")
	fEndS   = seq.Hash("w|endsSentence")
	fT      = seq.Hash("t")
	fTm1    = seq.Hash("t-1")
	fTp1    = seq.Hash("t+1")
	fTm2    = seq.Hash("t-2")
	fTp2    = seq.Hash("t+2")
	fTT     = seq.Hash("t|t+1")
	fTTm    = seq.Hash("t-1|t")
	fWT1    = seq.Hash("w|t+1")
	fTm1W   = seq.Hash("t-1|w")
	fST1    = seq.Hash("stem|t+1")
	fTm1S   = seq.Hash("t-1|stem")
	fThat   = seq.Hash("stem|thatAhead")
	fSubj   = seq.Hash("stem|subject")
	fST2    = seq.Hash("stem|t+1|t+2")
	fK      = [4]seq.Feature{seq.Hash("k0"), seq.Hash("k1"), seq.Hash("k2"), seq.Hash("k3")}
	fKm1    = seq.Hash("k1-1")
	fKp1    = seq.Hash("k1+1")
	fKp1W   = seq.Hash("w|k1+1")
	fKm1W   = seq.Hash("k1-1|w")
	rK1     = seq.Hash("r:k1")
	rK2     = seq.Hash("r:k2")
	rKm1    = seq.Hash("r:k1-1")
	rKp1    = seq.Hash("r:k1+1")
	rT      = seq.Hash("r:t")
	rTm1    = seq.Hash("r:t-1")
	rTp1    = seq.Hash("r:t+1")
	rTT     = seq.Hash("r:t|t+1")
	rTTm    = seq.Hash("r:t-1|t")
	fAllCap = seq.Hash("allCapsBefore")

	rBias   = seq.Hash("r:bias")
	rDist   = seq.Hash("r:dist")
	rW      = seq.Hash("r:w")
	rStem   = seq.Hash("r:stem")
	rWm1    = seq.Hash("r:w-1")
	rWp1    = seq.Hash("r:w+1")
	rShape  = seq.Hash("r:shape")
	rCue    = seq.Hash("r:cue")
	rCueW   = seq.Hash("r:cue|w")
	rCueD   = seq.Hash("r:cue|dist")
	rReg    = seq.Hash("r:region")
	rSents  = seq.Hash("r:sents")
	rOther  = seq.Hash("r:otherCue")
	rCommas = seq.Hash("r:commas")
	rMark   = seq.Hash("r:mark")
	rSentE  = seq.Hash("r:sentEnd")
	rCueNxt = seq.Hash("r:cueNext")
	rCuePrv = seq.Hash("r:cuePrev")
	rPrevCl = seq.Hash("r:prevClose")
	rRegW   = seq.Hash("r:region|w")
)

// words holds the per-token strings the features read, computed once per
// document.
type words struct {
	stem  []string
	shape []string
	tag   []string // suffix class (see suffixClass)
	cls   []wordClasses
}

func (d *doc) words(m *Model) words {
	w := words{stem: make([]string, len(d.toks)), shape: make([]string, len(d.toks)), tag: make([]string, len(d.toks)), cls: make([]wordClasses, len(d.toks))}
	for i, t := range d.toks {
		w.tag[i] = d.suffixClass(i)
		w.cls[i] = m.classesOf(d.low[i])
		s := d.text[t.b:t.e]
		w.shape[i] = shape(s)
		if t.kind == tWord && utf8.RuneCountInString(s) > 2 {
			w.stem[i] = english.Stem(d.low[i], false)
		} else {
			w.stem[i] = d.low[i]
		}
	}
	return w
}

// shape maps a word to its character classes with runs collapsed:
// "Clinton" → "Xx", "U.S." → "X.X.", "2016" → "d", "’s" → "'x".
func shape(s string) string {
	var b strings.Builder
	var last rune = -1
	for _, c := range s {
		var k rune
		switch {
		case unicode.IsUpper(c):
			k = 'X'
		case unicode.IsLetter(c):
			k = 'x'
		case unicode.IsDigit(c):
			k = 'd'
		case c == '’':
			k = '\''
		default:
			k = c
		}
		if k != last {
			b.WriteRune(k)
			last = k
		}
		if b.Len() > 6 {
			break
		}
	}
	return b.String()
}

// at returns the lower-cased token i of a paragraph, or a boundary marker.
func (d *doc) at(i int, p tokRange) string {
	switch {
	case i < p.from:
		return "<p>"
	case i >= p.to:
		return "</p>"
	}
	return d.low[i]
}

func (w words) stemAt(i int, p tokRange) string {
	switch {
	case i < p.from:
		return "<p>"
	case i >= p.to:
		return "</p>"
	}
	return w.stem[i]
}

func (w words) clsAt(i int, p tokRange, level int) int {
	switch {
	case i < p.from:
		return -1
	case i >= p.to:
		return -2
	}
	return int(w.cls[i][level])
}

func (w words) tagAt(i int, p tokRange) string {
	switch {
	case i < p.from:
		return "<p>"
	case i >= p.to:
		return "</p>"
	}
	return w.tag[i]
}

func (w words) shapeAt(i int, p tokRange) string {
	switch {
	case i < p.from:
		return "<p>"
	case i >= p.to:
		return "</p>"
	}
	return w.shape[i]
}

// afterQuote reports whether token i follows a closing quotation mark,
// directly or after a comma, or a dash of a pull quote.
func (d *doc) afterQuote(i int, p tokRange) bool {
	for k := i - 1; k >= p.from && k >= i-3; k-- {
		t := d.toks[k]
		if t.kind == tQuote && t.q&qClose != 0 {
			return true
		}
		if t.kind != tPunct {
			return false
		}
	}
	return false
}

// beforeQuote reports whether an opening quotation mark follows token i,
// directly or after a colon or comma.
func (d *doc) beforeQuote(i int, p tokRange) bool {
	for k := i + 1; k < p.to && k <= i+2; k++ {
		t := d.toks[k]
		if t.kind == tQuote && t.q&qOpen != 0 {
			return true
		}
		if t.kind != tPunct {
			return false
		}
	}
	return false
}

// quoteClass describes token i's place in quotation marks.
func (d *doc) quoteClass(i int) string {
	t := d.toks[i]
	if t.kind == tQuote {
		if d.inReg[i] < 0 {
			return "stray"
		}
		if r := d.regs[d.inReg[i]]; r.open == i {
			return "open"
		} else if r.close == i {
			return "close"
		}
		return "mark"
	}
	if d.inReg[i] < 0 {
		return "out"
	}
	if d.regs[d.inReg[i]].single {
		return "single"
	}
	return "in"
}

// cueFeatures appends the features of token i for the cue labeller.
func (d *doc) cueFeatures(w words, i int, p tokRange, dst []seq.Feature) []seq.Feature {
	low := d.low[i]
	dst = append(dst, fBias, fW.With(low), fStem.With(w.stem[i]), fShape.With(w.shape[i]),
		fWm1.With(d.at(i-1, p)), fWp1.With(d.at(i+1, p)), fWm2.With(d.at(i-2, p)), fWp2.With(d.at(i+2, p)),
		fSm1.With(w.stemAt(i-1, p)), fSp1.With(w.stemAt(i+1, p)),
		fBiL.With(d.at(i-1, p)).With(low), fBiR.With(low).With(d.at(i+1, p)),
		fQuote.With(d.quoteClass(i)), fWQ.With(low).With(d.quoteClass(i)),
		fShm1.With(w.shapeAt(i-1, p)), fShp1.With(w.shapeAt(i+1, p)),
		fSkip.With(d.at(i-1, p)).With(d.at(i+1, p)),
		fSWp1.With(w.stem[i]).With(d.at(i+1, p)), fSWm1.With(d.at(i-1, p)).With(w.stem[i]),
		fSWp2.With(w.stem[i]).With(d.at(i+2, p)))
	dst = append(dst, fT.With(w.tag[i]), fTm1.With(w.tagAt(i-1, p)), fTp1.With(w.tagAt(i+1, p)),
		fTm2.With(w.tagAt(i-2, p)), fTp2.With(w.tagAt(i+2, p)),
		fTT.With(w.tag[i]).With(w.tagAt(i+1, p)), fTTm.With(w.tagAt(i-1, p)).With(w.tag[i]),
		fWT1.With(low).With(w.tagAt(i+1, p)), fTm1W.With(w.tagAt(i-1, p)).With(low))
	for l, f := range fK {
		dst = append(dst, f.WithInt(int(w.cls[i][l])))
	}
	dst = append(dst, fKm1.WithInt(w.clsAt(i-1, p, 1)), fKp1.WithInt(w.clsAt(i+1, p, 1)),
		fKp1W.With(low).WithInt(w.clsAt(i+1, p, 1)), fKm1W.WithInt(w.clsAt(i-1, p, 1)).With(low))
	dst = append(dst, fST1.With(w.stem[i]).With(w.tagAt(i+1, p)), fTm1S.With(w.tagAt(i-1, p)).With(w.stem[i]),
		fST2.With(w.stem[i]).With(w.tagAt(i+1, p)).With(w.tagAt(i+2, p)))
	for k := i + 1; k < p.to && k <= i+4; k++ {
		if d.low[k] == "that" || d.low[k] == ":" || d.toks[k].kind == tQuote && d.toks[k].q&qOpen != 0 {
			dst = append(dst, fThat.With(w.stem[i]).WithInt(k-i).With(d.low[k]))
			break
		}
	}
	for k := i - 1; k >= p.from && k >= i-4; k-- {
		if t := w.tag[k]; t != "R" && t != "M" && t != "V" && !(d.low[k] == "not" || d.low[k] == "n't") {
			dst = append(dst, fSubj.With(w.stem[i]).With(t))
			break
		}
	}
	if i+1 < p.to && d.sent[i+1] || i+1 == p.to {
		dst = append(dst, fEndS.With(low))
	}
	if n := len(low); n > 3 {
		dst = append(dst, fSuf3.With(low[n-3:]))
	}
	if d.afterQuote(i, p) {
		dst = append(dst, fAftQ, fWAftQ.With(low))
	}
	if d.beforeQuote(i, p) {
		dst = append(dst, fBefQ, fWBefQ.With(low))
	}
	if k := i - p.from; k < 4 {
		dst = append(dst, fParaP.WithInt(k).With(low))
	}
	if i > p.from && isUpperWord(d.text[d.toks[i-1].b:d.toks[i-1].e]) {
		dst = append(dst, fAllCap.With(low))
	}
	if i == p.from || d.sent[i-1] {
		dst = append(dst, fSentSt)
	} else if d.toks[i].kind == tWord && startsUpper(d.text[d.toks[i].b:d.toks[i].e]) {
		dst = append(dst, fCapSt)
	}
	return dst
}

// cueContext is what the role labeller knows of one cue: its tokens, its
// head word, and per token of the paragraph the counts it reads between
// that token and the cue.
type cueContext struct {
	c0, c1  int    // the cue's tokens [c0, c1)
	head    string // stem of the cue's main word
	reg     []int8 // per paragraph token: its quoted region's relation to the cue (see regionRelation)
	sents   []int8 // sentence ends between the token and the cue
	commas  []int8 // commas between
	otherQ  []bool // another cue lies between
	prevTok string
	nextTok string
}

// cueHeadSkip are words of a cue that are not its head.
var cueHeadSkip = map[string]bool{
	"to": true, "for": true, "on": true, "of": true, "about": true, "that": true, "with": true, "in": true,
	"at": true, "by": true, "as": true, "up": true, "out": true, "not": true, "also": true, "has": true,
	"have": true, "had": true, "is": true, "was": true, "be": true, "been": true, "will": true, "would": true,
	"did": true, "does": true, "do": true, "n't": true, "said": false, ",": true, ":": true,
}

func (d *doc) newCueContext(w words, c0, c1 int, p tokRange, cues []tokRange) *cueContext {
	c := &cueContext{c0: c0, c1: c1}
	for k := c1 - 1; k >= c0; k-- {
		if !cueHeadSkip[d.low[k]] || k == c0 {
			c.head = w.stem[k]
			break
		}
	}
	c.prevTok, c.nextTok = d.at(c0-1, p), d.at(c1, p)
	n := p.to - p.from
	c.reg, c.sents, c.commas, c.otherQ = make([]int8, n), make([]int8, n), make([]int8, n), make([]bool, n)
	other := make([]bool, n)
	for _, q := range cues {
		if q.from == c0 {
			continue
		}
		for k := max(q.from, p.from); k < min(q.to, p.to); k++ {
			other[k-p.from] = true
		}
	}
	// Walk out from the cue in both directions, counting.
	var s, cm int8
	var oq bool
	for k := c0 - 1; k >= p.from; k-- {
		if d.sent[k] {
			s = min(s+1, 3)
		}
		if d.low[k] == "," {
			cm = min(cm+1, 4)
		}
		c.sents[k-p.from], c.commas[k-p.from], c.otherQ[k-p.from] = s, cm, oq
		oq = oq || other[k-p.from]
	}
	s, cm, oq = 0, 0, false
	for k := c1; k < p.to; k++ {
		c.sents[k-p.from], c.commas[k-p.from], c.otherQ[k-p.from] = s, cm, oq
		if d.sent[k] {
			s = min(s+1, 3)
		}
		if d.low[k] == "," {
			cm = min(cm+1, 4)
		}
		oq = oq || other[k-p.from]
	}
	for k := p.from; k < p.to; k++ {
		c.reg[k-p.from] = d.regionRelation(k, c0, c1, p)
	}
	return c
}

// Region relations of a token to a cue.
const (
	relOut    int8 = iota // not in quotation marks
	relBefore             // in a quotation that ends in the cue's sentence, shortly before the cue
	relAfter              // in a quotation that starts in the cue's sentence, shortly after the cue
	relNext               // in a quotation that starts the sentence after the cue's
	relHolds              // in a quotation that holds the cue
	relOther              // in some other quotation
)

// maxFrameGap is how many tokens may stand between a quotation and its cue
// (the source, a comma, a time: "“…,” Melanie said to the nominee").
const maxFrameGap = 12

func (d *doc) regionRelation(k, c0, c1 int, p tokRange) int8 {
	r := d.inReg[k]
	if r < 0 {
		return relOut
	}
	reg := d.regs[r]
	for reg.single && d.outerRegion(r) >= 0 { // relate the outer double quotation
		r = d.outerRegion(r)
		reg = d.regs[r]
	}
	switch {
	case reg.open < c0 && reg.close >= c1:
		return relHolds
	case reg.close < c0 && d.plainGap(reg.close+1, c0) >= 0:
		return relBefore
	case reg.open >= c1:
		switch n := d.plainGap(c1, reg.open); {
		case n >= 0:
			return relAfter
		case n == -2:
			return relNext
		}
	}
	return relOther
}

// plainGap tells the stretch of tokens [i, j) between a quotation and its
// cue apart: its length when it is short, holds no quotation mark and ends
// no sentence; -2 when it ends exactly one sentence, at its last token; -1
// otherwise.
func (d *doc) plainGap(i, j int) int {
	if j-i > maxFrameGap {
		return -1
	}
	for k := i; k < j; k++ {
		if d.toks[k].kind == tQuote {
			return -1
		}
		if d.sent[k] {
			if k == j-1 {
				return -2
			}
			return -1
		}
	}
	return j - i
}

// outerRegion returns the region that holds region r, or -1.
func (d *doc) outerRegion(r int32) int32 {
	reg := d.regs[r]
	for k := r - 1; k >= 0; k-- {
		if o := d.regs[k]; o.open < reg.open && o.close >= reg.close {
			return k
		}
	}
	return -1
}

// onlyPunct reports whether tokens [i, j) are at most two marks.
func onlyPunct(d *doc, i, j int) bool {
	if j-i > 2 {
		return false
	}
	for k := i; k < j; k++ {
		if d.toks[k].kind == tWord {
			return false
		}
	}
	return true
}

var distBuckets = [...]int8{0, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7}

func distBucket(n int) int {
	if n < len(distBuckets) {
		return int(distBuckets[n])
	}
	if n < 26 {
		return 8
	}
	return 9
}

// roleFeatures appends the features of paragraph token i for the role
// labeller of cue c.
func (d *doc) roleFeatures(w words, c *cueContext, i int, p tokRange, dst []seq.Feature) []seq.Feature {
	var dir string
	var dist int
	switch {
	case i < c.c0:
		dir, dist = "B", c.c0-i
	case i >= c.c1:
		dir, dist = "A", i-c.c1+1
	default:
		return append(dst, rBias.With("C"))
	}
	k := i - p.from
	db := distBucket(dist)
	low := d.low[i]
	dst = append(dst, rBias.With(dir), rDist.With(dir).WithInt(db),
		rW.With(dir).With(low), rStem.With(dir).With(w.stem[i]),
		rWm1.With(dir).With(d.at(i-1, p)), rWp1.With(dir).With(d.at(i+1, p)),
		rShape.With(dir).With(w.shape[i]),
		rCue.With(dir).With(c.head), rCueD.With(dir).With(c.head).WithInt(db),
		rReg.With(dir).WithInt(int(c.reg[k])), rSents.With(dir).WithInt(int(c.sents[k])),
		rCommas.With(dir).WithInt(int(c.commas[k])), rMark.With(dir).With(d.quoteClass(i)),
		rCuePrv.With(dir).With(c.prevTok), rCueNxt.With(dir).With(c.nextTok))
	dst = append(dst, rT.With(dir).With(w.tag[i]), rTm1.With(dir).With(w.tagAt(i-1, p)), rTp1.With(dir).With(w.tagAt(i+1, p)),
		rTT.With(dir).With(w.tag[i]).With(w.tagAt(i+1, p)), rTTm.With(dir).With(w.tagAt(i-1, p)).With(w.tag[i]))
	dst = append(dst, rK1.With(dir).WithInt(int(w.cls[i][1])), rK2.With(dir).WithInt(int(w.cls[i][2])),
		rKm1.With(dir).WithInt(w.clsAt(i-1, p, 1)), rKp1.With(dir).WithInt(w.clsAt(i+1, p, 1)))
	if dist <= 3 {
		dst = append(dst, rCueW.With(dir).With(c.head).With(low))
	}
	if i > p.from && d.toks[i-1].kind == tQuote && d.toks[i-1].q&qClose != 0 {
		dst = append(dst, rPrevCl.With(dir).WithInt(int(c.reg[k-1])))
	}
	if c.reg[k] != relOut {
		dst = append(dst, rRegW.With(dir).WithInt(int(c.reg[k])).With(low))
	}
	if c.otherQ[k] {
		dst = append(dst, rOther.With(dir))
	}
	if d.sent[i] {
		dst = append(dst, rSentE.With(dir))
	}
	return dst
}
