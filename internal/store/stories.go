package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/dateline-news/dateline/internal/dedup"
)

// Stories: each stored article belongs to one story, the connected
// component of the graph whose edges join two articles that share an LSH
// band of their signatures and that dedup's rule (dedup.Options.SameStory)
// calls one story — exactly the clusters dedup.Index forms of the same
// articles, in whatever order they were stored. A story is named by the
// smallest sequence number among its articles. The tables (both backends):
// dedup (each article's signature, publication day and story), dedup_bands
// (band key and publication day → article, indexed: how candidates are
// found) and stories (the stories of two or more articles, with their size:
// the counts Stats reads). Candidates are looked up by band key within the
// days dedup's rule allows (bandProbe): a text stored again and again over
// the years — a standing notice, or the copies of a synthesized archive —
// costs a write only the copies of its own days, not every copy stored.
//
// A write assigns the stories of its batch in its own transaction, after
// the rest of the batch is written (assignStories): a replaced article is
// taken out of its story, whose remaining articles are clustered again (it
// may have been the link between them), then every article of the batch
// joins the stories of the stored articles and of the batch it is one story
// with, merging them.

// signed is an article as stories are assigned: its sequence number,
// publication day (dedup.Day), signature and story.
type signed struct {
	seq   int64
	day   int32
	sig   dedup.Signature
	story int64
}

// scanSigned reads a row of seq, day, signature, story.
func scanSigned(scan func(...any) error) (signed, error) {
	var a signed
	var sig []byte
	if err := scan(&a.seq, &a.day, &sig, &a.story); err != nil {
		return a, err
	}
	if err := a.sig.UnmarshalBinary(sig); err != nil {
		return a, damagedSeq(a.seq, err)
	}
	return a, nil
}

// candidateSet gathers the rows of a candidates query (band key, then
// seq, day, signature, story): the stored articles by band key, each
// signature decoded once whatever the number of its bands in the query.
type candidateSet struct {
	byKey map[int64][]signed
	bySeq map[int64]signed
}

func newCandidateSet() candidateSet {
	return candidateSet{byKey: map[int64][]signed{}, bySeq: map[int64]signed{}}
}

// add reads one row with scan.
func (c candidateSet) add(scan func(...any) error) error {
	var key int64
	var raw []byte
	a := signed{}
	if err := scan(&key, &a.seq, &a.day, &raw, &a.story); err != nil {
		return err
	}
	if known, ok := c.bySeq[a.seq]; ok {
		a = known
	} else if err := a.sig.UnmarshalBinary(raw); err != nil {
		return damagedSeq(a.seq, err)
	}
	c.bySeq[a.seq] = a
	c.byKey[key] = append(c.byKey[key], a)
	return nil
}

// storyTx is what assigning stories needs of a write transaction, in each
// backend's SQL.
type storyTx interface {
	// forget deletes the dedup rows and bands of seqs and returns the
	// stories those that were stored belonged to.
	forget(ctx context.Context, seqs []int64) ([]int64, error)
	// members returns the articles of the stories.
	members(ctx context.Context, stories []int64) ([]signed, error)
	// candidates returns, by band key, the stored articles with that key
	// published on a day of the probe's range.
	candidates(ctx context.Context, probes []bandProbe) (map[int64][]signed, error)
	// setStories moves articles to stories (seq → story).
	setStories(ctx context.Context, moves map[int64]int64) error
	// relabel moves every article of story from to story to.
	relabel(ctx context.Context, from, to int64) error
	// insert writes the dedup rows and bands of arts.
	insert(ctx context.Context, arts []signed) error
	// recount sets the stories table's row of each story from its
	// articles: its size when two or more, no row otherwise.
	recount(ctx context.Context, stories []int64) error
}

// assignStories gives the articles of batch (written in this transaction:
// new, or replacing the stored article of the same seq) their stories.
func assignStories(ctx context.Context, tx storyTx, batch []signed) error {
	if len(batch) == 0 {
		return nil
	}
	seqs := make([]int64, len(batch))
	for i, a := range batch {
		seqs[i] = a.seq
	}
	left, err := tx.forget(ctx, seqs)
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	touched := map[int64]bool{}
	if err := recluster(ctx, tx, uniqInts(left), touched); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	if err := join(ctx, tx, batch, touched); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	ts := make([]int64, 0, len(touched))
	for s := range touched {
		ts = append(ts, s)
	}
	slices.Sort(ts)
	if err := tx.recount(ctx, ts); err != nil {
		return fmt.Errorf("stories: count: %w", err)
	}
	return nil
}

// recluster clusters the articles left in stories afresh with a
// dedup.Index: taking an article out may split its story.
func recluster(ctx context.Context, tx storyTx, stories []int64, touched map[int64]bool) error {
	if len(stories) == 0 {
		return nil
	}
	arts, err := tx.members(ctx, stories)
	if err != nil {
		return err
	}
	byStory := map[int64][]signed{}
	for _, a := range arts {
		byStory[a.story] = append(byStory[a.story], a)
	}
	moves := map[int64]int64{}
	for _, s := range stories {
		touched[s] = true
		ms := byStory[s]
		slices.SortFunc(ms, func(a, b signed) int { return compareInt(a.seq, b.seq) })
		ix := dedup.NewIndex(dedup.Options{})
		for _, m := range ms {
			ix.Add(dayTime(m.day), m.sig)
		}
		for i, m := range ms {
			// The index names a cluster by its first-added member, the
			// smallest seq.
			if to := ms[ix.Cluster(i)].seq; to != m.story {
				moves[m.seq] = to
				touched[to] = true
			}
		}
	}
	return tx.setStories(ctx, moves)
}

