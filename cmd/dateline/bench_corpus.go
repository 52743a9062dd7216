package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/bench"
)

// newBenchCorpusCmd builds `dateline bench corpus`.
func newBenchCorpusCmd(g *globals) *cobra.Command {
	var (
		data     []string
		articles string
		out      string
		period   int
	)
	cmd := &cobra.Command{
		Use:   "corpus --data DIR... --articles N --out FILE",
		Short: "Synthesize a large corpus from small ones (copies with new ids and shifted dates), for scale tests",
		Long: `bench corpus writes N articles as JSON Lines (gzip-compressed when FILE ends
in .gz; "-" for standard output): the articles of the --data sources (JSONL
files, or directories searched for *.jsonl), copied again and again. Copy k
of an article has the id "sNNN/<id>" and its publication date moved k times
--period days later (default: the sources' span in whole weeks plus one
week, so copies never overlap in time and weekdays stay weekdays); its text
is untouched. N may be written 10k, 100k, 1m. Write the corpus outside the
repository (it is copyrighted news text), or pipe it into ingest:

  dateline bench corpus --data ../shared/data/tls --articles 100k --out - | dateline --db big.db ingest -`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(data) == 0 || out == "" {
				return fmt.Errorf("bench corpus: --data and --out are required")
			}
			n, err := parseCount(articles)
			if err != nil {
				return fmt.Errorf("bench corpus: --articles: %w", err)
			}
			r, err := bench.SynthesizeFile(out, cmd.OutOrStdout(), bench.Synth{Sources: data, Articles: n, Period: period})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d articles (%d copies of %d, %d days apart; published %s to %s; %d MB of JSON) to %s",
				r.Articles, r.Copies, r.Base, r.Period, r.First.Format("2006-01-02"), r.Last.Format("2006-01-02"), r.Bytes>>20, out)
			if r.Empty > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "; %s with an empty text left out", plural(r.Empty, "source record"))
			}
			fmt.Fprintln(cmd.ErrOrStderr())
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&data, "data", nil, "source JSONL file or directory (repeatable)")
	fl.StringVar(&articles, "articles", "", "how many articles: a number, or 10k, 100k, 1m")
	fl.StringVar(&out, "out", "", `file to write (.gz compresses), or "-" for standard output`)
	fl.IntVar(&period, "period", 0, "days between copies (0: the sources' span in whole weeks, plus a week)")
	return cmd
}

// parseCount reads a positive count written as digits with an optional k
// (thousand) or m (million) suffix.
func parseCount(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(strings.ToLower(s), "k"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(strings.ToLower(s), "m"):
		mult, s = 1000000, s[:len(s)-1]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n > 1<<40/mult {
		return 0, fmt.Errorf("want a positive count such as 5000, 10k or 1m")
	}
	return n * mult, nil
}
