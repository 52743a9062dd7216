package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Names of the ROUGE-1.5.5 data files that LoadROUGE reads.
const (
	StopWordsFile  = "smart_common_words.txt"
	ExceptionsFile = "WordNet-2.0-exceptions.tsv"
)

// ROUGE turns sentences into the n-gram units that ROUGE-1.5.5 counts when
// it is run as tilse runs it (-n 2 -m -s, SEE input written by tilse's
// pyrouge): tokenization, stop-word removal and stemming.
//
// A ROUGE built by LoadROUGE from ROUGE's own data files reproduces
// ROUGE-1.5.5 exactly. The one from ApproximateROUGE uses a short stop list
// of its own and plain Porter stemming without WordNet's exceptions; its
// scores are close to, but not, the published metric.
//
// A ROUGE is safe for concurrent use.
type ROUGE struct {
	stop        map[string]bool
	exceptions  map[string]string
	approximate bool
	source      string

	mu    sync.RWMutex
	stems map[string]string // token → MorphStem(token), memoized
}

// LoadROUGE reads ROUGE-1.5.5's stop list (smart_common_words.txt) and its
// WordNet-2.0 exception table, dumped as WordNet-2.0-exceptions.tsv
// (word TAB base per line), from dir. An empty dir gives ApproximateROUGE.
func LoadROUGE(dir string) (*ROUGE, error) {
	if dir == "" {
		return ApproximateROUGE(), nil
	}
	stop := map[string]bool{}
	stopPath := filepath.Join(dir, StopWordsFile)
	err := readLines(stopPath, func(line string, _ int) error {
		// ROUGE chomps each line and keeps the rest, blanks included.
		stop[line] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load ROUGE stop words: %w", err)
	}
	exc := map[string]string{}
	excPath := filepath.Join(dir, ExceptionsFile)
	err = readLines(excPath, func(line string, n int) error {
		if line == "" {
			return nil
		}
		word, base, ok := strings.Cut(line, "\t")
		if !ok || word == "" || strings.Contains(base, "\t") {
			return fmt.Errorf("%s:%d: want word<TAB>base, got %q", excPath, n, line)
		}
		exc[word] = base
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load ROUGE exceptions: %w", err)
	}
	if len(stop) == 0 || len(exc) == 0 {
		return nil, fmt.Errorf("load ROUGE data from %s: empty stop list or exception table", dir)
	}
	return &ROUGE{stop: stop, exceptions: exc, source: dir, stems: map[string]string{}}, nil
}

// ApproximateROUGE returns a ROUGE that needs no data files: it removes the
// package's own short list of English function words and Porter-stems
// without the WordNet exception table. Scores computed with it are
// approximate and must be labelled so.
func ApproximateROUGE() *ROUGE {
	stop := make(map[string]bool, len(fallbackStopWords))
	for _, w := range strings.Fields(fallbackStopWords) {
		stop[w] = true
	}
	return &ROUGE{stop: stop, approximate: true, source: "built-in approximation", stems: map[string]string{}}
}

// Approximate reports whether r lacks ROUGE's own data files, so that scores
// computed with it only approximate ROUGE-1.5.5.
func (r *ROUGE) Approximate() bool { return r.approximate }

// Source describes where r's stop list and exception table came from.
func (r *ROUGE) Source() string { return r.source }

// fallbackStopWords is dateline's own stop list for approximate scoring: a
// short list of English function words (articles, pronouns, auxiliaries,
// prepositions, conjunctions), written for this package. It is not
// ROUGE's SMART list.
const fallbackStopWords = `
a an the this that these those
i me my we us our you your he him his she her it its they them their
who whom whose which what when where why how
am is are was were be been being
have has had having do does did done doing
will would shall should can could may might must
and or but nor not no so if then than because as
of to in on at by for with from into onto upon about over under
after before between through during without within against among
up down out off again further once
all any both each few more most other some such only own same
very too just also there here
s t
`

// readLines calls fn with every line of the file at path (without its line
// feed) and its 1-based number.
func readLines(path string, fn func(line string, n int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(sc.Text(), n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s:%d: %w", path, n+1, err)
	}
	return nil
}

// readText returns the tokens ROUGE-1.5.5's readText produces from the
// sentences of one summary, written as tilse's pyrouge writes them (one SEE
// line per sentence): each sentence's whitespace-separated tokens are joined
// by single spaces with '^' written as "&circ;"; ROUGE keeps the text up to
// the first '<' (a sentence that leaves nothing is dropped), lower-cases
// A-Z, pads '-' with spaces, turns every other character outside
// [A-Za-z0-9-] (every non-ASCII byte too) into a space, and splits on
// spaces. Sentences are concatenated, so the token stream runs on across
// sentence boundaries.
func readText(sentences []string, out []string) []string {
	var b []byte
	for _, s := range sentences {
		text := seeText(s)
		if text == "" {
			continue
		}
		b = b[:0]
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b = append(b, c)
			case c == '-':
				b = append(b, ' ', '-', ' ')
			default:
				b = append(b, ' ')
			}
		}
		out = append(out, strings.Fields(string(b))...)
	}
	return out
}

// seeText is the text ROUGE reads back from the SEE line tilse writes for a
// sentence: the sentence split on (Python) whitespace, tokens joined by one
// space with '^' as "&circ;", cut at the first '<'.
func seeText(sentence string) string {
	toks := pyFields(sentence)
	if len(toks) == 0 {
		return ""
	}
	text := strings.Join(toks, " ")
	text = strings.ReplaceAll(text, "^", "&circ;")
	if i := strings.IndexByte(text, '<'); i >= 0 {
		text = text[:i]
	}
	return text
}

// units returns the units ROUGE-1.5.5's createNGram counts for the tokens
// of readText: stop words removed first, then tokens that do not start with
// [a-z0-9$] dropped, then tokens longer than three bytes stemmed (WordNet
// exception table first, Porter otherwise).
func (r *ROUGE) units(tokens []string, out []string) []string {
	for _, t := range tokens {
		if r.stop[t] {
			continue
		}
		c := t[0]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '$') {
			continue
		}
		if len(t) > 3 {
			t = r.morphStem(t)
		}
		out = append(out, t)
	}
	return out
}

// morphStem is ROUGE-1.5.5's MorphStem: the WordNet exception's base form
// when the token has one, its Porter stem otherwise. Results are memoized.
func (r *ROUGE) morphStem(t string) string {
	r.mu.RLock()
	s, ok := r.stems[t]
	r.mu.RUnlock()
	if ok {
		return s
	}
	if base, ok := r.exceptions[t]; ok {
		s = base
	} else {
		s = porterStem(t)
	}
	r.mu.Lock()
	r.stems[t] = s
	r.mu.Unlock()
	return s
}

// Units returns the ROUGE units of a summary given as sentences: what
// ROUGE-1.5.5 counts unigrams and bigrams over, after its tokenization,
// stop-word removal and stemming.
func (r *ROUGE) Units(sentences []string) []string {
	return r.units(readText(sentences, nil), nil)
}
