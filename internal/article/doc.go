// Package article holds the unit dateline reads — a dated news article — and
// the readers that stream articles out of files, directories, compressed files
// and standard input.
//
// It is the first stage of the pipeline (read → annotate → store → rank →
// render). Readers never stop at a bad record: they yield a *RecordError that
// names the file and line, and go on with the next record.
package article
