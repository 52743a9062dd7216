package timex

// Modifiers and suffixes around a core expression: about two weeks, more
// than four hours, early 1991, the end of the decade, earlier this month,
// two years ago, a week or so, 2018 and beyond.

// quantityModifier is a phrase before a quantity and the TIMEX3 mod it
// gives.
type quantityModifier struct {
	words []word
	mod   string
}

// quantityModifiers are the quantity modifiers, by their first word.
var quantityModifiers = [numWords][]quantityModifier{
	wAbout:         {{[]word{wAbout}, "APPROX"}},
	wAround:        {{[]word{wAround}, "APPROX"}},
	wApproximately: {{[]word{wApproximately}, "APPROX"}},
	wNearly:        {{[]word{wNearly}, "LESS_THAN"}},
	wAlmost:        {{[]word{wAlmost}, "LESS_THAN"}},
	wMore:          {{[]word{wMore, wThan}, "MORE_THAN"}},
	wLess:          {{[]word{wLess, wThan}, "LESS_THAN"}},
	wAt:            {{[]word{wAt, wLeast}, "EQUAL_OR_MORE"}, {[]word{wAt, wMost}, "EQUAL_OR_LESS"}},
	wUp:            {{[]word{wUp, wTo}, "EQUAL_OR_LESS"}},
	wNo:            {{[]word{wNo, wMore, wThan}, "EQUAL_OR_LESS"}, {[]word{wNo, wLess, wThan}, "EQUAL_OR_MORE"}},
	wOver:          {{[]word{wOver}, "MORE_THAN"}}, // "over two years", not "over the past two years"
	wWithin:        {{[]word{wWithin}, "EQUAL_OR_LESS"}},
}

// quantified: about two weeks, more than four hours, at least 30 days,
// nearly a year, up to 180 days, no more than sixty days, within 18 months.
func (p *parser) quantified(i int) (match, bool) {
	first := p.keyword(i)
	c := p.at(i)
	mod := ""
	for _, qm := range quantityModifiers[first] {
		if c.words(qm.words...) {
			mod = qm.mod
			break
		}
	}
	if mod == "" || c.pos >= p.sentEnd {
		return match{}, false
	}
	if first == wOver {
		if _, _, ok := p.number(c.pos); !ok || c.is(wThe) {
			return match{}, false
		}
	}
	m, ok := p.modded(c.pos)
	if !ok || m.s.typ == Set || first == wAround && m.s.kind == kindCalendar && m.s.cal.wday != 0 {
		return match{}, false // get around Wednesday's ruling
	}
	m.s.mod = mod
	switch first {
	case wWithin:
		// the preposition stays outside: within [18 months]
		return m, m.s.typ == Duration
	case wAbout, wAround, wApproximately:
		// about [two weeks], around [7:15 p.m.]: TempEval keeps "about"
		// outside a plain duration and inside an "ago" date
		if m.s.typ == Duration && !p.agoFollows(m.end) {
			return m, true
		}
		if first == wAbout && p.aboutTopic(&m) {
			return match{}, false // "about the future", "about this year's contest"
		}
	case wUp:
		if m.s.typ != Duration {
			return match{}, false // leading up to Monday's caucuses
		}
	}
	m.start = i
	return m, true
}

// aboutTopic reports whether the date m after "about" is what something is
// about rather than an approximate time.
func (p *parser) aboutTopic(m *match) bool {
	s := &m.s
	return s.typ == Date && (s.kind == kindLiteral || s.kind == kindOffset && s.off.n == 0 && s.off.unit >= uWeek && !p.agoFollows(m.end))
}

// agoFollows reports whether a duration ending at j is turned into a date by
// a following "ago", "earlier", "later" or "from now".
func (p *parser) agoFollows(j int) bool {
	switch p.keyword(j) {
	case wAgo, wEarlier, wLater:
		return true
	case wFrom:
		return p.keyword(j+1) == wNow
	}
	return false
}

