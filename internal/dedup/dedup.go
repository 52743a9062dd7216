package dedup

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/text"
)

// NumHashes is the length of a signature: the estimate of Jaccard
// similarity it gives has a standard error of at most 1/(2·√128) ≈ 0.044.
const NumHashes = 128

// shingleWords is the length of the word shingles compared.
const shingleWords = 5

// bands × rows = NumHashes: candidate pairs are those that agree on every
// hash of at least one band, which catches pairs of Jaccard similarity
// 0.5 with probability 1-(1-0.5⁴)³² ≈ 0.87 and 0.7 with 0.9999.
const (
	bands = 32
	rows  = NumHashes / bands
)

// Signature is what dedup keeps of an article: the MinHash of its word
// shingles and the wire service its text credits, if any. It is computed
// from the text alone (Sign), so annotate workers can compute it, and it
// serializes to a fixed size (MarshalBinary) for a store to keep.
type Signature struct {
	Min  [NumHashes]uint32
	Wire string // canonical agency name (see wires), or ""
	Len  int    // number of shingles; 0 for a text too short to compare
}

// Sign computes the signature of an article's text: for each of its
// shingles (shingleWords lower-cased words in a row), the FNV-1a hash of
// its words, each followed by a zero byte, gives NumHashes hash values
// (Kirsch–Mitzenmacher: h1 + k·h2), and each of Min keeps its smallest.
func Sign(s string) Signature {
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	sig.Wire = Wire(s)
	ws := text.Words(s)
	for i := range ws {
		ws[i] = strings.ToLower(ws[i])
	}
	for i := 0; i+shingleWords <= len(ws); i++ {
		x := uint64(fnvOffset)
		for _, w := range ws[i : i+shingleWords] {
			for j := 0; j < len(w); j++ {
				x = (x ^ uint64(w[j])) * fnvPrime
			}
			x *= fnvPrime // the zero byte after each word
		}
		h1, h2 := uint32(x), uint32(x>>32)|1
		v := h1
		for k := range sig.Min {
			if v < sig.Min[k] {
				sig.Min[k] = v
			}
			v += h2
		}
		sig.Len++
	}
	return sig
}

// The FNV-1a 64-bit parameters (hash/fnv), inlined in Sign's loop.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Similarity estimates the Jaccard similarity of the shingle sets of two
// signed texts: the share of hash functions on which they agree.
func Similarity(a, b Signature) float64 {
	if a.Len == 0 || b.Len == 0 {
		return 0
	}
	same := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// MarshalBinary encodes the signature in a fixed layout: the hashes, the
// shingle count, then the wire name.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 4*NumHashes+4+len(s.Wire))
	for _, m := range s.Min {
		b = binary.LittleEndian.AppendUint32(b, m)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(s.Len))
	return append(b, s.Wire...), nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) < 4*NumHashes+4 {
		return errors.New("dedup: signature too short")
	}
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	s.Len = int(binary.LittleEndian.Uint32(b[4*NumHashes:]))
	s.Wire = string(b[4*NumHashes+4:])
	return nil
}

// Options say when two articles are one story.
type Options struct {
	Threshold     float64 // estimated Jaccard similarity from which two articles are one story
	WireThreshold float64 // the threshold when both credit the same wire service
	MaxDays       int     // copies and updates are published within this many days of each other
}

// DefaultOptions join copies (similarity near 1) and updated versions that
// keep most of their wording. Credited to the same agency, half as much
// shared wording suffices: an updated wire story is rewritten from the top
// but keeps the agency's paragraphs. Articles credited to different
// agencies never join.
var DefaultOptions = Options{Threshold: 0.5, WireThreshold: 0.3, MaxDays: 2}

// Index clusters signed articles as they are added: an article joins the
// cluster of every earlier article it is one story with (single linkage).
// Rebuild it from stored signatures by adding them again, in any order:
// the clusters do not depend on the order.
type Index struct {
	opts   Options
	sigs   []Signature
	days   []int32
	forest Forest
	bands  map[uint64][]int // band key (see Bands) → articles
}

// NewIndex returns an empty index; zero options take DefaultOptions.
func NewIndex(opts Options) *Index {
	if opts == (Options{}) {
		opts = DefaultOptions
	}
	return &Index{opts: opts, bands: map[uint64][]int{}}
}

