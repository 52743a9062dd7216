// Package text splits article text into sentences and words, and turns
// sentences into the stemmed terms that ranking compares.
//
// It is the first step of annotation in dateline's pipeline (read → annotate
// → store → rank → render). News text comes in two shapes — ordinary prose,
// and the one-sentence-per-line, Penn-Treebank-tokenized text of research
// datasets ("do n't", "-LRB-", TeX-style quotes) — and every function here accepts both.
//
// Sentences is dateline's one sentence splitter: annotate attaches time
// expressions to its sentences and the time tagger (internal/timex) scopes
// its matches and its tense look-up with the same ones. It is hand-written
// (a scan for . ! ? … with tables of abbreviations and of words that open
// sentences) rather than the Punkt model of neurosnap/sentences, which it
// replaced: Punkt ran at a third of the tagger's speed, cut "Mar. 3" and
// "Mr. Hale" after the period, and missed the end of most sentences that end
// in a number ("... in 2008. He"). On TempEval-3 and PolNeAR news the two
// disagree at about 2% of the boundaries, nearly always where Punkt is wrong
// (docs/TIMEX.md).
//
// Clip cuts a line of input to a few runes for an error message, so that
// every reader quotes bad input the same way.
package text
