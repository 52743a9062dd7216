package main

import (
	"bufio"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
)

// newAnnotateCmd builds `dateline annotate`.
func newAnnotateCmd(g *globals) *cobra.Command {
	var w workers
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "annotate PATH...",
		Short: "Print the sentences and resolved time expressions of articles, as JSON",
		Long: `Annotate reads articles (any input ingest takes), splits their sentences and
finds their time expressions, resolved against each article's publication
date, and prints one JSON object per article: its sentences and each time
expression with its offsets (in runes of the article text), text, type and
normalized TimeML value. Several articles make a stream of JSON objects.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			warn := warnBad(cmd.ErrOrStderr())
			n, bad := 0, 0
			for d, err := range newAnnotator().Stream(rf.reader().Read(args...), w.n()) {
				if err != nil {
					bad++
					warn(err)
					continue
				}
				n++
				if err := render.Doc(out, d); err != nil {
					return err
				}
			}
			if err := out.Flush(); err != nil {
				return err
			}
			return readErr(n, bad)
		},
	}
	addWorkersFlag(cmd.Flags(), &w)
	rf.register(cmd.Flags())
	return cmd
}
