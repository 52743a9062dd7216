package timeline

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/dedup"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timex"
)

// day is a calendar day counted from 1970-01-01.
type day int32

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// noDay marks a sentence that refers to no day, or an unbounded range.
const noDay day = math.MinInt32

// Corpus is a set of annotated documents prepared for building timelines:
// each sentence's terms and the days it refers to are computed once, so
// that several timelines (different ranges, keywords, sizes) can be built
// from it cheaply. A Corpus is safe for concurrent Builds.
type Corpus struct {
	docs  []annotate.Doc
	sents []sentence
	vocab *text.Vocabulary
	// The stories of docs (see Recipe.Collapse and view.retold), on first
	// use: from the store the docs came from, or clustered here.
	storiesOnce sync.Once
	story       []int64    // the story of docs[i]: equal for the docs of one story
	dup         []bool     // docs[i] is a copy or an older version of a story another doc tells
	dupes       [][]string // the clusters of two or more docs, by article id
	actors      actors     // entities and quotes of the sentences, on first use (see Corpus.entities)
	// The names of the docs' mentions grouped into entities, on first use
	// by a selection of an entity or speaker (see Corpus.aliases).
	namesOnce sync.Once
	grouped   []entity.Entity
}

// aliases is Aliases of the corpus's docs, which are grouped once in the
// corpus's life.
func (c *Corpus) aliases(name string) []string {
	c.namesOnce.Do(func() { c.grouped = groupMentions(c.docs) })
	return AliasesIn(c.grouped, name)
}

// clusterStories computes story, dup and dupes once.
func (c *Corpus) clusterStories() {
	c.storiesOnce.Do(func() {
		c.story = storiesOf(c.docs)
		c.dup, c.dupes = duplicates(c.docs, c.story)
	})
}

// sentence is what a Corpus keeps of one sentence.
type sentence struct {
	doc, idx int    // article index in Corpus.docs, sentence index in the article (-1: the headline)
	pos      int    // position in the article counting its headline, if it has one, as position 0
	pub      day    // publication day of its article
	refs     []day  // every distinct day it names, in order of appearance
	explicit []bool // for each of refs, whether it is written with its day number ("March 18"), not relative ("Friday")
	folded   string // the text case-folded (text.Fold), for keyword matching (a slice of one string for the corpus)
	terms    vector // term counts, by term id
	cut      int    // byte offset where the text starts once a wire dateline is stripped (0: none)
	clean    vector // term counts of the text after cut; nil when cut is 0
	boiler   bool   // page furniture or talk rather than news (text.IsBoilerplate)
	words    int    // number of words
}

// NewCorpus prepares docs for building timelines. The order of docs does
// not matter: a Corpus takes them by publication day, then article id (the
// order in which a store returns them), so that the same articles give the
// same timelines whether they come from files or from a store.
func NewCorpus(docs []annotate.Doc) *Corpus { return newPreparer(false).Corpus(docs) }

// Corpus prepares docs for building timelines as NewCorpus does, and gives
// the same Corpus, but reads each article's words once in the Preparer's
// life: an article prepared for one corpus is not read again for the next.
func (p *Preparer) Corpus(docs []annotate.Doc) *Corpus {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b annotate.Doc) int {
		return cmp.Or(cmp.Compare(dayOf(a.Article.Published), dayOf(b.Article.Published)), strings.Compare(a.Article.ID, b.Article.ID))
	})
	c := &Corpus{docs: docs, vocab: text.NewVocabulary()}
	n := 0
	size := 0 // bytes of text, headlines included
	for _, d := range docs {
		n += len(d.Sentences) + 1
		size += len(d.Article.Title)
		for _, sn := range d.Sentences {
			size += len(sn.Text)
		}
	}
	c.sents = make([]sentence, 0, n)
	folded := make([]byte, 0, size) // every sentence case-folded, one after the other
	spans := make([][2]int, 0, n)
	l := p.local()
	for di, d := range docs {
		pd := p.prepare(d, l)
		pub := dayOf(d.Article.Published)
		first := 0
		if pd.hasTitle {
			// The headline says what the article is about: it joins the
			// article's lead, with no day references of its own.
			s := sentence{doc: di, idx: -1, pub: pub, boiler: pd.title.boiler}
			start := len(folded)
			folded = text.AppendFold(folded, strings.TrimSpace(d.Article.Title))
			spans = append(spans, [2]int{start, len(folded)})
			s.terms, s.words = l.counts(c, pd.title.all)
			c.sents = append(c.sents, s)
			first = 1
		}
		for si, sn := range d.Sentences {
			ps := &pd.sents[si]
			refs, explicit := days(sn.Timexes)
			s := sentence{doc: di, idx: si, pos: si + first, pub: pub, refs: refs, explicit: explicit, cut: ps.cut, boiler: ps.boiler}
			start := len(folded)
			folded = text.AppendFold(folded, sn.Text)
			spans = append(spans, [2]int{start, len(folded)})
			s.terms, s.words = l.counts(c, ps.all)
			if ps.cut > 0 {
				s.clean, s.words = l.counts(c, ps.clean)
			}
			c.sents = append(c.sents, s)
		}
	}
	all := string(folded)
	for i := range c.sents {
		c.sents[i].folded = all[spans[i][0]:spans[i][1]]
	}
	return c
}

