package timex

import (
	"fmt"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // tokens as text/kind, with flags
	}{
		{"Jan. 14, 1998", "Jan(w) .(p) 14(n) ,(p) 1998(n)"},
		{"Friday's", "Friday(w) 's(w)"},
		{"Friday 's", "Friday(w) 's(w)"},
		{"third-quarter", "third(w) -(p) quarter(w)"},
		{"10:35 a.m. EST", "10(n) :(p) 35(n) a.m.(w) EST(w)"},
		{"the 1990s and '80s and ’98", "the(w) 1990s(n) and(w) '80s(n) and(w) ’98(n)"},
		{"11th 10am 1,000 5.75", "11th(n) 10am(n) 1,000(n) 5.75(n)"},
		{"-LRB- AP -RRB-", "-(p) LRB(w) -(p) AP(w) -(p) RRB(w) -(p)"},
		{"``Hi,'' he said", "``(p) Hi(w) ,(p) ''(p) he(w) said(w)"},
		{"o'clock", "o'clock(w)"},
		{"Zürich – Genève", "Zürich(w) –(p) Genève(w)"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, nil)
		s := ""
		for k, tk := range toks {
			if k > 0 {
				s += " "
			}
			s += tt.text[tk.b0:tk.b1] + "(" + string("wnp"[tk.kind]) + ")"
		}
		if s != tt.want {
			t.Errorf("tokenize(%q)\n got  %s\n want %s", tt.text, s, tt.want)
		}
	}
}

func TestTokenAttributes(t *testing.T) {
	toks := tokenize("In the '90s 1990s 11th 10pm 1,000 2.5 Zürich met", nil)
	type attrs struct {
		num  int
		suf  suffix
		apos bool
	}
	want := []attrs{{0, 0, false}, {0, 0, false}, {90, sufS, true}, {1990, sufS, false}, {11, sufOrd, false}, {10, sufPM, false}, {1000, sufNone, false}, {-1, sufNone, false}}
	for k, w := range want {
		tk := toks[k]
		if tk.kind != tNum {
			continue
		}
		if tk.num != w.num || tk.suf != w.suf || tk.apos != w.apos {
			t.Errorf("token %d %q: num %d suf %d apos %v, want %+v", k, "", tk.num, tk.suf, tk.apos, w)
		}
	}
	// rune offsets after a non-ASCII word
	last := toks[len(toks)-1]
	if last.r0 != 45 || last.r1 != 48 {
		t.Errorf("met at runes [%d,%d), want [45,48)", last.r0, last.r1)
	}
	if last.ed || last.lx == nil || last.lx.cue != tensePast {
		t.Errorf("met: want the past-tense cue from the lexicon")
	}
}

func TestSentenceStarts(t *testing.T) {
	tests := []struct {
		text string
		want string // the words that start sentences
	}{
		{"He left on Jan. 5. She stayed.", "[He She]"},
		{"Mr. Smith met U.S. officials. Then he left.", "[Mr Then]"},
		{"one line\nanother line", "[one another]"},
		{"Why? Because.", "[Why Because]"},
	}
	for _, tt := range tests {
		var starts []string
		toks := tokenize(tt.text, nil)
		for _, tk := range toks {
			if tk.sent {
				starts = append(starts, tt.text[tk.b0:tk.b1])
			}
		}
		if fmt.Sprint(starts) != tt.want {
			t.Errorf("sentence starts of %q = %v, want %s", tt.text, starts, tt.want)
		}
	}
}

// Marks outside ASCII are no sentence breaks unless they are one (an
// ellipsis, a full-width question mark): curly quotes used to end a
// sentence and cut the tense of a clause off its verb.
func TestNonASCIIMarksAndSentences(t *testing.T) {
	tests := []struct {
		text  string
		sents int
	}{
		{"He said \u201cwe will win\u201d on Tuesday.", 1},
		{"The \u2018Friday\u2019 vote \u2022 passed.", 1},
		{"It ended\u2026 Then it began again.", 2},
		{"Why\uff1f Nobody knows.", 2},
	}
	for _, tt := range tests {
		n := 0
		for _, tk := range tokenize(tt.text, nil) {
			if tk.sent {
				n++
			}
		}
		if n != tt.sents {
			t.Errorf("%q: %d sentences, want %d", tt.text, n, tt.sents)
		}
	}
}
