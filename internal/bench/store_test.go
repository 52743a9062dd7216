package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/store/storetest"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// TestStorePathKeepsTimelines: the protocol's timelines built from a store
// — each topic's annotated articles put in a store of its own and read back
// — are byte for byte those built from the articles in memory, on T17 and
// entities-dev, in SQLite and in PostgreSQL: the published-protocol scores
// are the same whichever path a timeline takes.
func TestStorePathKeepsTimelines(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates T17 and entities-dev; skipped with -short")
	}
	for _, ds := range []struct {
		name   string
		margin int
	}{{"t17", 0}, {"entities-dev", 7}} {
		dir := filepath.Join("..", "..", "..", "shared", "data", "tls", ds.name)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not found (../shared is absent)", dir)
		}
		topics, _, err := LoadTopics(dir, annotate.New(timex.New()), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, backend := range []struct {
			name string
			loc  func(testing.TB) string
		}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
			t.Run(ds.name+"/"+backend.name, func(t *testing.T) {
				for _, tp := range topics {
					sameTimelines(t, tp, backend.loc(t), ds.margin)
				}
			})
		}
	}
}

// sameTimelines stores the topic's documents at loc and compares the
// timelines of its tasks from the store's documents with those from its own.
func sameTimelines(t *testing.T, tp *Topic, loc string, margin int) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < len(tp.Docs); i += store.DefaultBatch {
		if _, _, err := s.Put(ctx, tp.Docs[i:min(i+store.DefaultBatch, len(tp.Docs))]); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := s.Docs(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.Article.ID
	}
	if len(docs) != len(tp.Docs) || timeline.Fingerprint(ids) != tp.Print {
		t.Fatalf("%s: %d documents back of %d, fingerprint %s of %s", tp.Name, len(docs), len(tp.Docs), timeline.Fingerprint(ids), tp.Print)
	}
	fromStore := timeline.NewCorpus(docs)
	rec, _ := timeline.Recipe{}.ForCorpus(tp.Print)
	for _, g := range tp.Golds {
		tk := NewTask(tp, g, margin)
		tk.Options.Recipe = rec
		var want, got bytes.Buffer
		render.WriteTilse(&want, tp.Corpus.Build(tk.Options))
		render.WriteTilse(&got, fromStore.Build(tk.Options))
		if want.Len() == 0 || !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("%s/%s: the timeline from the store differs (%d bytes, from memory %d)", tp.Name, g.Name, got.Len(), want.Len())
		}
	}
}
