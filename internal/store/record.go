package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/dedup"
	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timex"
)

// Sentence ids are the article's sequence number shifted left by
// sentenceBits, plus the sentence's position in the article: the sentences
// of an article are one range of ids, and a full-text hit names its article
// without a join table.
const sentenceBits = 22

// maxSentences is the most sentences a stored article may have.
const maxSentences = 1<<sentenceBits - 1

func sentenceID(seq int64, pos int) int64 { return seq<<sentenceBits | int64(pos) }

func splitSentenceID(id int64) (seq int64, pos int) {
	return id >> sentenceBits, int(id & maxSentences)
}

// record is an annotated article made ready to be written: everything a
// backend stores, computed in ingest's workers so that the database only
// stores.
type record struct {
	a         article.Article
	pub, day  string     // publication time (timeFormat) and day (YYYY-MM-DD)
	digest    string     // of the content that decides whether a stored article changed
	sentences []byte     // the annotations: sentences, time expressions, mentions, quotes (see encodeDoc)
	terms     []string   // each sentence's index terms (text.Terms), space-separated
	words     []wordTerm // the article's distinct words, folded, with their terms
	counts    counts     // what the article adds to the per-day counts
	sig       signed     // its signature and publication day (dedup.Day), for its story (see assignStories)
}

// signedAs returns r's signature stored as article seq.
func (r *record) signedAs(seq int64) signed {
	s := r.sig
	s.seq = seq
	return s
}

// wordTerm is a word of the vocabulary, folded (text.Fold), with the index
// term it gives ("" for stop words and clitics, which give none).
type wordTerm struct{ word, term string }

// counts is what one article contributes to the counts kept at ingest.
type counts struct {
	day                          string          // publication day
	source                       string          // outlet
	sentences, timexes, resolved int             // sentences; time expressions; those naming a stretch of the calendar
	refs                         map[string]int  // day-granularity time expressions by the day they name
	names                        map[nameKey]int // entity mentions by canonical name and type
}

// nameKey is an entity as the store counts it: a canonical name and a type.
type nameKey struct{ name, typ string }

// namesString writes names as lines "TYPE<tab>count<tab>name", in order,
// to be stored with the article (so that replacing it can take its counts
// back). Names are canonical names of mentions: no tab or line break
// survives the recognizer's tokens, and any that would is replaced.
func (c counts) namesString() string {
	keys := make([]nameKey, 0, len(c.names))
	for k := range c.names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].name != keys[j].name {
			return keys[i].name < keys[j].name
		}
		return keys[i].typ < keys[j].typ
	})
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "%s\t%d\t%s\n", k.typ, c.names[k], nameCleaner.Replace(k.name))
	}
	return sb.String()
}

var nameCleaner = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// parseNames reads what namesString wrote.
func parseNames(s string) map[nameKey]int {
	out := map[nameKey]int{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			continue
		}
		var n int
		fmt.Sscan(f[1], &n)
		out[nameKey{f[2], f[0]}] += n
	}
	return out
}

// refsString writes refs as "day:n day:n", days in order, to be stored with
// the article (so that replacing it can take its counts back).
func (c counts) refsString() string {
	days := make([]string, 0, len(c.refs))
	for d := range c.refs {
		days = append(days, d)
	}
	sort.Strings(days)
	var sb strings.Builder
	for i, d := range days {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%s:%d", d, c.refs[d])
	}
	return sb.String()
}

// parseRefs reads what refsString wrote.
func parseRefs(s string) map[string]int {
	out := map[string]int{}
	for _, f := range strings.Fields(s) {
		d, n, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		var k int
		fmt.Sscan(n, &k)
		out[d] += k
	}
	return out
}

// preparer computes records. It remembers the term of every word form it
// has seen (stemming is the dearest step, and news repeats its words), and
// the forms it has put in a record already: the vocabulary has them, or
// will once that record's batch commits, so later records leave them out.
// It is not safe for concurrent use; ingest keeps one per worker.
type preparer struct {
	forms map[string]*form
}

