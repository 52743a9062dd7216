package entity

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/dateline-news/dateline/internal/cluster"
	"github.com/dateline-news/dateline/internal/seq"
)

// Model holds what the recognizer learned: the labeller's weights, the word
// classes and the gazetteer. It is written by Train and read by ReadModel;
// its serialized form is what internal/entity embeds as model.bin.
type Model struct {
	// Info says how the model was trained (data, options), for people.
	Info    string
	labels  *seq.Model
	scheme  *seq.Scheme
	classes *classTable
	casing  casingTable
	gaz     *gazetteer
}

// types are the entity types, in the order of the labeller's span types.
var types = [numTypes]Type{Person, Organization, Location, Misc}

// numTypes is the number of entity types.
const numTypes = 4

// numLabels is the number of labels of the BIO scheme: O, then B- and I-
// of each type.
const numLabels = 1 + 2*numTypes

func newScheme() *seq.Scheme {
	names := make([]string, numTypes)
	for i, t := range types {
		names[i] = string(t)
	}
	return seq.BIO(names...)
}

// modelMagic opens a serialized model (after decompression).
const modelMagic = "dlner\x01"

// Section tags of a serialized model.
const (
	secInfo    = 1
	secLabels  = 2
	secClasses = 3
	secCasing  = 4
	secGaz     = 5
)

// MarshalBinary serializes the model, deflate-compressed.
func (m *Model) MarshalBinary() ([]byte, error) {
	lb, err := m.labels.MarshalBinary()
	if err != nil {
		return nil, err
	}
	raw := []byte(modelMagic)
	raw = appendSection(raw, secInfo, []byte(m.Info))
	raw = appendSection(raw, secLabels, lb)
	raw = appendSection(raw, secClasses, m.classes.marshal())
	raw = appendSection(raw, secCasing, m.casing.marshal())
	if m.gaz != nil {
		raw = appendSection(raw, secGaz, m.gaz.marshal())
	}
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func appendSection(b []byte, tag byte, payload []byte) []byte {
	b = append(b, tag)
	b = binary.AppendUvarint(b, uint64(len(payload)))
	return append(b, payload...)
}

// ErrModel is wrapped by the errors of ReadModel.
var ErrModel = errors.New("entity: not a model")

// maxModelSize bounds the decompressed size of a model.
const maxModelSize = 256 << 20

// ReadModel reads a model written by MarshalBinary.
func ReadModel(b []byte) (*Model, error) {
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(b)), maxModelSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	if len(raw) > maxModelSize || !bytes.HasPrefix(raw, []byte(modelMagic)) {
		return nil, fmt.Errorf("%w: bad header", ErrModel)
	}
	m := &Model{scheme: newScheme()}
	raw = raw[len(modelMagic):]
	for len(raw) > 0 {
		tag := raw[0]
		n, k := binary.Uvarint(raw[1:])
		if k <= 0 || n > uint64(len(raw)-1-k) {
			return nil, fmt.Errorf("%w: bad section %d", ErrModel, tag)
		}
		payload := raw[1+k : 1+k+int(n)]
		raw = raw[1+k+int(n):]
		switch tag {
		case secInfo:
			m.Info = string(payload)
		case secLabels:
			m.labels = &seq.Model{}
			if err := m.labels.UnmarshalBinary(payload); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrModel, err)
			}
		case secClasses:
			if m.classes, err = unmarshalClasses(payload); err != nil {
				return nil, err
			}
		case secCasing:
			if m.casing, err = unmarshalCasing(payload); err != nil {
				return nil, err
			}
		case secGaz:
			if m.gaz, err = unmarshalGazetteer(payload); err != nil {
				return nil, err
			}
		}
	}
	if m.labels == nil || m.classes == nil {
		return nil, fmt.Errorf("%w: missing sections", ErrModel)
	}
	if !slices.Equal(m.labels.Labels(), m.scheme.Labels()) {
		return nil, fmt.Errorf("%w: labels %v, want %v", ErrModel, m.labels.Labels(), m.scheme.Labels())
	}
	return m, nil
}

// marshal encodes the class table: the level sizes, the words in order,
// then each level's classes as 16-bit numbers.
func (t *classTable) marshal() []byte {
	words := make([]string, 0, len(t.byWord))
	for w := range t.byWord {
		words = append(words, w)
	}
	slices.Sort(words)
	var b []byte
	for _, s := range t.sizes {
		b = binary.AppendUvarint(b, uint64(s))
	}
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	for l := 0; l < classLevelCount; l++ {
		for _, w := range words {
			b = binary.LittleEndian.AppendUint16(b, t.byWord[w][l])
		}
	}
	return b
}

func unmarshalClasses(b []byte) (*classTable, error) {
	bad := fmt.Errorf("%w: bad word classes", ErrModel)
	t := &classTable{}
	for l := range t.sizes {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > noClass {
			return nil, bad
		}
		t.sizes[l], b = int(v), b[k:]
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	words := make([]string, 0, n)
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return nil, bad
		}
		words = append(words, string(b[k:k+int(l)]))
		b = b[k+int(l):]
	}
	if len(b) != classLevelCount*2*len(words) {
		return nil, bad
	}
	t.byWord = make(map[string]classes, len(words))
	for i, w := range words {
		var c classes
		for l := range c {
			c[l] = binary.LittleEndian.Uint16(b[2*(l*len(words)+i):])
		}
		t.byWord[w] = c
	}
	return t, nil
}

// Classes returns the model's word classes as a clustering (to train
// another model with the same classes).
func (m *Model) Classes() *cluster.Clustering {
	words := make([]string, 0, len(m.classes.byWord))
	for w := range m.classes.byWord {
		words = append(words, w)
	}
	slices.Sort(words)
	cl := &cluster.Clustering{Words: words}
	for l := 0; l < classLevelCount && m.classes.sizes[l] > 0; l++ {
		ids := make([]uint16, len(words))
		for i, w := range words {
			ids[i] = m.classes.byWord[w][l]
		}
		cl.Classes = append(cl.Classes, ids)
		cl.Sizes = append(cl.Sizes, m.classes.sizes[l])
	}
	return cl
}

// Stats describes the model's size: features, words with classes.
func (m *Model) Stats() string {
	gaz := 0
	if m.gaz != nil {
		gaz = len(m.gaz.phrases)
	}
	return fmt.Sprintf("%d features, %d words with classes, %d with casing, %d gazetteer names", m.labels.NumFeatures(), len(m.classes.byWord), len(m.casing), gaz)
}
