package main

import (
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/timex"
)

// timex --rules lists every production with its example and what the
// tagger finds in it.
func TestPrintRules(t *testing.T) {
	var b strings.Builder
	if err := printRules(&b, "2017-04-11"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	rules := timex.Productions()
	if len(lines) != len(rules)+1 || !strings.HasPrefix(lines[0], "RULE") {
		t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(rules), b.String())
	}
	for k, r := range rules {
		if f := strings.Fields(lines[k+1]); len(f) < 3 || f[0] != r.Name || !strings.Contains(lines[k+1], r.Example) {
			t.Errorf("line %d = %q, want rule %s with example %q and what it yields", k+1, lines[k+1], r.Name, r.Example)
		}
	}
	if !strings.Contains(b.String(), "June last year: DATE 2016-06") {
		t.Errorf("no resolved value for monthOfRelativeYear:\n%s", b.String())
	}
	if err := printRules(&b, "tomorrow"); err == nil {
		t.Errorf("a bad --dct is accepted")
	}
}
