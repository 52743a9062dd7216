package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/server"
	"github.com/dateline-news/dateline/internal/store"
)

// newServeCmd is `dateline serve`: the web page and JSON API over a store.
func newServeCmd(g *globals) *cobra.Command {
	var addr string
	var token string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the timeline web page and JSON API over the database",
		Long: `Serve answers on --addr (loopback by default) with the timeline page at /
and the JSON API under /api/ (described at /api/openapi.json). With --token
(or DATELINE_TOKEN), POST /api/articles with "Authorization: Bearer TOKEN"
ingests JSON Lines into the open database, and open pages update. Stops
cleanly on SIGINT or SIGTERM.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("DATELINE_TOKEN")
			}
			// Read-only unless the server may ingest; a --db that does not
			// exist is an error either way.
			st, err := openStore(g.db)
			if err == nil && token != "" {
				st.Close()
				st, err = store.Open(g.db)
			}
			if err != nil {
				return err
			}
			defer st.Close()
			l, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			ingest := "disabled (no --token)"
			if token != "" {
				ingest = "POST /api/articles with the token"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "dateline: serving %s on http://%s/ (ingest: %s)\n", st.Path(), l.Addr(), ingest)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			an, err := newAnnotator()
			if err != nil {
				return err
			}
			s := server.New(server.Config{Store: st, Annotator: an, Token: token, Logger: log})
			return s.Serve(ctx, l)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; loopback unless you mean to share it)")
	cmd.Flags().StringVar(&token, "token", "", "bearer token that enables POST /api/articles (default $DATELINE_TOKEN)")
	return cmd
}
