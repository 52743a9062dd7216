package text

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/clipperhouse/uax29/v2/words"
)

// uax29Words is Words through the general segmenter only.
func uax29Words(s string) []string {
	var out []string
	it := words.FromString(s)
	for it.Next() {
		if w := it.Value(); isWord(w) {
			out = append(out, w)
		}
	}
	return out
}

func TestASCIIWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. troops don't stop", []string{"U.S", "troops", "don't", "stop"}},
		{"1,000.5 a.5 5:5 a:b x,y 3'4 a'b", []string{"1,000.5", "a", "5", "5", "5", "a:b", "x", "y", "3'4", "a'b"}},
		{"__x _ a_b_ a..b .a. 'a' 'tis", []string{"__x", "a_b_", "a", "b", "a", "a", "tis"}},
		{"", nil}, {"...", nil}, {"a", []string{"a"}}, {"a.", []string{"a"}},
	}
	for _, tt := range tests {
		var got []string
		asciiWords(tt.in, func(w string) { got = append(got, w) })
		if !slices.Equal(got, tt.want) || !slices.Equal(got, uax29Words(tt.in)) {
			t.Errorf("%q: got %q, want %q (uax29 %q)", tt.in, got, tt.want, uax29Words(tt.in))
		}
	}
}

// TestASCIIWordsAreUAX29 compares the fast path with the general segmenter
// on every ASCII sentence of T17 (skipped without ../shared).
func TestASCIIWordsAreUAX29(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "tls", "t17", "*", "articles.jsonl"))
	if len(files) == 0 {
		t.Skip("../shared is absent: T17 not compared")
	}
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var a struct{ Text, Title string }
			if json.Unmarshal(sc.Bytes(), &a) != nil {
				continue
			}
			for _, s := range []string{a.Text, a.Title} {
				if !isASCII(s) {
					continue
				}
				n++
				var got []string
				asciiWords(s, func(w string) { got = append(got, w) })
				if want := uax29Words(s); !slices.Equal(got, want) {
					t.Fatalf("%s: words differ:\n got %q\nwant %q", f, got, want)
				}
			}
		}
		fh.Close()
	}
	if n == 0 {
		t.Fatal("no ASCII text compared")
	}
}

// FuzzASCIIWords: the fast path finds the words the general segmenter
// finds, on any ASCII text.
func FuzzASCIIWords(f *testing.F) {
	for _, s := range []string{"U.S. troops don't", "1,000.5 a.5", "__x a:b x,y", "a..b.c'd;1;2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		var got []string
		asciiWords(s, func(w string) { got = append(got, w) })
		if want := uax29Words(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	})
}

func BenchmarkWords(b *testing.B) {
	s := "The U.S. military said on Tuesday that 1,200 troops -- about a third of them Marines -- would leave Iraq's Anbar province by mid-2009 , officials said ."
	b.Run("ascii", func(b *testing.B) {
		for b.Loop() {
			asciiWords(s, func(string) {})
		}
	})
	b.Run("uax29", func(b *testing.B) {
		for b.Loop() {
			uax29Words(s)
		}
	})
}

// Control characters and invalid UTF-8 are never part of a word, even
// where the segmenter leaves them inside a segment.
func TestWordsWithoutControls(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"\x00\xf30", []string{"0"}},
		{"caf\xc3\xa9\x00bar", []string{"café", "bar"}},
		{"Öl\xffpreis", []string{"Öl", "preis"}},
		{"\xff\xfe", nil},
		{"Österreich und Wien", []string{"Österreich", "und", "Wien"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
