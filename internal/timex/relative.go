package timex

// Relative expressions: the year, last week, the following day, the
// year-ago quarter, this coming Sunday.

// theLed: the 1990s, the third quarter, the summer of 1994, the weekend, the
// year, the past, the future, the day before yesterday, the past two months
// (via relLed).
func (p *parser) theLed(i int) (match, bool) {
	k := i + 1
	if k >= p.n {
		return match{}, false
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.j > best.j) {
			m.i = i
			best, found = m, true
		}
	}
	l := p.lx(k)
	t := p.tok(k)
	switch {
	case t.kind == tNum:
		if m, ok := p.numberLed(k); ok && (m.s.gran == uDecade) {
			try(m, true)
		}
		if y, ok := p.year4(k); ok {
			switch {
			case p.id(k+1) == wPeriod || p.id(k+1) == wQuarter && !p.lx(k+1).plural:
				// the 1988 period, the 1988 quarter: the quarter the
				// narrative is about, in that year
				try(match{i, k + 2, spec{typ: Date, kind: skRel, unit: uQuarter, gran: uQuarter, narr: true, setYear: y}}, true)
			default:
				// the 1988 third quarter
				if o, k2, ok := p.ordAt(k + 1); ok && o <= 4 && p.id(k2) == wQuarter && !p.lx(k2).plural {
					try(match{i, k2 + 1, spec{typ: Date, kind: skAbs, year: y, quarter: o, gran: uQuarter}}, true)
				}
			}
		}
		if m, ok := p.ordinalLed(k); ok {
			try(m, true)
		}
		if m, ok := p.dayMonth(k); ok {
			try(m, true)
		}
		if !found {
			if m, ok := p.bareDay(i, k); ok {
				try(m, true)
			}
		}
	case l.ord != 0 || l.tens:
		if m, ok := p.ordinalLed(k); ok {
			if p.hyphen(m.j - 2) {
				// the third-quarter results: "the" goes with "results"
				m.i = k
				if !found || m.j > best.j {
					best, found = m, true
				}
			} else {
				try(m, true)
			}
		}
		if m, ok := p.dayMonth(k); ok {
			try(m, true)
		}
	case l.season != 0:
		if m, ok := p.seasonLed(k); ok {
			try(m, true)
		} else if m, ok := p.seasonAfterThe(k); ok {
			try(m, true)
		}
	case l.decade != 0:
		// the nineties
		try(match{i, k + 1, spec{typ: Date, kind: skCal, yy: int(l.decade), gran: uDecade}}, true)
	}
	// the nine months, the two days (not the adjectival the two-year pact)
	if m, ok := p.duration(k); ok && !p.hasHyphen(k, m.j) {
		try(m, true)
	}
	switch l.id {
	case wPast:
		try(p.relLed(k, i))
		if !p.unitFollows(k+1) && p.lx(k+1).num == 0 && p.id(k+1) != wFew && p.id(k+1) != wSeveral {
			try(match{i, k + 1, spec{typ: Date, kind: skLit, lit: "PAST_REF"}}, true)
		}
	case wFuture:
		try(match{i, k + 1, spec{typ: Date, kind: skLit, lit: "FUTURE_REF"}}, true)
	case wPresent:
		if p.id(k+1) != wDay && !p.unitFollows(k+1) {
			try(match{i, k + 1, spec{typ: Date, kind: skLit, lit: "PRESENT_REF"}}, true)
		}
	case wNear:
		if p.id(k+1) == wFuture || p.id(k+1) == wTerm {
			try(match{i, k + 2, spec{typ: Date, kind: skLit, lit: "FUTURE_REF"}}, true)
		}
	case wShort, wLong:
		if p.id(k+1) == wTerm {
			try(match{i, k + 2, spec{typ: Date, kind: skLit, lit: "FUTURE_REF"}}, true)
		}
	case wDay:
		// the day before yesterday, the day after tomorrow
		if p.id(k+1) == wBefore && p.id(k+2) == wYesterday {
			try(match{i, k + 3, spec{typ: Date, kind: skRel, unit: uDay, gran: uDay, n: -2}}, true)
		}
		if p.id(k+1) == wAfter && p.id(k+2) == wTomorrow {
			try(match{i, k + 3, spec{typ: Date, kind: skRel, unit: uDay, gran: uDay, n: 2}}, true)
		}
		// the day before last Tuesday's hearing, the day after Christmas
		if w := p.id(k + 1); w == wBefore || w == wAfter {
			if m, ok := p.modded(k + 2); ok && m.s.typ == Date && m.s.mod == "" && m.s.tod == "" &&
				(m.s.gran == uDay || m.s.kind == skCal && m.s.wday != 0 && !m.s.weekend) {
				m.i = i
				m.s.dayOff = 1
				if w == wBefore {
					m.s.dayOff = -1
				}
				try(m, true)
			}
		}
	case wYear:
		// the year two thousand, the year 2000
		if y, j, ok := p.yearAt(k + 1); ok {
			try(match{i, j, spec{typ: Date, kind: skAbs, year: y, gran: uYear}}, true)
		}
		// the year-earlier quarter, the year-ago period; but in "the
		// year-ago results" the article belongs to "results"
		if m, ok := p.yearAgo(k); ok {
			if m.s.typ == Date && m.j == k+3 {
				m.i = k
				if !found || m.j > best.j {
					best, found = m, true
				}
			} else {
				try(m, true)
			}
		}
	case wThis, wLast, wNext, wPrevious, wComing, wFollowing, wCurrent, wUpcoming, wSame, wRecent, wLatest, wFinal, wFirst:
		try(p.relLed(k, i))
		// the last half of 1989, the first half
		if (l.id == wLast || l.id == wFirst) && p.id(k+1) == wHalf {
			h := 2
			if l.id == wFirst {
				h = 1
			}
			m := match{i, k + 2, spec{typ: Date, kind: skCal, half: h, gran: uHalf}}
			p.ofYear(&m)
			try(m, true)
		}
	case wFiscal:
		if p.id(k+1) == wYear {
			try(p.theUnit(i, k+1))
		}
		if m, ok := p.fiscal(k); ok {
			try(m, true)
		}
	}
	if l.unit != uNone {
		try(p.theUnit(i, k))
	}
	// the quarter a year ago, the same period last year
	try(p.periodYearAgo(i, k))
	if l.id == wFull && p.id(k+1) == wYear {
		if m, ok := p.theUnit(i, k+1); ok { // the full year
			if m.s.typ == Date {
				m.s.repYear = true
			}
			try(m, true)
		}
	}
	if l.unit != uNone && l.plural {
		// the weeks ahead, the years ahead
		if p.id(k+1) == wAhead {
			try(match{i, k + 2, spec{typ: Duration, kind: skLit, lit: durationValue(qty{x: true}, l.unit)}}, true)
		}
	}
	return best, found
}

