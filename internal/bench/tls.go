package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/tilse"
	"github.com/dateline-news/dateline/internal/timeline"
)

// Topic is one topic of a dataset: its annotated articles, keywords and
// gold timelines.
type Topic struct {
	Name     string
	Keywords []string
	Golds    []eval.Gold
	Docs     []annotate.Doc
	Corpus   *timeline.Corpus // Docs prepared for building timelines
	Print    string           // timeline.Fingerprint of the articles' ids
	Bad      int              // article records that could not be read
	Load     time.Duration    // time to read, annotate and prepare the articles

	sharesOnce  sync.Once
	actorShares map[string]float64 // Corpus.ActorShares, on first use
}

// Task is what the protocol asks for one gold timeline.
type Task struct {
	Topic   *Topic
	Gold    eval.Gold
	Options timeline.Options // dates l, sentences per date k, keywords, date range
}

// NewTask derives the protocol's task for gold: l = the gold's number of
// dates, k = the mean number of sentences per date rounded half to even,
// the topic's keywords, and the gold's first-to-last date range widened by
// margin days on each side.
func NewTask(t *Topic, gold eval.Gold, margin int) Task {
	dates := gold.Dates()
	sents := 0
	for _, d := range dates {
		sents += len(gold.Timeline[d])
	}
	// The protocol gives the system the topic's articles: every one of them
	// counts toward the dates, the keywords only choose sentences.
	opt := timeline.Options{Selection: timeline.Selection{Keywords: t.Keywords, AllArticles: true}}
	if len(dates) > 0 {
		opt.Dates = len(dates)
		opt.PerDate = int(math.RoundToEven(float64(sents) / float64(len(dates))))
		if opt.PerDate < 1 {
			opt.PerDate = 1
		}
		opt.From = dates[0].Time().AddDate(0, 0, -margin)
		opt.To = dates[len(dates)-1].Time().AddDate(0, 0, margin)
	}
	return Task{Topic: t, Gold: gold, Options: opt}
}

// Config says what to run.
type Config struct {
	Data      string              // dataset directory: <topic>/{articles.jsonl, keywords.json, timelines*/}
	Out       string              // where to write <topic>/<timeline>.txt
	Margin    int                 // days to widen each gold range by
	Workers   int                 // annotation workers (0: one per CPU)
	Annotator *annotate.Annotator // how articles are annotated
	Eval      *eval.Evaluator     // the scorer
	Recipe    timeline.Recipe     // the algorithm; the zero value means timeline.DefaultRecipe
	Ranker    *timeline.ModelFile // date rankers to use instead of the embedded ones (nil: the embedded)
	Log       io.Writer           // progress lines; nil for none
}

// Run loads and annotates every topic, then builds, writes and scores the
// timeline of every gold timeline. The report has one row per gold timeline
// with the topic's wall time (reading, annotation, building and scoring of
// all its timelines) as an extra column.
func Run(ctx context.Context, cfg Config) (*eval.Report, []*Topic, error) {
	topics, notes, err := LoadTopics(cfg.Data, cfg.Annotator, cfg.Workers, cfg.Log)
	if err != nil {
		return nil, nil, err
	}
	rows, err := runTopics(ctx, topics, cfg)
	if err != nil {
		return nil, nil, err
	}
	rep := eval.NewReport(rows, cfg.Eval.Approximate())
	rep.ExtraColumns = []string{"topic time"}
	rep.Notes = notes
	return rep, topics, nil
}

// runTopics builds, writes and scores every task of every topic.
func runTopics(ctx context.Context, topics []*Topic, cfg Config) ([]eval.Row, error) {
	var rows []eval.Row
	r, _ := cfg.Recipe.ForCorpus("")
	bg := backgrounds(topics, r)
	for _, t := range topics {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		rec, how := cfg.Recipe.ForCorpus(t.Print)
		if cfg.Ranker != nil && rec.Learned {
			rec.Model, how = cfg.Ranker.Ranker(t.Print)
		}
		topicRows := make([]eval.Row, len(t.Golds))
		var wg sync.WaitGroup
		errs := make([]error, len(t.Golds))
		for i, g := range t.Golds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tk := NewTask(t, g, cfg.Margin)
				tk.Options.Recipe = rec
				tk.Options.Background = bg[t]
				topicRows[i], errs[i] = runTask(tk, cfg)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		wall := t.Load + time.Since(start)
		for i := range topicRows {
			topicRows[i].Extra = []string{fmt.Sprintf("%.2fs", wall.Seconds())}
		}
		rows = append(rows, topicRows...)
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "%-24s %d timelines in %.2fs (annotation %.2fs) %s\n", t.Name, len(t.Golds), wall.Seconds(), t.Load.Seconds(), how)
		}
	}
	return rows, nil
}

