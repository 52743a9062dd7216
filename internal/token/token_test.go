package token

import (
	"fmt"
	"strings"
	"testing"
)

// render shows tokens as "a b | c d": tokens by space, sequences by " | ".
func render(t *Text) string {
	var seqs []string
	for k := range t.Seqs {
		from, to := t.Seq(k)
		var ws []string
		for _, tok := range t.Toks[from:to] {
			ws = append(ws, tok.Text)
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
		var tk Text
		tk.SplitProse(tc.in)
		if got := render(&tk); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
		checkOffsets(t, tc.in, &tk)
	}
}

func TestTokenizeLines(t *testing.T) {
	in := "-DOCSTART-\nEU rejects German call .\n\nPeter  Blackburn\n-DOCSTART-\nCafé “x” -LRB- y -RRB-\n"
	var tk Text
	tk.SplitLines(in)
	if got, want := render(&tk), "EU rejects German call . | Peter Blackburn | Café “x” -LRB- y -RRB-"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := tk.Docs; len(got) != 2 || got[0] != 0 || got[1] != 2 {
		t.Errorf("docs %v, want [0 2]", got)
	}
	checkOffsets(t, in, &tk)
	var norms []string
	for _, tok := range tk.Toks[len(tk.Toks)-5:] {
		norms = append(norms, tok.Norm)
	}
	if got := strings.Join(norms, " "); got != `Café "x" ( y )` {
		t.Errorf("norms %q", got)
	}
}

// checkOffsets checks that every token's rune offsets give back its text.
func checkOffsets(t *testing.T, text string, tk *Text) {
	t.Helper()
	runes := []rune(text)
	prev := 0
	for _, tok := range tk.Toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("%q: token %q at [%d,%d) after %d", text, tok.Text, tok.Start, tok.End, prev)
		}
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Fatalf("%q: token %q at [%d,%d) reads %q", text, tok.Text, tok.Start, tok.End, got)
		}
		prev = tok.End
	}
}

func TestMarks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"“A,” he said. “Bye.”", "“:o A , ”:c he said . “:o Bye . ”:c"},
		{"“Yes,”she said", "“:o Yes , ”:c she said"},
		{`"A," he said.`, `":o A , ":c he said .`},
		{"''This isn't it,'' she said.", "'':o This is n't it , '':c she said ."},
		{"`` A , '' he said 's", "``:o A , '':c he said 's"},
		{"He said 'no' to the voters' plan.", "He said ':os no ':cs to the voters ':cs plan ."},
		{"a\"b", `a ":oc b`},
		{"“x” ― Name", "“:o x ”:c ― Name"},
	} {
		var tt Text
		tt.Split(tc.in)
		var got []string
		for _, tk := range tt.Toks {
			w := tk.Text
			if tk.Kind == Quote {
				w += ":"
				if tk.Mark&Open != 0 {
					w += "o"
				}
				if tk.Mark&Close != 0 {
					w += "c"
				}
				if tk.Mark&Single != 0 {
					w += "s"
				}
			}
			got = append(got, w)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, g, tc.want)
		}
	}
}

func TestBreaks(t *testing.T) {
	var tt Text
	tt.Split("One two.\nThree\n\n\nFour")
	var got []string
	for _, tk := range tt.Toks {
		got = append(got, fmt.Sprintf("%s:%d:%v", tk.Text, tk.Breaks, tk.Space))
	}
	if g, want := strings.Join(got, " "), "One:0:false two:0:true .:0:false Three:1:true Four:2:true"; g != want {
		t.Errorf("got %q, want %q", g, want)
	}
}
