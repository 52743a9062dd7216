// Package annotate turns an article into an annotated document: its
// sentences, and the time expressions in each, resolved against the article's
// publication date.
//
// It is the one place that runs the annotators, in order (text → timex, and
// later entities and quotes), between reading and storing in dateline's
// pipeline (read → annotate → store → rank → render).
package annotate
