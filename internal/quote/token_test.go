package quote

import (
	"strings"
	"testing"
)

func tokTexts(s string) []string {
	var out []string
	for _, t := range tokenize(s, nil) {
		out = append(out, s[t.b:t.e])
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mr. Connolly’s view, he said.", "Mr.|Connolly|’s|view|,|he|said|."},
		{"“It’s over,” she said—then left…", "“|It|’s|over|,|”|she|said|—|then|left|…"},
		{"``We won't,'' he said -- twice.", "``|We|wo|n't|,|''|he|said|--|twice|."},
		{"The U.S. paid $5,300.50 to Jones & Co. in Washington, D.C.", "The|U.S.|paid|$|5,300.50|to|Jones|&|Co.|in|Washington|,|D.C."},
		{"AT&T and African-Americans' votes", "AT&T|and|African-Americans|'|votes"},
		{"\"Go,\" 'now' ...", "\"|Go|,|\"|'|now|'|..."},
		{"He’ll go; I'd stay, don’t you?", "He|’ll|go|;|I|'d|stay|,|do|n’t|you|?"},
	} {
		if got := strings.Join(tokTexts(tc.in), "|"); got != tc.want {
			t.Errorf("tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	s := "Élan — “naïve”\n\nyes"
	toks := tokenize(s, nil)
	runes := []rune(s)
	for _, tk := range toks {
		if string(runes[tk.rs:tk.re]) != s[tk.b:tk.e] {
			t.Errorf("token %q has runes %d..%d = %q", s[tk.b:tk.e], tk.rs, tk.re, string(runes[tk.rs:tk.re]))
		}
	}
	if last := toks[len(toks)-1]; last.nl != 2 || !last.space {
		t.Errorf("last token nl=%d space=%v, want a paragraph break before it", last.nl, last.space)
	}
}

func TestQuoteMarks(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // o open, c close, b undecided, s single; one letter group per quotation mark
	}{
		{"“A,” he said. “B.”", "o c o c"},
		{"\"A,\" he said. \"B.\"", "o c o c"},
		{"``A,'' he said.", "o c"},
		{"He said 'no' twice.", "os cs"},
		{"It's the voters' choice.", "cs"},
		{"a\"b", "oc"},
	} {
		var got []string
		for _, tk := range tokenize(tc.in, nil) {
			if tk.kind != tQuote {
				continue
			}
			g := ""
			if tk.q&qOpen != 0 {
				g += "o"
			}
			if tk.q&qClose != 0 {
				g += "c"
			}
			if tk.q&qSingle != 0 {
				g += "s"
			}
			got = append(got, g)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: marks %v, want %s", tc.in, got, tc.want)
		}
	}
}

func TestPairQuotes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // each region as its text from mark to mark, "+" after an unclosed one
	}{
		{"“A,” he said. “B.”", "“A,”|“B.”"},
		{"“One.\n\n“Two.”\n\nThree.", "“One.\n\n“Two.”"},
		{"“One.\n\nThree.", "“One.+"},
		{"He called it ‘in their heads.’ and “a ‘real’ problem.”", "‘in their heads.’|“a ‘real’ problem.”|‘real’"},
		{"It's the voters' choice, \"he said.", "\"he said.+"},
		{"”stray” and “ok”", "“ok”"},
	} {
		toks := tokenize(tc.in, nil)
		var got []string
		for _, r := range pairQuotes(toks, nil) {
			g := tc.in[toks[r.open].b:toks[r.close].e]
			if !r.closed {
				g += "+"
			}
			got = append(got, g)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: regions %q, want %q", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
}
