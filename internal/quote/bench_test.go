package quote_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// devTexts returns the texts of PolNeAR dev, or skips.
func devTexts(tb testing.TB) ([]string, int) {
	files, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(files) == 0 {
		tb.Skip("PolNeAR not found at ../shared/data/polnear (place the shared data beside the repository)")
	}
	var texts []string
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
		n += len(b)
	}
	return texts, n
}

// BenchmarkExtract measures extraction alone on one goroutine, over the
// PolNeAR dev articles (bytes of text per second), with the extractor's
// cache of word forms warm.
func BenchmarkExtract(b *testing.B) {
	benchmarkDev(b, func(x *quote.Extractor, t string) { x.Extract(t, nil) })
}

// BenchmarkEntitiesAndQuotes measures what annotation costs per text: one
// split into tokens, the entity recognizer and the quote extractor on those
// tokens (ExtractNamed), over the PolNeAR dev articles, caches warm.
func BenchmarkEntitiesAndQuotes(b *testing.B) {
	rec := entity.New()
	benchmarkDev(b, func(x *quote.Extractor, t string) { x.ExtractNamed(t, rec) })
}

// benchmarkDev runs each on every PolNeAR dev text with the default
// extractor, once to warm its caches, then b.N times timed.
func benchmarkDev(b *testing.B, each func(x *quote.Extractor, text string)) {
	texts, n := devTexts(b)
	x, err := quote.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range texts {
		each(x, t)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		for _, t := range texts {
			each(x, t)
		}
	}
	reportCPU(b, cpuTime()-cpu, n)
}

// reportCPU reports CPU MB/s: bytes of text per second of the process's
// CPU time, GC included. The machines these benchmarks run on are shared:
// on a loaded one wall time says little, and CPU MB/s is the figure to
// compare.
func reportCPU(b *testing.B, cpu time.Duration, bytesPerOp int) {
	if cpu > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}
