package timex

// Relative expressions and the expressions led by "the": last week, the
// following day, this coming Sunday, the past two months, the year-ago
// quarter, the 1990s, the third quarter, the week of March 6.

// relativeWords are the words that place what follows relative to the DCT
// or the narrative; afterThe says which may follow "the" (the next day, the
// same week, but not "the that").
var relativeWords = [numWords]struct{ rel, afterThe bool }{
	wThis: {true, true}, wLast: {true, true}, wNext: {true, true}, wPast: {true, true},
	wPrevious: {true, true}, wComing: {true, true}, wFollowing: {true, true}, wCurrent: {true, true},
	wUpcoming: {true, true}, wSame: {true, true}, wRecent: {true, true}, wLatest: {true, true},
	wFinal: {true, true}, wFirst: {true, true}, wThat: {true, false},
}

var (
	isRelativeWord = wordHead(func(l *lexeme) bool { return relativeWords[l.keyword].rel })
	isDayNumber    = eitherHead(isNumber, wordHead(func(l *lexeme) bool { return l.ord != 0 || l.tens }))
	isPeriodWord   = wordHead(func(l *lexeme) bool {
		return l.sameness || l.keyword == wQuarter || l.keyword == wPeriod
	})
)

var relativeProductions = []production{
	// after "the", in the order the old "the" dispatcher tried them
	{"theDecade", afterThe(isNumber), theDecade, "the 1990s"},
	{"theYearPeriod", afterThe(isNumber), theYearPeriod, "the 1988 period"},
	{"theYearQuarter", afterThe(isNumber), theYearQuarter, "the 1988 third quarter"},
	{"theOrdinal", afterThe(isDayNumber), theOrdinal, "the first half of 1989"},
	{"theDayMonth", afterThe(isDayNumber), theDayMonth, "the 11th of April"},
	{"theBareDay", afterThe(isNumber), theBareDay, "on the 15th"},
	{"theSeason", afterThe(wordHead(func(l *lexeme) bool { return l.season != 0 })), theSeason, "the summer of 1994"},
	{"theDecadeWord", afterThe(wordHead(func(l *lexeme) bool { return l.decade != 0 })), theDecadeWord, "the nineties"},
	{"theDuration", afterThe(isQuantity), theDuration, "the nine months"},
	{"relativeSpan", withOrWithoutThe(isRelativeWord), relativeSpan, "the past two months"},
	{"relativeUnit", withOrWithoutThe(isRelativeWord), relativeUnit, "last week"},
	{"relativePartOfDay", withOrWithoutThe(isRelativeWord), relativePartOfDay, "this morning"},
	{"relativeCalendar", withOrWithoutThe(isRelativeWord), relativeCalendar, "this coming Sunday"},
	{"thePast", afterThe(keywordHead(wPast)), thePast, "in the past"},
	{"theFuture", afterThe(keywordHead(wFuture, wNear, wShort, wLong)), theFuture, "the near future"},
	{"thePresent", afterThe(keywordHead(wPresent)), thePresent, "the present"},
	{"theDayAroundToday", afterThe(keywordHead(wDay)), theDayAroundToday, "the day before yesterday"},
	{"theDayAroundDate", afterThe(keywordHead(wDay)), theDayAroundDate, "the day after Christmas"},
	{"theYearNumber", afterThe(keywordHead(wYear)), theYearNumber, "the year 2000"},
	{"theYearAgo", afterThe(keywordHead(wYear)), theYearAgo, "the year-ago quarter"},
	{"theHalf", afterThe(keywordHead(wLast, wFirst)), theHalf, "the last half of 1989"},
	{"theFiscalYear", afterThe(keywordHead(wFiscal)), theFiscalYear, "the fiscal year"},
	{"theFiscal", afterThe(keywordHead(wFiscal)), theFiscal, "the fiscal 1990 results"},
	{"theUnit", afterThe(isUnit), theUnitAt, "the quarter"},
	{"thePeriodYearAgo", afterThe(isPeriodWord), thePeriodYearAgo, "the same period last year"},
	{"theFullYear", afterThe(keywordHead(wFull)), theFullYear, "the full year"},
	{"theUnitsAhead", afterThe(isUnit), theUnitsAhead, "the weeks ahead"},
	{"yearAgoPeriod", on(keywordHead(wYear)), yearAgoPeriod, "year-earlier quarter"},
}

