package eval

import (
	"errors"
	"fmt"
	"github.com/dateline-news/dateline/internal/tilse"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one gold timeline of a benchmark directory.
type Gold struct {
	Topic string // the topic directory's name
	Name  string // the file name without ".txt"
	Path  string
	Timeline
}

// LoadGold reads the gold timelines under dir, laid out as
// <topic>/timelines_original/<name>.txt or, for a topic without
// timelines_original/, <topic>/timelines/<name>.txt (the T17 and Entities
// layouts; published T17 numbers are on timelines_original). Topics and
// timelines come in lexical order. It returns the notes of
// ReadTimelineFile.
func LoadGold(dir string) ([]Gold, []string, error) {
	topics, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("load gold timelines: %w", err)
	}
	var golds []Gold
	var notes []string
	for _, t := range topics {
		if !isDir(dir, t) {
			continue
		}
		tdir := ""
		for _, sub := range []string{"timelines_original", "timelines"} {
			p := filepath.Join(dir, t.Name(), sub)
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				tdir = p
				break
			}
		}
		if tdir == "" {
			continue
		}
		files, err := os.ReadDir(tdir)
		if err != nil {
			return nil, nil, fmt.Errorf("load gold timelines: %w", err)
		}
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".txt") {
				continue
			}
			p := filepath.Join(tdir, f.Name())
			tl, n, err := tilse.ReadFile(p)
			if err != nil {
				return nil, nil, fmt.Errorf("load gold timelines: %w", err)
			}
			notes = append(notes, n...)
			golds = append(golds, Gold{Topic: t.Name(), Name: strings.TrimSuffix(f.Name(), ".txt"), Path: p, Timeline: tl})
		}
	}
	if len(golds) == 0 {
		return nil, nil, fmt.Errorf("load gold timelines: no <topic>/timelines_original/*.txt or <topic>/timelines/*.txt under %s", dir)
	}
	sort.SliceStable(golds, func(i, j int) bool {
		if golds[i].Topic != golds[j].Topic {
			return golds[i].Topic < golds[j].Topic
		}
		return golds[i].Name < golds[j].Name
	})
	return golds, notes, nil
}

// isDir reports whether the entry is a directory, following a symbolic
// link.
func isDir(dir string, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink != 0 {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		return err == nil && st.IsDir()
	}
	return false
}

// PredPath is where a prediction for the gold timeline topic/name is
// expected under a prediction directory: <dir>/<topic>/<name>.txt.
func PredPath(dir, topic, name string) string {
	return filepath.Join(dir, topic, name+".txt")
}

// EvaluateDirs scores every gold timeline under goldDir (see LoadGold)
// against the prediction at PredPath(predDir, topic, name). A missing
// prediction scores 0 and is marked in its row; an unreadable or malformed
// one is an error naming the file and line.
func (e *Evaluator) EvaluateDirs(goldDir, predDir string) (*Report, error) {
	golds, notes, err := LoadGold(goldDir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(predDir); err != nil {
		return nil, fmt.Errorf("load predictions: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("load predictions: %s is not a directory", predDir)
	}
	rows := make([]Row, 0, len(golds))
	for _, g := range golds {
		row := Row{Topic: g.Topic, Name: g.Name}
		p := PredPath(predDir, g.Topic, g.Name)
		pred, n, err := tilse.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			row.Missing = true
			notes = append(notes, fmt.Sprintf("%s: no prediction; the timeline scores 0", p))
		case err != nil:
			return nil, fmt.Errorf("load predictions: %w", err)
		default:
			notes = append(notes, n...)
			if k := len(pred) - len(withoutBlankDays(pred)); k > 0 {
				notes = append(notes, fmt.Sprintf("%s: %d of %d dates have no sentence and do not count as predicted", p, k, len(pred)))
			}
			row.Scores = e.Score(pred, g.Timeline)
		}
		rows = append(rows, row)
	}
	rep := NewReport(rows, e.Approximate())
	rep.Notes = notes
	return rep, nil
}
