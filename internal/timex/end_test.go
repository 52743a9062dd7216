package timex

import (
	"testing"
)

// TestEndOfText: a production that looks for tokens after the last one of
// the text or of its sentence (a day followed by "at", "from", "to", an
// open range) must see the end, not read past it. The first three panicked
// with an index out of range before the grammar read tokens through tok.
func TestEndOfText(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"weekday at, end of text", "Friday at", []want{{"Friday", "DATE 2017-04-07"}}},
		{"tomorrow at, end of text", "The council votes tomorrow at", []want{{"tomorrow", "DATE 2017-04-12"}}},
		{"month day at, end of text", "It opens May 1 at", []want{{"May 1", "DATE 2017-05-01"}}},
		{"weekday at, end of sentence", "They will vote on Friday at. Then nothing.", []want{{"Friday", "DATE 2017-04-14"}}},
	})
}

// TestEveryPrefix tags every prefix of texts whose expressions run to many
// tokens, so that each production is cut at each of its positions.
func TestEveryPrefix(t *testing.T) {
	tg := New()
	for _, text := range []string{
		"on Friday at 10:35 a.m. EST, Nov. 6, 2011 and from 6 a.m. to midnight",
		"the first quarter of fiscal 1990, at 4 in the morning on the 22nd",
		"between March 3 and 5, 2017-02-28T10:00, mid-1990s, 1990-91 season",
		"three and a half years ago, the week before last, every other Tuesday",
	} {
		for i := range len(text) + 1 {
			tg.Tag(text[:i], tuesday) // must not panic
		}
	}
}
