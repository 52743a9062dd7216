package timex

import "strings"

// Times of day and the days they fall on.

var clockProductions = []production{
	{"clockTime", on(isNumber), clockTime, "10:35 a.m. EST"},
	{"clockWord", on(keywordHead(wNoon, wMidnight, wMidday)), clockWord, "noon Thursday"},
	{"deixis", on(keywordHead(wToday, wYesterday, wTomorrow, wTonight)), deixis, "yesterday afternoon"},
}

// clockIntro are the words after which a bare time such as 9:33 is a time
// of day: at 9:33, until 9:33.
var clockIntro = [numWords]bool{wAt: true, wFrom: true, wUntil: true, wTo: true, wBy: true, wBefore: true,
	wAfter: true, wAround: true, wAbout: true, wSince: true, wBetween: true, wAnd: true, wPast: true}

// clockTime: 10:35 a.m., 10 p.m., 10am, 14:30, 10 o'clock, 5 p.m. EST, 4 in
// the morning; and a day after them: 10 p.m. Wednesday, 5 p.m. EST, Nov. 6.
// A bare 9:33 must look like a time: after at, from, until... or with a
// zone or a day after it, or past 12:59.
func clockTime(c cursor) (match, bool) {
	p := c.p
	t := c.tok()
	h := t.num
	if t.kind != tNum || t.apos || t.comma || h < 0 || h > 24 || t.digits > 2 {
		return match{}, false
	}
	c.next()
	mi, ok := clockMinutes(&c, t)
	if !ok {
		return match{}, false
	}
	half, oclock, ok := clockHalf(&c, t)
	if !ok {
		return match{}, false
	}
	if half == 0 && !oclock && mi < 0 {
		return hourOfPartOfDay(c, h)
	}
	if h, ok = twelveHour(h, half); !ok {
		return match{}, false
	}
	zone := c.is(wTZ) && c.tok().upper
	if zone {
		c.next()
	}
	m, _ := c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: anchorNarrative, tod: "T" + pad(h, 2) + ":" + pad(max(mi, 0), 2)})
	end := m.end
	p.attachDay(&m)
	if half == 0 && !oclock && !zone && m.end == end && h < 13 && !clockIntro[p.keyword(c.start-1)] {
		return match{}, false // Koran 9:33, a 2:30 lead
	}
	return m, true
}

// clockMinutes accepts the minutes (and seconds) of a time after its hour
// t: ":35", ":35:10". It returns -1 when there are none, and false when a
// colon is followed by no minutes.
func clockMinutes(c *cursor, t *token) (int, bool) {
	p := c.p
	if t.suf != sufNone || !p.gluedColon(c.pos) {
		return -1, true
	}
	v, ok := p.plainNum(c.pos + 1)
	if !ok || p.tok(c.pos+1).digits != 2 || v > 59 {
		return 0, false
	}
	c.pos += 2
	if _, ok := p.plainNum(c.pos + 1); ok && p.gluedColon(c.pos) && p.tok(c.pos+1).digits == 2 {
		c.pos += 2 // seconds
	}
	return v, true
}

// clockHalf accepts what says which half of the day a time is in: the
// suffix of its hour t (10am), a.m., p.m.; or o'clock. half is 1 for a.m.,
// 2 for p.m., 0 for neither.
func clockHalf(c *cursor, t *token) (half int, oclock, ok bool) {
	switch {
	case t.suf == sufAM:
		return 1, false, true
	case t.suf == sufPM:
		return 2, false, true
	case t.suf != sufNone:
		return 0, false, false
	case c.word(wAM):
		return 1, false, true
	case c.word(wPM):
		return 2, false, true
	}
	return 0, c.word(wOClock), true
}

// gluedColon reports whether token k is a colon glued to both its
// neighbours (10:35).
func (p *parser) gluedColon(k int) bool { return p.punct(k, ':') && p.glued(k) && p.glued(k+1) }

// twelveHour converts hour h of a 12-hour clock (half 1 a.m., 2 p.m., 0 a
// 24-hour clock) to a 24-hour one.
func twelveHour(h, half int) (int, bool) {
	if half == 0 {
		return h, true
	}
	if h > 12 || h == 0 {
		return 0, false
	}
	switch {
	case half == 1 && h == 12:
		return 0, true
	case half == 2 && h < 12:
		return h + 12, true
	}
	return h, true
}

