// Package quote finds attributions in news text: who (the source) is said
// to have said, thought or wanted what (the content), and the words that
// say so (the cue): direct quotes in quotation marks, indirect ones
// (paraphrase) and mixed ones, contents split by their own attribution
// ("“A,” he said. “B.”") or running over several paragraphs, "according
// to", and pull quotes ("‘…’ — Name, title"). Each quote gets a speaker: the
// canonical name of the entity its source refers to (a pronoun or a title
// resolved to the person the article named), or the source's own words.
//
// It is an annotation step of dateline's pipeline after internal/entity,
// whose mentions it takes to name speakers. Offsets are runes of the
// article text, like every offset that crosses a package border.
//
// The extractor is learned from the PolNeAR corpus (internal/polnear) in
// two stages of averaged-perceptron sequence labelling (internal/seq): cues
// over every paragraph, then for each cue its source and content in the
// cue's paragraph, with features relative to the cue. Rules pair quotation
// marks, carry a quotation on into the paragraphs it runs over, and resolve
// speakers. Its tokens are internal/token's, which the entity recognizer
// reads too (ExtractTokens, ExtractNamed: one split of a text for both).
// The model is embedded; retrain it, word classes and all, with
//
//	dateline bench quotes --train ../shared/data/polnear/train --unlabelled '../shared/data/tls/*/*/articles.jsonl' --write internal/quote/model.bin --data ../shared/data/polnear/dev
//
// or, keeping the embedded model's word classes (as the shipped model was
// last retrained), with --classes-from internal/quote/model.bin in place of
// --unlabelled.
package quote
