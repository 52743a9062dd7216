package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dateline-news/dateline/internal/eval"
)

// newEvalCmd builds `dateline eval`.
func newEvalCmd(g *globals) *cobra.Command {
	var gold, pred, rougeData, jsonPath string
	cmd := &cobra.Command{
		Use:   "eval --gold DIR --pred DIR [--rouge-data DIR] [--json FILE]",
		Short: "Score predicted timelines against gold timelines as the TLS protocol does",
		Long: `Eval scores every gold timeline under --gold against the prediction of the
same name under --pred with tilse's metrics: alignment-based ROUGE (align+ m:1)
R1 and R2 ("AR1", "AR2"), date precision/recall/F1, concat and agreement ROUGE.
It prints a table per timeline and the aggregate over timelines (F of the mean
precision and the mean recall).

Layouts (tilse's timeline format, one file per timeline):
  gold: DIR/<topic>/timelines_original/<name>.txt, or DIR/<topic>/timelines/<name>.txt
        for a topic without timelines_original/
  pred: DIR/<topic>/<name>.txt (a missing prediction scores 0)

ROUGE is ROUGE-1.5.5 as tilse runs it (-n 2 -m -s). Its stop list and WordNet
exception table are not part of dateline: give their directory with
--rouge-data (smart_common_words.txt, WordNet-2.0-exceptions.tsv). Without it
the scores are approximate and say so.`,
		Example: `  dateline eval --gold ../shared/data/tls/t17 \
    --pred ../shared/eval/reference-outputs/sdf-tls-t17 \
    --rouge-data ../shared/eval/rouge-data --json scores.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ev, err := newEvaluator(rougeData, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			rep, err := ev.EvaluateDirs(gold, pred)
			if err != nil {
				return err
			}
			if err := rep.WriteText(cmd.OutOrStdout()); err != nil {
				return err
			}
			return writeReportJSON(jsonPath, rep)
		},
	}
	f := cmd.Flags()
	f.StringVar(&gold, "gold", "", "directory of gold timelines (<topic>/timelines_original/ or <topic>/timelines/)")
	f.StringVar(&pred, "pred", "", "directory of predicted timelines (<topic>/<name>.txt)")
	addRougeDataFlag(f, &rougeData)
	f.StringVar(&jsonPath, "json", "", "also write the report as JSON to this file")
	_ = cmd.MarkFlagRequired("gold")
	_ = cmd.MarkFlagRequired("pred")
	return cmd
}

// addRougeDataFlag binds --rouge-data (eval, bench tls).
func addRougeDataFlag(f *pflag.FlagSet, p *string) {
	f.StringVar(p, "rouge-data", "", "directory with ROUGE-1.5.5's smart_common_words.txt and WordNet-2.0-exceptions.tsv (without it: approximate scores)")
}

// newEvaluator loads the scorer; without ROUGE's data it says on stderr how
// to get exact scores.
func newEvaluator(rougeData string, stderr io.Writer) (*eval.Evaluator, error) {
	ev, err := eval.NewEvaluatorFromDir(rougeData)
	if err != nil {
		return nil, err
	}
	if ev.Approximate() {
		fmt.Fprintln(stderr, "dateline: scores are approximate: give ROUGE-1.5.5's data directory with --rouge-data DIR (smart_common_words.txt, WordNet-2.0-exceptions.tsv)")
	}
	return ev, nil
}

// writeReportJSON writes rep as JSON to path (the --json flag of eval and
// bench tls); an empty path writes nothing.
func writeReportJSON(path string, rep *eval.Report) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--json: %w", err)
	}
	if err := rep.WriteJSON(f); err != nil {
		f.Close()
		return fmt.Errorf("--json %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--json %s: %w", path, err)
	}
	return nil
}