// theDecade: the 1990s, the '90s, the 90s.
func theDecade(c cursor) (match, bool) {
	c.word(wThe)
	if m, ok := c.sub(decadeNumber); ok {
		return m, true
	}
	m, ok := c.sub(shortYear)
	return m, ok && m.s.gran == uDecade
}

// theYearPeriod: the 1988 period, the 1988 quarter: the quarter the
// narrative is about, in that year.
func theYearPeriod(c cursor) (match, bool) {
	c.word(wThe)
	y, ok := c.p.year4(c.pos)
	if !ok {
		return match{}, false
	}
	c.next()
	if l := c.lexeme(); l.keyword == wPeriod || l.keyword == wQuarter && !l.plural {
		c.next()
		return c.match(spec{typ: Date, kind: kindOffset, cal: calendar{year: y}, off: offset{unit: uQuarter}, gran: uQuarter, anchor: anchorPeriodOfYear})
	}
	return match{}, false
}

// theYearQuarter: the 1988 third quarter.
func theYearQuarter(c cursor) (match, bool) {
	c.word(wThe)
	y, ok := c.p.year4(c.pos)
	if !ok {
		return match{}, false
	}
	c.next()
	if l := c.lexeme(); l.keyword == wPeriod || l.keyword == wQuarter && !l.plural {
		return match{}, false // the 1988 quarter: theYearPeriod
	}
	o, ok := c.ordinal()
	if !ok || o > 4 || !c.is(wQuarter) || c.lexeme().plural {
		return match{}, false
	}
	c.next()
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, quarter: o}, gran: uQuarter})
}

// theOrdinal: the third quarter, the first half of 1989, the 20th century,
// the twenty-first century; in "the third-quarter results" the article
// goes with "results".
func theOrdinal(c cursor) (match, bool) {
	c.word(wThe)
	t, l := c.tok(), c.lexeme()
	if t.kind != tNum && l.ord == 0 && !l.tens {
		return match{}, false
	}
	var best match
	found := false
	for _, f := range []func(cursor) (match, bool){quarterOrHalf, century} {
		if m, ok := c.sub(f); ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	if found && t.kind != tNum && c.p.hyphen(best.end-2) {
		best.start = c.pos // the third-quarter results
	}
	return best, found
}

// theDayMonth: the 11th of April, the fourth of July.
func theDayMonth(c cursor) (match, bool) {
	c.word(wThe)
	if t, l := c.tok(), c.lexeme(); t.kind != tNum && l.ord == 0 && !l.tens {
		return match{}, false
	}
	return c.sub(dayMonth)
}

// dayIntro are the prepositions after which "the 15th" is a day of the
// month.
var dayIntro = [numWords]bool{wOn: true, wBy: true, wUntil: true, wSince: true, wBefore: true, wAfter: true,
	wFrom: true, wTo: true}

// theBareDay: "on the 15th", "by the 20th," — a day of the month with no
// month, after a preposition of time and before the end of the phrase (so
// not "the 15th floor", "the 20th anniversary").
func theBareDay(c cursor) (match, bool) {
	p := c.p
	c.word(wThe)
	t := c.tok()
	if t.kind != tNum || t.suf != sufOrd || t.apos || t.num < 1 || t.num > 31 || !dayIntro[p.keyword(c.start-1)] {
		return match{}, false
	}
	c.next()
	if next := c.tok(); next.kind == tWord && !c.is(wAnd) && !c.is(wOr) || c.p.punct(c.pos, '-') {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{day: t.num}, gran: uDay, anchor: anchorNarrative})
}

// seasonAfterTheIntro are the prepositions after which "the spring" and
// "the fall" are seasons.
var seasonAfterTheIntro = [numWords]bool{wIn: true, wDuring: true, wBy: true, wUntil: true, wSince: true,
	wThrough: true, wOver: true, wFor: true}

