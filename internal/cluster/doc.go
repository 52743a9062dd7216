// Package cluster learns word classes from unlabelled text with the
// exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): each
// word in turn moves to the class that most raises the likelihood of the
// text under a class bigram model, until few words move. Words that are
// used alike (surnames, capitals, verbs of saying) end up in one class,
// which is what makes classes useful features for a tagger that has seen
// only some of the words in labelled data: this is the role Brown clusters
// play in Ratinov & Roth (2009), found here by a faster search.
//
// The search runs top-down over levels of classes (say 16 → 64 → 256 →
// 1,024): the coarsest level is a free exchange, and each finer one splits
// every class above it into equal parts, a word moving only among the parts
// of its own class. So every word has a path of nested classes from coarse
// to fine, as the prefixes of a Brown cluster bit string, and a pass costs a
// few candidate classes per word instead of all of them: nine million words
// of news cluster into 1,024 classes in well under a minute.
//
// It is learning machinery for internal/entity (which trains its word
// classes from the news text in ../shared and embeds them); it knows
// nothing of entities. Hand-written because no maintained Go library does
// word clustering.
package cluster
