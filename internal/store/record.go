package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
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
	sentences string     // the sentences and their time expressions (see encodeSentences)
	terms     []string   // each sentence's index terms (text.Terms), space-separated
	words     []wordTerm // the article's distinct words, folded, with their terms
	counts    counts     // what the article adds to the per-day counts
}

// wordTerm is a word of the vocabulary, folded (text.Fold), with the index
// term it gives ("" for stop words and clitics, which give none).
type wordTerm struct{ word, term string }

// counts is what one article contributes to the counts kept at ingest.
type counts struct {
	day                          string         // publication day
	source                       string         // outlet
	sentences, timexes, resolved int            // sentences; time expressions; those naming a stretch of the calendar
	refs                         map[string]int // day-granularity time expressions by the day they name
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

// maxForms bounds a preparer's memory (a few tens of megabytes); past it,
// it starts again.
const maxForms = 1 << 20

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
	p.forms[w] = f
	return f
}

// prepare computes what the store writes of d.
func prepare(d annotate.Doc) (*record, error) { return newPreparer().prepare(d) }

// prepare computes what the store writes of d, leaving out of its
// vocabulary the word forms p has put in a record before.
func (p *preparer) prepare(d annotate.Doc) (*record, error) {
	a := d.Article
	if len(d.Sentences) > maxSentences {
		return nil, fmt.Errorf("article %s: %d sentences, more than a store keeps (%d)", a.ID, len(d.Sentences), maxSentences)
	}
	r := &record{a: a, pub: a.Published.Format(timeFormat), day: a.Day().Format(time.DateOnly), digest: digest(a)}
	r.counts = counts{day: r.day, source: a.Source, sentences: len(d.Sentences), refs: map[string]int{}}
	r.terms = make([]string, len(d.Sentences))
	var sb strings.Builder
	for i, sn := range d.Sentences {
		sb.Reset()
		for _, w := range text.Words(sn.Text) {
			f := p.form(w)
			if f.ok {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(f.term)
			}
			if !f.sent {
				f.sent = true
				r.words = append(r.words, wordTerm{text.Fold(w), f.term})
			}
		}
		r.terms[i] = sb.String()
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
	var err error
	if r.sentences, err = encodeSentences(a.Text, d.Sentences); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	return r, nil
}

// digest identifies the content of an article that ingest compares.
func digest(a article.Article) string {
	h := sha256.New()
	for _, f := range []string{a.Published.Format(timeFormat), a.Title, a.URL, a.Source, a.Text} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// storedSentence is how a sentence is kept, in JSON, in its article's row.
// Text is left out when it is the article text's runes Start..End, as
// annotate makes it; so is a time expression's.
type storedSentence struct {
	I int           `json:"i"`           // Index
	S int           `json:"s"`           // Start (runes)
	E int           `json:"e"`           // End (runes)
	T *string       `json:"t,omitempty"` // Text, when it is not the span of the article text
	X []storedTimex `json:"x,omitempty"`
}

type storedTimex struct {
	S int     `json:"s"`
	E int     `json:"e"`
	T *string `json:"t,omitempty"`
	Y string  `json:"y"`
	V string  `json:"v,omitempty"`
	M string  `json:"m,omitempty"`
	Q string  `json:"q,omitempty"`
	F string  `json:"f,omitempty"`
}

// runeIndex converts rune offsets of a text to byte offsets.
type runeIndex struct {
	text  string
	ascii bool
	at    []int32 // byte offset of each rune, and of the end
}

func newRuneIndex(s string) runeIndex {
	ri := runeIndex{text: s, ascii: true}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ri.ascii = false
			break
		}
	}
	if !ri.ascii {
		ri.at = make([]int32, 0, len(s)+1)
		for i := range s {
			ri.at = append(ri.at, int32(i))
		}
		ri.at = append(ri.at, int32(len(s)))
	}
	return ri
}

// span returns the text of runes start..end, false when out of range.
func (ri runeIndex) span(start, end int) (string, bool) {
	n := len(ri.text)
	if !ri.ascii {
		n = len(ri.at) - 1
	}
	if start < 0 || end < start || end > n {
		return "", false
	}
	if ri.ascii {
		return ri.text[start:end], true
	}
	return ri.text[ri.at[start]:ri.at[end]], true
}

// encodeSentences writes the sentences of an article with text body.
func encodeSentences(body string, sents []annotate.Sentence) (string, error) {
	ri := newRuneIndex(body)
	out := make([]storedSentence, len(sents))
	for i, sn := range sents {
		ss := storedSentence{I: sn.Index, S: sn.Start, E: sn.End}
		if t, ok := ri.span(sn.Start, sn.End); !ok || t != sn.Text {
			ss.T = &sn.Text
		}
		for _, x := range sn.Timexes {
			sx := storedTimex{S: x.Start, E: x.End, Y: string(x.Type), V: x.Value, M: x.Mod, Q: x.Quant, F: x.Freq}
			if t, ok := ri.span(x.Start, x.End); !ok || t != x.Text {
				sx.T = &x.Text
			}
			ss.X = append(ss.X, sx)
		}
		out[i] = ss
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// decodeSentences reads what encodeSentences wrote. The sentences' texts
// share the memory of body.
func decodeSentences(body, data string) ([]annotate.Sentence, error) {
	var in []storedSentence
	if err := json.Unmarshal([]byte(data), &in); err != nil {
		return nil, fmt.Errorf("stored sentences: %w", err)
	}
	ri := newRuneIndex(body)
	out := make([]annotate.Sentence, len(in))
	for i, ss := range in {
		sn := annotate.Sentence{Index: ss.I, Start: ss.S, End: ss.E}
		if ss.T != nil {
			sn.Text = *ss.T
		} else {
			sn.Text, _ = ri.span(ss.S, ss.E)
		}
		if len(ss.X) > 0 {
			sn.Timexes = make([]timex.Timex, len(ss.X))
			for j, sx := range ss.X {
				x := timex.Timex{Start: sx.S, End: sx.E, Type: timex.Type(sx.Y), Value: sx.V, Mod: sx.M, Quant: sx.Q, Freq: sx.F}
				if sx.T != nil {
					x.Text = *sx.T
				} else {
					x.Text, _ = ri.span(sx.S, sx.E)
				}
				sn.Timexes[j] = x
			}
		}
		out[i] = sn
	}
	return out, nil
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
