package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

var dct = time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC)

// The tagger and the sentences annotate returns agree: "Mar. 3" neither
// ends a sentence nor leaves its day in the next one, and a day that ends
// a sentence ("Jan. 14.") does.
func TestSentencesAndTimexesAgree(t *testing.T) {
	tests := []struct {
		text  string
		sents []string // the sentences, then the expressions of each, joined by |
		txs   []string
	}{
		{"They met on Mar. 3 and Mar. 4 in Geneva.",
			[]string{"They met on Mar. 3 and Mar. 4 in Geneva."}, []string{"Mar. 3|Mar. 4"}},
		{"The hearing was set for Jan. 14. It was delayed until Sept. 3.",
			[]string{"The hearing was set for Jan. 14.", "It was delayed until Sept. 3."}, []string{"Jan. 14", "Sept. 3"}},
		{"The firm, Acme Inc. The next day, it sold Acme Corp. shares.",
			[]string{"The firm, Acme Inc.", "The next day, it sold Acme Corp. shares."}, []string{"", "The next day"}},
	}
	an := New(timex.New())
	for _, tt := range tests {
		doc := an.Annotate(article.Article{ID: "a", Published: dct, Text: tt.text})
		var sents, txs []string
		for _, s := range doc.Sentences {
			sents = append(sents, s.Text)
			var in []string
			for _, x := range s.Timexes {
				in = append(in, x.Text)
			}
			txs = append(txs, strings.Join(in, "|"))
		}
		if strings.Join(sents, "\n") != strings.Join(tt.sents, "\n") || strings.Join(txs, "\n") != strings.Join(tt.txs, "\n") {
			t.Errorf("%q:\n got  %q %q\n want %q %q", tt.text, sents, txs, tt.sents, tt.txs)
		}
	}
}

// checkInside fails unless every time expression of doc lies inside the
// sentence it is attached to, in runes of the article text.
func checkInside(t *testing.T, doc Doc) {
	t.Helper()
	for _, s := range doc.Sentences {
		for _, x := range s.Timexes {
			if x.Start < s.Start || x.End > s.End || x.End <= x.Start {
				t.Fatalf("%s: timex %q [%d,%d) outside sentence %d %q [%d,%d)",
					doc.Article.ID, x.Text, x.Start, x.End, s.Index, s.Text, s.Start, s.End)
			}
		}
	}
}

// Every time expression lies inside its sentence, on the texts written for
// the tagger's tests and, when ../shared is present, on TempEval-3 and
// PolNeAR news (prose) and Timeline17 (tokenized).
func TestTimexesInsideSentences(t *testing.T) {
	var texts []string
	for _, name := range []string{"news.txt", "news_ptb.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "timex", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	shared := filepath.Join("..", "..", "..", "shared", "data")
	files, _ := filepath.Glob(filepath.Join(shared, "polnear", "dev", "text", "*.txt"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	files, _ = filepath.Glob(filepath.Join(shared, "tempeval3", "train", "AQUAINT", "*.tml"))
	for _, f := range files {
		if d, err := timeml.ReadFile(f); err == nil {
			texts = append(texts, d.Text)
		}
	}
	for a, err := range article.Read(filepath.Join(shared, "tls", "t17", "haiti", "articles.jsonl")) {
		if err == nil {
			texts = append(texts, a.Text)
		}
	}
	if len(texts) == 2 {
		t.Logf("only the fixtures: no news under %s", shared)
	}
	an := New(timex.New())
	n := 0
	for i, s := range texts {
		doc := an.Annotate(article.Article{ID: fmt.Sprint(i), Published: dct, Text: s})
		checkInside(t, doc)
		for _, s := range doc.Sentences {
			n += len(s.Timexes)
		}
	}
	if n < 100 {
		t.Errorf("only %d time expressions in %d texts", n, len(texts))
	}
}
