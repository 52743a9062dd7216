// Package render writes timelines and search results for people and for
// programs: a terminal text view, Markdown, JSON with full provenance, the
// tilse format that timeline-summarization research scores, CSV (one row
// per item with its provenance) and Knight Lab's TimelineJS 3 JSON.
//
// It is the last stage of dateline's pipeline (read → annotate → store →
// rank → render) and holds no ranking logic of its own.
package render
