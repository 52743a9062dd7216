package timeline

import (
	"math"
	"sort"
	"strings"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/quote"
)

// The DATEWISE recipe (Gholipour Ghalandari & Ifrim, ACL 2020): rank dates,
// then summarize each from the sentences that speak for it.
const (
	leadSentences = 6 // sentences of an article's lead that speak for its publication days
	pubWindow     = 2 // an article's lead speaks for its publication day and the day before
	maxSimilarity = 0.9999
)

// Build makes a timeline of docs; see Corpus.Build. To build several
// timelines of the same documents, prepare them once with NewCorpus.
func Build(docs []annotate.Doc, opt Options) Timeline {
	return NewCorpus(docs).Build(opt)
}

// Build makes a timeline: the opt.Dates most-referred-to days within the
// range, each summarized by opt.PerDate sentences. A date enters only if at
// least one of its sentences is eligible (matches the keywords and the
// query).
func (c *Corpus) Build(opt Options) Timeline {
	opt = opt.withDefaults()
	if strings.TrimSpace(opt.Entity) != "" && opt.EntityAliases == nil {
		opt.EntityAliases = c.aliases(opt.Entity)
	}
	if strings.TrimSpace(opt.Speaker) != "" && opt.SpeakerAliases == nil {
		opt.SpeakerAliases = c.aliases(opt.Speaker)
	}
	v := c.newView(opt)
	byRef, byPub := v.index()
	var entries []Entry
	next := v.dayOrder(v.rankDays(byRef), opt.Dates)
	taken := map[day]bool{} // days in the timeline
	used := map[int]bool{}  // selected sentences in the timeline
	var chosen []int        // the same, in the order picked
	add := func(d day, score float64, cands []int) {
		picked := v.centroidOpt(cands, opt.PerDate, chosen)
		if len(picked) == 0 {
			return
		}
		e := Entry{Date: d.time(), Score: score}
		for _, i := range picked {
			e.Items = append(e.Items, v.item(i))
			used[i] = true
			chosen = append(chosen, i)
		}
		entries = append(entries, e)
		taken[d] = true
	}
	for len(entries) < opt.Dates {
		rd, ok := next()
		if !ok {
			break
		}
		add(rd.d, rd.score, v.candidates(byRef[rd.d], byPub[rd.d]))
	}
	if len(entries) < opt.Dates && opt.Recipe.Leads {
		days, cands := v.publicationDays(taken, used)
		for _, rd := range days {
			if len(entries) == opt.Dates {
				break
			}
			add(rd.d, 0, cands[rd.d])
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Date.Before(entries[j].Date) })
	return Timeline{Entries: entries}
}

// publicationDays fills a timeline that came out shorter than asked, when
// few of the eligible sentences name a day or open an article (a narrow
// query): an eligible sentence that names no day, and is not in the
// timeline yet, then speaks for its article's publication day. It returns
// those days not taken yet, the days with the most such articles (then
// sentences) first, and their sentences.
func (v *view) publicationDays(taken map[day]bool, used map[int]bool) ([]rankedDay, map[day][]int) {
	byDay := map[day][]int{}
	docs := map[day]map[int]bool{}
	for i := range v.sel {
		s := v.sent(i)
		if !v.eligible[i] || used[i] || len(s.refs) > 0 || taken[s.pub] || !v.inRange(s.pub) {
			continue
		}
		byDay[s.pub] = append(byDay[s.pub], i)
		if docs[s.pub] == nil {
			docs[s.pub] = map[int]bool{}
		}
		docs[s.pub][s.doc] = true
	}
	order := make([]rankedDay, 0, len(byDay))
	for d := range byDay {
		// articles first, then sentences
		order = append(order, rankedDay{d, float64(len(docs[d])) + float64(len(byDay[d]))/1e6})
	}
	sortRanked(order)
	return order, byDay
}

// item describes selected sentence i for output.
func (v *view) item(i int) Item {
	s := v.sent(i)
	d := v.docs[s.doc]
	index := -1
	var quotes []Quote
	if s.idx >= 0 {
		sn := d.Sentences[s.idx]
		index = sn.Index
		quotes = quotesIn(d, sn.Start, sn.End)
	}
	return Item{Text: v.cleanText(i), ArticleID: d.Article.ID, Sentence: index,
		Published: d.Article.Published, Title: d.Article.Title, Source: d.Article.Source, URL: d.Article.URL, Quotes: quotes}
}

