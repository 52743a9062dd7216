package timex

import (
	"time"
)

// Type is a TIMEX3 type.
type Type string

// The four TIMEX3 types.
const (
	Date     Type = "DATE"
	Time     Type = "TIME"
	Duration Type = "DURATION"
	Set      Type = "SET"
)

// Timex is one time expression found in a text.
type Timex struct {
	Start int    // offset of the first rune, in runes from the start of the tagged text
	End   int    // offset one past the last rune, in runes
	Text  string // the expression as it appears in the text
	Type  Type
	Value string // TIMEX3 value: "2017-04-11", "2017-W14", "P3D", "PAST_REF", ...; empty when it cannot be normalized
	Mod   string // TIMEX3 mod: "BEFORE", "START", "APPROX", ...; empty for none
	Quant string // TIMEX3 quant of a SET ("EVERY"), else empty
	Freq  string // TIMEX3 freq of a SET ("2X"), else empty
}

// Tagger finds and normalizes time expressions. Implementations must be safe
// for concurrent use by several goroutines.
type Tagger interface {
	// Tag returns the time expressions of text in order of their start
	// offsets, without overlaps, resolved against dct (the publication date
	// or time of the document; only its calendar fields in its own location
	// are used when the time of day is unknown).
	Tag(text string, dct time.Time) []Timex
}
