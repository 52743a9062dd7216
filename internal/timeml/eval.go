package timeml

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dateline-news/dateline/internal/timex"
)

// DevEvery is the period of the held-out split: every DevEvery-th
// document (in path order) of an evaluated directory belongs to it. The
// time tagger's rules are not tuned on it (docs/TIMEX.md).
const DevEvery = 5

// Group names used by Evaluate besides the document types.
const (
	GroupAll = "all"
	GroupDev = "held-out (every 5th doc)"
	GroupFit = "tuning (4 of 5 docs)"
)

// Group is the score of a set of documents.
type Group struct {
	Name   string `json:"name"`
	Counts Counts `json:"counts"`
	Scores Scores `json:"scores"`
}

// KindCount is how often one kind of error occurred.
type KindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// Report is the result of scoring a tagger on a directory of TimeML files.
type Report struct {
	Dir string `json:"dir"`
	// Groups: all documents, then one group per document type (the name of
	// the directory holding the file), then the development split and the
	// rest.
	Groups     []Group     `json:"groups"`
	ErrorKinds []KindCount `json:"error_kinds"` // most frequent first
	Errors     []Error     `json:"errors"`
	Bytes      int64       `json:"bytes"`       // bytes of text tagged
	TagSeconds float64     `json:"tag_seconds"` // time spent in Tag, one goroutine
	MBPerSec   float64     `json:"mb_per_sec"`  // Bytes / TagSeconds / 1e6
}

// Evaluate tags the text of every .tml file under dir (recursively, in path
// order) with t, resolving against each document's DCT, and scores the
// result against the gold TIMEX3. It runs on one goroutine so that the
// throughput is that of one core.
func Evaluate(dir string, t timex.Tagger) (*Report, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("evaluate %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("evaluate %s: no .tml files", dir)
	}
	sort.Strings(paths)
	rep := &Report{Dir: dir}
	groups := map[string]*Counts{}
	var order []string
	add := func(name string, c Counts) {
		g, ok := groups[name]
		if !ok {
			g = &Counts{}
			groups[name] = g
			order = append(order, name)
		}
		g.Add(c)
	}
	add(GroupAll, Counts{})
	var elapsed time.Duration
	for i, p := range paths {
		doc, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		if doc.DCT == "" {
			return nil, fmt.Errorf("%s: %w", p, ErrNoDCT)
		}
		dct, err := ParseDCT(doc.DCT)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		start := time.Now()
		sys := t.Tag(doc.Text, dct)
		elapsed += time.Since(start)
		rep.Bytes += int64(len(doc.Text))
		rel, _ := filepath.Rel(dir, p)
		c, errs := Compare(rel, doc.Timexes, sys)
		rep.Errors = append(rep.Errors, errs...)
		add(GroupAll, c)
		add(filepath.Base(filepath.Dir(p)), c)
		if i%DevEvery == DevEvery-1 {
			add(GroupDev, c)
		} else {
			add(GroupFit, c)
		}
	}
	// document types first, then the splits
	sort.SliceStable(order, func(a, b int) bool { return rank(order[a]) < rank(order[b]) })
	for _, name := range order {
		rep.Groups = append(rep.Groups, Group{Name: name, Counts: *groups[name], Scores: groups[name].Scores()})
	}
	kinds := map[string]int{}
	for _, e := range rep.Errors {
		kinds[e.Kind]++
	}
	for k, n := range kinds {
		rep.ErrorKinds = append(rep.ErrorKinds, KindCount{k, n})
	}
	sort.Slice(rep.ErrorKinds, func(a, b int) bool {
		if rep.ErrorKinds[a].Count != rep.ErrorKinds[b].Count {
			return rep.ErrorKinds[a].Count > rep.ErrorKinds[b].Count
		}
		return rep.ErrorKinds[a].Kind < rep.ErrorKinds[b].Kind
	})
	rep.TagSeconds = elapsed.Seconds()
	if rep.TagSeconds > 0 {
		rep.MBPerSec = float64(rep.Bytes) / rep.TagSeconds / 1e6
	}
	return rep, nil
}

func rank(name string) int {
	switch name {
	case GroupAll:
		return 0
	case GroupDev:
		return 2
	case GroupFit:
		return 3
	}
	return 1
}

// Group returns the group of the given name, or false.
func (r *Report) Group(name string) (Group, bool) {
	for _, g := range r.Groups {
		if g.Name == name {
			return g, true
		}
	}
	return Group{}, false
}

// WriteTable writes the score table, the throughput and the top error kinds
// (at most topErrors of them) as aligned text.
func (r *Report) WriteTable(w io.Writer, topErrors int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "group\tdocs\tgold\tsys\tstrict P\tR\tF1\trelaxed P\tR\tF1\ttype acc\tvalue acc\ttype F1\tvalue F1\t")
	for _, g := range r.Groups {
		s := g.Scores
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n",
			g.Name, g.Counts.Docs, g.Counts.Gold, g.Counts.System,
			s.StrictP, s.StrictR, s.StrictF1, s.RelaxedP, s.RelaxedR, s.RelaxedF1,
			s.TypeAcc, s.ValueAcc, s.TypeF1, s.ValueF1)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nthroughput: %.2f MB/s of text, one core (%d bytes in %.3fs of tagging)\n", r.MBPerSec, r.Bytes, r.TagSeconds)
	if topErrors > 0 && len(r.ErrorKinds) > 0 {
		fmt.Fprintf(w, "\nmost frequent error kinds:\n")
		for i, k := range r.ErrorKinds {
			if i == topErrors {
				break
			}
			fmt.Fprintf(w, "%5d  %s\n", k.Count, k.Kind)
		}
	}
	return nil
}
