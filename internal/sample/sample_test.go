package sample

import (
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/article"
)

func TestSampleReads(t *testing.T) {
	paths, err := WriteTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 12 {
		t.Fatalf("%d sample files, want 12", len(paths))
	}
	var prev time.Time
	n := 0
	for a, err := range article.Read(paths...) {
		if err != nil {
			t.Fatal(err)
		}
		if a.Title == "" || a.Source == "" || a.Published.Before(prev) {
			t.Errorf("%s: title %q source %q published %v after %v", a.Origin, a.Title, a.Source, a.Published, prev)
		}
		prev = a.Published
		n++
	}
	if n != 12 {
		t.Errorf("read %d articles, want 12", n)
	}
}
