package quote

import "github.com/dateline-news/dateline/internal/seq"

// Context feature templates: what a position's features read besides its
// tokens' own attributes (lex.go). The ones over small sets of values are
// summed into tables when an extractor is built (see tables); the ones
// that pair a word with its context are looked up per position.
var (
	fQuote  = seq.Hash("quote")
	fSent   = seq.Hash("sentence")
	fAftQ   = seq.Hash("afterQuote")
	fBefQ   = seq.Hash("beforeQuote")
	fWQ     = seq.Hash("w|quote")
	fWAftQ  = seq.Hash("w|afterQuote")
	fWBefQ  = seq.Hash("w|beforeQuote")
	fEndS   = seq.Hash("w|endsSentence")
	fParaP  = seq.Hash("paraPos|w")
	fAllCap = seq.Hash("allCapsBefore|w")
	fThat   = seq.Hash("stem|thatAhead")

	rBias   = seq.Hash("r:bias")
	rInCue  = seq.Hash("r:inCue")
	rDist   = seq.Hash("r:dist")
	rReg    = seq.Hash("r:region")
	rSents  = seq.Hash("r:sents")
	rCommas = seq.Hash("r:commas")
	rMark   = seq.Hash("r:mark")
	rOther  = seq.Hash("r:otherCue")
	rSentE  = seq.Hash("r:sentEnd")
	rPrevCl = seq.Hash("r:prevClose")
	rCue    = seq.Hash("r:cue")
	rCueD   = seq.Hash("r:cue|dist")
	rCuePrv = seq.Hash("r:cuePrev")
	rCueNxt = seq.Hash("r:cueNext")
)

// Quote classes of a token: its place in quotation marks.
const (
	qcOut    = iota // outside quotation marks
	qcIn            // inside a double quotation
	qcSingle        // inside a single one
	qcOpen          // an opening mark
	qcClose         // a closing mark
	qcMark          // a mark inside a quotation
	qcStray         // a mark that pairs with none
	numQC
)

func (d *doc) quoteClass(i int) int {
	r := d.inReg[i]
	if d.toks[i].kind == tQuote {
		switch {
		case r < 0:
			return qcStray
		case d.regs[r].open == i:
			return qcOpen
		case d.regs[r].close == i:
			return qcClose
		}
		return qcMark
	}
	switch {
	case r < 0:
		return qcOut
	case d.regs[r].single:
		return qcSingle
	}
	return qcIn
}

// Sentence states of a token for the cue labeller.
const (
	sentMid     = iota // inside a sentence
	sentStart          // first of a sentence or paragraph
	sentCapital        // a capitalized word inside a sentence
	numSentState
)

func (d *doc) sentState(i int, p tokRange) int {
	switch {
	case i == p.from || d.sent[i-1]:
		return sentStart
	case d.toks[i].kind == tWord && startsUpper(d.text[d.toks[i].b:d.toks[i].e]):
		return sentCapital
	}
	return sentMid
}

// lexAt returns the attributes of token i of paragraph p, or a boundary's.
func (d *doc) lexAt(i int, p tokRange) *lexAttrs {
	switch {
	case i < p.from:
		return &beforePara
	case i >= p.to:
		return &afterPara
	}
	return d.attrs[i]
}

// cueTableFeatures appends the cue labeller's features of token i that
// take few values (a table row each at extraction).
func (d *doc) cueTableFeatures(i int, p tokRange, dst []seq.Feature) []seq.Feature {
	dst = append(dst, fQuote.WithInt(d.quoteClass(i)), fSent.WithInt(d.sentState(i, p)))
	if d.afterQuote(i, p) {
		dst = append(dst, fAftQ)
	}
	if d.beforeQuote(i, p) {
		dst = append(dst, fBefQ)
	}
	return dst
}

// Word contexts of the cue labeller's pair features: each pairs a token's
// word with one fact about its surroundings. A token's weights for every
// context are cached with its form (lexEntry.pair).
const (
	ctxAfterQuote    = iota                 // a closing quotation mark just before (afterQuote)
	ctxBeforeQuote                          // an opening one just after (beforeQuote)
	ctxEndsSentence                         // the last token of a sentence or paragraph
	ctxAllCapsBefore                        // after a word in capitals ("PENCE:")
	ctxQuote                                // + quote class - 1: inside or at quotation marks (qcIn…qcStray)
	ctxParaPos       = ctxQuote + numQC - 1 // + position 0..3 in its paragraph
	ctxThat          = ctxParaPos + 4       // + 3*(distance-1) + what: "that", ":" or an opening mark 1..4 tokens ahead
	numPairCtx       = ctxThat + 12
)

