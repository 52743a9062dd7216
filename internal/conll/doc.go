// Package conll reads CoNLL-2003 named-entity files and scores a
// recognizer against them as the shared task's conlleval script does:
// phrase-level exact match (type and both boundaries), precision, recall
// and F1 per type and micro-averaged over all of them.
//
// It sits beside internal/entity in dateline's pipeline as internal/timeml
// sits beside internal/timex: it holds the benchmark's data format and
// metric, feeds labelled sentences to the recognizer's training, and runs
// the recognizer on the text of each document the way a user's file gives
// it (one sentence per line, tokens separated by single spaces) to score
// it (bench ner).
package conll
