package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/dedup"
	"github.com/dateline-news/dateline/internal/store/storetest"
)

// vocabulary is the words the invented stories are written with.
var vocabulary = strings.Fields(`harbour council ferry pier bridge mayor engineers repairs vote budget
	residents market school river storm flood road tunnel station museum library harvest grapes valley
	festival theatre hospital doctors nurses strike union wages talks minister court judge appeal verdict
	police arrest fire crews wind rain snow airport flights delays tourists hotel beach island lighthouse
	fishermen boats quota prices shops owners traffic buses trains tickets cyclists park trees garden`)

// block is the invented text of block k: thirty words drawn from the
// vocabulary, a sentence of ten at a time. Different blocks share no run of
// five words (almost surely), so articles made of blocks are as similar as
// the blocks they share.
func block(k int) string {
	r := rand.New(rand.NewPCG(uint64(k), 7))
	var sb strings.Builder
	for s := 0; s < 3; s++ {
		for w := 0; w < 10; w++ {
			if w > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(vocabulary[r.IntN(len(vocabulary))])
		}
		sb.WriteString(". ")
	}
	return sb.String()
}

// blocks is the text of the blocks from..to (inclusive), after head.
func blocks(head string, from, to int) string {
	var sb strings.Builder
	sb.WriteString(head)
	for k := from; k <= to; k++ {
		sb.WriteString(block(k))
	}
	return strings.TrimSpace(sb.String())
}

// storyFixture is a small archive of invented articles whose stories test
// the rule at its edges: a chain (a ~ b ~ c, where a and c are not one story
// themselves), a copy published too late to join, two agencies' reports
// of one text (never one story) and a copy of one of them, and a text too
// short to compare.
func storyFixture() []annotate.Doc {
	one := func(id, pub, text string) annotate.Doc { return doc(id, pub, text) }
	return []annotate.Doc{
		one("a", "2031-03-02", blocks("", 0, 3)),
		one("b", "2031-03-03", blocks("", 1, 4)),
		one("c", "2031-03-04", blocks("", 2, 5)),
		one("d", "2031-03-02", blocks("", 10, 13)),
		one("d-late", "2031-03-09", blocks("", 10, 13)),
		one("wire-ap", "2031-03-05", blocks("PORT ELVIN (AP) — ", 6, 9)),
		one("wire-reuters", "2031-03-05", blocks("PORT ELVIN (Reuters) - ", 6, 9)),
		one("wire-ap-copy", "2031-03-06", blocks("PORT ELVIN (AP) — ", 6, 8)),
		one("short", "2031-03-02", "Pier closed."),
		one("short-copy", "2031-03-02", "Pier closed."),
	}
}

// indexStories is dedup.Index's clustering of docs: groups of ids.
func indexStories(docs []annotate.Doc) string {
	ix := dedup.NewIndex(dedup.Options{})
	labels := make([]int64, len(docs))
	for i := range docs {
		ix.Add(docs[i].Article.Published, dedup.Sign(docs[i].Article.Text))
	}
	ids := make([]string, len(docs))
	for i := range docs {
		labels[i], ids[i] = int64(ix.Cluster(i)), docs[i].Article.ID
	}
	return groups(ids, labels)
}