// backgrounds returns, for each topic, the mean actor shares of the other
// topics (timeline.Options.Background) when recipe r weighs actors' salience:
// a topic's own articles never enter its background.
func backgrounds(topics []*Topic, r timeline.Recipe) map[*Topic]map[string]float64 {
	if !r.UsesActors() {
		return nil
	}
	shares := make([]map[string]float64, len(topics))
	for i, t := range topics {
		shares[i] = t.shares()
	}
	out := map[*Topic]map[string]float64{}
	for i, t := range topics {
		others := append(append([]map[string]float64(nil), shares[:i]...), shares[i+1:]...)
		out[t] = timeline.MeanShares(others)
	}
	return out
}

// shares returns the topic's actor shares, computed once.
func (t *Topic) shares() map[string]float64 {
	t.sharesOnce.Do(func() { t.actorShares = t.Corpus.ActorShares() })
	return t.actorShares
}

// runTask builds one timeline, writes it, reads the file back and scores
// what was written, so that the printed scores are those of the files.
func runTask(tk Task, cfg Config) (eval.Row, error) {
	row := eval.Row{Topic: tk.Topic.Name, Name: tk.Gold.Name}
	tl := tk.Topic.Corpus.Build(tk.Options)
	path := filepath.Join(cfg.Out, tk.Topic.Name, tk.Gold.Name+".txt")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return row, fmt.Errorf("bench: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return row, fmt.Errorf("bench: %w", err)
	}
	if err := render.WriteTilse(f, tl); err != nil {
		f.Close()
		return row, fmt.Errorf("bench: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return row, fmt.Errorf("bench: write %s: %w", path, err)
	}
	pred, _, err := tilse.ReadFile(path)
	if err != nil {
		return row, fmt.Errorf("bench: read back: %w", err)
	}
	row.Scores = cfg.Eval.Score(pred, tk.Gold.Timeline)
	return row, nil
}

// LoadTopics reads every topic of a dataset directory: the gold timelines
// (see eval.LoadGold), keywords.json, and the articles, annotated. It also
// returns the gold loader's notes.
func LoadTopics(dir string, an *annotate.Annotator, workers int, log io.Writer) ([]*Topic, []string, error) {
	golds, notes, err := eval.LoadGold(dir)
	if err != nil {
		return nil, nil, err
	}
	byTopic := map[string]*Topic{}
	var topics []*Topic
	for _, g := range golds {
		t, ok := byTopic[g.Topic]
		if !ok {
			t = &Topic{Name: g.Topic}
			byTopic[g.Topic] = t
			topics = append(topics, t)
		}
		t.Golds = append(t.Golds, g)
	}
	sort.Slice(topics, func(i, j int) bool { return topics[i].Name < topics[j].Name })
	for _, t := range topics {
		tdir := filepath.Join(dir, t.Name)
		if t.Keywords, err = readKeywords(filepath.Join(tdir, "keywords.json")); err != nil {
			return nil, nil, err
		}
		start := time.Now()
		for d, err := range an.Stream(article.Read(tdir), workers) {
			if err != nil {
				t.Bad++
				if log != nil {
					fmt.Fprintf(log, "skipped %v\n", err)
				}
				continue
			}
			t.Docs = append(t.Docs, d)
		}
		t.Corpus = timeline.NewCorpus(t.Docs)
		ids := make([]string, len(t.Docs))
		for i, d := range t.Docs {
			ids[i] = d.Article.ID
		}
		t.Print = timeline.Fingerprint(ids)
		t.Load = time.Since(start)
	}
	return topics, notes, nil
}

// readKeywords reads a topic's keywords.json (a JSON list of strings); a
// topic without one has no keyword filter.
func readKeywords(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("keywords: %w", err)
	}
	var kws []string
	if err := json.Unmarshal(b, &kws); err != nil {
		return nil, fmt.Errorf("keywords %s: %w", path, err)
	}
	for i, k := range kws {
		kws[i] = strings.ToLower(k)
	}
	return kws, nil
}
