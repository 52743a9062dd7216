// Package text splits article text into sentences and words, and turns
// sentences into the stemmed terms that ranking compares.
//
// It is the first step of annotation in dateline's pipeline (read → annotate
// → store → rank → render). News text comes in two shapes — ordinary prose,
// and the one-sentence-per-line, Penn-Treebank-tokenized text of research
// datasets ("do n't", "-LRB-", TeX-style quotes) — and every function here accepts both.
package text
