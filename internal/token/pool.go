package token

import "sync"

// pool keeps Texts for reuse: a text's tokens are the largest allocation
// of annotating it, and an annotator splits one text after another.
var pool = sync.Pool{New: func() any { return new(Text) }}

// maxPooled is the most tokens a Text may have room for and still go back
// to the pool, so that one huge text does not pin its buffers.
const maxPooled = 1 << 16

// Borrow returns an empty Text from a pool; Release gives it back.
func Borrow() *Text { return pool.Get().(*Text) }

// Release empties t and returns it to the pool of Borrow. t must not be
// used afterwards; what its tokens' strings point into (the text split)
// is not kept.
func (t *Text) Release() {
	if cap(t.Toks) > maxPooled {
		return
	}
	clear(t.Toks) // the tokens' strings point into the text
	t.Reset()
	pool.Put(t)
}
