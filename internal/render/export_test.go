package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// hostileExport is an item whose every field tries to break out of its format.
func hostileExport() timeline.Timeline {
	pub := time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC)
	return timeline.Timeline{Entries: []timeline.Entry{
		{Date: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC), Items: []timeline.Item{{
			Text:      "=HYPERLINK(\"http://evil\") <script>alert(1)</script> \x1b[31mred\x1b[0m\nsecond \"line\"",
			ArticleID: `x"><img src=x onerror=alert(2)>`, Sentence: 2, Published: pub,
			Title: "<b>bold</b>", Source: "@Evil", URL: "javascript:alert(3)",
		}}},
	}}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Timeline(&b, sample(), CSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("rows = %q", rows)
	}
	want := []string{"2031-03-02", "day", "4", "1", `The pier's owners said "closed" (for now).`, "a2", "0", "2031-03-03",
		"Pier shut", "Elvin Gazette", "https://example.org/a2", ""} // no quote: no speakers
	if strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("row 1 = %q\nwant    %q", rows[1], want)
	}
	if rows[2][3] != "2" || rows[2][4] != "Divers found cracks." || rows[4][6] != "-1" {
		t.Errorf("rows 2, 4 = %q, %q", rows[2], rows[4])
	}
}

func TestCSVHostile(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, hostileExport()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows = %q, %v", rows, err)
	}
	r := rows[1]
	if !strings.HasPrefix(r[4], "'=") || strings.ContainsAny(r[4], "\x1b\n") || r[9] != "'@Evil" {
		t.Errorf("formula, escape or line break not neutralized: %q", r)
	}
}

func TestTimelineJSDates(t *testing.T) {
	tl := sample()
	tl.Entries = append(tl.Entries,
		timeline.Entry{Date: time.Date(2031, 4, 1, 0, 0, 0, 0, time.UTC), Gran: timex.Month, Items: tl.Entries[1].Items[:1]},
		timeline.Entry{Date: time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC), Gran: timex.Year, Items: tl.Entries[1].Items[:1]})
	js := NewTimelineJS(tl, "Pier")
	if len(js.Events) != 6 || js.Title == nil || js.Title.Text.Headline != "Pier" {
		t.Fatalf("timelinejs = %+v", js)
	}
	for i, want := range []TLDate{{2031, 3, 2}, {2031, 3, 2}, {2031, 3, 5}, {2031, 3, 5}, {2031, 4, 0}, {2032, 0, 0}} {
		if *js.Events[i].StartDate != want {
			t.Errorf("event %d date = %+v, want %+v", i, *js.Events[i].StartDate, want)
		}
	}
	first := js.Events[0].Text
	if first.Headline != "Pier shut" || !strings.Contains(first.Text, `<a href="https://example.org/a2">Elvin Gazette</a>`) ||
		!strings.Contains(first.Text, "The pier&#39;s owners said &#34;closed&#34; (for now).") {
		t.Errorf("first slide = %+v", first)
	}
	var b bytes.Buffer
	if err := WriteTimelineJS(&b, tl, "Pier"); err != nil {
		t.Fatal(err)
	}
	if err := ValidateTimelineJS(b.Bytes()); err != nil {
		t.Error(err)
	}
}

func TestTimelineJSHostile(t *testing.T) {
	js := NewTimelineJS(hostileExport(), "<i>t</i>")
	s := js.Events[0].Text
	for _, bad := range []string{"<script", "<b>", "<img", "javascript:", "\x1b", "href"} {
		if strings.Contains(s.Headline+s.Text+js.Title.Text.Headline, bad) {
			t.Errorf("slide carries %q: %+v", bad, s)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]string{
		"https://example.org/a?b=1": "https://example.org/a?b=1", "http://x.test": "http://x.test",
		"javascript:alert(1)": "", "JAVASCRIPT:alert(1)": "", "data:text/html,x": "", "/relative": "",
		"//example.org": "", "https:///nohost": "", " https://example.org ": "https://example.org",
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", u, got, want)
		}
	}
}

// TestTimelineJST17 exports a timeline of a T17 topic and validates it.
func TestTimelineJST17(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "tls", "t17", "syria", "articles.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("T17 not found at %s (check out the project's shared data beside the repository): %v", path, err)
	}
	var docs []annotate.Doc
	for d, err := range annotate.New(timex.New()).Stream(article.Read(path), 0) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	tl := timeline.Build(docs, timeline.Options{Dates: 20, PerDate: 2, Selection: timeline.Selection{Keywords: []string{"syria", "syrian"}}})
	var b bytes.Buffer
	if err := WriteTimelineJS(&b, tl, "Syria"); err != nil {
		t.Fatal(err)
	}
	if err := ValidateTimelineJS(b.Bytes()); err != nil {
		t.Fatal(err)
	}
	var got TimelineJS
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(tl.Entries) != 20 || len(got.Events) < 20 {
		t.Errorf("%d entries, %d events", len(tl.Entries), len(got.Events))
	}
	for _, e := range got.Events {
		if !strings.Contains(e.Text.Text, "SyrianCrisis") {
			t.Errorf("event %s does not name its article: %q", e.UniqueID, e.Text.Text)
		}
	}
}
