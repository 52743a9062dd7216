package timeline

import (
	"github.com/dateline-news/dateline/internal/annotate"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// spoken builds an article whose text is its sentences, one a line, with
// the rune offsets entity recognition needs (art leaves the text empty).
func spoken(id, pub string, sents ...string) (doc annotate.Doc) {
	doc = art(id, pub, sents...)
	var b strings.Builder
	for i := range doc.Sentences {
		sn := &doc.Sentences[i]
		sn.Start = utf8.RuneCountInString(b.String())
		b.WriteString(sn.Text)
		sn.End = utf8.RuneCountInString(b.String())
		b.WriteString("\n")
	}
	doc.Article.Text = b.String()
	return doc
}

// press is a small topic: Marta Koval in every article, Peter Lindqvist
// in one of four.
func press() []annotate.Doc {
	return []annotate.Doc{
		spoken("a1", "2031-03-01", "[2031-03-01] Marta Koval opened the harbour council on Monday .", "The council met for an hour ."),
		spoken("a2", "2031-03-02", "Marta Koval said the pier would close .", "Peter Lindqvist disagreed with the plan ."),
		spoken("a3", "2031-03-03", "[2031-03-03] The pier closed , Marta Koval said ."),
		spoken("a4", "2031-03-04", "Marta Koval visited the closed pier .", "Boats waited outside ."),
	}
}

func TestActorShares(t *testing.T) {
	c := NewCorpus(press())
	sh := c.ActorShares()
	tests := []struct {
		name string
		want float64
	}{
		{"Marta Koval", 1},
		{"Peter Lindqvist", 0.25},
	}
	for _, tt := range tests {
		if got := sh[tt.name]; math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("share of %q = %v, want %v (all: %v)", tt.name, got, tt.want, sh)
		}
	}
}

func TestSalienceAgainstBackground(t *testing.T) {
	c := NewCorpus(press())
	tests := []struct {
		name       string
		background map[string]float64
		koval      float64 // the salience wanted of Marta Koval
		lindqvist  float64
	}{
		{"no background", nil, 1, 0.25},
		{"Koval named everywhere", map[string]float64{"Marta Koval": 1}, 0, 0.25},
		{"Koval named in half", map[string]float64{"Marta Koval": 0.5}, 0.5, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := c.newView(Options{Recipe: DefaultRecipe, Background: tt.background})
			sal := v.salience()
			got := map[string]float64{}
			for e, x := range sal.of {
				got[c.actors.names[e]] = x
			}
			if math.Abs(got["Marta Koval"]-tt.koval) > 1e-9 || math.Abs(got["Peter Lindqvist"]-tt.lindqvist) > 1e-9 {
				t.Errorf("salience %v, want Marta Koval %v, Peter Lindqvist %v", got, tt.koval, tt.lindqvist)
			}
		})
	}
}

func TestMeanShares(t *testing.T) {
	got := MeanShares([]map[string]float64{{"A": 1, "B": 0.5}, {"A": 0.5}})
	if got["A"] != 0.75 || got["B"] != 0.25 {
		t.Errorf("MeanShares = %v, want A 0.75, B 0.25", got)
	}
}

// TestActorDayFeatures: with Recipe.Salience, a day named in a sentence
// with the topic's central actor gets actor features; without it, none.
func TestActorDayFeatures(t *testing.T) {
	c := NewCorpus(press())
	for _, on := range []bool{false, true} {
		r := DefaultRecipe
		r.Salience = on
		v := c.newView(Options{Recipe: r})
		days, X := v.dayFeatures()
		for i, dd := range days {
			got := X[i][fActors]
			if want := map[bool]float64{false: 0, true: 1}[on]; got != want {
				t.Errorf("salience %v: day %s actors = %v, want %v", on, dd.time().Format("2006-01-02"), got, want)
			}
		}
	}
}

// TestQuotedShare: a sentence that is all a quote's content is marked as
// such, a narrating one is not.
func TestQuotedShare(t *testing.T) {
	c := NewCorpus([]annotate.Doc{spoken("q1", "2031-03-01",
		"The harbour council met on Monday .",
		"\" We will close the pier , \" Marta Koval said .")})
	q := c.quotes().quoted // [0] is the headline
	if q[1] > 0.2 {
		t.Errorf("narration: quoted share %v, want near 0", q[1])
	}
	if q[2] < 0.4 {
		t.Errorf("quote: quoted share %v, want most of the sentence", q[2])
	}
}
