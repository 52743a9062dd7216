package timex

import "time"

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

// Holidays, by the sequence of lower-case words that names them. The
// possessive 's is its own token: "new year 's day".
var holidays = map[string]*holiday{}

// holidayHeads maps the first word of every holiday name to the longest name
// length in words, so that the matcher tries only what can match.
var holidayHeads = map[string]int{}

// initHolidays fills the holiday tables; lexicon's init calls it.
func initHolidays() {
	add := func(h holiday, names ...string) {
		for _, n := range names {
			hh := h
			hh.name = n
			holidays[n] = &hh
			words := 1
			first := n
			for k := 0; k < len(n); k++ {
				if n[k] == ' ' {
					if words == 1 {
						first = n[:k]
					}
					words++
				}
			}
			if holidayHeads[first] < words {
				holidayHeads[first] = words
			}
			lex(first) // the tokenizer must see the head word
		}
	}
	add(holiday{month: 1, day: 1}, "new year 's day", "new years day", "new year day", "new year 's")
	add(holiday{month: 12, day: 31}, "new year 's eve", "new years eve")
	add(holiday{month: 12, day: 25}, "christmas", "christmas day", "xmas")
	add(holiday{month: 12, day: 24}, "christmas eve")
	add(holiday{month: 12, day: 26}, "boxing day")
	add(holiday{month: 2, day: 14}, "valentine 's day", "valentines day", "valentine day")
	add(holiday{month: 7, day: 4}, "independence day")
	add(holiday{month: 10, day: 31}, "halloween")
	add(holiday{month: 11, day: 11}, "veterans day", "veterans ' day", "armistice day", "remembrance day")
	add(holiday{month: 3, day: 17}, "st. patrick 's day", "saint patrick 's day")
	add(holiday{month: 5, day: 1}, "may day")
	add(holiday{month: 11, nth: 4, wday: 4}, "thanksgiving", "thanksgiving day")
	add(holiday{month: 5, nth: -1, wday: 1}, "memorial day")
	add(holiday{month: 9, nth: 1, wday: 1}, "labor day", "labour day")
	add(holiday{month: 1, nth: 3, wday: 1}, "martin luther king day", "martin luther king jr. day", "mlk day")
	add(holiday{month: 2, nth: 3, wday: 1}, "presidents day", "presidents ' day", "president 's day")
	add(holiday{month: 10, nth: 2, wday: 1}, "columbus day")
	add(holiday{month: 5, nth: 2, wday: 7}, "mother 's day", "mothers day")
	add(holiday{month: 6, nth: 3, wday: 7}, "father 's day", "fathers day")
	add(holiday{month: 11, nth: 1, wday: 1, after: 1}, "election day")
	add(holiday{easter: true}, "easter", "easter sunday", "easter day")
	add(holiday{easter: true, offset: 1}, "easter monday")
	add(holiday{easter: true, offset: -2}, "good friday")
	add(holiday{easter: true, offset: -7}, "palm sunday")
	add(holiday{easter: true, offset: -46}, "ash wednesday")
}
