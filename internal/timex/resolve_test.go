package timex

import (
	"testing"
	"time"
)

func TestHolidayDates(t *testing.T) {
	tests := []struct {
		name string
		year int
		want string
	}{
		{"easter", 2017, "2017-04-16"},
		{"easter", 2000, "2000-04-23"},
		{"easter", 2024, "2024-03-31"},
		{"good friday", 2017, "2017-04-14"},
		{"thanksgiving", 2016, "2016-11-24"},
		{"thanksgiving", 1999, "1999-11-25"},
		{"memorial day", 2017, "2017-05-29"},
		{"labor day", 2017, "2017-09-04"},
		{"election day", 2016, "2016-11-08"},
		{"election day", 2015, "2015-11-03"},
		{"martin luther king day", 2017, "2017-01-16"},
		{"mother 's day", 2017, "2017-05-14"},
		{"christmas eve", 2017, "2017-12-24"},
		{"new year 's day", 2017, "2017-01-01"},
	}
	for _, tt := range tests {
		h, ok := holidays[tt.name]
		if !ok {
			t.Errorf("no holiday %q", tt.name)
			continue
		}
		d, ok := h.date(tt.year)
		if !ok || d.Format(time.DateOnly) != tt.want {
			t.Errorf("%s %d = %s, %v; want %s", tt.name, tt.year, d.Format(time.DateOnly), ok, tt.want)
		}
	}
}

func TestDurationValue(t *testing.T) {
	tests := []struct {
		q    qty
		u    unit
		want string
	}{
		{qty{value: 3}, uDay, "P3D"},
		{qty{value: 2}, uHour, "PT2H"},
		{qty{value: 1}, uYear, "P1Y"},
		{qty{value: 5.5}, uHour, "PT5H30M"},
		{qty{value: 2.5}, uYear, "P2Y6M"},
		{qty{value: 1.5}, uMinute, "PT1M30S"},
		{qty{value: 0.5}, uHour, "PT30M"},
		{qty{value: 1.5}, uDay, "P1DT12H"},
		{qty{value: 2}, uDecade, "P20Y"},
		{qty{value: 1}, uCentury, "P100Y"},
		{qty{value: 2}, uFortnight, "P4W"},
		{qty{value: 3}, uQuarter, "P3Q"},
		{qty{unknown: true}, uYear, "PXY"},
		{qty{unknown: true}, uMinute, "PTXM"},
		{qty{unknown: true}, uDecade, "PXY"},
		{qty{unknown: true}, uCentury, "PXC"},
	}
	for _, tt := range tests {
		if got := durationValue(tt.q, tt.u); got != tt.want {
			t.Errorf("durationValue(%+v, %d) = %q, want %q", tt.q, tt.u, got, tt.want)
		}
	}
}

