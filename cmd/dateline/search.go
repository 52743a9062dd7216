package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
)

// newSearchCmd builds `dateline search`.
func newSearchCmd(g *globals) *cobra.Command {
	var (
		limit    int
		from, to string
		format   string
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find stored sentences by full-text query (bm25), with their article and date",
		Long: `Search finds the stored sentences that contain every word of QUERY (stemmed),
best first by bm25. A query in FTS5 syntax ("exact phrase", OR, NOT, NEAR,
prefix*) is used as written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := render.ParseFormat(format)
			if err != nil {
				return err
			}
			fromDay, err := parseDay("--from", from)
			if err != nil {
				return err
			}
			toDay, err := parseDay("--to", to)
			if err != nil {
				return err
			}
			st, err := openStore(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), store.Filter{From: fromDay, To: toDay}, limit)
			if err != nil {
				return err
			}
			return render.Hits(cmd.OutOrStdout(), hits, f)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&limit, "limit", "n", 20, "how many sentences")
	fl.StringVar(&from, "from", "", "only articles published on or after this day")
	fl.StringVar(&to, "to", "", "only articles published on or before this day")
	fl.StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}
