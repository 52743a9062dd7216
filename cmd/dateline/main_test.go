package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// bin is the dateline binary built once for these end-to-end tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dateline-test-")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "dateline")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs dateline with args in dir and returns stdout and stderr.
func run(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

func mustRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errs, err := run(t, dir, args...)
	if err != nil {
		t.Fatalf("dateline %s: %v\n%s", strings.Join(args, " "), err, errs)
	}
	return out
}

// shared returns the path of ../shared, or skips the test when it is absent.
func shared(t *testing.T, rel string) string {
	t.Helper()
	p, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present (../shared is absent): skipping", p)
	}
	return p
}

var dateLine = regexp.MustCompile(`(?m)^(\d{4}-\d{2}-\d{2})  [A-Z][a-z]+day$`)

func TestDemoPrintsADatedTimeline(t *testing.T) {
	out := mustRun(t, t.TempDir(), "demo")
	dates := dateLine.FindAllStringSubmatch(out, -1)
	if len(dates) < 5 {
		t.Fatalf("demo printed %d dates, want at least 5:\n%s", len(dates), out)
	}
	for i := 1; i < len(dates); i++ {
		if dates[i][1] <= dates[i-1][1] {
			t.Errorf("dates not increasing: %s after %s", dates[i][1], dates[i-1][1])
		}
	}
	if !strings.Contains(out, "12 added") {
		t.Errorf("demo did not report ingesting its 12 articles:\n%s", out)
	}
}

func TestIngestIsIdempotentAndSkipsBadLines(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id": "n1", "date": "2031-05-01", "text": "The bridge opened on Thursday ."}
{"id": "n2", "date": "2031-05-02", "text": "Broken
{"id": "n3", "date": "2031-05-03", "text": "Traffic doubled the next day ."}
`
	if err := os.WriteFile(filepath.Join(dir, "feed.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := run(t, dir, "ingest", "feed.jsonl")
	if err != nil {
		t.Fatal(err, errs)
	}
	if !strings.Contains(errs, "feed.jsonl:2:") || !strings.Contains(out, "2 added") {
		t.Errorf("first ingest: stdout %q stderr %q; want 2 added and a feed.jsonl:2: error", out, errs)
	}
	out = mustRun(t, dir, "ingest", "feed.jsonl")
	if !strings.Contains(out, "0 added, 2 already stored") {
		t.Errorf("second ingest: %q, want 0 added", out)
	}
	stats := mustRun(t, dir, "stats", "--format", "json")
	var st struct{ Articles, Sentences int }
	if err := json.Unmarshal([]byte(stats), &st); err != nil || st.Articles != 2 || st.Sentences != 2 {
		t.Errorf("stats = %s (%v), want 2 articles and 2 sentences", stats, err)
	}
	hits := mustRun(t, dir, "search", "bridge", "--format", "json")
	var hs []struct {
		ArticleID string `json:"article_id"`
		Published string
	}
	if err := json.Unmarshal([]byte(hits), &hs); err != nil || len(hs) != 1 || hs[0].ArticleID != "n1" || hs[0].Published != "2031-05-01" {
		t.Errorf("search = %s (%v)", hits, err)
	}
}

// TestAnnotateResolvesRelativeDates checks the tagger through the command on
// sentences of the kinds news uses, in an article dated Tuesday 2017-04-11.
func TestAnnotateResolvesRelativeDates(t *testing.T) {
	dir := t.TempDir()
	art := "date 2017-04-11 The minister issued an ultimatum to the rebels on Tuesday: stop the shelling or face sanctions.\n" +
		"The government also announced Tuesday that it will host the envoys of both sides on Friday.\n" +
		"Officials said the meeting will be held Thursday.\n" +
		"Nobody wants a repeat of the events in 2003.\n" +
		"Last week's deadly attack on the market killed twelve people.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Published string
		Sentences []struct {
			Text    string
			Timexes []struct {
				Start, End  int
				Text, Value string
			}
		}
	}
	out := mustRun(t, dir, "annotate", "a.txt")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("annotate output is not one JSON object: %v\n%s", err, out)
	}
	want := [][]string{{"2017-04-11"}, {"2017-04-11", "2017-04-14"}, {"2017-04-13"}, {"2003"}, {"2017-W14"}}
	if len(doc.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d: %s", len(doc.Sentences), len(want), out)
	}
	body := []rune(strings.TrimPrefix(strings.TrimPrefix(art, "date 2017-04-11"), " "))
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
	out := mustRun(t, t.TempDir(), "timeline", topic, "--keywords", "syria,syrian", "--dates", "13", "--per-date", "2", "--format", "tilse")
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
			if l := strings.ToLower(s); !strings.Contains(l, "syria") && !strings.Contains(l, "syrian") {
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
	dir := t.TempDir()
	out := mustRun(t, dir, "ingest", data)
	if !strings.Contains(out, "ingested 4625 articles") || !strings.Contains(out, "4625 added") {
		t.Errorf("first ingest: %s", out)
	}
	out = mustRun(t, dir, "ingest", data)
	if !strings.Contains(out, "0 added, 4625 already stored") {
		t.Errorf("second ingest: %s", out)
	}
	tl := mustRun(t, dir, "timeline", "--keywords", "syria,syrian", "--from", "2011-03-15", "--to", "2011-12-31", "--dates", "5", "--format", "json")
	var got struct {
		Dates []struct {
			Date  string
			Items []struct {
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
		if d.Date < "2011-03-15" || d.Date > "2011-12-31" || len(d.Items) != 1 || d.Items[0].ArticleID == "" || d.Items[0].Published == "" {
			t.Errorf("entry %+v", d)
		}
	}
}
