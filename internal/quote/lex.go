package quote

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/dateline-news/dateline/internal/seq"
)

// lexAttrs are what the features read of a token by itself.
type lexAttrs struct {
	low   string // normalized form (see norm)
	stem  string // Snowball stem of low (low itself for marks and short words)
	shape string // character classes (see shape)
	tag   string // part of speech guessed from the look (see suffixClass)
	suf3  string // last three bytes of low, "" when it is shorter than four
	cls   wordClasses
	prior uint8 // bucket of how often the stem is a cue (see priorBucket)
	fcls  uint8 // function class (see functionClass)
}

// The attributes of the positions before and after a paragraph.
var (
	beforePara = lexAttrs{low: "<p>", stem: "<p>", shape: "<p>", tag: "<p>", cls: wordClasses{0xFFFE, 0xFFFE, 0xFFFE, 0xFFFE}}
	afterPara  = lexAttrs{low: "</p>", stem: "</p>", shape: "</p>", tag: "</p>", cls: wordClasses{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}}
)

// attrsOf computes the attributes of a token of kind k written surface.
func (m *Model) attrsOf(k tokKind, surface, low string) lexAttrs {
	a := lexAttrs{low: low, stem: low, shape: shape(surface), tag: suffixClass(k, surface, low), cls: m.classesOf(low)}
	if k == tWord && utf8.RuneCountInString(low) > 2 {
		a.stem = english.Stem(low, false)
	}
	if len(low) > 3 {
		a.suf3 = low[len(low)-3:]
	}
	a.prior, a.fcls = m.priors[a.stem], functionClass(low, a.tag)
	return a
}

// shape maps a word to its character classes with runs collapsed:
// "Clinton" → "Xx", "U.S." → "X.X.", "2016" → "d", "’s" → "'x".
func shape(s string) string {
	var buf [8]byte
	b := buf[:0]
	var last byte
	for _, c := range s {
		var k byte
		switch {
		case c < utf8.RuneSelf && 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(c):
			k = 'X'
		case c < utf8.RuneSelf && 'a' <= c && c <= 'z' || c >= utf8.RuneSelf && unicode.IsLetter(c):
			k = 'x'
		case '0' <= c && c <= '9' || c >= utf8.RuneSelf && unicode.IsDigit(c):
			k = 'd'
		case c == '’' || c == '\'':
			k = '\''
		case c < utf8.RuneSelf:
			k = byte(c)
		default:
			k = '*'
		}
		if k != last {
			b = append(b, k)
			last = k
		}
		if len(b) == cap(b) {
			break
		}
	}
	return string(b)
}

// suffixClass guesses a word's part of speech from its look: a number, a
// capitalized word, or its inflectional ending; a mark stands for itself.
func suffixClass(k tokKind, s, low string) string {
	if k != tWord {
		return low
	}
	switch {
	case isDigitByte(s[0]):
		return "CD"
	case startsUpper(s):
		return "NP?"
	case strings.HasSuffix(low, "ing"):
		return "VG?"
	case strings.HasSuffix(low, "ed"):
		return "VD|VN?"
	case strings.HasSuffix(low, "ly"):
		return "R?"
	case strings.HasSuffix(low, "s"):
		return "N|VZ?"
	}
	return "N?"
}

// Lexical feature templates: a token's features by itself, at an offset
// from the position labelled.
var (
	fBias  = seq.Hash("bias")
	fW     = [5]seq.Feature{seq.Hash("w-2"), seq.Hash("w-1"), seq.Hash("w"), seq.Hash("w+1"), seq.Hash("w+2")}
	fT     = [5]seq.Feature{seq.Hash("t-2"), seq.Hash("t-1"), seq.Hash("t"), seq.Hash("t+1"), seq.Hash("t+2")}
	fStem  = [3]seq.Feature{seq.Hash("stem-1"), seq.Hash("stem"), seq.Hash("stem+1")}
	fShape = [3]seq.Feature{seq.Hash("shape-1"), seq.Hash("shape"), seq.Hash("shape+1")}
	fK1    = [3]seq.Feature{seq.Hash("k1-1"), seq.Hash("k1"), seq.Hash("k1+1")}
	fK     = [classLevels]seq.Feature{seq.Hash("k0"), 0, seq.Hash("k2"), seq.Hash("k3")}
	fSuf3  = seq.Hash("suf3")

	rW     = [3]seq.Feature{seq.Hash("r:w-1"), seq.Hash("r:w"), seq.Hash("r:w+1")}
	rT     = [3]seq.Feature{seq.Hash("r:t-1"), seq.Hash("r:t"), seq.Hash("r:t+1")}
	rK1    = [3]seq.Feature{seq.Hash("r:k1-1"), seq.Hash("r:k1"), seq.Hash("r:k1+1")}
	rStem  = seq.Hash("r:stem")
	rShape = seq.Hash("r:shape")
	rK2    = seq.Hash("r:k2")
)

