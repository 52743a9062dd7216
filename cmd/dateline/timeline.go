package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
)

// timelineFlags are the options shared by timeline and demo.
type timelineFlags struct {
	dates, perDate int
	from, to       string
	keywords       string
	query          string
	format         string
}

func (f *timelineFlags) register(cmd *cobra.Command, defaultDates int) {
	cmd.Flags().IntVar(&f.dates, "dates", defaultDates, "number of dates")
	cmd.Flags().IntVar(&f.perDate, "per-date", 1, "sentences per date")
	cmd.Flags().StringVar(&f.from, "from", "", "first day (YYYY-MM-DD) of articles and dates")
	cmd.Flags().StringVar(&f.to, "to", "", "last day (YYYY-MM-DD) of articles and dates")
	cmd.Flags().StringVar(&f.keywords, "keywords", "", "comma-separated keywords: only sentences containing one may enter")
	cmd.Flags().StringVar(&f.query, "query", "", "free-text query: only sentences containing all its words may enter")
	cmd.Flags().StringVarP(&f.format, "format", "f", "text", "output format: text, md, json, tilse, csv or timelinejs")
}

// options turns the flags into timeline options.
func (f *timelineFlags) options() (timeline.Options, render.Format, error) {
	opt := timeline.Options{Dates: f.dates, PerDate: f.perDate, Query: f.query}
	if f.dates < 1 || f.perDate < 1 {
		return opt, "", fmt.Errorf("--dates and --per-date must be at least 1")
	}
	for _, k := range strings.Split(f.keywords, ",") {
		if k = strings.TrimSpace(k); k != "" {
			opt.Keywords = append(opt.Keywords, k)
		}
	}
	var err error
	if opt.From, err = parseDay("--from", f.from); err != nil {
		return opt, "", err
	}
	if opt.To, err = parseDay("--to", f.to); err != nil {
		return opt, "", err
	}
	if !opt.From.IsZero() && !opt.To.IsZero() && opt.To.Before(opt.From) {
		return opt, "", fmt.Errorf("--to %s is before --from %s", f.to, f.from)
	}
	format, err := render.ParseFormat(f.format)
	return opt, format, err
}

func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := article.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", flag, err)
	}
	return t, nil
}

var tlFlags timelineFlags

var timelineCmd = &cobra.Command{
	Use:   "timeline [PATH...]",
	Short: "Build a timeline from stored articles, or directly from files",
	Long: `Timeline picks the dates that matter in a set of articles and summarizes each
with the sentences that say what happened then. Given paths, it reads and
annotates them in memory; without, it uses the articles in the database
(--db), selected by --from/--to and, when given, by --query or --keywords.`,
	RunE: func(cmd *cobra.Command, args []string) error {
		opt, format, err := tlFlags.options()
		if err != nil {
			return err
		}
		var docs []annotate.Doc
		if len(args) > 0 {
			docs = readDocs(args, 0)
		} else {
			st, err := store.OpenExisting(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			docs, err = st.Docs(cmd.Context(), store.Filter{From: opt.From, To: opt.To, Query: opt.Query, Keywords: opt.Keywords})
			if err != nil {
				return err
			}
		}
		return render.Timeline(os.Stdout, timeline.Build(docs, opt), format)
	},
}

func init() {
	tlFlags.register(timelineCmd, 10)
	rootCmd.AddCommand(timelineCmd)
}
