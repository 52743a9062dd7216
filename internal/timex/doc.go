// Package timex finds time expressions in English news text and normalizes
// them to TimeML TIMEX3 values, anchored on the document's creation time (its
// publication date, the DCT) and on the dates the narrative has mentioned.
//
// It sits after sentence splitting in dateline's pipeline (read → annotate →
// store → rank → render): the annotate stage runs a Tagger over each article
// and attaches the expressions to the sentences that contain them. The package
// knows nothing of timelines or storage.
package timex
