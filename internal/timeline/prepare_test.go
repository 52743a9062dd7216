package timeline

import (
	"reflect"
	"slices"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

// TestPreparerMatchesNewCorpus builds the timelines of several selections
// from one Preparer, which numbers terms in the order it first read them
// (here: another selection first), and from NewCorpus: every timeline is
// the same.
func TestPreparerMatchesNewCorpus(t *testing.T) {
	docs := append(story(),
		art("w1", "2031-03-04", "PORT ELVIN, March 4 (Wire) - [2031-03-02] Divers closed the pier again.", "Click here to subscribe."),
		art("w2", "2031-03-06", "HARBOUR -- [2031-03-05] The quay was busy as the ferry moved.", "[2031-03-09] The council meets on the pier."),
	)
	selections := [][]int{{5, 6, 2}, {0, 1, 2, 3, 4, 5, 6}, {3, 0, 6}, {6, 5, 4, 3, 2, 1, 0}}
	opts := []Options{
		{Dates: 3, PerDate: 1},
		{Dates: 5, PerDate: 2, Selection: Selection{Query: "pier"}},
		{Dates: 4, PerDate: 1, Selection: Selection{Keywords: []string{"ferry"}}},
		{Dates: 3, PerDate: 2, Selection: Selection{Query: "council pier"}, Recipe: Recipe{Clean: true, Collapse: true, Titles: true, Leads: true}},
		{Dates: 3, PerDate: 1, Recipe: BaselineRecipe},
	}
	p := NewPreparer()
	for _, sel := range selections {
		var part []annotate.Doc
		for _, i := range sel {
			part = append(part, docs[i])
		}
		shared, fresh := p.Corpus(part), NewCorpus(slices.Clone(part))
		for _, opt := range opts {
			got, want := shared.Build(opt), fresh.Build(opt)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("selection %v, %+v:\nPreparer  %+v\nNewCorpus %+v", sel, opt, got, want)
			}
			if len(want.Entries) == 0 && len(sel) > 2 {
				t.Errorf("selection %v, %+v: no entries, nothing compared", sel, opt)
			}
		}
	}
}

// TestPreparerWarm checks that a warmed Preparer builds the same timelines
// as NewCorpus, and that Warm refuses what would not fit rather than start
// afresh.
func TestPreparerWarm(t *testing.T) {
	docs := story()
	p := NewPreparer()
	for i := len(docs) - 1; i >= 0; i-- { // not the corpus's order
		if !p.Warm(docs[i]) {
			t.Fatalf("Warm(%s) = false in an empty Preparer", docs[i].Article.ID)
		}
	}
	if !p.Warm(docs[0]) {
		t.Error("Warm of an article already kept = false")
	}
	opt := Options{Dates: 3, PerDate: 1, Selection: Selection{Query: "pier"}}
	if got, want := p.Corpus(docs).Build(opt), NewCorpus(slices.Clone(docs)).Build(opt); !reflect.DeepEqual(got, want) {
		t.Errorf("warmed Preparer %+v\nNewCorpus %+v", got, want)
	}

	small := NewPreparer()
	small.MaxSentences = len(docs[0].Sentences)
	if !small.Warm(docs[0]) {
		t.Fatal("Warm of an article that fits = false")
	}
	if small.Warm(docs[1]) {
		t.Error("Warm past MaxSentences = true")
	}
	if small.sentences != len(docs[0].Sentences) || len(small.docs) != 1 {
		t.Errorf("after a refused Warm: %d sentences, %d articles kept; want %d, 1", small.sentences, len(small.docs), len(docs[0].Sentences))
	}
}
