package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/store"
)

// newBenchSearchCmd builds `dateline bench search`.
func newBenchSearchCmd(g *globals) *cobra.Command {
	var (
		queries  string
		repeat   int
		limit    int
		from, to string
	)
	cmd := &cobra.Command{
		Use:   "search --queries FILE",
		Short: "Time searches of the store: each query of FILE (one a line), after one warm-up pass",
		Long: `bench search opens the store once (--db, read-only), runs every query of
FILE once to warm the caches, then --repeat more times, and prints each
query's median time and hits, and the median (p50) and 99th percentile (p99)
over all timed runs: the latency of search in the server, without the
start-up of a process.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			qs, err := readQueries(queries)
			if err != nil {
				return err
			}
			f := store.Filter{}
			if f.From, err = parseDay("--from", from); err != nil {
				return err
			}
			if f.To, err = parseDay("--to", to); err != nil {
				return err
			}
			st, err := openStore(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			var all []time.Duration
			fmt.Fprintf(out, "%-40s %8s %6s\n", "query", "median", "hits")
			for _, q := range qs {
				var times []time.Duration
				hits := 0
				for i := 0; i <= repeat; i++ {
					start := time.Now()
					hs, err := st.Search(cmd.Context(), store.Query{Text: q}, f, limit)
					if err != nil {
						return fmt.Errorf("bench search %q: %w", q, err)
					}
					if i > 0 { // the first run warms the caches
						times = append(times, time.Since(start))
					}
					hits = len(hs)
				}
				all = append(all, times...)
				fmt.Fprintf(out, "%-40s %8s %6d\n", q, ms(percentile(times, 50)), hits)
			}
			fmt.Fprintf(out, "%d queries x %d runs: p50 %s, p99 %s, max %s (store %s)\n", len(qs), repeat,
				ms(percentile(all, 50)), ms(percentile(all, 99)), ms(percentile(all, 100)), st.Path())
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&queries, "queries", "", "file of queries, one a line (# starts a comment)")
	fl.IntVar(&repeat, "repeat", 5, "timed runs of each query")
	fl.IntVarP(&limit, "limit", "n", 20, "hits asked for")
	fl.StringVar(&from, "from", "", "only articles published on or after this day")
	fl.StringVar(&to, "to", "", "only articles published on or before this day")
	cmd.MarkFlagRequired("queries")
	return cmd
}

// readQueries reads one query a line, skipping blank lines and # comments.
func readQueries(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench search: %w", err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q := strings.TrimSpace(sc.Text()); q != "" && !strings.HasPrefix(q, "#") {
			qs = append(qs, q)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("bench search: %s: %w", path, err)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("bench search: %s has no queries", path)
	}
	return qs, nil
}

// percentile returns the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100 // ceil(p/100 · n), 1-based
	return s[max(i, 1)-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
