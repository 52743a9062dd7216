// Package sample holds dateline's built-in demo corpus: a dozen short dated
// articles about an invented story — the closing and rebuilding of the north
// pier of Port Elvin, a fictional harbour town — written for the project,
// with the relative dates ("on Monday", "next week", "yesterday") that the
// time-expression tagger has to resolve.
//
// It feeds `dateline demo` and tests that want a small realistic corpus; it
// stands outside the pipeline.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed articles/*.txt
var files embed.FS

// Names returns the file names of the sample articles, in order.
func Names() []string {
	entries, _ := fs.ReadDir(files, "articles")
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// WriteTo copies the sample articles into dir (one-article text files) and
// returns their paths.
func WriteTo(dir string) ([]string, error) {
	var paths []string
	for _, name := range Names() {
		b, err := files.ReadFile("articles/" + name)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", name, err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, fmt.Errorf("write sample %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
