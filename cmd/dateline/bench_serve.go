package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/server"
)

// newBenchServeCmd is `dateline bench serve`: a load generator for the
// server.
func newBenchServeCmd(g *globals) *cobra.Command {
	var cfg server.LoadConfig
	var mix, topics string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Load a dateline server with concurrent clients and report latencies",
		Long: `Bench serve sends --clients concurrent clients' requests (a --mix of search,
article, cached and uncached timeline requests drawn from words and articles
of the store) for --duration, and prints requests/s, errors and latency
quantiles per kind. Without --url it starts a server on the --db store on a
loopback port in this process (request logs formatted and discarded), and
prints the process's peak memory. Only loopback URLs are accepted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if cfg.Mix, err = server.ParseMix(mix); err != nil {
				return err
			}
			for _, t := range strings.Split(topics, ",") {
				if t = strings.TrimSpace(t); t != "" {
					cfg.Topics = append(cfg.Topics, t)
				}
			}
			if cfg.URL == "" {
				stop, u, err := startServer(cmd.Context(), g.db)
				if err != nil {
					return err
				}
				defer stop()
				cfg.URL = u
			}
			rep, err := server.Load(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			rep.Write(cmd.OutOrStdout())
			if peak := peakRSS(); peak != "" {
				fmt.Fprintf(cmd.OutOrStdout(), "peak resident memory of this process: %s\n", peak)
			}
			if _, errs := rep.Total(); errs > 0 {
				return fmt.Errorf("bench serve: %d errors", errs)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.URL, "url", "", "the server to load (default: start one on --db in this process)")
	f.IntVar(&cfg.Clients, "clients", 200, "concurrent clients")
	f.DurationVar(&cfg.Duration, "duration", 60*time.Second, "how long to send requests")
	f.StringVar(&mix, "mix", "search=45,article=45,timeline=10,uncached=0", "weights of the request kinds (search, article, timeline, uncached)")
	f.DurationVar(&cfg.UncachedEvery, "uncached-every", time.Second, "also ask for a new timeline once per this period (0: never)")
	f.IntVar(&cfg.Warm, "warm", 8, "distinct cached timelines, built before the clock starts")
	f.Uint64Var(&cfg.Seed, "seed", 1, "seed of the random choices")
	f.DurationVar(&cfg.Think, "think", 0, "each client's pause between an answer and its next request, on average (0: none); clients then start at random within the first 1.5 pauses")
	f.StringVar(&topics, "topics", "", "comma-separated timeline queries (default: words drawn from the store)")
	return cmd
}

// startServer serves the --db store on a loopback port in this process.
func startServer(ctx context.Context, db string) (stop func(), url string, err error) {
	st, err := openStore(db)
	if err != nil {
		return nil, "", err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return nil, "", err
	}
	ctx, cancel := context.WithCancel(ctx)
	s := server.New(server.Config{Store: st, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	done := make(chan struct{})
	go func() { s.Serve(ctx, l); close(done) }()
	return func() { cancel(); <-done; st.Close() }, "http://" + l.Addr().String(), nil
}

// peakRSS reads the process's peak resident memory from /proc (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
