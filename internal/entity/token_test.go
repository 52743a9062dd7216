package entity

import (
	"strings"
	"testing"
)

// render shows tokens as "a b | c d": tokens by space, sequences by " | ".
func render(t *tokens) string {
	var seqs []string
	for k := range t.seqs {
		from, to := t.seq(k)
		var ws []string
		for _, tok := range t.toks[from:to] {
			ws = append(ws, tok.text)
		}
		seqs = append(seqs, strings.Join(ws, " "))
	}
	return strings.Join(seqs, " | ")
}

func TestTokenizeProse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mr. Smith's dog didn't bark.", "Mr. Smith 's dog did n't bark ."},
		{`“We won,” said Ana Ruiz. “Again.”`, `“ We won , ” said Ana Ruiz . | “ Again . ”`},
		{"The U.S. Army (USA) left at 5 p.m. on Jan. 3.", "The U.S. Army ( USA ) left at 5 p.m. on Jan. 3 ."},
		{"J. R. Doe—an expert—said so! Then left.", "J. R. Doe — an expert — said so ! | Then left ."},
		{"Acme Corp. rose 5%; Beta fell -- again...", "Acme Corp. rose 5 % ; Beta fell -- again ..."},
		{"Jones' car, O'Neill's 'plan'", "Jones ' car , O'Neill 's ' plan '"},
		{"Title line\n\nBody starts here\nand wraps.\nA line\nBy line", "Title line | Body starts here and wraps . | A line | By line"},
		{"Ende.\u00a0Neu", "Ende . | Neu"},
		{"`` Quoted , '' he said 's", "`` Quoted , '' he said 's"},
		{"", ""},
	} {
		var tk tokens
		tk.tokenizeProse(tc.in)
		if got := render(&tk); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
		checkOffsets(t, tc.in, &tk)
	}
}

func TestTokenizeLines(t *testing.T) {
	in := "-DOCSTART-\nEU rejects German call .\n\nPeter  Blackburn\n-DOCSTART-\nCafé “x” -LRB- y -RRB-\n"
	var tk tokens
	tk.tokenizeLines(in)
	if got, want := render(&tk), "EU rejects German call . | Peter Blackburn | Café “x” -LRB- y -RRB-"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := tk.docs; len(got) != 2 || got[0] != 0 || got[1] != 2 {
		t.Errorf("docs %v, want [0 2]", got)
	}
	checkOffsets(t, in, &tk)
	var norms []string
	for _, tok := range tk.toks[len(tk.toks)-5:] {
		norms = append(norms, tok.norm)
	}
	if got := strings.Join(norms, " "); got != `Café "x" ( y )` {
		t.Errorf("norms %q", got)
	}
}

// checkOffsets checks that every token's rune offsets give back its text.
func checkOffsets(t *testing.T, text string, tk *tokens) {
	t.Helper()
	runes := []rune(text)
	prev := 0
	for _, tok := range tk.toks {
		if tok.start < prev || tok.end <= tok.start || tok.end > len(runes) {
			t.Fatalf("%q: token %q at [%d,%d) after %d", text, tok.text, tok.start, tok.end, prev)
		}
		if got := string(runes[tok.start:tok.end]); got != tok.text {
			t.Fatalf("%q: token %q at [%d,%d) reads %q", text, tok.text, tok.start, tok.end, got)
		}
		prev = tok.end
	}
}