// yearAgo: year-earlier, year-ago (quarter|period) — the same quarter one
// year before the one the narrative is about. k is at "year".
func (p *parser) yearAgo(k int) (match, bool) {
	if !p.hyphen(k+1) || (p.id(k+2) != wEarlier && p.id(k+2) != wAgo) {
		return match{}, false
	}
	j := k + 3
	switch {
	case p.id(j) == wQuarter && !p.lx(j).plural:
		j++
	case p.id(j) == wPeriod:
		j++
	default:
		// the year-ago third quarter
		if o, k2, ok := p.ordAt(j); ok && o <= 4 && p.id(k2) == wQuarter && !p.lx(k2).plural {
			return match{k, k2 + 1, spec{typ: Date, kind: skRel, unit: uYear, n: -1, gran: uQuarter, quarter: o, ctxGran: true}}, true
		}
		// the year-earlier nine months: a duration
		if m, ok := p.duration(j); ok {
			m.i = k
			return m, true
		}
	}
	return match{k, j, spec{typ: Date, kind: skRel, unit: uYear, n: -1, gran: uQuarter, narr: true, ctxGran: true}}, true
}

// yearAgoSpec is the same quarter one year before the one the narrative is
// about (see ctx.resolveRel).
func yearAgoSpec() spec {
	return spec{typ: Date, kind: skRel, unit: uYear, n: -1, gran: uQuarter, narr: true, ctxGran: true}
}

