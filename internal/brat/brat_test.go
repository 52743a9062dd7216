package brat

import (
	"strings"
	"testing"
)

const sample = "T1\tSource 0 5\tAnnie\n" +
	"T2\tCue 6 10\tsaid\n" +
	"T3\tContent 12 20;30 41\tit rains it is over\n" +
	"T4\tAttribution 6 10\tsaid\n" +
	"\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\r\n" +
	"#1\tAnnotatorNotes T1\ta note\n" +
	"A1\tNegated E1\n"

func TestParse(t *testing.T) {
	d, err := Parse(strings.NewReader(sample), "x.ann")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.TextBounds) != 4 || len(d.Events) != 1 {
		t.Fatalf("got %d text-bounds, %d events; want 4, 1", len(d.TextBounds), len(d.Events))
	}
	c, ok := d.TextBound("T3")
	if !ok || c.Label != "Content" || len(c.Fragments) != 2 || c.Fragments[1] != (Fragment{30, 41}) || c.Line != 3 {
		t.Errorf("T3 = %+v, %v", c, ok)
	}
	if c.Extent() != (Fragment{12, 41}) {
		t.Errorf("extent = %v", c.Extent())
	}
	e := d.Events[0]
	if e.Type != "Attribution" || e.Trigger != "T4" || len(e.Args) != 3 || e.Line != 6 {
		t.Errorf("E1 = %+v", e)
	}
	if id, ok := e.Arg("Source"); !ok || id != "T1" {
		t.Errorf("Source arg = %q, %v", id, ok)
	}
	if _, ok := e.Arg("Recipient"); ok {
		t.Error("found an absent role")
	}
}

func TestSortedAndExtentOfUnorderedFragments(t *testing.T) {
	tb := TextBound{Fragments: []Fragment{{209, 236}, {91, 186}}}
	if got := tb.Extent(); got != (Fragment{91, 236}) {
		t.Errorf("extent = %v", got)
	}
	if got := tb.Sorted(); got[0] != (Fragment{91, 186}) || tb.Fragments[0] != (Fragment{209, 236}) {
		t.Errorf("sorted = %v, original now %v", got, tb.Fragments)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"T1 Cue 1 2\tx\n", "x.ann:1: not an annotation"},
		{"E1\tAttribution:T1\nmore\n", "x.ann:2: not an annotation"},
		{"T1\tCue\tx\n", "x.ann:1: T1: want \"Label start end\""},
		{"T1\tCue 5 2\tx\n", "x.ann:1: T1: fragment \"5 2\": want 0 ≤ start ≤ end"},
		{"T1\tCue -1 2\tx\n", "want 0 ≤ start ≤ end"},
		{"T1\tCue 1 2;3\tx\n", "fragment \"3\""},
		{"T1\tCue 1 2\tx\nT1\tCue 1 2\tx\n", "x.ann:2: T1 defined twice"},
		{"\nE1\tAttribution:T9\n", "x.ann:2: event E1 names T9"},
		{"E1\tAttribution\n", "argument \"Attribution\": want Role:ID"},
		{"E1\t\n", "event without a type"},
		{"X1\tfoo\n", "x.ann:1: not an annotation"},
	} {
		_, err := Parse(strings.NewReader(tc.in), "x.ann")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v; want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestParseTextAcrossLines(t *testing.T) {
	in := "T1\tContent 0 30\tfirst line\n\nThe second\nT2\tCue 31 35\tsaid\n"
	d, err := Parse(strings.NewReader(in), "x.ann")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.TextBounds) != 2 || d.TextBounds[0].Text != "first line\n\nThe second" || d.TextBounds[1].Line != 4 {
		t.Errorf("got %+v", d.TextBounds)
	}
}
