package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/timex"
)

func TestCodecRoundTrip(t *testing.T) {
	docs := []annotate.Doc{
		doc("a", "2031-03-02", "The pier closed on Monday.", "Repairs will take weeks.", "Divers found cracks."),
		odd(),
		{Sentences: nil},
		{Sentences: []annotate.Sentence{{Index: -3, Start: 9, End: 2, Text: "backwards", Timexes: []timex.Timex{{Start: -1, End: 99, Type: "X", Text: ""}}}}},
	}
	for _, d := range docs {
		data := encodeSentences(d.Article.Text, d.Sentences)
		got, err := decodeSentences(d.Article.Text, data)
		if err != nil {
			t.Fatalf("%s: %v", d.Article.ID, err)
		}
		if len(got) == 0 && len(d.Sentences) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, d.Sentences) {
			t.Errorf("%s:\n got %+v\nwant %+v", d.Article.ID, got, d.Sentences)
		}
		for pos, want := range d.Sentences {
			sn, ok, err := decodeSentence(d.Article.Text, data, pos)
			want.Timexes = nil
			if err != nil || !ok || !reflect.DeepEqual(sn, want) {
				t.Errorf("%s sentence %d: %+v %v %v", d.Article.ID, pos, sn, ok, err)
			}
		}
		if _, ok, err := decodeSentence(d.Article.Text, data, len(d.Sentences)); ok || err != nil {
			t.Errorf("%s: a sentence past the end: %v %v", d.Article.ID, ok, err)
		}
		// the common case keeps no text: only offsets and values
		if d.Article.ID == "a" && len(data) > 80 {
			t.Errorf("%d bytes for three sentences that are spans of the text", len(data))
		}
	}
	for _, bad := range [][]byte{nil, {}, {2}, {1}, {1, 5}, {1, 1, 0, 0, 0, 1, 200}, {1, 1, 0, 0, 0, 0, 1}} {
		if _, err := decodeSentences("text", bad); err == nil {
			t.Errorf("%v decoded", bad)
		}
	}
}

// FuzzDecodeSentences: whatever the column holds, decoding returns
// sentences or an error, never a panic; what encodes decodes back.
func FuzzDecodeSentences(f *testing.F) {
	d := odd()
	f.Add(encodeSentences(d.Article.Text, d.Sentences), d.Article.Text)
	d = doc("a", "2031-03-02", "The pier closed on Monday.", "Repairs will take weeks.")
	f.Add(encodeSentences(d.Article.Text, d.Sentences), d.Article.Text)
	f.Add([]byte{1, 2, 0, 0, 0, 0, 0}, "")
	f.Fuzz(func(t *testing.T, data []byte, body string) {
		sents, err := decodeSentences(body, data)
		if err != nil {
			return
		}
		again, err := decodeSentences(body, encodeSentences(body, sents))
		if err != nil || (len(sents) > 0 && !reflect.DeepEqual(again, sents)) {
			t.Fatalf("re-encoding %+v gave %+v, %v", sents, again, err)
		}
		for pos := range sents {
			if _, ok, err := decodeSentence(body, data, pos); !ok || err != nil {
				t.Fatalf("sentence %d: %v %v", pos, ok, err)
			}
		}
	})
}

// BenchmarkDecode compares the column's decoding with JSON's on the
// sentences of real articles.
func BenchmarkDecode(b *testing.B) {
	recs := t17Records(b)
	an := make([][]annotate.Sentence, len(recs))
	for i, r := range recs {
		an[i], _ = decodeSentences(r.a.Text, r.sentences)
	}
	b.Run("binary", func(b *testing.B) {
		size := 0
		for _, r := range recs {
			size += len(r.sentences)
		}
		for b.Loop() {
			for _, r := range recs {
				if _, err := decodeSentences(r.a.Text, r.sentences); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(size)/float64(len(recs)), "bytes/article")
	})
	b.Run("json", func(b *testing.B) {
		js := make([][]byte, len(recs))
		size := 0
		for i := range recs {
			js[i], _ = json.Marshal(an[i])
			size += len(js[i])
		}
		for b.Loop() {
			for i := range recs {
				var out []annotate.Sentence
				if err := json.Unmarshal(js[i], &out); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(size)/float64(len(recs)), "bytes/article")
	})
}
