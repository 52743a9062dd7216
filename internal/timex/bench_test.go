package timex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

// BenchmarkTag measures the tagger on news text, in MB/s of text on one
// core: the fixtures written for the tests (prose and PTB-tokenized), and
// the TempEval-3 training texts and a Timeline17 topic when ../shared is
// present.
func BenchmarkTag(b *testing.B) {
	dct := time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"news.txt", "news_ptb.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		text := strings.Repeat(string(data)+"\n", 20) // about 60 KB, one long article
		b.Run(name, func(b *testing.B) { benchTexts(b, []string{text}, dct) })
	}
	if texts := tempevalTexts(b); len(texts) > 0 {
		b.Run("tempeval3-train", func(b *testing.B) { benchTexts(b, texts, dct) })
	}
	if texts := t17Texts(b, "syria"); len(texts) > 0 {
		b.Run("t17-syria-ptb", func(b *testing.B) { benchTexts(b, texts, dct) })
	}
}

func benchTexts(b *testing.B, texts []string, dct time.Time) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	tg := timex.New()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			tg.Tag(t, dct)
		}
	}
}

func tempevalTexts(b *testing.B) []string {
	var texts []string
	filepath.WalkDir(trainDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tml") {
			if doc, err := timeml.ReadFile(p); err == nil {
				texts = append(texts, doc.Text)
			}
		}
		return nil
	})
	return texts
}

// t17Texts reads the article texts of one Timeline17 topic (PTB-tokenized,
// one sentence per line), when ../shared is present.
func t17Texts(b *testing.B, topic string) []string {
	path := filepath.Join("..", "..", "..", "shared", "data", "tls", "t17", topic, "articles.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var texts []string
	for _, line := range strings.Split(string(data), "\n") {
		// the "text" field, decoded just enough for a benchmark
		k := strings.Index(line, `"text": "`)
		if k < 0 {
			continue
		}
		rest := line[k+9:]
		end := strings.Index(rest, `", "`)
		if end < 0 {
			continue
		}
		texts = append(texts, strings.ReplaceAll(rest[:end], `\n`, "\n"))
	}
	return texts
}
