package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/bench"
	"github.com/dateline-news/dateline/internal/eval"
)

var benchTLSFlags struct {
	data, out, rougeData, json string
	margin                     int
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
		start := time.Now()
		rep, _, err := bench.Run(cmd.Context(), bench.Config{
			Data: f.data, Out: f.out, Margin: f.margin, Workers: workers,
			Annotator: newAnnotator(), Eval: ev, Log: os.Stderr,
		})
		if err != nil {
			return err
		}
		if err := rep.WriteText(os.Stdout); err != nil {
			return err
		}
		fmt.Printf("\ntotal wall time %.1fs\n", time.Since(start).Seconds())
		if f.json != "" {
			jf, err := os.Create(f.json)
			if err != nil {
				return err
			}
			defer jf.Close()
			return rep.WriteJSON(jf)
		}
		return nil
	},
}

func init() {
	fl := benchTLSCmd.Flags()
	fl.StringVar(&benchTLSFlags.data, "data", "", "dataset directory (e.g. ../shared/data/tls/t17)")
	fl.StringVar(&benchTLSFlags.out, "out", "", "directory for the predicted timelines")
	fl.StringVar(&benchTLSFlags.rougeData, "rouge-data", "", "ROUGE-1.5.5 data directory (smart_common_words.txt, WordNet-2.0-exceptions.tsv); without it scores are approximate")
	fl.StringVar(&benchTLSFlags.json, "json", "", "also write the report as JSON to this file")
	fl.IntVar(&benchTLSFlags.margin, "margin", 0, "days to widen each gold date range by (Entities: 7)")
	fl.IntVar(&workers, "workers", 0, "annotation workers (0: one per CPU)")
	benchCmd.AddCommand(benchTLSCmd)
}
