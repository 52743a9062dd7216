package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// rootCmd is the dateline command; every subcommand registers itself on it
// (or on benchCmd) from its own file's init function.
var rootCmd = &cobra.Command{
	Use:           "dateline",
	Short:         "Timelines of what happened when, from dated news articles",
	SilenceUsage:  true,
	SilenceErrors: true,
	PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
		level := slog.LevelWarn
		if verbose {
			level = slog.LevelDebug
		}
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
		if cpuProfile != "" {
			f, err := os.Create(cpuProfile)
			if err != nil {
				return fmt.Errorf("cpu profile: %w", err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				return fmt.Errorf("cpu profile: %w", err)
			}
		}
		return nil
	},
	PersistentPostRun: func(cmd *cobra.Command, args []string) {
		if cpuProfile != "" {
			pprof.StopCPUProfile()
		}
	},
}

// benchCmd groups the benchmark runners (bench tls, bench timex).
var benchCmd = &cobra.Command{
	Use:   "bench",
	Short: "Run a published evaluation protocol end to end",
}

var (
	verbose    bool
	cpuProfile string
)

func init() {
	rootCmd.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "log progress and decisions to standard error")
	rootCmd.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	rootCmd.PersistentFlags().MarkHidden("cpuprofile")
	rootCmd.AddCommand(benchCmd)
}
