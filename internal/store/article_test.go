package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

func TestArticleRoundTrip(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	want := doc("a", "2031-03-02", "The pier closed on Monday.", "Repairs will take weeks.", "Divers found cracks.")
	v0, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []annotate.Doc{want}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Article(a) =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: err = %v, want ErrNotFound", err)
	}
	v1, err := s.Version(ctx)
	if err != nil || v1 == v0 {
		t.Errorf("version after put = %d (before %d), %v", v1, v0, err)
	}
	if _, err := s.Put(ctx, []annotate.Doc{want}); err != nil {
		t.Fatal(err)
	}
	if v2, _ := s.Version(ctx); v2 != v1 {
		t.Errorf("version changed after a put that added nothing: %d → %d", v1, v2)
	}
}

func TestBadQuery(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	if _, err := s.Put(ctx, []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.")}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`"unbalanced`, `pier NOT`, `AND pier`} {
		if _, err := s.Search(ctx, q, Filter{}, 5); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q): err = %v, want ErrBadQuery", q, err)
		}
	}
	if hits, err := s.Search(ctx, "pier", Filter{}, 5); err != nil || len(hits) != 1 {
		t.Errorf("Search(pier) = %v, %v", hits, err)
	}
}
