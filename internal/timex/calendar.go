package timex

import "strings"

// Calendar names: months, days of the month, weekdays, seasons, holidays,
// quarters and halves, fiscal years, decades and centuries.

var (
	isMonth   = wordHead(func(l *lexeme) bool { return l.month != 0 })
	isWeekday = wordHead(func(l *lexeme) bool { return l.wday != 0 })
	isOrdinal = eitherHead(func(t *token) bool { return t.kind == tNum && t.suf == sufOrd },
		wordHead(func(l *lexeme) bool { return l.ord != 0 }))
)

var calendarProductions = []production{
	{"monthDay", on(isMonth), monthDay, "April 11, 2017"},
	{"monthYear", on(isMonth), monthYear, "April of 2017"},
	{"monthOfRelativeYear", on(isMonth), monthOfRelativeYear, "June last year"},
	{"month", on(isMonth), monthName, "in March"},
	{"weekdayDate", on(isWeekday), weekdayDate, "Tue Mar 15, 2011"},
	{"weekday", on(isWeekday), weekdayName, "Friday morning"},
	{"weekdays", on(isWeekday), weekdaysSet, "Tuesday nights"},
	{"season", on(wordHead(func(l *lexeme) bool { return l.season != 0 })), seasonName, "summer 1994"},
	{"quarterOrHalf", on(isOrdinal), quarterOrHalf, "third quarter of 1989"},
	{"century", on(isOrdinal), century, "20th century"},
	{"dayMonth", on(eitherHead(isNumber, isOrdinal)), dayMonth, "11th of April"},
	{"holiday", on(wordHead(func(l *lexeme) bool { return l.holiday > 0 })), holidayName, "Thanksgiving Day"},
	{"fiscalYear", on(keywordHead(wFiscal, wFY)), fiscalYear, "fiscal 1990"},
	{"fiscalQuarter", on(keywordHead(wFiscal, wFY)), fiscalQuarter, "fiscal first quarter"},
	{"quarterCode", on(keywordHead(wQ, wH)), quarterCode, "Q3 2017"},
}

// dateIntro are the words after which May and March, alone, are months:
// in May, since March.
var dateIntro = [numWords]bool{wIn: true, wSince: true, wUntil: true, wBy: true, wDuring: true, wOf: true,
	wEarly: true, wLate: true, wMid: true, wLast: true, wNext: true, wThis: true, wBefore: true, wAfter: true,
	wFrom: true, wThrough: true, wBetween: true, wTo: true, wAnd: true, wOr: true, wEvery: true, wEach: true,
	wThat: true, wOn: true}

// monthOK checks that a month word at i is used as a month: capitalized, and
// for the ambiguous May and March (and abbreviations), followed by a day or a
// year or preceded by a word that introduces a date.
func (p *parser) monthOK(i int, followed bool) bool {
	t := p.tok(i)
	switch {
	case !t.cap:
		return false
	case followed:
		return true
	case t.lexeme.abbrev:
		return false
	case t.lexeme.keyword != wMay && t.lexeme.keyword != wMarch:
		return true
	case t.upper:
		return false
	}
	return dateIntro[p.keyword(i-1)] || p.punct(i-1, '-') || p.punct(i-1, ',') && p.lexeme(i-2).month != 0
}

// monthWord accepts the month at the cursor, with the period of an
// abbreviation.
func monthWord(c *cursor) int {
	l := c.lexeme()
	c.next()
	if l.abbrev {
		c.dot()
	}
	return int(l.month)
}

// monthDay: April 11, 2017; Sept. 30; April 3-5; Jan. 3 or 4, 2000; July
// Fourth.
func monthDay(c cursor) (match, bool) {
	p := c.p
	mo := monthWord(&c)
	d, ok := c.day()
	if !ok || !p.monthOK(c.start, true) {
		return match{}, false
	}
	// range: April 3-5
	if p.punct(c.pos, '-') && p.glued(c.pos) && p.glued(c.pos+1) {
		if d2, ok := p.plainNum(c.pos + 1); ok && d2 > d && d2 <= 31 {
			c.pos += 2
		}
	}
	end := c.pos
	c.punct(',')
	if y, ok := c.year(); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, month: mo, day: d}, gran: uDay})
	}
	c.pos = end
	if y, ok := p.yearOfSecondDay(end); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, month: mo, day: d}, gran: uDay})
	}
	m, _ := c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{month: mo, day: d}, gran: uDay})
	// the Aug. 7 bombings, their Oct. 13 debate: a day that names an
	// event already known
	if determiner(p.tok(c.start-1).lexeme) && p.tok(end).kind == tWord && !p.tok(end).cap {
		m.s.attributive = true
	}
	return m, true
}

