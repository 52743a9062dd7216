package cluster

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
)

// Corpus gathers the bigram counts of unlabelled sentences.
type Corpus struct {
	ids    map[string]int32
	words  []string
	counts []int64
	sents  [][]int32
	tokens int64
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{ids: map[string]int32{}} }

// Add adds one sentence.
func (c *Corpus) Add(words []string) {
	s := make([]int32, len(words))
	for i, w := range words {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
			c.counts = append(c.counts, 0)
		}
		c.counts[id]++
		s[i] = id
	}
	c.sents = append(c.sents, s)
	c.tokens += int64(len(words))
}

// Tokens is the number of words added.
func (c *Corpus) Tokens() int64 { return c.tokens }

// Options say how to cluster.
type Options struct {
	Classes    int   // classes of the finest level
	Levels     []int // sizes of the coarser levels, decreasing (optional)
	MinCount   int   // words seen fewer times are not clustered
	MaxWords   int   // at most this many words, the most frequent (0: no limit)
	Iterations int   // at most this many passes over the words per level
	Workers    int   // goroutines that evaluate candidate classes (≥ 1)
	// Log, if set, is told about each pass: level, pass, words moved and
	// the log-likelihood.
	Log func(level, pass, moved int, ll float64)
}

// Clustering is the result: each clustered word's class at every level
// (finest first).
type Clustering struct {
	Words   []string
	Classes [][]uint16 // Classes[level][i] is the class of Words[i]
	Sizes   []int      // number of classes of each level
}

// Lookup returns the classes of word w at every level, finest first.
func (cl *Clustering) Lookup(w string) ([]uint16, bool) {
	i, ok := slices.BinarySearch(cl.Words, w)
	if !ok {
		return nil, false
	}
	out := make([]uint16, len(cl.Classes))
	for l := range cl.Classes {
		out[l] = cl.Classes[l][i]
	}
	return out, true
}

// Cluster clusters the corpus's frequent words, coarsest level first: the
// first level is found by a free exchange among its classes, and each
// finer level splits every class of the level above into equal parts, a
// word moving only among the parts of its class. That keeps the levels
// nested (as a Brown hierarchy is) and makes a pass cost a few candidate
// classes per word rather than all of them. It is deterministic.
func (c *Corpus) Cluster(opt Options) (*Clustering, error) {
	sizes := append(slices.Clone(opt.Levels), opt.Classes) // coarse to fine after reversal
	slices.Reverse(sizes[:len(sizes)-1])
	if err := checkSizes(opt.Classes, opt.Levels); err != nil {
		return nil, err
	}
	opt.Workers = max(opt.Workers, 1)
	opt.Iterations = max(opt.Iterations, 1)
	kept := c.frequent(opt.MinCount, opt.MaxWords)
	if len(kept) <= opt.Classes {
		return nil, fmt.Errorf("cluster: %d words to put in %d classes", len(kept), opt.Classes)
	}
	g := c.graph(kept)
	var levels [][]int32 // coarse to fine
	var cls []int32
	for l, k := range sizes {
		cls = g.exchange(k, cls, opt, len(sizes)-1-l)
		levels = append(levels, slices.Clone(cls))
	}
	slices.Reverse(levels)
	return c.result(kept, levels, opt), nil
}

// checkSizes checks that each level divides the next finer one.
func checkSizes(classes int, levels []int) error {
	if classes < 2 || classes > math.MaxUint16 {
		return fmt.Errorf("cluster: %d classes", classes)
	}
	prev := classes
	for _, n := range levels {
		if n < 2 || n >= prev || prev%n != 0 {
			return fmt.Errorf("cluster: level of %d classes after %d: want a proper divisor", n, prev)
		}
		prev = n
	}
	return nil
}

// frequent returns the ids of the words to cluster, most frequent first
// (ties by word).
func (c *Corpus) frequent(minCount, maxWords int) []int32 {
	var kept []int32
	for id, n := range c.counts {
		if n >= int64(minCount) {
			kept = append(kept, int32(id))
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if c.counts[a] != c.counts[b] {
			return c.counts[a] > c.counts[b]
		}
		return c.words[a] < c.words[b]
	})
	if maxWords > 0 && len(kept) > maxWords {
		kept = kept[:maxWords]
	}
	return kept
}

func (c *Corpus) result(kept []int32, levels [][]int32, opt Options) *Clustering {
	order := make([]int, len(kept))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return c.words[kept[order[i]]] < c.words[kept[order[j]]] })
	out := &Clustering{Sizes: append([]int{opt.Classes}, opt.Levels...)}
	for _, i := range order {
		out.Words = append(out.Words, c.words[kept[i]])
	}
	for _, lv := range levels {
		ids := make([]uint16, len(order))
		for k, i := range order {
			ids[k] = uint16(lv[i])
		}
		out.Classes = append(out.Classes, ids)
	}
	return out
}

