package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/store/storetest"
	"github.com/dateline-news/dateline/internal/timex"
)

// Benchmarks of ingest on real news: the first benchArticles articles of
// T17 (from ../shared; skipped without it). Compare runs with benchstat.

const benchArticles = 1000

// cpuTime is the CPU time this process has used: on a machine shared with
// other work, CPU per article varies less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportArticles reports articles/s and CPU µs per article over b's
// iterations (cpu is the CPU time counted while the timer ran).
func reportArticles(b *testing.B, perOp int, cpu time.Duration) {
	n := float64(perOp * b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Microseconds())/n, "cpu-µs/article")
}

// t17Articles reads the benchmark's articles, or skips.
func t17Articles(b *testing.B) []article.Article {
	b.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "tls", "t17")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("needs ../shared/data/tls/t17 (the project's shared data) beside the repository")
	}
	var arts []article.Article
	for a, err := range article.Read(dir) {
		if err == nil {
			arts = append(arts, a)
		}
		if len(arts) == benchArticles {
			break
		}
	}
	return arts
}

// t17Records are the benchmark's articles annotated and prepared.
func t17Records(b *testing.B) []*record {
	an := annotate.New(timex.New())
	p := newPreparer()
	var recs []*record
	for _, a := range t17Articles(b) {
		r, err := p.prepare(an.Annotate(a))
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs
}

// benchWrite writes recs in batches into a new store at loc, once per
// iteration: the single writer's share of ingest.
func benchWrite(b *testing.B, recs []*record, newLoc func() string) {
	ctx := context.Background()
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := Open(newLoc())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		for i := 0; i < len(recs); i += DefaultBatch {
			if _, _, err := s.write(ctx, recs[i:min(i+DefaultBatch, len(recs))]); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	reportArticles(b, len(recs), cpu)
}

func BenchmarkWriteSQLite(b *testing.B) {
	recs := t17Records(b)
	dir := b.TempDir()
	n := 0
	benchWrite(b, recs, func() string {
		n++
		return filepath.Join(dir, "w"+string(rune('a'+n%26))+string(rune('a'+n/26%26))+".db")
	})
}

func BenchmarkWritePostgres(b *testing.B) {
	recs := t17Records(b)
	benchWrite(b, recs, func() string { return storetest.Postgres(b) })
}

// BenchmarkPrepare is the workers' share of ingest after annotation.
func BenchmarkPrepare(b *testing.B) {
	an := annotate.New(timex.New())
	var docs []annotate.Doc
	for _, a := range t17Articles(b) {
		docs = append(docs, an.Annotate(a))
	}
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		p := newPreparer()
		for _, d := range docs {
			if _, err := p.prepare(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportArticles(b, len(docs), cpuTime()-c0)
}

// BenchmarkIngestSQLite is all of ingest: annotation and preparation on
// two workers, writing in a third goroutine.
func BenchmarkIngestSQLite(b *testing.B) {
	arts := t17Articles(b)
	an := annotate.New(timex.New())
	dir := b.TempDir()
	ctx := context.Background()
	n := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		n++
		s, err := Open(filepath.Join(dir, "i"+string(rune('a'+n%26))+string(rune('a'+n/26%26))+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		seq := func(yield func(article.Article, error) bool) {
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
		}
		if _, err := s.Ingest(ctx, seq, an, 2, DefaultBatch, nil, nil); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	reportArticles(b, len(arts), cpu)
}