// theSeason: the summer, the summer of 1994; "the spring" and "the fall"
// only as seasons (in the fall, not the fall of the regime).
func theSeason(c cursor) (match, bool) {
	c.word(wThe)
	l := c.lexeme()
	if l.season == 0 {
		return match{}, false
	}
	if m, ok := c.sub(seasonName); ok {
		return m, true
	}
	if l.keyword != wSpring && l.keyword != wFall || c.p.keyword(c.pos+1) == wOf || !seasonAfterTheIntro[c.p.keyword(c.start-1)] {
		return match{}, false
	}
	c.next()
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{season: int(l.season)}, gran: uSeason})
}

// theDecadeWord: the nineties.
func theDecadeWord(c cursor) (match, bool) {
	c.word(wThe)
	l := c.lexeme()
	if l.decade == 0 {
		return match{}, false
	}
	c.next()
	return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{twoDigits: int(l.decade)}, gran: uDecade})
}

// theDuration: the nine months, the two days (not the adjectival "the
// two-year pact").
func theDuration(c cursor) (match, bool) {
	c.word(wThe)
	m, ok := c.sub(durationAt)
	return m, ok && !c.p.hasHyphen(c.pos, m.end)
}

// relative reads a relative word at the cursor, after "the" or not: this,
// last, next..., and this past (last), this coming (next), that same
// (same). the reports the article.
func relative(c *cursor) (rel word, the, ok bool) {
	the = c.word(wThe)
	rel = c.lexeme().keyword
	if r := relativeWords[rel]; !r.rel || the && !r.afterThe {
		return wNone, false, false
	}
	c.next()
	switch {
	case rel == wThis && c.word(wPast):
		rel = wLast
	case rel == wThis && c.word(wComing):
		rel = wNext
	case rel == wThat && c.word(wSame):
		rel = wSame
	}
	return rel, the, true
}

// spanWords are the relative words that can open a span of units: the past
// two months, the next few days, the first nine months.
var spanWords = [numWords]bool{wLast: true, wPast: true, wNext: true, wComing: true, wFirst: true, wFinal: true,
	wPrevious: true, wFollowing: true, wLatest: true, wRecent: true}

// relativeSpan: the past two months, the next few days, the first nine
// months, the next 12 to 18 months, the last two trading days.
func relativeSpan(c cursor) (match, bool) {
	rel, the, ok := relative(&c)
	if !ok || !spanWords[rel] || rel == wFirst && !the {
		return match{}, false
	}
	p := c.p
	q, ok := c.number()
	if !ok || q.article || !q.unknown && q.value == 1 && !p.unitFollows(c.pos) {
		return match{}, false
	}
	if w := c.lexeme().keyword; w == wTo || w == wOr {
		// the next 12 to 18 months
		if q2, k, ok := p.number(c.pos + 1); ok && !q2.article && p.unitFollows(k) {
			c.pos = k
		}
	}
	if w := c.lexeme().keyword; w == wMore || w == wTrading || w == wBusiness {
		c.next()
	}
	u, plural, ok := c.unit()
	if !ok || !plural && q.value != 1 {
		return match{}, false
	}
	m, _ := c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(q, u), durQty: q, durUnit: u})
	if q.approx {
		m.s.mod = "APPROX"
	}
	return m, true
}

// relativeOfCalendar reads a relative word that can stand before a unit, a
// part of the day or a calendar name (not first, final), and the "fiscal"
// of "the current fiscal year".
func relativeOfCalendar(c *cursor) (rel word, the, ok bool) {
	rel, the, ok = relative(c)
	if !ok || rel == wFirst || rel == wFinal {
		return wNone, false, false
	}
	if c.is(wFiscal) && (c.p.keyword(c.pos+1) == wYear || c.p.keyword(c.pos+1) == wQuarter) {
		c.next()
	}
	return rel, the, true
}

