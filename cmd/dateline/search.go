package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
)

var searchFlags struct {
	limit    int
	from, to string
	format   string
}

var searchCmd = &cobra.Command{
	Use:   "search QUERY",
	Short: "Find stored sentences by full-text query (bm25), with their article and date",
	Long: `Search finds the stored sentences that contain every word of QUERY (stemmed),
best first by bm25. A query in FTS5 syntax ("exact phrase", OR, NOT, NEAR,
prefix*) is used as written.`,
	Args: cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		format, err := render.ParseFormat(searchFlags.format)
		if err != nil {
			return err
		}
		from, err := parseDay("--from", searchFlags.from)
		if err != nil {
			return err
		}
		to, err := parseDay("--to", searchFlags.to)
		if err != nil {
			return err
		}
		st, err := store.OpenExisting(dbPath)
		if err != nil {
			return err
		}
		defer st.Close()
		hits, err := st.Search(cmd.Context(), strings.Join(args, " "), store.Filter{From: from, To: to}, searchFlags.limit)
		if err != nil {
			return err
		}
		return render.Hits(os.Stdout, hits, format)
	},
}

var statsFormat string

var statsCmd = &cobra.Command{
	Use:   "stats",
	Short: "Summarize what the database holds",
	Args:  cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		format, err := render.ParseFormat(statsFormat)
		if err != nil {
			return err
		}
		st, err := store.OpenExisting(dbPath)
		if err != nil {
			return err
		}
		defer st.Close()
		s, err := st.Stats(cmd.Context())
		if err != nil {
			return err
		}
		return render.Stats(os.Stdout, s, format)
	},
}

func init() {
	searchCmd.Flags().IntVarP(&searchFlags.limit, "limit", "n", 20, "how many sentences")
	searchCmd.Flags().StringVar(&searchFlags.from, "from", "", "only articles published on or after this day")
	searchCmd.Flags().StringVar(&searchFlags.to, "to", "", "only articles published on or before this day")
	searchCmd.Flags().StringVarP(&searchFlags.format, "format", "f", "text", "output format: text or json")
	statsCmd.Flags().StringVarP(&statsFormat, "format", "f", "text", "output format: text or json")
	rootCmd.AddCommand(searchCmd, statsCmd)
}
