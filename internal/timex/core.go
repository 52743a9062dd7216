package timex

import "strings"

// core matches an expression without quantity or position modifiers,
// trying every production that can start at i and keeping the longest.
func (p *parser) core(i int) (match, bool) {
	if i >= p.n {
		return match{}, false
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && m.j > m.i && (!found || m.j > best.j) {
			best, found = m, true
		}
	}
	t := &p.toks[i]
	if t.kind == tNum {
		try(p.numberLed(i))
		try(p.dayMonth(i))
		try(p.duration(i))
		try(p.setExpr(i))
		return best, found
	}
	l := t.lx
	if l == nil {
		return match{}, false
	}
	if l.month != 0 {
		try(p.monthLed(i))
	}
	if l.wday != 0 {
		try(p.weekdayLed(i))
	}
	if l.season != 0 {
		try(p.seasonLed(i))
	}
	if l.ord != 0 {
		try(p.ordinalLed(i))
		try(p.dayMonth(i))
	}
	if l.freq != uNone || l.id == wEvery || l.id == wEach || l.id == wTwice || l.id == wOnce || l.id == wThrice || l.num != 0 || l.id == wA || l.id == wPer {
		try(p.setExpr(i))
	}
	if l.num != 0 || l.id == wA || l.id == wAn || l.id == wSeveral || l.id == wFew || l.id == wSome || l.id == wCouple || l.id == wDozen || l.id == wHalf || l.id == wMany {
		try(p.duration(i))
		try(p.numberLed(i))
	}
	if l.unit != uNone {
		try(p.unitLed(i))
	}
	if _, ok := holidayHeads[l.word]; ok {
		try(p.holidayLed(i, dirTense))
	}
	switch l.id {
	case wToday, wYesterday, wTomorrow, wTonight:
		try(p.deixis(i))
	case wThe:
		try(p.theLed(i))
	case wThis, wLast, wNext, wPast, wPrevious, wComing, wFollowing, wCurrent, wUpcoming, wThat, wSame, wRecent, wLatest, wThese, wFinal, wFirst:
		try(p.relLed(i, i))
	case wFiscal, wFY:
		try(p.fiscal(i))
	case wQ, wH:
		try(p.quarterCode(i))
	case wNoon, wMidnight, wMidday:
		try(p.clockWord(i))
	}
	try(p.ref(i))
	return best, found
}

// --- numbers: years, ISO dates, times, decades ---

