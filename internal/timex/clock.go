package timex

// Times of day and the days they fall on.

// clock matches times of day: 10:35 a.m., 10 p.m., 10am, 14:30, 10
// o'clock, 5 p.m. EST, 4 in the morning; and a day after them: 10 p.m.
// Wednesday, 5 p.m. EST, Nov. 6. A bare 9:33 must look like a time: after
// at, from, until... or with a zone or a day after it, or past 12:59.
func (p *parser) clock(i int) (match, bool) {
	t := p.tok(i)
	h := t.num
	if t.kind != tNum || t.apos || t.comma || h < 0 || h > 24 || t.ndig > 2 {
		return match{}, false
	}
	j, mi := i+1, -1
	if t.suf == sufNone && p.punct(j, ':') && p.glued(j) && p.glued(j+1) {
		v, ok := p.plainNum(j + 1)
		if !ok || p.tok(j+1).ndig != 2 || v > 59 {
			return match{}, false
		}
		mi, j = v, j+2
		if p.punct(j, ':') && p.glued(j) && p.glued(j+1) { // seconds
			if _, ok := p.plainNum(j + 1); ok && p.tok(j+1).ndig == 2 {
				j += 2
			}
		}
	}
	half, oclock := 0, false // half: 1 a.m., 2 p.m.
	switch {
	case t.suf == sufAM:
		half = 1
	case t.suf == sufPM:
		half = 2
	case t.suf != sufNone:
		return match{}, false
	case p.id(j) == wAM:
		half, j = 1, j+1
	case p.id(j) == wPM:
		half, j = 2, j+1
	case p.id(j) == wOClock:
		oclock, j = true, j+1
	}
	if half == 0 && !oclock && mi < 0 {
		// 4 in the morning
		if p.id(j) == wIn && p.id(j+1) == wThe && h <= 12 {
			if pod := p.lx(j + 2).pod; pod != podNone && pod != podDaytime {
				if (pod == podAfternoon || pod == podEvening || pod == podNight && h >= 6) && h < 12 {
					h += 12
				}
				return match{i, j + 3, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: "T" + pad(h, 2) + ":00"}}, true
			}
		}
		return match{}, false
	}
	switch half {
	case 1:
		if h > 12 || h == 0 {
			return match{}, false
		}
		if h == 12 {
			h = 0
		}
	case 2:
		if h > 12 || h == 0 {
			return match{}, false
		}
		if h < 12 {
			h += 12
		}
	}
	zone := false
	if p.id(j) == wTZ && p.tok(j).upper {
		j, zone = j+1, true
	}
	m := match{i, j, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: "T" + pad(h, 2) + ":" + pad(max(mi, 0), 2)}}
	end := m.j
	p.attachDay(&m)
	if half == 0 && !oclock && !zone && m.j == end && h < 13 {
		switch p.id(i - 1) {
		case wAt, wFrom, wUntil, wTo, wBy, wBefore, wAfter, wAround, wAbout, wSince, wBetween, wAnd, wPast:
		default:
			return match{}, false // Koran 9:33, a 2:30 lead
		}
	}
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
	if l.wday == 0 && l.month == 0 && l.id != wToday && l.id != wYesterday && l.id != wTomorrow || l.plural {
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

// clockWord: noon, midnight, midday, and "noon Thursday", "noon ET on Friday".
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
	j := i + 1
	if p.id(j) == wTZ && p.tok(j).upper {
		j++ // noon ET on Friday
	}
	m := match{i, j, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: tod}}
	p.attachDay(&m)
	return m, true
}

// partOfDay extends a day with a part of the day or a time: Friday morning,
// yesterday afternoon, Tuesday night, Friday at noon.
func (p *parser) partOfDay(m *match) {
	j := m.j
	if pod := p.lx(j).pod; pod != podNone && !p.lx(j).plural {
		m.s.typ = Time
		m.s.tod = "T" + partOfDayCode(pod)
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
