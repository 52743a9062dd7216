package timex

import "strings"

// Calendar names: months, days of the month, weekdays, seasons, holidays,
// quarters and halves, fiscal years, decades and centuries.

// monthOK checks that a month word at i is used as a month: capitalized, and
// for the ambiguous May and March (and abbreviations), followed by a day or a
// year or preceded by a word that introduces a date.
func (p *parser) monthOK(i int, followed bool) bool {
	t := p.tok(i)
	if !t.cap {
		return false
	}
	l := t.lx
	if followed {
		return true
	}
	if l.abbrev {
		return false
	}
	if l.id == wMay || l.id == wMarch {
		if t.upper {
			return false
		}
		switch p.id(i - 1) {
		case wIn, wSince, wUntil, wBy, wDuring, wOf, wEarly, wLate, wMid, wLast, wNext, wThis, wBefore, wAfter, wFrom, wThrough, wBetween, wTo, wAnd, wOr, wEvery, wEach, wThat, wOn:
			return true
		}
		if p.punct(i-1, '-') || p.punct(i-1, ',') && p.lx(i-2).month != 0 {
			return true
		}
		return false
	}
	return true
}

// monthLed: April 11, 2017; Sept. 30; April 2017; April of 2017; April;
// April 3-5; June last year; July Fourth.
func (p *parser) monthLed(i int) (match, bool) {
	l := p.lx(i)
	mo := int(l.month)
	j := i + 1
	if l.abbrev {
		j = p.skipDot(j)
	}
	// day
	if d, k, ok := p.dayNum(j); ok {
		if !p.monthOK(i, true) {
			return match{}, false
		}
		end := k
		// range: April 3-5
		if p.punct(k, '-') && p.glued(k) && p.glued(k+1) {
			if d2, ok := p.plainNum(k + 1); ok && d2 > d && d2 <= 31 {
				end = k + 2
			}
		}
		// year
		yk := end
		if p.punct(yk, ',') {
			yk++
		}
		if y, k2, ok := p.yearAt(yk); ok {
			return match{i, k2, spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}}, true
		}
		// Jan. 3 or 4, 2000: the year after the second day is the first's
		if w := p.id(end); (w == wAnd || w == wOr) && p.tok(min(end+1, p.n-1)).kind == tNum {
			yk := end + 2
			if p.punct(yk, ',') {
				yk++
			}
			if y, _, ok := p.yearAt(yk); ok {
				if _, ok := p.plainNum(end + 1); ok {
					return match{i, end, spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}}, true
				}
			}
		}
		m := match{i, end, spec{typ: Date, kind: skCal, month: mo, day: d, gran: uDay}}
		// the Aug. 7 bombings, their Oct. 13 debate: a day that names an
		// event already known
		if i > 0 && determiner(p.tok(i-1).lx) && end < p.n && p.tok(end).kind == tWord && !p.tok(end).cap {
			m.s.attrib = true
		}
		return m, true
	}
	// month year
	k := j
	if p.id(k) == wOf || p.punct(k, ',') {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		if !p.monthOK(i, true) {
			return match{}, false
		}
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, month: mo, gran: uMonth}}, true
	}
	if !p.monthOK(i, false) {
		return match{}, false
	}
	// June last year, January this year
	if r := p.id(j); (r == wLast || r == wThis || r == wNext) && p.id(j+1) == wYear {
		n := yearShift(r)
		return match{i, j + 2, spec{typ: Date, kind: skRel, unit: uYear, n: n, gran: uMonth, month: mo}}, true
	}
	return match{i, j, spec{typ: Date, kind: skCal, month: mo, gran: uMonth}}, true
}

// dayMonth: 11 April 2017, 11th April, the 11th of April.
func (p *parser) dayMonth(i int) (match, bool) {
	d, k, ok := p.dayNum(i)
	if !ok {
		return match{}, false
	}
	if p.id(k) == wOf {
		k++
	}
	l := p.lx(k)
	if l.month == 0 || !p.cap(k) {
		return match{}, false
	}
	if p.tok(i).kind != tNum && p.id(k-1) != wOf {
		return match{}, false // "Second March" is not a date
	}
	mo := int(l.month)
	j := k + 1
	if l.abbrev {
		j = p.skipDot(j)
	}
	yk := j
	if p.punct(yk, ',') {
		yk++
	}
	if y, k2, ok := p.yearAt(yk); ok {
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}}, true
	}
	return match{i, j, spec{typ: Date, kind: skCal, month: mo, day: d, gran: uDay}}, true
}

