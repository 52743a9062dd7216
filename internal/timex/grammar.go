package timex

// The grammar: hand-written matchers over the tokens of one sentence. Each
// matcher looks at the tokens from a position and, when they form a time
// expression, returns its extent and its spec. The longest match wins. The
// extents follow the TimeML guidelines as TempEval-3 drew them: determiners
// and pre-modifiers (the, early, about) belong to the expression,
// prepositions (in, on, at) and possessive 's do not.

import "strings"

// match is a matched expression: tokens [i, j) and what they say.
type match struct {
	i, j int
	s    spec
}

// parser holds the tokens of a text; matching stays inside the current
// sentence, tokens [s, n).
type parser struct {
	toks []token
	text string
	s, n int
}

var noLex = &lexeme{}

// endTok is what the grammar reads outside the sentence's tokens: a token of
// no kind, with no lexeme and no number, that no production matches. Every
// read of a token goes through tok, so a production that looks past the end
// of its sentence ("Friday at") sees endTok, never an index out of range.
var endTok = token{kind: tEnd, num: -1}

// tok returns token i, or endTok when i is outside [0, n).
func (p *parser) tok(i int) *token {
	if i < 0 || i >= p.n {
		e := endTok
		return &e
	}
	return &p.toks[i]
}

func (p *parser) lx(i int) *lexeme {
	if i < 0 || i >= p.n || p.tok(i).lx == nil {
		return noLex
	}
	return p.tok(i).lx
}

func (p *parser) id(i int) word { return p.lx(i).id }

func (p *parser) punct(i int, ch byte) bool {
	return i >= 0 && i < p.n && p.tok(i).kind == tPunct && p.tok(i).ch == ch
}

// glued reports whether token i starts right where token i-1 ends.
func (p *parser) glued(i int) bool {
	return i > 0 && i < p.n && p.tok(i).b0 == p.tok(i-1).b1
}

// alone reports whether m is all its sentence holds, but for punctuation.
func (p *parser) alone(m *match) bool {
	for k := p.s; k < p.n; k++ {
		if (k < m.i || k >= m.j) && p.tok(k).kind != tPunct {
			return false
		}
	}
	return true
}

// namedDay lists the words that make a weekday the name of a day whose date
// the weekday alone does not give: Super Tuesday, Black Friday, Cyber Monday,
// Bloody Sunday.
var namedDay = map[string]bool{"super": true, "black": true, "cyber": true, "bloody": true, "giving": true}

// inWord reports whether token i is a number glued to the letters or digits
// before it, as inside a code or a link ("pic.twitter.com/P2qpm3h3Pm"): no
// time expression starts there.
func (p *parser) inWord(i int) bool {
	return p.tok(i).kind == tNum && p.glued(i) && (p.tok(i-1).kind == tWord || p.tok(i-1).kind == tNum)
}

// hyphen reports whether token i is a hyphen joining i-1 and i+1 (both glued,
// as in "third-quarter"), or a spaced hyphen in PTB text ("third - quarter"
// never occurs there: PTB keeps hyphenated words whole).
func (p *parser) hyphen(i int) bool {
	return p.punct(i, '-') && p.glued(i) && p.glued(i+1)
}

// hasHyphen reports whether a glued hyphen joins two of the tokens [i, j).
func (p *parser) hasHyphen(i, j int) bool {
	for k := i + 1; k < j-1; k++ {
		if p.hyphen(k) {
			return true
		}
	}
	return false
}

func (p *parser) unitFollows(k int) bool { return p.lx(k).unit != uNone }

// plainNum returns the value of a number token without suffix, apostrophe,
// thousands separator or decimals.
func (p *parser) plainNum(i int) (int, bool) {
	if i < 0 || i >= p.n {
		return 0, false
	}
	t := p.tok(i)
	if t.kind != tNum || t.suf != sufNone || t.apos || t.comma || t.num < 0 {
		return 0, false
	}
	return t.num, true
}

func (p *parser) cap(i int) bool { return i >= 0 && i < p.n && p.tok(i).cap }

func (p *parser) word(i int) string {
	if i < 0 || i >= p.n {
		return ""
	}
	return p.text[p.tok(i).b0:p.tok(i).b1]
}