// pairFeature is the feature of a word (attributes a) in word context ctx.
func pairFeature(a *lexAttrs, ctx int) seq.Feature {
	switch {
	case ctx == ctxAfterQuote:
		return fWAftQ.With(a.low)
	case ctx == ctxBeforeQuote:
		return fWBefQ.With(a.low)
	case ctx == ctxEndsSentence:
		return fEndS.With(a.low)
	case ctx == ctxAllCapsBefore:
		return fAllCap.With(a.low)
	case ctx < ctxParaPos:
		return fWQ.WithInt(ctx - ctxQuote + 1).With(a.low)
	case ctx < ctxThat:
		return fParaP.WithInt(ctx - ctxParaPos).With(a.low)
	}
	k := ctx - ctxThat
	return fThat.With(a.stem).WithInt(k/3 + 1).WithInt(k % 3)
}

// pairContexts appends the word contexts of token i.
func (d *doc) pairContexts(i int, p tokRange, dst []int) []int {
	if d.afterQuote(i, p) {
		dst = append(dst, ctxAfterQuote)
	}
	if d.beforeQuote(i, p) {
		dst = append(dst, ctxBeforeQuote)
	}
	if i+1 == p.to || d.sent[i+1] {
		dst = append(dst, ctxEndsSentence)
	}
	if i > p.from && isUpperWord(d.text[d.toks[i-1].b:d.toks[i-1].e]) {
		dst = append(dst, ctxAllCapsBefore)
	}
	if qc := d.quoteClass(i); qc != qcOut {
		dst = append(dst, ctxQuote+qc-1)
	}
	if k := i - p.from; k < 4 {
		dst = append(dst, ctxParaPos+k)
	}
	if d.toks[i].kind != tWord {
		return dst
	}
	for k := i + 1; k < p.to && k <= i+4; k++ {
		what := -1
		switch {
		case d.attrs[k].low == "that":
			what = 0
		case d.attrs[k].low == ":":
			what = 1
		case d.toks[k].kind == tQuote && d.toks[k].q&qOpen != 0:
			what = 2
		}
		if what >= 0 {
			dst = append(dst, ctxThat+3*(k-i-1)+what)
			break
		}
	}
	return dst
}

// cueFeatures appends every feature of token i for the cue labeller (for
// training; extraction adds cached rows for the lexical ones).
func (d *doc) cueFeatures(i int, p tokRange, dst []seq.Feature) []seq.Feature {
	for off := -2; off <= 2; off++ {
		dst = cueLex(off, d.lexAt(i+off, p), dst)
	}
	dst = d.smallFeatures(cueSmall, i, p, d.cueTableFeatures(i, p, dst))
	for _, ctx := range d.pairContexts(i, p, nil) {
		dst = append(dst, pairFeature(d.attrs[i], ctx))
	}
	return dst
}

// cueContext is what the role labeller knows of one cue: its tokens, its
// head word, and per token of the paragraph what lies between that token
// and the cue.
type cueContext struct {
	c0, c1  int    // the cue's tokens [c0, c1)
	head    string // stem of the cue's main word
	reg     []int8 // per paragraph token: its quotation's relation to the cue (see regionRelation)
	sents   []int8 // sentence ends between the token and the cue, at most 3
	commas  []int8 // commas between, at most 4
	otherQ  []bool // another cue lies between
	prevTok string // the word before the cue
	nextTok string // the word after it
}

// newCueContext returns the context of the cue at tokens [c0, c1) of
// paragraph p among cues. It lives in d's storage: it is valid until the
// next call.
func (d *doc) newCueContext(c0, c1 int, p tokRange, cues []tokRange) *cueContext {
	c := &d.ctx
	c.c0, c.c1, c.head = c0, c1, ""
	for k := c1 - 1; k >= c0; k-- {
		if !cueHeadSkip[d.attrs[k].low] || k == c0 {
			c.head = d.attrs[k].stem
			break
		}
	}
	c.prevTok, c.nextTok = d.lexAt(c0-1, p).low, d.lexAt(c1, p).low
	n := p.to - p.from
	c.reg, c.sents, c.commas, c.otherQ = resize(c.reg, n), resize(c.sents, n), resize(c.commas, n), resize(c.otherQ, n)
	clear(c.sents)
	clear(c.commas)
	clear(c.otherQ)
	d.other = resize(d.other, n)
	other := d.other
	clear(other)
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
		if d.attrs[k].low == "," {
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
		if d.attrs[k].low == "," {
			cm = min(cm+1, 4)
		}
		oq = oq || other[k-p.from]
	}
	for k := p.from; k < p.to; k++ {
		c.reg[k-p.from] = d.regionRelation(k, c0, c1, p)
	}
	return c
}

