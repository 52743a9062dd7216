package timeline

import (
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// actors is what a Corpus knows of the people and organizations its
// sentences name and quote, computed on first use by a recipe that needs
// it (Recipe.Salience, Recipe.Quotes): recognizing entities costs more than
// the rest of NewCorpus, and most recipes do without.
type actors struct {
	once   sync.Once
	names  []string  // entity id → canonical name (entity.Group across the corpus)
	ents   [][]int32 // by corpus sentence: the distinct entities it names
	qonce  sync.Once
	quoted []float32 // by corpus sentence: the share of its runes inside a quote's content

	mentioned []docMentions // by doc: what recognition found
}

// actorTypes are the entity types that count as actors of a story: people
// and organizations (places and other names say where, not who).
var actorTypes = map[entity.Type]bool{entity.Person: true, entity.Organization: true}

// docMentions is what recognition found in one article: the mentions of
// its text and of its headline.
type docMentions struct {
	text, title []entity.Mention
}

// recognizer is the entity recognizer timelines use, built on first use.
var recognizer = sync.OnceValue(entity.New)

// mentions returns the entity mentions of every doc, recognized in
// parallel.
func mentions(docs []annotate.Doc) []docMentions {
	rec := recognizer()
	out := make([]docMentions, len(docs))
	parallel(len(docs), func(i int) {
		d := &docs[i]
		out[i].text = rec.Recognize(d.Article.Text)
		if d.Article.Title != "" {
			out[i].title = rec.Recognize(d.Article.Title)
		}
	})
	return out
}

// parallel calls f(0) … f(n-1) on one goroutine per CPU.
func parallel(n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// entities computes the actors of every sentence once.
func (c *Corpus) entities() *actors {
	a := &c.actors
	a.once.Do(func() {
		ms := mentions(c.docs)
		a.mentioned = ms
		// one entity per group of names across the corpus ("Obama", "Barack Obama")
		counts := map[[2]string]int{}
		for _, dm := range ms {
			for _, m := range append(dm.text[:len(dm.text):len(dm.text)], dm.title...) {
				if actorTypes[m.Type] {
					counts[[2]string{m.Name, string(m.Type)}]++
				}
			}
		}
		var recs []entity.Record
		for k, n := range counts {
			recs = append(recs, entity.Record{Name: k[0], Type: entity.Type(k[1]), Count: n})
		}
		id := map[[2]string]int32{}
		for i, e := range entity.Group(recs) {
			a.names = append(a.names, e.Name)
			for _, al := range e.Aliases {
				id[[2]string{al.Name, string(al.Type)}] = int32(i)
			}
		}
		a.ents = make([][]int32, len(c.sents))
		c.eachSentenceSpan(func(si int, s *sentence, start, end int) {
			dm := ms[s.doc]
			list := dm.text
			if s.idx < 0 {
				list, start, end = dm.title, 0, 1<<30
			}
			if s.boiler {
				return // page furniture: bylines, credits
			}
			if s.cut > 0 {
				start += utf8.RuneCountInString(c.text(s)[:s.cut]) // not the wire dateline's agency
			}
			for _, m := range list {
				if m.Start >= start && m.End <= end && actorTypes[m.Type] {
					e := id[[2]string{m.Name, string(m.Type)}]
					if !containsID(a.ents[si], e) {
						a.ents[si] = append(a.ents[si], e)
					}
				}
			}
		})
	})
	return a
}

// eachSentenceSpan calls f with every corpus sentence and its rune span in
// its article's text (the headline: 0, 0).
func (c *Corpus) eachSentenceSpan(f func(si int, s *sentence, start, end int)) {
	for si := range c.sents {
		s := &c.sents[si]
		if s.idx < 0 {
			f(si, s, 0, 0)
			continue
		}
		sn := c.docs[s.doc].Sentences[s.idx]
		f(si, s, sn.Start, sn.End)
	}
}

// quotes computes, once, how much of each sentence is a quote's content.
func (c *Corpus) quotes() *actors {
	a := c.entities()
	a.qonce.Do(func() {
		a.quoted = make([]float32, len(c.sents))
		x, err := quote.Default()
		if err != nil {
			return // a build whose embedded model is broken (a test of quote rules it out): no quotes
		}
		qs := make([][]quote.Quote, len(c.docs))
		parallel(len(c.docs), func(i int) {
			qs[i] = x.Extract(c.docs[i].Article.Text, a.mentioned[i].text)
		})
		c.eachSentenceSpan(func(si int, s *sentence, start, end int) {
			if end <= start {
				return
			}
			inside := 0
			for _, q := range qs[s.doc] {
				lo, hi := max(q.Content.Start, start), min(q.Content.End, end)
				if hi <= lo {
					continue
				}
				inside += hi - lo
			}
			a.quoted[si] = float32(min(inside, end-start)) / float32(end-start)
		})
	})
	return a
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