// skipDot returns i+1 when token i is a period glued to the token before it
// (Jan., Sept.), else i.
func (p *parser) skipDot(i int) int {
	if p.punct(i, '.') && p.glued(i) {
		return i + 1
	}
	return i
}

// expr matches a complete expression at i: optional quantity modifiers
// (about, more than, at least), optional position modifiers (early, the end
// of), a core expression and its suffixes (ago, later, or so).
func (p *parser) expr(i int) (match, bool) {
	if i >= p.n {
		return match{}, false
	}
	t := p.tok(i)
	if t.kind != tNum && (t.lx == nil || !t.lx.start) {
		return match{}, false
	}
	if id := t.lx; id != nil && (id.id == wThe || id.id == wA || id.id == wAn) {
		// "the", "a": only before a word of the lexicon or a number
		if k := i + 1; k >= p.n || p.tok(k).kind != tNum && p.tok(k).lx == nil && !(p.tok(k).kind == tPunct && p.tok(k).ch == '\'') {
			return match{}, false
		}
	}
	best, ok := p.modded(i)
	if m, ok2 := p.quantMod(i); ok2 && (!ok || m.j > best.j) {
		best, ok = m, true
	}
	if !ok {
		return match{}, false
	}
	p.suffixes(&best)
	p.atClock(&best)
	return best, true
}

