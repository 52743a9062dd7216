package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/fetch"
	"github.com/dateline-news/dateline/internal/store"
)

// fetchFlags are the politeness limits of the commands that fetch URLs.
type fetchFlags struct {
	delay, timeout time.Duration
	maxBytes       int64
}

func (f *fetchFlags) register(cmd *cobra.Command) {
	cmd.Flags().DurationVar(&f.delay, "delay", fetch.DefaultOptions.Delay, "wait at least this long between two requests to one host")
	cmd.Flags().DurationVar(&f.timeout, "timeout", fetch.DefaultOptions.Timeout, "give up on a request after this long")
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", fetch.DefaultOptions.MaxBytes, "refuse a response body larger than this")
}

// client returns a polite fetcher that remembers validators in st.
func (f *fetchFlags) client(st *store.Store) *fetch.Client {
	return fetch.New(fetch.Options{Delay: f.delay, Timeout: f.timeout, MaxBytes: f.maxBytes, Cache: st})
}

// reportFetch prints what the fetcher did, if it did anything.
func reportFetch(out io.Writer, c *fetch.Client) {
	s := c.Stats()
	if s == (fetch.Stats{}) {
		return
	}
	fmt.Fprintf(out, "fetched %s, %d unchanged since the last run, %d disallowed by robots.txt, %d failed\n",
		plural(s.Fetched, "page"), s.NotModified, s.Disallowed, s.Failed)
}

// newIngestCmd builds `dateline ingest`.
func newIngestCmd(g *globals) *cobra.Command {
	var urlsFile, columns string
	var ff fetchFlags
	var w workers
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL...",
		Short: "Read, annotate and store articles: files, directories, web pages, WARC, feeds, URLs",
		Long: `Ingest reads dated articles, splits their sentences, tags and resolves their
time expressions, and stores everything in the database.

Ingesting the same articles again adds nothing and annotates nothing. An
article whose id is stored but whose content (text, title, date, URL or
source) changed replaces the stored version: it is annotated again, and
search and timelines see only the new version ("N updated"). An id given
twice in one ingest is taken the first time.

A bad record is reported as file:line (or file:offset in a WARC file) and
skipped; the batch goes on, and the exit code is then 2 (1 when nothing at
all could be read). Only regular files are read from directories, and no
text article or JSON Lines line over --max-article-size.

Inputs, each possibly gzip-compressed, in directories read recursively:
  .txt            one article, "date YYYY-MM-DD" on its first line
  .jsonl .json    records: dateline's fields, or news-please, trafilatura,
                  Media Cloud or Event Registry exports (see --columns)
  .csv            records with a header row, same names
  .html .htm      saved web pages (main text, title, author and date extracted)
  .warc           web archives (WARC/1.0, 1.1; .warc.gz record by record)
  .rss .atom .xml RSS, Atom and JSON Feed (.json) feeds
  http(s)://...   a page or a feed, fetched politely (robots.txt, one request
                  at a time per host, conditional requests on later runs)
  -               standard input

A feed item with its full text is an article; one with only a summary is
fetched from its link.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := withURLFile(args, urlsFile)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return fmt.Errorf("ingest: nothing to read (give paths, URLs or --urls FILE)")
			}
			if err := anyReadable(paths); err != nil {
				return err // before a store is created for nothing
			}
			cols, err := parseColumns(columns)
			if err != nil {
				return err
			}
			st, err := store.Open(g.db)
			if err != nil {
				return err
			}
			defer st.Close()
			fc := ff.client(st)
			rd := &article.Reader{Fetcher: fc, Columns: cols, Context: cmd.Context(), MaxBytes: rf.maxBytes}
			out := cmd.OutOrStdout()
			r, err := ingest(cmd.Context(), st, rd.Read(paths...), w, g.verbose, out, cmd.ErrOrStderr())
			reportFetch(out, fc)
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			if err := fc.Commit(context.WithoutCancel(cmd.Context())); err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			return readErr(r.Read, r.Bad)
		},
	}
	addWorkersFlag(cmd.Flags(), &w)
	rf.register(cmd.Flags())
	cmd.Flags().StringVar(&urlsFile, "urls", "", "also read the URLs (or paths) listed in this file, one a line; # starts a comment")
	cmd.Flags().StringVar(&columns, "columns", "", "map article fields to a CSV/JSON record's own names, e.g. text=story,date=published_at (fields: "+
		strings.Join(article.ColumnFields(), ", ")+")")
	ff.register(cmd)
	return cmd
}

// withURLFile appends to args the lines of file (if any), skipping blank
// lines and # comments.
func withURLFile(args []string, file string) ([]string, error) {
	if file == "" {
		return args, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("--urls: %w", err)
	}
	defer f.Close()
	paths := slices.Clone(args)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			paths = append(paths, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--urls %s: %w", file, err)
	}
	return paths, nil
}

// parseColumns reads --columns: field=name pairs separated by commas.
func parseColumns(s string) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	fields := article.ColumnFields()
	cols := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		field, name, ok := strings.Cut(pair, "=")
		field, name = strings.TrimSpace(field), strings.TrimSpace(name)
		if !ok || name == "" || !slices.Contains(fields, field) {
			return nil, fmt.Errorf("--columns: %q is not FIELD=NAME with FIELD one of %s", pair, strings.Join(fields, ", "))
		}
		cols[field] = name
	}
	return cols, nil
}

// anyReadable fails when none of paths exists or is a URL ("-", standard
// input, always counts).
func anyReadable(paths []string) error {
	var first error
	for _, p := range paths {
		if p == "-" || strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			return nil
		}
		_, err := os.Stat(p)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return fmt.Errorf("nothing to ingest: %w", first)
}
