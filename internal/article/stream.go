package article

import (
	"io"
	"iter"
)

// ReadFrom streams the articles of one input that is not a file (a request
// body, a pipe) with the zero Reader; see Reader.ReadFrom.
func ReadFrom(name string, in io.Reader) iter.Seq2[Article, error] {
	return (&Reader{}).ReadFrom(name, in)
}

// ReadFrom streams the articles of one input that is not a file: a request
// body, a pipe. Its format is sniffed as for standard input (any format
// Read knows, gzip decompressed). Bad records are yielded as *RecordError
// naming name and the line, and reading goes on.
func (r *Reader) ReadFrom(name string, in io.Reader) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		r.readStream(name, in, formatSniff, yield)
	}
}
