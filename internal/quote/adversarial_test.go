package quote_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/entity"
)

// TestExtractLinearTime feeds long runs of what makes extraction work
// hardest (cues, quotation marks of every kind, no sentence or paragraph
// break) and checks each finishes in bounded time.
func TestExtractLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	x := extractor(t)
	for _, unit := range []string{"said ", "“a,” he said ", "“ ", "” ", "\" ", "' ", "‘ ", "`` ", "'' ", "He said: ",
		"“a” — B\n", "according to ", "she ", ", ", "x ", "“x\n\n", "the minister said "} {
		s := strings.Repeat(unit, 20000)
		var ms []entity.Mention
		for i := 0; i < 2000; i++ {
			ms = append(ms, entity.Mention{Start: i * 10, End: i*10 + 2, Type: entity.Person, Name: "P"})
		}
		start := time.Now()
		x.Extract(s, ms)
		// about 1 MB/s would be a quarter of a second; allow for a loaded machine
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%q x 20000 took %v", unit, d)
		}
	}
}
