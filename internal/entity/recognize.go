package entity

import (
	"hash/maphash"
	"math"
	"slices"

	"github.com/dateline-news/dateline/internal/seq"
	"github.com/dateline-news/dateline/internal/token"
)

// Recognizer finds the named entities of texts with a Model. It is safe
// for concurrent use: each call borrows a state (token buffers, a lattice,
// and the cache of word scores) from a free list.
type Recognizer struct {
	m    *Model
	free chan *state
}

// NewRecognizer returns a recognizer that uses m.
func NewRecognizer(m *Model) *Recognizer {
	return &Recognizer{m: m, free: make(chan *state, 64)}
}

// wordScores is what one word form adds to the score of each label at each
// offset of the window (the summed weights of its features there), with
// what conjunctions and document features need of it.
type wordScores struct {
	at     [offsets][numLabels]float32
	lower  seq.Feature
	shape  seq.Feature
	casing uint8
	cap    bool    // has an upper-case letter
	key    *keyRef // its docKey's number in the current document; nil for none
	// opener: a function word capitalized as the first word of a sentence
	// is ("The", "But"): see markLive.
	opener bool
	// glue: a number, bracket, period or possessive, which can be part of
	// a name next to a capitalized word.
	glue bool
}

// keyRef numbers a docKey within the document being labelled, shared by
// the word forms that have that key ("Rotor", "ROTOR"): gen says which
// document the number is for.
type keyRef struct {
	gen uint32
	id  int32
}

// keyID returns the number of a word's docKey in the current document
// (numbering it if new), or -1.
func (s *state) keyID(ws *wordScores) int32 {
	r := ws.key
	if r == nil {
		return -1
	}
	if r.gen != s.gen {
		r.gen, r.id = s.gen, s.votes.newID()
	}
	return r.id
}

// maxCached bounds the word forms a state remembers.
const maxCached = 1 << 18

// state is the scratch space of one Recognize call.
type state struct {
	m      *Model
	fz     *featurizer
	cache  wordCache
	pad    [2]*wordScores
	tk     *token.Text // the text being labelled: own, or the caller's
	own    token.Text
	docs   []int
	lat    seq.Lattice
	words  []*wordScores // of the current document's tokens
	rows   []float32     // first-pass scores of the current document's tokens
	live   []bool
	paths  []int // first-pass labels of the document's tokens
	class  []int
	spans  []seq.Span
	path   []int
	t0     int   // index in tk.Toks of the current document's first token
	seqOf  []int // the document sequence of each document token
	votes  *votes
	names  nameCache
	keys   map[string]*keyRef // docKey → its number, for words being cached
	gen    uint32             // documents labelled so far
	mbytes [][2]int           // byte offsets of the document's mentions
	found  []tokenMention     // the document's mentions, by token
	gaz    gazFeatures
	lowers []seq.Feature
	caps   []bool
	feats  []seq.Feature
	labels int
}

func (r *Recognizer) get() *state {
	select {
	case s := <-r.free:
		return s
	default:
	}
	s := &state{m: r.m, fz: &featurizer{classes: r.m.classes, casing: r.m.casing}, labels: r.m.labels.NumLabels(), votes: newVotes(), keys: map[string]*keyRef{}, names: nameCache{}}
	s.cache.seed = maphash.MakeSeed()
	for md := range s.pad {
		s.pad[md] = s.scores(padding, mode(md))
	}
	return s
}

func (r *Recognizer) put(s *state) {
	select {
	case r.free <- s:
	default:
	}
}

// word returns the scores of a word form in a mode, from the cache.
func (s *state) word(w string, md mode) *wordScores {
	h := s.cache.hash(w, md)
	if ws := s.cache.get(h); ws != nil {
		return ws
	}
	ws := s.scores(w, md)
	if s.cache.n+1 >= maxCached {
		clear(s.keys) // the cache starts afresh: so does the key table
	}
	s.cache.put(h, ws)
	return ws
}

