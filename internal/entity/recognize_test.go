package entity

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The sentences below are written for these tests (they are no news
// text). Each case lists the mentions expected, as "TYPE text" or "TYPE
// text → canonical name".
var recognizeCases = []struct {
	name, text string
	want       []string
}{
	{"person, place, date",
		"Mayor Lena Hartmann of Riverton opened the new bridge on Monday.",
		[]string{"PER Lena Hartmann", "LOC Riverton"}},
	{"company and surname",
		"Shares of Halvorsen Shipping fell after Erik Halvorsen resigned. Halvorsen said he was tired.",
		[]string{"ORG Halvorsen Shipping", "PER Erik Halvorsen", "PER Halvorsen → Erik Halvorsen"}},
	{"nationality and country",
		"The German chancellor will visit Brazil and Argentina next week, officials in Berlin said.",
		[]string{"MISC German", "LOC Brazil", "LOC Argentina", "LOC Berlin"}},
	{"organization acronym",
		"The World Health Organization (WHO) warned on Friday. The WHO asked for more money.",
		[]string{"ORG World Health Organization", "ORG WHO → World Health Organization", "ORG WHO → World Health Organization"}},
	{"PTB tokens",
		"`` We will not give up , '' said Maria Costa , a lawyer for the Union of Bakers in Lisbon .",
		[]string{"PER Maria Costa", "ORG Union of Bakers", "LOC Lisbon"}},
	{"curly quotes and possessive",
		"“It was a mistake,” Daniel Okoro’s spokesman told the Daily Courier.",
		[]string{"PER Daniel Okoro", "ORG Daily Courier"}},
	{"lower case only",
		"the committee met again on tuesday and nobody said anything new.",
		nil},
}

func TestRecognize(t *testing.T) {
	r := New()
	for _, tc := range recognizeCases {
		var got []string
		for _, m := range r.Recognize(tc.text) {
			s := string(m.Type) + " " + m.Text
			if m.Name != m.Text {
				s += " → " + m.Name
			}
			got = append(got, s)
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s: %q\n got %q\nwant %q", tc.name, tc.text, got, tc.want)
		}
		checkMentions(t, tc.text, r.Recognize(tc.text))
	}
}

// checkMentions checks the offsets contract: in the text, in order, not
// overlapping, and Text the runes they cover.
func checkMentions(t *testing.T, text string, ms []Mention) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	var runes []rune
	if utf8.ValidString(text) {
		runes = []rune(text)
	}
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > n {
			t.Fatalf("%q: mention %+v after %d in %d runes", text, m, prev, n)
		}
		if runes != nil && string(runes[m.Start:m.End]) != m.Text {
			t.Fatalf("%q: mention %+v reads %q", text, m, string(runes[m.Start:m.End]))
		}
		if m.Name == "" {
			t.Fatalf("%q: mention %+v has no name", text, m)
		}
		prev = m.End
	}
}

// TestRecognizeConcurrent checks that concurrent calls agree with serial
// ones.
func TestRecognizeConcurrent(t *testing.T) {
	r := New()
	want := make([]string, len(recognizeCases))
	for i, tc := range recognizeCases {
		want[i] = fmt.Sprint(r.Recognize(tc.text))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				for i, tc := range recognizeCases {
					if got := fmt.Sprint(r.Recognize(tc.text)); got != want[i] {
						t.Errorf("%s: concurrent %s, serial %s", tc.name, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestShippedModel checks that the embedded model reads.
func TestShippedModel(t *testing.T) {
	m, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if m.labels.NumFeatures() == 0 || len(m.classes.byWord) == 0 {
		t.Errorf("embedded model: %s", m.Stats())
	}
}
