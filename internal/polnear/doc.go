// Package polnear reads the PolNeAR corpus of attribution relations (Newell,
// Margolin & Ruths, LREC 2018) and scores a quote extractor against it.
//
// It sits beside internal/quote the way internal/timeml sits beside
// internal/timex: Read turns a split directory (text/*.txt and
// attributions/*.ann in brat standoff) into articles with gold quotes, taking
// the first annotator's file of each article in name order; Evaluate runs an
// extractor over them and scores each span type (source, cue, content) as a
// set of exact spans, independent of linking, plus token-overlap scores,
// attribution F1 (content and source both exact), the confusion of quote
// kinds and the most frequent error kinds. dateline bench quotes is a thin
// wrapper around it; quote's trainer reads its training data through Read.
package polnear