// relativeUnit: last week, this year, the following day, the latest
// quarter, this year's third quarter, last year's quarter, recent years.
func relativeUnit(c cursor) (match, bool) {
	rel, the, ok := relativeOfCalendar(&c)
	if !ok {
		return match{}, false
	}
	l := c.lexeme()
	if rel == wLatest && l.keyword == wPeriod && the {
		// the latest period: in earnings news, the latest quarter
		c.next()
		return c.match(spec{typ: Date, kind: kindOffset, off: offset{unit: uQuarter}, gran: uQuarter, anchor: anchorLatestEnded})
	}
	if l.unit == uNone {
		return match{}, false
	}
	c.next()
	if l.plural {
		return pluralUnits(c, rel, l.unit)
	}
	s, ok := unitFrom(rel, the, l.unit)
	if !ok {
		return match{}, false
	}
	if l.unit == uYear && c.is(wPossessive) {
		if m, ok := yearsQuarter(c, rel, s); ok {
			return m, true
		}
	}
	m, _ := c.match(s)
	if s.off.unit == uDay {
		c.p.partOfDay(&m)
	}
	return m, true
}

// pluralUnits: recent years (the past), recent weeks, the coming days, the
// past months: spans of unknown length.
func pluralUnits(c cursor, rel word, u unit) (match, bool) {
	switch rel {
	case wRecent:
		if u == uYear {
			return c.match(spec{typ: Date, kind: kindLiteral, lit: "PAST_REF"})
		}
	case wComing, wPast, wNext, wLast, wUpcoming:
		if u < uDay {
			return match{}, false
		}
	default:
		return match{}, false
	}
	return c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(qty{unknown: true}, u)})
}

// unitFrom is the spec of a relative word before a singular unit: last week
// one week before the DCT, the following week one after the narrative's.
func unitFrom(rel word, the bool, u unit) (spec, bool) {
	s := spec{typ: Date, kind: kindOffset, off: offset{unit: u}, gran: u}
	switch rel {
	case wThis, wCurrent:
		if u <= uDay {
			return spec{}, false
		}
	case wLast, wPast:
		if u <= uDay {
			return spec{}, false
		}
		s.off.n = -1
	case wNext, wComing, wUpcoming:
		if u < uDay {
			return spec{}, false
		}
		s.off.n = 1
		if the && rel == wNext {
			s.anchor = anchorNarrative
		}
	case wFollowing:
		s.off.n, s.anchor = 1, anchorNarrative
	case wPrevious:
		s.off.n, s.anchor = -1, anchorNarrative
	case wSame, wThat:
		if u < uDay {
			return spec{}, false
		}
		s.anchor = anchorNarrative
	case wLatest:
		// the latest quarter: the one the story reports on
		if u != uQuarter && u != uYear && u != uMonth && u != uWeek {
			return spec{}, false
		}
		if u == uQuarter {
			s.anchor = anchorLatestEnded
		} else {
			s.off.n = -1
		}
	default:
		return spec{}, false
	}
	switch u {
	case uWeekend:
		s.off.unit, s.gran = uWeek, uWeekend
	case uFortnight:
		s.off.unit, s.gran, s.off.n = uWeek, uWeek, 2*s.off.n
	case uSeason:
		return spec{}, false
	}
	return s, true
}

// yearsQuarter: this year's third quarter; last year's quarter (the
// year-ago quarter of the narrative). The cursor is at the 's.
func yearsQuarter(c cursor, rel word, s spec) (match, bool) {
	poss := c.pos
	c.next()
	if o, ok := c.ordinal(); ok && c.is(wQuarter) && !c.lexeme().plural && o <= 4 {
		c.next()
		s.gran, s.cal.quarter = uQuarter, o
		return c.match(s)
	}
	c.pos = poss + 1
	if l := c.lexeme(); rel == wLast && (l.keyword == wQuarter && !l.plural || l.keyword == wPeriod) {
		c.next()
		return c.match(yearAgoSpec())
	}
	c.pos = poss
	return match{}, false
}