func TestPointValue(t *testing.T) {
	d := day(2017, 4, 11)
	tests := []struct {
		p    point
		want string
	}{
		{point{first: d, gran: uDay}, "2017-04-11"},
		{point{first: d, gran: uDay, tod: "TEV"}, "2017-04-11TEV"},
		{point{first: d, gran: uWeek}, "2017-W15"},
		{point{first: day(2016, 1, 2), gran: uWeek}, "2015-W53"},
		{point{first: d, gran: uWeekend}, "2017-W15-WE"},
		{point{first: d, gran: uMonth}, "2017-04"},
		{point{first: d, gran: uQuarter}, "2017-Q2"},
		{point{first: d, gran: uHalf}, "2017-H1"},
		{point{first: seasonStart(2016, 4), gran: uSeason, season: 4}, "2016-WI"},
		{point{first: d, gran: uYear}, "2017"},
		{point{first: d, gran: uDecade}, "201"},
		{point{first: d, gran: uCentury}, "20"},
		{point{first: day(987, 1, 1), gran: uYear}, "0987"},
		{point{first: day(10001, 1, 1), gran: uYear}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.value(); got != tt.want {
			t.Errorf("%v at %d = %q, want %q", tt.p.first.Format(time.DateOnly), tt.p.gran, got, tt.want)
		}
		if v := tt.want; v != "" {
			if _, ok := ParseValue(v); !ok {
				t.Errorf("ParseValue(%q) rejects a value the tagger writes", v)
			}
		}
	}
}

// Every weekday direction, from a Tuesday.
func TestResolveWeekday(t *testing.T) {
	tests := []struct {
		wday  int
		dir   dir
		tense tense
		want  string
	}{
		{2, dirTense, tensePast, "2017-04-11"},
		{2, dirTense, tenseFuture, "2017-04-11"},
		{1, dirTense, tensePast, "2017-04-10"},
		{1, dirTense, tenseFuture, "2017-04-17"},
		{3, dirTense, tensePast, "2017-04-05"},
		{3, dirTense, tenseNone, "2017-04-12"}, // no tense: the nearest, the past weighed 3:1
		{4, dirTense, tenseNone, "2017-04-06"},
		{7, dirTense, tenseNone, "2017-04-09"},
		{3, dirTense, tensePresent, "2017-04-12"},
		{7, dirTense, tensePresent, "2017-04-09"},
		{2, dirLast, tenseNone, "2017-04-04"},
		{2, dirNext, tenseNone, "2017-04-18"},
		{5, dirThis, tenseNone, "2017-04-14"},
		{1, dirThis, tenseNone, "2017-04-10"},
	}
	for _, tt := range tests {
		c := resolver{dct: tuesday, tense: tt.tense}
		v, _, ok := c.resolve(&spec{typ: Date, kind: kindCalendar, cal: calendar{wday: tt.wday}, gran: uDay, dir: tt.dir})
		if !ok || v != tt.want {
			t.Errorf("weekday %d dir %d tense %d = %q, want %q", tt.wday, tt.dir, tt.tense, v, tt.want)
		}
	}
}

// Months, seasons and quarters: the year that the direction and the tense
// select.
func TestResolveYearOfName(t *testing.T) {
	tests := []struct {
		name  string
		s     spec
		tense tense
		want  string
	}{
		{"month past", spec{cal: calendar{month: 3}, gran: uMonth}, tensePast, "2017-03"},
		{"month past, later in the year", spec{cal: calendar{month: 10}, gran: uMonth}, tensePast, "2016-10"},
		{"month future", spec{cal: calendar{month: 3}, gran: uMonth}, tenseFuture, "2018-03"},
		{"month none: nearest", spec{cal: calendar{month: 9}, gran: uMonth}, tenseNone, "2017-09"},
		{"month none: nearest, past", spec{cal: calendar{month: 10}, gran: uMonth}, tenseNone, "2016-10"},
		{"month last", spec{cal: calendar{month: 6}, gran: uMonth, dir: dirLast}, tenseNone, "2016-06"},
		{"month next", spec{cal: calendar{month: 3}, gran: uMonth, dir: dirNext}, tenseNone, "2018-03"},
		{"current month past", spec{cal: calendar{month: 4}, gran: uMonth}, tensePast, "2017-04"},
		{"day, near future wins against past tense", spec{cal: calendar{month: 4, day: 20}, gran: uDay}, tensePast, "2017-04-20"},
		{"day, far future loses", spec{cal: calendar{month: 12, day: 20}, gran: uDay}, tensePast, "2016-12-20"},
		{"day, no tense: nearest", spec{cal: calendar{month: 9, day: 1}, gran: uDay}, tenseNone, "2017-09-01"},
		{"Feb 29 seeks a leap year", spec{cal: calendar{month: 2, day: 29}, gran: uDay}, tensePast, "2016-02-29"},
		{"season this", spec{cal: calendar{season: 2}, gran: uSeason, dir: dirThis}, tenseNone, "2017-SU"},
		{"season last", spec{cal: calendar{season: 3}, gran: uSeason, dir: dirLast}, tenseNone, "2016-FA"},
		{"winter last", spec{cal: calendar{season: 4}, gran: uSeason, dir: dirLast}, tenseNone, "2016-WI"},
		{"quarter past", spec{cal: calendar{quarter: 4}, gran: uQuarter}, tensePast, "2016-Q4"},
		{"quarter future", spec{cal: calendar{quarter: 3}, gran: uQuarter}, tenseFuture, "2017-Q3"},
		{"decade without century", spec{cal: calendar{twoDigits: 90}, gran: uDecade}, tenseNone, "199"},
		{"near future decade", spec{cal: calendar{twoDigits: 20}, gran: uDecade}, tenseNone, "202"},
		{"two-digit year", spec{cal: calendar{twoDigits: 98}, gran: uYear}, tenseNone, "1998"},
	}
	for _, tt := range tests {
		c := resolver{dct: tuesday, tense: tt.tense}
		s := tt.s
		s.typ, s.kind = Date, kindCalendar
		v, _, ok := c.resolve(&s)
		if !ok || v != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, v, ok, tt.want)
		}
	}
}

func TestResolveImpossible(t *testing.T) {
	c := resolver{dct: tuesday}
	for _, s := range []spec{
		{typ: Date, kind: kindAbsolute, cal: calendar{year: 2017, month: 2, day: 30}, gran: uDay},
		{typ: Date, kind: kindAbsolute, cal: calendar{year: 2017, month: 13}, gran: uMonth},
		{typ: Date, kind: kindAbsolute, cal: calendar{year: 2017, quarter: 5}, gran: uQuarter},
		{typ: Date, kind: kindAbsolute, cal: calendar{year: 2017, week: 54}, gran: uWeek},
		{typ: Date, kind: kindCalendar, cal: calendar{month: 4, day: 31}, gran: uDay},
		{typ: Date, kind: kindCalendar, cal: calendar{month: 2, day: 30}, gran: uDay},
	} {
		if v, _, ok := c.resolve(&s); ok || v != "" {
			t.Errorf("resolve(%+v) = %q, %v; want no value", s, v, ok)
		}
	}
}

// Anaphoric expressions take the latest mention fine enough for their unit.
func TestNarrativeAnchor(t *testing.T) {
	c := resolver{dct: tuesday, mentions: []point{
		{first: day(2010, 3, 3), gran: uDay},
		{first: day(1998, 1, 1), gran: uYear},
	}}
	tests := []struct {
		s    spec
		want string
	}{
		{spec{typ: Date, kind: kindOffset, off: offset{unit: uDay, n: 1}, gran: uDay, anchor: anchorNarrative}, "2010-03-04"},
		{spec{typ: Date, kind: kindOffset, off: offset{unit: uYear, n: 1}, gran: uYear, anchor: anchorNarrative}, "1999"},
		{spec{typ: Date, kind: kindOffset, off: offset{unit: uMonth, n: -1}, gran: uMonth, anchor: anchorNarrative}, "2010-02"},
		{spec{typ: Date, kind: kindOffset, off: offset{unit: uDay, n: 1}, gran: uDay}, "2017-04-12"},
	}
	for _, tt := range tests {
		if v, _, _ := c.resolve(&tt.s); v != tt.want {
			t.Errorf("resolve(%+v) = %q, want %q", tt.s, v, tt.want)
		}
	}
}
