package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/bench"
	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/timeline"
)

var benchTLSFlags struct {
	data, out, rougeData, json string
	margin                     int
	recipe                     string
	ablation                   bool
}

var benchTLSCmd = &cobra.Command{
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
		f := benchTLSFlags
		if f.data == "" || f.out == "" {
			return fmt.Errorf("bench tls: --data and --out are required")
		}
		ev, err := eval.NewEvaluatorFromDir(f.rougeData)
		if err != nil {
			return err
		}
		recipe, ok := timeline.RecipeNamed(f.recipe)
		if !ok {
			return fmt.Errorf("bench tls: no recipe %q (try %q or one of the --ablation names)", f.recipe, timeline.DefaultRecipe.Name)
		}
		start := time.Now()
		cfg := bench.Config{Data: f.data, Out: f.out, Margin: f.margin, Workers: workers,
			Annotator: newAnnotator(), Eval: ev, Recipe: recipe, Log: os.Stderr}
		if f.ablation {
			rows, err := bench.RunAblation(cmd.Context(), cfg, timeline.Ablation)
			if err != nil {
				return err
			}
			if ev.Approximate() {
				fmt.Println(eval.ApproximateWarning)
			}
			return bench.WriteAblation(os.Stdout, rows)
		}
		rep, topics, err := bench.Run(cmd.Context(), cfg)
		if err != nil {
			return err
		}
		if err := rep.WriteText(os.Stdout); err != nil {
			return err
		}
		writeStories(os.Stdout, topics)
		fmt.Printf("\ntotal wall time %.1fs\n", time.Since(start).Seconds())
		return writeReportJSON(f.json, rep)
	},
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

func init() {
	fl := benchTLSCmd.Flags()
	fl.StringVar(&benchTLSFlags.data, "data", "", "dataset directory (e.g. ../shared/data/tls/t17)")
	fl.StringVar(&benchTLSFlags.out, "out", "", "directory for the predicted timelines")
	fl.StringVar(&benchTLSFlags.rougeData, "rouge-data", "", "ROUGE-1.5.5 data directory (smart_common_words.txt, WordNet-2.0-exceptions.tsv); without it scores are approximate")
	fl.StringVar(&benchTLSFlags.json, "json", "", "also write the report as JSON to this file")
	fl.IntVar(&benchTLSFlags.margin, "margin", 0, "days to widen each gold date range by (Entities: 7)")
	fl.StringVar(&benchTLSFlags.recipe, "recipe", timeline.DefaultRecipe.Name, "the timeline recipe to run (see --ablation for the others)")
	fl.BoolVar(&benchTLSFlags.ablation, "ablation", false, "run every recipe of the ablation (baseline to default, one choice at a time) and print their scores")
	fl.IntVar(&workers, "workers", 0, "annotation workers (0: one per CPU)")
	benchCmd.AddCommand(benchTLSCmd)
}

var benchTrainFlags struct {
	data []string
	out  string
}

var benchTrainCmd = &cobra.Command{
	Use:   "train --data DIR[:MARGIN]... --out FILE",
	Short: "Train the date ranker on benchmark datasets (and one ranker without each topic)",
	Long: `bench train fits the learned date ranker on every gold timeline of the given
datasets (a dataset is DIR, or DIR:MARGIN for a protocol that widens the date
range, as Entities does with 7), and once more without each topic, and writes
the model file that the timeline package embeds (internal/timeline/model.json).
bench tls then scores a training topic with the ranker that never saw it.`,
	Args: cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		if len(benchTrainFlags.data) == 0 || benchTrainFlags.out == "" {
			return fmt.Errorf("bench train: --data and --out are required")
		}
		var sets []bench.TrainSet
		for _, d := range benchTrainFlags.data {
			set := bench.TrainSet{Dir: d}
			if dir, m, ok := strings.Cut(d, ":"); ok {
				n, err := strconv.Atoi(m)
				if err != nil {
					return fmt.Errorf("bench train: --data %s: margin %q is not a number", d, m)
				}
				set = bench.TrainSet{Dir: dir, Margin: n}
			}
			sets = append(sets, set)
		}
		mf, err := bench.Train(cmd.Context(), sets, newAnnotator(), timeline.DefaultRecipe, workers, os.Stderr)
		if err != nil {
			return err
		}
		b, err := json.MarshalIndent(mf, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(benchTrainFlags.out, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("bench train: %w", err)
		}
		fmt.Printf("wrote %s: one ranker on %d topics, and %d held-out rankers\n", benchTrainFlags.out, len(mf.HeldOut), len(mf.HeldOut))
		return nil
	},
}

func init() {
	benchTrainCmd.Flags().StringArrayVar(&benchTrainFlags.data, "data", nil, "dataset directory, DIR or DIR:MARGIN (repeatable)")
	benchTrainCmd.Flags().StringVar(&benchTrainFlags.out, "out", "", "model file to write (internal/timeline/model.json)")
	benchTrainCmd.Flags().IntVar(&workers, "workers", 0, "annotation workers (0: one per CPU)")
	benchCmd.AddCommand(benchTrainCmd)
}
