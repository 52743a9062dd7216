// Package timex finds time expressions in English news text and normalizes
// them to TimeML TIMEX3 values, anchored on the document's creation time (its
// publication date, the DCT) and on the dates the narrative has mentioned.
//
// It sits after sentence splitting in dateline's pipeline (read → annotate →
// store → rank → render): the annotate stage runs a Tagger over each article
// and attaches the expressions to the sentences that contain them. The package
// knows nothing of timelines or storage; internal/timeml reads and writes
// TimeML files and scores the tagger against them.
//
// The English tagger (New) is rule-based and built for speed: a hand-written
// tokenizer that reads prose and PTB-tokenized text alike (token.go), one
// lexicon lookup per word (lexicon.go), hand-written matchers that try the
// productions a word can start and keep the longest match (grammar.go and
// the files it dispatches to: numbers, clock, calendar, relative, amounts),
// and a resolver that turns what the words say into a value (resolve.go):
// against the DCT for deictic expressions (yesterday, last week), against the
// latest suitable mention for anaphoric ones (the next day, two years later),
// and in the direction the clause's tense gives for calendar names (said
// Monday, will meet Friday, in March) (tense.go). No regular expression is
// used; the tables are built once at package initialization.
package timex
