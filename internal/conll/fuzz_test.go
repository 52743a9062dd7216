package conll

import (
	"strings"
	"testing"
)

// FuzzRead checks that no input makes Read panic and that every phrase it
// returns lies inside its sentence.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("-DOCSTART- -X- -X- O\n\nA B-X\nB I-Y\n\n\n")
	f.Add("x I-\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				prev := 0
				for _, p := range s.Phrases {
					if p.Start < prev || p.End <= p.Start || p.End > len(s.Tokens) || p.Type == "" {
						t.Fatalf("bad phrase %+v in %d tokens", p, len(s.Tokens))
					}
					prev = p.End
				}
			}
			d.Text()
		}
	})
}
