package brat

import (
	"strings"
	"testing"
)

// FuzzParse checks that any input either parses into annotations that keep
// the format's invariants or fails with an error naming the file.
func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("T1\tCue 0 0\t\n")
	f.Add("E1\tAttribution:E1\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Parse(strings.NewReader(in), "f.ann")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.ann") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, tb := range d.TextBounds {
			if len(tb.Fragments) == 0 {
				t.Fatalf("%s without fragments", tb.ID)
			}
			for _, fr := range tb.Fragments {
				if fr.Start < 0 || fr.End < fr.Start {
					t.Fatalf("%s: bad fragment %v", tb.ID, fr)
				}
			}
			if got, ok := d.TextBound(tb.ID); !ok || got.ID != tb.ID {
				t.Fatalf("lookup of %s failed", tb.ID)
			}
		}
	})
}
