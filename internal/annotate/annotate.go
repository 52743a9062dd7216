package annotate

import (
	"iter"
	"runtime"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/dedup"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timex"
	"github.com/dateline-news/dateline/internal/token"
)

// Sentence is one sentence of an article with its time expressions.
type Sentence struct {
	Index   int           // position in the article, from 0
	Text    string        // the sentence as written
	Start   int           // offset of its first rune in the article text
	End     int           // offset one past its last rune
	Timexes []timex.Timex // time expressions starting in it; offsets in runes of the article text
	// Entities are the named-entity mentions starting in it (when the
	// annotator recognizes entities), offsets in runes of the article text,
	// each with the canonical name the article gives its entity.
	Entities []entity.Mention
}

// Doc is an annotated article.
type Doc struct {
	Article   article.Article
	Sentences []Sentence
	// Quotes are the article's attributions in order of their content (when
	// the annotator finds quotes), spans in runes of the article text; a
	// quote may run over several sentences.
	Quotes []quote.Quote
	// Entities says that entities and quotes were looked for: without it,
	// empty Entities and Quotes mean "not annotated", not "none found" (a
	// document stored before dateline kept them, or annotated without
	// them).
	Entities bool
	// Signature is the article's near-duplicate signature (dedup.Sign of
	// its text), computed by Annotate; the zero value means not signed
	// (see Signed).
	Signature dedup.Signature
	// Story names the story the article belongs to in the store it was
	// read from: articles of one story (copies, updated versions: see
	// internal/dedup) have the same number, others not. 0 when it did not
	// come from a store.
	Story int64
}

// Signed returns d's near-duplicate signature: the one Annotate computed,
// or dedup.Sign of its text for a document built otherwise.
func (d *Doc) Signed() dedup.Signature {
	if d.Signature == (dedup.Signature{}) {
		return dedup.Sign(d.Article.Text)
	}
	return d.Signature
}

// Tagger finds the time expressions of a text already split into
// sentences (timex.English is one): byte spans in order, as text.Sentences
// gives them. Every expression must lie inside one of the sentences; its
// offsets are runes of the whole text. It must be safe for concurrent use.
type Tagger interface {
	TagSentences(doc string, dct time.Time, sentences []text.Span) []timex.Timex
}

// Recognizer finds the named entities of a text (entity.Recognizer is
// one): mentions in rune offsets, in order, each with its canonical name.
// It must be safe for concurrent use.
type Recognizer interface {
	Recognize(text string) []entity.Mention
}

// Quoter finds the quotes of a text given its entity mentions, which name
// the speakers (quote.Extractor is one). It must be safe for concurrent
// use.
type Quoter interface {
	Extract(text string, mentions []entity.Mention) []quote.Quote
}

// Annotator runs the annotation stages over articles. Its zero value is not
// usable; build it with New.
type Annotator struct {
	tagger Tagger
	rec    Recognizer
	quoter Quoter
}

// New returns an annotator that finds time expressions with tagger.
func New(tagger Tagger) *Annotator {
	return &Annotator{tagger: tagger}
}

// WithEntities returns a copy of an that also finds the named entities of
// each article with rec and, when quoter is not nil, its quotes, whose
// speakers take the names of rec's mentions.
func (an *Annotator) WithEntities(rec Recognizer, quoter Quoter) *Annotator {
	c := *an
	c.rec, c.quoter = rec, quoter
	return &c
}

// Annotate splits a into sentences and attaches to each the time expressions
// in it, resolved against a's publication date. The tagger sees the whole
// text at once with the same sentences, so that narrative anchors cross
// sentences and no expression runs past the end of its own.
func (an *Annotator) Annotate(a article.Article) Doc {
	spans := text.Sentences(a.Text)
	runeAt := runeOffsets(a.Text, spans)
	doc := Doc{Article: a, Sentences: make([]Sentence, len(spans)), Signature: dedup.Sign(a.Text)}
	for i, sp := range spans {
		doc.Sentences[i] = Sentence{Index: i, Text: a.Text[sp.Start:sp.End], Start: runeAt[2*i], End: runeAt[2*i+1]}
	}
	if len(spans) == 0 {
		return doc
	}
	if an.tagger != nil {
		j := 0
		for _, x := range an.tagger.TagSentences(a.Text, a.Published, spans) {
			j = sentenceAt(doc.Sentences, j, x.Start)
			doc.Sentences[j].Timexes = append(doc.Sentences[j].Timexes, x)
		}
	}
	an.entities(&doc)
	return doc
}