func (s *state) scores(w string, md mode) *wordScores {
	wi := s.fz.compute(w, md)
	ws := &wordScores{lower: wi.lower, shape: wi.shape, casing: wi.casing, cap: wi.cap, opener: isOpener(w), glue: isGlue(w)}
	if k := docKey(w); k != "" {
		ws.key = s.keys[k]
		if ws.key == nil {
			ws.key = &keyRef{}
			s.keys[k] = ws.key
		}
	}
	for k := range ws.at {
		s.m.labels.AddScores(ws.at[k][:], wi.feats[k])
	}
	return ws
}

// wordCache maps word forms (with their mode) to their scores by a seeded
// 64-bit hash, with open addressing. Two forms are taken to be the same
// when their hashes are: with a random seed, the chance that two of a
// million forms collide is about 3 in 10^8. It holds at most maxCached
// forms and starts afresh when full.
type wordCache struct {
	seed  maphash.Seed
	slots []cacheSlot
	n     int
}

type cacheSlot struct {
	hash uint64 // 0: empty
	ws   *wordScores
}

func (c *wordCache) hash(w string, md mode) uint64 {
	h := maphash.String(c.seed, w)
	if md != mixedCase {
		h = h*0x9E3779B97F4A7C15 + uint64(md)
	}
	return max(h, 1)
}

func (c *wordCache) get(h uint64) *wordScores {
	if c.slots == nil {
		return nil
	}
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch c.slots[i].hash {
		case h:
			return c.slots[i].ws
		case 0:
			return nil
		}
	}
}

func (c *wordCache) put(h uint64, ws *wordScores) {
	if c.n >= maxCached {
		clear(c.slots)
		c.n = 0
	}
	if 2*(c.n+1) > len(c.slots) {
		old := c.slots
		c.slots = make([]cacheSlot, max(1024, 2*len(old)))
		c.n = 0
		for _, sl := range old {
			if sl.hash != 0 {
				c.insert(sl)
			}
		}
	}
	c.insert(cacheSlot{h, ws})
}

func (c *wordCache) insert(sl cacheSlot) {
	mask := uint64(len(c.slots) - 1)
	i := sl.hash & mask
	for c.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = sl
	c.n++
}

// Recognize returns the mentions of named entities in s, in order, with
// rune offsets into s.
func (r *Recognizer) Recognize(s string) []Mention {
	st := r.get()
	defer r.put(st)
	st.own.Split(s)
	ms, _ := st.recognize(s, &st.own)
	return ms
}

// RecognizeTokens is Recognize on tt, the tokens of s that tt.Split(s)
// gave: a caller that extracts quotes too splits the text once for both
// (internal/quote reads the same tokens). tt is only read.
func (r *Recognizer) RecognizeTokens(s string, tt *token.Text) []Mention {
	st := r.get()
	defer r.put(st)
	ms, _ := st.recognize(s, tt)
	return ms
}

// RecognizeNames is RecognizeTokens returning the Names of s: its mentions
// (Names.Mentions) with what the recognizer worked out to name them, which
// a caller resolving titles would otherwise work out again (NewNames).
func (r *Recognizer) RecognizeNames(s string, tt *token.Text) *Names {
	st := r.get()
	defer r.put(st)
	ms, n := st.recognize(s, tt)
	if n == nil { // several documents, each named apart: name them as one text
		return NewNames(s, ms)
	}
	n.bytes = slices.Clone(n.bytes) // st.mbytes, which the next call reuses
	return n
}

// recognize returns the mentions of s, and the Names of its one document
// (nil when tt holds several). The Names' byte offsets are st.mbytes.
func (st *state) recognize(s string, tt *token.Text) ([]Mention, *Names) {
	st.tk = tt
	defer func() { st.tk = nil }()
	if len(tt.Seqs) == 0 {
		return nil, nil
	}
	var out []Mention
	docs := append(append(st.docs[:0], 0), tt.Docs...)
	if len(tt.Docs) > 0 && tt.Docs[0] == 0 {
		docs = docs[1:]
	}
	docs = append(docs, len(tt.Seqs))
	st.docs = docs
	var names *Names
	for d := 0; d+1 < len(docs); d++ {
		from := len(out)
		st.mbytes = st.mbytes[:0]
		out = st.document(out, s, docs[d], docs[d+1])
		names = newNames(s, out[from:], st.mbytes, st.names)
		copy(out[from:], names.Mentions())
	}
	if len(docs) > 2 {
		names = nil
	}
	return out, names
}

