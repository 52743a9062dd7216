package polnear

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// Extractor finds the quotes of an article text; mentions name the entities
// its speakers may resolve to.
type Extractor interface {
	Extract(text string, mentions []entity.Mention) []quote.Quote
}

// Counts are the true positives, false positives and false negatives of one
// score.
type Counts struct {
	TP, FP, FN int
}

// P is precision in percent.
func (c Counts) P() float64 { return pct(c.TP, c.TP+c.FP) }

// R is recall in percent.
func (c Counts) R() float64 { return pct(c.TP, c.TP+c.FN) }

// F is F1 in percent.
func (c Counts) F() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Role names a span of an attribution.
type Role int

// The roles, in the order reports list them.
const (
	Source Role = iota
	Cue
	Content
	numRoles
)

var roleNames = [numRoles]string{Source: "source", Cue: "cue", Content: "content"}

func (r Role) String() string { return roleNames[r] }

// None is the kind index of "no quote" in Report.Kinds: a gold quote nothing
// predicted matches, or a predicted quote with no gold.
const None = 3

// Report is the score of an extractor on a split.
type Report struct {
	Articles, GoldQuotes, Predicted int
	Exact                           [numRoles]Counts // spans as sets per article, exact start and end
	Overlap                         [numRoles]Counts // tokens covered by spans of the role, as sets per article
	Attribution                     Counts           // quotes whose content and source spans both match exactly
	// Kinds[g][p] counts gold quotes of kind g matched (by most content
	// overlap) to a predicted quote of kind p; row or column None holds
	// the unmatched.
	Kinds [4][4]int
	// ByKind[k] scores the content spans of gold quotes of kind k (TP, FN)
	// and of predicted quotes of kind k (TP, FP) exactly.
	ByKind  [3]Counts
	Errors  map[string]int      // error kind → count (see errorKinds)
	Samples map[string][]string // error kind → a few examples, "article: text"
	Bytes   int                 // UTF-8 bytes of text extracted from
	Elapsed time.Duration       // time spent in Extract, first pass (the extractor's caches cold)
	Warm    time.Duration       // time of a second pass over the same articles (caches warm)
}

// Evaluate runs x over the articles (one goroutine, timed) and scores it,
// then times a second pass, when the extractor's caches of word forms are
// warm.
// mentions, when not nil, gives each article's entity mentions.
func Evaluate(articles []Article, x Extractor, mentions func(Article) []entity.Mention) *Report {
	r := &Report{Articles: len(articles), Errors: map[string]int{}, Samples: map[string][]string{}}
	for _, a := range articles {
		var ms []entity.Mention
		if mentions != nil {
			ms = mentions(a)
		}
		start := time.Now()
		pred := x.Extract(a.Text, ms)
		r.Elapsed += time.Since(start)
		r.Bytes += len(a.Text)
		r.add(a, pred)
	}
	start := time.Now()
	for _, a := range articles {
		var ms []entity.Mention
		if mentions != nil {
			ms = mentions(a)
		}
		x.Extract(a.Text, ms)
	}
	r.Warm = time.Since(start)
	return r
}

// add scores one article's predictions.
func (r *Report) add(a Article, pred []quote.Quote) {
	r.GoldQuotes += len(a.Gold)
	r.Predicted += len(pred)
	toks := quote.Tokens(a.Text)
	for role := range numRoles {
		g, p := spansOf(a.Gold, role), spansOf(pred, role)
		r.Exact[role].add(exact(g, p))
		gp, pp := g, p
		if role == Content {
			gp, pp = partsOf(a.Gold), partsOf(pred)
		}
		r.Overlap[role].add(overlap(toks, gp, pp))
		r.classify(a, role, g, p)
	}
	r.Attribution.add(attributions(a.Gold, pred))
	r.byKind(a.Gold, pred)
	r.kinds(toks, a.Gold, pred)
}

// spansOf returns the distinct non-empty spans of one role, sorted.
func spansOf(qs []quote.Quote, role Role) []quote.Span {
	var out []quote.Span
	for _, q := range qs {
		if sp := roleSpan(q, role); !sp.Empty() {
			out = append(out, sp)
		}
	}
	return sortUniq(out)
}

func roleSpan(q quote.Quote, role Role) quote.Span {
	switch role {
	case Source:
		return q.Source
	case Cue:
		return q.Cue
	}
	return q.Content
}

func partsOf(qs []quote.Quote) []quote.Span {
	var out []quote.Span
	for _, q := range qs {
		if len(q.Parts) == 0 {
			out = append(out, q.Content)
		}
		out = append(out, q.Parts...)
	}
	return sortUniq(out)
}

