package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/sample"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
)

// newDemoCmd builds `dateline demo`.
func newDemoCmd(g *globals) *cobra.Command {
	var f timelineFlags
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the built-in sample (an invented story) into a temporary store and print its timeline",
		Long: `Demo shows dateline end to end on a built-in sample: twelve short articles,
written for this project, about an invented story (the closing and rebuilding
of the north pier of Port Elvin, a fictional harbour town) over five weeks.
It writes them to a temporary directory, ingests them into a temporary
database, and prints the timeline built from the database.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt, format, err := f.options()
			if err != nil {
				return err
			}
			warnShippedModel(cmd.ErrOrStderr())
			dir, err := os.MkdirTemp("", "dateline-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			defer os.RemoveAll(dir)
			paths, err := sample.WriteTo(dir)
			if err != nil {
				return err
			}
			st, err := store.Open(filepath.Join(dir, "demo.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			status := out
			if format != render.Text {
				status = cmd.ErrOrStderr() // keep machine-readable output clean
			} else {
				fmt.Fprintf(out, "dateline demo: %d invented articles about a fictional harbour town\n", len(paths))
			}
			if _, err := ingest(cmd.Context(), st, article.Read(paths...), 0, g.verbose, status, cmd.ErrOrStderr()); err != nil {
				return err
			}
			docs, err := st.Docs(cmd.Context(), storeFilter(opt.Selection))
			if err != nil {
				return err
			}
			if format == render.Text {
				io.WriteString(out, "\n")
			}
			return render.Timeline(out, timeline.Build(docs, opt), format)
		},
	}
	f.register(cmd.Flags(), 8)
	return cmd
}
