package main

import (
	"fmt"
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
		raw      bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find stored sentences by full-text query, best first, with their article and date",
		Long: `Search finds the stored sentences that contain every word of QUERY, best
first (bm25 with SQLite, ts_rank with PostgreSQL). Words are compared as the
index keeps them, and as timelines match --query: without regard to case, by
stem; stop words ("the", "of") are not indexed. "Quoted words" must come
together as a phrase, and word* matches every word that starts so. Any other
character only separates words, so whatever is typed is a query.

With --raw, QUERY is the store's own query syntax, its words compared by
stem: FTS5 for an SQLite store (AND, OR, NOT, NEAR(...), the column filter
text:, ^), web-search syntax for PostgreSQL ("phrase", or, -word); a query
the store refuses is an error that says why.`,
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
			q := store.Query{Text: strings.Join(args, " "), Raw: raw}
			hits, err := st.Search(cmd.Context(), q, store.Filter{From: fromDay, To: toDay}, limit)
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if len(hits) == 0 && !raw && strings.ContainsAny(q.Text, ":()^+-") {
				fmt.Fprintln(cmd.ErrOrStderr(), "dateline: the query was read as plain words; for FTS5 syntax (column filters, NEAR, ^) use --raw")
			}
			return render.Hits(cmd.OutOrStdout(), hits, f)
		},
	}
	fl := cmd.Flags()
	fl.IntVarP(&limit, "limit", "n", 20, "how many sentences")
	fl.StringVar(&from, "from", "", "only articles published on or after this day")
	fl.StringVar(&to, "to", "", "only articles published on or before this day")
	fl.StringVarP(&format, "format", "f", "text", "output format: text or json")
	fl.BoolVar(&raw, "raw", false, "QUERY is the store's own query syntax (FTS5 for SQLite, web search for PostgreSQL)")
	return cmd
}