// Add puts a signed article published on the given day into the index and
// returns its number (0, 1, ... in the order added).
func (ix *Index) Add(published time.Time, s Signature) int {
	n := len(ix.sigs)
	ix.sigs = append(ix.sigs, s)
	ix.days = append(ix.days, Day(published))
	ix.forest.Add()
	seen := map[int]bool{}
	for _, key := range s.Bands() {
		for _, m := range ix.bands[key] {
			if !seen[m] {
				seen[m] = true
				if ix.opts.SameStory(ix.sigs[m], ix.days[m], s, ix.days[n]) {
					ix.forest.Union(m, n)
				}
			}
		}
		ix.bands[key] = append(ix.bands[key], n)
	}
	return n
}

// Day is the day number an article's publication time counts as when
// stories are compared (days since 1970-01-01, UTC).
func Day(published time.Time) int32 { return int32(published.Unix() / 86400) }

// SameStory reports whether two signed articles, published on days dayA
// and dayB (see Day), are one story: the rule an Index joins articles by,
// for a store that keeps the clusters itself. Zero options are
// DefaultOptions. Only pairs that share a band (see Bands) are ever
// compared.
func (o Options) SameStory(a Signature, dayA int32, b Signature, dayB int32) bool {
	if o == (Options{}) {
		o = DefaultOptions
	}
	if d := dayA - dayB; d > int32(o.MaxDays) || -d > int32(o.MaxDays) {
		return false
	}
	th := o.Threshold
	switch {
	case a.Wire != "" && a.Wire == b.Wire:
		th = o.WireThreshold
	case a.Wire != "" && b.Wire != "":
		return false // two agencies' reports are two stories
	}
	return Similarity(a, b) >= th
}

// Bands returns the keys of the signature's bands: two articles are
// compared (SameStory) only when they share one. A text too short to
// compare has none. Each key is the band's number and the hash of its
// rows in one value, so a store can index them as one column.
func (s Signature) Bands() []uint64 {
	if s.Len == 0 {
		return nil
	}
	out := make([]uint64, bands)
	for b := range out {
		out[b] = bandHash(uint32(b), s.Min[b*rows:(b+1)*rows])
	}
	return out
}

// bandHash is the FNV-1a hash of a band's number and rows.
func bandHash(band uint32, rs []uint32) uint64 {
	h := (uint64(14695981039346656037) ^ uint64(band)) * 1099511628211
	for _, r := range rs {
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// Forest is a union-find forest over the nodes 0, 1, ... (in the order
// added) whose trees are named by their smallest node, so that a cluster
// is named by its first-added member whatever the order of joins: the
// clustering of Index, and of a store that keeps the clusters itself. The
// zero Forest is empty.
type Forest struct{ parent []int }

// NewForest returns a forest of n nodes, each alone.
func NewForest(n int) *Forest {
	f := &Forest{}
	for range n {
		f.Add()
	}
	return f
}

// Add adds a node, alone, and returns it.
func (f *Forest) Add() int {
	f.parent = append(f.parent, len(f.parent))
	return len(f.parent) - 1
}

// Len is the number of nodes.
func (f *Forest) Len() int { return len(f.parent) }

// Find returns the name of node i's tree: its smallest node.
func (f *Forest) Find(i int) int {
	for f.parent[i] != i {
		f.parent[i] = f.parent[f.parent[i]]
		i = f.parent[i]
	}
	return i
}

// Union joins the trees of nodes i and j.
func (f *Forest) Union(i, j int) {
	ri, rj := f.Find(i), f.Find(j)
	if ri == rj {
		return
	}
	if rj < ri {
		ri, rj = rj, ri
	}
	f.parent[rj] = ri
}

// Cluster returns the cluster of article n: the number of its first-added
// member.
func (ix *Index) Cluster(n int) int { return ix.forest.Find(n) }

// Len is the number of articles added.
func (ix *Index) Len() int { return len(ix.sigs) }

// Clusters returns the clusters of two or more articles, each as its
// members' numbers in the order added, clusters in the order of their
// first member.
func (ix *Index) Clusters() [][]int {
	byRoot := map[int][]int{}
	var roots []int
	for n := range ix.sigs {
		r := ix.forest.Find(n)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], n)
	}
	var out [][]int
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			out = append(out, byRoot[r])
		}
	}
	return out
}
