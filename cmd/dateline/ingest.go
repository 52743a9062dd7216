package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/store"
)

var dbPath string
var workers int

var ingestCmd = &cobra.Command{
	Use:   "ingest PATH...",
	Short: "Read, annotate and store articles (files, directories, .gz, - for stdin)",
	Long: `Ingest reads dated articles — one-article text files ("date YYYY-MM-DD" first
line), JSON Lines, directories of them (recursively), gzip-compressed files,
or standard input ("-") — splits their sentences, tags and resolves their time
expressions, and stores everything in the database. Ingesting the same
articles again adds nothing. A bad record is reported as file:line and
skipped.`,
	Args: cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		st, err := store.Open(dbPath)
		if err != nil {
			return err
		}
		defer st.Close()
		_, err = ingest(cmd.Context(), st, args, workers, os.Stdout)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		return nil
	},
}

func init() {
	rootCmd.PersistentFlags().StringVar(&dbPath, "db", store.DefaultPath, "the database file")
	ingestCmd.Flags().IntVar(&workers, "workers", 0, "annotation workers (0: one per CPU)")
	rootCmd.AddCommand(ingestCmd)
}
