package timeml

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no document makes Parse panic, and that the TIMEX3
// it reads lie in the text, in order, with their text at their offsets.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" ?><TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2017-04-11" functionInDocument="CREATION_TIME">2017-04-11</TIMEX3></DCT>
<TEXT>The vote is on <TIMEX3 tid="t1" type="DATE" value="2017-04-14">Friday</TIMEX3> &amp; <!-- c --> <![CDATA[x<y]]>.</TEXT></TimeML>`))
	f.Add([]byte(`<TimeML><TEXT><TIMEX3 tid="t1" type="DURATION" value="P1D"><TIMEX3>nested</TIMEX3></TEXT>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, "f.tml")
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(doc.Text)
		r := []rune(doc.Text)
		prev := 0
		for _, x := range doc.Timexes {
			if x.Start < 0 || x.End < x.Start || x.End > n {
				t.Fatalf("TIMEX3 [%d,%d) outside %d runes", x.Start, x.End, n)
			}
			if x.Start < prev {
				t.Fatalf("TIMEX3 at %d before %d", x.Start, prev)
			}
			prev = x.Start
			if string(r[x.Start:x.End]) != x.Text {
				t.Fatalf("TIMEX3 text %q, runes [%d,%d) are %q", x.Text, x.Start, x.End, string(r[x.Start:x.End]))
			}
		}
	})
}
