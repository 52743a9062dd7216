package render

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/store"
	"github.com/dateline-news/dateline/internal/text"
)

// Mentions writes the named entities of one text as JSON,
// {"entities": [{"start", "end", "text", "type", "name"}]}, offsets in runes
// of the text (the `entities --dct` contract), or as text when f is not
// JSON: one mention a line, "start end type text → name".
func Mentions(w io.Writer, ms []entity.Mention, f Format) error {
	list := jsonMentions(ms)
	if f == JSON {
		return encodeJSON(w, struct {
			Entities []jsonMention `json:"entities"`
		}{list})
	}
	for _, m := range list {
		line := fmt.Sprintf("%d\t%d\t%s\t%s", m.Start, m.End, m.Type, Safe(m.Text))
		if m.Name != m.Text {
			line += "\t→ " + Safe(m.Name)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// jsonMention is the JSON shape of an entity mention: rune offsets of the
// text, end exclusive, the mention as written, its type and canonical name.
type jsonMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Name  string `json:"name"`
}

// jsonMentions converts mentions to their JSON shape (never nil).
func jsonMentions(ms []entity.Mention) []jsonMention {
	list := make([]jsonMention, 0, len(ms))
	for _, m := range ms {
		list = append(list, jsonMention{m.Start, m.End, m.Text, string(m.Type), m.Name})
	}
	return list
}

// EntityRow is one entity of a corpus, as `dateline entities` lists them.
type EntityRow struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	// Articles counts, per name of the entity, the articles that give it
	// that name (the store keeps counts per name): an article that gives
	// the entity two names its own reading did not join counts twice.
	Articles int    `json:"articles"`
	First    string `json:"first"` // publication day of its first article
	Last     string `json:"last"`
}

// Entities writes a corpus's entities as JSON ({"entities": [...]}) or as an
// aligned table, at most three aliases shown per row.
func Entities(w io.Writer, rows []EntityRow, f Format) error {
	if f == JSON {
		if rows == nil {
			rows = []EntityRow{}
		}
		for i := range rows {
			if rows[i].Aliases == nil {
				rows[i].Aliases = []string{}
			}
		}
		return encodeJSON(w, struct {
			Entities []EntityRow `json:"entities"`
		}{rows})
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "(no entities found)")
		return err
	}
	width := len("ENTITY")
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(Safe(r.Name)))
	}
	width = min(width, 40)
	if _, err := fmt.Fprintf(w, "%-4s  %-*s  %8s  %8s  %-10s  %-10s  %s\n", "TYPE", width, "ENTITY", "MENTIONS", "ARTICLES", "FIRST", "LAST", "ALIASES"); err != nil {
		return err
	}
	for _, r := range rows {
		aliases, more := r.Aliases, ""
		if len(aliases) > 3 {
			more = fmt.Sprintf(" (+%d)", len(aliases)-3)
			aliases = aliases[:3]
		}
		safe := make([]string, len(aliases))
		for i, a := range aliases {
			safe[i] = Safe(a)
		}
		name := Safe(r.Name)
		if utf8.RuneCountInString(name) > width {
			name = text.Clip(name, width-1)
		}
		if _, err := fmt.Fprintf(w, "%-4s  %-*s  %8d  %8d  %-10s  %-10s  %s%s\n", Safe(r.Type), width, name, r.Mentions, r.Articles, r.First, r.Last, strings.Join(safe, "; "), more); err != nil {
			return err
		}
	}
	return nil
}

// EntityRows groups a store's entity counts into entities (entity.Group:
// a name joins the fuller name it is part of), of type typ if given, most
// mentioned first. An entity's articles are summed over its names: an
// article naming two of them counts twice.
func EntityRows(counts []store.EntityCount, typ string) []EntityRow {
	return GroupedEntityRows(entity.Group(store.Records(counts)), counts, typ)
}

// GroupedEntityRows is EntityRows of counts already grouped into entities
// (entity.Group of store.Records(counts)).
func GroupedEntityRows(entities []entity.Entity, counts []store.EntityCount, typ string) []EntityRow {
	byName := map[string][]store.EntityCount{}
	for _, c := range counts {
		byName[c.Name] = append(byName[c.Name], c)
	}
	var rows []EntityRow
	for _, e := range entities {
		if typ != "" && string(e.Type) != typ {
			continue
		}
		row := EntityRow{Name: e.Name, Type: string(e.Type), Mentions: e.Count}
		var first, last time.Time
		for _, a := range e.Aliases {
			if a.Name != e.Name {
				row.Aliases = append(row.Aliases, a.Name)
			}
			for _, c := range byName[a.Name] {
				row.Articles += c.Articles
				if first.IsZero() || c.First.Before(first) {
					first = c.First
				}
				if c.Last.After(last) {
					last = c.Last
				}
			}
		}
		row.First, row.Last = first.Format(time.DateOnly), last.Format(time.DateOnly)
		rows = append(rows, row)
	}
	return rows
}
