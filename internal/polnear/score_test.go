package polnear

import (
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// fixed is an extractor that returns the same quotes for every text.
type fixed []quote.Quote

func (f fixed) Extract(string, []entity.Mention) []quote.Quote { return f }

func sp(a, b int) quote.Span { return quote.Span{Start: a, End: b} }

func TestEvaluate(t *testing.T) {
	text := "“Go now,” Ann said. Bob thinks it rains today."
	gold := []quote.Quote{
		{Source: sp(10, 13), Cue: sp(14, 18), Content: sp(0, 9), Parts: []quote.Span{sp(0, 9)}, Kind: quote.Direct},
		{Source: sp(20, 23), Cue: sp(24, 30), Content: sp(31, 45), Parts: []quote.Span{sp(31, 45)}, Kind: quote.Indirect},
	}
	pred := fixed{
		{Source: sp(10, 13), Cue: sp(14, 18), Content: sp(0, 9), Parts: []quote.Span{sp(0, 9)}, Kind: quote.Direct},
		{Source: sp(20, 23), Cue: sp(24, 30), Content: sp(31, 39), Parts: []quote.Span{sp(31, 39)}, Kind: quote.Indirect}, // "it rains"
		{Cue: sp(0, 1), Content: sp(40, 45), Parts: []quote.Span{sp(40, 45)}, Kind: quote.Mixed},                          // spurious… overlapping gold content
	}
	r := Evaluate([]Article{{Name: "a", Text: text, Gold: gold}}, pred, nil)
	for _, tc := range []struct {
		name string
		got  Counts
		want Counts
	}{
		{"source", r.Exact[Source], Counts{TP: 2}},
		{"cue", r.Exact[Cue], Counts{TP: 2, FP: 1}},
		{"content", r.Exact[Content], Counts{TP: 1, FP: 2, FN: 1}},
		{"attribution", r.Attribution, Counts{TP: 1, FP: 2, FN: 1}},
		// gold content tokens: “ Go now , ” (5) + it rains today (3); predicted cover all 8
		{"content overlap", r.Overlap[Content], Counts{TP: 8}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
	if r.Kinds[quote.Direct][quote.Direct] != 1 || r.Kinds[quote.Indirect][quote.Indirect] != 1 || r.Kinds[None][quote.Mixed] != 1 {
		t.Errorf("kinds %v", r.Kinds)
	}
	if r.Errors["content boundary (indirect): ends early"] != 1 || r.Errors["cue spurious"] != 1 {
		t.Errorf("errors %v", r.Errors)
	}
	if c := (Counts{TP: 1, FP: 1, FN: 2}); c.P() != 50 || int(c.R()*10) != 333 || int(c.F()*10) != 400 {
		t.Errorf("P %v R %v F %v", c.P(), c.R(), c.F())
	}
	var b strings.Builder
	if err := r.Write(&b, 3, true); err != nil || !strings.Contains(b.String(), "content boundary (indirect): ends early") {
		t.Errorf("report: %v\n%s", err, b.String())
	}
	// A boundary sample shows the gold span, then the predicted one.
	if want := `a@31: "it rains today" predicted "it rains"`; !strings.Contains(b.String(), want) {
		t.Errorf("report lacks the sample %s:\n%s", want, b.String())
	}
	// Exact figures carry two decimals: cue P is 2 of 3.
	if !strings.Contains(b.String(), "66.67") {
		t.Errorf("report lacks cue P 66.67:\n%s", b.String())
	}
}
