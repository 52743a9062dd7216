// Package tilse reads and writes timelines in the file format of tilse, the
// toolkit the timeline-summarization benchmarks are scored with: a date line
// YYYY-MM-DD, one sentence per line, then a line of 32 dashes, for each date.
//
// It is the one reader and writer of that format in dateline: render writes
// timelines with it, eval reads gold and predicted timelines with it, bench
// writes and reads back what it scores. Reading follows tilse's
// Timeline.from_file, Python's str.strip and datetime.strptime included, so
// that a file means here what it means to tilse. It depends on no other
// package of dateline.
package tilse