// periodYearAgo: the quarter a year ago, the period a year earlier, the
// same quarter last year, the corresponding period of the previous year —
// the year-ago counterpart of the period the narrative is about. i is at
// "the", k after it.
func (p *parser) periodYearAgo(i, k int) (match, bool) {
	if p.lx(k).sameness {
		k++
		// the comparable year-ago quarter
		if m, ok := p.yearAgo(k); ok && m.s.typ == Date {
			m.i = i
			return m, true
		}
	}
	if w := p.id(k); !(w == wQuarter && !p.lx(k).plural || w == wPeriod) {
		return match{}, false
	}
	j := k + 1
	if p.id(j) == wOf || p.id(j) == wIn {
		j++
	}
	switch p.id(j) {
	case wA:
		if p.id(j+1) == wYear && (p.id(j+2) == wAgo || p.id(j+2) == wEarlier || p.id(j+2) == wBefore) {
			return match{i, j + 3, yearAgoSpec()}, true
		}
	case wLast:
		if p.id(j+1) == wYear {
			return match{i, j + 2, yearAgoSpec()}, true
		}
	case wThe:
		if p.id(j+1) == wPrevious && p.id(j+2) == wYear {
			return match{i, j + 3, yearAgoSpec()}, true
		}
	}
	return match{}, false
}

// theUnit: the year, the quarter, the month, the week, the weekend; "the
// year ended March 31" is a duration.
func (p *parser) theUnit(i, k int) (match, bool) {
	l := p.lx(k)
	if l.plural || p.hyphen(k+1) {
		return match{}, false // the year-end rush: "year-end" is matched on its own
	}
	j := k + 1
	switch p.id(j) {
	case wEnded, wEnding, wThrough, wTo:
		// the year ended March 31 is a duration; the quarter ended Sept. 30
		// names the quarter
		if l.unit == uYear || l.unit == uMonth || l.unit == uWeek {
			return match{i, j, spec{typ: Duration, kind: skLit, lit: durationValue(qty{v: 1}, l.unit)}}, true
		}
	}
	switch l.unit {
	case uYear, uQuarter, uMonth:
		return match{i, j, spec{typ: Date, kind: skRel, unit: l.unit, gran: l.unit, narr: true}}, true
	case uWeek:
		// "the week of March 6"
		if p.id(j) == wOf {
			if m, ok := p.core(j + 1); ok && m.s.typ == Date && m.s.gran == uDay {
				m.i, m.s.toWeek = i, true
				return m, true
			}
		}
		return match{i, j, spec{typ: Date, kind: skRel, unit: uWeek, gran: uWeek, narr: true}}, true
	case uWeekend:
		return match{i, j, spec{typ: Date, kind: skCal, gran: uWeekend, wday: 6, weekend: true}}, true
	}
	return match{}, false
}