// storedStories is the store's clustering of what it holds: groups of ids.
func storedStories(t *testing.T, s *Store) string {
	t.Helper()
	docs, err := s.Docs(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids, labels := make([]string, len(docs)), make([]int64, len(docs))
	for i, d := range docs {
		if d.Story == 0 {
			t.Errorf("%s has no story", d.Article.ID)
		}
		ids[i], labels[i] = d.Article.ID, d.Story
	}
	return groups(ids, labels)
}

// groups writes the groups of two or more of a partition of ids as
// "a b | c d e": ids sorted within a group, groups sorted. (The articles
// left out are alone in their stories.)
func groups(ids []string, labels []int64) string {
	by := map[int64][]string{}
	for i, id := range ids {
		by[labels[i]] = append(by[labels[i]], id)
	}
	var out []string
	for _, g := range by {
		if len(g) < 2 {
			continue
		}
		sort.Strings(g)
		out = append(out, strings.Join(g, " "))
	}
	sort.Strings(out)
	return strings.Join(out, " | ")
}

// TestStoryFixture checks that the fixture has the shapes it is for, by
// dedup's own rule: otherwise the tests below would prove little.
func TestStoryFixture(t *testing.T) {
	docs := storyFixture()
	sig := func(i int) (dedup.Signature, int32) {
		return dedup.Sign(docs[i].Article.Text), dedup.Day(docs[i].Article.Published)
	}
	same := func(i, j int) bool {
		a, da := sig(i)
		b, db := sig(j)
		return dedup.Options{}.SameStory(a, da, b, db)
	}
	if !same(0, 1) || !same(1, 2) || same(0, 2) {
		t.Errorf("not a chain: a~b %v, b~c %v, a~c %v", same(0, 1), same(1, 2), same(0, 2))
	}
	want := "a b c | wire-ap wire-ap-copy"
	if got := indexStories(docs); got != want {
		t.Errorf("dedup.Index clusters the fixture as %q, want %q", got, want)
	}
}

// TestStoriesAsIndex: whatever the batches and their order, the stored
// stories are dedup.Index's clusters of the same articles; replacing the
// link of a chain splits it, and putting it back joins it again; stats
// count the stories of two or more; siblings list the others of a story.
func TestStoriesAsIndex(t *testing.T) {
	all := storyFixture()
	n := len(all)
	seq := func(from, to int) []int {
		var out []int
		for i := from; i < to; i++ {
			out = append(out, i)
		}
		return out
	}
	rev := slices.Clone(seq(0, n))
	slices.Reverse(rev)
	tests := []struct {
		name    string
		batches [][]int
	}{
		{"one batch", [][]int{seq(0, n)}},
		{"one at a time", func() (b [][]int) {
			for i := range n {
				b = append(b, []int{i})
			}
			return b
		}()},
		{"one at a time, reversed", func() (b [][]int) {
			for _, i := range rev {
				b = append(b, []int{i})
			}
			return b
		}()},
		{"the link last", [][]int{{0, 2, 3}, {4, 5, 6, 7, 8, 9}, {1}}},
		{"pairs, shuffled", [][]int{{7, 2}, {9, 0}, {4, 1}, {3, 8}, {6, 5}}},
	}
	want := indexStories(all)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, loc string) {
				s := openAt(t, loc)
				ctx := context.Background()
				for _, b := range tt.batches {
					var docs []annotate.Doc
					for _, i := range b {
						docs = append(docs, all[i])
					}
					if _, _, err := s.Put(ctx, docs); err != nil {
						t.Fatal(err)
					}
				}
				if got := storedStories(t, s); got != want {
					t.Errorf("stored stories\n got %q\nwant %q", got, want)
				}
				checkStats(t, s, 2, 5)
			})
		})
	}
}

// checkStats checks the stories Stats counts.
func checkStats(t *testing.T, s *Store, stories, articles int) {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil || st.Stories != stories || st.InStories != articles {
		t.Errorf("stats: %d stories of %d articles (%v), want %d of %d", st.Stories, st.InStories, err, stories, articles)
	}
}

func TestReplacedArticleIsClusteredAgain(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		docs := storyFixture()
		if _, _, err := s.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name    string
			b       string // the text of b
			stories int    // of two or more articles
			in      int
		}{
			{"the link rewritten: a and c apart", blocks("", 20, 23), 1, 2},
			{"the link back: one story again", blocks("", 1, 4), 2, 5},
			{"the link a copy of d", blocks("", 10, 13), 2, 4},
		}
		for _, st := range steps {
			docs[1] = doc("b", "2031-03-03", st.b)
			if _, updated, err := s.Put(ctx, docs[1:2]); err != nil || updated != 1 {
				t.Fatalf("%s: updated %d, %v", st.name, updated, err)
			}
			if got, want := storedStories(t, s), indexStories(docs); got != want {
				t.Errorf("%s: stored stories\n got %q\nwant %q", st.name, got, want)
			}
			checkStats(t, s, st.stories, st.in)
		}
	})
}

