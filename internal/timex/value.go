package timex

import (
	"strconv"
	"strings"
	"time"
)

// Granularity is the calendar unit that a DATE or TIME value names.
type Granularity int

// Granularities from the finest to the coarsest.
const (
	NoGranularity Granularity = iota
	Day                       // 2017-04-11, and TIME values such as 2017-04-11T14:30
	Week                      // 2017-W14
	Month                     // 2017-04
	Season                    // 2017-SU
	Quarter                   // 2017-Q2
	Half                      // 2017-H1
	Year                      // 2017
	Decade                    // 201 (the 2010s)
	Century                   // 20 (the 2000s)
)

var granularityNames = [...]string{"", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"}

// String returns the lower-case name of g ("day", "week", ...).
func (g Granularity) String() string {
	if g < 0 || int(g) >= len(granularityNames) {
		return ""
	}
	return granularityNames[g]
}

// Interval is the span of calendar days that a DATE or TIME value denotes.
type Interval struct {
	Start time.Time   // first day, at midnight UTC
	End   time.Time   // the day after the last day, at midnight UTC
	Gran  Granularity // the unit the value was written in
}

// Contains reports whether day (any time on it, UTC) lies in the interval.
func (iv Interval) Contains(day time.Time) bool {
	return !day.Before(iv.Start) && day.Before(iv.End)
}

// ParseValue returns the calendar interval that a TIMEX3 DATE or TIME value
// denotes. A weekend (2017-W15-WE) is its Saturday and Sunday, at Week
// granularity. It reports false for values that name no fixed stretch of the
// calendar: durations (P3D), references (PRESENT_REF), sets and values with
// unknown digits (XXXX-04-11), and for impossible dates such as 2017-02-30.
func ParseValue(v string) (Interval, bool) {
	if t := strings.IndexByte(v, 'T'); t > 0 {
		v = v[:t] // a TIME value: the day it falls on
	}
	switch {
	case len(v) >= 2 && len(v) <= 4 && digits(v):
		return yearsValue(v)
	case len(v) < 7 || v[4] != '-' || !digits(v[:4]):
		return Interval{}, false
	}
	if iv, ok := withinYearValue(atoi(v[:4]), v[5:]); ok {
		return iv, true
	}
	return Interval{}, false
}

// yearsValue parses a century ("20" = 2000-2099), a decade ("201" =
// 2010-2019) or a year.
func yearsValue(v string) (Interval, bool) {
	n := atoi(v)
	switch len(v) {
	case 2:
		return Interval{ymd(n*100, 1, 1), ymd(n*100+100, 1, 1), Century}, true
	case 3:
		return Interval{ymd(n*10, 1, 1), ymd(n*10+10, 1, 1), Decade}, true
	}
	return Interval{ymd(n, 1, 1), ymd(n+1, 1, 1), Year}, true
}

// withinYearValue parses what follows the year y and its hyphen: a month
// (04), a day (04-11), a week (W14), a weekend (W14-WE), a quarter (Q2), a
// half (H1), a season (SU).
func withinYearValue(y int, rest string) (Interval, bool) {
	switch {
	case len(rest) == 2 && digits(rest):
		m := atoi(rest)
		return Interval{ymd(y, time.Month(m), 1), ymd(y, time.Month(m)+1, 1), Month}, m >= 1 && m <= 12
	case len(rest) == 5 && rest[2] == '-' && digits(rest[:2]) && digits(rest[3:]):
		m, d := atoi(rest[:2]), atoi(rest[3:])
		day := ymd(y, time.Month(m), d)
		return Interval{day, day.AddDate(0, 0, 1), Day}, m >= 1 && m <= 12 && d >= 1 && day.Day() == d
	case len(rest) == 3 && rest[0] == 'W' && digits(rest[1:]):
		w := atoi(rest[1:])
		start := isoWeekStart(y, w)
		return Interval{start, start.AddDate(0, 0, 7), Week}, w >= 1 && w <= 53
	case len(rest) == 6 && rest[0] == 'W' && digits(rest[1:3]) && rest[3:] == "-WE":
		// the weekend of a week: its Saturday and Sunday, named by the week
		w := atoi(rest[1:3])
		sat := isoWeekStart(y, w).AddDate(0, 0, 5)
		return Interval{sat, sat.AddDate(0, 0, 2), Week}, w >= 1 && w <= 53
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		q := int(rest[1] - '0')
		return Interval{ymd(y, time.Month(3*q-2), 1), ymd(y, time.Month(3*q+1), 1), Quarter}, true
	case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
		h := int(rest[1] - '0')
		return Interval{ymd(y, time.Month(6*h-5), 1), ymd(y, time.Month(6*h+1), 1), Half}, true
	}
	if m, ok := seasons[rest]; ok {
		return Interval{ymd(y, m, 1), ymd(y, m+3, 1), Season}, true
	}
	return Interval{}, false
}

// seasons maps TIMEX3 season codes to their first month, as meteorological
// quarters; winter starts in the December of its year.
var seasons = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := ymd(y, 1, 4) // always in week 1
	offset := (int(jan4.Weekday()) + 6) % 7
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
