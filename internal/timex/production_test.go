package timex

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// productionCases are the test tables of the productions, by name: each
// file of productions has its own in its _test.go file, and every case
// must hold an expression that its production matches by itself.
func productionCases() map[string][]tagCase {
	all := map[string][]tagCase{}
	for _, table := range []map[string][]tagCase{numberCases, clockCases, calendarCases, amountCases, relativeCases} {
		for name, cases := range table {
			all[name] = append(all[name], cases...)
		}
	}
	return all
}

// matchAlone returns the text that the production pr matches in text by
// itself (read as one sentence), at the first token where it does.
func matchAlone(pr *production, text string) []string {
	toks := tokenize(text, nil)
	p := parser{toks: toks, text: text, sentStart: 0, sentEnd: len(toks)}
	var out []string
	for i := range toks {
		if !pr.head.startsAt(&p, i) {
			continue
		}
		if m, ok := pr.match(p.at(i)); ok && m.end > m.start {
			out = append(out, text[toks[m.start].byteStart:toks[m.end-1].byteEnd])
		}
	}
	return out
}

// TestProductions runs every production's table through the tagger and
// checks that each case holds an expression the production matches by
// itself, so that a regression names its production; that every
// production has a table; and that its example gives, through the tagger,
// the expression the production matches.
func TestProductions(t *testing.T) {
	cases := productionCases()
	names := map[string]bool{}
	for k := range productions {
		pr := &productions[k]
		if names[pr.name] {
			t.Errorf("two productions named %s", pr.name)
		}
		names[pr.name] = true
		t.Run(pr.name, func(t *testing.T) {
			if len(cases[pr.name]) == 0 {
				t.Fatalf("no test table")
			}
			runTagCases(t, tuesday, cases[pr.name])
			positive := false
			for _, c := range cases[pr.name] {
				if len(c.want) == 0 {
					continue // a phrase the production must leave alone
				}
				positive = true
				if !holdsMatch(pr, c) {
					t.Errorf("%q: %s matches none of %v by itself (it matches %q)", c.text, pr.name, c.want, matchAlone(pr, c.text))
				}
			}
			if !positive {
				t.Errorf("no case that the production matches")
			}
			ms := matchAlone(pr, pr.example)
			var got []string
			for _, tx := range New().Tag(pr.example, tuesday) {
				got = append(got, tx.Text)
			}
			if len(ms) == 0 || fmt.Sprint(got) != fmt.Sprint(ms[:1]) {
				t.Errorf("example %q: the production matches %q, the tagger finds %q", pr.example, ms, got)
			}
		})
	}
	var stray []string
	for name := range cases {
		if !names[name] {
			stray = append(stray, name)
		}
	}
	sort.Strings(stray)
	if len(stray) > 0 {
		t.Errorf("test tables for no production: %v", stray)
	}
}

// holdsMatch reports whether one of the expressions c wants holds what pr
// matches by itself (a modifier may extend it: "the early 80s").
func holdsMatch(pr *production, c tagCase) bool {
	for _, m := range matchAlone(pr, c.text) {
		for _, w := range c.want {
			if strings.Contains(w.text, m) {
				return true
			}
		}
	}
	return false
}
