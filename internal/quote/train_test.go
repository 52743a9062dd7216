package quote

import (
	"maps"
	"testing"
)

// TestFoldPriors checks that cross-fitted priors count only the examples
// outside the fold: a stem that is a cue in one example only has no prior
// in that example's fold, and every prior counted on all the examples.
func TestFoldPriors(t *testing.T) {
	c := stemCounts{
		all: []map[string]int{{"said": 4, "the": 9}, {"said": 2, "claim": 1}, {"said": 3, "claim": 2}},
		cue: []map[string]int{{"said": 4}, {"said": 2, "claim": 1}, {"said": 1}},
	}
	tests := []struct {
		name string
		f, n int
		want map[string]uint8
	}{
		{"all examples", -1, 1, map[string]uint8{"said": priorBucket(7, 9), "claim": priorBucket(1, 3)}},
		{"fold 0 of 3", 0, 3, map[string]uint8{"said": priorBucket(3, 5), "claim": priorBucket(1, 3)}},
		{"fold 1 of 3 (claim's only cue left out)", 1, 3, map[string]uint8{"said": priorBucket(5, 7)}},
		{"fold 0 of 2 (examples 0 and 2 left out)", 0, 2, map[string]uint8{"said": priorBucket(2, 2), "claim": priorBucket(1, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.priors(tt.f, tt.n); !maps.Equal(got, tt.want) {
				t.Errorf("priors(%d, %d) = %v, want %v", tt.f, tt.n, got, tt.want)
			}
		})
	}
}
