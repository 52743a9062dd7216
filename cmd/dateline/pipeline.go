package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timex"
)

// newAnnotator wires the annotation stages dateline runs on every article.
func newAnnotator() *annotate.Annotator { return annotate.New(timex.New()) }

// warnBad reports a record that could not be read and goes on.
func warnBad(w io.Writer) func(error) {
	return func(err error) { fmt.Fprintf(w, "dateline: skipped %v\n", err) }
}

// readDocs reads and annotates the articles at paths, in memory, reporting
// bad records on stderr.
func readDocs(paths []string, workers int) []annotate.Doc {
	var docs []annotate.Doc
	warn := warnBad(os.Stderr)
	for d, err := range newAnnotator().Stream(article.Read(paths...), workers) {
		if err != nil {
			warn(err)
			continue
		}
		docs = append(docs, d)
	}
	return docs
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ingest annotates and stores arts, with a progress bar on a terminal, and
// returns what it did.
func ingest(ctx context.Context, st *store.Store, arts iter.Seq2[article.Article, error], workers int, out io.Writer) (store.IngestResult, error) {
	start := time.Now()
	var bar *mpb.Bar
	var p *mpb.Progress
	if isTerminal(os.Stderr) && !verbose {
		p = mpb.New(mpb.WithOutput(os.Stderr), mpb.WithWidth(24))
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
	onBad := warnBad(os.Stderr)
	if p != nil {
		onBad = warnBad(p) // print above the bar
	}
	r, err := st.Ingest(ctx, arts, newAnnotator(), workers, 1024, onBad, progress)
	if bar != nil {
		bar.SetTotal(-1, true)
		p.Wait()
	}
	secs := time.Since(start).Seconds()
	if err != nil {
		fmt.Fprintf(out, "stopped after %d articles (%d added before the failed batch, which was rolled back); store %s\n",
			r.Read, r.Added, st.Path())
		return r, err
	}
	fmt.Fprintf(out, "ingested %s in %.1fs (%.0f articles/s): %d added, %d already stored, %s; store %s\n",
		plural(r.Read, "article"), secs, float64(r.Read)/secs, r.Added, r.Skipped, plural(r.Bad, "bad record"), st.Path())
	return r, err
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
