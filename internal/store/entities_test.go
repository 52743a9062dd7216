package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// withNames gives doc d, built by doc, mentions of each name found in its
// sentences (canonical name: the map's value), a quote per sentence
// mentioning "said" with the sentence's first mention as speaker, an
// author and a date source, as the full annotator would.
func withNames(d annotate.Doc, names map[string]string) annotate.Doc {
	d.Entities = true
	d.Article.Author, d.Article.DateFrom = "Ivo Petrov", "warc-date"
	runes := []rune(d.Article.Text)
	for i := range d.Sentences {
		sn := &d.Sentences[i]
		for form, name := range names {
			f := []rune(form)
			for k := sn.Start; k+len(f) <= sn.End; k++ {
				if string(runes[k:k+len(f)]) == form {
					sn.Entities = append(sn.Entities, entity.Mention{Start: k, End: k + len(f), Text: form, Type: entity.Person, Name: name})
				}
			}
		}
		if strings.Contains(sn.Text, "said") && len(sn.Entities) > 0 {
			m := sn.Entities[0]
			c := quote.Span{Start: sn.Start, End: m.Start}
			d.Quotes = append(d.Quotes, quote.Quote{Source: quote.Span{Start: m.Start, End: m.End}, Content: c,
				Parts: []quote.Span{c}, Kind: quote.Direct, Speaker: m.Name})
		}
	}
	return d
}

// TestEntitiesAndQuotesStored: mentions, quotes, author and date source
// come back as they were put, on both backends; the entity counts follow
// additions and replacements.
func TestEntitiesAndQuotesStored(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		names := map[string]string{"Holm": "Karin Holm", "Karin Holm": "Karin Holm", "Brandt": "Tomas Brandt"}
		a := withNames(doc("a", "2031-03-02", "Karin Holm closed the pier on Monday.", "“It is unsafe,” Holm said.", "Brandt agreed."), names)
		b := withNames(doc("b", "2031-03-05", "“Repairs will take weeks,” Brandt said."), names)
		if _, _, err := s.Put(ctx, []annotate.Doc{a, b}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []annotate.Doc{a, b} {
			got, err := s.Article(ctx, want.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Entities || got.Article.Author != "Ivo Petrov" || got.Article.DateFrom != "warc-date" {
				t.Errorf("%s: Entities %v, author %q, date from %q", want.Article.ID, got.Entities, got.Article.Author, got.Article.DateFrom)
			}
			if !reflect.DeepEqual(got.Quotes, want.Quotes) {
				t.Errorf("%s: quotes\n got %+v\nwant %+v", want.Article.ID, got.Quotes, want.Quotes)
			}
			for i := range want.Sentences {
				if !reflect.DeepEqual(got.Sentences[i].Entities, want.Sentences[i].Entities) {
					t.Errorf("%s sentence %d: mentions\n got %+v\nwant %+v", want.Article.ID, i, got.Sentences[i].Entities, want.Sentences[i].Entities)
				}
			}
		}
		docs, err := s.Docs(ctx, Filter{})
		if err != nil || len(docs) != 2 || len(docs[0].Quotes) != 1 || len(docs[0].Sentences[0].Entities) != 2 {
			t.Fatalf("Docs: %v, %+v", err, docs)
		}
		count := func() map[string][2]int {
			es, err := s.Entities(ctx)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string][2]int{}
			for _, e := range es {
				out[e.Name+"/"+e.Type] = [2]int{e.Mentions, e.Articles}
			}
			return out
		}
		// "Karin Holm" in sentence 0 holds "Holm" too: three mentions of her.
		want := map[string][2]int{"Karin Holm/PER": {3, 1}, "Tomas Brandt/PER": {2, 2}}
		if got := count(); !reflect.DeepEqual(got, want) {
			t.Errorf("entities %v, want %v", got, want)
		}
		// b replaced by a version without Brandt: his counts are taken back.
		b2 := withNames(doc("b", "2031-03-05", "“Repairs will take weeks,” Holm said."), names)
		if _, updated, err := s.Put(ctx, []annotate.Doc{b2}); err != nil || updated != 1 {
			t.Fatalf("replace: %d updated, %v", updated, err)
		}
		want = map[string][2]int{"Karin Holm/PER": {4, 2}, "Tomas Brandt/PER": {1, 1}}
		if got := count(); !reflect.DeepEqual(got, want) {
			t.Errorf("after replacing b: entities %v, want %v", got, want)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Names != 2 || st.Mentions != 5 {
			t.Errorf("stats: %d names, %d mentions, %v; want 2, 5", st.Names, st.Mentions, err)
		}
	})
}

