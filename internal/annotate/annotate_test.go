package annotate

import (
	"fmt"
	"iter"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/timex"
)

// wordTagger tags every occurrence of a fixed word as a DATE with a fixed
// value; it stands in for the real tagger so these tests check annotate's own
// work: splitting, rune offsets and attaching expressions to sentences.
type wordTagger struct{ word, value string }

func (w wordTagger) TagSentences(s string, dct time.Time, _ []text.Span) []timex.Timex {
	var out []timex.Timex
	runes := []rune(s)
	wr := []rune(w.word)
	for i := 0; i+len(wr) <= len(runes); i++ {
		if string(runes[i:i+len(wr)]) == w.word {
			out = append(out, timex.Timex{Start: i, End: i + len(wr), Text: w.word, Type: timex.Date, Value: w.value})
		}
	}
	return out
}

func TestAnnotateOffsetsInRunes(t *testing.T) {
	a := article.Article{ID: "a", Published: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC),
		Text: "Café owners met on Monday. Zoë said Monday was calm.\n\nNo date here."}
	doc := New(wordTagger{"Monday", "2031-03-02"}).Annotate(a)
	if len(doc.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3: %+v", len(doc.Sentences), doc.Sentences)
	}
	runes := []rune(a.Text)
	for i, s := range doc.Sentences {
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("sentence %d: runes [%d,%d) = %q, text %q", i, s.Start, s.End, got, s.Text)
		}
		for _, x := range s.Timexes {
			if x.Start < s.Start || x.End > s.End {
				t.Errorf("sentence %d: timex [%d,%d) outside [%d,%d)", i, x.Start, x.End, s.Start, s.End)
			}
			if got := string(runes[x.Start:x.End]); got != "Monday" {
				t.Errorf("timex text at offsets = %q", got)
			}
		}
	}
	if n0, n1, n2 := len(doc.Sentences[0].Timexes), len(doc.Sentences[1].Timexes), len(doc.Sentences[2].Timexes); n0 != 1 || n1 != 1 || n2 != 0 {
		t.Errorf("timexes per sentence = %d %d %d, want 1 1 0", n0, n1, n2)
	}
}

func articles(n int) iter.Seq2[article.Article, error] {
	return func(yield func(article.Article, error) bool) {
		for i := range n {
			if i%7 == 3 {
				if !yield(article.Article{}, fmt.Errorf("bad %d", i)) {
					return
				}
				continue
			}
			a := article.Article{ID: fmt.Sprint(i), Published: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC),
				Text: strings.Repeat("It rained on Monday. ", i%5+1)}
			if !yield(a, nil) {
				return
			}
		}
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 3} {
		an := New(wordTagger{"Monday", "X"})
		i := 0
		for doc, err := range an.Stream(articles(50), workers) {
			if i%7 == 3 {
				if err == nil || err.Error() != fmt.Sprintf("bad %d", i) {
					t.Fatalf("workers=%d item %d: err %v", workers, i, err)
				}
			} else if err != nil || doc.Article.ID != fmt.Sprint(i) || len(doc.Sentences) != i%5+1 {
				t.Fatalf("workers=%d item %d: got doc %q with %d sentences, err %v", workers, i, doc.Article.ID, len(doc.Sentences), err)
			}
			i++
		}
		if i != 50 {
			t.Errorf("workers=%d: %d items, want 50", workers, i)
		}
		// stopping early must not hang or leak a blocked feeder
		n := 0
		for range an.Stream(articles(1000), workers) {
			if n++; n == 5 {
				break
			}
		}
	}
}

// TestStreamBoundsWorkers: an absurd number of workers neither panics nor
// exhausts memory.
func TestStreamBoundsWorkers(t *testing.T) {
	arts := func(yield func(article.Article, error) bool) {
		for i := range 3 {
			if !yield(article.Article{ID: fmt.Sprint(i), Published: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC), Text: "The pier closed on Monday."}, nil) {
				return
			}
		}
	}
	for _, w := range []int{1e9, math.MaxInt} {
		n := 0
		for d, err := range New(nil).Stream(arts, w) {
			if err != nil || d.Article.ID != fmt.Sprint(n) {
				t.Fatalf("workers %d: doc %d = %q, %v", w, n, d.Article.ID, err)
			}
			n++
		}
		if n != 3 {
			t.Errorf("workers %d: %d docs", w, n)
		}
	}
}
