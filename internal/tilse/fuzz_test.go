package tilse

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// FuzzRead checks that no input makes Read panic, and that what Write makes
// of what Read gives reads back the same (blank summaries aside, which
// Write leaves out).
func FuzzRead(f *testing.F) {
	f.Add("2011-01-25\nProtesters fill Tahrir Square .\n" + Separator + "\n2011-2-1\n\n" + Separator + "\n")
	f.Add("no date\n" + Separator + "\n2011-01- 5\r\nx\r" + Separator)
	f.Fuzz(func(t *testing.T, in string) {
		tl, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for d, sents := range tl {
			if IsBlank(sents) {
				delete(tl, d)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, tl); err != nil {
			return // a sentence Read took that reads back as a date or separator (see Write)
		}
		back, err := Read(&buf)
		if err != nil || !reflect.DeepEqual(back, tl) {
			t.Fatalf("round trip of %q: %v, %v; want %v", in, back, err, tl)
		}
	})
}