func TestSiblings(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		s := openAt(t, loc)
		ctx := context.Background()
		if _, _, err := s.Put(ctx, storyFixture()); err != nil {
			t.Fatal(err)
		}
		tests := []struct{ id, want string }{
			{"a", "b 2031-03-03, c 2031-03-04"},
			{"c", "a 2031-03-02, b 2031-03-03"},
			{"wire-ap-copy", "wire-ap 2031-03-05"},
			{"wire-reuters", ""},
			{"short", ""},
			{"no such article", ""},
		}
		for _, tt := range tests {
			sibs, err := s.Siblings(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, sb := range sibs {
				if sb.Title != "T "+sb.ID || sb.Source != "Gazette" {
					t.Errorf("sibling %+v: title or source lost", sb)
				}
				got = append(got, sb.ID+" "+sb.Published.Format("2006-01-02"))
			}
			if strings.Join(got, ", ") != tt.want {
				t.Errorf("siblings of %s: %q, want %q", tt.id, strings.Join(got, ", "), tt.want)
			}
		}
	})
}

// TestConcurrentWritersShareStories: two writers (two handles, as two
// processes would have) storing copies of one story at the same moment
// still store one story, round after round.
func TestConcurrentWritersShareStories(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		w1, w2 := openAt(t, loc), openAt(t, loc)
		ctx := context.Background()
		const rounds = 8
		var all []annotate.Doc
		for r := range rounds {
			// Each writer's batch: its copy of the round's story, and
			// filler that makes the transactions last.
			// The writers' articles have other days and sources, so that
			// their counts' rows do not make them take turns (the
			// vocabulary has every word after the first round).
			var b1, b2 []annotate.Doc
			story := blocks("", 100+10*r, 103+10*r)
			one := func(id, pub, src, text string) annotate.Doc {
				d := doc(id, pub, text)
				d.Article.Source = src
				return d
			}
			b1 = append(b1, one(fmt.Sprintf("r%d-first", r), "2031-03-02", "Gazette", story))
			b2 = append(b2, one(fmt.Sprintf("r%d-second", r), "2031-03-03", "Courier", story))
			for k := range 20 {
				b1 = append(b1, one(fmt.Sprintf("r%d-fill1-%d", r, k), "2031-03-02", "Gazette", blocks("", 1000+100*r+k, 1000+100*r+k)))
				b2 = append(b2, one(fmt.Sprintf("r%d-fill2-%d", r, k), "2031-03-03", "Courier", blocks("", 5000+100*r+k, 5000+100*r+k)))
			}
			all = append(append(all, b1...), b2...)
			lineUp(w1, w2)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i, job := range []struct {
				s *Store
				b []annotate.Doc
			}{{w1, b1}, {w2, b2}} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, _, errs[i] = job.s.Put(ctx, job.b)
				}()
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := storedStories(t, w1), indexStories(all); got != want {
			t.Errorf("stored stories\n got %q\nwant %q", got, want)
		}
		checkStats(t, w1, rounds, 2*rounds)
	})
}

// lineUp makes the next writes of two PostgreSQL handles wait for each
// other (a second at most) just before they take the stories lock: both
// have written their articles and neither has committed, the moment two
// copies stored at once would be missed by both without the lock. SQLite
// writers take turns from the start of their transactions: nothing to line
// up.
func lineUp(a, b *Store) {
	pa, ok1 := a.b.(*pgStore)
	pb, ok2 := b.b.(*pgStore)
	if !ok1 || !ok2 {
		return
	}
	var mu sync.Mutex
	arrived := 0
	all := make(chan struct{})
	hook := func() {
		mu.Lock()
		arrived++
		if arrived == 2 {
			close(all)
		}
		mu.Unlock()
		select {
		case <-all:
		case <-time.After(time.Second):
		}
	}
	pa.beforeStories, pb.beforeStories = hook, hook
}

