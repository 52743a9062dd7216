package eval

import "github.com/dateline-news/dateline/internal/tilse"

// Date is a calendar day, as tilse dates and aligns timelines (see
// tilse.Date).
type Date = tilse.Date

// Timeline maps each date of a timeline to its daily summary (see
// tilse.Timeline, which reads and writes the file format).
type Timeline = tilse.Timeline
