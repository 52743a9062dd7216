package seq

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// magic opens a serialized Model; the last byte is the format version.
const magic = "dlseq\x01"

// MarshalBinary encodes m compactly: the labels, the transition weights,
// then the features in increasing order, each as the difference from the
// previous one, a mask of the labels it weighs and those weights quantized
// to 16 bits of the largest weight (a feature whose weights all quantize to
// zero is dropped). Decoding gives back the same decisions up to that
// rounding.
func (m *Model) MarshalBinary() ([]byte, error) {
	L := len(m.labels)
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(L))
	for _, l := range m.labels {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	for _, v := range m.trans {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	for _, v := range m.end {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	var top float32
	for _, v := range m.w {
		top = max(top, float32(math.Abs(float64(v))))
	}
	q := top / math.MaxInt16
	if q == 0 {
		q = 1
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(q))
	order := make([]int, len(m.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	var body []byte
	n, prev := 0, Feature(0)
	qs := make([]int64, L)
	for _, r := range order {
		f := m.keys[r]
		var mask uint64
		for y, v := range m.w[r*L : r*L+L] {
			qs[y] = int64(math.Round(float64(v / q)))
			if qs[y] != 0 {
				mask |= 1 << y
			}
		}
		if mask == 0 {
			continue
		}
		body = binary.AppendUvarint(body, uint64(f-prev))
		body = binary.AppendUvarint(body, mask)
		for y := 0; y < L; y++ {
			if mask&(1<<y) != 0 {
				body = binary.AppendVarint(body, qs[y])
			}
		}
		prev = f
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	return append(b, body...), nil
}

// ErrFormat is wrapped by the errors of UnmarshalBinary.
var ErrFormat = errors.New("seq: not a serialized model")

// reader consumes a serialized model, remembering the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", ErrFormat, what, r.off)
	}
}

func (r *reader) uvarint(what string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail("bad " + what)
		return 0
	}
	r.off += n
	return v
}

func (r *reader) varint(what string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.fail("bad " + what)
		return 0
	}
	r.off += n
	return v
}

func (r *reader) float(what string) float32 {
	if r.err != nil {
		return 0
	}
	if len(r.b)-r.off < 4 {
		r.fail("short " + what)
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(r.b[r.off:]))
	r.off += 4
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 1) {
		r.fail("bad " + what)
	}
	return v
}

// UnmarshalBinary decodes a model written by MarshalBinary. Malformed input
// yields an error wrapping ErrFormat, never a panic.
func (m *Model) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return fmt.Errorf("%w: bad magic", ErrFormat)
	}
	r := &reader{b: b, off: len(magic)}
	L := int(min(r.uvarint("label count"), MaxLabels+1))
	if r.err == nil && (L == 0 || L > MaxLabels) {
		r.fail(fmt.Sprintf("%d labels", L))
	}
	labels := make([]string, 0, L)
	for i := 0; i < L && r.err == nil; i++ {
		n := r.uvarint("label length")
		if n > uint64(len(b)-r.off) {
			r.fail("label past the end")
			break
		}
		labels = append(labels, string(b[r.off:r.off+int(n)]))
		r.off += int(n)
	}
	if r.err != nil {
		return r.err
	}
	out := Model{labels: labels, trans: make([]float32, (L+1)*L), end: make([]float32, L)}
	for i := range out.trans {
		out.trans[i] = r.float("transition")
	}
	for i := range out.end {
		out.end[i] = r.float("end weight")
	}
	q := r.float("scale")
	if err := out.readFeatures(r, q); err != nil {
		return err
	}
	if r.off != len(b) {
		r.fail("trailing bytes")
		return r.err
	}
	out.link()
	*m = out
	return nil
}

// readFeatures reads the feature table of a serialized model.
func (m *Model) readFeatures(r *reader, q float32) error {
	L := len(m.labels)
	n := r.uvarint("feature count")
	if r.err == nil && n > uint64(len(r.b)-r.off)/2 {
		r.fail("feature count past the end")
	}
	if r.err != nil {
		return r.err
	}
	m.w = make([]float32, 0, int(n)*L)
	var prev Feature
	for i := uint64(0); i < n && r.err == nil; i++ {
		d := r.uvarint("feature")
		mask := r.uvarint("label mask")
		if r.err != nil {
			break
		}
		if (i > 0 && prev+Feature(d) <= prev) || mask == 0 || bits.Len64(mask) > L {
			r.fail("bad feature entry")
			break
		}
		prev += Feature(d)
		m.keys = append(m.keys, prev)
		for y := 0; y < L; y++ {
			v := int64(0)
			if mask&(1<<y) != 0 {
				v = r.varint("weight")
			}
			m.w = append(m.w, float32(v)*q)
		}
	}
	return r.err
}
