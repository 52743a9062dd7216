package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// newTimexAnnotator wires the annotation stages the timeline algorithm
// reads: sentences and time expressions. The TLS benchmarks and training run
// it; nothing they score depends on entities or quotes.
func newTimexAnnotator() *annotate.Annotator { return annotate.New(timex.New()) }

// newAnnotator wires every annotation stage dateline has: sentences, time
// expressions, named entities and quotes with their speakers.
func newAnnotator() (*annotate.Annotator, error) {
	x, err := quote.Default()
	if err != nil {
		return nil, err
	}
	rec, err := newRecognizer()
	if err != nil {
		return nil, err
	}
	return newTimexAnnotator().WithEntities(rec, x), nil
}

// newEntityAnnotator wires sentences, time expressions and named entities,
// without quotes.
func newEntityAnnotator() (*annotate.Annotator, error) {
	rec, err := newRecognizer()
	if err != nil {
		return nil, err
	}
	return newTimexAnnotator().WithEntities(rec, nil), nil
}

// newRecognizer returns the named-entity recognizer of the embedded model.
func newRecognizer() (*entity.Recognizer, error) {
	m, err := entity.Shipped()
	if err != nil {
		return nil, fmt.Errorf("embedded entity model: %w", err)
	}
	return entity.NewRecognizer(m), nil
}

// maxWorkers bounds --workers: more annotation workers than this only cost
// memory (each holds articles in flight).
const maxWorkers = annotate.MaxWorkers

// workers is the value of a --workers flag: 0 means one per CPU.
type workers int

func (w *workers) String() string { return strconv.Itoa(int(*w)) }
func (w *workers) Type() string   { return "int" }

// Set parses n and refuses what is not between 0 and maxWorkers.
func (w *workers) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxWorkers {
		return fmt.Errorf("want a whole number from 0 (one per CPU) to %d", maxWorkers)
	}
	*w = workers(n)
	return nil
}

// n is the number of workers to run.
func (w workers) n() int {
	if w == 0 {
		return runtime.GOMAXPROCS(0)
	}
	return int(w)
}

// addWorkersFlag binds --workers to w.
func addWorkersFlag(fs *pflag.FlagSet, w *workers) {
	fs.Var(w, "workers", fmt.Sprintf("annotation workers, 1 to %d (0: one per CPU)", maxWorkers))
}

// readFlags are the input limits of the commands that read articles.
type readFlags struct {
	maxBytes int
}

// register binds --max-article-size.
func (f *readFlags) register(fs *pflag.FlagSet) {
	fs.IntVar(&f.maxBytes, "max-article-size", article.DefaultMaxBytes, "largest article (a text file or a JSONL line) read, in bytes; larger ones are skipped")
}

// reader is the article reader of the flags.
func (f readFlags) reader() *article.Reader { return &article.Reader{MaxBytes: f.maxBytes} }

// warnBad reports a record that could not be read and goes on.
func warnBad(w io.Writer) func(error) {
	return func(err error) { fmt.Fprintf(w, "dateline: skipped %s\n", render.Safe(err.Error())) }
}

// readDocs reads the articles at paths and annotates them with an, in
// memory, reporting bad records on stderr, and returns how many there were.
func readDocs(an *annotate.Annotator, rd *article.Reader, paths []string, w workers, stderr io.Writer) ([]annotate.Doc, int) {
	var docs []annotate.Doc
	bad := 0
	warn := warnBad(stderr)
	for d, err := range an.Stream(rd.Read(paths...), w.n()) {
		if err != nil {
			bad++
			warn(err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, bad
}

// reannotate annotates the articles of docs again with an, for the
// annotations they were read without (the entities and quotes a store does
// not keep, the quotes of the articles a timeline chose).
func reannotate(an *annotate.Annotator, docs []annotate.Doc, w workers) []annotate.Doc {
	arts := func(yield func(article.Article, error) bool) {
		for _, d := range docs {
			if !yield(d.Article, nil) {
				return
			}
		}
	}
	out := make([]annotate.Doc, 0, len(docs))
	for d := range an.Stream(arts, w.n()) {
		out = append(out, d)
	}
	return out
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// ingest annotates and stores arts, with a progress bar when stderr is a
// terminal, prints what it did on out, and returns it.
func ingest(ctx context.Context, st *store.Store, arts iter.Seq2[article.Article, error], w workers, verbose bool, out, stderr io.Writer) (store.IngestResult, error) {
	start := time.Now()
	var bar *mpb.Bar
	var p *mpb.Progress
	if isTerminal(stderr) && !verbose {
		p = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(24))
		bar = p.AddSpinner(0,
			mpb.PrependDecorators(decor.Name("ingest "), decor.CurrentNoUnit("%d articles")),
			mpb.AppendDecorators(decor.AverageSpeed(0, " %.0f/s"), decor.Name(" "), decor.Elapsed(decor.ET_STYLE_GO)))
	}
	var shown, logged int
	progress := func(r store.IngestResult) {
		if bar != nil && r.Read > shown {
			bar.IncrBy(r.Read - shown)
			shown = r.Read
		}
		if r.Read >= logged+1000 {
			logged = r.Read
			slog.Debug("ingest", "read", r.Read, "added", r.Added, "skipped", r.Skipped, "bad", r.Bad)
		}
	}
	onBad := warnBad(stderr)
	if p != nil {
		onBad = warnBad(p) // print above the bar
	}
	an, err := newAnnotator()
	if err != nil {
		return store.IngestResult{}, err
	}
	r, err := st.Ingest(ctx, arts, an, w.n(), store.DefaultBatch, onBad, progress)
	if bar != nil {
		bar.SetTotal(-1, true)
		p.Wait()
	}
	secs := time.Since(start).Seconds()
	if err != nil {
		fmt.Fprintf(out, "stopped after %d articles (%d added before the failed batch, which was rolled back); store %s\n",
			r.Read, r.Added, render.Safe(st.Path()))
		return r, err
	}
	fmt.Fprintf(out, "ingested %s in %.1fs (%.0f articles/s): %d added, %d updated, %d already stored, %s; store %s\n",
		plural(r.Read, "article"), secs, float64(r.Read)/secs, r.Added, r.Updated, r.Skipped, plural(r.Bad, "bad record"), render.Safe(st.Path()))
	return r, err
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// openStore opens the existing store at location for a reading command,
// with the hint a new user needs when there is none.
func openStore(location string) (*store.Store, error) {
	st, err := store.OpenExisting(location)
	if errors.Is(err, store.ErrNoStore) {
		if store.IsURL(location) {
			return nil, fmt.Errorf("%w (ingest articles first: dateline --db URL ingest PATH)", err)
		}
		return nil, fmt.Errorf("%w (ingest articles first: dateline --db %s ingest PATH)", err, location)
	}
	return st, err
}

// warnShippedModel says on stderr when the embedded date ranker does not fit
// this build, and how to fix it.
func warnShippedModel(stderr io.Writer) {
	if err := timeline.ShippedModelErr(); err != nil {
		fmt.Fprintf(stderr, "dateline: %v; days are ranked by article count until the ranker is retrained with dateline bench train\n", err)
	}
}