// storiesOf returns the story of each doc: the store's (Doc.Story) when
// every doc came from one, which clustered them at ingest; else the
// clusters of a dedup.Index of their signatures — the rule the store
// clusters by, so that files and a store give the same stories.
func storiesOf(docs []annotate.Doc) []int64 {
	out := make([]int64, len(docs))
	for i := range docs {
		if docs[i].Story == 0 {
			ix := dedup.NewIndex(dedup.Options{})
			for j := range docs {
				ix.Add(docs[j].Article.Published, docs[j].Signed())
			}
			for j := range docs {
				out[j] = int64(ix.Cluster(j))
			}
			return out
		}
		out[i] = docs[i].Story
	}
	return out
}

// duplicates marks every doc but the first published of each story of two
// or more (the story's first appearance; the first in the corpus's order,
// when as early) as a duplicate, and lists those stories' article ids in
// corpus order. Keeping the longest version instead measured worse on T17
// (AR1 0.1338 against 0.1352).
func duplicates(docs []annotate.Doc, story []int64) (dup []bool, ids [][]string) {
	members := map[int64][]int{}
	var order []int64
	for i, s := range story {
		if _, ok := members[s]; !ok {
			order = append(order, s)
		}
		members[s] = append(members[s], i)
	}
	dup = make([]bool, len(docs))
	for _, s := range order {
		cl := members[s]
		if len(cl) < 2 {
			continue
		}
		keep := cl[0]
		var names []string
		for _, i := range cl {
			if docs[i].Article.Published.Before(docs[keep].Article.Published) {
				keep = i
			}
			names = append(names, docs[i].Article.ID)
		}
		for _, i := range cl {
			dup[i] = i != keep
		}
		ids = append(ids, names)
	}
	return dup, ids
}

// Stories returns the clusters of two or more articles that tell one story
// (copies and updated versions), as article ids in publication order.
func (c *Corpus) Stories() [][]string {
	c.clusterStories()
	return c.dupes
}

// lookup returns the distinct ids of terms, sorted, and whether the corpus
// knows every one of them.
func (c *Corpus) lookup(terms []string) ([]int32, bool) {
	ids, ok := c.vocab.Lookup(terms)
	slices.Sort(ids)
	return uniq(ids), ok
}

// text returns the text of sentence s.
func (c *Corpus) text(s *sentence) string {
	if s.idx < 0 {
		return c.docs[s.doc].Article.Title
	}
	return c.docs[s.doc].Sentences[s.idx].Text
}

// view is a Corpus seen through one set of options: the sentences of the
// articles of the topic (see Selection) published in range, their TF-IDF vectors over that selection,
// and whether each may enter the timeline.
type view struct {
	*Corpus
	from, to   day                // inclusive bounds on dates; noDay when unbounded
	sel        []int              // indices into Corpus.sents of the selected sentences
	vecs       []vector           // TF-IDF vectors of sel, unit length
	eligible   []bool             // whether sel[i] may enter the timeline
	recipe     Recipe             // the choices of the timeline being built
	accs       [2]*acc            // scratch accumulators over the vocabulary (see acc)
	sal        *salience          // the actors' salience over the view, on first use
	background map[string]float64 // Options.Background
}

// acc returns scratch accumulator n of the view, empty.
func (v *view) acc(n int) *acc {
	if v.accs[n] == nil {
		v.accs[n] = newAcc(v.vocab.Len())
	}
	return v.accs[n]
}

// inRange reports whether d lies within the view's bounds.
func (v *view) inRange(d day) bool {
	return (v.from == noDay || d >= v.from) && (v.to == noDay || d <= v.to)
}

