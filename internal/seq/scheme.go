package seq

import "fmt"

// Span is a labelled stretch [Start, End) of a sequence's positions; Type
// indexes the Scheme's types.
type Span struct {
	Start, End int
	Type       int
}

// Scheme encodes typed spans as one label per position: BIO (Begin, Inside,
// Outside) or BILOU (also Last and Unit, for spans of one position). Label 0
// is always O; the labels of type t follow in the order of the letters.
// Labels are named "B-PER", "I-PER", ..., "O".
type Scheme struct {
	types  []string
	labels []string
	width  int // labels per type: 2 (BIO) or 4 (BILOU)
}

// The letters of a label, in the order the labels of a type are numbered.
const (
	begin = iota
	inside
	last
	unit
)

// BIO returns the scheme with a Begin and an Inside label per type.
func BIO(types ...string) *Scheme { return newScheme(types, "BI") }

// BILOU returns the scheme with Begin, Inside, Last and Unit labels per
// type. It usually labels better than BIO (Ratinov & Roth 2009) at the cost
// of twice the labels.
func BILOU(types ...string) *Scheme { return newScheme(types, "BILU") }

func newScheme(types []string, letters string) *Scheme {
	s := &Scheme{types: types, width: len(letters), labels: []string{"O"}}
	for _, t := range types {
		for _, l := range letters {
			s.labels = append(s.labels, string(l)+"-"+t)
		}
	}
	if len(s.labels) > MaxLabels {
		panic(fmt.Sprintf("seq: %d labels, at most %d", len(s.labels), MaxLabels))
	}
	return s
}

// Labels returns the label names, indexed by label.
func (s *Scheme) Labels() []string { return s.labels }

// Types returns the span types, indexed by Span.Type.
func (s *Scheme) Types() []string { return s.types }

// part returns the type of a label and its letter (begin, inside, last or
// unit in BILOU; begin or inside in BIO); type -1 for O.
func (s *Scheme) part(label int) (typ, letter int) {
	if label <= 0 {
		return -1, 0
	}
	return (label - 1) / s.width, (label - 1) % s.width
}

func (s *Scheme) label(typ, letter int) int { return 1 + typ*s.width + letter }

// Encode returns the labels of a sequence of n positions holding spans,
// appended to dst[:0]. Spans must lie inside [0, n) and not overlap; one
// that does not is left out.
func (s *Scheme) Encode(spans []Span, n int, dst []int) []int {
	dst = dst[:0]
	for i := 0; i < n; i++ {
		dst = append(dst, 0)
	}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > n || sp.Start >= sp.End || sp.Type < 0 || sp.Type >= len(s.types) || !free(dst[sp.Start:sp.End]) {
			continue
		}
		for i := sp.Start; i < sp.End; i++ {
			dst[i] = s.label(sp.Type, inside)
		}
		dst[sp.Start] = s.label(sp.Type, begin)
		if s.width == 4 {
			dst[sp.End-1] = s.label(sp.Type, last)
			if sp.End-sp.Start == 1 {
				dst[sp.Start] = s.label(sp.Type, unit)
			}
		}
	}
	return dst
}

func free(labels []int) bool {
	for _, l := range labels {
		if l != 0 {
			return false
		}
	}
	return true
}

// Decode returns the spans a label sequence encodes, appended to dst[:0].
// It reads illegal sequences leniently, as conlleval does: an Inside or Last
// label that does not continue a span of its type starts one, and a Begin
// label always does.
func (s *Scheme) Decode(labels []int, dst []Span) []Span {
	dst = dst[:0]
	open := -1 // index in dst of the span that may still grow
	for i, l := range labels {
		typ, letter := s.part(l)
		if typ < 0 || typ >= len(s.types) {
			open = -1
			continue
		}
		continues := open >= 0 && dst[open].Type == typ && (letter == inside || letter == last)
		if continues {
			dst[open].End = i + 1
		} else {
			dst = append(dst, Span{Start: i, End: i + 1, Type: typ})
			open = len(dst) - 1
		}
		if s.width == 4 && (letter == last || letter == unit) {
			open = -1
		}
	}
	return dst
}

// Allowed reports whether label next may follow label prev; prev -1 is the
// start of the sequence and next -1 its end. Use it as Options.Allowed.
func (s *Scheme) Allowed(prev, next int) bool {
	pt, pl := s.part(prev)
	nt, nl := s.part(next)
	// open: prev leaves a span that must continue.
	open := pt >= 0 && (s.width == 4 && (pl == begin || pl == inside))
	cont := nt >= 0 && (nl == inside || nl == last)
	switch {
	case open:
		return nt == pt && cont
	case s.width == 2:
		// BIO: Inside only after Begin or Inside of its type.
		return !cont || (pt == nt && pt >= 0)
	default:
		return !cont
	}
}
