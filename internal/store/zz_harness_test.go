package store

import (
	"context"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestZZHarness(t *testing.T) {
	db := os.Getenv("HARNESS_DB")
	if db == "" {
		t.Skip()
	}
	s, err := OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	if w := os.Getenv("HARNESS_WINDOW"); w != "" {
		s.window, _ = strconv.Atoi(w)
	}
	b, _ := os.ReadFile(os.Getenv("HARNESS_Q"))
	type r struct {
		d time.Duration
		q string
		n int
	}
	var rs []r
	var tot time.Duration
	var ru0 syscall.Rusage
	syscall.Getrusage(0, &ru0)
	defer func() {
		var ru1 syscall.Rusage
		syscall.Getrusage(0, &ru1)
		t.Log("cpu", time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()))
	}()
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		v, _ := url.ParseQuery(l)
		q := v.Get("q")
		t0 := time.Now()
		hits, err := s.Search(context.Background(), Query{Text: q}, Filter{}, 21)
		d := time.Since(t0)
		if err != nil {
			t.Log(q, err)
		}
		tot += d
		rs = append(rs, r{d, q, len(hits)})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	var idx []r
	for _, x := range rs {
		if stopPhrase(Query{Text: x.q}) == "" {
			idx = append(idx, x)
		}
	}
	var it time.Duration
	for _, x := range idx {
		it += x.d
	}
	t.Log("index searches", len(idx), "total", it, "p99", idx[len(idx)/100].d, "p90", idx[len(idx)/10].d, "p50", idx[len(idx)/2].d)
	for _, x := range rs[:15] {
		t.Log(x.d, x.q, x.n)
	}
	t.Log("total", tot, "mean", tot/time.Duration(len(rs)), "p99", rs[len(rs)/100].d, "p90", rs[len(rs)/10].d, "p50", rs[len(rs)/2].d)
}

func BenchmarkZZSearch(b *testing.B) {
	db := os.Getenv("HARNESS_DB")
	if db == "" {
		b.Skip()
	}
	s, err := OpenExisting(db)
	if err != nil {
		b.Fatal(err)
	}
	if w := os.Getenv("HARNESS_WINDOW"); w != "" {
		s.window, _ = strconv.Atoi(w)
	}
	raw, _ := os.ReadFile(os.Getenv("HARNESS_Q"))
	var qs []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		v, _ := url.ParseQuery(l)
		qs = append(qs, v.Get("q"))
	}
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(0, &ru0)
	for b.Loop() {
		for _, q := range qs {
			s.Search(context.Background(), Query{Text: q}, Filter{}, 21)
		}
	}
	syscall.Getrusage(0, &ru1)
	cpu := time.Duration(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N)/float64(len(qs)), "cpu-ms/search")
}

func BenchmarkZZIsASCII(b *testing.B) {
	s := strings.Repeat("The minister said on Tuesday that talks would go on. ", 100)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if !isASCII(s) {
			b.Fatal()
		}
	}
}
