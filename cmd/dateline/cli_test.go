package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// These tests run dateline in process and look inside its JSON and tilse
// output, which the scripts of testdata/script cannot parse.

// mustRunIn runs dateline in process and fails the test unless it succeeds.
func mustRunIn(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runIn(t, "", args...)
	if code != 0 {
		t.Fatalf("dateline %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// shared returns the path of rel under ../shared, or skips the test.
func shared(t *testing.T, rel string) string {
	t.Helper()
	dir := sharedDir()
	if dir == "" {
		t.Skip("../shared is absent (the benchmark data beside the repository): skipping")
	}
	return filepath.Join(dir, rel)
}

// TestAnnotateOffsets checks that every time expression's rune offsets hold
// its text in the article body.
func TestAnnotateOffsets(t *testing.T) {
	dir := t.TempDir()
	art := "date 2017-04-11 The minister issued an ultimatum to the rebels on Tuesday: stop the shelling or face sanctions.\n" +
		"The government also announced Tuesday that it will host the envoys of both sides on Friday.\n" +
		"Officials said the meeting will be held Thursday.\n" +
		"Nobody wants a repeat of the events in 2003.\n" +
		"Last week's deadly attack on the market killed twelve people.\n"
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sentences []struct {
			Text    string
			Timexes []struct {
				Start, End  int
				Text, Value string
			}
		}
	}
	out := mustRunIn(t, "annotate", p)
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("annotate output is not one JSON object: %v\n%s", err, out)
	}
	want := [][]string{{"2017-04-11"}, {"2017-04-11", "2017-04-14"}, {"2017-04-13"}, {"2003"}, {"2017-W14"}}
	if len(doc.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d: %s", len(doc.Sentences), len(want), out)
	}
	body := []rune(strings.TrimPrefix(art, "date 2017-04-11 "))
	for i, s := range doc.Sentences {
		var got []string
		for _, x := range s.Timexes {
			got = append(got, x.Value)
			if x.End > len(body) || string(body[x.Start:x.End]) != x.Text {
				t.Errorf("sentence %d: offsets [%d,%d) do not hold %q", i, x.Start, x.End, x.Text)
			}
		}
		if strings.Join(got, " ") != strings.Join(want[i], " ") {
			t.Errorf("sentence %d %q: values %v, want %v", i, s.Text, got, want[i])
		}
	}
}

func TestTimelineFromPathsOnT17Syria(t *testing.T) {
	topic := shared(t, "data/tls/t17/syria")
	out := mustRunIn(t, "timeline", topic, "--keywords", "syria,syrian", "--dates", "13", "--per-date", "2", "--format", "tilse")
	blocks := strings.Split(out, "--------------------------------\n")
	if last := blocks[len(blocks)-1]; last != "" {
		t.Fatalf("output does not end with a separator line: %q", last)
	}
	blocks = blocks[:len(blocks)-1]
	if len(blocks) != 13 {
		t.Fatalf("%d dates, want 13", len(blocks))
	}
	prev := ""
	for _, b := range blocks {
		lines := strings.Split(strings.TrimSuffix(b, "\n"), "\n")
		if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(lines[0]) || lines[0] <= prev {
			t.Errorf("date line %q after %q", lines[0], prev)
		}
		prev = lines[0]
		if n := len(lines) - 1; n < 1 || n > 2 {
			t.Errorf("%s: %d sentences", lines[0], n)
		}
		for _, s := range lines[1:] {
			if l := strings.ToLower(s); !strings.Contains(l, "syria") {
				t.Errorf("%s: sentence without a keyword: %q", lines[0], s)
			}
		}
	}
}

func TestIngestT17(t *testing.T) {
	data := shared(t, "data/tls/t17")
	if testing.Short() {
		t.Skip("ingesting all of T17 takes a while; skipped with -short")
	}
	db := filepath.Join(t.TempDir(), "t17.db")
	out := mustRunIn(t, "--db", db, "ingest", data)
	if !strings.Contains(out, "ingested 4625 articles") || !strings.Contains(out, "4625 added") {
		t.Errorf("first ingest: %s", out)
	}
	out = mustRunIn(t, "--db", db, "ingest", data)
	if !strings.Contains(out, "0 added, 0 updated, 4625 already stored") {
		t.Errorf("second ingest: %s", out)
	}
	tl := mustRunIn(t, "--db", db, "timeline", "--keywords", "syria,syrian", "--from", "2011-03-15", "--to", "2011-12-31", "--dates", "5", "--format", "json")
	var got struct {
		Dates []struct {
			Date  string
			Items []struct {
				Text      string
				ArticleID string `json:"article_id"`
				Sentence  int
				Published string
			}
		}
	}
	if err := json.Unmarshal([]byte(tl), &got); err != nil || len(got.Dates) != 5 {
		t.Fatalf("timeline from the store: %v\n%s", err, tl)
	}
	for _, d := range got.Dates {
		if d.Date < "2011-03-15" || d.Date > "2011-12-31" || len(d.Items) != 1 || d.Items[0].ArticleID == "" || d.Items[0].Published == "" ||
			!strings.Contains(strings.ToLower(d.Items[0].Text), "syria") {
			t.Errorf("entry %+v", d)
		}
	}
}