// cueOffsets are the offsets whose lexical features the cue labeller reads.
const cueOffsets = 5

// cueLex appends the lexical features of a token at offset off (-2..2)
// for the cue labeller.
func cueLex(off int, a *lexAttrs, dst []seq.Feature) []seq.Feature {
	dst = append(dst, fW[off+2].With(a.low), fT[off+2].With(a.tag))
	switch off {
	case -1, 1:
		dst = append(dst, fStem[off+1].With(a.stem), fShape[off+1].With(a.shape), fK1[off+1].WithInt(int(a.cls[1])))
	case 0:
		dst = append(dst, fBias, fStem[1].With(a.stem), fShape[1].With(a.shape), fK1[1].WithInt(int(a.cls[1])))
		for l, f := range fK {
			if l != 1 {
				dst = append(dst, f.WithInt(int(a.cls[l])))
			}
		}
		if a.suf3 != "" {
			dst = append(dst, fSuf3.With(a.suf3))
		}
	}
	return dst
}

// Directions of a token from its cue, for the role labeller.
const (
	dirBefore = 0
	dirAfter  = 1
)

// roleLex appends the lexical features of a token at offset off (-1..1)
// for the role labeller, on side dir of the cue.
func roleLex(dir, off int, a *lexAttrs, dst []seq.Feature) []seq.Feature {
	dst = append(dst, rW[off+1].WithInt(dir).With(a.low), rT[off+1].WithInt(dir).With(a.tag), rK1[off+1].WithInt(dir).WithInt(int(a.cls[1])))
	if off == 0 {
		dst = append(dst, rStem.WithInt(dir).With(a.stem), rShape.WithInt(dir).With(a.shape), rK2.WithInt(dir).WithInt(int(a.cls[2])))
	}
	return dst
}

// lexEntry is a token form's attributes and the weights of its lexical
// features, summed per offset: the labellers add these rows instead of
// looking up each feature.
type lexEntry struct {
	form formKey // the form, once cached (see formTable)
	a    lexAttrs
	cue  [cueOffsets][cueLabels]float32  // per offset -2..2, per cue label
	role [2][3][roleLabels]float32       // per direction, offset -1..1, role label
	pair *[numPairCtx][cueLabels]float32 // per word context (see pairFeature); nil when all zero
	prev *[2][roleLabels]float32         // as the word before a cue, per direction (roleCueFeatures); nil when zero
	next *[2][roleLabels]float32         // as the word after a cue
}

// maxCached bounds the forms an extractor remembers, so that hostile text
// of endless distinct words cannot grow memory without bound; forms past
// it are weighed afresh each time.
const maxCached = 1 << 19

// numShards is the number of independently locked parts of the cache.
const numShards = 64

// lexicon computes and caches lexEntries by surface form, for concurrent
// use: a read-mostly table in shards, each behind a read-write lock.
type lexicon struct {
	m      *Model
	before *lexEntry // the positions before and after a paragraph
	after  *lexEntry
	seed   maphash.Seed
	shards [numShards]struct {
		mu    sync.RWMutex
		forms formTable
		heads map[string]*headRows
	}
	cached atomic.Int64
}

func newLexicon(m *Model) *lexicon {
	lx := &lexicon{m: m, seed: maphash.MakeSeed()}
	for i := range lx.shards {
		lx.shards[i].heads = map[string]*headRows{}
	}
	lx.before, lx.after = lx.compute(beforePara), lx.compute(afterPara)
	return lx
}

func shardOf(s string) int {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return int(h % numShards)
}

// entry returns the entry of a token.
func (lx *lexicon) entry(t tok, surface string) *lexEntry {
	h := maphash.String(lx.seed, surface)
	sh := &lx.shards[h%numShards]
	sh.mu.RLock()
	e := sh.forms.get(h, surface)
	sh.mu.RUnlock()
	if e != nil {
		return e
	}
	e = lx.compute(lx.m.attrsOf(t.kind, surface, norm(t, surface)))
	if lx.cached.Add(1) <= maxCached {
		e.form = newFormKey(surface)
		sh.mu.Lock()
		sh.forms.put(h, surface, e)
		sh.mu.Unlock()
	}
	return e
}

// formKey is a form kept inside its entry: most forms are short enough to
// be held inline, so that checking a hit reads the entry it returns (read
// next in any case), not also a string stored elsewhere.
type formKey struct {
	n    uint8
	b    [formInline]byte
	long string // a form longer than formInline
}

// formInline is the longest form a formKey holds inline (a formKey is then
// 40 bytes).
const formInline = 23

