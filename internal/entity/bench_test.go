package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sharedPath returns a path under ../shared, or skips when it is absent.
func sharedPath(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join("..", "..", "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present (../shared is absent): skipping", p)
	}
	return p
}

// t17Texts returns the texts of the first n articles of a T17 topic.
func t17Texts(tb testing.TB, topic string, n int) []string {
	f, err := os.Open(filepath.Join(sharedPath(tb, "data/tls/t17"), topic, "articles.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(out) < n {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a.Text)
	}
	return out
}

// conllTexts returns the documents of dev.conll as bench ner writes them.
func conllTexts(tb testing.TB) []string {
	b, err := os.ReadFile(sharedPath(tb, "data/conll2003/dev.conll"))
	if err != nil {
		tb.Fatal(err)
	}
	var docs []string
	var doc, sent []string
	flush := func() {
		if len(sent) > 0 {
			doc = append(doc, strings.Join(sent, " "))
			sent = nil
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			if len(doc) > 0 {
				docs = append(docs, strings.Join(doc, "\n")+"\n")
			}
			doc = nil
		default:
			sent = append(sent, f[0])
		}
	}
	flush()
	return append(docs, strings.Join(doc, "\n")+"\n")
}

// benchmarkTexts recognizes the texts b.N times. Besides the wall-clock
// MB/s it reports cpu-MB/s, the throughput per second of CPU time of the
// benchmark's thread, which a loaded machine disturbs less.
func benchmarkTexts(b *testing.B, texts []string) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r := New()
	size := 0
	for _, t := range texts {
		size += len(t)
		r.Recognize(t) // warm the word cache, as a long run would
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	c0 := threadCPU()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			r.Recognize(t)
		}
	}
	if cpu := threadCPU() - c0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rusageThread is RUSAGE_THREAD of Linux.
const rusageThread = 1

// BenchmarkRecognizeT17 measures the recognizer on PTB-tokenized news.
func BenchmarkRecognizeT17(b *testing.B) { benchmarkTexts(b, t17Texts(b, "syria", 300)) }

// polnearTexts returns the PolNeAR dev articles (prose).
func polnearTexts(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(sharedPath(tb, "data/polnear/dev/text"), "*.txt"))
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// BenchmarkRecognizePolNeAR measures it on prose (PolNeAR dev articles).
func BenchmarkRecognizePolNeAR(b *testing.B) { benchmarkTexts(b, polnearTexts(b)) }

// BenchmarkRecognizeCoNLL measures it on the CoNLL-2003 dev documents.
func BenchmarkRecognizeCoNLL(b *testing.B) { benchmarkTexts(b, conllTexts(b)) }
