// Package timeline builds a dated summary of a set of annotated articles:
// it selects the dates that matter, and for each date the few sentences that
// say what happened then, each traceable to its article and sentence.
//
// It is the rank-and-summarize stage of dateline's pipeline (read → annotate
// → store → rank → render). It works on annotated documents in memory and
// knows nothing of files, databases or output formats.
package timeline
