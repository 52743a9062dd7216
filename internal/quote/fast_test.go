package quote

import (
	"math"
	"testing"
)

// tinyModel trains both labellers on a few invented articles, without word
// classes.
func tinyModel(t *testing.T) *Model {
	t.Helper()
	text := "“We will win,” Mayor Ada Vance said on Monday. “It is done.”\n\nThe council said that the bridge would open in May, according to a report.\n\nVance told reporters she hopes to run again.\n\n“No comment.” — Bo Li, spokesman"
	ex := Example{Text: text}
	add := func(src, cue, con string) {
		q := Quote{Source: find(text, src), Cue: find(text, cue), Content: find(text, con)}
		q.Parts = []Span{q.Content}
		ex.Quotes = append(ex.Quotes, q)
	}
	add("Mayor Ada Vance", "said", "“We will win,”")
	add("The council", "said", "that the bridge would open in May")
	add("Vance", "told", "she hopes to run again")
	add("Bo Li", "—", "“No comment.”")
	m, err := Train([]Example{ex, ex}, TrainOptions{Epochs: 3, ClassesFrom: &Model{}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// find returns the span of the first occurrence of sub in text.
func find(text, sub string) Span {
	rs, ss := []rune(text), []rune(sub)
	for i := 0; i+len(ss) <= len(rs); i++ {
		if string(rs[i:i+len(ss)]) == sub {
			return Span{i, i + len(ss)}
		}
	}
	panic("no " + sub)
}

func near(a, b []float32) bool {
	for i := range a {
		if math.Abs(float64(a[i]-b[i])) > 1e-3 {
			return false
		}
	}
	return true
}

// TestCachedScoresEqualFeatures checks that the extractor's cached rows
// and tables add up to the weights of the features the labellers were
// trained on, at every position, for texts it has and has not seen.
func TestCachedScoresEqualFeatures(t *testing.T) {
	m := tinyModel(t)
	if m.cue.NumFeatures() < 100 || m.role.NumFeatures() < 100 {
		t.Fatalf("tiny model weighs only %d cue and %d role features", m.cue.NumFeatures(), m.role.NumFeatures())
	}
	x := New(m)
	for _, text := range []string{
		"“We will win,” Mayor Ada Vance said on Monday. “It is done.”",
		"PENCE: Well, look.\n\n“Odd ‘inner’ marks,” he said: “yes” — Zed Q.\n\n``PTB quotes,'' she told them, that they’d go.",
	} {
		d := newDoc(text).withLexicon(x.lex)
		for _, p := range d.paras {
			for i := p.from; i < p.to; i++ {
				fast, slow := make([]float32, cueLabels), make([]float32, cueLabels)
				x.cueScores(d, i, p, (*cueRow)(fast), nil)
				m.cue.AddScores(slow, d.cueFeatures(i, p, nil))
				if !near(fast, slow) {
					t.Errorf("cue scores of %q: cached %v, features %v", d.text[d.toks[i].b:d.toks[i].e], fast, slow)
				}
			}
			for c := p.from; c < p.to; c++ {
				ctx := d.newCueContext(c, c+1, p, nil)
				cr := x.cueRows(d, ctx, p)
				for i := p.from; i < p.to; i++ {
					fast, slow := make([]float32, roleLabels), make([]float32, roleLabels)
					x.roleScores(d, ctx, cr, i, p, (*roleRow)(fast), nil)
					m.role.AddScores(slow, d.roleFeatures(ctx, i, p, nil))
					if !near(fast, slow) {
						t.Errorf("role scores of token %d for cue %d: cached %v, features %v", i, c, fast, slow)
					}
				}
			}
		}
	}
}
