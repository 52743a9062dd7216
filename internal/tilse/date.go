package tilse

import (
	"fmt"
	"regexp"
	"time"
	"unicode"
)

// Date is a calendar day of the proleptic Gregorian calendar, the unit in
// which tilse dates and aligns timelines. The zero Date is not a valid day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Time returns the day's midnight in UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// String formats the day as YYYY-MM-DD, the form of tilse's date lines.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// Ordinal numbers days consecutively, so that the difference of two
// ordinals is the number of days between them (as Python's toordinal).
func (d Date) Ordinal() int64 {
	return d.Time().Unix() / 86400
}

// Valid reports whether d names a real day in years 1 to 9999, the range of
// Python's datetime.date.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return DateOf(d.Time()) == d
}

// strptimeYMD is the regular expression CPython's _strptime builds for the
// format '%Y-%m-%d'; \d is any Unicode decimal digit there.
var strptimeYMD = regexp.MustCompile(`^(\p{Nd}\p{Nd}\p{Nd}\p{Nd})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\p{Nd}|0[1-9]|[1-9]| [1-9])$`)

// ParseDate parses s the way tilse recognises a date line, with Python's
// datetime.strptime(s, '%Y-%m-%d'): a four-digit year, then a month and a
// day of one or two digits; s must be a real calendar day and nothing may
// surround it. (tilse strips the line first; ParseDate does not.)
func ParseDate(s string) (Date, error) {
	m := strptimeYMD.FindStringSubmatch(s)
	if m == nil {
		return Date{}, fmt.Errorf("parse date %q: not YYYY-MM-DD", s)
	}
	d := Date{Year: pyInt(m[1]), Month: time.Month(pyInt(m[2])), Day: pyInt(m[3])}
	if !d.Valid() {
		return Date{}, fmt.Errorf("parse date %q: no such day", s)
	}
	return d, nil
}

// pyInt is Python's int() on a string of Unicode decimal digits, optionally
// preceded by spaces.
func pyInt(s string) int {
	n := 0
	for _, r := range s {
		if r == ' ' {
			continue
		}
		n = n*10 + digitValue(r)
	}
	return n
}

// digitValue returns the value of a Unicode decimal digit (category Nd).
// Decimal digits come in contiguous runs that start at a zero and are a
// multiple of ten long, so the value is the distance from the run's start
// modulo ten.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}
