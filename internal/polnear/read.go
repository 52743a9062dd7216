package polnear

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/brat"
	"github.com/dateline-news/dateline/internal/quote"
)

// Article is one PolNeAR article with the attributions of one annotator.
type Article struct {
	Name      string    // file stem: publisher_YYYY-MM-DD_slug
	Published time.Time // the date in the name
	Text      string    // the article as the corpus gives it; gold offsets are runes of it
	Gold      []quote.Quote
	Ann       string // path of the .ann file the gold comes from
}

// Read reads a split directory (dir/text/*.txt, dir/attributions/*.ann): for
// each article the first .ann file in name order (the first annotator's),
// articles sorted by name. Errors name the file and line.
func Read(dir string) ([]Article, error) { return read(dir, false) }

func read(dir string, all bool) ([]Article, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("%s: no attributions/*.ann files (want a PolNeAR split directory such as polnear/dev)", dir)
	}
	slices.Sort(anns)
	var out []Article
	seen := map[string]bool{}
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i <= 0 {
			return nil, fmt.Errorf("%s: want <article>_<annotator>.ann", ann)
		}
		stem := base[:i]
		if seen[stem] && !all {
			continue
		}
		seen[stem] = true
		a, err := readArticle(filepath.Join(dir, "text", stem+".txt"), ann)
		if err != nil {
			return nil, err
		}
		a.Name = stem
		out = append(out, a)
	}
	// Sorting .ann names sorts articles by name except where one article's
	// name is a prefix of another's; sort by article, stably, to be sure.
	slices.SortStableFunc(out, func(a, b Article) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func readArticle(txtPath, annPath string) (Article, error) {
	data, err := os.ReadFile(txtPath)
	if err != nil {
		return Article{}, fmt.Errorf("read %s: %w", txtPath, err)
	}
	if !utf8.Valid(data) {
		return Article{}, fmt.Errorf("%s: not UTF-8", txtPath)
	}
	f, err := os.Open(annPath)
	if err != nil {
		return Article{}, fmt.Errorf("read %s: %w", annPath, err)
	}
	defer f.Close()
	doc, err := brat.Parse(f, annPath)
	if err != nil {
		return Article{}, err
	}
	a := Article{Text: string(data), Ann: annPath}
	if parts := strings.Split(filepath.Base(txtPath), "_"); len(parts) > 2 {
		a.Published, _ = time.Parse(time.DateOnly, parts[1])
	}
	a.Gold, err = goldQuotes(doc, a.Text, annPath)
	return a, err
}

// goldQuotes turns the file's Attribution events into quotes. An event
// without content is skipped (the corpus has one); a span past the end of
// the text is an error.
func goldQuotes(doc *brat.Document, text, name string) ([]quote.Quote, error) {
	n := utf8.RuneCountInString(text)
	var out []quote.Quote
	for _, e := range doc.Events {
		var q quote.Quote
		span := func(role string) (quote.Span, []quote.Span, error) {
			id, ok := e.Arg(role)
			if !ok {
				return quote.Span{}, nil, nil
			}
			tb, ok := doc.TextBound(id)
			if !ok {
				return quote.Span{}, nil, fmt.Errorf("%s:%d: %s %s is not a text-bound annotation", name, e.Line, role, id)
			}
			var parts []quote.Span
			for _, f := range tb.Sorted() {
				if f.End > n {
					return quote.Span{}, nil, fmt.Errorf("%s:%d: %s %d..%d runs past the text's %d characters", name, tb.Line, id, f.Start, f.End, n)
				}
				if f.End > f.Start {
					parts = append(parts, quote.Span{Start: f.Start, End: f.End})
				}
			}
			x := tb.Extent()
			return quote.Span{Start: x.Start, End: x.End}, parts, nil
		}
		var err error
		if q.Source, _, err = span("Source"); err != nil {
			return nil, err
		}
		if q.Cue, _, err = span("Cue"); err != nil {
			return nil, err
		}
		if q.Content, q.Parts, err = span("Content"); err != nil {
			return nil, err
		}
		if q.Content.Empty() {
			continue
		}
		q.Kind = quote.KindOf(text, q.Parts)
		out = append(out, q)
	}
	return out, nil
}
