package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/polnear"
	"github.com/dateline-news/dateline/internal/quote"
)

// newBenchQuotesCmd builds `dateline bench quotes`: score the quote
// extractor on a PolNeAR split, after training it when asked.
func newBenchQuotesCmd(g *globals) *cobra.Command {
	var (
		data, train, write string
		classesFrom        string
		unlabelled         []string
		epochs, top        int
		cueLabellers       int
		roleLabellers      int
		priorFolds         int
		samples            bool
	)
	cmd := &cobra.Command{
		Use:   "quotes --data DIR [--train DIR [--write FILE]]",
		Short: "Score the quote extractor on PolNeAR (exact source, cue, content P/R/F1)",
		Long: `Extract the quotes of every article of a PolNeAR split (the first annotator's
file of each article, in name order) and score them against the gold
attributions: each span type (source, cue, content) as a set of exact spans per
article, independent of linking; token-overlap P/R/F1; attribution F1 (content
and source both exact); the confusion of quote kinds (direct, mixed,
indirect); the throughput of extraction on one goroutine; and the most
frequent error kinds.

With --train, the extractor is first trained on that split (tune on dev only:
PolNeAR's test split is held out), its word classes learned from the texts
of --unlabelled (files or glob patterns of articles dateline reads) and of the
split, and with --write its model is saved there; the embedded model is
retrained with
  dateline bench quotes --train ../shared/data/polnear/train \
    --unlabelled '../shared/data/tls/*/*/articles.jsonl' \
    --write internal/quote/model.bin --data ../shared/data/polnear/dev`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				return fmt.Errorf("--data DIR is required (a PolNeAR split such as ../shared/data/polnear/dev)")
			}
			x, err := quoteExtractor(cmd, train, unlabelled, classesFrom, write, quote.TrainOptions{
				Epochs: epochs, Seed: 1, CueLabellers: cueLabellers, RoleLabellers: roleLabellers, PriorFolds: priorFolds,
			})
			if err != nil {
				return err
			}
			arts, err := polnear.Read(data)
			if err != nil {
				return err
			}
			return polnear.Evaluate(arts, x, nil).Write(cmd.OutOrStdout(), top, samples)
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "", "PolNeAR split to score on (text/ and attributions/)")
	f.StringVar(&train, "train", "", "train the extractor on this PolNeAR split first")
	f.StringVar(&write, "write", "", "with --train: write the model to this file")
	f.StringSliceVar(&unlabelled, "unlabelled", nil, "with --train: news text to learn word classes from (files or glob patterns, comma-separated)")
	f.StringVar(&classesFrom, "classes-from", "", "with --train: take the word classes of this saved model instead of learning them")
	f.IntVar(&epochs, "epochs", 10, "with --train: passes over the training data")
	f.IntVar(&cueLabellers, "cue-labellers", 3, "with --train: average this many cue labellers trained in other orders")
	f.IntVar(&roleLabellers, "role-labellers", 3, "with --train: average this many role labellers trained in other orders")
	f.IntVar(&priorFolds, "prior-folds", 1, "with --train: cross-fit the cue priors the labellers learn from over this many folds of the training articles")
	f.IntVar(&top, "errors", 10, "list this many of the most frequent error kinds")
	f.BoolVar(&samples, "samples", false, "show examples of each error kind")
	return cmd
}

// quoteExtractor returns the embedded extractor, or one trained on the
// PolNeAR split at train under opt (and saved at write).
func quoteExtractor(cmd *cobra.Command, train string, unlabelled []string, classesFrom, write string, opt quote.TrainOptions) (*quote.Extractor, error) {
	if train == "" {
		return quote.Default()
	}
	arts, err := polnear.Read(train)
	if err != nil {
		return nil, err
	}
	examples := make([]quote.Example, len(arts))
	for i, a := range arts {
		examples[i] = quote.Example{Text: a.Text, Quotes: a.Gold}
	}
	logf := func(format string, a ...any) { fmt.Fprintf(cmd.ErrOrStderr(), format+"\n", a...) }
	var paths []string
	for _, pat := range unlabelled {
		ps, err := filepath.Glob(pat)
		if err != nil || len(ps) == 0 {
			return nil, fmt.Errorf("--unlabelled %s: no such files", pat)
		}
		paths = append(paths, ps...)
	}
	texts := func(yield func(string) bool) {
		bad := 0
		for a, err := range article.Read(paths...) {
			if err != nil {
				bad++ // a record without text gives no words
				continue
			}
			if !yield(a.Text) {
				return
			}
		}
		if bad > 0 {
			logf("unlabelled text: %d records skipped (unreadable or without text)", bad)
		}
	}
	opt.Unlabelled, opt.Log = texts, logf
	if classesFrom != "" {
		b, err := os.ReadFile(classesFrom)
		if err != nil {
			return nil, err
		}
		opt.ClassesFrom = new(quote.Model)
		if err := opt.ClassesFrom.UnmarshalBinary(b); err != nil {
			return nil, fmt.Errorf("%s: %w", classesFrom, err)
		}
	}
	m, err := quote.Train(examples, opt)
	if err != nil {
		return nil, err
	}
	if write != "" {
		b, err := m.MarshalBinary()
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(write, b, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", write, err)
		}
	}
	return quote.New(m), nil
}
