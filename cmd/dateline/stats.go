package main

import (
	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
)

// newStatsCmd builds `dateline stats`.
func newStatsCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Summarize what the database holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := render.ParseFormat(format)
			if err != nil {
				return err
			}
			st, err := openStore(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			return render.Stats(cmd.OutOrStdout(), s, f)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}