// TestMigratesV3: a store of schema 3 (no stories) is migrated on open: its
// articles are signed and clustered as ingest would have.
func TestMigratesV3(t *testing.T) {
	path := t.TempDir() + "/v3.db"
	s := openAt(t, path)
	ctx := context.Background()
	if _, _, err := s.Put(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append([]string{`DROP TABLE dedup`, `DROP TABLE dedup_bands`, `DROP TABLE stories`, `PRAGMA user_version = 3`}, asV5Index...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	ro, err := OpenExisting(path)
	if err != nil {
		t.Fatalf("read-only open of schema 3: %v", err)
	}
	defer ro.Close()
	if got, want := storedStories(t, ro), indexStories(storyFixture()); got != want {
		t.Errorf("migrated stories\n got %q\nwant %q", got, want)
	}
	checkStats(t, ro, 2, 5)
}

// v4Bands rewrites the dedup_bands table of a store as version 4 had it
// (band key and article, no day), with exec running each statement.
func v4Bands(t *testing.T, exec func(string) error) {
	t.Helper()
	for _, q := range []string{
		`CREATE TABLE v4 (key bigint NOT NULL, seq bigint NOT NULL, PRIMARY KEY (key, seq))`,
		`INSERT INTO v4 (key, seq) SELECT key, seq FROM dedup_bands`,
		`DROP TABLE dedup_bands`,
		`ALTER TABLE v4 RENAME TO dedup_bands`,
	} {
		if err := exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
}

// checkBandDays: every band row carries its article's day, and there are as
// many as before the migration.
func checkBandDays(t *testing.T, q rowQuerier, want int) {
	t.Helper()
	var n, wrong int
	err := q.query(context.Background(), `SELECT count(*), coalesce(sum(CASE WHEN b.day = d.day THEN 0 ELSE 1 END), 0)
		FROM dedup_bands b JOIN dedup d ON d.seq = b.seq`, nil, func(scan func(...any) error) error { return scan(&n, &wrong) })
	if err != nil {
		t.Fatal(err)
	}
	if n != want || wrong != 0 || want == 0 {
		t.Errorf("after migration: %d band rows (%d with another day than their article's), want %d (>0) with none", n, wrong, want)
	}
}

// TestMigratesV4: a store of schema 4 (band keys without days) is migrated
// on open: the same bands, with their days, the same stories, and a copy
// ingested afterwards joins its story.
func TestMigratesV4(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			loc := t.TempDir() + "/v4.db"
			if backend == "postgres" {
				loc = storetest.Postgres(t)
			}
			ctx := context.Background()
			s := openAt(t, loc)
			if _, _, err := s.Put(ctx, storyFixture()); err != nil {
				t.Fatal(err)
			}
			var bands int
			if err := s.b.querier().query(ctx, `SELECT count(*) FROM dedup_bands`, nil,
				func(scan func(...any) error) error { return scan(&bands) }); err != nil {
				t.Fatal(err)
			}
			switch b := s.b.(type) {
			case *sqliteStore:
				s.Close()
				db, err := sql.Open("sqlite", loc)
				if err != nil {
					t.Fatal(err)
				}
				v4Bands(t, func(q string) error { _, err := db.Exec(q); return err })
				for _, q := range append([]string{`PRAGMA user_version = 4`}, asV5Index...) {
					if _, err := db.Exec(q); err != nil {
						t.Fatal(q, err)
					}
				}
				db.Close()
			case *pgStore:
				v4Bands(t, func(q string) error { _, err := b.pool.Exec(ctx, q); return err })
				if _, err := b.pool.Exec(ctx, `DELETE FROM dateline_schema WHERE version = 5`); err != nil {
					t.Fatal(err)
				}
				s.Close()
			}
			w := openAt(t, loc)
			checkBandDays(t, w.b.querier(), bands)
			if got, want := storedStories(t, w), indexStories(storyFixture()); got != want {
				t.Errorf("migrated stories\n got %q\nwant %q", got, want)
			}
			checkStats(t, w, 2, 5)
			word := strings.Fields(storyFixture()[0].Sentences[0].Text)[0]
			if hits, err := w.Search(ctx, Query{Text: word}, Filter{}, 100); err != nil || len(hits) == 0 {
				t.Errorf("search of the migrated store for %q: %d hits, %v", word, len(hits), err)
			}
			// A copy of the first article, a day later, joins its story.
			first := storyFixture()[0]
			c := first
			c.Article.ID, c.Article.Published = first.Article.ID+"-copy", first.Article.Published.Add(24*time.Hour)
			if _, _, err := w.Put(ctx, []annotate.Doc{c}); err != nil {
				t.Fatal(err)
			}
			sib, err := w.Siblings(ctx, c.Article.ID)
			if err != nil || !slices.ContainsFunc(sib, func(x Sibling) bool { return x.ID == first.Article.ID }) {
				t.Errorf("the copy's siblings after the migration: %v, %v; want %s among them", sib, err, first.Article.ID)
			}
		})
	}
}

