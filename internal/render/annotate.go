package render

import (
	"io"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/timex"
)

// jsonDoc is the JSON shape of an annotated article. Offsets are in runes
// of the article text.
type jsonDoc struct {
	ID        string         `json:"id"`
	Published string         `json:"published"`
	Title     string         `json:"title,omitempty"`
	Origin    string         `json:"origin,omitempty"`
	Sentences []jsonSentence `json:"sentences"`
	Quotes    []jsonQuote    `json:"quotes"`
}

type jsonSentence struct {
	Index    int           `json:"index"`
	Start    int           `json:"start"`
	End      int           `json:"end"`
	Text     string        `json:"text"`
	Timexes  []jsonTimex   `json:"timexes"`
	Entities []jsonMention `json:"entities"`
}

// jsonSentences converts sentences to their JSON shape (never nil).
func jsonSentences(ss []annotate.Sentence) []jsonSentence {
	out := make([]jsonSentence, 0, len(ss))
	for _, s := range ss {
		out = append(out, jsonSentence{Index: s.Index, Start: s.Start, End: s.End, Text: s.Text,
			Timexes: jsonTimexes(s.Timexes), Entities: jsonMentions(s.Entities)})
	}
	return out
}

// jsonQuotes converts the quotes of an article to their JSON shape (never
// nil), their spans cut from its text.
func jsonQuotes(text string, qs []quote.Quote) []jsonQuote {
	out := make([]jsonQuote, 0, len(qs))
	if len(qs) == 0 {
		return out
	}
	st := newSpanText(text)
	for _, q := range qs {
		out = append(out, st.quote(q))
	}
	return out
}

type jsonTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
	Quant string `json:"quant,omitempty"`
	Freq  string `json:"freq,omitempty"`
}

// jsonTimexes converts time expressions to their JSON shape.
func jsonTimexes(xs []timex.Timex) []jsonTimex {
	out := make([]jsonTimex, 0, len(xs))
	for _, x := range xs {
		out = append(out, jsonTimex{x.Start, x.End, x.Text, string(x.Type), x.Value, x.Mod, x.Quant, x.Freq})
	}
	return out
}

// Timexes writes the time expressions of one text as an indented JSON
// object: {"dct": ..., "timexes": [{"start", "end", "text", "type",
// "value", "mod"...}]}, offsets in runes of the text.
func Timexes(w io.Writer, dct string, xs []timex.Timex) error {
	return encodeJSON(w, struct {
		DCT     string      `json:"dct"`
		Timexes []jsonTimex `json:"timexes"`
	}{dct, jsonTimexes(xs)})
}

// Doc writes an annotated article as one indented JSON object: its
// sentences, each with its time expressions (rune offsets, text, normalized
// value) and entity mentions (rune offsets, text, type, canonical name),
// and the article's quotes as QuotesJSON gives them (source, cue and
// content spans, parts, kind, speaker, direct).
func Doc(w io.Writer, d annotate.Doc) error {
	out := jsonDoc{ID: d.Article.ID, Published: d.Article.Published.Format(time.DateOnly), Title: d.Article.Title,
		Origin: d.Article.Origin, Sentences: jsonSentences(d.Sentences), Quotes: jsonQuotes(d.Article.Text, d.Quotes)}
	if h, m, s := d.Article.Published.Clock(); h != 0 || m != 0 || s != 0 {
		out.Published = d.Article.Published.Format(time.RFC3339)
	}
	return encodeJSON(w, out)
}

// jsonArticle is the JSON shape of one stored article for readers of it (the
// server's article view): its text and provenance, its sentences with
// their time expressions, offsets in runes of Text, its quotes, and its
// near-duplicate siblings (the other articles of its story).
type jsonArticle struct {
	ID        string         `json:"id"`
	Published string         `json:"published"`
	Title     string         `json:"title,omitempty"`
	URL       string         `json:"url,omitempty"`
	Source    string         `json:"source,omitempty"`
	Author    string         `json:"author,omitempty"`
	DateFrom  string         `json:"date_from,omitempty"` // where the date came from when the page gave none: feed, last-modified, warc-date
	Text      string         `json:"text"`
	Sentences []jsonSentence `json:"sentences"`
	Quotes    []jsonQuote    `json:"quotes"`
	// Annotated says whether entities and quotes were looked for: an article
	// stored by a dateline before they were kept has none, not "none found".
	Annotated bool `json:"entities_annotated"`
	// Siblings are the other articles of its story: its copies and updated
	// versions (see internal/dedup), earliest first.
	Siblings []jsonSibling `json:"siblings"`
}

// jsonSibling is an article of the same story, as a link to it.
type jsonSibling struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published"` // YYYY-MM-DD
}

// Article writes one article as a JSON object: id, published, title, url
// (only an absolute http(s) URL, see SafeURL), source, author, date_from,
// text, sentences with their time expressions and entity mentions, and
// quotes (as QuotesJSON gives them), offsets in runes of text, whether
// entities and quotes were looked for, and siblings, the other articles of
// its story (id, title, source, published day; [] when none). Where the
// article was read from (its origin) is left out.
func Article(w io.Writer, d annotate.Doc, siblings []store.Sibling) error {
	a := d.Article
	out := jsonArticle{ID: a.ID, Published: a.Published.Format(time.DateOnly), Title: a.Title, URL: SafeURL(a.URL),
		Source: a.Source, Author: a.Author, DateFrom: a.DateFrom, Text: a.Text, Sentences: jsonSentences(d.Sentences),
		Quotes: jsonQuotes(a.Text, d.Quotes), Annotated: d.Entities, Siblings: []jsonSibling{}}
	if h, m, s := a.Published.Clock(); h != 0 || m != 0 || s != 0 {
		out.Published = a.Published.Format(time.RFC3339)
	}
	for _, sb := range siblings {
		out.Siblings = append(out.Siblings, jsonSibling{ID: sb.ID, Title: sb.Title, Source: sb.Source, Published: sb.Published.Format(time.DateOnly)})
	}
	return encodeJSON(w, out)
}
