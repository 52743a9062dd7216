package timeline

import (
	"slices"
	"strings"
	"sync"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/text"
)

// Preparer keeps what reading an article's words gives — each sentence's
// terms in order, its number of words, its wire dateline and whether it is
// boilerplate — so that corpora of many selections of one archive (a
// server's timelines of one topic after another) read each article once.
// The terms are numbered in a vocabulary of the Preparer's own; a Corpus
// renumbers them in the order NewCorpus would meet them, so that its
// timelines are the same to the bit. Articles are known by id, published
// time and text length: a Preparer is for one version of a store (drop it
// when articles are replaced). It keeps at most MaxSentences sentences,
// then starts afresh. It is safe for concurrent use.
type Preparer struct {
	// MaxSentences bounds what is kept (about 100 bytes a sentence); zero
	// means 2,000,000.
	MaxSentences int

	keep      bool
	mu        sync.Mutex
	vocab     *text.Vocabulary // numbers the terms of every article kept
	docs      map[docKey]*preparedDoc
	sentences int
}

// NewPreparer returns an empty Preparer.
func NewPreparer() *Preparer { return newPreparer(true) }

func newPreparer(keep bool) *Preparer {
	return &Preparer{keep: keep, vocab: text.NewVocabulary(), docs: map[docKey]*preparedDoc{}}
}

// docKey identifies an article's version well enough for one store version.
type docKey struct {
	id   string
	pub  int64
	size int
}

// keyOf is the key of d's version.
func keyOf(d annotate.Doc) docKey {
	return docKey{d.Article.ID, d.Article.Published.UnixNano(), len(d.Article.Text)}
}

// preparedDoc is what a Preparer keeps of one article.
type preparedDoc struct {
	hasTitle bool
	title    preparedText
	sents    []preparedText
}

// preparedText is what reading the words of a headline or sentence gives.
type preparedText struct {
	all, clean piece // clean: the text after cut, when cut > 0
	cut        int   // byte offset where the text starts once a wire dateline is stripped (0: none)
	boiler     bool  // text.IsBoilerplate of the text after cut
}

// piece is the terms of a text in order, as ids of the Preparer's
// vocabulary, and its number of words.
type piece struct {
	ids   []int32
	words int
}

// prepare returns what p keeps of d, reading it if need be, with the ids of
// its terms known to l.
func (p *Preparer) prepare(d annotate.Doc, l *localIDs) *preparedDoc {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := keyOf(d)
	pd := p.docs[k]
	if pd == nil {
		pd = p.read(d)
		if p.keep {
			if p.sentences += len(pd.sents); p.sentences > p.maxSentences() {
				p.docs, p.sentences = map[docKey]*preparedDoc{}, len(pd.sents)
				// The vocabulary stays: corpora being built use its ids.
			}
			p.docs[k] = pd
		}
	}
	l.grow(p.vocab)
	return pd
}

// Warm reads d's words now, so that a later corpus need not, and keeps
// them; false, keeping nothing, when p has no room left for them (it never
// starts afresh for Warm). A server warms its Preparer with the stored
// articles when it starts.
func (p *Preparer) Warm(d annotate.Doc) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := keyOf(d)
	if p.docs[k] != nil {
		return true
	}
	if !p.keep || p.sentences+len(d.Sentences) > p.maxSentences() {
		return false
	}
	pd := p.read(d)
	p.sentences += len(pd.sents)
	p.docs[k] = pd
	return true
}

func (p *Preparer) maxSentences() int {
	if p.MaxSentences > 0 {
		return p.MaxSentences
	}
	return 2_000_000
}

// read reads the words of d's headline and sentences.
func (p *Preparer) read(d annotate.Doc) *preparedDoc {
	pd := &preparedDoc{sents: make([]preparedText, len(d.Sentences))}
	if title := strings.TrimSpace(d.Article.Title); title != "" {
		pd.hasTitle = true
		pd.title = preparedText{all: p.piece(title), boiler: text.IsBoilerplate(title)}
	}
	for i, sn := range d.Sentences {
		pt := &pd.sents[i]
		pt.all = p.piece(sn.Text)
		if clean := text.StripDateline(sn.Text); len(clean) < len(sn.Text) {
			pt.cut = len(sn.Text) - len(clean)
			pt.clean = p.piece(clean)
		}
		pt.boiler = text.IsBoilerplate(sn.Text[pt.cut:])
	}
	return pd
}

func (p *Preparer) piece(s string) piece {
	ids, n := p.vocab.IDs(nil, s)
	return piece{slices.Clip(ids), n}
}

// local returns an empty renumbering for a new corpus.
func (p *Preparer) local() *localIDs { return &localIDs{} }

// localIDs renumbers a Preparer's term ids for one corpus, in the order the
// corpus meets them.
type localIDs struct {
	of    []int32  // the corpus's id of each Preparer id, -1 when not met yet
	terms []string // the Preparer's terms, by id (a snapshot taken under its lock)
	buf   []int32
}

// grow makes room for the ids of vocab (called under the Preparer's lock).
func (l *localIDs) grow(vocab *text.Vocabulary) {
	for id := len(l.of); id < vocab.Len(); id++ {
		l.of = append(l.of, -1)
		l.terms = append(l.terms, vocab.Term(int32(id)))
	}
}

// counts returns the term counts of pc in c's own ids (numbering terms it
// meets for the first time, as text.Vocabulary.IDs would) and its number of
// words.
func (l *localIDs) counts(c *Corpus, pc piece) (vector, int) {
	ids := l.buf[:0]
	for _, g := range pc.ids {
		id := l.of[g]
		if id < 0 {
			id = c.vocab.Add(l.terms[g])
			l.of[g] = id
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	distinct := 0
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			distinct++
		}
	}
	var tf vector
	if distinct > 0 {
		tf = make(vector, 0, distinct) // one allocation per sentence, of its size
	}
	for i := 0; i < len(ids); {
		j := i
		for j < len(ids) && ids[j] == ids[i] {
			j++
		}
		tf = append(tf, weight{ids[i], float32(j - i)})
		i = j
	}
	l.buf = ids
	return tf, pc.words
}
