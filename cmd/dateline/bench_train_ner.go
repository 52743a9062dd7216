package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/cluster"
	"github.com/dateline-news/dateline/internal/conll"
	"github.com/dateline-news/dateline/internal/entity"
)

// newBenchTrainNERCmd is `dateline bench train-ner`: learn word classes
// from unlabelled news text, train the recognizer on CoNLL-2003 and write
// the model that internal/entity embeds.
func newBenchTrainNERCmd(g *globals) *cobra.Command {
	var (
		train, dev, out, classesFile   string
		from                           []string
		classes, minCount              int
		epochs, featMin, folds, gazMin int
		casingMin, seeds               int
		gazShare                       float64
		seed                           uint64
		everyEpoch                     bool
	)
	cmd := &cobra.Command{
		Use:   "train-ner --train FILE --clusters-from PATH... --out FILE",
		Short: "Train the named-entity recognizer (word classes, then the labeller)",
		Long: `Train-ner reads the unlabelled text under the --clusters-from paths
(articles.jsonl files of the TLS datasets, directories of .txt articles such
as PolNeAR's) and the tokens of --train, learns word classes from it with the
exchange algorithm (or reads them from --classes-file) and how each word is
usually capitalized, then trains the averaged-perceptron labeller on the
--train CoNLL file — first-pass labels of five folds for the document
features, then --seeds labellers averaged — and writes the model. With --dev
it prints the development score of each labeller (--every-epoch: after every
epoch, to choose --epochs; never tune on anything else). Training is
deterministic.

An optional gazetteer (--gazetteer-min-count N) lists the names a first model
finds in the unlabelled text at least N times with one type; it measured no
better on the development data and is off by default.

The shipped model is retrained with:

  dateline bench train-ner --train ../shared/data/conll2003/train.conll \
    --dev ../shared/data/conll2003/dev.conll \
    --clusters-from ../shared/data/tls/t17 --clusters-from ../shared/data/tls/entities-dev \
    --clusters-from ../shared/data/polnear/train/text --out internal/entity/model.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if train == "" || out == "" {
				return fmt.Errorf("--train and --out are required")
			}
			w := cmd.OutOrStdout()
			start := time.Now()
			trainDocs, err := readCoNLL(train)
			if err != nil {
				return err
			}
			var devDocs []conll.Document
			if dev != "" {
				if devDocs, err = readCoNLL(dev); err != nil {
					return err
				}
			}
			var cl *cluster.Clustering
			var u *entity.Unlabelled
			if len(from) > 0 {
				if u, err = readUnlabelled(w, from, trainDocs); err != nil {
					return err
				}
			}
			switch {
			case classesFile != "" && fileExists(classesFile):
				if cl, err = readClasses(classesFile); err != nil {
					return err
				}
				fmt.Fprintf(w, "word classes: %d words, levels %v, read from %s\n", len(cl.Words), cl.Sizes, classesFile)
			case u != nil:
				if cl, err = learnClasses(w, u, classes, minCount); err != nil {
					return err
				}
				if classesFile != "" {
					if err := writeClasses(classesFile, cl); err != nil {
						return err
					}
				}
			}
			info := fmt.Sprintf("trained on %s, word classes from %s, %d epochs", filepath.Base(train), strings.Join(from, " "), epochs)
			t0 := time.Now()
			m, err := entity.Train(conll.TrainingDocs(trainDocs), entity.TrainOptions{
				Epochs: epochs, Seed: seed, Seeds: seeds, MinCount: featMin, Classes: cl, Info: info, Folds: folds,
				Unlabelled: u, CasingMinCount: casingMin, GazetteerMinCount: gazMin, GazetteerShare: gazShare,
				Log: func(format string, args ...any) {
					fmt.Fprintf(w, format+" (%.0fs)\n", append(args, time.Since(t0).Seconds())...)
				},
				Epoch: func(e, wrong int, m *entity.Model) {
					line := fmt.Sprintf("epoch %2d: %6d tokens wrong", e, wrong)
					if e < epochs && !everyEpoch {
						return
					}
					if devDocs != nil {
						rep := conll.Evaluate(devDocs, entity.NewRecognizer(m))
						_, _, f := rep.Score.All.PRF()
						line += fmt.Sprintf(", dev F1 %.2f", f)
					}
					fmt.Fprintf(w, "%s (%.0fs)\n", line, time.Since(t0).Seconds())
				},
			})
			if err != nil {
				return err
			}
			b, err := m.MarshalBinary()
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			fmt.Fprintf(w, "wrote %s: %d bytes, %s; %.0fs in all\n", out, len(b), m.Stats(), time.Since(start).Seconds())
			if devDocs != nil {
				rep := conll.Evaluate(devDocs, entity.NewRecognizer(m))
				_, _, f := rep.Score.All.PRF()
				fmt.Fprintf(w, "dev F1 of the model written: %.2f\n", f)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&train, "train", "", "CoNLL-2003 training file")
	f.StringVar(&dev, "dev", "", "CoNLL-2003 development file, scored after the last epoch of each labeller (--every-epoch: after each)")
	f.BoolVar(&everyEpoch, "every-epoch", false, "score --dev after every epoch (to choose --epochs)")
	f.StringVar(&out, "out", "", "where to write the model")
	f.StringArrayVar(&from, "clusters-from", nil, "unlabelled text to learn word classes from (repeatable)")
	f.StringVar(&classesFile, "classes-file", "", "read the word classes from this file if it exists (instead of learning them), else write the learned ones to it")
	f.IntVar(&classes, "classes", 4096, "word classes of the finest level (coarser levels: a quarter each, down to 16)")
	f.IntVar(&minCount, "class-min-count", 3, "words seen fewer times get no class")
	f.IntVar(&epochs, "epochs", 15, "passes over the training data")
	f.IntVar(&featMin, "feature-min-count", 1, "features seen fewer times are dropped")
	f.IntVar(&casingMin, "casing-min-count", 3, "words seen fewer times in the unlabelled text get no casing feature (0: no casing features)")
	f.IntVar(&gazMin, "gazetteer-min-count", 0, "names found fewer times in the unlabelled text stay out of the gazetteer (0: no gazetteer)")
	f.Float64Var(&gazShare, "gazetteer-share", 0.8, "share of a name's mentions its type must have to enter the gazetteer")
	f.IntVar(&folds, "folds", 5, "folds of the first-pass labels that document features learn from (0: no document features)")
	f.Uint64Var(&seed, "seed", 1, "order of the training instances")
	f.IntVar(&seeds, "seeds", 3, "labellers trained with seeds seed, seed+1, ... and averaged")
	return cmd
}

func readCoNLL(path string) ([]conll.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conll.Read(f, path)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func readClasses(path string) (*cluster.Clustering, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return cluster.Read(f, path)
}

func writeClasses(path string, cl *cluster.Clustering) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := cl.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// readUnlabelled reads the unlabelled text under the paths and the
// training tokens.
func readUnlabelled(w io.Writer, from []string, train []conll.Document) (*entity.Unlabelled, error) {
	t0 := time.Now()
	u := entity.NewUnlabelled()
	for _, p := range from {
		if err := addUnlabelled(u, p); err != nil {
			return nil, err
		}
	}
	for _, d := range train {
		for _, s := range d.Sentences {
			u.AddTraining(strings.Join(s.Tokens, " ") + "\n")
		}
	}
	fmt.Fprintf(w, "unlabelled text: %d texts, %d tokens read in %.0fs\n", u.Texts(), u.Corpus.Tokens(), time.Since(t0).Seconds())
	return u, nil
}

// learnClasses clusters the words of the unlabelled text.
func learnClasses(w io.Writer, u *entity.Unlabelled, classes, minCount int) (*cluster.Clustering, error) {
	t0 := time.Now()
	levels := []int{}
	for n := classes / 4; n >= 16; n /= 4 {
		levels = append(levels, n)
	}
	cl, err := u.Corpus.Cluster(cluster.Options{
		Classes: classes, Levels: levels, MinCount: minCount, Iterations: 20, Workers: runtime.GOMAXPROCS(0),
		Log: func(level, pass, moved int, ll float64) {
			fmt.Fprintf(w, "  level %d pass %d: %d moved, log-likelihood %.6g (%.0fs)\n", level, pass, moved, ll, time.Since(t0).Seconds())
		},
	})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "word classes: %d words, levels %v, %.0fs\n", len(cl.Words), cl.Sizes, time.Since(t0).Seconds())
	return cl, nil
}

// addUnlabelled adds the texts under path: the articles of each
// articles.jsonl (a directory holding one is read through it alone, as
// the TLS datasets are laid out) and every .txt file as plain text.
func addUnlabelled(u *entity.Unlabelled, path string) error {
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if _, err := os.Stat(filepath.Join(p, "articles.jsonl")); err == nil {
				for a, err := range article.Read(filepath.Join(p, "articles.jsonl")) {
					if err != nil {
						continue // a bad record costs its text only
					}
					u.Add(a.Text)
				}
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".txt") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			u.Add(string(b))
		}
		return nil
	})
}
