package entity

import (
	"errors"
	"fmt"
	"github.com/dateline-news/dateline/internal/token"

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
	Epochs int    // passes over the training data
	Seed   uint64 // order of the instances in each pass
	// Seeds is the number of labellers trained, with seeds Seed, Seed+1,
	// …, and averaged (see Average): 1 or less trains one.
	Seeds    int
	MinCount int                 // features seen fewer times are dropped
	Classes  *cluster.Clustering // word classes (see Unlabelled); nil for none
	// Unlabelled, if set, gives the casing table (words seen at least
	// CasingMinCount times; 0: none) and, if GazetteerMinCount > 0, the text that a
	// first model labels to make the gazetteer of (names it found at least
	// that many times, with one type for GazetteerShare of them).
	Unlabelled        *Unlabelled
	CasingMinCount    int
	GazetteerMinCount int
	GazetteerShare    float64
	Info              string // recorded in Model.Info
	// Folds is the number of parts the documents are cut into to make the
	// first-pass labels that document features are trained on: each part
	// is labelled by a model trained on the others (0: no document
	// features).
	Folds int
	// Log, if set, is told about the stages of training.
	Log func(format string, args ...any)
	// Epoch, if set, is called after each pass with the number of tokens
	// it labelled wrongly and the averaged model so far.
	Epoch func(epoch, wrong int, m *Model)
}

