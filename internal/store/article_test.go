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
	if _, _, err := s.Put(ctx, []annotate.Doc{want}); err != nil {
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
	if _, _, err := s.Put(ctx, []annotate.Doc{want}); err != nil {
		t.Fatal(err)
	}
	v2, _ := s.Version(ctx)
	if v2 != v1 {
		t.Errorf("version changed after a put that added nothing: %d → %d", v1, v2)
	}
	// The same id with other text replaces the article: the version moves
	// although the number of articles does not.
	changed := doc("a", "2031-03-02", "The pier reopened on Monday.")
	if _, updated, err := s.Put(ctx, []annotate.Doc{changed}); err != nil || updated != 1 {
		t.Fatalf("replace: updated %d, %v", updated, err)
	}
	if v3, _ := s.Version(ctx); v3 == v2 {
		t.Errorf("version unchanged after an article was replaced: %d", v3)
	}
}
