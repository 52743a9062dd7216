package render

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/dateline-news/dateline/internal/store"
)

// Hits writes search results: as JSON when f is JSON, else one block a hit
// (Markdown and tilse have no meaning for hits and print as text).
func Hits(w io.Writer, hits []store.Hit, f Format) error {
	if f == JSON {
		type jsonHit struct {
			ArticleID string  `json:"article_id"`
			Sentence  int     `json:"sentence"`
			Published string  `json:"published"`
			Title     string  `json:"title,omitempty"`
			Source    string  `json:"source,omitempty"`
			URL       string  `json:"url,omitempty"`
			Text      string  `json:"text"`
			Score     float64 `json:"score"`
		}
		out := []jsonHit{}
		for _, h := range hits {
			out = append(out, jsonHit{h.ArticleID, h.Sentence, h.Published.Format(time.DateOnly), h.Title, h.Source, h.URL, h.Text, h.Score})
		}
		return encodeJSON(w, out)
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintln(w, "(no matching sentences)")
		return err
	}
	for _, h := range hits {
		src := h.Published.Format(time.DateOnly)
		if h.Source != "" {
			src = Safe(oneLine(h.Source)) + ", " + src
		}
		if _, err := fmt.Fprintf(w, "%s  %.2f  [%s #%d]\n  %s\n", src, h.Score, Safe(h.ArticleID), h.Sentence,
			wrap(Safe(oneLine(display(h.Text))), 76, "  ")); err != nil {
			return err
		}
	}
	return nil
}

// Stats writes the summary of a store, as JSON when f is JSON.
func Stats(w io.Writer, st store.Stats, f Format) error {
	if f == JSON {
		return encodeJSON(w, map[string]any{
			"path": st.Path, "backend": st.Backend, "bytes": st.Bytes, "articles": st.Articles, "sentences": st.Sentences,
			"timexes": st.Timexes, "resolved_timexes": st.Resolved, "first": day(st.First), "last": day(st.Last),
			"sources": counts(st.Sources), "months": counts(st.Months), "top_days": counts(st.TopDays),
			"entity_names": st.Names, "entity_mentions": st.Mentions,
			"stories": st.Stories, "story_articles": st.InStories,
		})
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "store\t%s (%s, %.1f MB)\n", Safe(st.Path), st.Backend, float64(st.Bytes)/1e6)
	fmt.Fprintf(tw, "articles\t%d\n", st.Articles)
	fmt.Fprintf(tw, "published\t%s .. %s\n", day(st.First), day(st.Last))
	fmt.Fprintf(tw, "sentences\t%d\n", st.Sentences)
	fmt.Fprintf(tw, "time expressions\t%d (%d on the calendar)\n", st.Timexes, st.Resolved)
	fmt.Fprintf(tw, "entity mentions\t%d (%d names)\n", st.Mentions, st.Names)
	fmt.Fprintf(tw, "stories told more than once\t%d (%d articles)\n", st.Stories, st.InStories)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, sec := range []struct {
		title string
		cs    []store.Count
	}{{"sources", st.Sources}, {"articles per month", st.Months}, {"most referred-to days", st.TopDays}} {
		if len(sec.cs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", sec.title)
		for _, c := range sec.cs {
			fmt.Fprintf(tw, "  %s\t%d\n", Safe(c.Label), c.N)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func counts(cs []store.Count) []map[string]any {
	out := []map[string]any{}
	for _, c := range cs {
		out = append(out, map[string]any{"label": c.Label, "n": c.N})
	}
	return out
}
