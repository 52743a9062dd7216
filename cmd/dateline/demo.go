package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/sample"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
)

var demoFlags timelineFlags

var demoCmd = &cobra.Command{
	Use:   "demo",
	Short: "Ingest the built-in sample (an invented story) into a temporary store and print its timeline",
	Long: `Demo shows dateline end to end on a built-in sample: twelve short articles,
written for this project, about an invented story (the closing and rebuilding
of the north pier of Port Elvin, a fictional harbour town) over five weeks.
It writes them to a temporary directory, ingests them into a temporary
database, and prints the timeline built from the database.`,
	Args: cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		opt, format, err := demoFlags.options()
		if err != nil {
			return err
		}
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
		if format == render.Text {
			fmt.Printf("dateline demo: %d invented articles about a fictional harbour town\n", len(paths))
		}
		status := os.Stdout
		if format != render.Text {
			status = os.Stderr // keep machine-readable output clean
		}
		if _, err := ingest(cmd.Context(), st, article.Read(paths...), workers, status); err != nil {
			return err
		}
		docs, err := st.Docs(cmd.Context(), store.Filter{From: opt.From, To: opt.To, Query: opt.Query, Keywords: opt.Keywords})
		if err != nil {
			return err
		}
		if format == render.Text {
			fmt.Println()
		}
		return render.Timeline(os.Stdout, timeline.Build(docs, opt), format)
	},
}

func init() {
	demoFlags.register(demoCmd, 8)
	rootCmd.AddCommand(demoCmd)
}
