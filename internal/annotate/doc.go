// Package annotate turns an article into an annotated document: its
// sentences, the time expressions in each, resolved against the article's
// publication date, and — when asked (Annotator.WithEntities) — the named
// entities of each sentence and the quotes of the article with their
// speakers.
//
// It is the one place that runs the annotators, in order (text → timex →
// entities → quotes), between reading and storing in dateline's pipeline
// (read → annotate → store → rank → render). The annotators are given as
// interfaces (Tagger, Recognizer, Quoter) so that a caller chooses which
// run: the TLS benchmarks need only sentences and time expressions.
package annotate
