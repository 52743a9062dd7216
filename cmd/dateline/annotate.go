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
		Short: "Print the sentences, time expressions, entities and quotes of articles, as JSON",
		Long: `Annotate reads articles (any input ingest takes), splits their sentences,
finds their time expressions, resolved against each article's publication
date, their named entities and their quotes, and prints one JSON object per
article:
  {"id", "published", "title", "origin",
   "sentences": [{"index", "start", "end", "text",
                  "timexes": [{"start", "end", "text", "type", "value", ...}],
                  "entities": [{"start", "end", "text", "type", "name"}]}],
   "quotes": [{"source", "cue", "content", "parts", "kind", "speaker", "direct"}]}
Offsets are in runes (code points) of the article text, end exclusive. A time
expression has its normalized TimeML value; an entity its type (PER, ORG,
LOC, MISC) and canonical name ("Tillerson" → "Rex Tillerson"); a quote its
source, cue and content as {"start", "end", "text"} (source and cue null
when absent), its kind (direct, mixed, indirect) and its speaker by name.
Several articles make a stream of JSON objects.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			warn := warnBad(cmd.ErrOrStderr())
			n, bad := 0, 0
			an, err := newAnnotator()
			if err != nil {
				return err
			}
			for d, err := range an.Stream(rf.reader().Read(args...), w.n()) {
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
