package annotate

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timex"
)

// FuzzAnnotate runs the whole annotation step and checks its contract:
// sentences in order with their text at their rune offsets, and every time
// expression within the article and attached to the sentence it starts in.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"The talks resume next Friday, officials said on Tuesday. They met on Mar. 3 and Mar. 4 in Geneva.",
		"One sentence per line .\nOn Monday -LRB- Reuters -RRB- the pier closed .\n",
		"  \n Friday at",
		"The hearing was set for Jan. 14. It was delayed.",
		"He said “no.” Then, on Tue. Mar. 15 at 3 p.m. EST, he left…\n\nAcme Inc. The end.",
	} {
		f.Add(s, int64(1491868800))
	}
	an := New(timex.New())
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		if !utf8.ValidString(text) {
			return // readers give valid UTF-8 (JSON decoding), text files aside; offsets are runes of valid text
		}
		a := article.Article{ID: "x", Published: time.Unix(sec%(1<<36), 0).UTC(), Text: text}
		d := an.Annotate(a)
		r := []rune(text)
		prevEnd := 0
		for i, s := range d.Sentences {
			if s.Index != i || s.Start < prevEnd || s.End < s.Start || s.End > len(r) || string(r[s.Start:s.End]) != s.Text {
				t.Fatalf("sentence %d %+v after %d in %d runes", i, s, prevEnd, len(r))
			}
			prevEnd = s.End
			for _, x := range s.Timexes {
				if x.Start < s.Start || x.End > len(r) || x.End <= x.Start {
					t.Fatalf("sentence %d [%d,%d): time expression [%d,%d) %q", i, s.Start, s.End, x.Start, x.End, x.Text)
				}
				if i+1 < len(d.Sentences) && x.Start >= d.Sentences[i+1].Start {
					t.Fatalf("time expression at %d attached to sentence %d, which the next starts at %d", x.Start, i, d.Sentences[i+1].Start)
				}
			}
		}
		checkInside(t, d) // and every time expression ends inside its sentence
	})
}
