package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/timeline"
)

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Österreich — “quoted” ελληνικά 日本語", "Österreich — “quoted” ελληνικά 日本語"},
		{"soft\u00adhyphen, zero\u200bwidth", "soft\u00adhyphen, zero\u200bwidth"},
		{"\x1b[2J\x1b[Hcleared", `\x1b[2J\x1b[Hcleared`},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", `\x1b]8;;http://evil.example/\x1b\link\x1b]8;;\x1b\`},
		{"abc\u202Edcba", `abc\u202edcba`},
		{"\u2066isolate\u2069 \u200e\u200f", `\u2066isolate\u2069 \u200e\u200f`},
		{"nul\x00 del\x7f", `nul\x00 del\x7f`},
		{"c1 \u009b31m \u0085", `c1 \x9b31m \x85`},
		{"tab\tline\nbreak\r", `tab\tline\nbreak\r`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`},
		{"line\u2028sep", `line\u2028sep`},
		{"tag \U000E0041", `tag \U000e0041`},
	}
	for _, tt := range tests {
		if got := Safe(tt.in); got != tt.want {
			t.Errorf("Safe(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if i := firstUnsafe(Safe(tt.in)); i >= 0 {
			t.Errorf("Safe(%q) still unsafe at %d", tt.in, i)
		}
	}
}

// hostile is text written to fool a terminal, a Markdown renderer or a
// browser.
const hostile = "\x1b[2J\x1b]0;pwned\x07 \u202Etxt.exe\u202C <script>alert(1)</script> <img src=x onerror=alert(2)> " +
	"[click](javascript:alert(3)) **bold** `code` \x00nul \u009b31m \xff"

func hostileTimeline() timeline.Timeline {
	it := timeline.Item{Text: "On Monday " + hostile, ArticleID: "id`" + hostile, Published: time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC),
		Title: "Title " + hostile, Source: "Source " + hostile, URL: "javascript:alert(4)"}
	it2 := it
	it2.URL = "https://example.org/a (b)<c>"
	return timeline.Timeline{Entries: []timeline.Entry{{Date: it.Published, Items: []timeline.Item{it, it2}}}}
}

func TestTimelineFormatsNeutralizeHostileText(t *testing.T) {
	tl := hostileTimeline()
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Timeline(&buf, tl, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := buf.String()
		for i, line := range strings.Split(out, "\n") {
			if j := firstUnsafe(line); j >= 0 {
				t.Errorf("%s: line %d has a raw control or format character at %d: %q", f, i+1, j, line)
			}
		}
		if f == Markdown {
			for _, bad := range []string{"<script", "<img", "**bold**", "`code`"} {
				if strings.Contains(out, bad) {
					t.Errorf("markdown has %q:\n%s", bad, out)
				}
			}
			if links := regexp.MustCompile(`(^|[^\\])\]\(`).FindAllStringIndex(out, -1); len(links) != 1 {
				t.Errorf("markdown has %d links, want only the https one:\n%s", len(links), out)
			}
			if !strings.Contains(out, "](https://example.org/a%20%28b%29%3Cc%3E)") {
				t.Errorf("markdown does not link the https URL, encoded:\n%s", out)
			}
		}
		if f == JSON {
			var back struct {
				Dates []struct {
					Items []struct{ Text, Title, Source string }
				}
			}
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatalf("json: %v", err)
			}
			// The data survives: only its representation is escaped.
			want := strings.ToValidUTF8(tl.Entries[0].Items[0].Text, "\uFFFD")
			if got := back.Dates[0].Items[0].Text; got != want {
				t.Errorf("json text = %q, want %q", got, want)
			}
		}
	}
}
