package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func spansText(s string, sp []Span) []string {
	var out []string
	for _, x := range sp {
		out = append(out, s[x.Start:x.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"prose", "The council met on Monday. It voted 5-2 to close the pier. Mr. Hale objected.",
			[]string{"The council met on Monday.", "It voted 5-2 to close the pier.", "Mr. Hale objected."}},
		{"wrapped lines are joined", "The harbour closed the pier on\nMonday after divers found cracks.\nRepairs start soon.",
			[]string{"The harbour closed the pier on\nMonday after divers found cracks.", "Repairs start soon."}},
		{"paragraphs", "A headline without a stop\n\nThe body begins here. It ends here.",
			[]string{"A headline without a stop", "The body begins here.", "It ends here."}},
		{"tokenized lines kept", "The mayor said `` no '' on Tuesday .\nShe did n't explain -LRB- yet -RRB- .\n",
			[]string{"The mayor said `` no '' on Tuesday .", "She did n't explain -LRB- yet -RRB- ."}},
		{"empty", "  \n \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spansText(tt.in, Sentences(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestIsTokenized(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"The mayor , who spoke Tuesday , said it 's over .\nHe did n't say more .", true},
		{"LONDON -LRB- Reuters -RRB- - Health charities shunned it", true},
		{"The mayor, who spoke Tuesday, said it's over. He didn't say more, at 3.5 percent.", false},
		{"Short text", false},
	}
	for _, tt := range tests {
		if got := IsTokenized(tt.in); got != tt.want {
			t.Errorf("IsTokenized(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDetokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Libya 's leader -LRB- pictured -RRB- said `` no '' , again .", `Libya's leader (pictured) said "no", again.`},
		{"They do n't know ; it cost $ 5 , or 10 % .", "They don't know; it cost $5, or 10%."},
		{`He said " yes " today .`, `He said "yes" today.`},
		{"Plain   prose, untouched.", "Plain prose, untouched."},
	}
	for _, tt := range tests {
		if got := Detokenize(tt.in); got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	got := Terms("The ministers were meeting -LRB- again -RRB- in Syria 's capital , did n't they ?")
	want := []string{"minist", "meet", "syria", "capit"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	v := NewVocabulary()
	for i := 0; i < 2; i++ { // the second pass answers from the cache
		ids, n := v.IDs(nil, "The ministers were meeting -LRB- again -RRB- in Syria 's capital , did n't they ?")
		if want := []int32{0, 1, 2, 3}; !reflect.DeepEqual(ids, want) || n != 12 {
			t.Errorf("Vocabulary.IDs pass %d = %v, %d words; want %v, 12", i, ids, n, want)
		}
	}
	if ids, _ := v.IDs(nil, "Meetings of MINISTERS"); !reflect.DeepEqual(ids, []int32{1, 0}) {
		t.Errorf("same stems, other forms: %v", ids)
	}
	if ids, ok := v.Lookup([]string{"syria", "minist"}); !ok || !reflect.DeepEqual(ids, []int32{2, 0}) {
		t.Errorf("Lookup = %v %v", ids, ok)
	}
	if _, ok := v.Lookup([]string{"volcano"}); ok || v.Len() != 4 {
		t.Errorf("unknown term found, or Len %d != 4", v.Len())
	}
	if w := Words("U.S.-led forces, 10,000 strong"); strings.Join(w, "|") != "U.S|led|forces|10,000|strong" {
		t.Errorf("Words = %q", w)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Syria", "syria"},
		{"ÖSTERREICH", "österreich"},
		{"Österreich", "österreich"},
		{"\u212Aelvin", "kelvin"}, // Kelvin sign
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"οδυσσευς", "οδυσσευσ"}, // final sigma
		{"ſyria", "syria"},       // long s
		{"İstanbul", "istanbul"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Whatever EqualFold calls equal folds the same.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if Fold(string(r)) != Fold(string(f)) {
				t.Fatalf("Fold(%q) = %q but Fold(%q) = %q", r, Fold(string(r)), f, Fold(string(f)))
			}
		}
	}
}
