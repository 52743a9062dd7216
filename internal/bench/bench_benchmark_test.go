package bench

import (
	"github.com/dateline-news/dateline/internal/tilse"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// t17 is the Timeline17 dataset beside the repository.
var t17 = filepath.Join("..", "..", "..", "shared", "data", "tls", "t17")

// loadBpoil reads and annotates the largest T17 topic (bpoil: 5 gold
// timelines), or skips.
func loadBpoil(b *testing.B) *Topic {
	if _, err := os.Stat(t17); err != nil {
		b.Skipf("T17 not found at %s (../shared is absent)", t17)
	}
	// a dataset of that topic alone, so the others do not weigh on the heap
	dir := b.TempDir()
	abs, _ := filepath.Abs(filepath.Join(t17, "bpoil"))
	if err := os.Symlink(abs, filepath.Join(dir, "bpoil")); err != nil {
		b.Fatal(err)
	}
	topics, _, err := LoadTopics(dir, annotate.New(timex.New()), 0, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range topics {
		if t.Name == "bpoil" {
			return t
		}
	}
	b.Fatal("no bpoil topic")
	return nil
}

// BenchmarkTopicTimelines builds the five timelines of T17's largest topic
// from its annotated articles, preparing the corpus each time (run with
// -cpu 1 for one core).
func BenchmarkTopicTimelines(b *testing.B) {
	t := loadBpoil(b)
	b.ResetTimer()
	for b.Loop() {
		c := timeline.NewCorpus(t.Docs)
		for _, g := range t.Golds {
			tk := NewTask(t, g, 0)
			tk.Options.Recipe, _ = timeline.DefaultRecipe.ForCorpus(t.Print)
			c.Build(tk.Options)
		}
	}
}

// BenchmarkScoreTopic scores one built timeline of the topic.
func BenchmarkScoreTopic(b *testing.B) {
	t := loadBpoil(b)
	ev, err := eval.NewEvaluatorFromDir(filepath.Join(t17, "..", "..", "..", "eval", "rouge-data"))
	if err != nil {
		b.Skip(err)
	}
	tk := NewTask(t, t.Golds[0], 0)
	tl := t.Corpus.Build(tk.Options)
	pred := eval.Timeline{}
	for _, e := range tl.Entries {
		for _, it := range e.Items {
			pred[tilse.DateOf(e.Date)] = append(pred[tilse.DateOf(e.Date)], it.Text)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ev.Score(pred, tk.Gold.Timeline)
	}
}

// BenchmarkPrepareTopic prepares the corpus of T17's largest topic.
func BenchmarkPrepareTopic(b *testing.B) {
	t := loadBpoil(b)
	b.ResetTimer()
	for b.Loop() {
		timeline.NewCorpus(t.Docs)
	}
}

// BenchmarkBuildTopic builds the five timelines of T17's largest topic from
// its prepared corpus.
func BenchmarkBuildTopic(b *testing.B) {
	t := loadBpoil(b)
	b.ResetTimer()
	for b.Loop() {
		for _, g := range t.Golds {
			tk := NewTask(t, g, 0)
			tk.Options.Recipe, _ = timeline.DefaultRecipe.ForCorpus(t.Print)
			t.Corpus.Build(tk.Options)
		}
	}
}
