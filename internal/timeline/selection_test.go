package timeline

import (
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

func TestSelectionMatch(t *testing.T) {
	const s = "The vote in Österreich was held on Monday, officials said."
	tests := []struct {
		sel  Selection
		want bool
	}{
		{Selection{}, true},
		{Selection{Keywords: []string{"österreich"}}, true},
		{Selection{Keywords: []string{"ÖSTERREICH"}}, true},
		{Selection{Keywords: []string{" Österreich "}}, true},
		{Selection{Keywords: []string{"osterreich"}}, false}, // diacritics are letters, not case
		{Selection{Keywords: []string{"", "  "}}, true},      // blank keywords are no keywords
		{Selection{Keywords: []string{"ballot", "VOTE"}}, true},
		{Selection{Keywords: []string{"ballot"}}, false},
		{Selection{Query: "officials vote"}, true},
		{Selection{Query: "official voting"}, true}, // by stem
		{Selection{Query: "vote ballot"}, false},
		{Selection{Query: "the of"}, true}, // stop words only: no terms
		{Selection{Keywords: []string{"held"}, Query: "monday"}, true},
		{Selection{Keywords: []string{"held"}, Query: "tuesday"}, false},
	}
	for _, tt := range tests {
		if got := tt.sel.Match(s); got != tt.want {
			t.Errorf("%+v.Match = %v, want %v", tt.sel, got, tt.want)
		}
	}
}

// TestSelectionIsEligibility checks that a view's eligible sentences are
// exactly those Selection.Match accepts: the corpus caches folded text and
// term ids, but decides as Match does.
func TestSelectionIsEligibility(t *testing.T) {
	docs := story()
	docs = append(docs, art("u", "2031-03-04", "[2031-03-04] Die Wahl in ÖSTERREICH fand am Montag statt.",
		"Officials of the ΟΔΥΣΣΕΥΣ line said the \u212Aelvin ferry voted."))
	c := NewCorpus(docs)
	sels := []Selection{
		{}, {Keywords: []string{"österreich"}}, {Keywords: []string{"pier", "FERRY"}}, {Query: "closed pier"},
		{Query: "official vote"}, {Keywords: []string{"οδυσσευς"}}, {Keywords: []string{"kelvin"}}, {Query: "unknownword"},
		{Keywords: []string{"cracks"}, Query: "pier"},
	}
	for _, sel := range sels {
		v := c.newView(Options{Selection: sel, Recipe: baseline(func(r *Recipe) { r.Titles = true })})
		n := 0
		for i := range v.sel {
			s := v.sent(i)
			txt := c.text(s)
			if v.eligible[i] != sel.Match(txt) {
				t.Errorf("%+v: %q eligible %v, Match %v", sel, txt, v.eligible[i], sel.Match(txt))
			}
			if v.eligible[i] {
				n++
			}
		}
		if len(sel.Keywords)+len(sel.Query) > 0 && sel.Query != "unknownword" && n == 0 {
			t.Errorf("%+v matched nothing: the test does not test it", sel)
		}
	}
}

// The topic of a selection is its articles with a matching sentence; the
// other articles in range count only with AllArticles.
func TestSelectionTopic(t *testing.T) {
	docs := []annotate.Doc{
		art("f1", "2031-04-01", "[2031-04-01] The ferry left the south quay.", "[2031-04-01] Passengers waited for hours."),
		art("f2", "2031-04-02", "[2031-04-02] The ferry came back on Tuesday."),
		art("n1", "2031-04-02", "[2031-04-02] The council met on Tuesday."),
		art("n2", "2031-04-02", "[2031-04-02] The school reopened on Tuesday."),
		art("n3", "2031-04-03", "[2031-04-02] Tuesday's storm felled trees."),
	}
	for _, tt := range []struct {
		sel  Selection
		want string
	}{
		{Selection{Keywords: []string{"ferry"}}, "2031-04-01"},                    // f1's two references beat f2's one
		{Selection{Keywords: []string{"ferry"}, AllArticles: true}, "2031-04-02"}, // the council, school and storm count too
		{Selection{Query: "ferry quay"}, "2031-04-01"},
		{Selection{Keywords: []string{"  "}}, "2031-04-02"}, // blank keywords narrow nothing: every article counts
	} {
		tl := Build(docs, Options{Dates: 1, Selection: tt.sel, Recipe: BaselineRecipe})
		if got := check(t, docs, tl, Options{Dates: 1, Selection: tt.sel}); got != tt.want {
			t.Errorf("%+v: dates %s, want %s", tt.sel, got, tt.want)
		}
	}
	if (Selection{Keywords: []string{" "}, Query: "the of"}).Narrows() || !(Selection{Query: "ferry"}).Narrows() {
		t.Error("Narrows: blank keywords and stop-word queries narrow nothing; a word does")
	}
}
