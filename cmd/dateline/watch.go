package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/store"
)

// newWatchCmd builds `dateline watch`.
func newWatchCmd(g *globals) *cobra.Command {
	var interval time.Duration
	var polls int
	var ff fetchFlags
	var w workers
	cmd := &cobra.Command{
		Use:   "watch FEED-URL...",
		Short: "Poll feeds and ingest their new items until interrupted",
		Long: `Watch fetches each feed, ingests its new items (as ingest does: items with
their full text directly, summary-only items from their links), then waits
--interval and polls again, until interrupted (Ctrl-C or SIGTERM). Requests
are conditional, so an unchanged feed costs one short answer. On interrupt,
the batch being written is rolled back whole and what was fetched for it is
not remembered: the next run fetches it again. Nothing is half-written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := store.Open(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			var read, bad int // over all polls, for the exit code
			for n := 1; polls == 0 || n <= polls; n++ {
				r, err := watchOnce(ctx, st, args, &ff, poll{n, w, g.verbose}, out, cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				read, bad = read+r.Read, bad+r.Bad
				if polls != 0 && n == polls {
					break
				}
				select {
				case <-ctx.Done():
				case <-time.After(interval):
				}
				if ctx.Err() != nil {
					break
				}
			}
			if ctx.Err() != nil {
				fmt.Fprintln(out, "watch: stopped; store", st.Path())
			}
			return readErr(read, bad)
		},
	}
	cmd.Flags().DurationVar(&interval, "interval", 15*time.Minute, "wait this long between two polls")
	cmd.Flags().IntVar(&polls, "polls", 0, "stop after this many polls (0: run until interrupted)")
	addWorkersFlag(cmd.Flags(), &w)
	ff.register(cmd)
	return cmd
}

// poll is the number of a poll and how to ingest.
type poll struct {
	n       int
	workers workers
	verbose bool
}

// watchOnce polls the feeds once: a fresh fetcher (robots.txt re-read each
// poll), ingest, then the validators remembered once the articles are
// stored. An interrupt is not an error; bad items are counted in the
// result (the command's exit code says whether there were any), not errors.
func watchOnce(ctx context.Context, st *store.Store, feeds []string, ff *fetchFlags, p poll, out, stderr io.Writer) (store.IngestResult, error) {
	fc := ff.client(st)
	rd := &article.Reader{Fetcher: fc, Context: ctx}
	fmt.Fprintf(out, "poll %d at %s: ", p.n, time.Now().Format(time.TimeOnly))
	r, err := ingest(ctx, st, rd.Read(feeds...), p.workers, p.verbose, out, stderr)
	reportFetch(out, fc)
	if ctx.Err() != nil {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("watch: %w", err)
	}
	if err := fc.Commit(context.WithoutCancel(ctx)); err != nil && !errors.Is(err, context.Canceled) {
		return r, fmt.Errorf("watch: %w", err)
	}
	return r, nil
}