// graph holds the items to cluster (words, or the classes of a finer
// level) with their bigram counts. Items [0, n) move; item n stands for
// every rare word and item n+1 for the sentence boundary, each in a class
// of its own that never changes.
type graph struct {
	n      int
	counts []float64 // per item, including the two fixed ones
	right  [][]edge  // right[u]: items v with N(u, v) > 0
	left   [][]edge  // left[v]: items u with N(u, v) > 0
}

type edge struct {
	to int32
	n  float64
}

// graph counts the bigrams of the corpus over the kept words.
func (c *Corpus) graph(kept []int32) *graph {
	n := len(kept)
	item := make([]int32, len(c.words))
	for i := range item {
		item[i] = int32(n) // rare
	}
	for i, id := range kept {
		item[id] = int32(i)
	}
	bound := int32(n + 1)
	pairs := map[[2]int32]float64{}
	counts := make([]float64, n+2)
	for _, s := range c.sents {
		prev := bound
		for _, id := range s {
			it := item[id]
			pairs[[2]int32{prev, it}]++
			counts[it]++
			prev = it
		}
		pairs[[2]int32{prev, bound}]++
		counts[bound]++
	}
	return newGraph(n, counts, pairs)
}

func newGraph(n int, counts []float64, pairs map[[2]int32]float64) *graph {
	g := &graph{n: n, counts: counts, right: make([][]edge, n+2), left: make([][]edge, n+2)}
	keys := make([][2]int32, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	for _, k := range keys {
		v := pairs[k]
		g.right[k[0]] = append(g.right[k[0]], edge{k[1], v})
		g.left[k[1]] = append(g.left[k[1]], edge{k[0], v})
	}
	return g
}

// xlogx is x ln x, 0 at 0; counts are whole numbers, and those below
// len(xlogxTable) are looked up.
func xlogx(x float64) float64 {
	if x < float64(len(xlogxTable)) {
		if i := int(x); float64(i) == x && i >= 0 {
			return xlogxTable[i]
		}
	}
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}

var xlogxTable = func() []float64 {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}()

// state is the class bigram model during the exchange.
type state struct {
	g *graph
	k int // movable classes; class k holds the rare item, k+1 the boundary
	// branch is the number of parts of a parent class: an item of class c
	// may move to the classes [c/branch*branch, c/branch*branch+branch).
	branch int
	cls    []int32   // class of each item
	nn     []float64 // (k+2)×(k+2): nn[c*(k+2)+d] = N(c, d)
	nt     []float64 // transposed: nt[d*(k+2)+c] = N(c, d)
	nc     []float64 // class counts
}

func (s *state) width() int { return s.k + 2 }

// exchange clusters g's movable items into k classes. With parent
// classes (of a coarser level of p classes), class c of the result is part
// c / (k/p) of parent c*p/k, and an item moves only among the parts of its
// parent; without, it moves freely.
func (g *graph) exchange(k int, parent []int32, opt Options, level int) []int32 {
	s := &state{g: g, k: k, cls: make([]int32, g.n+2), branch: k}
	w := s.width()
	if parent == nil {
		for i := 0; i < g.n; i++ {
			s.cls[i] = int32(i % k) // items come most frequent first
		}
	} else {
		p := 0
		for _, c := range parent {
			p = max(p, int(c)+1)
		}
		s.branch = k / max(p, 1)
		seen := make([]int, p)
		for i, c := range parent {
			s.cls[i] = c*int32(s.branch) + int32(seen[c]%s.branch)
			seen[c]++
		}
	}
	s.cls[g.n], s.cls[g.n+1] = int32(k), int32(k+1)
	s.nn, s.nt, s.nc = make([]float64, w*w), make([]float64, w*w), make([]float64, w)
	for u := range g.right {
		s.nc[s.cls[u]] += g.counts[u]
		for _, e := range g.right[u] {
			s.add(s.cls[u], s.cls[e.to], e.n)
		}
	}
	sc := newScratch(w, opt.Workers)
	for pass := 0; pass < opt.Iterations; pass++ {
		moved := 0
		for i := 0; i < g.n; i++ {
			if s.move(int32(i), sc) {
				moved++
			}
		}
		if opt.Log != nil {
			opt.Log(level, pass, moved, s.likelihood())
		}
		if moved == 0 || moved*1000 < g.n {
			break
		}
	}
	return s.cls[:g.n]
}

func (s *state) add(c, d int32, v float64) {
	w := int32(s.width())
	s.nn[c*w+d] += v
	s.nt[d*w+c] += v
}

// likelihood is the class-dependent part of the log-likelihood.
func (s *state) likelihood() float64 {
	ll := 0.0
	for _, v := range s.nn {
		ll += xlogx(v)
	}
	for _, v := range s.nc {
		ll -= 2 * xlogx(v)
	}
	return ll
}

// scratch holds the per-word class counts of the move being considered.
type scratch struct {
	l, r     []float64 // counts of item→class d and class c→item
	lnz, rnz []int32
	gain     []float64
	workers  int
	wg       sync.WaitGroup
}

func newScratch(w, workers int) *scratch {
	return &scratch{l: make([]float64, w), r: make([]float64, w), gain: make([]float64, w), workers: workers}
}

// move takes item i out of its class and puts it in the class that gains
// most; it reports whether the class changed.
func (s *state) move(i int32, sc *scratch) bool {
	g := s.g
	from := s.cls[i]
	// class counts of i's neighbours, excluding i itself
	self := 0.0
	sc.lnz, sc.rnz = sc.lnz[:0], sc.rnz[:0]
	for _, e := range g.right[i] {
		if e.to == i {
			self = e.n
			continue
		}
		d := s.cls[e.to]
		if sc.l[d] == 0 {
			sc.lnz = append(sc.lnz, d)
		}
		sc.l[d] += e.n
	}
	for _, e := range g.left[i] {
		if e.to == i {
			continue
		}
		c := s.cls[e.to]
		if sc.r[c] == 0 {
			sc.rnz = append(sc.rnz, c)
		}
		sc.r[c] += e.n
	}
	ni := g.counts[i]
	s.shift(from, sc, self, ni, -1)
	best := s.best(sc, self, ni, from)
	s.shift(best, sc, self, ni, 1)
	s.cls[i] = best
	for _, d := range sc.lnz {
		sc.l[d] = 0
	}
	for _, c := range sc.rnz {
		sc.r[c] = 0
	}
	return best != from
}

// shift adds (sign 1) or removes (sign −1) an item with neighbour class
// counts sc, self-bigram count self and count ni to or from class b.
func (s *state) shift(b int32, sc *scratch, self, ni, sign float64) {
	for _, d := range sc.lnz {
		s.add(b, d, sign*sc.l[d])
	}
	for _, c := range sc.rnz {
		s.add(c, b, sign*sc.r[c])
	}
	s.add(b, b, sign*self)
	s.nc[b] += sign * ni
}

// best returns the movable class whose gain from taking the item is the
// highest (the lowest class on ties; from wins ties, so that items do not
// wander).
func (s *state) best(sc *scratch, self, ni float64, from int32) int32 {
	first := int(from) / s.branch * s.branch
	end := first + s.branch
	if sc.workers == 1 || s.branch*(len(sc.lnz)+len(sc.rnz)) < 1<<14 {
		s.gains(sc, self, ni, first, end)
	} else {
		step := (s.branch + sc.workers - 1) / sc.workers
		for lo := first; lo < end; lo += step {
			sc.wg.Add(1)
			go func(lo, hi int) {
				defer sc.wg.Done()
				s.gains(sc, self, ni, lo, hi)
			}(lo, min(lo+step, end))
		}
		sc.wg.Wait()
	}
	best, top := from, sc.gain[from]
	for b := first; b < end; b++ {
		if sc.gain[b] > top+1e-9 {
			best, top = int32(b), sc.gain[b]
		}
	}
	return best
}

// gains computes the gain of putting the item in each class of [lo, hi).
func (s *state) gains(sc *scratch, self, ni float64, lo, hi int) {
	w := s.width()
	for b := lo; b < hi; b++ {
		row := s.nn[b*w : (b+1)*w]
		col := s.nt[b*w : (b+1)*w]
		gain := 0.0
		diag := self
		for _, d := range sc.lnz {
			if int(d) == b {
				diag += sc.l[d]
				continue
			}
			x := row[d]
			gain += xlogx(x+sc.l[d]) - xlogx(x)
		}
		for _, c := range sc.rnz {
			if int(c) == b {
				diag += sc.r[c]
				continue
			}
			x := col[c]
			gain += xlogx(x+sc.r[c]) - xlogx(x)
		}
		gain += xlogx(row[b]+diag) - xlogx(row[b])
		gain -= 2 * (xlogx(s.nc[b]+ni) - xlogx(s.nc[b]))
		sc.gain[b] = gain
	}
}
