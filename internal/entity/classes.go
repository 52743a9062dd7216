package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/cluster"
)

// classLevelCount is the number of levels of word classes a model holds.
const classLevelCount = 4

// noClass is the class of a word the clustering did not see.
const noClass = 0xFFFF

// classes is a word's class at every level, finest first.
type classes [classLevelCount]uint16

// classTable holds the word classes learned from unlabelled text.
type classTable struct {
	byWord map[string]classes
	sizes  [classLevelCount]int
}

// newClassTable keeps the first classLevelCount levels of a clustering.
func newClassTable(cl *cluster.Clustering) *classTable {
	t := &classTable{byWord: make(map[string]classes, len(cl.Words))}
	for l := 0; l < classLevelCount && l < len(cl.Sizes); l++ {
		t.sizes[l] = cl.Sizes[l]
	}
	for i, w := range cl.Words {
		var c classes
		for l := range c {
			c[l] = noClass
			if l < len(cl.Classes) {
				c[l] = cl.Classes[l][i]
			}
		}
		t.byWord[w] = c
	}
	return t
}

var unknownClasses = classes{noClass, noClass, noClass, noClass}

// lookup returns the classes of a word: of its clustering form (see
// cluster.Form); failing that, for a word in capitals, of its title-case
// form (JAPAN → Japan); failing that, of its lower-case form.
func (t *classTable) lookup(w string) classes {
	if t == nil {
		return unknownClasses
	}
	f := cluster.Form(w)
	if c, ok := t.byWord[f]; ok {
		return c
	}
	lower := strings.ToLower(f)
	if lower == f {
		return unknownClasses
	}
	if r, n := utf8.DecodeRuneInString(lower); n > 0 {
		if c, ok := t.byWord[string(unicode.ToUpper(r))+lower[n:]]; ok {
			return c
		}
	}
	if c, ok := t.byWord[lower]; ok {
		return c
	}
	return unknownClasses
}