// TestMigratesV2: a store written by schema 2 (no entities) opens and is
// migrated; its
// articles read back without entities and say so (Doc.Entities false), and
// ingesting them again annotates and replaces them.
func TestMigratesV2(t *testing.T) {
	path := t.TempDir() + "/v2.db"
	s := openAt(t, path)
	ctx := context.Background()
	plain := doc("a", "2031-03-02", "Karin Holm closed the pier on Monday.")
	if _, _, err := s.Put(ctx, []annotate.Doc{plain}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Make it what schema 2 wrote: no names column, no entities table, the
	// article's column in codec version 1, its digest of then.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v1col := encodeV1(plain)
	for _, q := range append([]string{`DROP TABLE entities`, `ALTER TABLE articles DROP COLUMN names`,
		`DROP TABLE dedup`, `DROP TABLE dedup_bands`, `DROP TABLE stories`, `PRAGMA user_version = 2`}, asV5Index...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	if _, err := db.Exec(`UPDATE articles SET sentences = ?, digest = 'digest of schema 2'`, v1col); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The first open migrates it, read-only or not.
	ro, err := OpenExisting(path)
	if err != nil {
		t.Fatalf("read-only open of schema 2: %v", err)
	}
	ro.Close()
	s = openAt(t, path)
	got, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Entities || len(got.Sentences) != 1 || got.Sentences[0].Text != plain.Sentences[0].Text || len(got.Sentences[0].Timexes) != 1 ||
		got.Story == 0 {
		t.Errorf("migrated article: %+v", got)
	}
	if hits, err := s.Search(ctx, Query{Text: "pier"}, Filter{}, 5); err != nil || len(hits) != 1 {
		t.Errorf("search of the migrated store: %+v, %v; want the article's sentence", hits, err)
	}
	fresh, err := s.b.digests(ctx, []string{"a"})
	if err != nil || fresh["a"] == digest(plain.Article) {
		t.Errorf("the old article's digest matches what ingest computes now (%v): it would never be annotated again", err)
	}
	annotated := withNames(plain, map[string]string{"Karin Holm": "Karin Holm"})
	if _, updated, err := s.Put(ctx, []annotate.Doc{annotated}); err != nil || updated != 1 {
		t.Fatalf("re-ingest: %d updated, %v", updated, err)
	}
	if es, err := s.Entities(ctx); err != nil || len(es) != 1 || es[0].Name != "Karin Holm" {
		t.Errorf("entities after re-ingest: %+v %v", es, err)
	}
}

// encodeV1 writes d's sentences as codec version 1 did: version 2 without
// mentions and without the tail.
func encodeV1(d annotate.Doc) []byte {
	ri := newRuneIndex(d.Article.Text)
	b := []byte{codecV1}
	b = appendUvarint(b, len(d.Sentences))
	prevEnd := 0
	for i, sn := range d.Sentences {
		b = appendVarint(b, sn.Index-i)
		b = appendVarint(b, sn.Start-prevEnd)
		b = appendVarint(b, sn.End-sn.Start)
		prevEnd = sn.End
		b = appendText(b, ri, sn.Start, sn.End, sn.Text)
		b = appendUvarint(b, len(sn.Timexes))
		for _, x := range sn.Timexes {
			b = appendVarint(b, x.Start-sn.Start)
			b = appendVarint(b, x.End-x.Start)
			b = appendText(b, ri, x.Start, x.End, x.Text)
			for _, f := range []string{string(x.Type), x.Value, x.Mod, x.Quant, x.Freq} {
				b = appendString(b, f)
			}
		}
	}
	return b
}

func appendUvarint(b []byte, n int) []byte { return binary.AppendUvarint(b, uint64(n)) }
func appendVarint(b []byte, n int) []byte  { return binary.AppendVarint(b, int64(n)) }
