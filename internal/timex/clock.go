package timex

import "strings"

// Times of day and the days they fall on.

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

// partOfDay extends a day with a part of the day or a time: Friday morning,
// yesterday afternoon, Tuesday night, Friday at noon.
func (p *parser) partOfDay(m *match) {
	j := m.j
	if pod := p.lx(j).pod; pod != podNone && !p.lx(j).plural {
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
