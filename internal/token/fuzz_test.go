package token

import (
	"testing"
	"unicode/utf8"
)

// FuzzSplit checks that any text splits into tokens in order, inside the
// text, whose offsets give back their text, with sequences in order.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"“A,” he said. “B.”", "``A,'' he said 's", "''x'' y", "-DOCSTART-\nEU rejects it .\n", "a\"b“c”d",
		"Mr. Smith's dog didn't — bark... $5", "\xff\xfe “", "'", "``", "\n\n\n", "U.S.\u00a0Army ― x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tt Text
		tt.Split(s)
		n := utf8.RuneCountInString(s)
		prevEnd, prevByte := 0, 0
		for _, tk := range tt.Toks {
			if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > n || tk.Byte < prevByte || tk.ByteEnd() > len(s) {
				t.Fatalf("%q: token %q at runes [%d,%d) bytes %d after %d/%d", s, tk.Text, tk.Start, tk.End, tk.Byte, prevEnd, prevByte)
			}
			if s[tk.Byte:tk.ByteEnd()] != tk.Text || utf8.RuneCountInString(tk.Text) != tk.End-tk.Start {
				t.Fatalf("%q: token %q does not match its offsets", s, tk.Text)
			}
			if tk.Kind == Quote && tk.Mark&(Open|Close) == 0 {
				t.Fatalf("%q: quotation mark %q leans no way", s, tk.Text)
			}
			prevEnd, prevByte = tk.End, tk.ByteEnd()
		}
		for k := 1; k < len(tt.Seqs); k++ {
			if tt.Seqs[k] <= tt.Seqs[k-1] || tt.Seqs[k] >= len(tt.Toks) {
				t.Fatalf("%q: sequences %v", s, tt.Seqs)
			}
		}
	})
}
