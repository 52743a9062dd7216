package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/store"
)

// globals are the flags every command sees (persistent flags of the root).
type globals struct {
	db         string // --db: the store file
	verbose    bool   // --verbose: log progress and decisions
	cpuProfile string // --cpuprofile (hidden)
}

// run executes the command line args with the given standard streams and
// returns the process exit code: 0 on success, 1 when the command failed
// (the error is printed on stderr, once, prefixed with "dateline: ").
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(root.ErrOrStderr(), "dateline:", err)
		var ec exitCoder
		if errors.As(err, &ec) {
			return ec.ExitCode()
		}
		return 1
	}
	return 0
}

// exitCoder is an error that asks for a particular exit code.
type exitCoder interface {
	error
	ExitCode() int
}

// newRootCmd builds the dateline command with every subcommand under it.
func newRootCmd() *cobra.Command {
	g := &globals{}
	var profile *os.File
	root := &cobra.Command{
		Use:           "dateline",
		Short:         "Timelines of what happened when, from dated news articles",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			level := slog.LevelWarn
			if g.verbose {
				level = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level})))
			if g.cpuProfile != "" {
				f, err := os.Create(g.cpuProfile)
				if err != nil {
					return fmt.Errorf("cpu profile: %w", err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					f.Close()
					return fmt.Errorf("cpu profile: %w", err)
				}
				profile = f
			}
			return nil
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) {
			if profile != nil {
				pprof.StopCPUProfile()
				profile.Close()
			}
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.db, "db", store.DefaultPath, "the database file")
	pf.BoolVarP(&g.verbose, "verbose", "v", false, "log progress and decisions to standard error")
	pf.StringVar(&g.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = pf.MarkHidden("cpuprofile")

	root.AddCommand(newIngestCmd(g))
	root.AddCommand(newWatchCmd(g))
	root.AddCommand(newAnnotateCmd(g))
	root.AddCommand(newTimelineCmd(g))
	root.AddCommand(newSearchCmd(g))
	root.AddCommand(newStatsCmd(g))
	root.AddCommand(newTimexCmd(g))
	root.AddCommand(newEvalCmd(g))
	root.AddCommand(newDemoCmd(g))
	root.AddCommand(newServeCmd(g))
	root.AddCommand(newBenchCmd(g))
	return root
}

// newBenchCmd groups the benchmark runners (bench tls, bench timex, bench
// train).
func newBenchCmd(g *globals) *cobra.Command {
	bench := &cobra.Command{
		Use:   "bench",
		Short: "Run a published evaluation protocol end to end",
	}
	bench.AddCommand(newBenchTLSCmd(g))
	bench.AddCommand(newBenchTrainCmd(g))
	bench.AddCommand(newBenchTimexCmd(g))
	bench.AddCommand(newBenchServeCmd(g))
	return bench
}