// relativePartOfDay: this morning, last night, the next morning, that
// same evening.
func relativePartOfDay(c cursor) (match, bool) {
	rel, the, ok := relativeOfCalendar(&c)
	l := c.lexeme()
	if !ok || l.pod == podNone || l.pod == podDaytime || l.plural {
		return match{}, false
	}
	s := spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, tod: partOfDayTime(l.pod)}
	switch rel {
	case wThis:
	case wLast:
		if l.pod != podNight {
			return match{}, false
		}
		s.off.n = -1
	case wNext, wFollowing:
		if !the && rel == wNext {
			return match{}, false
		}
		s.off.n, s.anchor = 1, anchorNarrative
	case wPrevious:
		s.off.n, s.anchor = -1, anchorNarrative
	case wSame, wThat:
		s.anchor = anchorNarrative
	default:
		return match{}, false
	}
	c.next()
	return c.match(s)
}

// calendarDirection is the occurrence that a relative word selects of a
// calendar name, and what it counts from: last Friday, next June (from the
// DCT), the following Monday (from the narrative), that November (the
// story's year).
func calendarDirection(rel word) (d dir, a anchor, ok bool) {
	switch rel {
	case wThis:
		return dirThis, anchorDCT, true
	case wLast, wPast:
		return dirLast, anchorDCT, true
	case wNext, wComing, wUpcoming:
		return dirNext, anchorDCT, true
	case wPrevious:
		return dirLast, anchorNarrative, true
	case wFollowing:
		return dirNext, anchorNarrative, true
	case wThat:
		return dirThis, anchorStoryYear, true
	}
	return dirTense, anchorDCT, false
}

// relativeCalendar: last Friday, next June, this summer, last Christmas,
// this coming Sunday, March 8, that November.
func relativeCalendar(c cursor) (match, bool) {
	rel, _, ok := relativeOfCalendar(&c)
	if !ok {
		return match{}, false
	}
	d, a, ok := calendarDirection(rel)
	l := c.lexeme()
	if !ok || rel == wThat && l.month == 0 && l.season == 0 {
		return match{}, false
	}
	switch {
	case l.wday != 0 && !l.abbrev:
		if !c.tok().cap {
			return match{}, false
		}
		c.next()
		return relativeWeekday(c, spec{typ: Date, kind: kindCalendar, cal: calendar{wday: int(l.wday)}, gran: uDay, anchor: a, dir: d})
	case l.month != 0:
		if !c.tok().cap || l.abbrev {
			return match{}, false
		}
		c.next()
		return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{month: int(l.month)}, gran: uMonth, anchor: a, dir: d})
	case l.season != 0:
		c.next()
		return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{season: int(l.season)}, gran: uSeason, anchor: a, dir: d})
	case l.holiday > 0:
		m, ok := c.sub(func(c cursor) (match, bool) { return holidayAt(c, d) })
		m.s.anchor = a
		return m, ok
	}
	return match{}, false
}

// relativeWeekday completes a relative weekday (the cursor after it): this
// coming Sunday, March 8 is the date; last Friday night a time.
func relativeWeekday(c cursor, s spec) (match, bool) {
	d := c.p.at(c.pos)
	d.punct(',')
	if d.lexeme().month != 0 {
		if dm, ok := d.sub(monthDay); ok && dm.s.cal.day != 0 {
			dm.start = c.start
			return dm, true
		}
	}
	m, _ := c.match(s)
	c.p.partOfDay(&m)
	return m, true
}

// thePast: the past (not the past two years, which relativeSpan reads).
func thePast(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wPast) {
		return match{}, false
	}
	if l := c.lexeme(); l.unit != uNone || l.num != 0 || l.keyword == wFew || l.keyword == wSeveral {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindLiteral, lit: "PAST_REF"})
}

// theFuture: the future, the near future, the near term, the short term,
// the long term.
func theFuture(c cursor) (match, bool) {
	c.word(wThe)
	switch {
	case c.word(wFuture):
	case c.words(wNear, wFuture), c.words(wNear, wTerm), c.words(wShort, wTerm), c.words(wLong, wTerm):
	default:
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindLiteral, lit: "FUTURE_REF"})
}

