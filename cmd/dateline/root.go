package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
)

// envDB names the environment variable that gives the store when --db is
// not set.
const envDB = "DATELINE_DB"

// defaultDB is the store used without --db.
func defaultDB() string {
	if v := os.Getenv(envDB); v != "" {
		return v
	}
	return store.DefaultPath
}

// globals are the flags every command sees (persistent flags of the root).
type globals struct {
	db         string // --db: the store (a file, or a postgres:// URL)
	verbose    bool   // --verbose: log progress and decisions
	cpuProfile string // --cpuprofile (hidden)
	memProfile string // --memprofile (hidden)
}

// run executes the command line args with the given standard streams and
// returns the process exit code (see exitFailure, exitPartial): 0 on
// success, 1 when the command failed
// (the error is printed on stderr, once, prefixed with "dateline: ", with
// control characters neutralized: file names and article ids are hostile).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(root.ErrOrStderr(), "dateline:", render.Safe(err.Error()))
		var ec exitCoder
		if errors.As(err, &ec) {
			return ec.ExitCode()
		}
		return exitFailure
	}
	return 0
}

// exitCoder is an error that asks for a particular exit code.
type exitCoder interface {
	error
	ExitCode() int
}

// Exit codes: 0 when everything given was read (or deliberately skipped, as
// an article already stored), exitFailure when the command failed or
// nothing could be read, exitPartial when some input could not be read and
// the rest was processed.
const (
	exitFailure = 1
	exitPartial = 2
)

// partialError reports input records that could not be read, the rest having
// been processed; it exits with exitPartial.
type partialError struct{ bad, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d input records could not be read (see above); the rest was processed", e.bad, e.total)
}

// ExitCode is exitPartial.
func (e *partialError) ExitCode() int { return exitPartial }

// readErr is the error a command returns after reading: nil when nothing
// was bad, a failure when nothing could be read, else a partialError.
func readErr(good, bad int) error {
	switch {
	case bad == 0:
		return nil
	case good == 0:
		return fmt.Errorf("no input could be read (%s)", plural(bad, "bad record"))
	}
	return &partialError{bad: bad, total: good + bad}
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
			if g.memProfile != "" {
				if f, err := os.Create(g.memProfile); err == nil {
					pprof.Lookup("allocs").WriteTo(f, 0)
					f.Close()
				}
			}
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.db, "db", defaultDB(), "the store: an SQLite file, or a postgres:// URL (default: $"+envDB+", else "+store.DefaultPath+")")
	pf.BoolVarP(&g.verbose, "verbose", "v", false, "log progress and decisions to standard error")
	pf.StringVar(&g.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = pf.MarkHidden("cpuprofile")
	pf.StringVar(&g.memProfile, "memprofile", "", "write a profile of the memory allocated to this file")
	_ = pf.MarkHidden("memprofile")

	root.AddCommand(newIngestCmd(g))
	root.AddCommand(newWatchCmd(g))
	root.AddCommand(newAnnotateCmd(g))
	root.AddCommand(newTimelineCmd(g))
	root.AddCommand(newSearchCmd(g))
	root.AddCommand(newStatsCmd(g))
	root.AddCommand(newTimexCmd(g))
	root.AddCommand(newEntitiesCmd(g))
	root.AddCommand(newQuotesCmd(g))
	root.AddCommand(newEvalCmd(g))
	root.AddCommand(newDemoCmd(g))
	root.AddCommand(newServeCmd(g))
	root.AddCommand(newBenchCmd(g))
	return root
}

// newBenchCmd groups the benchmark runners (bench tls, bench timex, bench
// train, bench quotes, bench ner, bench train-ner).
func newBenchCmd(g *globals) *cobra.Command {
	bench := &cobra.Command{
		Use:   "bench",
		Short: "Run a published evaluation protocol end to end",
	}
	bench.AddCommand(newBenchTLSCmd(g))
	bench.AddCommand(newBenchTrainCmd(g))
	bench.AddCommand(newBenchTimexCmd(g))
	bench.AddCommand(newBenchCorpusCmd(g))
	bench.AddCommand(newBenchSearchCmd(g))
	bench.AddCommand(newBenchNERCmd(g))
	bench.AddCommand(newBenchTrainNERCmd(g))
	bench.AddCommand(newBenchQuotesCmd(g))
	bench.AddCommand(newBenchServeCmd(g))
	return bench
}
