package main

import (
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// rootCmd is the dateline command; every subcommand registers itself on it
// (or on benchCmd) from its own file's init function.
var rootCmd = &cobra.Command{
	Use:           "dateline",
	Short:         "Timelines of what happened when, from dated news articles",
	SilenceUsage:  true,
	SilenceErrors: true,
	PersistentPreRun: func(cmd *cobra.Command, args []string) {
		level := slog.LevelWarn
		if verbose {
			level = slog.LevelDebug
		}
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	},
}

// benchCmd groups the benchmark runners (bench tls, bench timex).
var benchCmd = &cobra.Command{
	Use:   "bench",
	Short: "Run a published evaluation protocol end to end",
}

var verbose bool

func init() {
	rootCmd.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "log progress and decisions to standard error")
	rootCmd.AddCommand(benchCmd)
}
