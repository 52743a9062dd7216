package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// CSVHeader names the columns of WriteCSV, in order.
var CSVHeader = []string{"date", "granularity", "score", "rank", "text", "article_id", "sentence", "published", "title", "source", "url", "speakers"}

// WriteCSV writes tl as CSV (RFC 4180) with a header row: one row per item,
// its date, the date's score, the item's rank within the date (from 1), the
// readable sentence and its provenance (article id, sentence index with -1
// for the headline, publication day, title, source, URL), and the named
// speakers of the quotes the sentence holds, separated by "; ". Article text is
// hostile: control characters are dropped, line breaks become spaces, and a
// cell that a spreadsheet would read as a formula (=, +, -, @ first) is
// prefixed with an apostrophe.
func WriteCSV(w io.Writer, tl timeline.Timeline) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, e := range tl.Entries {
		date, gran := entryDate(e)
		for i, it := range e.Items {
			row := []string{date, gran, strconv.FormatFloat(e.Score, 'f', -1, 64), strconv.Itoa(i + 1),
				cell(display(it.Text)), cell(it.ArticleID), strconv.Itoa(it.Sentence), it.Published.Format(time.DateOnly),
				cell(it.Title), cell(it.Source), cell(it.URL), cell(strings.Join(speakers(it), "; "))}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell makes one untrusted CSV field safe to open in a spreadsheet.
func cell(s string) string {
	s = oneLine(dropControl(s))
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// dropControl removes control characters (terminal escapes, NULs, bidi
// overrides are not controls but format characters: those go too), keeping
// tabs and line breaks as white space.
func dropControl(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// entryDate is an entry's date as written in exports (2011-03-15, 2011-03
// or 2011, as precise as the entry) and the name of its granularity.
func entryDate(e timeline.Entry) (string, string) {
	switch e.Gran {
	case timex.Month:
		return e.Date.Format("2006-01"), "month"
	case timex.Year:
		return e.Date.Format("2006"), "year"
	}
	return e.Date.Format(time.DateOnly), "day"
}

// TimelineJS is Knight Lab's TimelineJS 3 JSON: a title slide and one slide
// per event.
type TimelineJS struct {
	Title  *TLSlide  `json:"title,omitempty"`
	Events []TLSlide `json:"events"`
}

// TLSlide is one TimelineJS slide.
type TLSlide struct {
	StartDate *TLDate `json:"start_date,omitempty"`
	Text      TLText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	UniqueID  string  `json:"unique_id,omitempty"`
}

// TLDate is a TimelineJS date: month and day are left out for a month- or
// year-only date.
type TLDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// TLText is a slide's text; TimelineJS shows both fields as HTML, so every
// piece of article data in them is escaped.
type TLText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// NewTimelineJS converts tl to TimelineJS: one slide per item, dated as
// precisely as its entry (day, or month or year only), headlined by the
// article's title (else its source), the sentence as text followed by its
// source, linked when the article has an http(s) URL, and grouped by source.
// title heads the title slide ("Timeline" when empty).
func NewTimelineJS(tl timeline.Timeline, title string) TimelineJS {
	if strings.TrimSpace(title) == "" {
		title = "Timeline"
	}
	out := TimelineJS{Events: []TLSlide{}, Title: &TLSlide{Text: TLText{Headline: escapeHTML(oneLine(title)),
		Text: escapeHTML(fmt.Sprintf("%d dates, built by dateline", len(tl.Entries)))}}}
	for _, e := range tl.Entries {
		date, _ := entryDate(e)
		d := &TLDate{Year: e.Date.Year()}
		if e.Gran != timex.Year {
			d.Month = int(e.Date.Month())
		}
		if e.Gran != timex.Year && e.Gran != timex.Month {
			d.Day = e.Date.Day()
		}
		for i, it := range e.Items {
			headline := oneLine(it.Title)
			if headline == "" {
				headline = oneLine(it.Source)
			}
			if headline == "" {
				headline = date
			}
			out.Events = append(out.Events, TLSlide{
				StartDate: d,
				Text:      TLText{Headline: escapeHTML(headline), Text: slideText(it)},
				Group:     oneLine(dropControl(it.Source)),
				UniqueID:  fmt.Sprintf("d%s-%d", date, i+1),
			})
		}
	}
	return out
}

// slideText is the HTML body of an item's slide: the sentence, who said it
// (the speakers of its quotes), then where it is from.
func slideText(it timeline.Item) string {
	src := oneLine(it.Source)
	if src == "" {
		src = "source"
	}
	link := escapeHTML(src)
	if u := SafeURL(it.URL); u != "" {
		link = `<a href="` + html.EscapeString(u) + `">` + link + `</a>`
	}
	said := ""
	for _, who := range speakers(it) {
		said += "<p>— said " + escapeHTML(who) + "</p>"
	}
	return fmt.Sprintf("<p>%s</p>%s<p>— %s, %s (%s %s)</p>", escapeHTML(display(it.Text)), said, link,
		it.Published.Format(time.DateOnly), escapeHTML(it.ArticleID), where(it.Sentence))
}

// escapeHTML escapes untrusted text for HTML, dropping control characters.
func escapeHTML(s string) string { return html.EscapeString(dropControl(s)) }

// SafeURL returns u if it is an absolute http or https URL with a host, and
// "" otherwise (javascript:, data:, relative and malformed addresses are
// never linked).
func SafeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return p.String()
}

// WriteTimelineJS writes tl as TimelineJS 3 JSON (see NewTimelineJS).
func WriteTimelineJS(w io.Writer, tl timeline.Timeline, title string) error {
	return encodeJSON(w, NewTimelineJS(tl, title))
}

// ValidateTimelineJS checks data against the TimelineJS 3 shape that
// dateline writes and TimelineJS reads: {"title": slide, "events": [slide]}, a slide being
// {"start_date": {"year", "month", "day"}, "text": {"headline", "text"},
// "group", "unique_id"}; no other keys, integer date parts naming a real
// day (month and day optional, day only with a month), unique ids.
func ValidateTimelineJS(data []byte) error {
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
