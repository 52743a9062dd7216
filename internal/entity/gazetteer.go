package entity

import (
	"encoding/binary"
	"fmt"
	"github.com/dateline-news/dateline/internal/token"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/seq"
)

// The gazetteer lists names the recognizer found in unlabelled news text,
// with their types: a model trained without it labels the text, and the
// names it found often enough with one type (see buildGazetteer) become
// entries. A token that starts or continues an entry of the gazetteer gets
// a feature saying so; the final model learns how far to trust them. So
// names the labelled data never saw but the unlabelled text uses often
// ("Kofi Annan", "Homs") come with a prior, and a long name is recognized
// as a whole.

// maxGazetteerWords bounds the words of an entry.
const maxGazetteerWords = 6

// Gazetteer entry bits: one per type, and one for a phrase that begins a
// longer entry.
const gazPrefix = 1 << numTypes

// gazetteer maps the hash of a lower-case phrase (see phraseHash) to its
// bits.
type gazetteer struct {
	phrases []string // the entries, lower case, words separated by spaces
	types   []uint8  // their type bits
	index   map[seq.Feature]uint8
}

var tGazPhrase = seq.Hash("gaz-phrase")

// phraseHash extends the hash of a phrase by one word's lower-case hash.
func phraseHash(h, lower seq.Feature) seq.Feature { return h.Mix(uint64(lower)) }

func newGazetteer(phrases []string, types []uint8) *gazetteer {
	g := &gazetteer{phrases: phrases, types: types, index: make(map[seq.Feature]uint8, 2*len(phrases))}
	for i, p := range phrases {
		h := tGazPhrase
		words := strings.Split(p, " ")
		for j, w := range words {
			h = phraseHash(h, seq.Hash(w))
			if j < len(words)-1 {
				g.index[h] |= gazPrefix
			}
		}
		g.index[h] |= types[i]
	}
	return g
}

// phraseCounts counts the types the recognizer gave each name.
type phraseCounts map[string]*[numTypes]int32

// add counts the mentions found in a text, by the lower-case norms of
// their tokens.
func (pc phraseCounts) add(text string, ms []Mention) {
	var tk token.Text
	tk.Split(text)
	t := 0
	for _, m := range ms {
		for t < len(tk.Toks) && tk.Toks[t].Start < m.Start {
			t++
		}
		var words []string
		for u := t; u < len(tk.Toks) && tk.Toks[u].End <= m.End; u++ {
			words = append(words, strings.ToLower(tk.Toks[u].Norm))
		}
		if len(words) == 0 || len(words) > maxGazetteerWords {
			continue
		}
		k := strings.Join(words, " ")
		c := pc[k]
		if c == nil {
			c = new([numTypes]int32)
			pc[k] = c
		}
		c[typeIndex(m.Type)]++
	}
}

// buildGazetteer keeps the names found at least minCount times with one
// type for at least share of them (several types when a name is split,
// like "Washington": each with at least a third).
func buildGazetteer(pc phraseCounts, minCount int, share float64) *gazetteer {
	keys := make([]string, 0, len(pc))
	for k := range pc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var phrases []string
	var types []uint8
	for _, k := range keys {
		c := pc[k]
		total := int32(0)
		for _, n := range c {
			total += n
		}
		if int(total) < minCount {
			continue
		}
		var bits uint8
		for t, n := range c {
			if float64(n) >= share*float64(total) || (share > 0.5 && 3*n >= total && float64(n) >= float64(minCount)) {
				bits |= 1 << t
			}
		}
		if bits == 0 {
			continue
		}
		phrases = append(phrases, k)
		types = append(types, bits)
	}
	return newGazetteer(phrases, types)
}

// tGaz[t][first] is the feature "in an entry of type t, first word or not".
var tGaz = func() (t [numTypes][2]seq.Feature) {
	for i := range t {
		t[i][0] = seq.Hash("gaz").WithInt(2 * i)
		t[i][1] = seq.Hash("gaz").WithInt(2*i + 1)
	}
	return t
}()

// gazFeatures holds the gazetteer features of each token of a sequence.
type gazFeatures [][]seq.Feature

// match finds, from each token with an upper-case letter, the longest
// entry starting there, and appends the entry's features to each of its
// tokens' lists (reset first; lowers are the tokens' lower-case hashes).
func (g *gazetteer) match(dst gazFeatures, lowers []seq.Feature, caps []bool) gazFeatures {
	for len(dst) < len(lowers) {
		dst = append(dst, nil)
	}
	dst = dst[:len(lowers)]
	for i := range dst {
		dst[i] = dst[i][:0]
	}
	if g == nil || len(g.index) == 0 {
		return dst
	}
	for i := range lowers {
		if !caps[i] {
			continue
		}
		h := tGazPhrase
		end, bits := -1, uint8(0)
		for j := i; j < len(lowers) && j < i+maxGazetteerWords; j++ {
			h = phraseHash(h, lowers[j])
			b, ok := g.index[h]
			if !ok {
				break
			}
			if t := b &^ gazPrefix; t != 0 {
				end, bits = j, t
			}
			if b&gazPrefix == 0 {
				break
			}
		}
		for j := i; j <= end; j++ {
			for t := 0; t < numTypes; t++ {
				if bits&(1<<t) != 0 {
					first := 0
					if j == i {
						first = 1
					}
					dst[j] = append(dst[j], tGaz[t][first])
				}
			}
		}
	}
	return dst
}

// marshal writes the entries: their number, then each phrase and its bits.
func (g *gazetteer) marshal() []byte {
	b := binary.AppendUvarint(nil, uint64(len(g.phrases)))
	for i, p := range g.phrases {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
		b = append(b, g.types[i])
	}
	return b
}

func unmarshalGazetteer(b []byte) (*gazetteer, error) {
	bad := fmt.Errorf("%w: bad gazetteer", ErrModel)
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	phrases := make([]string, 0, n)
	types := make([]uint8, 0, n)
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(b)
		if k <= 0 || l+1 > uint64(len(b)-k) || !utf8.Valid(b[k:k+int(l)]) {
			return nil, bad
		}
		phrases = append(phrases, string(b[k:k+int(l)]))
		types = append(types, b[k+int(l)])
		b = b[k+int(l)+1:]
	}
	if len(b) != 0 {
		return nil, bad
	}
	return newGazetteer(phrases, types), nil
}
