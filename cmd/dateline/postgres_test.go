package main

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dateline-news/dateline/internal/store/storetest"
)

// The PostgreSQL half of the command-line tests runs when
// DATELINE_TEST_POSTGRES names a server (.ci/postgres sets one up); each
// test or script gets a schema of its own, dropped afterwards.

// pgStore returns the URL of a new PostgreSQL store for the test, or skips.
func pgStore(t *testing.T) string { return storetest.Postgres(t) }

// scriptPostgres gives a script $PGSTORE, a store URL of its own, when the
// server is there.
func scriptPostgres(env *testscript.Env) error {
	base := os.Getenv(storetest.EnvPostgres)
	if base == "" {
		return nil
	}
	url, drop, err := storetest.NewSchema(base)
	if err != nil {
		return fmt.Errorf("%s: %w", storetest.EnvPostgres, err)
	}
	env.Setenv("PGSTORE", url)
	env.Defer(func() { drop() })
	return nil
}

// cmdSameCounts is the script command "samecounts A.json B.json": the two
// files of stats --format json count the same articles, sentences and time
// expressions.
func cmdSameCounts(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samecounts A.json B.json")
	}
	var counts [2]map[string]any
	for i, a := range args {
		if err := json.Unmarshal([]byte(ts.ReadFile(a)), &counts[i]); err != nil {
			ts.Fatalf("%s: %v", a, err)
		}
	}
	for _, k := range []string{"articles", "sentences", "timexes", "resolved_timexes", "first", "last", "stories", "story_articles"} {
		if counts[0][k] != counts[1][k] && !neg {
			ts.Fatalf("%s: %v in %s, %v in %s", k, counts[0][k], args[0], counts[1][k], args[1])
		}
	}
}

func TestSameTimelineFromFilesAndPostgres(t *testing.T) {
	db := pgStore(t)
	dir := t.TempDir()
	arts := writeSelectionArticles(t, dir)
	mustRunIn(t, "--db", db, "ingest", arts)
	sameTimelines(t, arts, db, selections)
}

func TestSameTimelineFromFilesAndPostgresOnT17Syria(t *testing.T) {
	topic := shared(t, "data/tls/t17/syria")
	db := pgStore(t)
	mustRunIn(t, "--db", db, "ingest", topic)
	sameTimelines(t, topic, db, t17SyriaSelections)
}
