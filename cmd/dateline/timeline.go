package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	entity         string
	speaker        string
	allArticles    bool
	format         string
}

// register binds the flags to fs.
func (f *timelineFlags) register(fs *pflag.FlagSet, defaultDates int) {
	fs.IntVar(&f.dates, "dates", defaultDates, "number of dates")
	fs.IntVar(&f.perDate, "per-date", 1, "sentences per date")
	fs.StringVar(&f.from, "from", "", "first day (YYYY-MM-DD) of articles and dates")
	fs.StringVar(&f.to, "to", "", "last day (YYYY-MM-DD) of articles and dates")
	fs.StringVar(&f.keywords, "keywords", "", "comma-separated keywords: only sentences containing one may enter")
	fs.StringVar(&f.query, "query", "", "free-text query: only sentences containing all its words may enter")
	fs.StringVar(&f.speaker, "speaker", "", "only sentences holding a quote of this speaker may enter (aliases match)")
	fs.StringVar(&f.entity, "entity", "", "only sentences mentioning this entity may enter (aliases match: \"Putin\", \"Vladimir Putin\"; \"British Petroleum\", \"BP\")")
	fs.BoolVar(&f.allArticles, "all-articles", false, "every article in the range counts toward the dates, not only those that match --keywords/--query (the TLS protocol's reading)")
	fs.StringVarP(&f.format, "format", "f", "text", "output format: text, md, json, tilse, csv or timelinejs")
}

// options turns the flags into timeline options.
func (f *timelineFlags) options() (timeline.Options, render.Format, error) {
	opt := timeline.Options{Dates: f.dates, PerDate: f.perDate, Selection: timeline.Selection{Query: f.query, Entity: f.entity,
		Speaker: f.speaker, AllArticles: f.allArticles}}
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

// parseDay reads the day given to flag; empty means none.
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

// storeFilter is what the store is asked for to build a timeline of sel:
// the articles of its publication days that may belong to its topic (see
// timeline.Selection; the store widens, the timeline decides), or every
// article of those days when the selection counts them all.
func storeFilter(sel timeline.Selection) store.Filter {
	f := store.Filter{From: sel.From, To: sel.To}
	if !sel.AllArticles {
		f.Keywords, f.Query = sel.Keywords, sel.Query
	}
	return f
}

// attachQuotes gives each item of tl the quotes its sentence holds: from
// its document when that was annotated with entities and quotes (a store's
// are), else found now in the articles tl quotes from.
func attachQuotes(tl timeline.Timeline, docs []annotate.Doc, w workers) error {
	used := map[string]bool{}
	for _, e := range tl.Entries {
		for _, it := range e.Items {
			used[it.ArticleID] = true
		}
	}
	var quoted []annotate.Doc
	for _, d := range docs {
		if used[d.Article.ID] {
			quoted = append(quoted, d)
		}
	}
	quoted, _, err := withEntities(newAnnotator, quoted, w)
	if err != nil {
		return err
	}
	timeline.AttachQuotes(tl, quoted)
	return nil
}

// withEntities annotates again, with the annotator newAn makes, the
// documents of docs that were annotated without entities (read from files
// by a lighter annotator, or stored by a dateline before entities were
// kept), and returns docs and how many it annotated.
func withEntities(newAn func() (*annotate.Annotator, error), docs []annotate.Doc, w workers) ([]annotate.Doc, int, error) {
	var idx []int
	var lack []annotate.Doc
	for i, d := range docs {
		if !d.Entities {
			idx = append(idx, i)
			lack = append(lack, d)
		}
	}
	if len(lack) == 0 {
		return docs, 0, nil
	}
	an, err := newAn()
	if err != nil {
		return nil, 0, err
	}
	for j, d := range reannotate(an, lack, w) {
		docs[idx[j]] = d
	}
	return docs, len(lack), nil
}

// warnUnannotated says on stderr that n stored articles had no entities
// or quotes, and how to store them.
func warnUnannotated(stderr io.Writer, n int, db string) {
	if n > 0 {
		fmt.Fprintf(stderr, "dateline: %s stored by an older dateline had no entities or quotes: annotated now, not stored "+
			"(ingest them again to store them: dateline --db %s ingest PATH)\n", plural(n, "article"), render.Safe(db))
	}
}

// newTimelineCmd builds `dateline timeline`.
func newTimelineCmd(g *globals) *cobra.Command {
	var f timelineFlags
	var w workers
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "timeline [PATH...]",
		Short: "Build a timeline from stored articles, or directly from files",
		Long: `Timeline picks the dates that matter in a set of articles and summarizes each
with the sentences that say what happened then. Given paths, it reads and
annotates them in memory; without, it uses the articles in the database
(--db). Both give the same timeline of the same articles.

--from and --to select the articles by publication day, and the dates.
--keywords and --query choose the sentences that may speak for a date (one
of the keywords, compared without regard to case; every word of the query,
compared by stem), and the topic: the articles in the range that have such a
sentence. Only they count toward which dates matter, so a timeline's cost
follows its topic, not the size of the store. With --all-articles every
article in the range counts, matching or not, as the TLS protocol's keyword
filter does when it is given a topic's articles (bench tls). --entity builds the
timeline of one entity: only the sentences that mention it (by the canonical
name its article gives it, aliases allowed: "Putin" matches "Vladimir Putin";
or by another name the articles give it, grouped across them as the entities
command groups names: "British Petroleum" matches "BP") may enter, and only the articles with such a sentence count. --speaker builds
the timeline of what one speaker said: the sentences holding their quotes (the
speaker's names matched as the entity's are).

Each item carries the quotes its sentence holds, with their speakers: JSON
"quotes": [{"speaker", "content", "cue"}], "— said NAME" in the text view.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt, format, err := f.options()
			if err != nil {
				return err
			}
			warnShippedModel(cmd.ErrOrStderr())
			// From files, the timeline reads sentences, time expressions
			// and — for --entity — entities; only the articles it quotes
			// need their quotes found, once it is built. A store has them
			// all.
			var docs []annotate.Doc
			bad := 0
			if len(args) > 0 {
				an := newTimexAnnotator()
				if opt.Speaker != "" {
					if an, err = newAnnotator(); err != nil {
						return err
					}
				} else if opt.Entity != "" {
					if an, err = newEntityAnnotator(); err != nil {
						return err
					}
				}
				if docs, bad = readDocs(an, rf.reader(), args, w, cmd.ErrOrStderr()); len(docs) == 0 && bad > 0 {
					return readErr(0, bad)
				}
			} else {
				st, err := openStore(g.db)
				if err != nil {
					return err
				}
				defer st.Close()
				if docs, err = st.Docs(cmd.Context(), storeFilter(opt.Selection)); err != nil {
					return err
				}
				if opt.Entity != "" || opt.Speaker != "" {
					var n int
					if docs, n, err = withEntities(newAnnotator, docs, w); err != nil {
						return err
					}
					warnUnannotated(cmd.ErrOrStderr(), n, g.db)
				}
			}
			tl := timeline.Build(docs, opt)
			if err := attachQuotes(tl, docs, w); err != nil {
				return err
			}
			if err := render.Timeline(cmd.OutOrStdout(), tl, format); err != nil {
				return err
			}
			return readErr(len(docs), bad)
		},
	}
	f.register(cmd.Flags(), 10)
	addWorkersFlag(cmd.Flags(), &w)
	rf.register(cmd.Flags())
	return cmd
}