// weekdayLed: Friday, Friday morning, Friday, Oct. 23, Tue Mar 15, 2011,
// Mondays.
func (p *parser) weekdayLed(i int) (match, bool) {
	l := p.lx(i)
	t := p.tok(i)
	j := i + 1
	if l.abbrev {
		j = p.skipDot(j)
	}
	// a full date after the weekday
	k := j
	if p.punct(k, ',') {
		k++
	}
	if kl := p.lx(k); kl.month != 0 {
		if m, ok := p.monthLed(k); ok && m.s.day != 0 {
			m.i = i
			return m, true
		}
	} else if p.tok(min(k, p.n-1)).kind == tNum && k < p.n {
		if m, ok := p.dayMonth(k); ok {
			m.i = i
			return m, true
		}
	}
	if l.abbrev || !t.cap {
		return match{}, false
	}
	if l.plural {
		// Mondays, Tuesday nights: every one of them
		m := match{i, j, spec{typ: Set, kind: skLit, lit: "XXXX-WXX-" + pad(int(l.wday), 1)}}
		if pod := p.lx(j).pod; pod != podNone && pod != podDaytime {
			m.s.lit += "T" + partOfDayCode(pod)
			m.j++
		}
		return m, true
	}
	// the Sunday Times, Britain's Sunday Telegraph: a name, not a day
	if j < p.n && p.tok(j).cap && newspaperWords[strings.ToLower(p.word(j))] {
		return match{}, false
	}
	m := match{i, j, spec{typ: Date, kind: skCal, wday: int(l.wday), gran: uDay, poss: p.id(j) == wPossessive}}
	if p.lx(j).pod != podNone && p.lx(j).plural {
		// Tuesday nights
		m.s = spec{typ: Set, kind: skLit, lit: "XXXX-WXX-" + pad(int(l.wday), 1) + "T" + partOfDayCode(p.lx(j).pod)}
		m.j++
		return m, true
	}
	p.partOfDay(&m)
	return m, true
}

// newspaperWords follow a weekday or "Daily" in the names of newspapers and
// shows: the Sunday Times, the Daily Mail.
var newspaperWords = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "herald": true, "post": true,
	"observer": true, "independent": true, "mail": true, "star": true, "tribune": true, "news": true,
	"record": true, "standard": true, "sport": true, "people": true, "business": true, "beast": true,
	"show": true, "night": false, "today": false,
}

// seasonLed: summer, summer 1994, the summer of 1994 (with theLed).
func (p *parser) seasonLed(i int) (match, bool) {
	l := p.lx(i)
	j := i + 1
	k := j
	if p.id(k) == wOf {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, season: int(l.season), gran: uSeason}}, true
	}
	if (l.id == wSpring || l.id == wFall) && (!p.seasonContext(i) || p.id(j) == wOf) {
		// "the fall of the regime" is no season
		return match{}, false
	}
	return match{i, j, spec{typ: Date, kind: skCal, season: int(l.season), gran: uSeason}}, true
}

// seasonContext accepts "spring" and "fall" as seasons after words that
// introduce a time: in the fall, this spring, early fall, scheduled for the
// fall.
func (p *parser) seasonContext(i int) bool {
	k := i - 1
	if p.id(k) == wThe {
		k--
	}
	switch p.id(k) {
	case wIn, wDuring, wThis, wLast, wNext, wEarly, wLate, wMid, wUntil, wSince, wBy, wEvery, wEach, wPast, wComing, wThrough, wBefore, wAfter, wOf, wFor:
		return true
	}
	return p.punct(k, '-') && p.id(k-1) == wMid
}

// seasonAfterThe: "the spring", "the fall" need a year or a preceding word
// that makes them seasons: in the fall.
func (p *parser) seasonAfterThe(k int) (match, bool) {
	l := p.lx(k)
	if l.id != wSpring && l.id != wFall {
		return match{}, false
	}
	if p.id(k+1) == wOf {
		return match{}, false // the fall of the regime
	}
	switch p.id(k - 2) {
	case wIn, wDuring, wBy, wUntil, wSince, wThrough, wOver, wFor:
		return match{k, k + 1, spec{typ: Date, kind: skCal, season: int(l.season), gran: uSeason}}, true
	}
	return match{}, false
}

// placeAfterHoliday lists the capitalized words that make a holiday's name
// the name of something else.
var placeAfterHoliday = map[string]bool{"island": true, "islands": true, "rising": true, "uprising": true,
	"offensive": true, "carol": true, "parade": true, "bowl": true}