// atClock extends a day with the time of day that follows it: "February 3,
// 2011 at 8:05 am", "Friday at noon".
func (p *parser) atClock(m *match) {
	s := &m.s
	if s.typ != Date || s.tod != "" || s.mod != "" || p.id(m.j) != wAt || s.poss ||
		!(s.gran == uDay || s.kind == skCal && s.wday != 0) {
		return
	}
	var c match
	var ok bool
	switch p.id(m.j + 1) {
	case wNoon, wMidnight, wMidday:
		c, ok = p.clockWord(m.j + 1)
	default:
		c, ok = p.clock(m.j + 1)
	}
	if !ok || c.s.kind != skRel || !c.s.narr || c.s.tod == "" || c.j <= m.j+1 {
		return
	}
	s.typ, s.tod = Time, c.s.tod
	m.j = c.j
}

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
	t := p.tok(i)
	if t.kind == tNum {
		try(p.numberLed(i))
		try(p.dayMonth(i))
		try(p.duration(i))
		try(p.setExpr(i))
		if t.suf == sufOrd {
			try(p.ordinalLed(i)) // 20th century, 3rd quarter
		}
		return best, found
	}
	l := t.lx
	if l == nil {
		return match{}, false
	}
	if l.month != 0 {
		try(p.monthLed(i))
	}
	if l.wday != 0 && !(p.cap(i-1) && namedDay[strings.ToLower(p.word(i-1))]) {
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
	if l.holiday > 0 {
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

// quantMod: about two weeks, more than four hours, at least 30 days, nearly
// a year, up to 180 days, no more than sixty days.
func (p *parser) quantMod(i int) (match, bool) {
	var mod string
	k := i
	switch p.id(i) {
	case wAbout, wAround, wApproximately:
		mod, k = "APPROX", i+1
	case wNearly, wAlmost:
		mod, k = "LESS_THAN", i+1
	case wMore:
		if p.id(i+1) == wThan {
			mod, k = "MORE_THAN", i+2
		}
	case wLess:
		if p.id(i+1) == wThan {
			mod, k = "LESS_THAN", i+2
		}
	case wAt:
		if p.id(i+1) == wLeast {
			mod, k = "EQUAL_OR_MORE", i+2
		} else if p.word(i+1) == "most" {
			mod, k = "EQUAL_OR_LESS", i+2
		}
	case wUp:
		if p.id(i+1) == wTo {
			mod, k = "EQUAL_OR_LESS", i+2
		}
	case wNo:
		if (p.id(i+1) == wMore || p.id(i+1) == wLess) && p.id(i+2) == wThan {
			mod, k = "EQUAL_OR_LESS", i+3
			if p.id(i+1) == wLess {
				mod = "EQUAL_OR_MORE"
			}
		}
	case wOver:
		// "over two years", not "over the past two years"
		if _, _, ok := p.number(i + 1); ok && p.id(i+1) != wThe {
			mod, k = "MORE_THAN", i+1
		}
	case wWithin:
		mod, k = "EQUAL_OR_LESS", i+1
	}
	if mod == "" || k >= p.n {
		return match{}, false
	}
	m, ok := p.modded(k)
	if !ok || m.s.typ == Set {
		return match{}, false
	}
	if m.s.kind == skCal && m.s.wday != 0 && p.id(i) == wAround {
		return match{}, false // get around Wednesday's ruling
	}
	m.s.mod = mod
	switch p.id(i) {
	case wWithin:
		// the preposition stays outside: within [18 months]
		if m.s.typ != Duration {
			return match{}, false
		}
		return m, true
	case wAbout, wAround, wApproximately:
		// about [two weeks], around [7:15 p.m.]: TempEval keeps "about"
		// outside a plain duration and inside an "ago" date
		if m.s.typ == Duration && !p.agoFollows(m.j) {
			return m, true
		}
		if p.id(i) == wAbout && m.s.typ == Date && (m.s.kind == skLit || m.s.kind == skRel && m.s.n == 0 && m.s.unit >= uWeek && !p.agoFollows(m.j)) {
			// "about the future", "about this year's contest": the topic
			return match{}, false
		}
	case wUp:
		if m.s.typ != Duration {
			return match{}, false // leading up to Monday's caucuses
		}
	}
	m.i = i
	return m, true
}

// agoFollows reports whether a duration ending at j is turned into a date by
// a following "ago", "earlier", "later" or "from now".
func (p *parser) agoFollows(j int) bool {
	switch p.id(j) {
	case wAgo, wEarlier, wLater:
		return true
	case wFrom:
		return p.id(j+1) == wNow
	}
	return false
}

// modded: early 1991, late November, mid-1996, the end of 1990, earlier this
// month, the early 1980s.
func (p *parser) modded(i int) (match, bool) {
	l := p.lx(i)
	k := i
	the := false
	if l.id == wThe {
		the = true
		k++
		l = p.lx(k)
	}
	var mod string
	switch l.id {
	case wEarly, wLate, wMid:
		mod = "MID"
		if l.id == wEarly {
			mod = "START"
		} else if l.id == wLate {
			mod = "END"
		}
		k++
		if p.hyphen(k) {
			k++ // mid-1990s, late-November
		}
	case wMiddle, wBeginning, wStart, wEnd, wClose, wTurn:
		if p.id(k+1) == wOf && the {
			switch l.id {
			case wMiddle:
				mod = "MID"
			case wBeginning, wStart:
				mod = "START"
			case wEnd, wClose:
				mod = "END"
			case wTurn:
				mod = "START"
			}
			k += 2
		}
	case wEarlier, wLater:
		// earlier in the year, later in the day
		if !the && p.id(k+1) == wIn && p.id(k+2) == wThe {
			if u := p.lx(k + 3); u.unit >= uDay && u.unit <= uYear && !u.plural && u.unit != uWeekend {
				m := match{i, k + 4, spec{typ: Date, kind: skRel, unit: u.unit, gran: u.unit, narr: true, mod: "START"}}
				if l.id == wLater {
					m.s.mod = "END"
				}
				return m, true
			}
		}
		if !the {
			// earlier this month, later this year, earlier Sunday
			m, ok := p.core(k + 1)
			if ok && m.s.typ != Duration && m.s.kind != skLit && (m.s.kind == skRel && m.s.n == 0 || p.id(k+1) == wYesterday || p.id(k+1) == wToday || p.id(k+1) == wTomorrow) {
				m.i = i
				if l.id == wEarlier {
					m.s.mod = "START"
				} else {
					m.s.mod = "END"
				}
				return m, true
			}
		}
	}
	if mod == "" {
		return p.core(i)
	}
	if pod := p.lx(k).pod; pod != podNone && !p.lx(k).plural && !the {
		// mid-afternoon, late morning, early evening yesterday
		m := match{i, k + 1, spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: true, tod: "T" + partOfDayCode(pod), mod: mod}}
		p.attachDay(&m)
		m.s.tod, m.s.typ, m.s.mod = "T"+partOfDayCode(pod), Time, mod
		return m, true
	}
	m, ok := p.core(k)
	if !ok && the && p.id(k) == wThe {
		// the end of the decade, the turn of the century: the narrative's
		// decade or century (alone, "the decade" is too often a span)
		if u := p.lx(k + 1); (u.unit == uDecade || u.unit == uCentury) && !u.plural {
			m, ok = match{i, k + 2, spec{typ: Date, kind: skRel, unit: u.unit, gran: u.unit, narr: true}}, true
		}
	}
	if !ok || m.s.typ == Duration || m.s.typ == Set || m.s.kind == skLit {
		// "the end of" a non-date; "early" alone
		return p.core(i)
	}
	m.i = i
	m.s.mod = mod
	return m, true
}

// suffixes extends a match with what may follow it: "ago", "earlier",
// "later", "from now", "or so", "and beyond", "or later".
func (p *parser) suffixes(m *match) {
	j := m.j
	s := &m.s
	if s.typ == Duration && s.kind == skLit && s.durU != uNone {
		switch p.id(j) {
		case wAgo:
			p.toDate(m, -1, false, j+1)
			return
		case wEarlier, wLater:
			// two days later; but "an hour later" stays a duration
			if s.durU > uHour {
				sign := -1
				if p.id(j) == wLater {
					sign = 1
				}
				p.toDate(m, sign, true, j+1)
				return
			}
		case wBefore, wAfter:
			// "two days before" at the end of a clause; "two days after the
			// attack" is a duration and a signal
			if k := j + 1; k >= p.n || p.tok(k).kind == tPunct {
				sign := -1
				if p.id(j) == wAfter {
					sign = 1
				}
				p.toDate(m, sign, true, j+1)
				return
			}
		case wFrom:
			if p.id(j+1) == wNow {
				p.toDate(m, 1, false, j+2)
				return
			}
		case wHence:
			p.toDate(m, 1, false, j+1)
			return
		}
	}
	if p.id(j) == wOr && p.id(j+1) == wSo {
		m.j = j + 2
		if s.mod == "" {
			s.mod = "APPROX"
		}
		if s.typ == Duration && s.kind == skLit && s.durU != uNone && p.agoFollows(m.j) {
			p.suffixes(m) // a week or so ago
		}
		return
	}
	if s.typ == Date && s.kind != skLit {
		switch {
		case p.id(j) == wAnd && p.id(j+1) == wBeyond:
			m.j, s.mod = j+2, "ON_OR_AFTER"
		case p.id(j) == wOr && p.id(j+1) == wLater:
			m.j, s.mod = j+2, "ON_OR_AFTER"
		case p.id(j) == wOr && p.id(j+1) == wEarlier:
			m.j, s.mod = j+2, "ON_OR_BEFORE"
		}
	}
}

// toDate turns a duration (two years) followed by ago/earlier/later into a
// date: n units before or after the DCT (ago, from now) or the narrative
// anchor (earlier, later).
func (p *parser) toDate(m *match, sign int, narr bool, j int) {
	s := &m.s
	u := s.durU
	q := s.durQ
	m.j = j
	if q.x || q.v != float64(int(q.v)) {
		// several years ago, a few days later: somewhere in the past/future
		if sign < 0 {
			*s = spec{typ: Date, kind: skLit, lit: "PAST_REF", mod: s.mod}
		} else {
			*s = spec{typ: Date, kind: skLit, lit: "FUTURE_REF", mod: s.mod}
		}
		return
	}
	n := int(q.v) * sign
	g := u
	switch u {
	case uSecond, uMinute, uHour:
		*s = spec{typ: Time, kind: skRel, unit: uDay, gran: uDay, narr: narr, mod: s.mod}
		// hours ago: the day it falls on
		s.n = 0
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
	mod := s.mod
	*s = spec{typ: Date, kind: skRel, n: n, unit: u, gran: g, narr: narr, mod: mod}
	if u == uYear && (n == 1 || n == -1) {
		s.ctxGran = true // a year ago: the year-ago quarter, in earnings news
	}
}
