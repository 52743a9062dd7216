package quote

import (
	"iter"
	"runtime"

	"github.com/dateline-news/dateline/internal/cluster"
)

// Word classes: the sizes of the levels, finest first. Measured on PolNeAR
// dev against no classes: source +0.5, cue +0.9, content +1.3 F1.
var classSizes = [classLevels]int{1024, 256, 64, 16}

// learnClasses clusters the words of texts (tokenized and normalized as
// the labellers see them, one sequence per paragraph) with the exchange
// algorithm.
func learnClasses(texts iter.Seq[string], log func(string, ...any)) (map[string]wordClasses, error) {
	corpus := cluster.NewCorpus()
	var ws []string
	for text := range texts {
		d := newDoc(text)
		for _, p := range d.paras {
			ws = ws[:0]
			for i := p.from; i < p.to; i++ {
				t := d.toks[i]
				ws = append(ws, cluster.Form(norm(t, d.text[t.b:t.e])))
			}
			corpus.Add(ws)
		}
	}
	log("word classes: %d tokens", corpus.Tokens())
	cl, err := corpus.Cluster(cluster.Options{
		Classes: classSizes[0], Levels: classSizes[1:], MinCount: 3, Iterations: 15, Workers: runtime.GOMAXPROCS(0),
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]wordClasses, len(cl.Words))
	for i, w := range cl.Words {
		c := unknownClasses
		for l := range c {
			if l < len(cl.Classes) {
				c[l] = cl.Classes[l][i]
			}
		}
		out[w] = c
	}
	log("word classes: %d words in classes of %v", len(out), cl.Sizes)
	return out, nil
}