// holidayLed: Christmas, Thanksgiving Day, New Year's Day, Easter 2017.
func (p *parser) holidayLed(i int, d dir) (match, bool) {
	maxw := int(p.lx(i).holiday)
	if !p.cap(i) {
		return match{}, false
	}
	var key strings.Builder
	var best *holiday
	bestJ := 0
	j := i
	for w := 0; w < maxw+2 && j < p.n; w++ {
		t := p.tok(j)
		if t.kind == tPunct && t.ch == '.' && p.glued(j) {
			key.WriteByte('.')
		} else {
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(strings.ToLower(p.text[t.b0:t.b1]))
		}
		j++
		if h, ok := holidays[key.String()]; ok {
			best, bestJ = h, j
		}
	}
	if best == nil {
		return match{}, false
	}
	if best.name == "may day" && !p.cap(i+1) {
		return match{}, false
	}
	if p.cap(bestJ) && placeAfterHoliday[strings.ToLower(p.word(bestJ))] {
		return match{}, false // Easter Island, the Easter Rising
	}
	k := bestJ
	if y, k2, ok := p.yearAt(k); ok {
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, hol: best, gran: uNone}}, true
	}
	m := match{i, bestJ, spec{typ: Date, kind: skCal, hol: best, gran: uDay, dir: d}}
	if l := p.lx(bestJ); l.unit == uWeek && !l.plural {
		// Easter week, Christmas week: the week of the holiday
		m.j, m.s.toWeek = bestJ+1, true
	}
	return m, true
}

// ordinalLed: third quarter, third-quarter, first half of 1989, 20th
// century, the first nine months (via relLed).
func (p *parser) ordinalLed(i int) (match, bool) {
	o, k, ok := p.ordAt(i)
	if !ok {
		return match{}, false
	}
	hy := p.hyphen(k)
	if hy {
		k++
	}
	l := p.lx(k)
	switch {
	case l.id == wQuarter && !l.plural && o >= 1 && o <= 4:
		m := match{i, k + 1, spec{typ: Date, kind: skCal, quarter: o, gran: uQuarter}}
		if !hy {
			p.ofYear(&m)
		}
		return m, true
	case l.id == wHalf && (o == 1 || o == 2):
		m := match{i, k + 1, spec{typ: Date, kind: skCal, half: o, gran: uHalf}}
		if !hy {
			p.ofYear(&m)
		}
		return m, true
	case l.unit == uCentury && !l.plural && o >= 1 && o <= 30:
		return match{i, k + 1, spec{typ: Date, kind: skAbs, year: (o - 1) * 100, gran: uCentury}}, true
	}
	return match{}, false
}

// ofYear extends a quarter or half with its year: of 1990, of fiscal 1990,
// of this year, of last year, of the year.
func (p *parser) ofYear(m *match) {
	k := m.j
	if p.id(k) == wOf {
		k++
	} else if y, k2, ok := p.yearAt(k); ok && p.tok(k).kind == tNum {
		// third quarter 1989
		m.s.kind, m.s.year, m.j = skAbs, y, k2
		return
	} else {
		return
	}
	if p.id(k) == wFiscal {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		m.s.kind, m.s.year, m.j = skAbs, y, k2
		return
	}
	switch p.id(k) {
	case wLast, wThis, wNext:
		if p.id(k+1) == wYear {
			n := yearShift(p.id(k))
			m.s = spec{typ: Date, kind: skRel, unit: uYear, n: n, gran: m.s.gran, quarter: m.s.quarter, half: m.s.half}
			m.j = k + 2
		}
	case wThe:
		if p.id(k+1) == wYear {
			m.s = spec{typ: Date, kind: skRel, unit: uYear, n: 0, gran: m.s.gran, quarter: m.s.quarter, half: m.s.half, narr: true}
			m.j = k + 2
		}
	}
}

// quarterCode: Q3, Q3 2017, H1.
func (p *parser) quarterCode(i int) (match, bool) {
	if !p.tok(i).cap || !p.glued(i+1) {
		return match{}, false
	}
	v, ok := p.plainNum(i + 1)
	if !ok || p.tok(i+1).ndig != 1 {
		return match{}, false
	}
	m := match{i, i + 2, spec{typ: Date, kind: skCal, gran: uQuarter, quarter: v}}
	if p.id(i) == wH {
		if v < 1 || v > 2 {
			return match{}, false
		}
		m.s = spec{typ: Date, kind: skCal, gran: uHalf, half: v}
	} else if v < 1 || v > 4 {
		return match{}, false
	}
	if y, k2, ok := p.yearAt(i + 2); ok {
		m.s.kind, m.s.year, m.j = skAbs, y, k2
	}
	return m, true
}

// fiscal: fiscal 1989, fiscal year 1990, FY2017, fiscal 1990's first quarter.
func (p *parser) fiscal(i int) (match, bool) {
	k := i + 1
	if p.hyphen(k) {
		k++ // the fiscal-first quarter
	}
	if p.id(i) == wFiscal && p.id(k) == wYear {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, gran: uYear}}, true
	}
	// FY17
	if p.id(i) == wFY {
		if v, ok := p.plainNum(k); ok && p.tok(k).ndig == 2 {
			return match{i, k + 1, spec{typ: Date, kind: skAbs, year: twoDigitYear(v), gran: uYear}}, true
		}
	}
	// fiscal second-quarter, fiscal first quarter: the one reported
	if m, ok := p.ordinalLed(k); ok && m.s.quarter != 0 {
		m.i = i
		if m.s.kind == skCal {
			m.s.dir = dirPast
		}
		return m, true
	}
	return match{}, false
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
