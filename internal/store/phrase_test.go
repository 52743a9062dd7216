package store

import (
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/text"
)

func TestHasPhrase(t *testing.T) {
	for _, tt := range []struct {
		text, phrase string
		want         bool
	}{
		{"the who", "the who", true},
		{"the who's tour", "the who", true},
		{"see the who.", "the who", true},
		{"bathe whoever", "the who", false},
		{"bathe who, then the who", "the who", true}, // a later occurrence
		{"the, who", "the who", false},
		{"the  who", "the who", false},
		{"österreich über alles", "über", true},
		{"müber", "über", false},
		{"", "the", false},
		{"2the", "the", false},
	} {
		if got := hasPhrase([]byte(tt.text), []byte(tt.phrase)); got != tt.want {
			t.Errorf("hasPhrase(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}

func TestStopPhrase(t *testing.T) {
	for _, tt := range []struct {
		q    Query
		want string
	}{
		{Query{Text: "The  WHO"}, "the who"},
		{Query{Text: `"to be" or not`}, "to be or not"},
		{Query{Text: "the pier"}, ""}, // a content word: an index search
		{Query{Text: "the", Raw: true}, ""},
		{Query{Text: "!!"}, ""},
	} {
		if got := stopPhrase(tt.q); got != tt.want {
			t.Errorf("stopPhrase(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// FuzzPhraseMatcher checks the matcher's short cut against folding the text
// first: both must find the same phrases.
func FuzzPhraseMatcher(f *testing.F) {
	for _, s := range [][2]string{
		{"The Who’s tour", "the who"},
		{"bathe whoever THE WHO", "the who"},
		{"ſo \u212Aeep it", "so"},
		{"İt is", "it is"},
		{"theΙ is", "the"},
		{"\xffthe\xfe", "the"},
		{"über alles", "über"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, s, phrase string) {
		p := strings.Join(strings.Fields(text.Fold(phrase)), " ")
		if p == "" {
			return
		}
		if got, want := newPhraseMatcher(p).in(s), hasPhrase([]byte(text.Fold(s)), []byte(p)); got != want {
			t.Fatalf("in(%q, %q) = %v, folding first says %v", s, p, got, want)
		}
	})
}
