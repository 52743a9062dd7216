// Package render writes timelines and search results for people and for
// programs: a terminal text view, Markdown, JSON with full provenance, and
// the tilse format that timeline-summarization research scores.
//
// It is the last stage of dateline's pipeline (read → annotate → store →
// rank → render) and holds no ranking logic of its own.
package render
