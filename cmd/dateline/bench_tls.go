package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/bench"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/timeline"
)

// newBenchTLSCmd builds `dateline bench tls`.
func newBenchTLSCmd(g *globals) *cobra.Command {
	var (
		data, out, rougeData, jsonPath string
		margin                         int
		recipeName, rankerPath         string
		ablation                       bool
		w                              workers
	)
	cmd := &cobra.Command{
		Use:   "tls --data DIR --out DIR",
		Short: "Run the published timeline-summarization protocol on a dataset and score it",
		Long: `bench tls runs the news-tls protocol on a dataset directory laid out as
<topic>/{articles.jsonl, keywords.json, timelines/ or timelines_original/}:
for each gold timeline it builds a timeline from the topic's raw articles
with the gold's number of dates l and k = round-half-to-even(mean sentences
per date), the keyword filter, and input and output restricted to the gold
date range widened by --margin days (the published protocol uses 7 for the
Entities dataset); writes <out>/<topic>/<timeline>.txt; and scores what it
wrote with tilse's metrics (AR1, AR2, Date-F1, concat, agreement).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return fmt.Errorf("bench tls: --data and --out are required")
			}
			recipe, ok := timeline.RecipeNamed(recipeName)
			if !ok {
				return fmt.Errorf("bench tls: no recipe %q (try %q or one of the --ablation names)", recipeName, timeline.DefaultRecipe.Name)
			}
			ev, err := newEvaluator(rougeData, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			var ranker *timeline.ModelFile
			if rankerPath != "" {
				b, err := os.ReadFile(rankerPath)
				if err != nil {
					return fmt.Errorf("bench tls: %w", err)
				}
				if ranker, err = timeline.ReadModelFile(b); err != nil {
					return fmt.Errorf("bench tls: %s: %w", rankerPath, err)
				}
			} else {
				warnShippedModel(cmd.ErrOrStderr())
			}
			start := time.Now()
			cfg := bench.Config{Data: data, Out: out, Margin: margin, Workers: w.n(),
				Annotator: newTimexAnnotator(), Eval: ev, Recipe: recipe, Ranker: ranker, Log: cmd.ErrOrStderr()}
			stdout := cmd.OutOrStdout()
			if ablation {
				rows, err := bench.RunAblation(cmd.Context(), cfg, timeline.Ablation)
				if err != nil {
					return err
				}
				if ev.Approximate() {
					fmt.Fprintln(stdout, eval.ApproximateWarning)
				}
				return bench.WriteAblation(stdout, rows)
			}
			rep, topics, err := bench.Run(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			if err := rep.WriteText(stdout); err != nil {
				return err
			}
			writeStories(stdout, topics)
			fmt.Fprintf(stdout, "\ntotal wall time %.1fs\n", time.Since(start).Seconds())
			return writeReportJSON(jsonPath, rep)
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "", "dataset directory (e.g. ../shared/data/tls/t17)")
	f.StringVar(&out, "out", "", "directory for the predicted timelines")
	addRougeDataFlag(f, &rougeData)
	f.StringVar(&jsonPath, "json", "", "also write the report as JSON to this file")
	f.IntVar(&margin, "margin", 0, "days to widen each gold date range by (Entities: 7)")
	f.StringVar(&recipeName, "recipe", timeline.DefaultRecipe.Name, "the timeline recipe to run (see --ablation for the others)")
	f.StringVar(&rankerPath, "ranker", "", "date rankers written by bench train to use instead of the embedded ones (internal/timeline/model.json)")
	f.BoolVar(&ablation, "ablation", false, "run every recipe of the ablation (baseline to default, one choice at a time) and print their scores")
	addWorkersFlag(f, &w)
	return cmd
}

// writeStories says how many articles tell a story another article tells
// too (internal/dedup clusters, collapsed by Recipe.Collapse).
func writeStories(w io.Writer, topics []*bench.Topic) {
	var articles, clusters, in int
	for _, t := range topics {
		articles += len(t.Docs)
		for _, c := range t.Corpus.Stories() {
			clusters++
			in += len(c)
		}
	}
	fmt.Fprintf(w, "\nnear-duplicates: %d stories told by more than one article, %d of %d articles\n", clusters, in, articles)
}