// hourOfPartOfDay: 4 in the morning, 9 in the evening (the cursor after the
// hour h).
func hourOfPartOfDay(c cursor, h int) (match, bool) {
	if h > 12 || !c.words(wIn, wThe) {
		return match{}, false
	}
	pod := c.lexeme().pod
	if pod == podNone || pod == podDaytime {
		return match{}, false
	}
	if (pod == podAfternoon || pod == podEvening || pod == podNight && h >= 6) && h < 12 {
		h += 12
	}
	c.next()
	return c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: anchorNarrative, tod: "T" + pad(h, 2) + ":00"})
}

// attachDay extends a time of day with the day that follows it: "10 p.m.
// Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "9 a.m. today",
// "noon on 27 June".
func (p *parser) attachDay(m *match) {
	c := p.at(m.end)
	c.punct(',')
	c.word(wOn)
	if c.pos >= p.sentEnd {
		return
	}
	l := c.lexeme()
	dayMonth := c.tok().kind == tNum && p.lexeme(c.pos+1).month != 0 // 3 p.m. on 27 June
	if !dayMonth && (l.wday == 0 && l.month == 0 && l.keyword != wToday && l.keyword != wYesterday && l.keyword != wTomorrow || l.plural) {
		return
	}
	d, ok := p.core(c.pos)
	if !ok || d.s.typ != Date || d.s.tod != "" || d.s.kind == kindLiteral {
		return
	}
	if d.s.gran != uDay && !(d.s.kind == kindCalendar && (d.s.cal.wday != 0 || d.s.cal.day != 0)) {
		return
	}
	tod := m.s.tod
	m.s = d.s
	m.s.typ = Time
	m.s.tod = tod
	m.end = d.end
}

// clockWord: noon, midnight, midday, and "noon Thursday", "noon ET on
// Friday".
func clockWord(c cursor) (match, bool) {
	var tod string
	switch {
	case c.word(wNoon), c.word(wMidday):
		tod = "T12:00"
	case c.word(wMidnight):
		tod = "T24:00"
	default:
		return match{}, false
	}
	if c.is(wTZ) && c.tok().upper {
		c.next() // noon ET on Friday
	}
	m, _ := c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: anchorNarrative, tod: tod})
	c.p.attachDay(&m)
	return m, true
}

// partOfDay extends a day with a part of the day: Friday morning,
// yesterday afternoon, Tuesday night.
func (p *parser) partOfDay(m *match) {
	if l := p.lexeme(m.end); l.pod != podNone && !l.plural {
		m.s.typ = Time
		m.s.tod = partOfDayTime(l.pod)
		m.end++
	}
}

// deixisName reports whether the today or tonight at i is part of a name:
// capitalized (not in upper-case text) after a capitalized word, or before
// "show". Yesterday and tomorrow are left alone: after a name they are
// mostly what they say ("Conan O'Brien Yesterday, Donald Trump tweeted").
func (p *parser) deixisName(i int) bool {
	if w := p.keyword(i); w != wToday && w != wTonight || !p.cap(i) {
		return false
	}
	if p.cap(i+1) && strings.EqualFold(p.word(i+1), "show") {
		return true
	}
	return !p.tok(i).upper && i > p.sentStart && p.tok(i-1).kind == tWord && p.cap(i-1)
}

// deixisDays are the days today, yesterday and tomorrow name, from the DCT.
var deixisDays = [numWords]int{wYesterday: -1, wTomorrow: 1}

// deixis: today, yesterday, tomorrow, tonight; yesterday morning; not USA
// Today, Russia Today, Piers Morgan Tonight nor the Tonight Show (see
// deixisName).
func deixis(c cursor) (match, bool) {
	w := c.lexeme().keyword
	if c.p.deixisName(c.start) {
		return match{}, false
	}
	c.next()
	switch w {
	case wToday, wYesterday, wTomorrow:
		m, _ := c.match(spec{typ: Date, kind: kindOffset, off: offset{unit: uDay, n: deixisDays[w]}, gran: uDay})
		c.p.partOfDay(&m)
		return m, true
	case wTonight:
		return c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, tod: "TNI"})
	}
	return match{}, false
}
