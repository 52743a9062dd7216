package render

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
	"github.com/dateline-news/dateline/internal/tilse"
	"github.com/dateline-news/dateline/internal/timeline"
)

// Format names an output format.
type Format string

// The output formats of a timeline.
const (
	Text     Format = "text"
	Markdown Format = "md"
	JSON     Format = "json"
	Tilse    Format = "tilse"
	CSV      Format = "csv"        // one row per item with its provenance (see WriteCSV)
	TLJS     Format = "timelinejs" // Knight Lab TimelineJS 3 JSON (see WriteTimelineJS)
)

// Formats lists the accepted format names, for help texts.
var Formats = []Format{Text, Markdown, JSON, Tilse, CSV, TLJS}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Timeline writes tl to w in format f.
func Timeline(w io.Writer, tl timeline.Timeline, f Format) error {
	bw := bufio.NewWriter(w)
	var err error
	switch f {
	case Text, "":
		err = writeText(bw, tl)
	case Markdown:
		err = writeMarkdown(bw, tl)
	case JSON:
		err = writeJSON(bw, tl)
	case Tilse:
		err = WriteTilse(bw, tl)
	case CSV:
		err = WriteCSV(bw, tl)
	case TLJS:
		err = WriteTimelineJS(bw, tl, "")
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// WriteTilse writes tl in tilse's timeline format (see tilse.Write): a line
// YYYY-MM-DD, one sentence per line (white space, line breaks included,
// collapsed to single spaces, control and formatting characters escaped as
// Safe does), then a line of 32 dashes. It refuses a
// sentence that would read back as something else (a date line, the
// separator).
func WriteTilse(w io.Writer, tl timeline.Timeline) error {
	out := make(tilse.Timeline, len(tl.Entries))
	for _, e := range tl.Entries {
		d := tilse.DateOf(e.Date)
		for _, it := range e.Items {
			out[d] = append(out[d], Safe(oneLine(it.Text)))
		}
	}
	return tilse.Write(w, out)
}

// oneLine collapses the white space of s, line breaks included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// display is the readable form of a sentence: PTB escapes undone.
func display(s string) string { return text.Detokenize(s) }

func writeText(w io.Writer, tl timeline.Timeline) error {
	if len(tl.Entries) == 0 {
		_, err := fmt.Fprintln(w, "(no dates: nothing in the input matched)")
		return err
	}
	for i, e := range tl.Entries {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s\n", e.Date.Format(time.DateOnly), e.Date.Format("Monday"))
		for _, it := range e.Items {
			fmt.Fprintf(w, "  • %s\n", wrap(Safe(oneLine(display(it.Text))), 76, "    "))
			for _, who := range speakers(it) {
				fmt.Fprintf(w, "    — said %s\n", Safe(who))
			}
			fmt.Fprintf(w, "    — %s\n", provenance(it))
		}
	}
	return nil
}

// speakers lists the distinct named speakers of an item's quotes, in
// order, each on one line (quotes without a source are left out).
func speakers(it timeline.Item) []string {
	var out []string
	for _, q := range it.Quotes {
		if who := oneLine(q.Speaker); who != "" && !slices.Contains(out, who) {
			out = append(out, who)
		}
	}
	return out
}

// provenance says where an item comes from, in one line.
func provenance(it timeline.Item) string {
	var parts []string
	if it.Source != "" {
		parts = append(parts, Safe(oneLine(it.Source)))
	}
	parts = append(parts, it.Published.Format(time.DateOnly))
	if it.Title != "" {
		parts = append(parts, `"`+Safe(oneLine(it.Title))+`"`)
	}
	parts = append(parts, fmt.Sprintf("[%s %s]", Safe(it.ArticleID), where(it.Sentence)))
	return strings.Join(parts, ", ")
}

// where names an item's place in its article: "#3", or "headline" for -1.
func where(sentence int) string {
	if sentence < 0 {
		return "headline"
	}
	return fmt.Sprintf("#%d", sentence)
}

// wrap breaks s into lines of at most width runes, indenting continuation
// lines.
func wrap(s string, width int, indent string) string {
	words := strings.Fields(s)
	var b strings.Builder
	n := 0
	for i, w := range words {
		l := len([]rune(w))
		if i > 0 && n+1+l > width {
			b.WriteString("\n" + indent)
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

func writeMarkdown(w io.Writer, tl timeline.Timeline) error {
	fmt.Fprintln(w, "# Timeline")
	if len(tl.Entries) == 0 {
		fmt.Fprintln(w, "\n_No dates: nothing in the input matched._")
	}
	for _, e := range tl.Entries {
		fmt.Fprintf(w, "\n## %s\n\n", e.Date.Format("Monday, 2 January 2006"))
		for _, it := range e.Items {
			src := it.Published.Format(time.DateOnly)
			if it.Source != "" {
				src = mdEscape(it.Source) + ", " + src
			}
			title := mdEscape(it.Title)
			if title == "" {
				title = "article"
			}
			if u, ok := linkTarget(it.URL); ok {
				title = fmt.Sprintf("[%s](%s)", title, u)
			}
			said := ""
			for _, who := range speakers(it) {
				said += " — said **" + mdEscape(who) + "**"
			}
			fmt.Fprintf(w, "- %s%s  \n  <sub>%s — %s, %s %s</sub>\n", mdEscape(display(it.Text)), said, src, title, codeSpan(it.ArticleID),
				strings.Replace(where(it.Sentence), "#", "sentence ", 1))
		}
	}
	return nil
}

// mdEscaper escapes what Markdown (CommonMark with the usual extensions)
// would read as markup or HTML in inline text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"&", "&amp;", "#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`)

// mdEscape makes s one line of inert Markdown text: white space collapsed,
// control characters neutralized (Safe), markup escaped.
func mdEscape(s string) string { return mdEscaper.Replace(Safe(oneLine(s))) }

// codeSpan writes an article id as a Markdown code span when it is made of
// letters, digits and .:/_- only, else as escaped text.
func codeSpan(s string) string {
	for _, r := range s {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".:/_-", r))) {
			return mdEscape(s)
		}
	}
	return "`" + s + "`"
}

// linkTarget returns raw as a Markdown link destination if it is an
// absolute http or https URL; any other scheme (javascript:, data:, file:)
// is never linked.
func linkTarget(raw string) (string, bool) {
	u := SafeURL(raw)
	if u == "" {
		return "", false
	}
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(u), true
}

// jsonTimeline is the JSON shape of a timeline: every item carries its
// provenance.
type jsonTimeline struct {
	Dates []jsonEntry `json:"dates"`
}

type jsonEntry struct {
	Date  string     `json:"date"`
	Score float64    `json:"score"`
	Items []jsonItem `json:"items"`
}

type jsonItem struct {
	Text      string `json:"text"`
	Display   string `json:"display"`
	ArticleID string `json:"article_id"`
	Sentence  int    `json:"sentence"` // index in the article from 0; -1 for the headline
	Published string `json:"published"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	// Quotes are the quotes the sentence holds; speaker is null when the
	// text names no source, cue when no words say so.
	Quotes []jsonItemQuote `json:"quotes"`
}

type jsonItemQuote struct {
	Speaker *string `json:"speaker"`
	Content string  `json:"content"`
	Cue     *string `json:"cue"`
}

// jsonItemQuotes converts an item's quotes to their JSON shape (never nil).
func jsonItemQuotes(qs []timeline.Quote) []jsonItemQuote {
	out := make([]jsonItemQuote, 0, len(qs))
	for _, q := range qs {
		jq := jsonItemQuote{Content: display(q.Content)}
		if q.Speaker != "" {
			jq.Speaker = &q.Speaker
		}
		if q.Cue != "" {
			jq.Cue = &q.Cue
		}
		out = append(out, jq)
	}
	return out
}

func writeJSON(w io.Writer, tl timeline.Timeline) error {
	out := jsonTimeline{Dates: []jsonEntry{}}
	for _, e := range tl.Entries {
		je := jsonEntry{Date: e.Date.Format(time.DateOnly), Score: e.Score, Items: []jsonItem{}}
		for _, it := range e.Items {
			je.Items = append(je.Items, jsonItem{Text: it.Text, Display: display(it.Text), ArticleID: it.ArticleID,
				Sentence: it.Sentence, Published: it.Published.Format(time.DateOnly), Title: it.Title, Source: it.Source, URL: it.URL,
				Quotes: jsonItemQuotes(it.Quotes)})
		}
		out.Dates = append(out.Dates, je)
	}
	return encodeJSON(w, out)
}