// positionModifier is a word that names a part of what follows and the
// TIMEX3 mod it gives; some need "the" before and "of" after them.
type positionModifier struct {
	mod    string
	needOf bool // the end of, the turn of
}

// positionModifiers are the position modifiers, by word.
var positionModifiers = [numWords]positionModifier{
	wEarly: {"START", false}, wLate: {"END", false}, wMid: {"MID", false},
	wMiddle: {"MID", true}, wBeginning: {"START", true}, wStart: {"START", true},
	wEnd: {"END", true}, wClose: {"END", true}, wTurn: {"START", true},
}

// modded: early 1991, late November, mid-1996, the end of 1990, the early
// 1980s, mid-afternoon; earlier this month and later in the day (see
// earlierLater); else the core expression at i.
func (p *parser) modded(i int) (match, bool) {
	c := p.at(i)
	the := c.word(wThe)
	w := c.lexeme().keyword
	if w == wEarlier || w == wLater {
		if m, ok := p.earlierLater(i, the); ok {
			return m, true
		}
		return p.core(i)
	}
	pm := positionModifiers[w]
	switch {
	case pm.mod == "":
		return p.core(i)
	case pm.needOf:
		if !the || p.keyword(c.pos+1) != wOf {
			return p.core(i)
		}
		c.pos += 2
	default:
		c.next()
		c.hyphen() // mid-1990s, late-November
	}
	if l := c.lexeme(); l.pod != podNone && !l.plural && !the {
		// mid-afternoon, late morning, early evening yesterday
		c.next()
		m, _ := c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: anchorNarrative})
		p.attachDay(&m)
		m.s.tod, m.s.typ, m.s.mod = partOfDayTime(l.pod), Time, pm.mod
		return m, true
	}
	m, ok := p.core(c.pos)
	if !ok && the && c.is(wThe) {
		// the end of the decade, the turn of the century: the narrative's
		// decade or century (alone, "the decade" is too often a span)
		if u := p.lexeme(c.pos + 1); (u.unit == uDecade || u.unit == uCentury) && !u.plural {
			m, ok = match{i, c.pos + 2, spec{typ: Date, kind: kindOffset, off: offset{unit: u.unit}, gran: u.unit, anchor: anchorNarrative}}, true
		}
	}
	if !ok || m.s.typ == Duration || m.s.typ == Set || m.s.kind == kindLiteral {
		return p.core(i) // "the end of" a non-date; "early" alone
	}
	m.start = i
	m.s.mod = pm.mod
	return m, true
}

// earlierLater: earlier in the year, later in the day; earlier this month,
// later this year, earlier Sunday, earlier today.
func (p *parser) earlierLater(i int, the bool) (match, bool) {
	if the {
		return match{}, false
	}
	mod := "START"
	if p.keyword(i) == wLater {
		mod = "END"
	}
	c := p.at(i)
	c.next()
	if c.words(wIn, wThe) {
		if u := c.lexeme(); u.unit >= uDay && u.unit <= uYear && !u.plural && u.unit != uWeekend {
			c.next()
			return c.match(spec{typ: Date, kind: kindOffset, off: offset{unit: u.unit}, gran: u.unit, anchor: anchorNarrative, mod: mod})
		}
	}
	m, ok := p.core(i + 1)
	if !ok || m.s.typ == Duration || m.s.kind == kindLiteral {
		return match{}, false
	}
	if w := p.keyword(i + 1); m.s.kind == kindOffset && m.s.off.n == 0 || w == wYesterday || w == wToday || w == wTomorrow {
		m.start, m.s.mod = i, mod
		return m, true
	}
	return match{}, false
}

// durationToDate is a suffix that makes a duration a date: two years ago,
// three days later, a week from now.
type durationToDate struct {
	words      []word
	sign       int    // +1 after, -1 before
	from       anchor // the narrative (later) or the DCT (ago)
	longerThan unit   // the duration must be longer than this unit ("an hour later" stays a duration)
	clauseEnd  bool   // only at the end of a clause: "two days before" but "two days after the attack" is a duration
}