func (p *parser) numberLed(i int) (match, bool) {
	t := &p.toks[i]
	if t.kind != tNum {
		if y, j, ok := p.spelledYear(i); ok && p.yearContext(i) {
			return match{i, j, spec{typ: Date, kind: skAbs, year: y, gran: uYear}}, true
		}
		return match{}, false
	}
	// times first: 10:35 a.m., 10 p.m., 10am
	if m, ok := p.clock(i); ok {
		return m, true
	}
	if t.apos && t.ndig == 2 {
		if t.suf == sufS { // '90s
			return match{i, i + 1, spec{typ: Date, kind: skCal, yy: t.num / 10 * 10, gran: uDecade}}, true
		}
		if t.suf == sufNone { // '98
			return match{i, i + 1, spec{typ: Date, kind: skCal, yy: t.num, gran: uYear}}, true
		}
	}
	if t.suf == sufS && !t.apos && t.num >= 0 {
		switch {
		case t.ndig == 4 && t.num >= 1000 && t.num <= 2090 && t.num%10 == 0: // 1990s
			if t.num%100 == 0 && p.id(i-1) == wThe && p.id(i+1) == wNone && false {
				break
			}
			return match{i, i + 1, spec{typ: Date, kind: skAbs, year: t.num, gran: uDecade}}, true
		case t.ndig == 2 && t.num%10 == 0 && (p.id(i-1) == wThe || p.id(i-1) == wEarly || p.id(i-1) == wLate || p.id(i-1) == wMid || p.punct(i-1, '-')): // the 90s
			return match{i, i + 1, spec{typ: Date, kind: skCal, yy: t.num, gran: uDecade}}, true
		}
	}
	if t.suf != sufNone || t.apos || t.comma || t.num < 0 {
		return match{}, false
	}
	// ISO 8601: 2017-04-11, 2017-04, 2017-04-11T14:30
	if t.ndig == 4 && p.punct(i+1, '-') && p.glued(i+1) && p.glued(i+2) {
		if mo, ok := p.plainNum(i + 2); ok && p.toks[i+2].ndig == 2 && mo >= 1 && mo <= 12 {
			if p.punct(i+3, '-') && p.glued(i+3) && p.glued(i+4) {
				if d, ok := p.plainNum(i + 4); ok && p.toks[i+4].ndig == 2 {
					return match{i, i + 5, spec{typ: Date, kind: skAbs, year: t.num, month: mo, day: d, gran: uDay}}, true
				}
				return match{}, false
			}
			return match{i, i + 3, spec{typ: Date, kind: skAbs, year: t.num, month: mo, gran: uMonth}}, true
		}
	}
	// 2017/04/11 and 4/11/2017, 04/11/17
	if p.punct(i+1, '/') && p.glued(i+1) && p.glued(i+2) && p.punct(i+3, '/') && p.glued(i+3) && p.glued(i+4) {
		a, b, c := t.num, 0, 0
		var ok1, ok2 bool
		b, ok1 = p.plainNum(i + 2)
		c, ok2 = p.plainNum(i + 4)
		if ok1 && ok2 && !p.glued(i+5) {
			switch {
			case t.ndig == 4:
				return match{i, i + 5, spec{typ: Date, kind: skAbs, year: a, month: b, day: c, gran: uDay}}, true
			case p.toks[i+4].ndig == 4 || p.toks[i+4].ndig == 2:
				y := c
				if p.toks[i+4].ndig == 2 {
					y = 1900 + c
					if c < 50 {
						y = 2000 + c
					}
				}
				mo, d := a, b
				if a > 12 && b <= 12 {
					mo, d = b, a
				}
				return match{i, i + 5, spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}}, true
			}
		}
	}
	// 2000 BST, 1430 GMT: a time of day
	if t.ndig == 4 && t.num%100 < 60 && t.num/100 <= 24 && p.id(i+1) == wTZ && p.toks[i+1].upper {
		m := match{i, i + 2, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: "T" + pad(t.num/100, 2) + ":" + pad(t.num%100, 2)}}
		p.attachDay(&m)
		return m, true
	}
	// a year
	if y, ok := p.year4(i); ok {
		if p.punct(i+1, '-') && p.glued(i+1) && p.glued(i+2) && i+2 < p.n && p.toks[i+2].kind == tNum {
			return match{}, false // 1998-99, a score
		}
		if !p.yearContext(i) {
			return match{}, false
		}
		j := i + 1
		return match{i, j, spec{typ: Date, kind: skAbs, year: y, gran: uYear}}, true
	}
	return match{}, false
}

// yearContext rejects four-digit numbers that are amounts or codes rather
// than years: $1990, 1990 percent, No. 1990.
func (p *parser) yearContext(i int) bool {
	if i > 0 {
		pt := &p.toks[i-1]
		if pt.kind == tPunct && (pt.ch == '$' || pt.ch == '#' || pt.ch == '.' && p.glued(i) || pt.ch == ':' || pt.ch == '/' && p.glued(i)) {
			return false
		}
		if pt.kind == tPunct && pt.ch == '?' && p.glued(i) { // £, €
			return false
		}
		if pt.kind == tNum && !p.toks[i].sp {
			return false
		}
		if pl := pt.lx; pl != nil && pl.abbr && pl.word == "no" {
			return false
		}
	}
	if j := i + 1; j < p.n {
		nt := &p.toks[j]
		if nt.kind == tPunct && (nt.ch == '%' || nt.ch == '/' && p.glued(j)) {
			return false
		}
		if nl := nt.lx; nl != nil && (nl.word == "percent" || nl.word == "pct") {
			return false
		}
		if nt.kind == tPunct && nt.ch == ':' && p.glued(j) {
			return false
		}
	}
	return true
}

