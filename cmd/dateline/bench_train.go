package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/bench"
	"github.com/dateline-news/dateline/internal/timeline"
)

// newBenchTrainCmd builds `dateline bench train`.
func newBenchTrainCmd(g *globals) *cobra.Command {
	var (
		data []string
		out  string
		name string
		w    workers
	)
	cmd := &cobra.Command{
		Use:   "train --data DIR[:MARGIN]... --out FILE",
		Short: "Train the date ranker on benchmark datasets (and one ranker without each topic)",
		Long: `bench train fits the learned date ranker on every gold timeline of the given
datasets (a dataset is DIR, or DIR:MARGIN for a protocol that widens the date
range, as Entities does with 7), and once more without each topic, and writes
the model file that the timeline package embeds (internal/timeline/model.json).
bench tls then scores a training topic with the ranker that never saw it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(data) == 0 || out == "" {
				return fmt.Errorf("bench train: --data and --out are required")
			}
			recipe, ok := timeline.RecipeNamed(name)
			if !ok || !recipe.Learned {
				return fmt.Errorf("bench train: no learned recipe %q (try %q or one of bench tls --ablation's)", name, timeline.DefaultRecipe.Name)
			}
			var sets []bench.TrainSet
			for _, d := range data {
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
			mf, err := bench.Train(cmd.Context(), sets, newTimexAnnotator(), recipe, w.n(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			b, err := json.MarshalIndent(mf, "", "  ")
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
				return fmt.Errorf("bench train: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: one ranker on %d topics, and %d held-out rankers\n", out, len(mf.HeldOut), len(mf.HeldOut))
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&data, "data", nil, "dataset directory, DIR or DIR:MARGIN (repeatable)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write (internal/timeline/model.json)")
	cmd.Flags().StringVar(&name, "recipe", timeline.DefaultRecipe.Name, "the recipe whose candidate days the rankers learn from (the shipped file: the default)")
	addWorkersFlag(cmd.Flags(), &w)
	return cmd
}
