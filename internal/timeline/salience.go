package timeline

// salience is how central each actor (person or organization) is to the
// articles of a view: the share of them that name it, less the share of
// the articles of other topics that name it (Options.Background). An actor
// named in most of a topic's articles, and not in every topic's, is who
// the story is about.
type salience struct {
	of   []float64 // by entity id, in [0, 1]
	best float64   // the largest of them
}

// salience computes the actors' salience over the view's articles, once.
func (v *view) salience() *salience {
	if v.sal != nil {
		return v.sal
	}
	a := v.entities()
	docs := make([]int32, len(a.names)) // articles of the view naming each actor
	last := make([]int32, len(a.names)) // the last article counted for each, plus one
	articles := 0
	prev := -1
	for i := range v.sel {
		s := v.sent(i)
		if s.doc != prev {
			articles++
			prev = s.doc
		}
		for _, e := range a.ents[v.sel[i]] {
			if last[e] != int32(s.doc)+1 {
				last[e] = int32(s.doc) + 1
				docs[e]++
			}
		}
	}
	sal := &salience{of: make([]float64, len(a.names))}
	for e, n := range docs {
		if articles > 0 {
			sal.of[e] = max(0, float64(n)/float64(articles)-v.background[a.names[e]])
			sal.best = max(sal.best, sal.of[e])
		}
	}
	v.sal = sal
	return sal
}

// actorWeight is the salience of the most salient actor sentence i of the
// view names, relative to the view's most salient actor (0 when it names
// none).
func (v *view) actorWeight(i int) float64 {
	sal := v.salience()
	if sal.best == 0 {
		return 0
	}
	w := 0.0
	for _, e := range v.entities().ents[v.sel[i]] {
		w = max(w, sal.of[e])
	}
	return w / sal.best
}

// dayActors adds the salience features of the days that selected sentences
// name: for each day, the articles naming it weighted by the salience of
// the actors their sentences about it name (fActors), and the size of its
// largest event — the most articles naming the day in a sentence that
// names one actor, weighted by that actor's salience (fEvent).
func (v *view) dayActors(get func(day) *[numDayFeatures]float64) {
	sal := v.salience()
	a := v.entities()
	type docDay struct {
		doc int
		d   day
	}
	type dayEnt struct {
		d day
		e int32
	}
	best := map[docDay]float64{} // an article's most salient actor named with the day
	seen := map[[3]int32]bool{}  // (article, day, actor) counted
	event := map[dayEnt]float64{}
	for i := range v.sel {
		s := v.sent(i)
		w := v.actorWeight(i)
		for _, d := range s.refs {
			if !v.inRange(d) {
				continue
			}
			k := docDay{s.doc, d}
			best[k] = max(best[k], w)
			for _, e := range a.ents[v.sel[i]] {
				if key := [3]int32{int32(s.doc), int32(d), e}; !seen[key] {
					seen[key] = true
					event[dayEnt{d, e}] += sal.of[e]
				}
			}
		}
	}
	docs := map[day]float64{}
	for k, w := range best {
		get(k.d)[fActors] += w
		docs[k.d]++
	}
	for k, w := range event {
		f := get(k.d)
		f[fEvent] = max(f[fEvent], w/max(sal.best, 1e-9))
	}
	for d, n := range docs {
		f := get(d)
		f[fActors] /= n
		f[fEvent] /= n
	}
}

// ActorShares returns, by canonical name, the share of the corpus's
// articles that name each actor (person or organization): the background
// that the timelines of other collections weigh salience against (see
// Options.Background).
func (c *Corpus) ActorShares() map[string]float64 {
	a := c.entities()
	last := make([]int, len(a.names))
	n := make([]int, len(a.names))
	for si, ents := range a.ents {
		doc := c.sents[si].doc + 1
		for _, e := range ents {
			if last[e] != doc {
				last[e] = doc
				n[e]++
			}
		}
	}
	out := make(map[string]float64, len(a.names))
	for e, k := range n {
		if k > 0 {
			out[a.names[e]] += float64(k) / float64(max(1, len(c.docs)))
		}
	}
	return out
}

// MeanShares is the mean of several collections' actor shares (see
// Corpus.ActorShares): each collection weighs the same.
func MeanShares(shares []map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for _, sh := range shares {
		for name, x := range sh {
			out[name] += x / float64(len(shares))
		}
	}
	return out
}
