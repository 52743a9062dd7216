package quote_test

import (
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// FuzzExtract checks that no text, however its quotation marks are
// unbalanced, nested or mixed, makes the extractor panic or return a span
// outside the text, and that every quote keeps its invariants: content
// not empty, parts in order inside it, spans inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“A,” he said. “B.”",
		"“Unclosed, she said.\n\n“Still open",
		"”Backwards“ said ‘nobody’’ ``PTB'' \"straight' 'single\" —",
		"He said: “‘nested “deeper” ‘still’",
		"According to",
		"— ― –\n\n:",
		"\"\"\"\"''''``````",
		"“x” — Name, title\n“y” ― Other",
		"Mr. A said. B’s. ’s 's ' ’",
		"\xff\xfe“broken utf8” said X",
	} {
		f.Add(s)
	}
	x, err := quote.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := utf8.RuneCountInString(text)
		ms := []entity.Mention{{Start: 0, End: min(3, n), Type: entity.Person, Name: "P"}, {Start: n, End: n + 5, Type: entity.Person}}
		inside := func(sp quote.Span) bool { return sp.Start >= 0 && sp.End <= n && sp.Start <= sp.End }
		for _, q := range x.Extract(text, ms) {
			if q.Content.Empty() || !inside(q.Content) || !inside(q.Source) || !inside(q.Cue) {
				t.Fatalf("quote %+v outside the text of %d runes", q, n)
			}
			if len(q.Parts) == 0 || q.Parts[0].Start != q.Content.Start || q.Parts[len(q.Parts)-1].End != q.Content.End {
				t.Fatalf("parts %v do not make content %v", q.Parts, q.Content)
			}
			for i, p := range q.Parts {
				if p.Empty() || i > 0 && p.Start < q.Parts[i-1].End {
					t.Fatalf("parts %v out of order", q.Parts)
				}
			}
			if !q.Source.Empty() && q.Speaker == "" {
				t.Fatalf("quote %+v has a source but no speaker", q)
			}
		}
	})
}
