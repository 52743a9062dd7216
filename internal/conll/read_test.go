package conll

import (
	"reflect"
	"strings"
	"testing"
)

const sample = `-DOCSTART- -X- O O

Ann NNP I-NP I-PER
Lee NNP I-NP I-PER
met VBD I-VP O
Bo NNP I-NP I-PER
Ray NNP I-NP B-PER
in IN I-PP O
Oslo NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Acme NNP I-NP I-ORG
rose VBD I-VP O
`

func TestRead(t *testing.T) {
	docs, err := Read(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{Line: 1, Sentences: []Sentence{{Line: 3, Tokens: strings.Fields("Ann Lee met Bo Ray in Oslo ."),
			Phrases: []Phrase{{0, 2, "PER"}, {3, 4, "PER"}, {4, 5, "PER"}, {6, 7, "LOC"}}}}},
		{Line: 12, Sentences: []Sentence{{Line: 14, Tokens: []string{"Acme", "rose"}, Phrases: []Phrase{{0, 1, "ORG"}}}}},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("got %+v\nwant %+v", docs, want)
	}
	text, starts := docs[0].Text()
	if text != "Ann Lee met Bo Ray in Oslo .\n" || !reflect.DeepEqual(starts, [][]int{{0, 4, 8, 12, 15, 19, 22, 27}}) {
		t.Errorf("Text: %q %v", text, starts)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ann I-PER\nlonely\n", "x:2: want a token and a tag"},
		{"Ann PER\n", `x:1: tag "PER"`},
		{"Ann I-\n", `x:1: tag "I-"`},
	} {
		_, err := Read(strings.NewReader(tc.in), "x")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestPhrases(t *testing.T) {
	for _, tc := range []struct {
		tags string
		want []Phrase
	}{
		{"O O", nil},
		{"I-PER I-PER O I-LOC", []Phrase{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-PER B-PER", []Phrase{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"B-ORG I-ORG I-LOC", []Phrase{{0, 2, "ORG"}, {2, 3, "LOC"}}},
		{"O B-MISC", []Phrase{{1, 2, "MISC"}}},
		{"S-PER S-PER B-ORG E-ORG I-ORG", []Phrase{{0, 1, "PER"}, {1, 2, "PER"}, {2, 4, "ORG"}, {4, 5, "ORG"}}},
	} {
		if got := Phrases(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.tags, got, tc.want)
		}
	}
}

// TestScore checks the counts against a case worked out by hand as
// conlleval counts it.
func TestScore(t *testing.T) {
	s := NewScore()
	gold := []Phrase{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 7, "ORG"}, {8, 9, "MISC"}}
	found := []Phrase{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "ORG"}, {10, 11, "LOC"}}
	s.Add(gold, found)
	if s.All != (Counts{Gold: 4, Found: 4, Correct: 1}) {
		t.Errorf("all: %+v", s.All)
	}
	if *s.Types["ORG"] != (Counts{Gold: 1, Found: 2}) || *s.Types["PER"] != (Counts{1, 1, 1}) {
		t.Errorf("types: ORG %+v PER %+v", *s.Types["ORG"], *s.Types["PER"])
	}
	p, r, f := s.All.PRF()
	if p != 25 || r != 25 || f != 25 {
		t.Errorf("PRF %v %v %v", p, r, f)
	}
	want := map[string]int{"LOC as ORG": 1, "ORG boundary": 1, "missed MISC": 1, "spurious LOC": 1}
	if !reflect.DeepEqual(s.Errors, want) {
		t.Errorf("errors %v, want %v", s.Errors, want)
	}
}