// join puts the articles of batch into the stories of the stored articles
// and of each other that they are one story with.
func join(ctx context.Context, tx storyTx, batch []signed, touched map[int64]bool) error {
	keysOf := make([][]uint64, len(batch))
	var probes []bandProbe
	for i, a := range batch {
		keysOf[i] = a.sig.Bands()
		for _, k := range keysOf[i] {
			probes = append(probes, probeAround(int64(k), a.day))
		}
	}
	stored, err := tx.candidates(ctx, mergeProbes(probes))
	if err != nil {
		return err
	}
	// Union-find over the batch (0..n-1) and the stored stories (n..).
	u := dedup.NewForest(len(batch))
	node := map[int64]int{} // stored story → node
	label := map[int]int64{}
	for i, a := range batch {
		label[i] = a.seq
	}
	storyNode := func(s int64) int {
		if n, ok := node[s]; ok {
			return n
		}
		n := u.Add()
		node[s], label[n] = n, s
		return n
	}
	inBatch := map[uint64][]int{}
	same := dedup.Options{}.SameStory
	for i, a := range batch {
		seen := map[int64]bool{}
		for _, k := range keysOf[i] {
			for _, c := range stored[int64(k)] {
				if !seen[c.seq] {
					seen[c.seq] = true
					if same(c.sig, c.day, a.sig, a.day) {
						u.Union(storyNode(c.story), i)
					}
				}
			}
			for _, j := range inBatch[k] {
				if !seen[-1-int64(j)] {
					seen[-1-int64(j)] = true
					if same(batch[j].sig, batch[j].day, a.sig, a.day) {
						u.Union(j, i)
					}
				}
			}
			inBatch[k] = append(inBatch[k], i)
		}
	}
	// Each component is named by its smallest seq: the smallest of its
	// stored stories' names and of its batch articles.
	name := map[int]int64{}
	for n := range u.Len() {
		r := u.Find(n)
		if s, ok := name[r]; !ok || label[n] < s {
			name[r] = label[n]
		}
	}
	for s, n := range node {
		if to := name[u.Find(n)]; to != s {
			if err := tx.relabel(ctx, s, to); err != nil {
				return err
			}
			touched[s] = true
		}
	}
	for i := range batch {
		batch[i].story = name[u.Find(i)]
		touched[batch[i].story] = true
	}
	return tx.insert(ctx, batch)
}

// bandProbe asks for the stored articles with a band key published on a
// day from lo to hi (dedup.Day values, inclusive).
type bandProbe struct {
	key    int64
	lo, hi int32
}

// probeAround is the probe of an article's band key: the days within
// dedup's MaxDays of its own, the only ones SameStory can join it to.
func probeAround(key int64, day int32) bandProbe {
	d := int32(dedup.DefaultOptions.MaxDays)
	return bandProbe{key: key, lo: day - d, hi: day + d}
}

// mergeProbes sorts probes by key and day and merges those of one key whose
// days overlap or touch, so that no stored row is asked for twice.
func mergeProbes(ps []bandProbe) []bandProbe {
	slices.SortFunc(ps, func(a, b bandProbe) int {
		if c := compareInt(a.key, b.key); c != 0 {
			return c
		}
		return compareInt(int64(a.lo), int64(b.lo))
	})
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].key == p.key && p.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, p.hi)
			continue
		}
		out = append(out, p)
	}
	return out
}

// dayTime is the time at the start of a dedup.Day, for a dedup.Index.
func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// uniqInts returns the distinct values of xs, sorted.
func uniqInts(xs []int64) []int64 {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// Sibling is another article of an article's story (see Store.Siblings).
type Sibling struct {
	ID, Title, Source string
	Published         time.Time
}

// maxSiblings bounds the siblings Siblings returns: a wire story may have
// hundreds of copies.
const maxSiblings = 100

// Siblings returns the other articles of the story the article id belongs
// to (its copies and updated versions, see internal/dedup), by publication
// day then id, at most maxSiblings of them; none for an article alone in
// its story or not stored.
func (s *Store) Siblings(ctx context.Context, id string) ([]Sibling, error) {
	sibs, err := s.b.siblings(ctx, id, maxSiblings)
	if err != nil {
		return nil, fmt.Errorf("siblings of %q: %w", id, err)
	}
	return sibs, nil
}

// scanSibling reads a row of id, title, source, published.
func scanSibling(scan func(...any) error) (Sibling, error) {
	var sb Sibling
	var pub string
	if err := scan(&sb.ID, &sb.Title, &sb.Source, &pub); err != nil {
		return sb, err
	}
	var err error
	if sb.Published, err = time.Parse(timeFormat, pub); err != nil {
		return sb, fmt.Errorf("article %s: bad publication time %q", sb.ID, pub)
	}
	return sb, nil
}

// damagedSeq names the stored article whose signature does not decode.
func damagedSeq(seq int64, err error) error {
	return fmt.Errorf("article #%d: signature: %w", seq, err)
}

// parsePublished reads a stored publication time.
func parsePublished(pub string) (time.Time, error) {
	t, err := time.Parse(timeFormat, pub)
	if err != nil {
		return t, fmt.Errorf("bad publication time %q", pub)
	}
	return t, nil
}
