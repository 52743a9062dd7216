package timex

import (
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
			s += tt.text[tk.byteStart:tk.byteEnd] + "(" + string("wnp"[tk.kind]) + ")"
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
	if last.runeStart != 45 || last.runeEnd != 48 {
		t.Errorf("met at runes [%d,%d), want [45,48)", last.runeStart, last.runeEnd)
	}
	if last.ed || last.lexeme == nil || last.lexeme.cue != tensePast {
		t.Errorf("met: want the past-tense cue from the lexicon")
	}
}