// rolePos is where a token stands from its cue: side, distance bucket and
// the small counts the role labeller's table features read.
type rolePos struct {
	dir, db                           int
	reg, sents, commas, prevClose, qc int
	other, sentEnd, inCue             bool
}

func (d *doc) rolePos(c *cueContext, i int, p tokRange) rolePos {
	var r rolePos
	dist := 0
	switch {
	case i < c.c0:
		r.dir, dist = dirBefore, c.c0-i
	case i >= c.c1:
		r.dir, dist = dirAfter, i-c.c1+1
	default:
		r.inCue = true
		return r
	}
	k := i - p.from
	r.db = distBucket(dist)
	r.reg, r.sents, r.commas = int(c.reg[k]), int(c.sents[k]), int(c.commas[k])
	r.qc = d.quoteClass(i)
	r.other, r.sentEnd = c.otherQ[k], d.sent[i]
	r.prevClose = -1
	if i > p.from && d.toks[i-1].kind == tQuote && d.toks[i-1].q&qClose != 0 {
		r.prevClose = int(c.reg[k-1])
	}
	return r
}

// roleTableFeatures appends the role features of a position that take few
// values, and cueFeaturesAt those that depend on the cue's words.
func roleTableFeatures(r rolePos, dst []seq.Feature) []seq.Feature {
	if r.inCue {
		return append(dst, rInCue)
	}
	dir := r.dir
	dst = append(dst, rBias.WithInt(dir), rDist.WithInt(dir).WithInt(r.db), rReg.WithInt(dir).WithInt(r.reg),
		rSents.WithInt(dir).WithInt(r.sents), rCommas.WithInt(dir).WithInt(r.commas), rMark.WithInt(dir).WithInt(r.qc))
	if r.other {
		dst = append(dst, rOther.WithInt(dir))
	}
	if r.sentEnd {
		dst = append(dst, rSentE.WithInt(dir))
	}
	if r.prevClose >= 0 {
		dst = append(dst, rPrevCl.WithInt(dir).WithInt(r.prevClose))
	}
	return dst
}

// roleCueFeatures appends the features of a position that depend on the
// cue's words: the same for every position on one side at one distance.
func roleCueFeatures(c *cueContext, dir, db int, dst []seq.Feature) []seq.Feature {
	return append(dst, rCue.WithInt(dir).With(c.head), rCueD.WithInt(dir).With(c.head).WithInt(db),
		rCuePrv.WithInt(dir).With(c.prevTok), rCueNxt.WithInt(dir).With(c.nextTok))
}

// roleHeadFeatures appends the part of roleCueFeatures that depends on the
// cue's head alone.
func roleHeadFeatures(head string, dir, db int, dst []seq.Feature) []seq.Feature {
	return append(dst, rCue.WithInt(dir).With(head), rCueD.WithInt(dir).With(head).WithInt(db))
}

// roleFeatures appends every feature of paragraph token i for the role
// labeller of cue c (for training).
func (d *doc) roleFeatures(c *cueContext, i int, p tokRange, dst []seq.Feature) []seq.Feature {
	r := d.rolePos(c, i, p)
	dst = roleTableFeatures(r, dst)
	if r.inCue {
		return dst
	}
	for off := -1; off <= 1; off++ {
		dst = roleLex(r.dir, off, d.lexAt(i+off, p), dst)
	}
	dst = d.roleSmallFeatures(r, i, p, dst)
	dst = roleCueFeatures(c, r.dir, r.db, dst)
	return dst
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

// cueHeadSkip are words of a cue that are not its head.
var cueHeadSkip = map[string]bool{
	"to": true, "for": true, "on": true, "of": true, "about": true, "that": true, "with": true, "in": true,
	"at": true, "by": true, "as": true, "up": true, "out": true, "not": true, "also": true, "has": true,
	"have": true, "had": true, "is": true, "was": true, "be": true, "been": true, "will": true, "would": true,
	"did": true, "does": true, "do": true, "n't": true, "said": false, ",": true, ":": true,
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
func (d *doc) outerRegion(r int32) int32 { return d.outerOf[r] }

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
