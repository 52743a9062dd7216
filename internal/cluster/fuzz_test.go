package cluster

import (
	"strings"
	"testing"
)

// FuzzRead checks that no input makes Read panic and that what it accepts
// writes back to input that reads the same.
func FuzzRead(f *testing.F) {
	f.Add("# sizes 4 2\na\t0\t0\nb\t3\t1\n")
	f.Add("# sizes 2\n")
	f.Add("# sizes 9 x\n")
	f.Fuzz(func(t *testing.T, in string) {
		cl, err := Read(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for l := range cl.Classes {
			if len(cl.Classes[l]) != len(cl.Words) {
				t.Fatalf("level %d: %d classes for %d words", l, len(cl.Classes[l]), len(cl.Words))
			}
		}
		var b strings.Builder
		if _, err := cl.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(strings.NewReader(b.String()), "again"); err != nil {
			t.Fatalf("written clustering does not read: %v", err)
		}
	})
}