// form is what a preparer knows of one word form.
type form struct {
	term string
	ok   bool // it has a term (it is not a stop word or a clitic)
	sent bool // a record's vocabulary has had it
}

// maxForms bounds a preparer's memory (some 25 MB); past it, it starts
// again.
const maxForms = 1 << 18

func newPreparer() *preparer { return &preparer{forms: map[string]*form{}} }

// form returns what p knows of w, its term computed the first time.
func (p *preparer) form(w string) *form {
	if f := p.forms[w]; f != nil {
		return f
	}
	if len(p.forms) >= maxForms {
		clear(p.forms)
	}
	f := &form{}
	f.term, f.ok = text.Term(w)
	// The key is copied: w is a slice of an article's text, which the map
	// must not keep alive (nor look up in, scattered over memory).
	p.forms[strings.Clone(w)] = f
	return f
}

// prepare computes what the store writes of d.
func prepare(d annotate.Doc) (*record, error) { return newPreparer().prepare(d) }

// terms returns the index terms of a sentence's text (text.Terms, through
// p's forms), built in sb. With words, it appends the vocabulary entries of
// the forms no record of p has had yet, and marks them had.
func (p *preparer) terms(s string, sb *strings.Builder, words *[]wordTerm) string {
	sb.Reset()
	for _, w := range text.Words(s) {
		f := p.form(w)
		if f.ok {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(f.term)
		}
		if words != nil && !f.sent {
			f.sent = true
			*words = append(*words, wordTerm{text.Fold(w), f.term})
		}
	}
	return sb.String()
}

// prepare computes what the store writes of d, leaving out of its
// vocabulary the word forms p has put in a record before.
func (p *preparer) prepare(d annotate.Doc) (*record, error) {
	a := d.Article
	if len(d.Sentences) > maxSentences {
		return nil, fmt.Errorf("article %s: %d sentences, more than a store keeps (%d)", a.ID, len(d.Sentences), maxSentences)
	}
	r := &record{a: a, pub: a.Published.Format(timeFormat), day: a.Day().Format(time.DateOnly), digest: digest(a)}
	r.counts = counts{day: r.day, source: a.Source, sentences: len(d.Sentences), refs: map[string]int{}, names: map[nameKey]int{}}
	r.terms = make([]string, len(d.Sentences))
	var sb strings.Builder
	for i, sn := range d.Sentences {
		r.terms[i] = p.terms(sn.Text, &sb, &r.words)
		for _, m := range sn.Entities {
			if m.Name != "" {
				r.counts.names[nameKey{nameCleaner.Replace(m.Name), string(m.Type)}]++
			}
		}
		for _, x := range sn.Timexes {
			r.counts.timexes++
			if iv, ok := timex.ParseValue(x.Value); ok && (x.Type == timex.Date || x.Type == timex.Time) {
				r.counts.resolved++
				if iv.Gran == timex.Day {
					r.counts.refs[iv.Start.Format(time.DateOnly)]++
				}
			}
		}
	}
	r.sentences = encodeDoc(d)
	r.sig = signed{sig: d.Signed(), day: dedup.Day(a.Published)}
	return r, nil
}

// digest identifies the content of an article that ingest compares.
func digest(a article.Article) string {
	h := sha256.New()
	// annotations names what ingest annotates: an article stored by a
	// dateline that annotated less (before entities and quotes) has another
	// digest, so ingesting it again annotates and replaces it.
	const annotations = "sentences timexes entities quotes"
	for _, f := range []string{a.Published.Format(timeFormat), a.Title, a.URL, a.Source, a.Text, a.Author, a.DateFrom, annotations} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// batchWords returns the distinct vocabulary entries of recs, sorted
// (writers that insert in one order do not deadlock).
func batchWords(recs []*record) []wordTerm {
	seen := map[wordTerm]bool{}
	var out []wordTerm
	for _, r := range recs {
		for _, w := range r.words {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].word != out[j].word {
			return out[i].word < out[j].word
		}
		return out[i].term < out[j].term
	})
	return out
}
