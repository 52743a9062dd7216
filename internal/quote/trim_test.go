package quote

import (
	"strings"
	"testing"
)

// TestTrimSources: what a source span loses at its ends before its speaker
// is named, in prose and in Penn Treebank text.
func TestTrimSources(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, src, want string
	}{
		{"an update note in front, PTB", "-LRB- Updated 7:40 p.m. -RRB- A senior official said the talks failed .",
			"-LRB- Updated 7:40 p.m. -RRB- A senior official", "A senior official"},
		{"nested brackets in front", "(Updated 7:40 p.m. (0240 local)) A senior official said so.",
			"(Updated 7:40 p.m. (0240 local)) A senior official", "A senior official"},
		{"the end of a bracket opened before", "7:41 a.m. ET -RRB- The harbour board said it would resign .",
			"7:41 a.m. ET -RRB- The harbour board", "The harbour board"},
		{"a bracket inside a name stays", "The -LRB- Elvin -RRB- Courier said so .",
			"The -LRB- Elvin -RRB- Courier", "The -LRB- Elvin -RRB- Courier"},
		{"a bracket left open at the end", "The port authority ( PA said nothing.",
			"The port authority ( PA", "The port authority"},
		{"a bracket alone names no one", "He left -LRB- said a clerk -RRB- .", "-LRB-", ""},
		{"a bracketed source alone stays", "(INAUDIBLE) said the talks would go on.", "(INAUDIBLE)", "(INAUDIBLE)"},
		{"a stray square bracket is no parenthesis", "Harbour Master Ada Vance ]0;x said so.",
			"Harbour Master Ada Vance ]0;x", "Harbour Master Ada Vance ]0;x"},
		{"a stray parenthesis further in is no note in front", "Harbour Master Ada Vance of the north pier x) y) said so.",
			"Harbour Master Ada Vance of the north pier x) y)", "Harbour Master Ada Vance of the north pier x) y)"},
		{"commas are left", "Ida Brennick, the harbourmaster, said so.", "Ida Brennick, the harbourmaster,", "Ida Brennick, the harbourmaster,"},
	} {
		d := newDoc(tc.text).withLexicon(x.lex)
		at := strings.Index(tc.text, tc.src) // the texts are ASCII: bytes are runes
		i, j, _ := d.tokenSpan(Span{at, at + len(tc.src)})
		cs := []cand{{src: tokRange{i, j}}}
		d.trimSources(cs)
		got := ""
		if s := cs[0].src; s.from < s.to {
			got = d.sourceWords(s)
		}
		if got != tc.want {
			t.Errorf("%s: source %q became %q, want %q", tc.name, tc.src, got, tc.want)
		}
	}
}