// clock matches times of day: 10:35 a.m., 10 p.m., 10am, 14:30, 10
// o'clock, 5 p.m. EST, 4 in the morning; and a day after them: 10 p.m.
// Wednesday, 5 p.m. EST, Nov. 6.
func (p *parser) clock(i int) (match, bool) {
	t := &p.toks[i]
	h := t.num
	if t.kind != tNum || t.apos || t.comma || h < 0 || h > 24 || t.ndig > 2 {
		return match{}, false
	}
	j := i + 1
	mi := -1
	if t.suf == sufNone && p.punct(j, ':') && p.glued(j) && p.glued(j+1) {
		if v, ok := p.plainNum(j + 1); ok && p.toks[j+1].ndig == 2 && v < 60 {
			mi = v
			j += 2
			// seconds
			if p.punct(j, ':') && p.glued(j) && p.glued(j+1) {
				if _, ok := p.plainNum(j + 1); ok && p.toks[j+1].ndig == 2 {
					j += 2
				}
			}
		} else {
			return match{}, false
		}
	} else if t.suf == sufNone && p.punct(j, '.') && p.glued(j) && p.glued(j+1) {
		// 5.30 p.m. is a decimal token; not here
	}
	ampm := 0
	switch {
	case t.suf == sufAM:
		ampm = 1
	case t.suf == sufPM:
		ampm = 2
	case t.suf != sufNone:
		return match{}, false
	default:
		switch p.id(j) {
		case wAM:
			ampm = 1
			j++
		case wPM:
			ampm = 2
			j++
		case wOClock:
			j++
			ampm = 3
		}
		if ampm != 0 && ampm != 3 {
			w := p.word(j - 1)
			if len(w) == 2 && !strings.ContainsRune(w, '.') && p.toks[j-1].upper == false && w != "am" && w != "pm" {
				return match{}, false
			}
			if w == "am" && mi < 0 {
				// "I am": only "10 am" with a number right before
			}
		}
	}
	if ampm == 0 && mi < 0 {
		// 4 in the morning
		if p.id(j) == wIn && p.id(j+1) == wThe {
			if pod := p.lx(j + 2).pod; pod != podNone && pod != podDaytime && h <= 12 {
				hh := h
				if (pod == podAfternoon || pod == podEvening || pod == podNight && h >= 6) && h < 12 {
					hh += 12
				}
				return match{i, j + 3, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: "T" + pad(hh, 2) + ":00"}}, true
			}
		}
		return match{}, false
	}
	if ampm == 0 && (mi < 0 || h > 24) {
		return match{}, false
	}
	hh := h
	switch ampm {
	case 1:
		if h > 12 || h == 0 {
			return match{}, false
		}
		if h == 12 {
			hh = 0
		}
	case 2:
		if h > 12 || h == 0 {
			return match{}, false
		}
		if h < 12 {
			hh += 12
		}
	}
	if hh == 24 {
		hh = 24
	}
	tod := "T" + pad(hh, 2) + ":" + pad(max(mi, 0), 2)
	// time zone
	if p.id(j) == wTZ && p.toks[j].upper {
		j++
	}
	m := match{i, j, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: tod}}
	p.attachDay(&m)
	return m, true
}

// attachDay extends a time of day with the day that follows it: "10 p.m.
// Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "9 a.m. today".
func (p *parser) attachDay(m *match) {
	k := m.j
	if p.punct(k, ',') {
		k++
	}
	if p.id(k) == wOn {
		k++
	}
	if k >= p.n {
		return
	}
	l := p.lx(k)
	if l.wday == 0 && l.month == 0 && l.id != wToday && l.id != wYesterday && l.id != wTomorrow {
		return
	}
	d, ok := p.core(k)
	if !ok || d.s.typ != Date || d.s.tod != "" || d.s.kind == skLit {
		return
	}
	if d.s.gran != uDay && !(d.s.kind == skCal && d.s.wday != 0) && !(d.s.kind == skCal && d.s.day != 0) {
		return
	}
	tod := m.s.tod
	m.s = d.s
	m.s.typ = Time
	m.s.tod = tod
	m.j = d.j
}

// clockWord: noon, midnight, midday, and "noon Thursday".
func (p *parser) clockWord(i int) (match, bool) {
	var tod string
	switch p.id(i) {
	case wNoon, wMidday:
		tod = "T12:00"
	case wMidnight:
		tod = "T24:00"
	default:
		return match{}, false
	}
	m := match{i, i + 1, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: tod}}
	p.attachDay(&m)
	return m, true
}

