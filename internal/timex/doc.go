// Package timex finds time expressions in English news text and normalizes
// them to TimeML TIMEX3 values, anchored on the document's creation time (its
// publication date, the DCT) and on the dates the narrative has mentioned.
//
// It sits after sentence splitting in dateline's pipeline (read → annotate →
// store → rank → render): the annotate stage gives the tagger an article and
// its sentences (internal/text's, the one splitter) and attaches the
// expressions to them. The package knows nothing of timelines or storage;
// internal/timeml reads and writes TimeML files and scores the tagger
// against them.
//
// The English tagger (New) is rule-based and built for speed, in layers
// that each read one file or two:
//
//   - token.go: a lexer of small primitives that reads prose and
//     PTB-tokenized text alike, with one lexicon lookup per word;
//   - words.go, lexicon.go, holiday.go: the word tables, one per facet
//     (months, units, keywords, tense cues, modals...), from which the
//     lexicon is built; lexicon_test.go checks them;
//   - grammar.go: the production type, the cursor that productions read
//     tokens with, and the dispatcher that keeps the longest match; the
//     productions themselves, one list per file (numbers.go, clock.go,
//     calendar.go, amounts.go, relative.go), and the modifiers around them
//     (modifiers.go). Productions lists them all;
//   - resolve.go, resolve_offset.go, resolve_calendar.go, points.go: the
//     resolver, which turns what the words say (a spec) into a value by kind
//     of expression, against the DCT for deictic expressions (yesterday,
//     last week), the latest suitable mention for anaphoric ones (the next
//     day, two years later), and for calendar names the direction the
//     clause's tense gives (said Monday, will meet Friday, in March);
//   - tense.go: the tense of the clause around an expression.
//
// No regular expression is used; the tables are built once at package
// initialization. docs/TIMEX.md says how to add a rule.
package timex