// yearOfSecondDay: in "Jan. 3 or 4, 2000", the year after the second day
// is the first's (k is at "or").
func (p *parser) yearOfSecondDay(k int) (int, bool) {
	c := p.at(k)
	if !c.word(wAnd) && !c.word(wOr) {
		return 0, false
	}
	if _, ok := p.plainNum(c.pos); !ok {
		return 0, false
	}
	c.next()
	c.punct(',')
	return c.year()
}

// monthYear: April 2017, April of 2017, April, 2017.
func monthYear(c cursor) (match, bool) {
	mo := monthWord(&c)
	if !c.word(wOf) {
		c.punct(',')
	}
	y, ok := c.year()
	if !ok || !c.p.monthOK(c.start, true) {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, month: mo}, gran: uMonth})
}

// monthOfRelativeYear: June last year, January this year.
func monthOfRelativeYear(c cursor) (match, bool) {
	mo := monthWord(&c)
	r := c.lexeme().keyword
	if (r != wLast && r != wThis && r != wNext) || c.p.keyword(c.pos+1) != wYear || !c.p.monthOK(c.start, false) {
		return match{}, false
	}
	c.pos += 2
	return c.match(spec{typ: Date, kind: kindOffset, cal: calendar{month: mo}, off: offset{unit: uYear, n: yearShift(r)}, gran: uMonth})
}

// monthName: in March, last June (with the relative productions).
func monthName(c cursor) (match, bool) {
	mo := monthWord(&c)
	if !c.p.monthOK(c.start, false) {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{month: mo}, gran: uMonth})
}

// dayMonth: 11 April 2017, 11th April, the 11th of April.
func dayMonth(c cursor) (match, bool) {
	p := c.p
	d, ok := c.day()
	if !ok {
		return match{}, false
	}
	of := c.word(wOf)
	l := c.lexeme()
	if l.month == 0 || !c.tok().cap || p.tok(c.start).kind != tNum && !of {
		return match{}, false // "Second March" is not a date
	}
	mo := monthWord(&c)
	end := c.pos
	c.punct(',')
	if y, ok := c.year(); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, month: mo, day: d}, gran: uDay})
	}
	c.pos = end
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{month: mo, day: d}, gran: uDay})
}

// namedDay lists the words that make a weekday the name of a day whose date
// the weekday alone does not give: Super Tuesday, Black Friday, Cyber Monday,
// Bloody Sunday.
var namedDay = map[string]bool{"super": true, "black": true, "cyber": true, "bloody": true, "giving": true}

// weekdayWord accepts the weekday at the cursor, with the period of an
// abbreviation; it fails after a word that makes it a name (Super
// Tuesday).
func weekdayWord(c *cursor) (*lexeme, bool) {
	p := c.p
	if p.cap(c.start-1) && namedDay[strings.ToLower(p.word(c.start-1))] {
		return nil, false
	}
	l := c.lexeme()
	c.next()
	if l.abbrev {
		c.dot()
	}
	return l, true
}

// weekdayDate: Friday, Oct. 23; Tue Mar 15, 2011; Monday, 3 April.
func weekdayDate(c cursor) (match, bool) {
	if _, ok := weekdayWord(&c); !ok {
		return match{}, false
	}
	c.punct(',')
	var m match
	var ok bool
	d := c.p.at(c.pos)
	switch {
	case d.lexeme().month != 0:
		m, ok = monthDay(d)
		ok = ok && m.s.cal.day != 0
	case d.tok().kind == tNum:
		m, ok = dayMonth(d)
	}
	m.start = c.start
	return m, ok
}

// newspaperWords follow a weekday or "Daily" in the names of newspapers and
// shows: the Sunday Times, the Daily Mail.
var newspaperWords = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "herald": true, "post": true,
	"observer": true, "independent": true, "mail": true, "star": true, "tribune": true, "news": true,
	"record": true, "standard": true, "sport": true, "people": true, "business": true, "beast": true,
	"show": true,
}

// newspaperName reports whether token k, capitalized, continues the name of
// a newspaper or a show (the Sunday Times).
func (p *parser) newspaperName(k int) bool {
	return p.cap(k) && newspaperWords[strings.ToLower(p.word(k))]
}

// weekdayName: Friday, Friday morning, Wednesday's (a possessive: the
// clause it belongs to comes after it).
func weekdayName(c cursor) (match, bool) {
	t := c.tok()
	l, ok := weekdayWord(&c)
	if !ok || l.abbrev || !t.cap || l.plural || c.p.newspaperName(c.pos) || c.lexeme().pod != podNone && c.lexeme().plural {
		return match{}, false
	}
	m, _ := c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{wday: int(l.wday)}, gran: uDay, possessive: c.is(wPossessive)})
	c.p.partOfDay(&m)
	return m, true
}