// --- months and days ---

// monthOK checks that a month word at i is used as a month: capitalized, and
// for the ambiguous May and March (and abbreviations), followed by a day or a
// year or preceded by a word that introduces a date.
func (p *parser) monthOK(i int, followed bool) bool {
	t := &p.toks[i]
	if !t.cap {
		return false
	}
	l := t.lx
	if followed {
		return true
	}
	if l.abbr {
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
	if l.abbr {
		j = p.skipDot(j)
	} else if p.punct(j, '.') && p.glued(j) && len(p.word(i)) <= 5 {
		j++ // "Sept." spelled as a full word? keep "June." out
		j--
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
		if y, two, k2, ok := p.yearAt(yk); ok {
			s := spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}
			if two {
				s = spec{typ: Date, kind: skCal, month: mo, day: d, gran: uDay, dir: dirPast}
				s.year = 0
				s = spec{typ: Date, kind: skAbs, year: twoDigitYear(y), month: mo, day: d, gran: uDay}
			}
			return match{i, k2, s}, true
		}
		return match{i, end, spec{typ: Date, kind: skCal, month: mo, day: d, gran: uDay}}, true
	}
	// month year
	k := j
	if p.id(k) == wOf || p.punct(k, ',') {
		k++
	}
	if y, two, k2, ok := p.yearAt(k); ok {
		if !p.monthOK(i, true) {
			return match{}, false
		}
		if two {
			y = twoDigitYear(y)
		}
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, month: mo, gran: uMonth}}, true
	}
	if !p.monthOK(i, false) {
		return match{}, false
	}
	// June last year, January this year
	if r := p.id(j); (r == wLast || r == wThis || r == wNext) && p.id(j+1) == wYear {
		n := map[word]int{wLast: -1, wThis: 0, wNext: 1}[r]
		return match{i, j + 2, spec{typ: Date, kind: skRel, unit: uYear, n: n, gran: uMonth, month: mo}}, true
	}
	return match{i, j, spec{typ: Date, kind: skCal, month: mo, gran: uMonth}}, true
}

func twoDigitYear(yy int) int {
	if yy < 50 {
		return 2000 + yy
	}
	return 1900 + yy
}

// dayNum reads a day of the month at i: 11, 11th, eleventh, Fourth.
func (p *parser) dayNum(i int) (int, int, bool) {
	if i >= p.n {
		return 0, 0, false
	}
	t := &p.toks[i]
	if t.kind == tNum {
		if t.apos || t.comma || t.ndig > 2 || t.num < 1 || t.num > 31 || (t.suf != sufNone && t.suf != sufOrd) {
			return 0, 0, false
		}
		// "June 30 people" is rare; "June 1:30" is a time
		if p.punct(i+1, ':') && p.glued(i+1) && p.glued(i+2) {
			return 0, 0, false
		}
		return t.num, i + 1, true
	}
	l := p.lx(i)
	if l.ord > 0 && l.ord <= 31 {
		return int(l.ord), i + 1, true
	}
	// twenty-first
	if l.tens && l.num <= 30 && p.hyphen(i+1) {
		if o := p.lx(i + 2).ord; o > 0 && o < 10 {
			return int(l.num) + int(o), i + 3, true
		}
	}
	return 0, 0, false
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
	if p.toks[i].kind != tNum && p.id(k-1) != wOf {
		return match{}, false // "Second March" is not a date
	}
	mo := int(l.month)
	j := k + 1
	if l.abbr {
		j = p.skipDot(j)
	}
	yk := j
	if p.punct(yk, ',') {
		yk++
	}
	if y, two, k2, ok := p.yearAt(yk); ok {
		if two {
			y = twoDigitYear(y)
		}
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, month: mo, day: d, gran: uDay}}, true
	}
	return match{i, j, spec{typ: Date, kind: skCal, month: mo, day: d, gran: uDay}}, true
}

