package entity

import (
	"errors"
	"fmt"

	"github.com/dateline-news/dateline/internal/cluster"
	"github.com/dateline-news/dateline/internal/seq"
)

// TrainingDoc is a labelled document for Train: its sentences in order.
type TrainingDoc []TrainingSentence

// TrainingSentence is a tokenized sentence and its names.
type TrainingSentence struct {
	Tokens []string
	Names  []TokenSpan
}

// TokenSpan is a name over tokens [Start, End) of a sentence.
type TokenSpan struct {
	Start, End int
	Type       Type
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs   int                 // passes over the training data
	Seed     uint64              // order of the instances in each pass
	MinCount int                 // features seen fewer times are dropped
	Classes  *cluster.Clustering // word classes (see AddUnlabelled); nil for none
	Info     string              // recorded in Model.Info
	// Epoch, if set, is called after each pass with the number of tokens
	// it labelled wrongly and the averaged model so far.
	Epoch func(epoch, wrong int, m *Model)
}

// Train learns a recognizer from labelled documents.
func Train(docs []TrainingDoc, opt TrainOptions) (*Model, error) {
	if opt.Epochs < 1 {
		return nil, errors.New("entity: train: want at least one epoch")
	}
	m := &Model{Info: opt.Info, scheme: newScheme(), classes: &classTable{byWord: map[string]classes{}}}
	if opt.Classes != nil {
		m.classes = newClassTable(opt.Classes)
	}
	data, err := m.instances(docs)
	if err != nil {
		return nil, err
	}
	tr, err := seq.NewTrainer(m.scheme.Labels(), data, seq.Options{Seed: opt.Seed, MinCount: opt.MinCount, Allowed: m.scheme.Allowed})
	if err != nil {
		return nil, fmt.Errorf("entity: train: %w", err)
	}
	for e := 1; e <= opt.Epochs; e++ {
		wrong := tr.Epoch()
		if opt.Epoch != nil || e == opt.Epochs {
			m.labels = tr.Model(0)
		}
		if opt.Epoch != nil {
			opt.Epoch(e, wrong, m)
		}
	}
	return m, nil
}

// typeIndex returns the span type of t in the scheme.
func typeIndex(t Type) int {
	for i, u := range types {
		if u == t {
			return i
		}
	}
	return -1
}

// instances turns labelled sentences into the labeller's training data.
func (m *Model) instances(docs []TrainingDoc) ([]seq.Sequence, error) {
	fz := newFeaturizer(m.classes)
	var data []seq.Sequence
	for d, doc := range docs {
		for s, sent := range doc {
			toks := make([]token, len(sent.Tokens))
			for i, w := range sent.Tokens {
				toks[i] = token{text: w, norm: normalize(w)}
			}
			var spans []seq.Span
			for _, n := range sent.Names {
				ti := typeIndex(n.Type)
				if ti < 0 || n.Start < 0 || n.End > len(toks) || n.Start >= n.End {
					return nil, fmt.Errorf("entity: train: document %d sentence %d: bad name %+v", d+1, s+1, n)
				}
				spans = append(spans, seq.Span{Start: n.Start, End: n.End, Type: ti})
			}
			data = append(data, seq.Sequence{
				Features: sequenceFeatures(fz, toks),
				Labels:   m.scheme.Encode(spans, len(toks), nil),
			})
		}
	}
	return data, nil
}

// sequenceFeatures returns the features of every token of a sequence.
func sequenceFeatures(fz *featurizer, toks []token) [][]seq.Feature {
	md := sequenceMode(toks)
	infos := make([]*wordInfo, len(toks))
	for i, t := range toks {
		infos[i] = fz.info(t.norm, md)
	}
	pad := fz.info(padding, md)
	out := make([][]seq.Feature, len(toks))
	for i := range toks {
		out[i] = tokenFeatures(nil, infos, pad, i)
	}
	return out
}

// AddUnlabelled tokenizes a text as the recognizer does and adds its
// sequences to a corpus for learning word classes.
func AddUnlabelled(c *cluster.Corpus, text string) {
	var tk tokens
	tokenize(&tk, text)
	words := make([]string, 0, 64)
	for k := range tk.seqs {
		from, to := tk.seq(k)
		words = words[:0]
		for _, t := range tk.toks[from:to] {
			words = append(words, clusterForm(t.norm))
		}
		c.Add(words)
	}
}