// relLed handles a relative word at k (this, last, next, past, previous,
// coming, following, current, same, that, recent, latest); the expression
// starts at from (k, or k-1 for "the").
func (p *parser) relLed(k, from int) (match, bool) {
	rel := p.id(k)
	the := from < k
	j := k + 1
	// this past Sunday, this coming weekend
	if rel == wThis && (p.id(j) == wPast || p.id(j) == wComing) {
		if p.id(j) == wPast {
			rel = wLast
		} else {
			rel = wNext
		}
		j++
	}
	// that same day
	if rel == wThat && p.id(j) == wSame {
		rel = wSame
		j++
	}
	// the past two months, the next few days, the first nine months
	switch rel {
	case wLast, wPast, wNext, wComing, wFirst, wFinal, wPrevious, wFollowing, wLatest, wRecent:
		if q, k2, ok := p.number(j); ok && !q.article && (q.x || q.v != 1 || p.lx(k2).unit != uNone) {
			k3 := k2
			if w := p.id(k3); w == wTo || w == wOr {
				// the next 12 to 18 months
				if q2, k5, ok := p.number(k3 + 1); ok && !q2.article && p.lx(k5).unit != uNone {
					k3 = k5
				}
			}
			if p.id(k3) == wMore || p.id(k3) == wTrading || p.id(k3) == wBusiness {
				k3++
			}
			if u, plural, k4, ok := p.unitAt(k3); ok && (plural || q.v == 1) {
				if rel == wFirst && !the {
					break
				}
				m := match{from, k4, spec{typ: Duration, kind: skLit, lit: durationValue(q, u), durQ: q, durU: u}}
				if q.approx {
					m.s.mod = "APPROX"
				}
				return m, true
			}
		}
	}
	if rel == wFirst || rel == wFinal {
		return match{}, false
	}
	if p.id(j) == wFiscal && (p.id(j+1) == wYear || p.id(j+1) == wQuarter) {
		j++ // the current fiscal year
	}
	l := p.lx(j)
	if rel == wLatest && l.id == wPeriod && the {
		// the latest period: in earnings news, the latest quarter
		return match{from, j + 1, spec{typ: Date, kind: skRel, unit: uQuarter, gran: uQuarter, narr: true, ended: true}}, true
	}
	// units
	if l.unit != uNone {
		u := l.unit
		if l.plural {
			switch rel {
			case wRecent:
				if u == uYear {
					return match{from, j + 1, spec{typ: Date, kind: skLit, lit: "PAST_REF"}}, true
				}
				return match{from, j + 1, spec{typ: Duration, kind: skLit, lit: durationValue(qty{x: true}, u)}}, true
			case wComing, wPast, wNext, wLast, wUpcoming:
				if u >= uDay {
					return match{from, j + 1, spec{typ: Duration, kind: skLit, lit: durationValue(qty{x: true}, u)}}, true
				}
			}
			return match{}, false
		}
		s := spec{typ: Date, kind: skRel, unit: u, gran: u}
		switch rel {
		case wThis, wCurrent:
			if u == uDay || u < uDay {
				return match{}, false
			}
		case wLast, wPast:
			if u <= uDay {
				return match{}, false
			}
			s.n = -1
		case wNext, wComing, wUpcoming:
			s.n = 1
			if the && rel == wNext {
				s.narr = true
			}
			if u < uDay {
				return match{}, false
			}
		case wFollowing:
			s.n, s.narr = 1, true
		case wPrevious:
			s.n, s.narr = -1, true
		case wSame, wThat:
			s.narr = true
			if u < uDay {
				return match{}, false
			}
		case wLatest:
			// the latest quarter: the one the story reports on
			if u != uQuarter && u != uYear && u != uMonth && u != uWeek {
				return match{}, false
			}
			s.narr = u == uQuarter
			s.ended = s.narr
			if !s.narr {
				s.n = -1
			}
		default:
			return match{}, false
		}
		if u == uWeekend {
			s.unit, s.gran = uWeek, uWeekend
		}
		if u == uFortnight {
			s.unit, s.gran, s.n = uWeek, uWeek, 2*s.n
		}
		if u == uSeason {
			return match{}, false
		}
		jj := j + 1
		// "this year's third quarter"
		if u == uYear && p.id(jj) == wPossessive {
			if o, k2, ok := p.ordAt(jj + 1); ok && p.id(k2) == wQuarter && !p.lx(k2).plural && o <= 4 {
				s.gran, s.quarter = uQuarter, o
				return match{from, k2 + 1, s}, true
			}
			// "last year's quarter": the year-ago quarter of the narrative
			if w := p.id(jj + 1); rel == wLast && (w == wQuarter && !p.lx(jj+1).plural || w == wPeriod) {
				return match{from, jj + 2, yearAgoSpec()}, true
			}
		}
		m := match{from, jj, s}
		if s.unit == uDay {
			p.partOfDay(&m)
		}
		return m, true
	}
	// parts of the day: this morning, last night, the next morning
	if l.pod != podNone && l.pod != podDaytime && !l.plural {
		s := spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, tod: "T" + partOfDayCode(l.pod)}
		switch rel {
		case wThis:
		case wLast:
			if l.pod != podNight {
				return match{}, false
			}
			s.n = -1
		case wNext, wFollowing:
			if !the && rel == wNext {
				return match{}, false
			}
			s.n, s.narr = 1, true
		case wPrevious:
			s.n, s.narr = -1, true
		case wSame, wThat:
			s.narr = true
		default:
			return match{}, false
		}
		return match{from, j + 1, s}, true
	}
	// weekdays, months, seasons, holidays
	d := dirTense
	narr := false
	switch rel {
	case wThis:
		d = dirThis
	case wLast, wPast:
		d = dirLast
	case wNext, wComing, wUpcoming:
		d = dirNext
	case wPrevious:
		d, narr = dirLast, true
	case wFollowing:
		d, narr = dirNext, true
	case wThat:
		if l.month == 0 && l.season == 0 {
			return match{}, false
		}
		d, narr = dirThis, true // that November: the story's
	default:
		return match{}, false
	}
	var m match
	var ok bool
	switch {
	case l.wday != 0 && !l.abbrev:
		if !p.cap(j) {
			return match{}, false
		}
		m = match{from, j + 1, spec{typ: Date, kind: skCal, wday: int(l.wday), gran: uDay, dir: d, narr: narr}}
		// this coming Sunday, March 8
		k := j + 1
		if p.punct(k, ',') {
			k++
		}
		if p.lx(k).month != 0 {
			if dm, ok := p.monthLed(k); ok && dm.s.day != 0 {
				dm.i = from
				return dm, true
			}
		}
		p.partOfDay(&m)
		return m, true
	case l.month != 0:
		if !p.cap(j) || l.abbrev {
			return match{}, false
		}
		return match{from, j + 1, spec{typ: Date, kind: skCal, month: int(l.month), gran: uMonth, dir: d, narr: narr}}, true
	case l.season != 0:
		return match{from, j + 1, spec{typ: Date, kind: skCal, season: int(l.season), gran: uSeason, dir: d, narr: narr}}, true
	default:
		if l.holiday > 0 {
			m, ok = p.holidayLed(j, d)
			if ok {
				m.i = from
				m.s.narr = narr
				return m, true
			}
		}
	}
	return match{}, false
}

// bareDay: "on the 15th", "by the 20th," — a day of the month with no month,
// after a preposition of time and before the end of the phrase (so not "the
// 15th floor", "the 20th anniversary").
func (p *parser) bareDay(i, k int) (match, bool) {
	t := p.tok(k)
	if t.suf != sufOrd || t.apos || t.num < 1 || t.num > 31 {
		return match{}, false
	}
	switch p.id(i - 1) {
	case wOn, wBy, wUntil, wSince, wBefore, wAfter, wFrom, wTo:
	default:
		return match{}, false
	}
	if k+1 < p.n {
		next := p.tok(k + 1)
		if next.kind == tWord && p.id(k+1) != wAnd && p.id(k+1) != wOr || p.punct(k+1, '-') {
			return match{}, false
		}
	}
	return match{i, k + 1, spec{typ: Date, kind: skCal, day: t.num, gran: uDay, narr: true}}, true
}
