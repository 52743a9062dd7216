package entity

import (
	"github.com/dateline-news/dateline/internal/seq"
	"github.com/dateline-news/dateline/internal/text"
)

// Recognizer finds the named entities of texts with a Model. It is safe
// for concurrent use.
type Recognizer struct {
	m *Model
}

// NewRecognizer returns a recognizer that uses m.
func NewRecognizer(m *Model) *Recognizer { return &Recognizer{m: m} }

// tokenize splits text into tokens and sequences: at white space and
// lines when it is tokenized (text.IsTokenized), PTB-style otherwise.
func tokenize(tk *tokens, s string) {
	tk.reset()
	if text.IsTokenized(s) {
		tk.tokenizeLines(s)
	} else {
		tk.tokenizeProse(s)
	}
}

// Recognize returns the mentions of named entities in s, in order, with
// rune offsets into s.
func (r *Recognizer) Recognize(s string) []Mention {
	var tk tokens
	tokenize(&tk, s)
	fz := newFeaturizer(r.m.classes)
	var out []Mention
	var lat seq.Lattice
	var path []int
	var spans []seq.Span
	for k := range tk.seqs {
		from, to := tk.seq(k)
		toks := tk.toks[from:to]
		feats := sequenceFeatures(fz, toks)
		lat.Reset(r.m.labels, len(toks))
		for i, fs := range feats {
			r.m.labels.AddScores(lat.Row(i), fs)
		}
		path = lat.Decode(r.m.labels, path)
		spans = r.m.scheme.Decode(path, spans)
		for _, sp := range spans {
			first, last := toks[sp.Start], toks[sp.End-1]
			txt := s[first.bstart : last.bstart+len(last.text)]
			out = append(out, Mention{Start: first.start, End: last.end, Text: txt, Type: types[sp.Type], Name: txt})
		}
	}
	return out
}