// weekdayLed: Friday, Friday morning, Friday, Oct. 23, Tue Mar 15, 2011,
// Mondays.
func (p *parser) weekdayLed(i int) (match, bool) {
	l := p.lx(i)
	t := &p.toks[i]
	j := i + 1
	if l.abbr {
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
	} else if p.toks[min(k, p.n-1)].kind == tNum && k < p.n {
		if m, ok := p.dayMonth(k); ok {
			m.i = i
			return m, true
		}
	}
	if l.abbr || !t.cap && !p.lowerText() {
		return match{}, false
	}
	// the Sunday Times, Britain's Sunday Telegraph: a name, not a day
	if j < p.n && p.toks[j].cap && newspaperWords[strings.ToLower(p.word(j))] {
		return match{}, false
	}
	m := match{i, j, spec{typ: Date, kind: skCal, wday: int(l.wday), gran: uDay, poss: p.id(j) == wPossessive}}
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

// lowerText reports whether the text is all lower case (then capitalization
// cannot be required). Such texts are rare in news; treat them as cased.
func (p *parser) lowerText() bool { return false }

// partOfDay extends a day with a part of the day or a time: Friday morning,
// yesterday afternoon, Tuesday night, Friday at noon.
func (p *parser) partOfDay(m *match) {
	j := m.j
	if pod := p.lx(j).pod; pod != podNone && p.id(j) != wNight2 {
		m.s.typ = Time
		m.s.tod = "T" + podCodes[pod]
		m.j = j + 1
		return
	}
}

// deixis: today, yesterday, tomorrow, tonight; yesterday morning.
func (p *parser) deixis(i int) (match, bool) {
	var m match
	switch p.id(i) {
	case wToday:
		m = match{i, i + 1, spec{typ: Date, kind: skRel, unit: uDay, gran: uDay}}
	case wYesterday:
		m = match{i, i + 1, spec{typ: Date, kind: skRel, unit: uDay, gran: uDay, n: -1}}
	case wTomorrow:
		m = match{i, i + 1, spec{typ: Date, kind: skRel, unit: uDay, gran: uDay, n: 1}}
	case wTonight:
		return match{i, i + 1, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, tod: "TNI"}}, true
	default:
		return match{}, false
	}
	p.partOfDay(&m)
	return m, true
}

// seasonLed: summer, summer 1994, the summer of 1994 (with theLed).
func (p *parser) seasonLed(i int) (match, bool) {
	l := p.lx(i)
	j := i + 1
	k := j
	if p.id(k) == wOf {
		k++
	}
	if y, two, k2, ok := p.yearAt(k); ok {
		if two {
			y = twoDigitYear(y)
		}
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, season: int(l.season), gran: uSeason}}, true
	}
	if (l.id == wSpring || l.id == wFall) && !p.seasonContext(i) {
		return match{}, false
	}
	return match{i, j, spec{typ: Date, kind: skCal, season: int(l.season), gran: uSeason}}, true
}

// seasonContext accepts "spring" and "fall" as seasons after words that
// introduce a time: in the fall, this spring, early fall.
func (p *parser) seasonContext(i int) bool {
	k := i - 1
	if p.id(k) == wThe {
		k--
	}
	switch p.id(k) {
	case wIn, wDuring, wThis, wLast, wNext, wEarly, wLate, wMid, wUntil, wSince, wBy, wEvery, wEach, wPast, wComing, wThrough, wBefore, wAfter, wOf:
		return true
	}
	return p.punct(k, '-') && p.id(k-1) == wMid
}

// holidayLed: Christmas, Thanksgiving Day, New Year's Day, Easter 2017.
func (p *parser) holidayLed(i int, d dir) (match, bool) {
	first := p.lx(i).word
	maxw := holidayHeads[first]
	if !p.cap(i) {
		return match{}, false
	}
	var key strings.Builder
	var best *holiday
	bestJ := 0
	j := i
	for w := 0; w < maxw+2 && j < p.n; w++ {
		t := &p.toks[j]
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
	k := bestJ
	if y, two, k2, ok := p.yearAt(k); ok {
		if two {
			y = twoDigitYear(y)
		}
		return match{i, k2, spec{typ: Date, kind: skAbs, year: y, hol: best, gran: uNone}}, true
	}
	return match{i, bestJ, spec{typ: Date, kind: skCal, hol: best, gran: uDay, dir: d}}, true
}
