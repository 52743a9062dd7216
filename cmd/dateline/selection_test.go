package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The same selection gives the same timeline from files and from the store.

// selections are the timeline flags compared between the two paths.
var selections = [][]string{
	{},
	{"--keywords", "österreich"},
	{"--keywords", "ÖSTERREICH"},
	{"--keywords", "pier,Wahl"},
	{"--query", "vote officials"},
	{"--from", "2031-03-04", "--to", "2031-03-10"},
	{"--from", "2031-03-04", "--keywords", "ferry"},
	{"--keywords", "österreich", "--all-articles"},
	{"--keywords", "ier"},
}

// selectionArticles are written so that file names sort in another order
// than publication days.
var selectionArticles = map[string]string{
	"z-vote.txt": "date 2031-03-03\ntitle Vote in Österreich\nThe vote in Österreich was held on Monday, officials said on Tuesday.\n" +
		"Turnout was high.\n",
	"a-wahl.txt": "date 2031-03-05\nDie Wahl in ÖSTERREICH fand am Montag statt.\nThe pier reopened on Wednesday.\n" +
		"Officials said the vote on Monday was fair.\n",
	"m-ferry.txt": "date 2031-03-08\ntitle Ferry back\nThe ferry returned to the pier on Friday.\n" +
		"The vote of March 3, 2031 was counted again on Thursday.\n",
}

// writeSelectionArticles writes selectionArticles into a directory under
// dir and returns it.
func writeSelectionArticles(t *testing.T, dir string) string {
	t.Helper()
	arts := filepath.Join(dir, "articles")
	if err := os.Mkdir(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range selectionArticles {
		if err := os.WriteFile(filepath.Join(arts, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return arts
}

func TestSameTimelineFromFilesAndStore(t *testing.T) {
	dir := t.TempDir()
	arts := writeSelectionArticles(t, dir)
	db := filepath.Join(dir, "t.db")
	mustRunIn(t, "--db", db, "ingest", arts)
	sameTimelines(t, arts, db, selections)

	// The reproduction of the review (§3.4): two dates from files, and now
	// the same two from the store.
	out := mustRunIn(t, "--db", db, "timeline", "--keywords", "österreich", "-f", "tilse")
	if n := strings.Count(out, "--------------------------------\n"); n != 2 {
		t.Errorf("--keywords österreich from the store: %d dates, want 2:\n%s", n, out)
	}
}

// sameTimelines requires equal JSON timelines from the articles at path and
// from the store db for each of the selections.
func sameTimelines(t *testing.T, path, db string, sels [][]string) {
	t.Helper()
	for _, sel := range sels {
		args := append([]string{"timeline", "-f", "json", "--dates", "4", "--per-date", "2"}, sel...)
		fromFiles := mustRunIn(t, append(args, path)...)
		fromStore := mustRunIn(t, append([]string{"--db", db}, args...)...)
		if fromFiles != fromStore {
			t.Errorf("%v: files and store differ:\nfiles:\n%s\nstore:\n%s", sel, fromFiles, fromStore)
		}
		if !strings.Contains(fromFiles, `"date"`) {
			t.Errorf("%v: empty timeline; the comparison tests nothing", sel)
		}
	}
}

func TestSameTimelineFromFilesAndStoreOnT17Syria(t *testing.T) {
	topic := shared(t, "data/tls/t17/syria")
	db := filepath.Join(t.TempDir(), "syria.db")
	mustRunIn(t, "--db", db, "ingest", topic)
	sameTimelines(t, topic, db, t17SyriaSelections)
}

// t17SyriaSelections are the selections compared on T17's Syria topic.
var t17SyriaSelections = [][]string{
	{"--keywords", "syria,syrian"},
	{"--keywords", "SYRIA", "--from", "2011-06-01", "--to", "2011-09-30"},
	{"--query", "assad army"},
	{"--keywords", "syria,syrian", "--all-articles"},
	{"--keywords", "flu"},
}