// sent returns the i-th selected sentence.
func (v *view) sent(i int) *sentence { return &v.sents[v.sel[i]] }

// newView selects the sentences of the articles published within the
// options' range and computes their vectors, with IDF over the selection
// (smoothed as scikit-learn computes it: ln((1+n)/(1+df)) + 1).
func (c *Corpus) newView(opt Options) *view {
	v := &view{Corpus: c, from: noDay, to: noDay, recipe: opt.Recipe, background: opt.Background}
	if !opt.From.IsZero() {
		v.from = dayOf(opt.From)
	}
	if !opt.To.IsZero() {
		v.to = dayOf(opt.To)
	}
	c.clusterStories()
	m := opt.Selection.matcher()
	query, known := c.lookup(m.terms)
	var topic []bool // the articles with a matching sentence, when only they count
	if !opt.AllArticles && opt.Selection.Narrows() {
		topic = make([]bool, len(c.docs))
		for i := range c.sents {
			s := &c.sents[i]
			if s.idx >= 0 && !topic[s.doc] && v.inRange(s.pub) && c.matches(m, query, known, s) {
				topic[s.doc] = true
			}
		}
	}
	df := make([]int32, c.vocab.Len())
	for i := range c.sents {
		s := &c.sents[i]
		if !v.inRange(s.pub) || (s.idx < 0 && !opt.Recipe.Titles) || (topic != nil && !topic[s.doc]) || (opt.Recipe.Collapse && c.dup[s.doc]) {
			continue
		}
		v.sel = append(v.sel, i)
		v.eligible = append(v.eligible, c.matches(m, query, known, s))
		for _, t := range s.terms {
			df[t.term]++
		}
	}
	n := float64(len(v.sel))
	idf := make([]float32, len(df))
	for t, f := range df {
		if f > 0 {
			idf[t] = float32(math.Log((1+n)/(1+float64(f))) + 1)
		}
	}
	v.vecs = make([]vector, len(v.sel))
	tfOf := func(s *sentence) vector {
		if opt.Recipe.Clean && s.clean != nil {
			return s.clean
		}
		return s.terms
	}
	total := 0
	for _, si := range v.sel {
		total += len(tfOf(&c.sents[si]))
	}
	buf := make(vector, total) // one allocation for every vector of the view
	for i, si := range v.sel {
		s := &c.sents[si]
		tf := tfOf(s)
		v.vecs[i] = buf[:len(tf):len(tf)]
		buf = buf[len(tf):]
		tfidf(v.vecs[i], tf, idf)
		if opt.Recipe.Clean && s.boiler {
			v.eligible[i] = false
		}
	}
	return v
}

// matches reports whether sentence s may enter a timeline of matcher m,
// whose query has the term ids query (known: the corpus has every term):
// what Selection.MatchSentence decides, from the corpus's cached forms.
func (c *Corpus) matches(m matcher, query []int32, known bool, s *sentence) bool {
	if !known || !m.keywordsIn(s.folded) || !containsAll(s.terms, query) {
		return false
	}
	if m.entity == nil && m.speaker == nil {
		return true
	}
	if s.idx < 0 {
		return false
	}
	d := &c.docs[s.doc]
	sn := &d.Sentences[s.idx]
	return m.mentions(sn.Entities) && m.quotes(d.Quotes, sn.Start, sn.End)
}

// days returns the distinct days named by the expressions that name a
// single day (DATE or TIME of day granularity), in order of appearance, and
// whether each is written out with its day number.
func days(xs []timex.Timex) (out []day, explicit []bool) {
	for _, x := range xs {
		if x.Type != timex.Date && x.Type != timex.Time {
			continue
		}
		if iv, ok := timex.ParseValue(x.Value); ok && iv.Gran == timex.Day {
			d := dayOf(iv.Start)
			written := strings.ContainsAny(x.Text, "0123456789")
			if i := slices.Index(out, d); i >= 0 {
				explicit[i] = explicit[i] || written
				continue
			}
			out = append(out, d)
			explicit = append(explicit, written)
		}
	}
	return out, explicit
}

// containsAll reports whether the term counts tf have every id of want.
func containsAll(tf vector, want []int32) bool {
	for _, w := range want {
		i := sort.Search(len(tf), func(i int) bool { return tf[i].term >= w })
		if i == len(tf) || tf[i].term != w {
			return false
		}
	}
	return true
}

// uniq returns the distinct ids of a sorted slice.
func uniq(ids []int32) []int32 {
	out := make([]int32, 0, len(ids))
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}
