package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/store"
)

// newIngestCmd builds `dateline ingest`.
func newIngestCmd(g *globals) *cobra.Command {
	var w workers
	cmd := &cobra.Command{
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
			st, err := store.Open(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			_, err = ingest(cmd.Context(), st, args, w, g.verbose, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			return nil
		},
	}
	addWorkersFlag(cmd.Flags(), &w)
	return cmd
}
