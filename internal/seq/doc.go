// Package seq is a small, generic sequence labeller: a structured averaged
// perceptron (Collins 2002) over hashed sparse features, decoded with the
// Viterbi algorithm under first-order label transitions.
//
// It is the learning machinery of dateline's annotators that label tokens
// (internal/entity for names, the quote annotator for attributions); it
// knows nothing of language. A caller turns each token into a list of
// Features (hashes of strings such as "w=Paris" or "suffix3=ris", see Hash
// and Feature.With), trains a Model on gold label sequences with a Trainer,
// and labels new sequences by adding each token's feature weights into a
// Lattice and decoding it. The weights of a token are a plain sum, so a
// caller may cache the sum of any group of features (those that depend on
// the word alone, say) and add it once per occurrence: Model.AddScores.
//
// Labels are small integers naming the caller's label set (at most
// MaxLabels). A Scheme (BIO or BILOU) maps labelled spans to label
// sequences and back and gives the transitions that are legal between
// labels; the Model never scores an illegal one.
//
// Training is deterministic: the instances are shuffled each epoch with a
// seeded generator and nothing depends on map order. A Model serializes to
// a compact binary form (varint-coded, weights quantized to 16 bits, rows
// of zeros dropped) meant for embedding with go:embed.
//
// Why hand-written: no maintained Go library offers a sequence-level
// learner with Viterbi decoding, label-transition constraints, a compact
// serialization and a way to cache partial scores. jdkato/prose has an
// averaged perceptron for part-of-speech tags and a maximum-entropy entity
// classifier, both labelling one token at a time from string-keyed maps.
package seq
