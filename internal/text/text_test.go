package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
		// abbreviations: the tagger's month, weekday and unit forms, titles,
		// companies, initials, letters joined by periods
		{"month abbreviations", "They met on Mar. 3 and Mar. 4 in Geneva.", []string{"They met on Mar. 3 and Mar. 4 in Geneva."}},
		{"a day ends a sentence", "The hearing was set for Jan. 14. It was delayed.",
			[]string{"The hearing was set for Jan. 14.", "It was delayed."}},
		{"a dateline", "It opened on Tue. Sept. 15 at 3 p.m. EST in St. Louis.", []string{"It opened on Tue. Sept. 15 at 3 p.m. EST in St. Louis."}},
		{"an abbreviation before a sentence starter", "He joined Acme Inc. The firm grew. They met at 3 p.m. Then it rained.",
			[]string{"He joined Acme Inc.", "The firm grew.", "They met at 3 p.m.", "Then it rained."}},
		{"an abbreviation before a name", "Acme Corp. Chairman J. R. Smith met Gov. Brown and then-Sen. Obama in the U.S. Capitol.",
			[]string{"Acme Corp. Chairman J. R. Smith met Gov. Brown and then-Sen. Obama in the U.S. Capitol."}},
		{"a word that is also an abbreviation", "The sun. It rose. He said no. Smith left.",
			[]string{"The sun.", "It rose.", "He said no.", "Smith left."}},
		{"a number before the period", "Profit rose in 1988. Sales fell 5%. 20 people left.",
			[]string{"Profit rose in 1988.", "Sales fell 5%.", "20 people left."}},
		// quotes and brackets
		{"a quoted question goes on", "\"Why?\" he asked. \u201cNo.\u201d she said.", []string{"\"Why?\" he asked.", "\u201cNo.\u201d she said."}},
		{"closing and opening quotes", "He said \"no.\" \"We won,\" she said. (It ended.) It began.",
			[]string{"He said \"no.\"", "\"We won,\" she said.", "(It ended.)", "It began."}},
		{"a parenthesis inside", "He taught science (he had worked as an engineer.) at the school.",
			[]string{"He taught science (he had worked as an engineer.) at the school."}},
		{"PTB quotes in prose", "``It was a bomb,'' he said. ``We know.''", []string{"``It was a bomb,'' he said.", "``We know.''"}},
		// marks outside ASCII
		{"curly quotes are no ends", "He said \u201cwe will win\u201d on Tuesday. The \u2018Friday\u2019 vote \u2022 passed.",
			[]string{"He said \u201cwe will win\u201d on Tuesday.", "The \u2018Friday\u2019 vote \u2022 passed."}},
		{"an ellipsis", "It ended\u2026 Then it began again... and again.", []string{"It ended\u2026", "Then it began again... and again."}},
		{"a no-break space", "He left the Oval Office.\u00a0Sen. John Cornyn stayed.", []string{"He left the Oval Office.", "Sen. John Cornyn stayed."}},
		{"a lower-case word goes on", "Rates rose 5 pct. in Dec. He said e.g. the price.", []string{"Rates rose 5 pct. in Dec.", "He said e.g. the price."}},
		{"an exclamation before a dash", "He shouted ``Hail, Caesar!'' -- a film.", []string{"He shouted ``Hail, Caesar!'' -- a film."}},
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
		// wire prose quotes with ``...'' glued to its words, and may have a
		// stray split one
		{"``It was a bomb,'' he said, ``and we know it.'' Jordan `` is seeking guidance,'' he said. ``No.''", false},
		// tokenized text keeps the periods of abbreviations
		{"Sept. 7 : U.S. officials seize Fannie Mae , Mr. Paulson says .\nSept. 11 : Acme Corp. 's shares fall .", true},
	}
	for _, tt := range tests {
		if got := IsTokenized(tt.in); got != tt.want {
			t.Errorf("IsTokenized(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// SentencesIn reads one stretch as prose: a line of tokenized text may hold
// two sentences.
func TestSentencesIn(t *testing.T) {
	s := "x ON FRIDAY NIGHT ... ON THE ECONOMY !!!!! It 's over , said Alex. As it ended , Corp. 's shares fell .\nnext"
	got := spansText(s, SentencesIn(s, Span{2, strings.IndexByte(s, '\n')}, nil))
	want := []string{"ON FRIDAY NIGHT ...", "ON THE ECONOMY !!!!!", "It 's over , said Alex.", "As it ended , Corp. 's shares fell ."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := SentencesIn(s, Span{-5, 1000}, nil); len(got) == 0 || got[len(got)-1].End > len(s) {
		t.Errorf("a span out of range: %v", got)
	}
}

func TestIsAbbreviation(t *testing.T) {
	for w, want := range map[string]bool{
		"Jan": true, "jan": true, "Sept": true, "Mar": true, "mar": false, "Sun": true, "sun": false, "No": true, "no": false,
		"Mr": true, "Inc": true, "yrs": true, "J": true, "U.S": true, "a.m": true, "Ph.D": true, "example.com": false,
		"case": false, "1988": false, "": false, "5": false, "Octopus": false,
	} {
		if got := IsAbbreviation(w); got != want {
			t.Errorf("IsAbbreviation(%q) = %v, want %v", w, got, want)
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
	// Fold is FoldRune applied to every rune (AppendFold takes short cuts).
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := Fold(string(r)), string(FoldRune(r)); got != want && utf8.ValidRune(r) {
			t.Fatalf("Fold(%q) = %q, want %q", r, got, want)
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

// BenchmarkAppendFold folds a news-like paragraph: ASCII words with curly
// quotes and a dash.
func BenchmarkAppendFold(b *testing.B) {
	s := strings.Repeat("The minister said on Tuesday that “talks will go on” — and that İstanbul’s mayor agreed. ", 40)
	var buf []byte
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = AppendFold(buf[:0], s)
	}
}
