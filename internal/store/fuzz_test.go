package store

import (
	"context"
	"errors"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

// FuzzPlainQuery checks that a plain query is never a full-text error,
// whatever is typed: it finds sentences or nothing, or is empty.
func FuzzPlainQuery(f *testing.F) {
	for _, q := range []string{`"oil`, `NEAR(`, `text:oil`, `a OR b*`, `^x -y +z`, `""`, "Österreich*", `צה"ל`, "*", `"*"`} {
		f.Add(q)
	}
	s := openFuzz(f)
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Search(context.Background(), Query{Text: q}, Filter{}, 5)
		if err != nil && !errors.Is(err, ErrEmptyQuery) {
			t.Fatalf("plain query %q: %v", q, err)
		}
	})
}

func openFuzz(f *testing.F) *Store {
	s, err := Open(f.TempDir() + "/f.db")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	if _, _, err := s.Put(context.Background(), []annotate.Doc{doc("a", "2031-03-02", "The oil spill reached Österreich.")}); err != nil {
		f.Fatal(err)
	}
	return s
}
