package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
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

// hostile is an item whose every field tries to break out of its format.
func hostile() timeline.Timeline {
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
		"Pier shut", "Elvin Gazette", "https://example.org/a2"}
	if strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("row 1 = %q\nwant    %q", rows[1], want)
	}
	if rows[2][3] != "2" || rows[2][4] != "Divers found cracks." || rows[4][6] != "-1" {
		t.Errorf("rows 2, 4 = %q, %q", rows[2], rows[4])
	}
}

func TestCSVHostile(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, hostile()); err != nil {
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
	if err := validateTimelineJS(b.Bytes()); err != nil {
		t.Error(err)
	}
}

func TestTimelineJSHostile(t *testing.T) {
	js := NewTimelineJS(hostile(), "<i>t</i>")
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

// validateTimelineJS checks data against the TimelineJS 3 shape that issue 14
// specifies: {"title": slide, "events": [slide]}, a slide being
// {"start_date": {"year", "month", "day"}, "text": {"headline", "text"},
// "group", "unique_id"}; no other keys, integer date parts naming a real
// day (month and day optional, day only with a month), unique ids.
func validateTimelineJS(data []byte) error {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := onlyKeys("timeline", doc, "title", "events"); err != nil {
		return err
	}
	if title, ok := doc["title"]; ok {
		if err := validateSlide("title", title, false); err != nil {
			return err
		}
	}
	events, ok := doc["events"].([]any)
	if !ok {
		return fmt.Errorf(`"events" is %T, want an array`, doc["events"])
	}
	ids := map[string]bool{}
	for i, e := range events {
		where := fmt.Sprintf("events[%d]", i)
		if err := validateSlide(where, e, true); err != nil {
			return err
		}
		if id, _ := e.(map[string]any)["unique_id"].(string); id != "" {
			if ids[id] {
				return fmt.Errorf("%s: unique_id %q repeated", where, id)
			}
			ids[id] = true
		}
	}
	return nil
}

func validateSlide(where string, v any, dated bool) error {
	s, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s is %T, want an object", where, v)
	}
	if err := onlyKeys(where, s, "start_date", "text", "group", "unique_id"); err != nil {
		return err
	}
	for _, k := range []string{"group", "unique_id"} {
		if x, ok := s[k]; ok {
			if _, ok := x.(string); !ok {
				return fmt.Errorf("%s.%s is %T, want a string", where, k, x)
			}
		}
	}
	text, ok := s["text"].(map[string]any)
	if !ok {
		return fmt.Errorf("%s.text is %T, want an object", where, s["text"])
	}
	if err := onlyKeys(where+".text", text, "headline", "text"); err != nil {
		return err
	}
	for _, k := range []string{"headline", "text"} {
		if _, ok := text[k].(string); !ok {
			return fmt.Errorf("%s.text.%s is %T, want a string", where, k, text[k])
		}
	}
	d, ok := s["start_date"].(map[string]any)
	if !ok {
		if dated {
			return fmt.Errorf("%s.start_date is %T, want an object", where, s["start_date"])
		}
		return nil
	}
	if err := onlyKeys(where+".start_date", d, "year", "month", "day"); err != nil {
		return err
	}
	part := func(k string, lo, hi int64) (int64, error) {
		x, ok := d[k]
		if !ok {
			return 0, nil
		}
		n, err := x.(json.Number).Int64()
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("%s.start_date.%s = %v, want an integer in [%d, %d]", where, k, x, lo, hi)
		}
		return n, nil
	}
	y, err := part("year", -271820, 275759)
	if _, has := d["year"]; err != nil || !has {
		return fmt.Errorf("%s.start_date: bad or missing year (%v)", where, err)
	}
	m, err := part("month", 1, 12)
	if err != nil {
		return err
	}
	day, err := part("day", 1, 31)
	if err != nil {
		return err
	}
	if day != 0 && m == 0 {
		return fmt.Errorf("%s.start_date has a day without a month", where)
	}
	if day != 0 && time.Date(int(y), time.Month(m), int(day), 0, 0, 0, 0, time.UTC).Day() != int(day) {
		return fmt.Errorf("%s.start_date %d-%d-%d is not a calendar day", where, y, m, day)
	}
	return nil
}

func onlyKeys(where string, m map[string]any, keys ...string) error {
	for k := range m {
		found := false
		for _, want := range keys {
			found = found || k == want
		}
		if !found {
			return fmt.Errorf("%s has unknown key %q", where, k)
		}
	}
	return nil
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
	tl := timeline.Build(docs, timeline.Options{Dates: 20, PerDate: 2, Keywords: []string{"syria", "syrian"}})
	var b bytes.Buffer
	if err := WriteTimelineJS(&b, tl, "Syria"); err != nil {
		t.Fatal(err)
	}
	if err := validateTimelineJS(b.Bytes()); err != nil {
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
