package timex

import "time"

// A matched expression is first described by a spec (what the words say:
// "the Friday before the anchor", "one year before the DCT, at quarter
// granularity", "P3D") and then resolved into a TIMEX3 value against the DCT,
// the narrative and the tense of its clause. The resolver is split by kind
// of spec: literals (durations, sets, references: their value is written at
// match time), absolute dates (resolveAbsolute), calendar names without a
// year (resolve_calendar.go) and offsets from an anchor
// (resolve_offset.go); a time of day rides on any of them (spec.tod).

// specKind is the kind of a spec.
type specKind uint8

const (
	kindLiteral  specKind = iota // the value is fixed: durations, sets, references
	kindAbsolute                 // a calendar value with its year: April 11, 2017; 1998-Q1; the 1990s
	kindCalendar                 // a calendar name without a year: Friday, April 11, summer, the third quarter
	kindOffset                   // an offset from the DCT or the narrative anchor: yesterday, last week, two days later
)

// dir says which occurrence of a calendar name is meant.
type dir uint8

const (
	dirTense       dir = iota // nearest, in the direction the tense of the clause gives
	dirThis                   // the one in the anchor's current week (weekdays) or year
	dirLast                   // the last one strictly before the anchor (last Friday, last April)
	dirNext                   // the first one strictly after the anchor (next Friday)
	dirPast                   // the nearest one on or before the anchor
	dirFuture                 // the nearest one on or after the anchor
	dirNearest                // the nearest one either way
	dirNearestPast            // the nearest one, one ahead counting nearBias times as far
)

// anchor is what a calendar name or an offset counts from.
type anchor uint8

const (
	anchorDCT           anchor = iota // the document's creation day: yesterday, last week
	anchorNarrative                   // the latest mention fine enough: the next day, two years later
	anchorStoryYear                   // the year the story is in: that November
	anchorYearAgo                     // a year before the DCT, at the granularity of the period spoken of: a year ago
	anchorYearEarlier                 // the same, from the narrative: a year earlier, the year-ago quarter
	anchorPeriodOfYear                // the period the narrative is about, in the year given (cal.year): the 1988 quarter
	anchorReportingYear               // the year of the period a business story reports on: the full year
	anchorLatestEnded                 // the latest mentioned period that is over at the DCT: the latest quarter
)

// narrative reports whether a reads the narrative's mentions at all.
func (a anchor) narrative() bool { return a != anchorDCT && a != anchorYearAgo }

// yearAgo reports whether a is one of the year-ago comparisons.
func (a anchor) yearAgo() bool { return a == anchorYearAgo || a == anchorYearEarlier }

// calendar holds the calendar fields the words give (0 = not given): of an
// absolute date (kindAbsolute), of a calendar name (kindCalendar), and the month, quarter
// or half of an offset year (kindOffset: "June last year", "this year's third
// quarter") or its given year (anchorPeriodOfYear).
type calendar struct {
	year      int
	month     int
	day       int
	wday      int // 1 (Monday) - 7 (Sunday)
	season    int // 1 spring - 4 winter
	quarter   int
	half      int
	week      int
	hol       *holiday
	twoDigits int  // kindCalendar: a two-digit year ('98, gran year) or decade ('90s, gran decade), century unknown
	weekend   bool // kindCalendar: the weekend of the Saturday that wday and dir select
}

// offset is n units from the anchor (kindOffset).
type offset struct {
	n    int
	unit unit
}

// spec describes a time expression before resolution.
type spec struct {
	typ    Type
	kind   specKind
	lit    string   // kindLiteral: the value
	cal    calendar // kindAbsolute, kindCalendar (and see calendar)
	off    offset   // kindOffset
	gran   unit     // the granularity of the value
	anchor anchor   // kindCalendar, kindOffset: what it counts from
	dir    dir      // kindCalendar: which occurrence

	possessive  bool // followed by a possessive 's: Friday's meeting
	attributive bool // kindCalendar: a day used as a modifier (the Aug. 7 bombings)
	dayOff      int  // days added to the day the fields name: the day before Easter
	toWeek      bool // the week of the day the fields name: the week of March 6

	// a duration's quantity and unit, kept so that "ago", "later"... can
	// turn it into a date
	durQty  qty
	durUnit unit

	tod   string // time of day: "T14:30", "TMO"...
	mod   string
	quant string
	freq  string
}

// entersHistory reports whether s, resolved to p, becomes a mention that
// later expressions can anchor on: a date or a time with a calendar value,
// not a year-ago comparison or a period placed in a given year (they name
// a period other than the one the story is about).
func (s *spec) entersHistory(p point) bool {
	return p.gran != uNone && (s.typ == Date || s.typ == Time) && !s.anchor.yearAgo() && s.anchor != anchorPeriodOfYear
}

