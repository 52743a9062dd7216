package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
)

// newQuotesCmd builds `dateline quotes`.
func newQuotesCmd(g *globals) *cobra.Command {
	var o quotesOptions
	cmd := &cobra.Command{
		Use:   "quotes [--format text|md|json] [--speaker NAME] [--query Q] [--from DAY] [--to DAY] [PATH...] | --dct DAY FILE",
		Short: "Find who said what: the quotes of articles, with their speakers",
		Long: `Quotes finds the attributions of articles (any input ingest takes): who (the
source) is said to have said, thought or wanted what (the content), and the
words that say so (the cue). Direct quotes (in quotation marks), indirect ones
and mixed ones, quotes split by their own attribution, running over several
paragraphs, "according to", and pull quotes ("“…” — Name"). Each quote has a
speaker: who its source names (a pronoun or a title resolved to the person the
article named), or the source's own words ("a senior official").

Without PATH, the quotes are those of the articles in the database (--db), as
ingest found them.

--speaker keeps the quotes of one speaker, allowing for aliases ("Putin"
matches "Vladimir Putin") and for the other names the articles give the same
entity, grouped as the entities command groups them ("British Petroleum"
matches "BP"); --query keeps those whose content has every word of
the query (compared by stem); --from and --to select articles by publication
day.

With --dct, FILE is plain text (or - for standard input): the whole file is
the article, published on DAY, and nothing is stripped from it. JSON gives
{"quotes": [{"source", "cue", "content", "parts", "kind", "speaker",
"direct"}]}, each span as {"start", "end", "text"} in Unicode code points of
the text as read, end exclusive, source and cue null when absent; a content
split by its attribution is one span from its first part's start to its last
part's end, its parts listed beside it. Without --dct each quote also names
its article.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.db = g.db
			return o.run(cmd, args)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.dct, "dct", "", "read FILE as plain text published on this day (YYYY-MM-DD)")
	fs.StringVarP(&o.format, "format", "f", "text", "output format: text, md or json")
	fs.StringVar(&o.speaker, "speaker", "", "only the quotes of this speaker (aliases match: \"Putin\", \"Vladimir Putin\"; \"British Petroleum\", \"BP\")")
	fs.StringVar(&o.query, "query", "", "only quotes whose content has every word of the query")
	fs.StringVar(&o.from, "from", "", "first publication day (YYYY-MM-DD) of the articles")
	fs.StringVar(&o.to, "to", "", "last publication day (YYYY-MM-DD) of the articles")
	return cmd
}

// quotesOptions are the flags of `dateline quotes`.
type quotesOptions struct {
	dct, format, speaker, query, from, to string
	db                                    string // the store read without PATH
}

// run extracts and prints the quotes of one plain-text file (--dct) or of
// the articles at args.
func (o *quotesOptions) run(cmd *cobra.Command, args []string) error {
	f, err := render.ParseFormat(o.format)
	if err != nil || f == render.Tilse {
		return fmt.Errorf("--format %q: want text, md or json", o.format)
	}
	sel := timeline.Selection{Query: o.query}
	if sel.From, err = parseDay("--from", o.from); err != nil {
		return err
	}
	if sel.To, err = parseDay("--to", o.to); err != nil {
		return err
	}
	x, err := quote.Default()
	if err != nil {
		return err
	}
	rec := entity.New()
	extract := func(a article.Article) (render.ArticleQuotes, []entity.Mention) {
		qs, ms := x.ExtractNamed(a.Text, rec)
		return render.ArticleQuotes{Article: a, Quotes: qs}, ms
	}
	out := bufio.NewWriter(cmd.OutOrStdout())
	defer out.Flush()
	if o.dct != "" {
		if len(args) != 1 {
			return fmt.Errorf("--dct takes exactly one FILE (or - for standard input), got %d", len(args))
		}
		a, err := plainArticle(args[0], o.dct, cmd.InOrStdin())
		if err != nil {
			return err
		}
		q, ms := extract(a)
		var names timeline.NameCounts
		names.Add(ms)
		aq := filterArticles([]render.ArticleQuotes{q}, sel, o.speakers(names.Records()))
		if f == render.JSON {
			return render.QuotesJSON(out, aq, false)
		}
		return render.Quotes(out, aq, f)
	}
	if len(args) == 0 {
		arts, err := o.stored(cmd, sel)
		if err != nil {
			return err
		}
		return render.Quotes(out, arts, f)
	}
	var arts []render.ArticleQuotes
	var names timeline.NameCounts // the articles' names, for --speaker
	warn := warnBad(cmd.ErrOrStderr())
	read, bad := 0, 0
	for a, err := range article.Read(args...) {
		if err != nil {
			bad++
			warn(err)
			continue
		}
		read++
		if inRange(a.Day(), sel) {
			aq, ms := extract(a)
			if o.speaker != "" {
				names.Add(ms)
			}
			if len(aq.Quotes) > 0 {
				arts = append(arts, aq)
			}
		}
	}
	if read == 0 && bad > 0 {
		return fmt.Errorf("no article could be read")
	}
	return render.Quotes(out, filterArticles(arts, sel, o.speakers(names.Records())), f)
}

// speakers is who --speaker takes in over the names records count (nil
// without --speaker): the name and the names grouped with it.
func (o *quotesOptions) speakers(records []entity.Record) *timeline.NameSet {
	if strings.TrimSpace(o.speaker) == "" {
		return nil
	}
	return timeline.NewNameSet(o.speaker, timeline.GroupAliases(records, o.speaker))
}

// filterArticles keeps the quotes that pass filterQuotes, and the articles
// that keep one.
func filterArticles(arts []render.ArticleQuotes, sel timeline.Selection, speakers *timeline.NameSet) []render.ArticleQuotes {
	out := arts[:0]
	for _, aq := range arts {
		if aq.Quotes = filterQuotes(aq.Article, aq.Quotes, sel, speakers); len(aq.Quotes) > 0 {
			out = append(out, aq)
		}
	}
	return out
}

// stored returns the quotes of the stored articles of sel's date range
// that pass the filters, as ingest found them. Articles stored by a
// dateline before quotes were kept are annotated now, with a warning.
func (o *quotesOptions) stored(cmd *cobra.Command, sel timeline.Selection) ([]render.ArticleQuotes, error) {
	st, err := openStore(o.db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var speakers *timeline.NameSet
	if o.speaker != "" {
		counts, err := st.Entities(cmd.Context())
		if err != nil {
			return nil, err
		}
		speakers = o.speakers(store.Records(counts))
	}
	var arts []render.ArticleQuotes
	var an *annotate.Annotator
	old := 0
	err = st.EachDoc(cmd.Context(), store.Filter{From: sel.From, To: sel.To}, func(d annotate.Doc) error {
		if !d.Entities {
			if an == nil {
				if an, err = newAnnotator(); err != nil {
					return err
				}
			}
			d = an.Annotate(d.Article)
			old++
		}
		if qs := filterQuotes(d.Article, d.Quotes, sel, speakers); len(qs) > 0 {
			arts = append(arts, render.ArticleQuotes{Article: d.Article, Quotes: qs})
		}
		return nil
	})
	warnUnannotated(cmd.ErrOrStderr(), old, o.db)
	return arts, err
}

// plainArticle reads FILE (or standard input for -) whole as the text of
// an article published on day.
func plainArticle(name, day string, stdin io.Reader) (article.Article, error) {
	published, err := parseDay("--dct", day)
	if err != nil {
		return article.Article{}, err
	}
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(stdin)
		name = "<stdin>"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("read %s: %w", name, err)
	}
	if !utf8.Valid(data) {
		return article.Article{}, fmt.Errorf("%s: not UTF-8 text", name)
	}
	text := string(data)
	return article.Article{ID: article.HashID(published, "", text), Published: published, Text: text, Origin: name}, nil
}

// inRange reports whether a publication day lies in the selection's range.
func inRange(day time.Time, sel timeline.Selection) bool {
	return (sel.From.IsZero() || !day.Before(sel.From)) && (sel.To.IsZero() || !day.After(sel.To))
}

// filterQuotes keeps the quotes of speakers (nil: anyone's) whose content
// matches the selection's query.
func filterQuotes(a article.Article, qs []quote.Quote, sel timeline.Selection, speakers *timeline.NameSet) []quote.Quote {
	out := qs[:0]
	for _, q := range qs {
		if !speakers.Has(q.Speaker) {
			continue
		}
		if sel.Query != "" && !sel.Match(quote.Text(a.Text, q.Content)) {
			continue
		}
		out = append(out, q)
	}
	return out
}
