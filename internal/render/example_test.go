package render_test

import (
	"os"
	"time"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/timeline"
)

// The tilse format is what timeline-summarization research scores: a date
// line, one sentence per line, a line of 32 dashes.
func ExampleTimeline() {
	tl := timeline.Timeline{Entries: []timeline.Entry{{
		Date:  time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC),
		Items: []timeline.Item{{Text: "The harbour authority closed the north pier .", ArticleID: "a1"}},
	}}}
	render.Timeline(os.Stdout, tl, render.Tilse)
	// Output:
	// 2031-03-03
	// The harbour authority closed the north pier .
	// --------------------------------
}