// entities attaches the named entities and quotes of doc's text, when the
// annotator finds them.
func (an *Annotator) entities(doc *Doc) {
	if an.rec == nil && an.quoter == nil {
		return
	}
	doc.Entities = an.rec != nil && an.quoter != nil
	text := doc.Article.Text
	tr, splitOnce := an.rec.(tokenRecognizer)
	tq, ok := an.quoter.(tokenQuoter)
	var tt *token.Text
	if splitOnce = splitOnce && ok; splitOnce {
		tt = token.Borrow()
		defer tt.Release()
		tt.Split(text)
	}
	var ms []entity.Mention
	var names *entity.Names
	switch {
	case splitOnce:
		names = tr.RecognizeNames(text, tt)
		ms = names.Mentions()
	case an.rec != nil:
		ms = an.rec.Recognize(text)
	}
	if an.rec != nil {
		j := 0
		for _, m := range ms {
			j = sentenceAt(doc.Sentences, j, m.Start)
			doc.Sentences[j].Entities = append(doc.Sentences[j].Entities, m)
		}
	}
	switch {
	case splitOnce:
		doc.Quotes = tq.ExtractNames(text, tt, names)
	case an.quoter != nil:
		doc.Quotes = an.quoter.Extract(text, ms)
	}
}

// tokenRecognizer and tokenQuoter are a Recognizer and a Quoter that read
// a text split into tokens by the caller and pass the article's names
// along (entity.Recognizer and quote.Extractor are): when both stages
// have it, the text is split once and its names worked out once.
type (
	tokenRecognizer interface {
		RecognizeNames(text string, tt *token.Text) *entity.Names
	}
	tokenQuoter interface {
		ExtractNames(text string, tt *token.Text, names *entity.Names) []quote.Quote
	}
)

// sentenceAt returns the index of the sentence, from j on, that the rune
// offset start falls in (the last sentence starting at or before it):
// annotations given in text order are placed by moving j forward only.
func sentenceAt(sents []Sentence, j, start int) int {
	for j+1 < len(sents) && start >= sents[j+1].Start {
		j++
	}
	return j
}

// runeOffsets converts the byte offsets of spans (sorted, non-overlapping) to
// rune offsets in one pass: start and end of span i at 2i and 2i+1.
func runeOffsets(s string, spans []text.Span) []int {
	out := make([]int, 0, 2*len(spans))
	bytePos, runePos := 0, 0
	advance := func(to int) int {
		runePos += utf8.RuneCountInString(s[bytePos:to])
		bytePos = to
		return runePos
	}
	for _, sp := range spans {
		out = append(out, advance(sp.Start), advance(sp.End))
	}
	return out
}

// MaxWorkers bounds the workers of Stream: annotation is bound by the CPUs,
// and every worker holds articles in flight.
const MaxWorkers = 256

// Stream annotates articles from in with workers goroutines (0 means one per
// CPU, at most MaxWorkers), yielding documents in input order. Read errors
// pass through in order. Stopping the iteration early stops the workers.
func (an *Annotator) Stream(in iter.Seq2[article.Article, error], workers int) iter.Seq2[Doc, error] {
	return Map(in, workers, an.Annotate)
}

// Map runs f on the articles from in with workers goroutines (0 means one
// per CPU, at most MaxWorkers), yielding the results in input order: what
// Stream does with Annotate, for callers that do more per article in the
// workers (a store prepares what it will write). Read errors pass through
// in order. Stopping the iteration early stops the workers.
func Map[T any](in iter.Seq2[article.Article, error], workers int, f func(article.Article) T) iter.Seq2[T, error] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, MaxWorkers)
	type result struct {
		v   T
		err error
	}
	return func(yield func(T, error) bool) {
		var zero T
		if workers == 1 {
			for a, err := range in {
				if err != nil {
					if !yield(zero, err) {
						return
					}
					continue
				}
				if !yield(f(a), nil) {
					return
				}
			}
			return
		}
		// Each job carries its own result channel; the queue of channels keeps
		// the input order while the workers run ahead.
		type job struct {
			a   article.Article
			err error
			out chan result
		}
		jobs := make(chan job, 4*workers)
		order := make(chan chan result, 4*workers)
		done := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for jb := range jobs {
					if jb.err != nil {
						jb.out <- result{err: jb.err}
						continue
					}
					jb.out <- result{v: f(jb.a)}
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for a, err := range in {
				jb := job{a: a, err: err, out: make(chan result, 1)}
				select {
				case order <- jb.out:
				case <-done:
					return
				}
				select {
				case jobs <- jb:
				case <-done:
					return
				}
			}
		}()
		defer func() {
			close(done)
			for range order { // let the feeder finish
			}
			wg.Wait()
		}()
		for ch := range order {
			r := <-ch
			if !yield(r.v, r.err) {
				return
			}
		}
	}
}
