// Command killtest checks that dateline ingest survives kill -9: it ingests
// a dataset once without interruption, then again into a new store killed
// with SIGKILL at random moments (resumed each time, then let finish), and
// requires the killed store to pass SQLite's and FTS5's integrity checks and
// to hold exactly what the clean store holds.
//
//	go run ./scripts/killtest -data ../shared/data/tls/t17 -kills 8 -seed 1
//
// Kills come after a random delay up to -max (by default the time the clean
// ingest took, so that they fall while the store is being written); once an
// ingest finishes before its kill, killing stops. It prints one line per
// kill and a verdict; it exits 1 on any difference.
package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	data := flag.String("data", "../shared/data/tls/t17", "dataset to ingest")
	kills := flag.Int("kills", 8, "how many times to kill the ingest")
	seed := flag.Uint64("seed", uint64(time.Now().UnixNano()), "random seed of the kill times")
	maxDelay := flag.Duration("max", 0, "longest time before a kill (default: the clean ingest's time)")
	keep := flag.String("dir", "", "work directory (default: a temporary one, removed)")
	flag.Parse()
	if err := run(*data, *kills, *seed, *maxDelay, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "killtest:", err)
		os.Exit(1)
	}
}

func run(data string, kills int, seed uint64, maxDelay time.Duration, dir string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "killtest-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	bin := filepath.Join(dir, "dateline")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/dateline").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, out)
	}
	clean, killed := filepath.Join(dir, "clean.db"), filepath.Join(dir, "killed.db")
	start := time.Now()
	if out, err := exec.Command(bin, "--db", clean, "ingest", data).CombinedOutput(); err != nil {
		return fmt.Errorf("clean ingest: %v\n%s", err, out)
	}
	cleanTime := time.Since(start)
	fmt.Printf("clean ingest in %.1fs\n", cleanTime.Seconds())
	if maxDelay <= 0 {
		maxDelay = cleanTime
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	fmt.Printf("seed %d\n", seed)
	for k := 1; k <= kills; k++ {
		cmd := exec.Command(bin, "--db", killed, "ingest", data)
		if err := cmd.Start(); err != nil {
			return err
		}
		delay := time.Duration(rng.Int64N(int64(maxDelay))) + 100*time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			fmt.Printf("kill %d: ingest finished before %.2fs (%v); no more kills\n", k, delay.Seconds(), err)
			k = kills
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			n, _ := count(killed)
			fmt.Printf("kill %d: SIGKILL after %.2fs, %d articles stored\n", k, delay.Seconds(), n)
		}
	}
	out, err := exec.Command(bin, "--db", killed, "ingest", data).CombinedOutput()
	if err != nil {
		return fmt.Errorf("resumed ingest: %v\n%s", err, out)
	}
	fmt.Printf("resumed: %s", out)
	if err := integrity(killed); err != nil {
		return err
	}
	a, err := digest(clean)
	if err != nil {
		return err
	}
	b, err := digest(killed)
	if err != nil {
		return err
	}
	for _, t := range tables {
		status := "identical"
		if a[t.name] != b[t.name] {
			status = "DIFFERENT"
			err = fmt.Errorf("the killed store differs from the clean one")
		}
		fmt.Printf("%-10s %s (%s)\n", t.name, status, b[t.name][:16])
	}
	if err == nil {
		fmt.Println("ok: integrity checks pass, content identical to the clean run")
	}
	return err
}

func openRO(path string) (*sql.DB, error) { return sql.Open("sqlite", "file:"+path+"?mode=ro") }

func count(path string) (int, error) {
	db, err := openRO(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// integrity runs SQLite's integrity check, the foreign key check and FTS5's
// integrity check.
func integrity(path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		return fmt.Errorf("integrity_check: %q %v", res, err)
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	if rows.Next() {
		rows.Close()
		return fmt.Errorf("foreign_key_check: violations")
	}
	rows.Close()
	if _, err := db.Exec(`INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 0)`); err != nil {
		return fmt.Errorf("fts5 integrity-check: %w", err)
	}
	fmt.Println("integrity_check ok, foreign_key_check ok, fts5 integrity-check ok")
	return nil
}

// tables are the content compared, without what legitimately differs
// between two runs (ingest times, sentence row ids).
var tables = []struct{ name, query string }{
	{"articles", `SELECT id, published, day, title, url, source, origin, body, sentences, digest, nsent, ntimex, nresolved, refs
		FROM articles ORDER BY id`},
	{"counts", `SELECT 'day', day, articles, sentences, timexes, resolved, refs FROM days
		UNION ALL SELECT 'source', source, articles, 0, 0, 0, 0 FROM sources ORDER BY 1, 2`},
	{"words", `SELECT word, term FROM words ORDER BY word, term`},
	{"search", `SELECT a.id, f.rowid & 4194303 FROM sentences_fts f JOIN articles a ON a.seq = f.rowid >> 22
		WHERE sentences_fts MATCH '"said" OR "oil" OR "syria"' ORDER BY a.id, 2`},
}

// digest hashes every table's rows.
func digest(path string) (map[string]string, error) {
	db, err := openRO(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	out := map[string]string{}
	for _, t := range tables {
		rows, err := db.QueryContext(context.Background(), t.query)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.name, err)
		}
		cols, _ := rows.Columns()
		h := sha256.New()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			fmt.Fprintf(h, "%q\n", vals)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rows.Close()
		out[t.name] = hex.EncodeToString(h.Sum(nil))
	}
	return out, nil
}
