package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/store"
)

// newIngestCmd builds `dateline ingest`.
func newIngestCmd(g *globals) *cobra.Command {
	var w workers
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read, annotate and store articles (files, directories, .gz, - for stdin)",
		Long: `Ingest reads dated articles — one-article text files ("date YYYY-MM-DD" first
line), JSON Lines, directories of them (recursively), gzip-compressed files,
or standard input ("-") — splits their sentences, tags and resolves their time
expressions, and stores everything in the database.

Ingesting the same articles again adds nothing and annotates nothing. An
article whose id is stored but whose content (text, title, date, URL or
source) changed replaces the stored version: it is annotated again, and
search and timelines see only the new version ("N updated"). An id given
twice in one ingest is taken the first time.

A bad record is reported as file:line and skipped; the exit code is then 2
(1 when nothing at all could be read).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := anyReadable(args); err != nil {
				return err // before a store is created for nothing
			}
			st, err := store.Open(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			r, err := ingest(cmd.Context(), st, rf.reader(), args, w, g.verbose, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			return readErr(r.Read, r.Bad)
		},
	}
	addWorkersFlag(cmd.Flags(), &w)
	rf.register(cmd.Flags())
	return cmd
}

// anyReadable fails when none of paths exists ("-", standard input, always
// counts).
func anyReadable(paths []string) error {
	var first error
	for _, p := range paths {
		if p == "-" {
			return nil
		}
		_, err := os.Stat(p)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return fmt.Errorf("nothing to ingest: %w", first)
}
