package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/conll"
	"github.com/dateline-news/dateline/internal/entity"
)

// newBenchNERCmd is `dateline bench ner`: score the recognizer on a
// CoNLL-2003 file as conlleval does.
func newBenchNERCmd(g *globals) *cobra.Command {
	var data, model, jsonOut string
	var top int
	var errs bool
	cmd := &cobra.Command{
		Use:   "ner --data FILE",
		Short: "Score the named-entity recognizer on CoNLL-2003 (phrase-level exact P/R/F1)",
		Long: `Bench ner writes each document of a CoNLL-2003 file as a user's file would
hold it (one sentence per line, tokens separated by single spaces), runs the
recognizer on it, and scores the mentions against the gold names as conlleval
does: a name is found when its type and both boundaries match. It prints
precision, recall and F1 per type and overall, the most frequent error kinds,
and the throughput of recognition on one core.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				return fmt.Errorf("--data FILE is required")
			}
			docs, err := readCoNLL(data)
			if err != nil {
				return err
			}
			m, err := loadNERModel(model)
			if err != nil {
				return err
			}
			rec := entity.NewRecognizer(m)
			rep := conll.Evaluate(docs, rec)
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s: %d documents, %d sentences, %d tokens\n\n", data, rep.Docs, rep.Sentences, rep.Tokens)
			if err := rep.Score.WriteTable(w); err != nil {
				return err
			}
			cold, warm := rep.MBPerSecond()
			fmt.Fprintf(w, "\nthroughput (one goroutine, wall clock): %.2f MB in %.3fs = %.1f MB/s cold, %.3fs = %.1f MB/s warm\n",
				float64(rep.Bytes)/1e6, rep.Seconds, cold, rep.WarmSeconds, warm)
			if rep.OffToken > 0 {
				fmt.Fprintf(w, "mentions off token boundaries: %d\n", rep.OffToken)
			}
			fmt.Fprintf(w, "\nmost frequent errors:\n")
			for _, k := range rep.Score.TopErrors(top) {
				fmt.Fprintf(w, "  %5d  %s\n", k.Count, k.Kind)
			}
			if errs {
				fmt.Fprintln(w)
				for _, e := range rep.Errors {
					fmt.Fprintln(w, e)
				}
			}
			if jsonOut != "" {
				b, err := json.MarshalIndent(rep, "", "  ")
				if err != nil {
					return err
				}
				if err := os.WriteFile(jsonOut, append(b, '\n'), 0o644); err != nil {
					return fmt.Errorf("write %s: %w", jsonOut, err)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "", "CoNLL-2003 file to score on (dev.conll)")
	f.StringVar(&model, "model", "", "score this model file instead of the embedded one")
	f.StringVar(&jsonOut, "json", "", "also write the report as JSON to this file")
	f.IntVar(&top, "top", 10, "number of most frequent error kinds to print")
	f.BoolVar(&errs, "errors", false, "list every error with its sentence")
	return cmd
}

// loadNERModel reads a model file, or returns the embedded model when path
// is empty.
func loadNERModel(path string) (*entity.Model, error) {
	if path == "" {
		return entity.Shipped()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := entity.ReadModel(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
