package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

// newBenchTimexCmd builds `dateline bench timex`.
func newBenchTimexCmd(g *globals) *cobra.Command {
	var (
		data, jsonPath string
		errors         bool
		top            int
	)
	cmd := &cobra.Command{
		Use:   "timex --data DIR [--json FILE]",
		Short: "Score the time-expression tagger on TimeML files (TempEval-3 metrics)",
		Long: `Tag the tag-stripped text of every .tml file under DIR and score it against
the gold TIMEX3: strict and relaxed extent P/R/F1, type and value accuracy over
relaxed matches, value F1 (relaxed F1 × value accuracy), per document type (the
parent directory), on the held-out split (every 5th document, which the rules are
not tuned on) and the tuning split,
with the throughput of tagging on one core and the most frequent error kinds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				return fmt.Errorf("--data DIR is required")
			}
			rep, err := timeml.Evaluate(data, timex.New())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if err := rep.WriteTable(out, top); err != nil {
				return err
			}
			if errors {
				fmt.Fprintln(out)
				for _, e := range rep.Errors {
					fmt.Fprintln(out, e)
				}
			}
			if jsonPath != "" {
				b, err := json.MarshalIndent(rep, "", "  ")
				if err != nil {
					return err
				}
				if err := os.WriteFile(jsonPath, append(b, '\n'), 0o644); err != nil {
					return fmt.Errorf("write %s: %w", jsonPath, err)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "", "directory of .tml files (searched recursively)")
	f.StringVar(&jsonPath, "json", "", "also write the full report (scores, error kinds, every error) as JSON to this file")
	f.BoolVar(&errors, "errors", false, "list every error, one per line")
	f.IntVar(&top, "top", 10, "number of most frequent error kinds to print")
	return cmd
}
