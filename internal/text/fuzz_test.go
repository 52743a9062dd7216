package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSentences checks that sentence spans are ordered, non-overlapping,
// within the text, non-empty and trimmed of ASCII white space (what trim
// does; a span of Unicode white space only, such as U+2028, is possible:
// see testdata/fuzz/FuzzSentences).
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"They met on Mar. 3 and Mar. 4 in Geneva. It was delayed.",
		"One sentence per line .\nAnother one -LRB- PTB -RRB- .\n",
		"Wrapped in\nmid-sentence. \"Quoted!\" he said… Then: Mr. Smith left.\n\nNew block",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %+v after %d in %d bytes", sp, prev, len(s))
			}
			if txt := s[sp.Start:sp.End]; strings.Trim(txt, " \t\n\r\f\v") != txt {
				t.Fatalf("span %+v not trimmed: %q", sp, txt)
			}
			prev = sp.End
		}
	})
}

// FuzzFold checks AppendFold's byte loop against folding every rune of the
// text in turn, the definition of Fold.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Syria", "ÖSTERREICH “quoted” — İstanbul", "\u212Aelvin ſ \xff\xfe end", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []byte
		for _, r := range s {
			want = utf8.AppendRune(want, FoldRune(r))
		}
		if got := AppendFold([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("AppendFold(%q) = %q, want %q", s, got[1:], want)
		}
	})
}
