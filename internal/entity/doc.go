// Package entity finds the people, organizations, places and other names of
// a text (CoNLL-2003 types PER, ORG, LOC, MISC) and gives each mention the
// canonical name of the entity it refers to.
//
// It is an annotation step of dateline's pipeline (read → annotate → store →
// rank → render), after sentences and time expressions and before quotes,
// which take its mentions to name their speakers.
//
// # Recognition
//
// A Recognizer labels tokens with a learned model (Model): an averaged
// perceptron over BIO labels decoded with Viterbi (internal/seq), trained on
// the CoNLL-2003 English training data. A token's features are its word and
// lower-case form, shape ("Xx", "X.X.", "d-d"), prefixes and suffixes, the
// words, shapes and word classes of two tokens either side, the shapes and
// words of neighbouring pairs, and its place in the sequence; in a headline
// written in capitals the shape features are kept apart. Word classes are
// learned from unlabelled news text (internal/cluster: nine million words of
// the TLS datasets and PolNeAR in ../shared), four nested levels of 4,096 to
// 64 classes, so that a word the labelled data never saw is known by the
// company it keeps. A second pass adds document features: how the other
// occurrences of a word in the document were labelled by the first pass
// (document.go), and a casing table learned from the unlabelled text says
// how each word is usually written where case means something ("will" is
// nearly never capitalized, "Japan" always) — the only clue in a headline
// in capitals. Three labellers trained with other seeds are averaged
// (seq.Average). A name followed by its acronym in brackets makes the
// acronym a mention wherever it stands in the document. A gazetteer of the
// names a first model finds in the unlabelled text is supported by training
// but measured no better on the development data, and the shipped model
// goes without it (see `dateline bench train-ner --help`).
//
// Text is read as it is given (internal/token, the tokenizer it shares with
// internal/quote; RecognizeTokens takes a split the caller made): a file with one sentence per line
// and tokens separated by spaces (CoNLL, the PTB-tokenized TLS datasets) is
// split at spaces only, so that every mention starts and ends on its
// tokens; prose is split PTB-style. Offsets are runes of the text as given.
//
// Speed comes from labelling only what can be a name and from caching: only
// capitalized words, the one or two tokens between two of them, and
// numbers, brackets and possessives next to one are scored (all others are
// O; see markLive), and the summed weights of every feature that depends
// on one word alone are computed once per word form and offset and reused.
//
// # Canonical names
//
// Within an article (Names), a surname, a short company name or an acronym
// resolves to the fuller name the article gave it ("Tillerson" → "Rex
// Tillerson", "WHO" → "World Health Organization"); a lone surname of a
// person the article named before is that person, type and all, even where
// the recognizer took it for an organization or a place ("Forces loyal to
// Gaddafi" after "Muammar Gaddafi"), and a lone word taken for a person that
// begins a company the article named before is that company ("Mercantile"
// after "Mercantile Bancorp Inc."); Names.Resolve names the person a title
// or description stands for when the article gave it ("the secretary of
// state" after "Secretary of State Rex Tillerson" or "Rex Tillerson, the
// secretary of state,"). Across a store, Group gathers the canonical names
// of many articles into entities with their aliases ("Putin", "Vladimir
// Putin", "Russian President Vladimir Putin").
//
// # Retraining
//
// The model is embedded (model.bin) and retrained from ../shared with
//
//	go build -o dateline ./cmd/dateline
//	./dateline bench train-ner --train ../shared/data/conll2003/train.conll \
//	  --dev ../shared/data/conll2003/dev.conll \
//	  --clusters-from ../shared/data/tls/t17 --clusters-from ../shared/data/tls/entities-dev \
//	  --clusters-from ../shared/data/polnear/train/text --out internal/entity/model.bin
//
// and scored with `./dateline bench ner --data ../shared/data/conll2003/dev.conll`
// (rebuild first: the binary embeds the model). Training is deterministic.
//
// Why hand-written: the maintained Go library that claims named entities,
// jdkato/prose v2, scores F1 50.2 on CoNLL-2003 dev (its labels mapped to
// CoNLL's; no MISC) at 0.04 MB/s.
package entity