// weekdaysSet: Mondays, Tuesday nights, Mondays and Thursdays' evenings:
// every one of them.
func weekdaysSet(c cursor) (match, bool) {
	t := c.tok()
	l, ok := weekdayWord(&c)
	if !ok || l.abbrev || !t.cap {
		return match{}, false
	}
	pod := c.lexeme()
	switch {
	case pod.pod != podNone && pod.pod != podDaytime && (l.plural || pod.plural):
		c.next()
		return c.match(spec{typ: Set, kind: kindLiteral, lit: "XXXX-WXX-" + pad(int(l.wday), 1) + partOfDayTime(pod.pod)})
	case l.plural:
		return c.match(spec{typ: Set, kind: kindLiteral, lit: "XXXX-WXX-" + pad(int(l.wday), 1)})
	}
	return match{}, false
}

// seasonName: summer, summer 1994, summer of 1994.
func seasonName(c cursor) (match, bool) {
	p := c.p
	l := c.lexeme()
	c.next()
	end := c.pos
	c.word(wOf)
	if y, ok := c.year(); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, season: int(l.season)}, gran: uSeason})
	}
	c.pos = end
	if (l.keyword == wSpring || l.keyword == wFall) && (!p.seasonContext(c.start) || c.is(wOf)) {
		return match{}, false // "the fall of the regime" is no season
	}
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{season: int(l.season)}, gran: uSeason})
}

// seasonIntro are the words after which "spring" and "fall" are seasons:
// in the fall, this spring, early fall, scheduled for the fall.
var seasonIntro = [numWords]bool{wIn: true, wDuring: true, wThis: true, wLast: true, wNext: true, wEarly: true,
	wLate: true, wMid: true, wUntil: true, wSince: true, wBy: true, wEvery: true, wEach: true, wPast: true,
	wComing: true, wThrough: true, wBefore: true, wAfter: true, wOf: true, wFor: true}

// seasonContext accepts "spring" and "fall" at i as seasons after words that
// introduce a time (see seasonIntro), or after mid-.
func (p *parser) seasonContext(i int) bool {
	k := i - 1
	if p.keyword(k) == wThe {
		k--
	}
	return seasonIntro[p.keyword(k)] || p.punct(k, '-') && p.keyword(k-1) == wMid
}

// placeAfterHoliday lists the capitalized words that make a holiday's name
// the name of something else.
var placeAfterHoliday = map[string]bool{"island": true, "islands": true, "rising": true, "uprising": true,
	"offensive": true, "carol": true, "parade": true, "bowl": true}

// holidayName: Christmas, Thanksgiving Day, New Year's Day, Easter 2017,
// Easter week.
func holidayName(c cursor) (match, bool) { return holidayAt(c, dirTense) }

// holidayAt reads a holiday at the cursor; d is its direction (next
// Christmas, last Easter).
func holidayAt(c cursor, d dir) (match, bool) {
	p := c.p
	if !c.tok().cap {
		return match{}, false
	}
	h, end := p.longestHoliday(c.pos)
	if h == nil || h.name == "may day" && !p.cap(c.pos+1) || p.cap(end) && placeAfterHoliday[strings.ToLower(p.word(end))] {
		return match{}, false // Easter Island, the Easter Rising
	}
	c.pos = end
	if y, ok := c.year(); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, hol: h}, gran: uNone})
	}
	m, _ := c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{hol: h}, gran: uDay, dir: d})
	if l := p.lexeme(end); l.unit == uWeek && !l.plural {
		// Easter week, Christmas week: the week of the holiday
		m.end, m.s.toWeek = end+1, true
	}
	return m, true
}

// longestHoliday returns the holiday with the longest name at token i and
// the end of its name.
func (p *parser) longestHoliday(i int) (*holiday, int) {
	var key strings.Builder
	var best *holiday
	bestEnd := 0
	j := i
	for w := 0; w < int(p.lexeme(i).holiday)+2 && j < p.sentEnd; w++ {
		t := p.tok(j)
		if t.kind == tPunct && t.ch == '.' && p.glued(j) {
			key.WriteByte('.')
		} else {
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(strings.ToLower(p.text[t.byteStart:t.byteEnd]))
		}
		j++
		if h, ok := holidays[key.String()]; ok {
			best, bestEnd = h, j
		}
	}
	return best, bestEnd
}

