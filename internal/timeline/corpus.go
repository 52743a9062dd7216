package timeline

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
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

// noDay marks a sentence that refers to no day.
const noDay day = math.MinInt32

// sentence is the working form of one sentence of the corpus.
type sentence struct {
	doc, idx int    // article index in corpus.docs, sentence index in the article
	pub      day    // publication day of its article
	ref      day    // the day it refers to: its first expression that names a single day; noDay if none
	vec      vector // TF-IDF weights, unit length
	eligible bool   // may enter the timeline (keywords and query match)
}

// corpus is the prepared input of one timeline.
type corpus struct {
	docs     []annotate.Doc
	sents    []sentence
	from, to day // inclusive bounds on dates; noDay when unbounded
}

// inRange reports whether d lies within the corpus bounds.
func (c *corpus) inRange(d day) bool {
	return (c.from == noDay || d >= c.from) && (c.to == noDay || d <= c.to)
}

// text returns the text of sentence s.
func (c *corpus) text(s *sentence) string { return c.docs[s.doc].Sentences[s.idx].Text }

// newCorpus keeps the documents published within the options' range and
// prepares their sentences: the day each refers to, TF-IDF vectors over the
// corpus's own vocabulary, and whether each may enter the timeline.
func newCorpus(docs []annotate.Doc, opt Options) *corpus {
	c := &corpus{from: noDay, to: noDay}
	if !opt.From.IsZero() {
		c.from = dayOf(opt.From)
	}
	if !opt.To.IsZero() {
		c.to = dayOf(opt.To)
	}
	for _, d := range docs {
		if c.inRange(dayOf(d.Article.Published)) {
			c.docs = append(c.docs, d)
		}
	}
	keywords := lowerKeywords(opt.Keywords)
	vocab := map[string]int32{}
	var query []int32
	for _, t := range text.Terms(opt.Query) {
		id, ok := vocab[t]
		if !ok {
			id = int32(len(vocab))
			vocab[t] = id
		}
		query = append(query, id)
	}
	var df []int
	var termIDs [][]int32
	for di, d := range c.docs {
		pub := dayOf(d.Article.Published)
		for si, sn := range d.Sentences {
			s := sentence{doc: di, idx: si, pub: pub, ref: firstDay(sn.Timexes)}
			terms := text.Terms(sn.Text)
			ids := make([]int32, len(terms))
			for i, t := range terms {
				id, ok := vocab[t]
				if !ok {
					id = int32(len(vocab))
					vocab[t] = id
				}
				ids[i] = id
			}
			s.eligible = matchKeywords(sn.Text, keywords) && containsAll(ids, query)
			termIDs = append(termIDs, ids)
			c.sents = append(c.sents, s)
			for len(df) < len(vocab) {
				df = append(df, 0)
			}
			for _, id := range uniq(ids) {
				df[id]++
			}
		}
	}
	// Smoothed IDF as scikit-learn computes it: ln((1+n)/(1+df)) + 1.
	n := float64(len(c.sents))
	idf := make([]float32, len(df))
	for i, f := range df {
		idf[i] = float32(math.Log((1+n)/(1+float64(f))) + 1)
	}
	for i := range c.sents {
		c.sents[i].vec = tfidf(termIDs[i], idf)
	}
	return c
}

// firstDay returns the day named by the first expression that names a single
// day (a DATE or TIME of day granularity), or noDay.
func firstDay(xs []timex.Timex) day {
	for _, x := range xs {
		if x.Type != timex.Date && x.Type != timex.Time {
			continue
		}
		if iv, ok := timex.ParseValue(x.Value); ok && iv.Gran == timex.Day {
			return dayOf(iv.Start)
		}
	}
	return noDay
}

// lowerKeywords returns the non-empty keywords, trimmed and lower-cased.
func lowerKeywords(kws []string) []string {
	out := make([]string, 0, len(kws))
	for _, k := range kws {
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// matchKeywords reports whether s contains one of the lower-case keywords
// (any s when there are none).
func matchKeywords(s string, keywords []string) bool {
	if len(keywords) == 0 {
		return true
	}
	lower := strings.ToLower(s)
	for _, k := range keywords {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

func containsAll(ids, want []int32) bool {
	for _, w := range want {
		found := false
		for _, id := range ids {
			if id == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func uniq(ids []int32) []int32 {
	out := append([]int32(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, id := range out {
		if i == 0 || id != out[k-1] {
			out[k] = id
			k++
		}
	}
	return out[:k]
}
