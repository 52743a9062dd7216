package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
)

// putOne stores one document in a new store at path.
func putOne(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Put(context.Background(), []annotate.Doc{doc("a", "2031-03-02", "The pier closed on Monday.")}); err != nil {
		t.Fatal(err)
	}
}

// TestOpenExistingIsReadOnly: reading commands cannot write the store.
func TestOpenExistingIsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	putOne(t, path)
	s, err := OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.Exec(`DELETE FROM articles`); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("a write through OpenExisting: %v, want a read-only error", err)
	}
	if docs, err := s.Docs(context.Background(), Filter{}); err != nil || len(docs) != 1 {
		t.Errorf("Docs read-only: %d docs, %v", len(docs), err)
	}
	if hits, err := s.Search(context.Background(), Query{Text: "pier"}, Filter{}, 5); err != nil || len(hits) != 1 {
		t.Errorf("Search read-only: %v, %v", hits, err)
	}
}

// TestOpenExistingOnReadOnlyFiles: a store in a directory and file nobody
// may write can still be queried.
func TestOpenExistingOnReadOnlyFiles(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who may write read-only files: permissions cannot be tested (run as another user)")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "t.db")
	putOne(t, path)
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	s, err := OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 {
		t.Errorf("stats on a read-only store: %+v, %v", st, err)
	}
}

// TestPathsAreNames: characters that mean something in a URI are file names.
func TestPathsAreNames(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a#b.db", "%41.db", "x?y.db", "sp ace.db", "q&r=s.db"} {
		path := filepath.Join(dir, name)
		putOne(t, path)
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v (files: %v)", name, err, ls(dir))
			continue
		}
		s, err := OpenExisting(path)
		if err != nil {
			t.Errorf("%s: reopen: %v", name, err)
			continue
		}
		if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 {
			t.Errorf("%s: %+v %v", name, st, err)
		}
		s.Close()
	}
	if names := ls(dir); len(names) != 5 {
		t.Errorf("files written: %q, want the 5 stores only", names)
	}
	// An explicit file: URI is a URI.
	uri := "file:" + filepath.Join(dir, "u%41.db")
	putOne(t, uri)
	if _, err := os.Stat(filepath.Join(dir, "uA.db")); err != nil {
		t.Errorf("file: URI not decoded: %v (files: %v)", err, ls(dir))
	}
}

func ls(dir string) []string {
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		if !strings.HasSuffix(e.Name(), "-wal") && !strings.HasSuffix(e.Name(), "-shm") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestConcurrentCreation: many openers creating the same new store at once
// all succeed (no SQLITE_BUSY, no second schema row).
func TestConcurrentCreation(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		const n = 16
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(path)
				if err != nil {
					errs[i] = err
					return
				}
				_, _, errs[i] = s.Put(context.Background(), []annotate.Doc{doc(fmt.Sprint("a", i), "2031-03-02", "The pier closed.")})
				s.Close()
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d opener %d: %v", round, i, err)
			}
		}
		s, err := OpenExisting(path)
		if err != nil {
			t.Fatal(err)
		}
		var rows, arts int
		s.db.QueryRow(`SELECT count(*) FROM meta WHERE key = 'schema'`).Scan(&rows)
		s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&arts)
		s.Close()
		if rows != 1 || arts != n {
			t.Errorf("round %d: %d meta rows, %d articles; want 1 and %d", round, rows, arts, n)
		}
	}
}