// quarterOrHalf: third quarter, third-quarter, first half of 1989, 3rd
// quarter 2016, the first quarter of fiscal 1990.
func quarterOrHalf(c cursor) (match, bool) {
	o, ok := c.ordinal()
	if !ok {
		return match{}, false
	}
	hy := c.hyphen()
	l := c.lexeme()
	var s spec
	switch {
	case l.keyword == wQuarter && !l.plural && o >= 1 && o <= 4:
		s = spec{typ: Date, kind: kindCalendar, cal: calendar{quarter: o}, gran: uQuarter}
	case l.keyword == wHalf && (o == 1 || o == 2):
		s = spec{typ: Date, kind: kindCalendar, cal: calendar{half: o}, gran: uHalf}
	default:
		return match{}, false
	}
	c.next()
	m, _ := c.match(s)
	if !hy {
		c.p.ofYear(&m)
	}
	return m, true
}

// century: 20th century, the twenty-first century, 12th-century.
func century(c cursor) (match, bool) {
	o, ok := c.ordinal()
	if !ok {
		return match{}, false
	}
	c.hyphen()
	if l := c.lexeme(); l.unit != uCentury || l.plural || o < 1 || o > 30 {
		return match{}, false
	}
	c.next()
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: (o - 1) * 100}, gran: uCentury})
}

// ofYear extends a quarter or half with its year: of 1990, of fiscal 1990,
// of this year, of last year, of the year, 1989.
func (p *parser) ofYear(m *match) {
	c := p.at(m.end)
	if !c.word(wOf) {
		if p.tok(c.pos).kind == tNum {
			if y, ok := c.year(); ok {
				m.s.kind, m.s.cal.year, m.end = kindAbsolute, y, c.pos // third quarter 1989
			}
		}
		return
	}
	c.word(wFiscal)
	if y, ok := c.year(); ok {
		m.s.kind, m.s.cal.year, m.end = kindAbsolute, y, c.pos
		return
	}
	s := spec{typ: Date, kind: kindOffset, cal: calendar{quarter: m.s.cal.quarter, half: m.s.cal.half}, off: offset{unit: uYear}, gran: m.s.gran}
	switch w := c.lexeme().keyword; {
	case (w == wLast || w == wThis || w == wNext) && p.keyword(c.pos+1) == wYear:
		s.off.n = yearShift(w)
	case w == wThe && p.keyword(c.pos+1) == wYear:
		s.anchor = anchorNarrative
	default:
		return
	}
	m.s, m.end = s, c.pos+2
}

// quarterCode: Q3, Q3 2017, H1.
func quarterCode(c cursor) (match, bool) {
	p, i := c.p, c.start
	if !c.tok().cap || !p.glued(i+1) {
		return match{}, false
	}
	v, ok := p.plainNum(i + 1)
	if !ok || p.tok(i+1).digits != 1 {
		return match{}, false
	}
	s := spec{typ: Date, kind: kindCalendar, cal: calendar{quarter: v}, gran: uQuarter}
	if c.is(wH) {
		s = spec{typ: Date, kind: kindCalendar, cal: calendar{half: v}, gran: uHalf}
		if v < 1 || v > 2 {
			return match{}, false
		}
	} else if v < 1 || v > 4 {
		return match{}, false
	}
	c.pos += 2
	if y, ok := c.year(); ok {
		s.kind, s.cal.year = kindAbsolute, y
	}
	return c.match(s)
}

// fiscalYear: fiscal 1989, fiscal year 1990, FY2017, FY17, fiscal-1990.
func fiscalYear(c cursor) (match, bool) {
	fy := c.is(wFY)
	c.next()
	c.hyphen()
	if !fy {
		c.word(wYear)
	}
	if y, ok := c.year(); ok {
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y}, gran: uYear})
	}
	if v, ok := c.p.plainNum(c.pos); ok && fy && c.tok().digits == 2 {
		c.next()
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: twoDigitYear(v)}, gran: uYear})
	}
	return match{}, false
}

// fiscalQuarter: fiscal second-quarter, fiscal first quarter: the one
// reported.
func fiscalQuarter(c cursor) (match, bool) {
	c.next()
	c.hyphen() // the fiscal-first quarter
	q := c.p.at(c.pos)
	m, ok := quarterOrHalf(q)
	if !ok || m.s.cal.quarter == 0 {
		return match{}, false
	}
	m.start = c.start
	if m.s.kind == kindCalendar {
		m.s.dir = dirPast
	}
	return m, true
}

// yearShift is the offset that last, this and next give a year.
func yearShift(w word) int {
	switch w {
	case wLast:
		return -1
	case wNext:
		return 1
	}
	return 0
}