// AttachQuotes gives the items of tl the quotes their sentences hold, from
// the quotes of docs (annotated with quotes; matched to items by article
// id): what Build does from its own documents, for a caller that finds the
// quotes of the chosen articles only once the timeline is built.
func AttachQuotes(tl Timeline, docs []annotate.Doc) {
	byID := make(map[string]*annotate.Doc, len(docs))
	for i := range docs {
		byID[docs[i].Article.ID] = &docs[i]
	}
	for _, e := range tl.Entries {
		for i := range e.Items {
			it := &e.Items[i]
			d := byID[it.ArticleID]
			if d == nil || it.Sentence < 0 || it.Sentence >= len(d.Sentences) {
				continue
			}
			sn := d.Sentences[it.Sentence]
			it.Quotes = quotesIn(*d, sn.Start, sn.End)
		}
	}
}

// quotesIn returns the quotes of d whose content overlaps the rune span
// [start, end) of its text: the quotes a sentence there holds.
func quotesIn(d annotate.Doc, start, end int) []Quote {
	var out []Quote
	for _, q := range d.Quotes {
		if q.Content.End <= start || q.Content.Start >= end {
			continue
		}
		parts := make([]string, 0, len(q.Parts))
		for _, p := range q.Parts {
			parts = append(parts, quote.Text(d.Article.Text, p))
		}
		if len(parts) == 0 {
			parts = append(parts, quote.Text(d.Article.Text, q.Content))
		}
		out = append(out, Quote{Speaker: q.Speaker, Content: strings.Join(parts, " … "), Cue: quote.Text(d.Article.Text, q.Cue)})
	}
	return out
}

// index groups selected sentences by the day they refer to (in range), and
// the undated lead sentences by the days their article's publication speaks
// for.
func (v *view) index() (byRef, byPub map[day][]int) {
	r := v.recipe
	byRef, byPub = map[day][]int{}, map[day][]int{}
	for i := range v.sel {
		s := v.sent(i)
		if len(s.refs) > 0 {
			refs := s.refs[:1]
			if r.AllRefs {
				refs = s.refs
			}
			for _, d := range refs {
				if v.inRange(d) {
					byRef[d] = append(byRef[d], i)
				}
			}
			continue
		}
		pos := s.idx
		if r.Titles {
			pos = s.pos
		}
		if pos >= leadSentences || !r.Leads {
			continue
		}
		for k := 0; k < pubWindow; k++ {
			d := s.pub - day(k)
			byPub[d] = append(byPub[d], i)
		}
	}
	return byRef, byPub
}

type rankedDay struct {
	d     day
	score float64
}

// rankDays orders the referred-to days by how many sentences (or articles)
// refer to them, earlier days first among equals.
func (v *view) rankDays(byRef map[day][]int) []rankedDay {
	r := v.recipe
	out := make([]rankedDay, 0, len(byRef))
	if r.Learned {
		days, X := v.dayFeatures()
		for i, d := range days {
			out = append(out, rankedDay{d, score(r.Model.Days, X[i])})
		}
		sortRanked(out)
		return out
	}
	for d, ss := range byRef {
		n := len(ss)
		if r.RankDocs {
			docs := map[int]bool{}
			for _, i := range ss {
				docs[v.sent(i).doc] = true
			}
			n = len(docs)
		}
		out = append(out, rankedDay{d, float64(n)})
	}
	sortRanked(out)
	return out
}

// sortRanked orders days by score, earlier days first among equals.
func sortRanked(out []rankedDay) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].d < out[j].d
	})
}

// sumVectors adds the vectors of the given selected sentences, each scaled
// by f, to a.
func (v *view) sumVectors(ids []int, f float64, a *acc) {
	for _, i := range ids {
		a.add(v.vecs[i], f)
	}
}