// TestPostgresMigratesV3: a PostgreSQL store of schema 3 is refused by a
// read-only open (which says to open it for writing) and migrated by the
// first open that may write: its articles signed and clustered.
func TestPostgresMigratesV3(t *testing.T) {
	loc := storetest.Postgres(t)
	ctx := context.Background()
	s := openAt(t, loc)
	if _, _, err := s.Put(ctx, storyFixture()); err != nil {
		t.Fatal(err)
	}
	pool := s.b.(*pgStore).pool
	for _, q := range []string{`DROP TABLE dedup`, `DROP TABLE dedup_bands`, `DROP TABLE stories`, `DELETE FROM dateline_schema WHERE version >= 4`} {
		if _, err := pool.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	s.Close()
	if ro, err := OpenExisting(loc); err == nil || !errors.Is(err, errOldSchema) {
		if ro != nil {
			ro.Close()
		}
		t.Fatalf("read-only open of schema 3: %v, want the older-schema error", err)
	}
	w := openAt(t, loc)
	if got, want := storedStories(t, w), indexStories(storyFixture()); got != want {
		t.Errorf("migrated stories\n got %q\nwant %q", got, want)
	}
	checkStats(t, w, 2, 5)
}

// TestMergeProbes: the probes of one key whose days overlap or touch become
// one; other keys and disjoint days stay apart, in key then day order.
func TestMergeProbes(t *testing.T) {
	for _, tt := range []struct {
		name     string
		in, want []bandProbe
	}{
		{"empty", nil, nil},
		{"one", []bandProbe{{7, 10, 14}}, []bandProbe{{7, 10, 14}}},
		{"overlap", []bandProbe{{7, 12, 16}, {7, 10, 14}}, []bandProbe{{7, 10, 16}}},
		{"touching", []bandProbe{{7, 10, 14}, {7, 15, 19}}, []bandProbe{{7, 10, 19}}},
		{"inside", []bandProbe{{7, 10, 20}, {7, 12, 14}}, []bandProbe{{7, 10, 20}}},
		{"gap", []bandProbe{{7, 20, 24}, {7, 10, 14}}, []bandProbe{{7, 10, 14}, {7, 20, 24}}},
		{"two keys", []bandProbe{{9, 10, 14}, {-3, 12, 16}, {9, 11, 15}}, []bandProbe{{-3, 12, 16}, {9, 10, 15}}},
	} {
		if got := mergeProbes(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: mergeProbes(%v) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestProbeAround: an article's probe spans exactly the days SameStory
// can join it to.
func TestProbeAround(t *testing.T) {
	const day = 20000
	p := probeAround(42, day)
	var a dedup.Signature = dedup.Sign(blocks("", 0, 3))
	for d := int32(day - 5); d <= day+5; d++ {
		in := d >= p.lo && d <= p.hi
		if same := (dedup.Options{}).SameStory(a, day, a, d); same != in {
			t.Errorf("day %+d: SameStory %v, in the probe %v (probe %d..%d)", d-day, same, in, p.lo, p.hi)
		}
	}
}