// thePresent: the present (not the present day, the present year).
func thePresent(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wPresent) || c.is(wDay) || c.p.unitFollows(c.pos) {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindLiteral, lit: "PRESENT_REF"})
}

// theDayAroundToday: the day before yesterday, the day after tomorrow.
func theDayAroundToday(c cursor) (match, bool) {
	c.word(wThe)
	n := 0
	switch {
	case c.words(wDay, wBefore, wYesterday):
		n = -2
	case c.words(wDay, wAfter, wTomorrow):
		n = 2
	default:
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindOffset, off: offset{unit: uDay, n: n}, gran: uDay})
}

// theDayAroundDate: the day before last Tuesday's hearing, the day after
// Christmas, the day after March 3, 2016.
func theDayAroundDate(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wDay) {
		return match{}, false
	}
	off := 1
	switch {
	case c.word(wBefore):
		off = -1
	case c.word(wAfter):
	default:
		return match{}, false
	}
	m, ok := c.p.modded(c.pos)
	if !ok || m.s.typ != Date || m.s.mod != "" || m.s.tod != "" ||
		!(m.s.gran == uDay || m.s.kind == kindCalendar && m.s.cal.wday != 0 && !m.s.cal.weekend) {
		return match{}, false
	}
	m.start = c.start
	m.s.dayOff = off
	return m, true
}

// theYearNumber: the year two thousand, the year 2000.
func theYearNumber(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wYear) {
		return match{}, false
	}
	y, ok := c.year()
	if !ok {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y}, gran: uYear})
}

// theYearAgo: the year-earlier quarter, the year-ago period; but in "the
// year-ago results" the article belongs to "results".
func theYearAgo(c cursor) (match, bool) {
	c.word(wThe)
	if !c.is(wYear) {
		return match{}, false
	}
	k := c.pos
	m, ok := c.sub(yearAgoPeriod)
	if ok && m.s.typ == Date && m.end == k+3 {
		m.start = k
	}
	return m, ok
}

// theHalf: the last half of 1989, the first half.
func theHalf(c cursor) (match, bool) {
	c.word(wThe)
	h := 0
	switch {
	case c.words(wLast, wHalf):
		h = 2
	case c.words(wFirst, wHalf):
		h = 1
	default:
		return match{}, false
	}
	m, _ := c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{half: h}, gran: uHalf})
	c.p.ofYear(&m)
	return m, true
}

// theFiscalYear: the fiscal year, the fiscal year ended Sept. 30.
func theFiscalYear(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wFiscal) || !c.is(wYear) {
		return match{}, false
	}
	return c.p.theUnit(c.start, c.pos)
}

// theFiscal: the fiscal 1990 results, the fiscal first quarter.
func theFiscal(c cursor) (match, bool) {
	c.word(wThe)
	if !c.is(wFiscal) {
		return match{}, false
	}
	best, found := c.sub(fiscalYear)
	if m, ok := c.sub(fiscalQuarter); ok && (!found || m.end > best.end) {
		best, found = m, true
	}
	return best, found
}

// theUnitAt: the year, the quarter, the month, the week, the weekend.
func theUnitAt(c cursor) (match, bool) {
	c.word(wThe)
	if c.lexeme().unit == uNone {
		return match{}, false
	}
	return c.p.theUnit(c.start, c.pos)
}

