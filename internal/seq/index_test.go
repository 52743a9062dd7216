package seq

import "testing"

func TestFeatureTable(t *testing.T) {
	keys := []Feature{0, 5, 1 << 63, 17, 99}
	tb := newFeatureTable(keys)
	for r, f := range keys {
		if got := tb.get(f); got != int32(r) {
			t.Errorf("%d: %d", f, got)
		}
	}
	if tb.get(6) != -1 {
		t.Error("6")
	}
	var empty featureTable
	if empty.get(3) != -1 || empty.get(0) != -1 {
		t.Error("empty")
	}
}
