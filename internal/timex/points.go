package timex

import (
	"strconv"
	"time"
)

// Calendar arithmetic: the resolved values (points) and how to move
// between them.

// point is a resolved calendar value.
type point struct {
	first  time.Time // a day inside the value (UTC midnight): the first day of weeks, months...
	gran   unit
	season int
	tod    string
}

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// value formats p as a TIMEX3 value.
func (p point) value() string {
	y, m, d := p.first.Date()
	if y < 0 || y > 9999 {
		return ""
	}
	var s string
	switch p.gran {
	case uDay:
		s = pad(y, 4) + "-" + pad(int(m), 2) + "-" + pad(d, 2)
		s += p.tod
	case uWeek:
		wy, w := p.first.ISOWeek()
		s = pad(wy, 4) + "-W" + pad(w, 2)
	case uWeekend:
		wy, w := p.first.ISOWeek()
		s = pad(wy, 4) + "-W" + pad(w, 2) + "-WE"
	case uMonth:
		s = pad(y, 4) + "-" + pad(int(m), 2)
	case uQuarter:
		s = pad(y, 4) + "-Q" + strconv.Itoa((int(m)-1)/3+1)
	case uHalf:
		s = pad(y, 4) + "-H" + strconv.Itoa((int(m)-1)/6+1)
	case uSeason:
		s = pad(y, 4) + "-" + seasonCodes[p.season]
	case uYear:
		s = pad(y, 4)
	case uDecade:
		s = pad(y/10, 3)
	case uCentury:
		s = pad(y/100, 2)
	default:
		return ""
	}
	return s
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return day(y, m, d).Day() == d
}

// seasonOf returns the season of a day and the year it is named by (winter
// is named by the year of its December).
func seasonOf(t time.Time) (year, season int) {
	y, m := t.Year(), int(t.Month())
	switch {
	case m == 12:
		return y, 4
	case m <= 2:
		return y - 1, 4
	case m <= 5:
		return y, 1
	case m <= 8:
		return y, 2
	}
	return y, 3
}

// seasonStart returns the first day of a season of a year.
func seasonStart(year, season int) time.Time {
	return day(year, 3*season, 1)
}

// truncate returns the first day of the unit u containing t.
func truncate(t time.Time, u unit) time.Time {
	y, m, d := t.Date()
	switch u {
	case uWeek, uWeekend:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case uMonth:
		return day(y, int(m), 1)
	case uQuarter:
		return day(y, (int(m)-1)/3*3+1, 1)
	case uHalf:
		return day(y, (int(m)-1)/6*6+1, 1)
	case uSeason:
		sy, s := seasonOf(t)
		return seasonStart(sy, s)
	case uYear:
		return day(y, 1, 1)
	case uDecade:
		return day(y/10*10, 1, 1)
	case uCentury:
		return day(y/100*100, 1, 1)
	}
	return day(y, int(m), d)
}

// shift moves t by n units (days for day-like units).
func shift(t time.Time, n int, u unit) time.Time {
	switch u {
	case uDay, uPartOfDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uSeason:
		return t.AddDate(0, 3*n, 0)
	case uHalf:
		return t.AddDate(0, 6*n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	case uMillennium:
		return t.AddDate(1000*n, 0, 0)
	}
	return t
}

// mkPoint returns the point of granularity g containing t.
func mkPoint(t time.Time, g unit) point {
	p := point{first: truncate(t, g), gran: g}
	if g == uSeason {
		_, p.season = seasonOf(t)
	}
	return p
}
