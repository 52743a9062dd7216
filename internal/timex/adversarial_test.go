package timex

import (
	"strings"
	"testing"
	"time"
)

// Tagging stays linear in the length of the text on inputs built to make it
// quadratic: one endless sentence of expressions, anaphora with no anchor
// of their granularity, one endless word.
func TestTagLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, unit := range []string{"last ", "the ", "a ", "1 ", "early ", "the end of ", "about ", "Monday ", "1/2 ",
		"- ", "1990 ", "twenty ", "every ", "Friday, ", "May ", "' ", "at least ", "nearly a ", "1990 that day ", "x"} {
		s := strings.Repeat(unit, 20000)
		start := time.Now()
		New().Tag(s, tuesday)
		// about 5 MB/s would be 40 ms; allow for a loaded machine
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q x 20000 took %v", unit, d)
		}
	}
}
