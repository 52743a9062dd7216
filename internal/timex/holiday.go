package timex

import (
	"strings"
	"time"
)

// holiday is a named day of the year: a fixed date, the n-th weekday of a
// month, or an offset from Easter Sunday.
type holiday struct {
	name   string
	month  int // fixed date or month of an n-th weekday rule
	day    int // fixed date
	nth    int // 1-5: the n-th weekday of month; -1: the last one
	wday   int // 1 (Monday) - 7 (Sunday)
	after  int // days added after an n-th weekday rule (US Election Day: the Tuesday after the first Monday)
	easter bool
	offset int // days from Easter Sunday
}

// date returns the day the holiday falls on in year y.
func (h *holiday) date(y int) (time.Time, bool) {
	switch {
	case h.easter:
		return easterSunday(y).AddDate(0, 0, h.offset), true
	case h.nth != 0:
		return nthWeekday(y, h.month, h.nth, h.wday).AddDate(0, 0, h.after), true
	case validDay(y, h.month, h.day):
		return day(y, h.month, h.day), true
	}
	return time.Time{}, false
}

// nthWeekday returns the n-th (n > 0) or last (n = -1) weekday wd (1 Monday
// - 7 Sunday) of a month.
func nthWeekday(y, m, n, wd int) time.Time {
	if n < 0 {
		last := day(y, m+1, 0)
		lw := (int(last.Weekday())+6)%7 + 1
		return last.AddDate(0, 0, -((lw - wd + 7) % 7))
	}
	first := day(y, m, 1)
	fw := (int(first.Weekday())+6)%7 + 1
	return first.AddDate(0, 0, (wd-fw+7)%7+7*(n-1))
}

// easterSunday computes the date of Western Easter (anonymous Gregorian
// algorithm).
func easterSunday(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}

// holidayNames are the holidays and the sequences of lower-case words
// (tokens, joined by a space; a glued period stays on its word) that name
// them. The possessive 's is its own token: "new year 's day".
var holidayNames = []struct {
	h     holiday
	names []string
}{
	{holiday{month: 1, day: 1}, []string{"new year 's day", "new years day", "new year day", "new year 's"}},
	{holiday{month: 12, day: 31}, []string{"new year 's eve", "new years eve"}},
	{holiday{month: 12, day: 25}, []string{"christmas", "christmas day", "xmas"}},
	{holiday{month: 12, day: 24}, []string{"christmas eve"}},
	{holiday{month: 12, day: 26}, []string{"boxing day"}},
	{holiday{month: 2, day: 14}, []string{"valentine 's day", "valentines day", "valentine day"}},
	{holiday{month: 7, day: 4}, []string{"independence day"}},
	{holiday{month: 10, day: 31}, []string{"halloween"}},
	{holiday{month: 11, day: 11}, []string{"veterans day", "veterans ' day", "armistice day", "remembrance day"}},
	{holiday{month: 3, day: 17}, []string{"st. patrick 's day", "saint patrick 's day"}},
	{holiday{month: 5, day: 1}, []string{"may day"}},
	{holiday{month: 11, nth: 4, wday: 4}, []string{"thanksgiving", "thanksgiving day"}},
	{holiday{month: 5, nth: -1, wday: 1}, []string{"memorial day"}},
	{holiday{month: 9, nth: 1, wday: 1}, []string{"labor day", "labour day"}},
	{holiday{month: 1, nth: 3, wday: 1}, []string{"martin luther king day", "martin luther king jr. day", "mlk day"}},
	{holiday{month: 2, nth: 3, wday: 1}, []string{"presidents day", "presidents ' day", "president 's day"}},
	{holiday{month: 10, nth: 2, wday: 1}, []string{"columbus day"}},
	{holiday{month: 5, nth: 2, wday: 7}, []string{"mother 's day", "mothers day"}},
	{holiday{month: 6, nth: 3, wday: 7}, []string{"father 's day", "fathers day"}},
	{holiday{month: 11, nth: 1, wday: 1, after: 1}, []string{"election day"}},
	{holiday{easter: true}, []string{"easter", "easter sunday", "easter day"}},
	{holiday{easter: true, offset: 1}, []string{"easter monday"}},
	{holiday{easter: true, offset: -2}, []string{"good friday"}},
	{holiday{easter: true, offset: -7}, []string{"palm sunday"}},
	{holiday{easter: true, offset: -46}, []string{"ash wednesday"}},
}

// holidays maps each name of holidayNames to its holiday.
var holidays = map[string]*holiday{}

// buildHolidays fills holidays and marks the first word of every name in
// the lexicon with the most words a name it opens has, so that the matcher
// tries only what can match. The first word is the first token: "st. patrick
// 's day" opens with "st", whose period is a token of its own.
func buildHolidays() {
	for _, hn := range holidayNames {
		for _, n := range hn.names {
			h := hn.h
			h.name = n
			holidays[n] = &h
			words := strings.Fields(n)
			first := strings.TrimSuffix(words[0], ".")
			if l := lex(first); l.holiday < int8(len(words)) {
				l.holiday = int8(len(words))
			}
		}
	}
}
