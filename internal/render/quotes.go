package render

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/quote"
)

// ArticleQuotes is the quotes found in one article.
type ArticleQuotes struct {
	Article article.Article
	Quotes  []quote.Quote
}

// jsonSpan is a span of an article text in the quotes' JSON: rune offsets,
// end exclusive, and the text they cover.
type jsonSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonQuote struct {
	ArticleID string     `json:"article_id,omitempty"`
	Published string     `json:"published,omitempty"`
	Title     string     `json:"title,omitempty"`
	URL       string     `json:"url,omitempty"`
	Source    *jsonSpan  `json:"source"`
	Cue       *jsonSpan  `json:"cue"`
	Content   jsonSpan   `json:"content"`
	Parts     []jsonSpan `json:"parts,omitempty"`
	Kind      string     `json:"kind"`
	Speaker   *string    `json:"speaker"`
	Direct    bool       `json:"direct"`
}

// spanText cuts spans from one text by rune offsets, walking it once.
type spanText struct {
	text  string
	runes []int // byte offset of each rune, and len(text) at the end
}

func newSpanText(text string) *spanText {
	st := &spanText{text: text, runes: make([]int, 0, len(text)+1)}
	for i := range text {
		st.runes = append(st.runes, i)
	}
	st.runes = append(st.runes, len(text))
	return st
}

func (st *spanText) cut(sp quote.Span) string {
	n := len(st.runes) - 1
	s, e := min(max(sp.Start, 0), n), min(max(sp.End, 0), n)
	if e <= s {
		return ""
	}
	return st.text[st.runes[s]:st.runes[e]]
}

func (st *spanText) json(sp quote.Span) *jsonSpan {
	if sp.Empty() {
		return nil
	}
	return &jsonSpan{sp.Start, sp.End, st.cut(sp)}
}

// quote converts q, a quote of st's text, to its JSON shape.
func (st *spanText) quote(q quote.Quote) jsonQuote {
	jq := jsonQuote{Source: st.json(q.Source), Cue: st.json(q.Cue), Content: jsonSpan{q.Content.Start, q.Content.End, st.cut(q.Content)},
		Kind: q.Kind.String(), Direct: q.Direct()}
	if len(q.Parts) > 1 {
		for _, p := range q.Parts {
			jq.Parts = append(jq.Parts, *st.json(p))
		}
	}
	if q.Speaker != "" {
		s := q.Speaker
		jq.Speaker = &s
	}
	return jq
}

// QuotesJSON writes {"quotes": [...]}: for each quote its source, cue and
// content as {"start", "end", "text"} (rune offsets of the article text,
// end exclusive; source and cue null when absent), the parts of a split
// content, its kind, its speaker (null when there is no source) and
// whether it is direct. With withArticle, each quote also names its
// article (id, publication day, title, URL).
func QuotesJSON(w io.Writer, arts []ArticleQuotes, withArticle bool) error {
	out := struct {
		Quotes []jsonQuote `json:"quotes"`
	}{Quotes: []jsonQuote{}}
	for _, aq := range arts {
		st := newSpanText(aq.Article.Text)
		for _, q := range aq.Quotes {
			jq := st.quote(q)
			if withArticle {
				jq.ArticleID, jq.Published, jq.Title, jq.URL = aq.Article.ID, aq.Article.Published.Format(time.DateOnly), aq.Article.Title, aq.Article.URL
			}
			out.Quotes = append(out.Quotes, jq)
		}
	}
	return encodeJSON(w, out)
}

// Quotes writes the quotes for people: as text (one block a quote: who,
// the cue and kind, the article; then the content) or Markdown (a list).
// JSON goes through QuotesJSON. Article text goes through Safe.
func Quotes(w io.Writer, arts []ArticleQuotes, f Format) error {
	switch f {
	case JSON:
		return QuotesJSON(w, arts, true)
	case Text, Markdown, "":
	default:
		return fmt.Errorf("format %q: quotes print as text, md or json", f)
	}
	n := 0
	for _, aq := range arts {
		st := newSpanText(aq.Article.Text)
		where := aq.Article.Published.Format(time.DateOnly)
		if aq.Article.Title != "" {
			where += ", " + oneLine(aq.Article.Title)
		} else if aq.Article.ID != "" {
			where += ", " + aq.Article.ID
		}
		for _, q := range aq.Quotes {
			n++
			who := q.Speaker
			if who == "" {
				who = "(no source)"
			}
			cue, content := oneLine(st.cut(q.Cue)), oneLine(st.cut(q.Content))
			if len(q.Parts) > 1 { // a split quote reads as its parts
				var parts []string
				for _, p := range q.Parts {
					parts = append(parts, oneLine(st.cut(p)))
				}
				content = strings.Join(parts, " … ")
			}
			var err error
			if f == Markdown {
				_, err = fmt.Fprintf(w, "- **%s** (%s, %s): %s  \n  <sub>%s</sub>\n", mdEscape(who), mdEscape(cue), q.Kind,
					mdEscape(content), mdEscape(where))
			} else {
				_, err = fmt.Fprintf(w, "%s — %s (%s)  [%s]\n  %s\n", Safe(oneLine(who)), Safe(cue), q.Kind, Safe(where),
					wrap(Safe(content), 76, "  "))
			}
			if err != nil {
				return err
			}
		}
	}
	if n == 0 {
		_, err := fmt.Fprintln(w, "(no quotes)")
		return err
	}
	return nil
}