func sortUniq(s []quote.Span) []quote.Span {
	slices.SortFunc(s, func(a, b quote.Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return slices.Compact(s)
}

func exact(gold, pred []quote.Span) Counts {
	tp := 0
	for _, p := range pred {
		if _, ok := slices.BinarySearchFunc(gold, p, func(a, b quote.Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		}); ok {
			tp++
		}
	}
	return Counts{TP: tp, FP: len(pred) - tp, FN: len(gold) - tp}
}

// overlap counts the tokens covered by gold spans, by predicted spans and by
// both.
func overlap(toks, gold, pred []quote.Span) Counts {
	var c Counts
	for _, t := range toks {
		g, p := covered(gold, t), covered(pred, t)
		switch {
		case g && p:
			c.TP++
		case g:
			c.FN++
		case p:
			c.FP++
		}
	}
	return c
}

func covered(spans []quote.Span, t quote.Span) bool {
	for _, s := range spans {
		if s.Start <= t.Start && t.End <= s.End {
			return true
		}
	}
	return false
}

// attributions matches predicted to gold quotes one to one on exact content
// and source (both absent counts as a match of the source).
func attributions(gold, pred []quote.Quote) Counts {
	used := make([]bool, len(pred))
	tp := 0
	for _, g := range gold {
		for i, p := range pred {
			if !used[i] && p.Content == g.Content && sameSpan(p.Source, g.Source) {
				used[i] = true
				tp++
				break
			}
		}
	}
	return Counts{TP: tp, FP: len(pred) - tp, FN: len(gold) - tp}
}

func sameSpan(a, b quote.Span) bool { return a == b || a.Empty() && b.Empty() }

// kinds matches gold and predicted quotes by the number of content tokens
// they share, most first, and counts the kinds of each pair.
func (r *Report) kinds(toks []quote.Span, gold, pred []quote.Quote) {
	type pair struct{ g, p, n int }
	var pairs []pair
	for i, g := range gold {
		for j, p := range pred {
			if n := sharedTokens(toks, g, p); n > 0 {
				pairs = append(pairs, pair{i, j, n})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.n, a.n) })
	gu, pu := make([]bool, len(gold)), make([]bool, len(pred))
	for _, pr := range pairs {
		if !gu[pr.g] && !pu[pr.p] {
			gu[pr.g], pu[pr.p] = true, true
			r.Kinds[gold[pr.g].Kind][pred[pr.p].Kind]++
		}
	}
	for i, g := range gold {
		if !gu[i] {
			r.Kinds[g.Kind][None]++
		}
	}
	for j, p := range pred {
		if !pu[j] {
			r.Kinds[None][p.Kind]++
		}
	}
}

func sharedTokens(toks []quote.Span, g, p quote.Quote) int {
	if g.Content.End <= p.Content.Start || p.Content.End <= g.Content.Start {
		return 0
	}
	gp, pp := partsOrContent(g), partsOrContent(p)
	n := 0
	for _, t := range toks {
		if t.Start >= g.Content.End {
			break
		}
		if covered(gp, t) && covered(pp, t) {
			n++
		}
	}
	return n
}

func partsOrContent(q quote.Quote) []quote.Span {
	if len(q.Parts) > 0 {
		return q.Parts
	}
	return []quote.Span{q.Content}
}

// classify counts the errors of one role in one article: a gold span that
// no prediction overlaps is missed, a predicted span that overlaps no gold
// span is spurious, and an overlapping pair that differs is a boundary error
// named by which ends are off. Content errors carry the gold kind.
func (r *Report) classify(a Article, role Role, gold, pred []quote.Span) {
	kindOf := func(sp quote.Span) string {
		if role != Content {
			return ""
		}
		for _, q := range a.Gold {
			if q.Content == sp {
				return " (" + q.Kind.String() + ")"
			}
		}
		return ""
	}
	for _, g := range gold {
		if slices.Contains(pred, g) {
			continue
		}
		best, ok := bestOverlap(g, pred)
		if !ok {
			r.note(a, role.String()+" missed"+kindOf(g), g)
			continue
		}
		r.note(a, role.String()+" boundary"+kindOf(g)+": "+boundary(g, best), g, best)
	}
	for _, p := range pred {
		if _, ok := bestOverlap(p, gold); !ok {
			r.note(a, role.String()+" spurious", p)
		}
	}
}

func bestOverlap(s quote.Span, others []quote.Span) (quote.Span, bool) {
	var best quote.Span
	bestN := 0
	for _, o := range others {
		if n := min(s.End, o.End) - max(s.Start, o.Start); n > bestN {
			best, bestN = o, n
		}
	}
	return best, bestN > 0
}

// boundary says how a predicted span's ends differ from the gold span's.
func boundary(g, p quote.Span) string {
	var s string
	switch {
	case p.Start < g.Start:
		s = "starts early"
	case p.Start > g.Start:
		s = "starts late"
	}
	e := ""
	switch {
	case p.End < g.End:
		e = "ends early"
	case p.End > g.End:
		e = "ends late"
	}
	if s != "" && e != "" {
		return s + ", " + e
	}
	return s + e
}

// maxSamples is how many examples of an error kind a report keeps.
var maxSamples = 8

// note counts an error of kind at span sp and keeps it as a sample while
// the kind has few; a boundary error also shows the predicted span it was
// matched with.
func (r *Report) note(a Article, kind string, sp quote.Span, predicted ...quote.Span) {
	r.Errors[kind]++
	if len(r.Samples[kind]) < maxSamples {
		s := fmt.Sprintf("%s@%d: %q", a.Name, sp.Start, quote.Text(a.Text, sp))
		for _, p := range predicted {
			s += fmt.Sprintf(" predicted %q", quote.Text(a.Text, p))
		}
		r.Samples[kind] = append(r.Samples[kind], s)
	}
}

// byKind counts exact content matches per quote kind: recall over gold
// quotes of the kind, precision over predicted ones.
func (r *Report) byKind(gold, pred []quote.Quote) {
	for _, g := range gold {
		hit := false
		for _, p := range pred {
			hit = hit || p.Content == g.Content
		}
		if hit {
			r.ByKind[g.Kind].TP++
		} else {
			r.ByKind[g.Kind].FN++
		}
	}
	for _, p := range pred {
		hit := false
		for _, g := range gold {
			hit = hit || p.Content == g.Content
		}
		if !hit {
			r.ByKind[p.Kind].FP++
		}
	}
}
