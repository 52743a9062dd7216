package timeline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/entity"
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

// withMentions gives the sentences of docs the named mentions: each name
// found in a sentence's text becomes a PER mention with the canonical name
// it maps to.
func withMentions(docs []annotate.Doc, names map[string]string) []annotate.Doc {
	for i := range docs {
		for j := range docs[i].Sentences {
			sn := &docs[i].Sentences[j]
			for form, name := range names {
				if k := strings.Index(sn.Text, form); k >= 0 {
					sn.Entities = append(sn.Entities, entity.Mention{Start: k, End: k + len(form), Text: form, Type: entity.Person, Name: name})
				}
			}
		}
	}
	return docs
}

func TestSelectionEntity(t *testing.T) {
	sn := annotate.Sentence{Text: "Holm said the pier would reopen.", Entities: []entity.Mention{
		{Text: "Holm", Type: entity.Person, Name: "Karin Holm"}}}
	tests := []struct {
		sel  Selection
		want bool
	}{
		{Selection{}, true},
		{Selection{Entity: "  "}, true},
		{Selection{Entity: "Karin Holm"}, true},
		{Selection{Entity: "holm"}, true},
		{Selection{Entity: "Mayor Karin Holm"}, true},
		{Selection{Entity: "Karin"}, false}, // a first name alone is not the person
		{Selection{Entity: "Erik Holm"}, false},
		{Selection{Entity: "Holm", Query: "pier"}, true},
		{Selection{Entity: "Holm", Query: "ferry"}, false},
		{Selection{Entity: "pier"}, false}, // words of the text are not mentions
	}
	for _, tt := range tests {
		if got := tt.sel.MatchSentence(annotate.Doc{}, sn); got != tt.want {
			t.Errorf("%+v.MatchSentence = %v, want %v", tt.sel, got, tt.want)
		}
	}
}

// TestSelectionEntityIsEligibility checks that with an entity a view's
// eligible sentences are exactly those MatchSentence accepts, and that
// headlines (which have no mentions) never are.
func TestSelectionEntityIsEligibility(t *testing.T) {
	docs := withMentions(story(), map[string]string{"harbour authority": "Harbour Authority", "council": "City Council", "ferry": "Harbour Ferry"})
	c := NewCorpus(docs)
	for _, sel := range []Selection{{Entity: "Harbour Authority"}, {Entity: "council"}, {Entity: "ferry", Query: "quay"}, {Entity: "Nobody"}} {
		v := c.newView(Options{Selection: sel, Recipe: baseline(func(r *Recipe) { r.Titles = true })})
		n := 0
		for i := range v.sel {
			s := v.sent(i)
			want := false
			if s.idx >= 0 {
				want = sel.MatchSentence(c.docs[s.doc], c.docs[s.doc].Sentences[s.idx])
			}
			if v.eligible[i] != want {
				t.Errorf("%+v: %q eligible %v, want %v", sel, c.text(s), v.eligible[i], want)
			}
			if v.eligible[i] {
				n++
			}
		}
		if (n == 0) != (sel.Entity == "Nobody") {
			t.Errorf("%+v: %d eligible sentences", sel, n)
		}
	}
	tl := Build(docs, Options{Selection: Selection{Entity: "council"}, Recipe: BaselineRecipe})
	for _, e := range tl.Entries {
		for _, it := range e.Items {
			if !strings.Contains(it.Text, "council") {
				t.Errorf("timeline of the council has %q", it.Text)
			}
		}
	}
	if len(tl.Entries) == 0 {
		t.Error("timeline of the council is empty")
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

// TestSelectionEntityAliases checks that an entity's timeline takes in the
// names its articles give it across the corpus (Aliases, entity.Group):
// an article that only says "PEHA" speaks for the Port Elvin Harbour
// Authority of another article. (The mentions are put on words of the
// story's sentences; what they say does not matter here.)
func TestSelectionEntityAliases(t *testing.T) {
	docs := story()
	name := func(doc, form, canonical string) {
		for i := range docs {
			if docs[i].Article.ID != doc {
				continue
			}
			for j := range docs[i].Sentences {
				sn := &docs[i].Sentences[j]
				if k := strings.Index(sn.Text, form); k >= 0 {
					sn.Entities = append(sn.Entities, entity.Mention{Start: k, End: k + len(form), Text: form, Type: entity.Organization, Name: canonical})
				}
			}
		}
	}
	name("a4", "council", "Port Elvin Harbour Authority")
	name("a3", "ferry moved", "PEHA")
	if got, want := Aliases(docs, "Port Elvin Harbour Authority"), []string{"PEHA", "Port Elvin Harbour Authority"}; !slices.Equal(got, want) {
		t.Errorf("Aliases = %q, want %q", got, want)
	}
	if got := Aliases(docs, "Nobody"); got != nil {
		t.Errorf("Aliases of nobody = %q", got)
	}
	dates := func(sel Selection) string {
		tl := Build(docs, Options{Selection: sel, Dates: 5, Recipe: BaselineRecipe})
		var ds []string
		for _, e := range tl.Entries {
			ds = append(ds, e.Date.Format(time.DateOnly))
		}
		return strings.Join(ds, " ")
	}
	if got := dates(Selection{Entity: "Port Elvin Harbour Authority"}); !strings.Contains(got, "2031-03-09") || !strings.Contains(got, "2031-03-05") {
		t.Errorf("with its aliases, the authority's dates are %q, want 2031-03-05 and 2031-03-09", got)
	}
	if got := dates(Selection{Entity: "Port Elvin Harbour Authority", EntityAliases: []string{}}); strings.Contains(got, "2031-03-05") {
		t.Errorf("without aliases, the authority's dates are %q: 2031-03-05 names only PEHA", got)
	}
}