// resolver is what an expression is resolved against.
type resolver struct {
	dct      time.Time // the document's creation day, UTC midnight
	tense    tense
	mentions []point // the calendar values mentioned so far, in order
	// monthsSpan: the latest period the text spoke of is a span of months
	// (the first nine months), not a calendar quarter or half
	monthsSpan bool
}

// maxAnchorLookback is how many mentions back an anaphoric expression looks
// for its anchor: a few dozen at most, so that tagging stays linear on any
// input.
const maxAnchorLookback = 64

// latest returns the most recent of the last lookback mentions for which
// ok holds.
func (c *resolver) latest(lookback int, ok func(p point) bool) (point, bool) {
	for k := len(c.mentions) - 1; k >= 0 && k >= len(c.mentions)-lookback; k-- {
		if ok(c.mentions[k]) {
			return c.mentions[k], true
		}
	}
	return point{}, false
}

// dctDay is the DCT as a point.
func (c *resolver) dctDay() point { return point{first: c.dct, gran: uDay} }

// anchorFor returns the reference day for an expression counted in unit u:
// the most recent mention at granularity fine enough for u when narr, else
// (or when there is none) the DCT; found reports a mention.
func (c *resolver) anchorFor(narr bool, u unit) (p point, found bool) {
	if narr {
		if p, ok := c.latest(maxAnchorLookback, func(h point) bool { return finer(h.gran, u) }); ok {
			return p, true
		}
	}
	return c.dctDay(), false
}

// finer reports whether a value of granularity g can anchor an expression
// counted in unit u.
func finer(g, u unit) bool {
	switch u {
	case uSecond, uMinute, uHour, uPartOfDay, uDay:
		return g == uDay
	case uWeek, uWeekend, uFortnight:
		return g == uDay || g == uWeek || g == uWeekend
	case uMonth:
		return g == uDay || g == uWeek || g == uMonth
	case uQuarter:
		return g == uQuarter
	case uSeason, uHalf:
		return g <= uHalf && g != uNone
	case uYear:
		return g >= uDay && g <= uYear
	case uDecade:
		return g >= uDay && g <= uDecade
	}
	return g != uNone
}

// reporting returns a day of the period a business story reports on: the
// latest quarter or half it mentioned, else the DCT.
func (c *resolver) reporting() point {
	if p, ok := c.latest(maxAnchorLookback, func(h point) bool { return h.gran == uQuarter || h.gran == uHalf }); ok {
		return p
	}
	return c.dctDay()
}

// resolve computes the value of s. ok is false when the words name no real
// date (February 30) or a value cannot be formed.
func (c *resolver) resolve(s *spec) (string, point, bool) {
	var p point
	var ok bool
	switch s.kind {
	case kindLiteral:
		return s.lit, point{}, s.lit != ""
	case kindAbsolute:
		p, ok = resolveAbsolute(s)
	case kindOffset:
		p, ok = c.resolveOffset(s)
	case kindCalendar:
		p, ok = c.resolveCalendar(s)
	}
	if !ok {
		return "", point{}, false
	}
	p.tod = s.tod
	if s.dayOff != 0 && p.gran == uDay {
		p.first = p.first.AddDate(0, 0, s.dayOff) // the day before Easter
	}
	if s.toWeek && p.gran == uDay {
		p = mkPoint(p.first, uWeek) // the week of March 6
	}
	return p.value(), p, true
}

// resolveAbsolute builds the point that explicit fields with a year name.
func resolveAbsolute(s *spec) (point, bool) {
	f := &s.cal
	y := f.year
	switch s.gran {
	case uDay:
		return point{first: day(y, f.month, f.day), gran: uDay}, validDay(y, f.month, f.day)
	case uMonth:
		return point{first: day(y, f.month, 1), gran: uMonth}, f.month >= 1 && f.month <= 12
	case uWeek:
		return point{first: isoWeekStart(y, f.week), gran: uWeek}, f.week >= 1 && f.week <= 53
	case uQuarter:
		return point{first: day(y, 3*f.quarter-2, 1), gran: uQuarter}, f.quarter >= 1 && f.quarter <= 4
	case uHalf:
		return point{first: day(y, 6*f.half-5, 1), gran: uHalf}, f.half >= 1 && f.half <= 2
	case uSeason:
		return point{first: seasonStart(y, f.season), gran: uSeason, season: f.season}, f.season >= 1 && f.season <= 4
	case uYear, uDecade, uCentury:
		return point{first: day(y, 1, 1), gran: s.gran}, true
	}
	if f.hol != nil {
		t, ok := f.hol.date(y)
		return point{first: t, gran: uDay}, ok
	}
	return point{}, false
}