// document labels the sequences [from, to) of one document in two passes
// (see document.go) and appends their mentions to out.
func (s *state) document(out []Mention, text string, from, to int) []Mention {
	if from == to {
		return out
	}
	t0, _ := s.tk.Seq(from)
	_, t1 := s.tk.Seq(to - 1)
	s.t0 = t0
	n, L := t1-t0, s.labels
	s.words = s.words[:0]
	for k := from; k < to; k++ {
		a, b := s.tk.Seq(k)
		md := sequenceMode(s.tk.Toks[a:b])
		for _, t := range s.tk.Toks[a:b] {
			s.words = append(s.words, s.word(t.Norm, md))
		}
		s.words = append(s.words, s.pad[md]) // the sequence's padding, read by firstPass
	}
	s.rows = grow(s.rows, n*L)
	s.live = growBool(s.live, n)
	s.paths = growInt(s.paths, n)
	s.class = growInt(s.class, n)
	s.seqOf = growInt(s.seqOf, n)
	s.votes.reset()
	s.gen++
	s.found = s.found[:0]
	for k := from; k < to; k++ {
		a, b := s.tk.Seq(k)
		s.firstPass(a-t0, b-t0, k-from)
		s.spans = s.m.scheme.Decode(s.paths[a-t0:b-t0], s.spans)
		classOf(s.class[a-t0:a-t0], b-a, s.spans)
	}
	vote := func(k int, sign int32) {
		a, b := s.tk.Seq(k)
		for i := a - t0; i < b-t0; i++ {
			s.votes.addID(s.keyID(s.wordAt(i)), s.class[i], sign)
		}
	}
	for k := from; k < min(to, from+docWindow+1); k++ {
		vote(k, 1)
	}
	for k := from; k < to; k++ {
		a, b := s.tk.Seq(k)
		s.secondPass(a-t0, b-t0)
		if k-docWindow >= from {
			vote(k-docWindow, -1)
		}
		if k+docWindow+1 < to {
			vote(k+docWindow+1, 1)
		}
		s.spans = s.m.scheme.Decode(s.paths[a-t0:b-t0], s.spans)
		for _, sp := range s.spans {
			s.found = append(s.found, tokenMention{a + sp.Start, a + sp.End, types[sp.Type]})
		}
	}
	s.addAcronyms(t0, t1)
	for _, f := range s.found {
		first, last := s.tk.Toks[f.from], s.tk.Toks[f.to-1]
		txt := text[first.Byte:last.ByteEnd()]
		out = append(out, Mention{Start: first.Start, End: last.End, Text: txt, Type: f.typ, Name: txt})
		s.mbytes = append(s.mbytes, [2]int{first.Byte, last.ByteEnd()})
	}
	return out
}

// wordAt returns the scores of document token i: s.words holds each
// sequence's tokens then its padding, so token i of the document sits
// after the paddings of the sequences before it.
func (s *state) wordAt(i int) *wordScores { return s.words[i+s.seqOf[i]] }

// firstPass scores and labels the document tokens [a, b), sequence k of
// the document, without document features. Only tokens that can be part
// of a name are scored (see markLive); the others are labelled O.
func (s *state) firstPass(a, b, k int) {
	L := s.labels
	n := b - a
	words := s.words[a+k : b+k+1] // the tokens, then the padding
	pad := words[n]
	live := s.live[a:b]
	s.markLive(live, words[:n], a)
	if s.m.gaz != nil {
		s.lowers, s.caps = s.lowers[:0], s.caps[:0]
		for _, w := range words[:n] {
			s.lowers = append(s.lowers, w.lower)
			s.caps = append(s.caps, w.cap)
		}
		s.gaz = s.m.gaz.match(s.gaz, s.lowers, s.caps)
	}
	for i := 0; i < n; i++ {
		s.seqOf[a+i] = k
		if !live[i] {
			continue
		}
		row := s.rows[(a+i)*L : (a+i+1)*L]
		copy(row, words[i].at[window][:])
		for d := 1; d <= window; d++ {
			prev, next := pad, pad
			if i-d >= 0 {
				prev = words[i-d]
			}
			if i+d < n {
				next = words[i+d]
			}
			addTo(row, &prev.at[window-d])
			addTo(row, &next.at[window+d])
		}
		prev, next := pad, pad
		if i > 0 {
			prev = words[i-1]
		}
		if i+1 < n {
			next = words[i+1]
		}
		cur := words[i]
		s.feats = appendConjunctions(s.feats[:0], [3]seq.Feature{prev.shape, cur.shape, next.shape}, [3]seq.Feature{prev.lower, cur.lower, next.lower}, i == 0, cur.casing)
		if s.m.gaz != nil {
			s.feats = append(s.feats, s.gaz[i]...)
		}
		s.m.labels.AddScores(row, s.feats)
	}
	dst := s.paths[a:b]
	clear(dst)
	for i := 0; i < n; {
		if !live[i] {
			i++
			continue
		}
		j := i
		for j < n && live[j] {
			j++
		}
		s.decodeRun(a, i, j, n)
		i = j
	}
}