// theUnit: the year, the quarter, the month, the week, the weekend, the
// week of March 6; "the year ended March 31" is a duration. i is at "the",
// k at the unit.
func (p *parser) theUnit(i, k int) (match, bool) {
	l := p.lexeme(k)
	if l.plural || p.hyphen(k+1) {
		return match{}, false // the year-end rush: "year-end" is matched on its own
	}
	j := k + 1
	switch p.keyword(j) {
	case wEnded, wEnding, wThrough, wTo:
		// the year ended March 31 is a duration; the quarter ended Sept. 30
		// names the quarter
		if l.unit == uYear || l.unit == uMonth || l.unit == uWeek {
			return match{i, j, spec{typ: Duration, kind: kindLiteral, lit: durationValue(qty{value: 1}, l.unit)}}, true
		}
	}
	switch l.unit {
	case uYear, uQuarter, uMonth:
		return match{i, j, spec{typ: Date, kind: kindOffset, off: offset{unit: l.unit}, gran: l.unit, anchor: anchorNarrative}}, true
	case uWeek:
		// "the week of March 6"
		if p.keyword(j) == wOf {
			if m, ok := p.core(j + 1); ok && m.s.typ == Date && m.s.gran == uDay {
				m.start, m.s.toWeek = i, true
				return m, true
			}
		}
		return match{i, j, spec{typ: Date, kind: kindOffset, off: offset{unit: uWeek}, gran: uWeek, anchor: anchorNarrative}}, true
	case uWeekend:
		return match{i, j, spec{typ: Date, kind: kindCalendar, cal: calendar{wday: 6, weekend: true}, gran: uWeekend}}, true
	}
	return match{}, false
}

// theFullYear: the full year: the year being reported on.
func theFullYear(c cursor) (match, bool) {
	c.word(wThe)
	if !c.word(wFull) || !c.is(wYear) {
		return match{}, false
	}
	m, ok := c.p.theUnit(c.start, c.pos)
	if ok && m.s.typ == Date {
		m.s.anchor = anchorReportingYear
	}
	return m, ok
}

// theUnitsAhead: the weeks ahead, the years ahead.
func theUnitsAhead(c cursor) (match, bool) {
	c.word(wThe)
	l := c.lexeme()
	if l.unit == uNone || !l.plural {
		return match{}, false
	}
	c.next()
	if !c.word(wAhead) {
		return match{}, false
	}
	return c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(qty{unknown: true}, l.unit)})
}

// yearAgoPeriod: year-earlier, year-ago (quarter|period) — the same quarter
// one year before the one the narrative is about; the year-ago third
// quarter; the year-earlier nine months (a duration).
func yearAgoPeriod(c cursor) (match, bool) {
	c.next()
	if !c.hyphen() || !c.word(wEarlier) && !c.word(wAgo) {
		return match{}, false
	}
	l := c.lexeme()
	switch {
	case l.keyword == wQuarter && !l.plural, l.keyword == wPeriod:
		c.next()
	default:
		q := c.p.at(c.pos)
		if o, ok := q.ordinal(); ok && o <= 4 && q.is(wQuarter) && !q.lexeme().plural {
			c.pos = q.pos + 1
			return c.match(spec{typ: Date, kind: kindOffset, cal: calendar{quarter: o}, off: offset{unit: uYear, n: -1}, gran: uQuarter, anchor: anchorYearAgo})
		}
		if m, ok := c.sub(durationAt); ok {
			return m, true
		}
	}
	return c.match(yearAgoSpec())
}

// yearAgoSpec is the same quarter one year before the one the narrative is
// about (see resolver.yearAgoPeriod).
func yearAgoSpec() spec {
	return spec{typ: Date, kind: kindOffset, off: offset{unit: uYear, n: -1}, gran: uQuarter, anchor: anchorYearEarlier}
}

// thePeriodYearAgo: the quarter a year ago, the period a year earlier, the
// same quarter last year, the corresponding period of the previous year,
// the comparable year-ago quarter — the year-ago counterpart of the period
// the narrative is about.
func thePeriodYearAgo(c cursor) (match, bool) {
	c.word(wThe)
	if c.lexeme().sameness {
		c.next()
		// the comparable year-ago quarter
		if m, ok := c.sub(yearAgoPeriod); ok && m.s.typ == Date {
			return m, true
		}
	}
	if l := c.lexeme(); !(l.keyword == wQuarter && !l.plural || l.keyword == wPeriod) {
		return match{}, false
	}
	c.next()
	if !c.word(wOf) {
		c.word(wIn)
	}
	switch {
	case c.words(wA, wYear, wAgo), c.words(wA, wYear, wEarlier), c.words(wA, wYear, wBefore),
		c.words(wLast, wYear), c.words(wThe, wPrevious, wYear):
		return c.match(yearAgoSpec())
	}
	return match{}, false
}
