package quote

import (
	"fmt"
	"iter"

	"github.com/dateline-news/dateline/internal/seq"
)

// Example is one training article: its text and its gold quotes.
type Example struct {
	Text   string
	Quotes []Quote
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data per labeller (default 10)
	Seed   uint64 // order of the passes
	// Unlabelled yields news texts to learn word classes from, besides the
	// examples' own texts.
	Unlabelled iter.Seq[string]
	// ClassesFrom, when set, gives the word classes instead: those of an
	// earlier model (a quicker retraining of the labellers alone).
	ClassesFrom *Model
	// CueLabellers and RoleLabellers are how many labellers of each
	// stage, trained in other orders (seeds Seed, Seed+1, …), are averaged
	// into the one shipped (default 1).
	CueLabellers, RoleLabellers int
	// PriorFolds, when above 1, cross-fits the cue priors the labellers
	// are trained on: an example's tokens read the priors counted on the
	// examples of the other folds (example k is in fold k mod PriorFolds),
	// so that training sees stems whose cue use the priors do not know, as
	// extraction will. The model keeps the priors of every example. At 0 or
	// 1 the examples read the priors counted on all of them.
	PriorFolds int
	// Log, when set, receives progress lines.
	Log func(format string, args ...any)
}

// Train learns word classes from the unlabelled texts and the examples,
// then fits both labellers on the examples: the cue labeller on every
// paragraph, the role labeller on the paragraph of every gold cue.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	texts := func(yield func(string) bool) {
		if opt.Unlabelled != nil {
			for t := range opt.Unlabelled {
				if !yield(t) {
					return
				}
			}
		}
		for _, ex := range examples {
			if !yield(ex.Text) {
				return
			}
		}
	}
	m := &Model{}
	var err error
	if opt.ClassesFrom != nil {
		m.classes = opt.ClassesFrom.classes
	} else if m.classes, err = learnClasses(texts, opt.Log); err != nil {
		return nil, fmt.Errorf("learn word classes: %w", err)
	}
	counts := priorCounts(m, examples)
	m.frameVerbs, m.priors = frameVerbs(m, examples), counts.priors(-1, 1)
	var cueData, roleData []seq.Sequence
	folds := make([]*Model, max(1, opt.PriorFolds))
	for f := range folds {
		folds[f] = m
		if len(folds) > 1 {
			fm := *m
			fm.priors = counts.priors(f, len(folds))
			folds[f] = &fm
		}
	}
	for k, ex := range examples {
		c, r := trainingSequences(folds[k%len(folds)], ex)
		cueData = append(cueData, c...)
		roleData = append(roleData, r...)
	}
	if m.cue, err = fitAveraged("cue", cueScheme, cueData, opt, max(1, opt.CueLabellers)); err != nil {
		return nil, err
	}
	if m.role, err = fitAveraged("role", roleScheme, roleData, opt, max(1, opt.RoleLabellers)); err != nil {
		return nil, err
	}
	return m, nil
}

// fitAveraged fits n labellers on data, each with its own order of the
// passes, and averages them.
func fitAveraged(name string, s *seq.Scheme, data []seq.Sequence, opt TrainOptions, n int) (*seq.Model, error) {
	ms := make([]*seq.Model, n)
	for k := range ms {
		o := opt
		o.Seed += uint64(k)
		m, err := fit(fmt.Sprintf("%s %d/%d", name, k+1, n), s, data, o)
		if err != nil {
			return nil, err
		}
		ms[k] = m
	}
	if n == 1 {
		return ms[0], nil
	}
	return seq.Average(ms...)
}

func fit(name string, s *seq.Scheme, data []seq.Sequence, opt TrainOptions) (*seq.Model, error) {
	tr, err := seq.NewTrainer(s.Labels(), data, seq.Options{Seed: opt.Seed, Allowed: s.Allowed, MinCount: 2})
	if err != nil {
		return nil, fmt.Errorf("train %s labeller: %w", name, err)
	}
	for e := 1; e <= opt.Epochs; e++ {
		errs := tr.Epoch()
		opt.Log("%s labeller: epoch %d: %d positions wrong", name, e, errs)
	}
	return tr.Model(0), nil
}