// newFormKey returns the key of form s, copying s.
func newFormKey(s string) formKey {
	if len(s) > formInline {
		return formKey{long: strings.Clone(s)}
	}
	k := formKey{n: uint8(len(s))}
	copy(k.b[:], s)
	return k
}

// is reports whether k holds s.
func (k *formKey) is(s string) bool {
	if len(s) > formInline {
		return k.long == s
	}
	return int(k.n) == len(s) && string(k.b[:k.n]) == s
}

// formTable maps surface forms to their entries by hash, with open
// addressing: a slot holds the hash beside the entry, which holds its form
// (formKey), so that a probe reads one slot and the entry it returns,
// where a map of strings read its control word, its key and the key's
// bytes (the look-up of every token, and over a large corpus mostly cache
// misses).
type formTable struct {
	slots []formSlot // nil e: empty
	n     int
}

// formSlot is one slot of a formTable: an entry and its form's hash.
type formSlot struct {
	hash uint64
	e    *lexEntry
}

// get returns the entry of surface, whose hash is h, or nil.
func (t *formTable) get(h uint64, surface string) *lexEntry {
	if t.slots == nil {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := (h / numShards) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.e == nil {
			return nil
		}
		if sl.hash == h && sl.e.form.is(surface) {
			return sl.e
		}
	}
}

// put adds entry e (of form surface, hash h) unless the form has one (two
// goroutines computed it at once), growing the table to keep it at most
// half full.
func (t *formTable) put(h uint64, surface string, e *lexEntry) {
	if t.get(h, surface) != nil {
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]formSlot, max(64, 2*len(old))), 0
		for _, sl := range old {
			if sl.e != nil {
				t.insert(sl)
			}
		}
	}
	t.insert(formSlot{h, e})
}

func (t *formTable) insert(sl formSlot) {
	mask := uint64(len(t.slots) - 1)
	i := (sl.hash / numShards) & mask
	for t.slots[i].e != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = sl
	t.n++
}

// compute weighs an entry's lexical features.
func (lx *lexicon) compute(a lexAttrs) *lexEntry {
	e := &lexEntry{a: a}
	var fs []seq.Feature
	for off := -2; off <= 2; off++ {
		fs = cueLex(off, &a, fs[:0])
		lx.m.cue.AddScores(e.cue[off+2][:], fs)
	}
	for dir := range 2 {
		for off := -1; off <= 1; off++ {
			fs = roleLex(dir, off, &a, fs[:0])
			lx.m.role.AddScores(e.role[dir][off+1][:], fs)
		}
	}
	var pair [numPairCtx][cueLabels]float32
	if weighAll(lx.m.cue, numPairCtx, func(k int) []float32 { return pair[k][:] }, func(ctx int) seq.Feature { return pairFeature(&a, ctx) }) {
		e.pair = &pair
	}
	var prev, next [2][roleLabels]float32
	if weighAll(lx.m.role, 2, func(k int) []float32 { return prev[k][:] }, func(dir int) seq.Feature { return rCuePrv.WithInt(dir).With(a.low) }) {
		e.prev = &prev
	}
	if weighAll(lx.m.role, 2, func(k int) []float32 { return next[k][:] }, func(dir int) seq.Feature { return rCueNxt.WithInt(dir).With(a.low) }) {
		e.next = &next
	}
	return e
}

// weighAll adds to row(k), for k < n, the weight of feature f(k) and
// reports whether any is not zero.
func weighAll(m *seq.Model, n int, row func(int) []float32, f func(int) seq.Feature) bool {
	any := false
	for k := range n {
		fs := [1]seq.Feature{f(k)}
		if !m.Known(fs[0]) {
			continue
		}
		r := row(k)
		m.AddScores(r, fs[:])
		for _, v := range r {
			any = any || v != 0
		}
	}
	return any
}

// headRows are the weights of roleHeadFeatures of one cue head, per
// direction and distance.
type headRows [2][numDist][roleLabels]float32

// head returns the rows of a cue head, computed on first use.
func (lx *lexicon) head(stem string) *headRows {
	sh := &lx.shards[shardOf(stem)]
	sh.mu.RLock()
	h, ok := sh.heads[stem]
	sh.mu.RUnlock()
	if ok {
		return h
	}
	h = new(headRows)
	var fs []seq.Feature
	for dir := range 2 {
		for db := range numDist {
			fs = roleHeadFeatures(stem, dir, db, fs[:0])
			lx.m.role.AddScores(h[dir][db][:], fs)
		}
	}
	if lx.cached.Add(1) <= maxCached {
		sh.mu.Lock()
		sh.heads[strings.Clone(stem)] = h
		sh.mu.Unlock()
	}
	return h
}
