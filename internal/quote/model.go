package quote

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dateline-news/dateline/internal/cluster"
	"github.com/dateline-news/dateline/internal/seq"
)

// The label schemes of the two labellers: cues over a paragraph; the source
// and content of one cue over the cue's paragraph.
var (
	cueScheme  = seq.BIO("CUE")
	roleScheme = seq.BIO("SRC", "CON")
)

// The span types of roleScheme.
const (
	typeSource  = 0
	typeContent = 1
)

// classLevels is the number of levels of word classes, finest first.
const classLevels = 4

// wordClasses is a word's class at each level; noClass where the word was
// not clustered.
type wordClasses [classLevels]uint16

const noClass = 0xFFFF

var unknownClasses = wordClasses{noClass, noClass, noClass, noClass}

// Model is the learned part of an Extractor: the two labellers, the word
// classes their features read, and the verbs of quotation frames.
type Model struct {
	cue  *seq.Model
	role *seq.Model
	// classes are word classes learned from unlabelled news text
	// (internal/cluster), keyed by the clustering form of a token (see
	// cluster.Form).
	classes map[string]wordClasses
	// frameVerbs are the stems of the one-word cues of direct quotes in
	// the training data ("said", "add", "tell"): a quotation with one of
	// them beside it is a quote even where the labellers miss it.
	frameVerbs map[string]bool
	// priors bucket how often each stem is a cue in the training data
	// (see priorBucket); a stem not here has bucket 0.
	priors map[string]uint8
}

// modelMagic opens a serialized Model; its last byte is the format
// version. Version 3 (before the cue priors) is still read.
const modelMagic = "dlquote\x04"

// MarshalBinary encodes the model: a magic string; each labeller's
// serialization with its length; the word classes (sorted words, each with
// its classes); the frame verbs (sorted).
func (m *Model) MarshalBinary() ([]byte, error) {
	b := []byte(modelMagic)
	for _, sm := range []*seq.Model{m.cue, m.role} {
		enc, err := sm.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = binary.AppendUvarint(b, uint64(len(enc)))
		b = append(b, enc...)
	}
	words := slices.Sorted(maps.Keys(m.classes))
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = appendString(b, w)
		for _, c := range m.classes[w] {
			b = binary.AppendUvarint(b, uint64(c))
		}
	}
	verbs := slices.Sorted(maps.Keys(m.frameVerbs))
	b = binary.AppendUvarint(b, uint64(len(verbs)))
	for _, v := range verbs {
		b = appendString(b, v)
	}
	stems := slices.Sorted(maps.Keys(m.priors))
	b = binary.AppendUvarint(b, uint64(len(stems)))
	for _, st := range stems {
		b = binary.AppendUvarint(appendString(b, st), uint64(m.priors[st]))
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// errModel is wrapped by the errors of UnmarshalBinary.
var errModel = errors.New("quote: not a serialized quote model")

// decoder reads what MarshalBinary wrote; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = fmt.Errorf("%w: %s truncated", errModel, what)
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *decoder) bytes(what string) []byte {
	n := d.uvarint(what)
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = fmt.Errorf("%w: %s truncated", errModel, what)
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

// count reads a length that must be plausible for the bytes left (each
// item takes at least one byte).
func (d *decoder) count(what string) int {
	n := d.uvarint(what)
	if d.err == nil && n > uint64(len(d.b)) {
		d.err = fmt.Errorf("%w: %s: %d items in %d bytes", errModel, what, n, len(d.b))
	}
	return int(n)
}

// UnmarshalBinary decodes a model written by MarshalBinary.
func (m *Model) UnmarshalBinary(b []byte) error {
	if len(b) < len(modelMagic) || string(b[:len(modelMagic)-1]) != modelMagic[:len(modelMagic)-1] {
		return errModel
	}
	version := b[len(modelMagic)-1]
	if version != 3 && version != modelMagic[len(modelMagic)-1] {
		return fmt.Errorf("%w: format version %d (this dateline reads 3 and 4)", errModel, version)
	}
	d := &decoder{b: b[len(modelMagic):]}
	var labellers [2]*seq.Model
	for i, s := range []*seq.Scheme{cueScheme, roleScheme} {
		enc := d.bytes("labeller")
		if d.err != nil {
			return d.err
		}
		labellers[i] = new(seq.Model)
		if err := labellers[i].UnmarshalBinary(enc); err != nil {
			return fmt.Errorf("%w: labeller %d: %v", errModel, i, err)
		}
		if len(labellers[i].Labels()) != len(s.Labels()) {
			return fmt.Errorf("%w: labeller %d has %d labels, this version %d", errModel, i, len(labellers[i].Labels()), len(s.Labels()))
		}
	}
	n := d.count("word classes")
	classes := make(map[string]wordClasses, n)
	for range n {
		w := string(d.bytes("word"))
		var c wordClasses
		for l := range c {
			v := d.uvarint("class")
			if v > noClass {
				d.err = fmt.Errorf("%w: class %d out of range", errModel, v)
			}
			c[l] = uint16(v)
		}
		classes[w] = c
	}
	n = d.count("frame verbs")
	verbs := make(map[string]bool, n)
	for range n {
		verbs[string(d.bytes("frame verb"))] = true
	}
	n = 0
	if version > 3 {
		n = d.count("cue priors")
	}
	priors := make(map[string]uint8, n)
	for range n {
		st := string(d.bytes("stem"))
		v := d.uvarint("prior")
		if v >= uint64(numPrior) {
			d.err = fmt.Errorf("%w: cue prior %d out of range", errModel, v)
		}
		priors[st] = uint8(v)
	}
	if d.err != nil {
		return d.err
	}
	if len(d.b) != 0 {
		return fmt.Errorf("%w: %d bytes after the end", errModel, len(d.b))
	}
	m.cue, m.role, m.classes, m.frameVerbs, m.priors = labellers[0], labellers[1], classes, verbs, priors
	return nil
}

// classesOf returns the classes of a token's normalized form.
func (m *Model) classesOf(low string) wordClasses {
	if c, ok := m.classes[cluster.Form(low)]; ok {
		return c
	}
	return unknownClasses
}
