package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/render"
)

// newEntitiesCmd builds `dateline entities`.
func newEntitiesCmd(g *globals) *cobra.Command {
	var (
		format, dct, typ, model string
		top                     int
		w                       workers
	)
	cmd := &cobra.Command{
		Use:   "entities [--type PER|ORG|LOC|MISC] [--format text|json] [PATH...] | --dct YYYY-MM-DD FILE",
		Short: "List the people, organizations, places and other names of articles",
		Long: `Entities finds the named entities (CoNLL-2003 types PER, ORG, LOC, MISC) of
the articles under PATH... (any input ingest takes) and prints the most
mentioned: each entity under its canonical name, with its type, aliases (the
names it goes by: "Putin", "Russian President Vladimir Putin"), mentions,
articles, and the first and last publication dates it appears on. --format
json prints the same as JSON. Without PATH, the entities are those of the
database (--db), from the counts ingest keeps (its aliases are then the
canonical names grouped under it).

With --dct, FILE (or - for standard input) is one plain-text article, read as
it is (no header line), and the output is its mentions:
  {"entities": [{"start", "end", "text", "type", "name"}]}
where start and end are offsets in Unicode code points of the file's text
(end exclusive), text is the mention as written and name its canonical name
in the article ("Tillerson" → "Rex Tillerson"). A file with one sentence per
line and tokens separated by spaces (CoNLL, PTB) is split at the spaces only,
so every mention starts and ends on its tokens.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %q: want text or json", format)
			}
			if typ != "" && !validType(typ) {
				return fmt.Errorf("--type %q: want PER, ORG, LOC or MISC", typ)
			}
			m, err := loadNERModel(model)
			if err != nil {
				return err
			}
			rec := entity.NewRecognizer(m)
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if dct != "" {
				if len(args) != 1 {
					return fmt.Errorf("--dct takes one FILE, got %d", len(args))
				}
				if _, err := article.ParseDate(dct); err != nil {
					return fmt.Errorf("--dct %q: %w", dct, err)
				}
				return fileMentions(out, rec, args[0], cmd.InOrStdin(), format, typ)
			}
			var ents []render.EntityRow
			if len(args) == 0 {
				if ents, err = storedEntities(cmd.Context(), g.db, typ); err != nil {
					return err
				}
			} else {
				tally, err := tallyEntities(rec, args, w.n(), cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				ents = tally.entities(typ)
			}
			if top > 0 && len(ents) > top {
				ents = ents[:top]
			}
			return render.Entities(out, ents, render.Format(format))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "text", "output format: text or json")
	f.StringVar(&dct, "dct", "", "FILE is one plain-text article published on this date: print its mentions")
	f.StringVar(&typ, "type", "", "only entities of this type (PER, ORG, LOC, MISC)")
	f.IntVar(&top, "top", 30, "print the N most mentioned entities (0: all)")
	f.StringVar(&model, "model", "", "use this model file instead of the embedded one")
	_ = f.MarkHidden("model")
	addWorkersFlag(f, &w)
	return cmd
}

func validType(t string) bool {
	switch entity.Type(t) {
	case entity.Person, entity.Organization, entity.Location, entity.Misc:
		return true
	}
	return false
}

// fileMentions prints the mentions of one plain-text file.
func fileMentions(out io.Writer, rec *entity.Recognizer, name string, stdin io.Reader, format, typ string) error {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
		name = "<stdin>"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: not UTF-8 text (invalid byte at offset %d)", name, invalidAt(data))
	}
	var list []entity.Mention
	for _, m := range rec.Recognize(string(data)) {
		if typ == "" || string(m.Type) == typ {
			list = append(list, m)
		}
	}
	return render.Mentions(out, list, render.Format(format))
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// storedEntities groups the entity counts of the store at db into
// entities (entity.Group), of type typ if given, most mentioned first.
func storedEntities(ctx context.Context, db, typ string) ([]render.EntityRow, error) {
	st, err := openStore(db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	counts, err := st.Entities(ctx)
	if err != nil {
		return nil, err
	}
	return render.EntityRows(counts, typ), nil
}

// entityTally counts the canonical names of the mentions of many
// articles: mentions, articles, first and last day.
type entityTally struct {
	records map[nameKey]*nameStats
}

type nameKey struct {
	name string
	typ  entity.Type
}

type nameStats struct {
	mentions    int
	articles    map[string]bool
	forms       map[string]int // the mentions as written
	first, last time.Time
}

// tallyEntities recognizes the entities of every article under paths with n
// workers.
func tallyEntities(rec *entity.Recognizer, paths []string, n int, stderr io.Writer) (*entityTally, error) {
	type result struct {
		a  article.Article
		ms []entity.Mention
	}
	jobs := make(chan article.Article)
	results := make(chan result)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range jobs {
				results <- result{a, rec.Recognize(a.Text)}
			}
		}()
	}
	read, bad := 0, 0
	go func() {
		warn := warnBad(stderr)
		for a, err := range article.Read(paths...) {
			if err != nil {
				bad++
				warn(err)
				continue
			}
			read++
			jobs <- a
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	t := &entityTally{records: map[nameKey]*nameStats{}}
	for r := range results {
		day := r.a.Day()
		for _, m := range r.ms {
			k := nameKey{m.Name, m.Type}
			st := t.records[k]
			if st == nil {
				st = &nameStats{articles: map[string]bool{}, forms: map[string]int{}, first: day, last: day}
				t.records[k] = st
			}
			st.mentions++
			st.forms[m.Text]++
			st.articles[r.a.ID] = true
			if day.Before(st.first) {
				st.first = day
			}
			if day.After(st.last) {
				st.last = day
			}
		}
	}
	if read == 0 && bad > 0 {
		return nil, fmt.Errorf("no article could be read")
	}
	return t, nil
}

// aliasesOf lists the names of an entity other than name, most mentioned
// first: the canonical names grouped under it and the ways its mentions
// were written.
func aliasesOf(name string, forms map[string]int) []string {
	var out []string
	for f := range forms {
		if f != name {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(forms[b], forms[a]), cmp.Compare(a, b)) })
	return out
}

// entities groups the tallied names into entities (entity.Group), of type
// typ if given, most mentioned first.
func (t *entityTally) entities(typ string) []render.EntityRow {
	records := make([]entity.Record, 0, len(t.records))
	byName := map[string][]*nameStats{}
	for k, st := range t.records {
		records = append(records, entity.Record{Name: k.name, Type: k.typ, Count: st.mentions, Articles: len(st.articles)})
		byName[k.name] = append(byName[k.name], st)
	}
	slices.SortFunc(records, func(a, b entity.Record) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Type, b.Type)) })
	var rows []render.EntityRow
	for _, e := range entity.Group(records) {
		if typ != "" && string(e.Type) != typ {
			continue
		}
		row := render.EntityRow{Name: e.Name, Type: string(e.Type), Mentions: e.Count}
		var first, last time.Time
		arts := map[string]bool{}
		forms := map[string]int{}
		for _, a := range e.Aliases {
			forms[a.Name] += 0
			for _, st := range byName[a.Name] {
				for f, c := range st.forms {
					forms[f] += c
				}
				for id := range st.articles {
					arts[id] = true
				}
				if first.IsZero() || st.first.Before(first) {
					first = st.first
				}
				if st.last.After(last) {
					last = st.last
				}
			}
		}
		row.Articles = len(arts)
		row.First, row.Last = first.Format(time.DateOnly), last.Format(time.DateOnly)
		row.Aliases = aliasesOf(e.Name, forms)
		rows = append(rows, row)
	}
	return rows
}
