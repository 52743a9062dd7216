package timex

import (
	"strings"
	"testing"
)

// adversarialUnits are the pieces of inputs built to make tagging
// quadratic: one endless sentence of expressions, anaphora with no anchor
// of their granularity, one endless word.
var adversarialUnits = []string{"last ", "the ", "a ", "1 ", "early ", "the end of ", "about ", "Monday ", "1/2 ",
	"- ", "1990 ", "twenty ", "every ", "Friday, ", "May ", "' ", "at least ", "nearly a ", "1990 that day ", "x"}

// TestTagAdversarial tags each adversarial input whole: every expression
// found lies inside the text, in order and without overlap. How long it
// takes is measured by BenchmarkTagAdversarial, not asserted here; a
// quadratic regression shows there (and as a test time-out).
func TestTagAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	for _, unit := range adversarialUnits {
		s := strings.Repeat(unit, 20000)
		end, n := 0, len([]rune(s))
		for _, x := range New().Tag(s, tuesday) {
			if x.Start < end || x.End <= x.Start || x.End > n {
				t.Fatalf("%q x 20000: expression [%d, %d) after one ending at %d", unit, x.Start, x.End, end)
			}
			end = x.End
		}
	}
}

// BenchmarkTagAdversarial measures tagging speed on the adversarial
// inputs; compare runs with benchstat to see a superlinear regression.
func BenchmarkTagAdversarial(b *testing.B) {
	for _, unit := range adversarialUnits {
		s := strings.Repeat(unit, 20000)
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for i := 0; i < b.N; i++ {
				New().Tag(s, tuesday)
			}
		})
	}
}