// candidates picks the sentences that speak for a day: those that refer to
// it and the undated lead sentences published on it or the day after, kept
// when they are close to the day's vector (the mean of both groups over the
// terms they share), above the knee of the similarity curve.
func (v *view) candidates(ment, pub []int) []int {
	switch {
	case len(ment) == 0:
		return pub
	case len(pub) == 0:
		return ment
	case !v.recipe.Knee:
		return append(append([]int(nil), ment...), pub...)
	}
	dateVec := v.sharedVector(ment, pub)
	all := append(append([]int(nil), ment...), pub...)
	sims := make([]float64, len(all))
	for i, si := range all {
		sims[i] = dot(dateVec, v.vecs[si])
	}
	sorted := append([]float64(nil), sims...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	thresh := sorted[kneePoint(sorted)]
	var out []int
	for i, si := range all {
		if sims[i] > 0 && sims[i] > thresh {
			out = append(out, si)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// kneePoint returns the index of the point of a decreasing curve farthest
// from the straight line through its first and last points.
func kneePoint(ys []float64) int {
	n := len(ys)
	if n < 3 {
		return 0
	}
	lx, ly := float64(n-1), ys[n-1]-ys[0]
	norm := math.Hypot(lx, ly)
	if norm == 0 {
		return 0
	}
	lx, ly = lx/norm, ly/norm
	best, bestDist := 0, -1.0
	for i, y := range ys {
		vx, vy := float64(i), y-ys[0]
		proj := vx*lx + vy*ly
		dx, dy := vx-proj*lx, vy-proj*ly
		if d := math.Hypot(dx, dy); d > bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// centroidOpt greedily picks up to k eligible sentences whose sum is closest
// (by cosine) to the centroid of all candidates, skipping near-copies of
// sentences already picked, and sentences that retell (view.retold) one
// picked here or among earlier, the timeline's earlier picks.
func (v *view) centroidOpt(cands []int, k int, earlier []int) []int {
	rec := v.recipe
	if len(cands) == 0 {
		return nil
	}
	centroid, sum := v.acc(0), v.acc(1)
	defer centroid.reset()
	defer sum.reset()
	v.sumVectors(cands, 1, centroid)
	cn := centroid.norm()
	if cn == 0 {
		cn = 1
	}
	// cos(sum+x, c) = (sum·c + x·c) / (|c| sqrt(|sum|² + 2 sum·x + |x|²)); vectors are unit length.
	var sumC, sumSq float64
	remaining := append([]int(nil), cands...)
	var picked []int
	for len(remaining) > 0 && len(picked) < k {
		type scored struct {
			i     int
			score float64
		}
		ranked := make([]scored, len(remaining))
		for j, i := range remaining {
			x := v.vecs[i]
			xc := centroid.dot(x)
			norm := math.Sqrt(sumSq + 2*sum.dot(x) + dot(x, x))
			score := 0.0
			if norm > 0 {
				score = (sumC + xc) / (cn * norm)
			}
			if rec.Actors > 0 {
				score += rec.Actors * v.actorWeight(i)
			}
			ranked[j] = scored{i, score}
		}
		sort.Slice(ranked, func(a, b int) bool {
			if ranked[a].score != ranked[b].score {
				return ranked[a].score > ranked[b].score
			}
			return ranked[a].i < ranked[b].i
		})
		next := -1
		var keep []int
		for j, r := range ranked {
			if next >= 0 {
				keep = append(keep, ranked[j].i)
				continue
			}
			maxSim := maxSimilarity
			if rec.SameDay > 0 {
				maxSim = rec.SameDay
			}
			if !v.eligible[r.i] || !v.fits(r.i) || v.quotedOut(r.i) || v.redundant(r.i, picked, maxSim) ||
				v.retold(r.i, earlier) || v.retold(r.i, picked) {
				continue // dropped for good
			}
			next = r.i
		}
		if next < 0 {
			break
		}
		picked = append(picked, next)
		x := v.vecs[next]
		sumSq += 2*sum.dot(x) + dot(x, x)
		sumC += centroid.dot(x)
		sum.add(x, 1)
		remaining = keep
	}
	return picked
}

// fits reports whether selected sentence i has a length the recipe allows.
func (v *view) fits(i int) bool {
	return v.recipe.MaxWords == 0 || v.sent(i).words <= v.recipe.MaxWords
}

// quotedOut reports whether selected sentence i is more of a quote's
// content than the recipe lets a summary sentence be.
func (v *view) quotedOut(i int) bool {
	if v.recipe.NoQuoted == 0 {
		return false
	}
	return float64(v.quotes().quoted[v.sel[i]]) > v.recipe.NoQuoted
}

// redundant reports whether selected sentence i is more similar than max
// to one of picked.
func (v *view) redundant(i int, picked []int, max float64) bool {
	for _, p := range picked {
		if dot(v.vecs[i], v.vecs[p]) > max {
			return true
		}
	}
	return false
}

// retoldSimilarity is the cosine of their TF-IDF vectors above which two
// sentences of one story's articles say the same thing.
const retoldSimilarity = 0.5

// retold reports whether selected sentence i says the same thing as one of
// picked from another article of the same story (a copy, an updated
// version): a timeline never shows one story's sentence twice from two of
// its articles, on one date or on two. (The same sentence of one article
// may speak for two dates, as before: keeping it off the second measured
// lower on T17, AR1 0.1345 against 0.1367.)
func (v *view) retold(i int, picked []int) bool {
	s := v.sent(i)
	for _, p := range picked {
		if q := v.sent(p); q.doc != s.doc && v.story[q.doc] == v.story[s.doc] && dot(v.vecs[i], v.vecs[p]) > retoldSimilarity {
			return true
		}
	}
	return false
}

// cleanText is the text of selected sentence i as the recipe shows it.
func (v *view) cleanText(i int) string {
	s := v.sent(i)
	t := v.text(s)
	if v.recipe.Clean {
		t = t[s.cut:]
	}
	return t
}

// sharedVector is the mean of the vectors of a and the mean of those of b,
// added over the terms both means use, at unit length.
func (v *view) sharedVector(a, b []int) vector {
	ma, mb := v.acc(0), v.acc(1)
	defer ma.reset()
	defer mb.reset()
	v.sumVectors(a, 1/float64(len(a)), ma)
	v.sumVectors(b, 1/float64(len(b)), mb)
	out := make(vector, 0, len(ma.terms))
	for _, t := range ma.terms {
		if mb.on[t] {
			out = append(out, weight{t, float32(ma.w[t] + mb.w[t])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].term < out[j].term })
	out.normalize()
	return out
}

// dayOrder returns the days of ranked one at a time, in the order the
// timeline takes them: by rank, or — when the recipe keeps dates apart —
// reordered by spread, computed only as far as it is asked for (a timeline
// takes its dates from the head of the order).
func (v *view) dayOrder(ranked []rankedDay, dates int) func() (rankedDay, bool) {
	if v.recipe.Spread <= 0 || len(ranked) <= 1 {
		i := 0
		return func() (rankedDay, bool) {
			if i == len(ranked) {
				return rankedDay{}, false
			}
			i++
			return ranked[i-1], true
		}
	}
	lo, hi := ranked[0].d, ranked[0].d
	for _, rd := range ranked {
		lo, hi = min(lo, rd.d), max(hi, rd.d)
	}
	gap := float64(hi-lo+1) / float64(dates) // the mean distance between dates of an even timeline
	return newSpreader(ranked, v.recipe.Spread, gap).next
}

// spread reorders ranked days greedily: the next day is the one whose
// rank score (1 for the first, falling evenly to 0) less a penalty of
// penalty/(1+distance/gap) for every day already taken is highest. gap is
// the mean distance between the dates of an evenly spread timeline.
func spread(ranked []rankedDay, penalty, gap float64) []rankedDay {
	s := newSpreader(ranked, penalty, gap)
	out := make([]rankedDay, 0, len(ranked))
	for rd, ok := s.next(); ok; rd, ok = s.next() {
		out = append(out, rd)
	}
	return out
}

// spreader computes spread's order one day at a time. Each day's score is
// kept with the number of taken days whose penalty it already carries, and
// is brought up to date only when the day is looked at, subtracting the
// penalties in the order the days were taken — the same operations, in the
// same order, as summing them afresh, so the scores and the order are
// exactly spread's. A step looks only at the days whose rank score is above
// the best score found so far (penalties only lower scores), so taking k
// days of n costs about k·n·(share of days looked at)·k, not n³.
type spreader struct {
	ranked       []rankedDay
	penalty, gap float64
	taken        []bool
	score        []float64 // rank score less the penalties of out[:charged[i]]
	charged      []int     // how many taken days score[i] has been charged for
	first        int       // every day before it is taken
	out          []rankedDay
}

func newSpreader(ranked []rankedDay, penalty, gap float64) *spreader {
	s := &spreader{ranked: ranked, penalty: penalty, gap: gap, taken: make([]bool, len(ranked)),
		score: make([]float64, len(ranked)), charged: make([]int, len(ranked))}
	n := float64(len(ranked))
	for i := range ranked {
		s.score[i] = 1 - float64(i)/n
	}
	return s
}

// next returns the next day of the order, false when every day is taken.
func (s *spreader) next() (rankedDay, bool) {
	if len(s.out) == len(s.ranked) {
		return rankedDay{}, false
	}
	n := float64(len(s.ranked))
	best, bestScore := -1, math.Inf(-1)
	for i := s.first; i < len(s.ranked); i++ {
		if rank := 1 - float64(i)/n; rank < bestScore {
			break // penalties only lower scores: no later day can win
		}
		if s.taken[i] {
			continue
		}
		d := s.ranked[i].d
		for _, o := range s.out[s.charged[i]:] {
			s.score[i] -= s.penalty / (1 + math.Abs(float64(d-o.d))/s.gap)
		}
		s.charged[i] = len(s.out)
		if s.score[i] > bestScore {
			best, bestScore = i, s.score[i]
		}
	}
	s.taken[best] = true
	for s.first < len(s.taken) && s.taken[s.first] {
		s.first++
	}
	s.out = append(s.out, s.ranked[best])
	return s.ranked[best], true
}
