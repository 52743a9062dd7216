package quote_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/entity"
)

// TestExtractLinearTime feeds long runs of what makes extraction work
// hardest (cues, quotation marks of every kind, no sentence or paragraph
// break) and checks that time grows linearly: four times the text may take
// at most eight times as long (quadratic work would take sixteen), with a
// second's grace for a loaded machine. It asserts the shape of the growth,
// not a speed.
func TestExtractLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	x := extractor(t)
	run := func(unit string, n int) time.Duration {
		s := strings.Repeat(unit, n)
		var ms []entity.Mention
		for i := 0; i < n/10; i++ {
			ms = append(ms, entity.Mention{Start: i * 10, End: i*10 + 2, Type: entity.Person, Name: "P"})
		}
		start := time.Now()
		x.Extract(s, ms)
		return time.Since(start)
	}
	for _, unit := range []string{"said ", "“a,” he said ", "“ ", "” ", "\" ", "' ", "‘ ", "`` ", "'' ", "He said: ",
		"“a” — B\n", "according to ", "she ", ", ", "x ", "“x\n\n", "the minister said ", "WALLACE: a\n"} {
		small, large := run(unit, 5000), run(unit, 20000)
		if large > 8*small+time.Second {
			t.Errorf("%q: x 5000 took %v, x 20000 took %v", unit, small, large)
		}
	}
}
