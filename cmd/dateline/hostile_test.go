package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hostileJSONL are articles written to fool a terminal, a Markdown renderer
// or a browser: escape sequences (clear screen, window title, OSC 8 link),
// bidi overrides, C1 controls, NULs, script tags, javascript: URLs.
const hostileJSONL = `{"id": "evil\u001b[2J\u202eid", "date": "2031-03-03", "title": "Title \u001b]0;pwned\u0007 <script>alert(1)</script>", "source": "Src \u001b[31m\u202e<img src=x onerror=alert(2)>", "url": "javascript:alert(3)", "text": "The pier closed on Monday \u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\ \u0000 \u009b31m [x](javascript:alert(4)) **bold**. The ferry moved on Tuesday \u2066isolated\u2069 \u200f."}
{"id": "q3", "date": "2031-03-06", "text": "\u201cThe pier reopens on Friday,\u201d said Harbour Master Ada <script>alert(5)</script> Vance\u001b]0;pwned\u0007 \u202e[y](javascript:alert(6)) on Thursday."}
{"id": "ok2", "date": "2031-03-05", "url": "https://example.org/a?b=(c)", "source": "Fine", "text": "Divers said on Wednesday the pier was \u202eunsafe\u202c <b>now</b>."}
`

// hostileText is a one-article file with raw control bytes and invalid
// UTF-8.
const hostileText = "date 2031-03-04\ntitle Raw \x1b[5m\xff\xfe title\nsource \x07bell\nThe council met on Tuesday \x1b[8m hidden \x9b \x00 \xc3( .\n"

// checkInert fails the test if out holds a byte or rune a terminal would
// act on (anything Safe escapes, newlines aside) or, for Markdown and text,
// live markup.
func checkInert(t *testing.T, what, out string, markup bool) {
	t.Helper()
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRuneInString(out[i:])
		bad := r == utf8.RuneError && n == 1 || r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 ||
			(unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) && r != 0xad && (r < 0x200b || r > 0x200d))
		if bad {
			t.Errorf("%s: raw %q at byte %d: %q", what, out[i:i+n], i, out[max(0, i-30):min(len(out), i+30)])
			return
		}
		i += n
	}
	if markup {
		for _, live := range []string{"<script", "<img", "<b>"} {
			if strings.Contains(out, live) {
				t.Errorf("%s: live markup %q", what, live)
			}
		}
		if regexp.MustCompile(`(^|[^\\])\]\(javascript:`).MatchString(out) {
			t.Errorf("%s: a javascript: link", what)
		}
	}
}

func TestHostileArticlesThroughEveryCommand(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "in")
	os.Mkdir(arts, 0o755)
	os.WriteFile(filepath.Join(arts, "feed.jsonl"), []byte(hostileJSONL), 0o644)
	os.WriteFile(filepath.Join(arts, "raw.txt"), []byte(hostileText), 0o644)
	os.WriteFile(filepath.Join(arts, "bad\x1b]0;name\x07\u202e.txt"), []byte("no date line \x1b[2J"), 0o644)
	db := filepath.Join(dir, "h.db")

	runs := [][]string{
		{"--db", db, "ingest", arts},
		{"--db", db, "stats"},
		{"--db", db, "stats", "-f", "json"},
		{"--db", db, "search", "pier"},
		{"--db", db, "search", "-f", "json", "pier"},
		{"--db", db, "search", "\x1b[2J\u202e"}, // a hostile query: its error or hint is inert too
		{"--db", db, "search", "--raw", "\x1b[2J\u202e\""},
		{"annotate", arts},
		{"--db", filepath.Join(dir, "\x1b[31mx.db"), "stats"},
	}
	for _, f := range []string{"text", "md", "json", "tilse", "csv", "timelinejs"} {
		runs = append(runs, []string{"timeline", "-f", f, arts}, []string{"--db", db, "timeline", "-f", f})
	}
	for _, f := range []string{"text", "md", "json"} {
		runs = append(runs, []string{"quotes", "-f", f, arts}, []string{"--db", db, "quotes", "-f", f})
	}
	for _, f := range []string{"text", "json"} {
		runs = append(runs, []string{"entities", "-f", f, arts}, []string{"--db", db, "entities", "-f", f})
	}
	for _, args := range runs {
		_, out, errs := runIn(t, "", args...)
		what := strings.Join(args, " ")
		markup := slicesContain(args, "md")
		checkInert(t, what+" (stdout)", out, markup)
		checkInert(t, what+" (stderr)", errs, false)
		if slicesContain(args, "quotes") && !strings.Contains(out, "Vance") || slicesContain(args, "entities") && !strings.Contains(out, "Harbour Master") {
			t.Errorf("%s: the hostile quote or its speaker is not shown, the check tests nothing:\n%s%s", what, out, errs)
		}
		if strings.Contains(what, "timeline") && !strings.Contains(out, "2031") {
			t.Errorf("%s: no timeline, the check tests nothing:\n%s%s", what, out, errs)
		}
		if slicesContain(args, "timeline") && len(args) == 4 {
			if f := args[2]; saidIn[f] != "" && !strings.Contains(out, saidIn[f]) {
				t.Errorf("%s: no %q: the quote's speaker is not shown, the check tests nothing:\n%s", what, saidIn[f], out)
			}
		}
	}
}

// saidIn is how each timeline format shows the speaker of the hostile
// quote.
var saidIn = map[string]string{"text": "— said Harbour Master", "md": "said **Harbour Master", "json": `"speaker": "Harbour Master`,
	"csv": ",Harbour Master", "timelinejs": "— said Harbour Master"}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
