package quote_test

import (
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// adversarialUnits are the pieces of inputs built to make extraction work
// hardest: cues, quotation marks of every kind, no sentence or paragraph
// break.
var adversarialUnits = []string{"said ", "“a,” he said ", "“ ", "” ", "\" ", "' ", "‘ ", "`` ", "'' ", "He said: ",
	"“a” — B\n", "according to ", "she ", ", ", "x ", "“x\n\n", "the minister said "}

// adversarialMentions are 2,000 person mentions spread over the start of
// an input, so that speaker resolution has many candidates.
func adversarialMentions() []entity.Mention {
	var ms []entity.Mention
	for i := 0; i < 2000; i++ {
		ms = append(ms, entity.Mention{Start: i * 10, End: i*10 + 2, Type: entity.Person, Name: "P"})
	}
	return ms
}

// TestExtractAdversarial extracts the quotes of each adversarial input
// whole: every span lies inside the text and every content is non-empty.
// How long it takes is measured by BenchmarkExtractAdversarial, not
// asserted here; a superlinear regression shows there (and as a test
// time-out).
func TestExtractAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	x := extractor(t)
	ms := adversarialMentions()
	for _, unit := range adversarialUnits {
		s := strings.Repeat(unit, 20000)
		n := len([]rune(s))
		inside := func(sp quote.Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= n }
		for _, q := range x.Extract(s, ms) {
			if q.Content.Empty() || !inside(q.Content) || !inside(q.Source) || !inside(q.Cue) {
				t.Fatalf("%q x 20000: quote %+v outside the text of %d runes", unit, q, n)
			}
		}
	}
}

// BenchmarkExtractAdversarial measures extraction speed on the
// adversarial inputs; compare runs with benchstat.
func BenchmarkExtractAdversarial(b *testing.B) {
	x, err := quote.Default()
	if err != nil {
		b.Fatal(err)
	}
	ms := adversarialMentions()
	for _, unit := range adversarialUnits {
		s := strings.Repeat(unit, 20000)
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for i := 0; i < b.N; i++ {
				x.Extract(s, ms)
			}
		})
	}
}
