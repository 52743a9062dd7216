package bench

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/timeline"
)

// TrainSet is a dataset directory and the date margin its protocol uses.
type TrainSet struct {
	Dir    string
	Margin int
}

// Train fits the date ranker on every task of the datasets, with the
// examples recipe r gives, and once more for each topic without that
// topic's tasks (for leave-one-topic-out scores). It returns the model file
// that timeline embeds.
func Train(ctx context.Context, sets []TrainSet, an *annotate.Annotator, r timeline.Recipe, workers int, log io.Writer) (*timeline.ModelFile, error) {
	type topicEx struct {
		name, print string
		ex          []timeline.Examples
	}
	var all []topicEx
	var names []string
	for _, set := range sets {
		topics, _, err := LoadTopics(set.Dir, an, workers, log)
		if err != nil {
			return nil, err
		}
		names = append(names, fmt.Sprintf("%s (margin %d)", filepath.Base(filepath.Clean(set.Dir)), set.Margin))
		bg := backgrounds(topics, r)
		for _, t := range topics {
			te := topicEx{name: filepath.Base(filepath.Clean(set.Dir)) + "/" + t.Name, print: t.Print}
			for _, g := range t.Golds {
				tk := NewTask(t, g, set.Margin)
				tk.Options.Recipe = r
				tk.Options.Background = bg[t]
				te.ex = append(te.ex, t.Corpus.Examples(tk.Options, goldTimeline(g)))
			}
			all = append(all, te)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	mf := &timeline.ModelFile{Features: timeline.DayFeatures, Recipe: r.Name,
		Trained: "dateline bench train on " + strings.Join(names, ", ")}
	models := make([]*timeline.Model, len(all)+1)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for k := 0; k <= len(all); k++ { // k == len(all): the model of every topic
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []timeline.Examples
			for j, te := range all {
				if j != k {
					train = append(train, te.ex...)
				}
			}
			models[k] = timeline.TrainModel(train)
		}()
	}
	wg.Wait()
	mf.All = *models[len(all)]
	for k, te := range all {
		mf.HeldOut = append(mf.HeldOut, timeline.HeldOut{Topic: te.name, Fingerprint: te.print, Model: *models[k]})
	}
	return mf, nil
}

// goldTimeline turns a gold timeline into a timeline.Timeline.
func goldTimeline(g eval.Gold) timeline.Timeline {
	var tl timeline.Timeline
	for _, d := range g.Dates() {
		e := timeline.Entry{Date: d.Time()}
		for _, s := range g.Timeline[d] {
			e.Items = append(e.Items, timeline.Item{Text: s})
		}
		tl.Entries = append(tl.Entries, e)
	}
	return tl
}

// AblationRow is one recipe's aggregate scores on a dataset.
type AblationRow struct {
	Recipe  string
	Summary eval.Summary
	Build   time.Duration // time to build, write and score every timeline
}

// RunAblation loads the dataset once and runs every recipe on it, writing
// each recipe's timelines under cfg.Out/<n>/ (n its position in recipes).
func RunAblation(ctx context.Context, cfg Config, recipes []timeline.Recipe) ([]AblationRow, error) {
	topics, _, err := LoadTopics(cfg.Data, cfg.Annotator, cfg.Workers, cfg.Log)
	if err != nil {
		return nil, err
	}
	log := cfg.Log
	cfg.Log = nil
	var out []AblationRow
	for i, r := range recipes {
		c := cfg
		c.Recipe = r
		c.Out = filepath.Join(cfg.Out, fmt.Sprint(i))
		start := time.Now()
		rows, err := runTopics(ctx, topics, c)
		if err != nil {
			return nil, err
		}
		row := AblationRow{Recipe: r.Name, Summary: eval.NewReport(rows, cfg.Eval.Approximate()).Summary, Build: time.Since(start)}
		out = append(out, row)
		if log != nil {
			fmt.Fprintf(log, "%-40s AR1 %.4f  AR2 %.4f  Date %.4f\n", r.Name, row.Summary.AlignPlusM1.R1.F,
				row.Summary.AlignPlusM1.R2.F, row.Summary.Date.F)
		}
	}
	return out, nil
}

// WriteAblation prints ablation rows as a table of F scores.
func WriteAblation(w io.Writer, rows []AblationRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "recipe\tAR1 F\tAR2 F\tDate F1\tconcat R1 F\tbuild+score\t")
	for _, r := range rows {
		s := r.Summary
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.1fs\t\n", r.Recipe, s.AlignPlusM1.R1.F, s.AlignPlusM1.R2.F,
			s.Date.F, s.Concat.R1.F, r.Build.Seconds())
	}
	return tw.Flush()
}
