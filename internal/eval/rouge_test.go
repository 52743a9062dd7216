package eval

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReadText follows ROUGE-1.5.5's readText on the SEE lines tilse's
// pyrouge writes.
func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"lower-case ASCII, hyphen split off", []string{"U.S.-led Coalition's"}, "u s - led coalition s"},
		{"non-ASCII bytes become spaces", []string{"Café naïve"}, "caf na ve"},
		{"text ends at the first <", []string{"keep this <b>not this</b> nor this"}, "keep this"},
		{"sentence starting with < is dropped", []string{"<b>gone", "kept"}, "kept"},
		{"^ is written as &circ;", []string{"x^y ^z"}, "x circ y circ z"},
		{"$ and punctuation become spaces", []string{"$5bn (about) 3.5%"}, "5bn about 3 5"},
		{"apostrophes split words", []string{"don't"}, "don t"},
		{"Python white space splits tokens", []string{"a\u00a0b\x1cc"}, "a b c"},
		{"sentences run on", []string{"Hello world", "", "  ", "Again"}, "hello world again"},
		{"dashes only", []string{"--"}, "- -"},
		{"nothing", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(readText(tt.in, nil), " "); got != tt.want {
				t.Errorf("readText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestUnits checks createNGram's order of operations with a small data
// directory written for this test: stop words are removed before stemming
// (so a stop word's stem does not matter), tokens must start with [a-z0-9],
// only tokens longer than three bytes are stemmed, and the exception table
// wins over Porter.
func TestUnits(t *testing.T) {
	r, err := LoadROUGE(filepath.Join("testdata", "rouge-mini"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Approximate() {
		t.Error("a loaded ROUGE claims to be approximate")
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"The cats were running", []string{"cat", "run"}},
		{"mice geese ran", []string{"mouse", "goose", "ran"}}, // "ran" is too short to look up
		{"mouse - x-ray", []string{"mous", "x", "ray"}},       // "ray" is too short to stem
		{"A 1990s T-shirt", []string{"1990", "t", "shirt"}},
	}
	for _, tt := range tests {
		if got := r.Units([]string{tt.in}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Units(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestApproximateROUGE(t *testing.T) {
	r := ApproximateROUGE()
	if !r.Approximate() {
		t.Fatal("ApproximateROUGE is not marked approximate")
	}
	got := r.Units([]string{"The ministers were meeting and the mice ran"})
	want := []string{"minist", "meet", "mice", "ran"} // no exception table: "mice" stays
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Units = %q, want %q", got, want)
	}
	if r2, err := LoadROUGE(""); err != nil || !r2.Approximate() {
		t.Errorf(`LoadROUGE("") = %v, %v; want an approximate ROUGE`, r2, err)
	}
}

func TestLoadROUGEErrors(t *testing.T) {
	if _, err := LoadROUGE(filepath.Join("testdata", "no-such-dir")); err == nil {
		t.Error("missing directory: no error")
	}
	_, err := LoadROUGE(filepath.Join("testdata", "rouge-bad"))
	if err == nil || !strings.Contains(err.Error(), "WordNet-2.0-exceptions.tsv:2") {
		t.Errorf("malformed exception table: got %v, want an error naming line 2", err)
	}
}

func TestROUGECountsClipAndSumOverModels(t *testing.T) {
	c := newCounter(ApproximateROUGE())
	peer := c.summarize([]string{"cat cat dog", "cat"}) // units cat cat dog cat
	m1 := c.summarize([]string{"cat dog dog"})
	m2 := c.summarize([]string{"fox"})
	h, m, p := rougeCounts(peer, []*summary{m1, m2})
	// Unigrams: hits min(3,1)+min(1,2) = 2 with m1, 0 with m2; models 3+1;
	// peer 4 counted once per model.
	if h[0] != 2 || m[0] != 4 || p[0] != 8 {
		t.Errorf("ROUGE-1 h,m,p = %d,%d,%d; want 2,4,8", h[0], m[0], p[0])
	}
	// Bigrams of the peer run across the sentence boundary: cat-cat,
	// cat-dog, dog-cat; m1 has cat-dog, dog-dog; m2 none.
	if h[1] != 1 || m[1] != 2 || p[1] != 6 {
		t.Errorf("ROUGE-2 h,m,p = %d,%d,%d; want 1,2,6", h[1], m[1], p[1])
	}
}

func TestApproxROUGE1(t *testing.T) {
	c := newCounter(ApproximateROUGE())
	pred := c.summarize([]string{"The cat , the Cat ."}) // The cat the Cat (punctuation dropped)
	ref1 := c.summarize([]string{"the cat sat"})
	ref2 := emptySummary
	// match = the(1) + cat(1) = 2; precision 2/(2 refs * 4); recall 2/3.
	p, r := 2.0/8, 2.0/3
	want := 2 * p * r / (p + r)
	if got := approxROUGE1(pred, []*summary{ref1, ref2}); got != want {
		t.Errorf("approxROUGE1 = %v, want %v", got, want)
	}
	if got := approxROUGE1(emptySummary, []*summary{ref1}); got != 0 {
		t.Errorf("empty prediction: %v, want 0", got)
	}
	// PTB's doubled quotes are not in string.punctuation as a substring.
	q := c.summarize([]string{"`` '' ( ) ()"})
	if q.nWords != 2 {
		t.Errorf("kept %d raw tokens of `` '' ( ) (), want 2", q.nWords)
	}
}
