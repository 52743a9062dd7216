package timeline

import (
	"math"
	"sort"

	"github.com/dateline-news/dateline/internal/annotate"
)

// The DATEWISE recipe (Gholipour Ghalandari & Ifrim, ACL 2020): rank dates,
// then summarize each from the sentences that speak for it.
const (
	leadSentences = 6 // sentences of an article's lead that speak for its publication days
	pubWindow     = 2 // an article's lead speaks for its publication day and the day before
	maxSimilarity = 0.9999
)

// Build makes a timeline of docs: the opt.Dates most-referred-to days, each
// summarized by opt.PerDate sentences. A date enters only if at least one of
// its sentences is eligible (matches the keywords and the query).
func Build(docs []annotate.Doc, opt Options) Timeline {
	opt = opt.withDefaults()
	c := newCorpus(docs, opt)
	byRef, byPub := c.index()
	var entries []Entry
	for _, rd := range rankByMentions(c, byRef) {
		if len(entries) == opt.Dates {
			break
		}
		cands := c.candidates(byRef[rd.d], byPub[rd.d])
		picked := centroidOpt(c, cands, opt.PerDate)
		if len(picked) == 0 {
			continue
		}
		e := Entry{Date: rd.d.time(), Score: rd.score}
		for _, si := range picked {
			e.Items = append(e.Items, c.item(si))
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Date.Before(entries[j].Date) })
	return Timeline{Entries: entries}
}

// item describes sentence si for output.
func (c *corpus) item(si int) Item {
	s := &c.sents[si]
	a := c.docs[s.doc].Article
	return Item{Text: c.text(s), ArticleID: a.ID, Sentence: c.docs[s.doc].Sentences[s.idx].Index,
		Published: a.Published, Title: a.Title, Source: a.Source, URL: a.URL}
}

// index groups sentence indices by the day they refer to (in range), and the
// undated lead sentences by the days their article's publication speaks for.
func (c *corpus) index() (byRef, byPub map[day][]int) {
	byRef, byPub = map[day][]int{}, map[day][]int{}
	for i := range c.sents {
		s := &c.sents[i]
		if s.ref != noDay {
			if c.inRange(s.ref) {
				byRef[s.ref] = append(byRef[s.ref], i)
			}
			continue
		}
		if s.idx >= leadSentences {
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

// rankByMentions orders the referred-to days by how many sentences refer to
// them, earlier days first among equals.
func rankByMentions(c *corpus, byRef map[day][]int) []rankedDay {
	out := make([]rankedDay, 0, len(byRef))
	for d, ss := range byRef {
		out = append(out, rankedDay{d, float64(len(ss))})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].d < out[j].d
	})
	return out
}

// candidates picks the sentences that speak for a day: those that refer to
// it and the undated lead sentences published on it or the day after, kept
// when they are close to the day's vector (the mean of both groups over the
// terms they share), above the knee of the similarity curve.
func (c *corpus) candidates(ment, pub []int) []int {
	switch {
	case len(ment) == 0:
		return pub
	case len(pub) == 0:
		return ment
	}
	mean := func(ids []int) map[int32]float64 {
		m := map[int32]float64{}
		for _, i := range ids {
			for _, x := range c.sents[i].vec {
				m[x.term] += float64(x.w)
			}
		}
		for t := range m {
			m[t] /= float64(len(ids))
		}
		return m
	}
	mm, pm := mean(ment), mean(pub)
	var dateVec vector
	for t, w := range mm {
		if pw, ok := pm[t]; ok {
			dateVec = append(dateVec, weight{t, float32(w + pw)})
		}
	}
	sort.Slice(dateVec, func(i, j int) bool { return dateVec[i].term < dateVec[j].term })
	all := append(append([]int(nil), ment...), pub...)
	sims := make([]float64, len(all))
	for i, si := range all {
		sims[i] = cosine(dateVec, c.sents[si].vec)
	}
	sorted := append([]float64(nil), sims...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	thresh := sims[kneePoint(sorted)]
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
// sentences already picked.
func centroidOpt(c *corpus, cands []int, k int) []int {
	if len(cands) == 0 {
		return nil
	}
	centroid := map[int32]float64{}
	for _, si := range cands {
		for _, x := range c.sents[si].vec {
			centroid[x.term] += float64(x.w)
		}
	}
	cv := make(vector, 0, len(centroid))
	for t, w := range centroid {
		cv = append(cv, weight{t, float32(w)})
	}
	sort.Slice(cv, func(i, j int) bool { return cv[i].term < cv[j].term })
	cv.normalize()

	remaining := map[int]bool{}
	for _, si := range cands {
		remaining[si] = true
	}
	var picked []int
	sum := map[int32]float64{}
	for len(remaining) > 0 && len(picked) < k {
		type scored struct {
			si    int
			score float64
		}
		var ranked []scored
		for si := range remaining {
			v := c.sents[si].vec
			var score float64
			if len(picked) == 0 {
				score = dot(v, cv)
			} else {
				score = cosine(addTo(sum, v), cv)
			}
			ranked = append(ranked, scored{si, score})
		}
		sort.Slice(ranked, func(i, j int) bool {
			if ranked[i].score != ranked[j].score {
				return ranked[i].score > ranked[j].score
			}
			return ranked[i].si < ranked[j].si
		})
		for _, r := range ranked {
			delete(remaining, r.si)
			if !c.sents[r.si].eligible || redundant(c, r.si, picked) {
				continue
			}
			picked = append(picked, r.si)
			for _, x := range c.sents[r.si].vec {
				sum[x.term] += float64(x.w)
			}
			break
		}
	}
	return picked
}

// addTo returns the sparse vector sum + v, without changing sum.
func addTo(sum map[int32]float64, v vector) vector {
	m := make(map[int32]float64, len(sum)+len(v))
	for t, w := range sum {
		m[t] = w
	}
	for _, x := range v {
		m[x.term] += float64(x.w)
	}
	out := make(vector, 0, len(m))
	for t, w := range m {
		out = append(out, weight{t, float32(w)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].term < out[j].term })
	return out
}

func redundant(c *corpus, si int, picked []int) bool {
	for _, p := range picked {
		if dot(c.sents[si].vec, c.sents[p].vec) > maxSimilarity {
			return true
		}
	}
	return false
}
