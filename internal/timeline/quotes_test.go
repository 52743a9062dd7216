package timeline

import (
	"slices"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/timex"
)

// quotedDoc is an article of three sentences (rune offsets by hand: the é
// of "café" counts one) with a quote in the first, a split one over the
// second, and none in the third.
func quotedDoc() annotate.Doc {
	const txt = "The café closed on Monday, Holm said. “We will reopen,” she said. “Soon.” Nobody else spoke on Monday."
	monday := []timex.Timex{{Text: "Monday", Type: timex.Date, Value: "2031-03-03"}}
	sp := func(a, b int) quote.Span { return quote.Span{Start: a, End: b} }
	return annotate.Doc{Article: article.Article{ID: "q", Published: d("2031-03-04"), Text: txt},
		Sentences: []annotate.Sentence{
			{Index: 0, Start: 0, End: 37, Text: "The café closed on Monday, Holm said.", Timexes: monday},
			{Index: 1, Start: 38, End: 65, Text: "“We will reopen,” she said.", Timexes: monday},
			{Index: 2, Start: 66, End: 73, Text: "“Soon.”"},
			{Index: 3, Start: 74, End: 102, Text: "Nobody else spoke on Monday.", Timexes: monday},
		},
		Quotes: []quote.Quote{
			{Source: sp(27, 31), Cue: sp(32, 36), Content: sp(0, 25), Parts: []quote.Span{sp(0, 25)}, Speaker: "Karin Holm"},
			{Source: sp(56, 59), Cue: sp(60, 64), Content: sp(38, 73), Parts: []quote.Span{sp(38, 55), sp(66, 73)}, Kind: quote.Direct, Speaker: "Karin Holm"},
		},
	}
}

func TestItemQuotes(t *testing.T) {
	doc := quotedDoc()
	tests := []struct {
		sentence int
		want     []Quote
	}{
		{0, []Quote{{Speaker: "Karin Holm", Content: "The café closed on Monday", Cue: "said"}}},
		{1, []Quote{{Speaker: "Karin Holm", Content: "“We will reopen,” … “Soon.”", Cue: "said"}}},
		{2, []Quote{{Speaker: "Karin Holm", Content: "“We will reopen,” … “Soon.”", Cue: "said"}}},
		{3, nil},
	}
	for _, tt := range tests {
		sn := doc.Sentences[tt.sentence]
		if got := quotesIn(doc, sn.Start, sn.End); !slices.Equal(got, tt.want) {
			t.Errorf("sentence %d: quotes %+v, want %+v", tt.sentence, got, tt.want)
		}
	}
}

// TestBuildAndAttachQuotesAgree checks that Build, given documents with
// quotes, and AttachQuotes, given them after a Build without, give every
// item the same quotes.
func TestBuildAndAttachQuotesAgree(t *testing.T) {
	doc := quotedDoc()
	opt := Options{Dates: 1, PerDate: 3, Recipe: BaselineRecipe}
	built := Build([]annotate.Doc{doc}, opt)
	bare := doc
	bare.Quotes = nil
	later := Build([]annotate.Doc{bare}, opt)
	AttachQuotes(later, []annotate.Doc{doc})
	if len(built.Entries) != 1 || len(built.Entries[0].Items) < 2 {
		t.Fatalf("timeline %+v: too small to test", built)
	}
	quoted := 0
	for i, e := range built.Entries {
		for j, it := range e.Items {
			if !slices.Equal(it.Quotes, later.Entries[i].Items[j].Quotes) {
				t.Errorf("item %q: Build gave %+v, AttachQuotes %+v", it.Text, it.Quotes, later.Entries[i].Items[j].Quotes)
			}
			if len(it.Quotes) > 0 {
				quoted++
			}
		}
	}
	if quoted == 0 {
		t.Error("no item has a quote: the test tests nothing")
	}
}

func TestSelectionSpeaker(t *testing.T) {
	doc := quotedDoc()
	tests := []struct {
		sel  Selection
		want []bool // per sentence
	}{
		{Selection{Speaker: "Holm"}, []bool{true, true, true, false}},
		{Selection{Speaker: "Karin Holm", Query: "reopen"}, []bool{false, true, false, false}},
		{Selection{Speaker: "Erik Holm"}, []bool{false, false, false, false}},
		{Selection{Speaker: "KH", SpeakerAliases: []string{"KH", "Karin Holm"}}, []bool{true, true, true, false}}, // grouped with the name
		{Selection{Speaker: "KH"}, []bool{false, false, false, false}},
		{Selection{}, []bool{true, true, true, true}},
	}
	c := NewCorpus([]annotate.Doc{doc})
	for _, tt := range tests {
		for i, sn := range doc.Sentences {
			if got := tt.sel.MatchSentence(doc, sn); got != tt.want[i] {
				t.Errorf("%+v sentence %d: %v, want %v", tt.sel, i, got, tt.want[i])
			}
		}
		v := c.newView(Options{Selection: tt.sel, Recipe: BaselineRecipe})
		for i := range v.sel {
			s := v.sent(i)
			if s.idx >= 0 && v.eligible[i] != tt.want[s.idx] {
				t.Errorf("%+v: corpus says sentence %d eligible %v", tt.sel, s.idx, v.eligible[i])
			}
		}
	}
}

func TestNameSetHas(t *testing.T) {
	n := NewNameSet(" BP ", []string{"BP", "British Petroleum"})
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"BP", true},
		{"British Petroleum", true}, // an alias
		{"BP spokesman", false},     // matched as speakers match: the last words differ
		{"Beyond Petroleum", false}, // not grouped with it
		{"", false},
	} {
		if got := n.Has(tc.name); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	if any := NewNameSet("  ", nil); any != nil || !any.Has("whoever") {
		t.Errorf("a blank name should take in anyone: %+v", any)
	}
}