// trainingSequences returns the cue labeller's sequences (one per
// paragraph) and the role labeller's (one per gold quote with a cue) of one
// example.
func trainingSequences(m *Model, ex Example) (cue, role []seq.Sequence) {
	d := newDoc(ex.Text).withAttrs(m)
	var cueSpans []tokRange
	for _, q := range ex.Quotes {
		if i, j, _ := d.tokenSpan(q.Cue); i < j && !q.Cue.Empty() {
			cueSpans = append(cueSpans, tokRange{i, j})
		}
	}
	for _, p := range d.paras {
		var spans []seq.Span
		for _, c := range cueSpans {
			if c.from >= p.from && c.to <= p.to && !overlapsAny(spans, c.from-p.from, c.to-p.from) {
				spans = append(spans, seq.Span{Start: c.from - p.from, End: c.to - p.from})
			}
		}
		feats := make([][]seq.Feature, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			feats[i-p.from] = d.cueFeatures(i, p, nil)
		}
		cue = append(cue, seq.Sequence{Features: feats, Labels: cueScheme.Encode(sortSpans(spans), len(feats), nil)})
	}
	for _, q := range ex.Quotes {
		c0, c1, _ := d.tokenSpan(q.Cue)
		if q.Cue.Empty() || c0 >= c1 {
			continue
		}
		p := d.roleWindow(c0, c1)
		if c1 > p.to {
			continue
		}
		var spans []seq.Span
		add := func(sp Span, typ int) {
			i, j, _ := d.tokenSpan(sp)
			i, j = max(i, p.from), min(j, p.to)
			if sp.Empty() || i >= j || i < c1 && j > c0 {
				return
			}
			spans = append(spans, seq.Span{Start: i - p.from, End: j - p.from, Type: typ})
		}
		add(q.Source, typeSource)
		for _, part := range q.Parts {
			add(part, typeContent)
		}
		ctx := d.newCueContext(c0, c1, p, cueSpans)
		feats := make([][]seq.Feature, p.to-p.from)
		for i := p.from; i < p.to; i++ {
			feats[i-p.from] = d.roleFeatures(ctx, i, p, nil)
		}
		role = append(role, seq.Sequence{Features: feats, Labels: roleScheme.Encode(sortSpans(spans), len(feats), nil)})
	}
	return cue, role
}

// sortSpans orders spans by start (Encode leaves out overlapping ones, so
// the order decides which of two overlapping spans stays).
func sortSpans(s []seq.Span) []seq.Span {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func overlapsAny(spans []seq.Span, i, j int) bool {
	for _, s := range spans {
		if s.Start < j && i < s.End {
			return true
		}
	}
	return false
}

// frameVerbs returns the stems of the one-word cues of direct quotes that
// occur at least twice in the examples.
func frameVerbs(m *Model, examples []Example) map[string]bool {
	n := map[string]int{}
	for _, ex := range examples {
		d := newDoc(ex.Text).withAttrs(m)
		for _, q := range ex.Quotes {
			if q.Kind != Direct {
				continue
			}
			if i, j, _ := d.tokenSpan(q.Cue); j == i+1 && d.toks[i].kind == tWord {
				n[d.attrs[i].stem]++
			}
		}
	}
	out := map[string]bool{}
	for s, c := range n {
		if c >= 2 {
			out[s] = true
		}
	}
	return out
}

// stemCounts are, per example, how often each stem occurs and how often
// as part of a gold cue.
type stemCounts struct{ all, cue []map[string]int }

func priorCounts(m *Model, examples []Example) stemCounts {
	var c stemCounts
	for _, ex := range examples {
		all, cue := map[string]int{}, map[string]int{}
		d := newDoc(ex.Text).withAttrs(m)
		for _, a := range d.attrs {
			all[a.stem]++
		}
		for _, q := range ex.Quotes {
			if i, j, _ := d.tokenSpan(q.Cue); !q.Cue.Empty() {
				for k := i; k < j; k++ {
					cue[d.attrs[k].stem]++
				}
			}
		}
		c.all, c.cue = append(c.all, all), append(c.cue, cue)
	}
	return c
}

// priors buckets (priorBucket), for every stem that is part of a gold cue,
// how often it is, counted over the examples outside fold f of n (example
// k is in fold k mod n; f < 0 counts every example).
func (c stemCounts) priors(f, n int) map[string]uint8 {
	all, cue := map[string]int{}, map[string]int{}
	for k := range c.all {
		if f >= 0 && k%n == f {
			continue
		}
		for st, v := range c.all[k] {
			all[st] += v
		}
		for st, v := range c.cue[k] {
			cue[st] += v
		}
	}
	out := make(map[string]uint8, len(cue))
	for st, v := range cue {
		out[st] = priorBucket(v, all[st])
	}
	return out
}