// Train learns a recognizer from labelled documents.
func Train(docs []TrainingDoc, opt TrainOptions) (*Model, error) {
	if opt.Epochs < 1 {
		return nil, errors.New("entity: train: want at least one epoch")
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	m := &Model{Info: opt.Info, scheme: newScheme(), classes: &classTable{byWord: map[string]classes{}}}
	if opt.Classes != nil {
		m.classes = newClassTable(opt.Classes)
	}
	m.casing = casingTable{}
	if opt.Unlabelled != nil && opt.CasingMinCount > 0 {
		m.casing = opt.Unlabelled.Casing(opt.CasingMinCount)
	}
	if opt.Unlabelled != nil && opt.GazetteerMinCount > 0 {
		first := opt
		first.Epoch = nil
		if err := m.fit(docs, first); err != nil {
			return nil, err
		}
		pc := phraseCounts{}
		r := NewRecognizer(m)
		for _, text := range opt.Unlabelled.texts {
			pc.add(text, r.Recognize(text))
		}
		m.gaz = buildGazetteer(pc, opt.GazetteerMinCount, opt.GazetteerShare)
		opt.Log("gazetteer: %d names from %d texts", len(m.gaz.phrases), len(opt.Unlabelled.texts))
	}
	if err := m.fit(docs, opt); err != nil {
		return nil, err
	}
	return m, nil
}

// fit trains the labeller of m on the documents with m's tables.
func (m *Model) fit(docs []TrainingDoc, opt TrainOptions) error {
	sents, err := m.sentences(docs)
	if err != nil {
		return err
	}
	data := make([]seq.Sequence, 0, 2*len(sents))
	for _, s := range sents {
		data = append(data, seq.Sequence{Features: s.feats, Labels: s.labels})
	}
	if opt.Folds > 1 {
		first, err := m.jackknife(sents, opt)
		if err != nil {
			return err
		}
		data = append(data, withDocFeatures(sents, first)...)
	}
	var labellers []*seq.Model
	for k := 0; k < max(opt.Seeds, 1); k++ {
		tr, err := seq.NewTrainer(m.scheme.Labels(), data, seq.Options{Seed: opt.Seed + uint64(k), MinCount: opt.MinCount, Allowed: m.scheme.Allowed})
		if err != nil {
			return fmt.Errorf("entity: train: %w", err)
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
		labellers = append(labellers, m.labels)
		opt.Log("labeller %d of %d trained", k+1, max(opt.Seeds, 1))
	}
	if len(labellers) > 1 {
		avg, err := seq.Average(labellers...)
		if err != nil {
			return fmt.Errorf("entity: train: %w", err)
		}
		m.labels = avg
	}
	return nil
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

// trainSentence is a training sentence with its features.
type trainSentence struct {
	doc    int
	toks   []token.Token
	feats  [][]seq.Feature
	labels []int
}

// sentences computes the features and labels of every training sentence.
func (m *Model) sentences(docs []TrainingDoc) ([]trainSentence, error) {
	fz := newFeaturizer(m.classes, m.casing)
	var gf gazFeatures
	var out []trainSentence
	for d, doc := range docs {
		for s, sent := range doc {
			toks := make([]token.Token, len(sent.Tokens))
			for i, w := range sent.Tokens {
				toks[i] = token.Token{Text: w, Norm: token.Normalize(w)}
			}
			var spans []seq.Span
			for _, n := range sent.Names {
				ti := typeIndex(n.Type)
				if ti < 0 || n.Start < 0 || n.End > len(toks) || n.Start >= n.End {
					return nil, fmt.Errorf("entity: train: document %d sentence %d: bad name %+v", d+1, s+1, n)
				}
				spans = append(spans, seq.Span{Start: n.Start, End: n.End, Type: ti})
			}
			feats := sequenceFeatures(fz, toks)
			gf = m.gazetteerFeatures(gf, fz, toks)
			for i := range feats {
				feats[i] = append(feats[i], gf[i]...)
			}
			out = append(out, trainSentence{doc: d, toks: toks, feats: feats, labels: m.scheme.Encode(spans, len(toks), nil)})
		}
	}
	return out, nil
}

// jackknife labels every sentence with a model trained on the documents of
// the other folds, without document features, and returns the labels.
func (m *Model) jackknife(sents []trainSentence, opt TrainOptions) ([][]int, error) {
	out := make([][]int, len(sents))
	for f := 0; f < opt.Folds; f++ {
		var data []seq.Sequence
		for _, s := range sents {
			if s.doc%opt.Folds != f {
				data = append(data, seq.Sequence{Features: s.feats, Labels: s.labels})
			}
		}
		tr, err := seq.NewTrainer(m.scheme.Labels(), data, seq.Options{Seed: opt.Seed + uint64(f), MinCount: opt.MinCount, Allowed: m.scheme.Allowed})
		if err != nil {
			return nil, fmt.Errorf("entity: train: %w", err)
		}
		for e := 0; e < opt.Epochs; e++ {
			tr.Epoch()
		}
		fm := tr.Model(0)
		for i, s := range sents {
			if s.doc%opt.Folds == f {
				out[i] = fm.Tag(s.feats)
			}
		}
		opt.Log("first-pass labels of fold %d of %d", f+1, opt.Folds)
	}
	return out, nil
}

// withDocFeatures returns the sentences with the document features that
// the first-pass labels give.
func withDocFeatures(sents []trainSentence, first [][]int) []seq.Sequence {
	scheme := newScheme()
	var out []seq.Sequence
	var spans []seq.Span
	for lo := 0; lo < len(sents); {
		hi := lo
		for hi < len(sents) && sents[hi].doc == sents[lo].doc {
			hi++
		}
		v := newVotes()
		class := make([][]int, hi-lo)
		keys := make([][]string, hi-lo)
		for i := lo; i < hi; i++ {
			spans = scheme.Decode(first[i], spans)
			class[i-lo] = classOf(nil, len(first[i]), spans)
			for _, t := range sents[i].toks {
				keys[i-lo] = append(keys[i-lo], docKey(t.Norm))
			}
		}
		vote := func(i int, sign int32) {
			for j, k := range keys[i-lo] {
				v.add(k, class[i-lo][j], sign)
			}
		}
		for i := lo; i < min(hi, lo+docWindow+1); i++ {
			vote(i, 1)
		}
		for i := lo; i < hi; i++ {
			if i-docWindow-1 >= lo {
				vote(i-docWindow-1, -1)
			}
			if i > lo && i+docWindow < hi {
				vote(i+docWindow, 1)
			}
			s := sents[i]
			feats := make([][]seq.Feature, len(s.feats))
			for j := range s.feats {
				feats[j] = v.features(s.feats[j][:len(s.feats[j]):len(s.feats[j])], keys[i-lo][j], class[i-lo][j])
			}
			out = append(out, seq.Sequence{Features: feats, Labels: s.labels})
		}
		lo = hi
	}
	return out
}

// gazetteerFeatures returns the gazetteer features of a sequence's tokens.
func (m *Model) gazetteerFeatures(dst gazFeatures, fz *featurizer, toks []token.Token) gazFeatures {
	md := sequenceMode(toks)
	lowers := make([]seq.Feature, len(toks))
	caps := make([]bool, len(toks))
	for i, t := range toks {
		wi := fz.info(t.Norm, md)
		lowers[i], caps[i] = wi.lower, wi.cap
	}
	return m.gaz.match(dst, lowers, caps)
}

// sequenceFeatures returns the features of every token of a sequence.
func sequenceFeatures(fz *featurizer, toks []token.Token) [][]seq.Feature {
	md := sequenceMode(toks)
	infos := make([]*wordInfo, len(toks))
	for i, t := range toks {
		infos[i] = fz.info(t.Norm, md)
	}
	pad := fz.info(padding, md)
	out := make([][]seq.Feature, len(toks))
	for i := range toks {
		out[i] = tokenFeatures(nil, infos, pad, i)
	}
	return out
}

// Average returns the model whose labeller averages those of models
// trained on the same tables (word classes, casing, gazetteer) with other
// seeds, which labels like their ensemble. The tables are the first's.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("entity: average of no models")
	}
	labellers := make([]*seq.Model, len(models))
	for i, m := range models {
		labellers[i] = m.labels
	}
	avg, err := seq.Average(labellers...)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	out := *models[0]
	out.labels = avg
	return &out, nil
}