func addTo(dst []float32, src *[numLabels]float32) {
	dst = dst[:numLabels]
	for y, v := range src {
		dst[y] += v
	}
}

// markLive marks the tokens of a sequence worth labelling: those with a
// capital letter (a capitalized function word at a sentence's start, such
// as "The", only before another), the one or two tokens between two of
// them ("Bank of America", "Ministry of the Interior"), and numbers,
// brackets, periods and possessives next to one ("Euro 96", "Boatmen 's").
// Measured on CoNLL-2003 dev: 30% of the tokens, holding all but 34 of
// the 8,603 name tokens.
func (s *state) markLive(live []bool, words []*wordScores, a int) {
	n := len(words)
	capped := func(i int) bool {
		w := words[i]
		if !w.cap {
			return false
		}
		if w.opener && (i == 0 || s.tk.Toks[s.t0+a+i-1].Norm == `"`) {
			return i+1 < n && words[i+1].cap
		}
		return true
	}
	clear(live)
	last := -1 // the last capped token
	for i := range live {
		if !capped(i) {
			continue
		}
		live[i] = true
		if last >= 0 && i-last-1 <= 2 {
			for j := last + 1; j < i; j++ {
				live[j] = true
			}
		}
		for _, j := range [2]int{i - 1, i + 1} {
			if j >= 0 && j < n && !live[j] && words[j].glue {
				live[j] = true
			}
		}
		last = i
	}
}

// decodeRun labels the live tokens [i, j) of the sequence of n tokens that
// starts at document token a, with the dead tokens around them held to O.
func (s *state) decodeRun(a, i, j, n int) {
	L := s.labels
	lo, hi := max(i-1, 0), min(j+1, n)
	s.lat.Reset(s.m.labels, hi-lo)
	for p := lo; p < hi; p++ {
		row := s.lat.Row(p - lo)
		if p >= i && p < j {
			copy(row, s.rows[(a+p)*L:(a+p+1)*L])
			continue
		}
		row[0] = 0
		for y := 1; y < L; y++ {
			row[y] = negInf
		}
	}
	s.path = s.lat.Decode(s.m.labels, s.path)
	copy(s.paths[a+lo:a+hi], s.path)
}

var negInf = float32(math.Inf(-1))

// secondPass adds the document features to the first-pass scores of the
// document tokens [a, b), one sequence, and labels again each run of live
// tokens that has some. (Labelling again only the runs where the first pass
// disagreed with a word's other occurrences saved 7% of the time and cost
// 0.07 of dev F1.)
func (s *state) secondPass(a, b int) {
	L := s.labels
	n := b - a
	live := s.live[a:b]
	for i := 0; i < n; {
		if !live[i] {
			i++
			continue
		}
		j, changed := i, false
		for ; j < n && live[j]; j++ {
			s.feats = s.votes.featuresID(s.feats[:0], s.keyID(s.wordAt(a+j)), s.class[a+j])
			if len(s.feats) > 0 {
				s.m.labels.AddScores(s.rows[(a+j)*L:(a+j+1)*L], s.feats)
				changed = true
			}
		}
		if changed {
			s.decodeRun(a, i, j, n)
		}
		i = j
	}
}
func grow(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

func growBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	return b[:n]
}

func growInt(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}
