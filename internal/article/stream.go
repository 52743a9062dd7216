package article

import (
	"io"
	"iter"
)

// ReadFrom streams the articles of one input that is not a file: a request
// body, a pipe. Its format is sniffed as for standard input (JSON Lines when
// it starts with '{', else one article in the text format; gzip is
// decompressed). Bad records are yielded as *RecordError naming name and
// the line, and reading goes on.
func ReadFrom(name string, r io.Reader) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		readStream(name, r, formatSniff, yield)
	}
}