var durationSuffixes = []durationToDate{
	{[]word{wAgo}, -1, anchorDCT, uNone, false},
	{[]word{wEarlier}, -1, anchorNarrative, uHour, false},
	{[]word{wLater}, 1, anchorNarrative, uHour, false},
	{[]word{wBefore}, -1, anchorNarrative, uNone, true},
	{[]word{wAfter}, 1, anchorNarrative, uNone, true},
	{[]word{wFrom, wNow}, 1, anchorDCT, uNone, false},
	{[]word{wHence}, 1, anchorDCT, uNone, false},
}

// dateSuffixes extend a date to an open range: 2018 and beyond, May or later.
var dateSuffixes = []quantityModifier{
	{[]word{wAnd, wBeyond}, "ON_OR_AFTER"},
	{[]word{wOr, wLater}, "ON_OR_AFTER"},
	{[]word{wOr, wEarlier}, "ON_OR_BEFORE"},
}

// suffixes extends a match with what may follow it: "ago", "earlier",
// "later", "from now", "or so", "and beyond", "or later".
func (p *parser) suffixes(m *match) {
	s := &m.s
	c := p.at(m.end)
	if s.typ == Duration && s.kind == kindLiteral && s.durUnit != uNone {
		for _, ds := range durationSuffixes {
			c.pos = m.end
			if s.durUnit > ds.longerThan && c.words(ds.words...) && (!ds.clauseEnd || c.pos >= p.sentEnd || c.tok().kind == tPunct) {
				p.toDate(m, ds.sign, ds.from, c.pos)
				return
			}
		}
		c.pos = m.end
	}
	if c.words(wOr, wSo) {
		m.end = c.pos
		if s.mod == "" {
			s.mod = "APPROX"
		}
		if s.typ == Duration && s.kind == kindLiteral && s.durUnit != uNone && p.agoFollows(m.end) {
			p.suffixes(m) // a week or so ago
		}
		return
	}
	if s.typ == Date && s.kind != kindLiteral {
		for _, ds := range dateSuffixes {
			if c.words(ds.words...) {
				m.end, s.mod = c.pos, ds.mod
				return
			}
		}
	}
}

// toDate turns a duration (two years) followed by ago/earlier/later into a
// date ending at j: n units before or after the DCT (ago, from now) or the
// narrative anchor (earlier, later).
func (p *parser) toDate(m *match, sign int, from anchor, j int) {
	s := &m.s
	u, q, mod := s.durUnit, s.durQty, s.mod
	m.end = j
	if q.unknown || q.value != float64(int(q.value)) {
		// several years ago, a few days later: somewhere in the past/future
		lit := "PAST_REF"
		if sign > 0 {
			lit = "FUTURE_REF"
		}
		*s = spec{typ: Date, kind: kindLiteral, lit: lit, mod: mod}
		return
	}
	n := int(q.value) * sign
	g := u
	switch u {
	case uSecond, uMinute, uHour:
		// hours ago: the day it falls on
		*s = spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: from, mod: mod}
		return
	case uWeekend:
		u, g = uWeek, uWeekend
	case uFortnight:
		u, g, n = uWeek, uWeek, 2*n
	case uDecade:
		u, g, n = uYear, uYear, 10*n
	case uCentury:
		u, g, n = uYear, uYear, 100*n
	}
	*s = spec{typ: Date, kind: kindOffset, off: offset{n: n, unit: u}, gran: g, anchor: from, mod: mod}
	if u == uYear && (n == 1 || n == -1) {
		// a year ago, a year earlier: the year-ago quarter, in earnings news
		s.anchor = anchorYearAgo
		if from == anchorNarrative {
			s.anchor = anchorYearEarlier
		}
	}
}
