package timex

import (
	"strconv"
	"strings"
)

// The grammar: hand-written matchers over the tokens of one sentence. Each
// matcher looks at the tokens from a position and, when they form a time
// expression, returns its extent and its spec. The longest match wins. The
// extents follow the TimeML guidelines as TempEval-3 drew them: determiners
// and pre-modifiers (the, early, about) belong to the expression,
// prepositions (in, on, at) and possessive 's do not.

// match is a matched expression: tokens [i, j) and what they say.
type match struct {
	i, j int
	s    spec
}

// parser holds the tokens of a text; n limits matching to the current
// sentence.
type parser struct {
	toks []token
	text string
	n    int
}

var noLex = &lexeme{}

func (p *parser) lx(i int) *lexeme {
	if i < 0 || i >= p.n || p.toks[i].lx == nil {
		return noLex
	}
	return p.toks[i].lx
}

func (p *parser) id(i int) word { return p.lx(i).id }

func (p *parser) punct(i int, ch byte) bool {
	return i >= 0 && i < p.n && p.toks[i].kind == tPunct && p.toks[i].ch == ch
}

// glued reports whether token i starts right where token i-1 ends.
func (p *parser) glued(i int) bool {
	return i > 0 && i < p.n && p.toks[i].b0 == p.toks[i-1].b1
}

// hyphen reports whether token i is a hyphen joining i-1 and i+1 (both glued,
// as in "third-quarter"), or a spaced hyphen in PTB text ("third - quarter"
// never occurs there: PTB keeps hyphenated words whole).
func (p *parser) hyphen(i int) bool {
	return p.punct(i, '-') && p.glued(i) && p.glued(i+1)
}

// plainNum returns the value of a number token without suffix, apostrophe,
// thousands separator or decimals.
func (p *parser) plainNum(i int) (int, bool) {
	if i < 0 || i >= p.n {
		return 0, false
	}
	t := &p.toks[i]
	if t.kind != tNum || t.suf != sufNone || t.apos || t.comma || t.num < 0 {
		return 0, false
	}
	return t.num, true
}

func (p *parser) cap(i int) bool { return i >= 0 && i < p.n && p.toks[i].cap }

func (p *parser) word(i int) string {
	if i < 0 || i >= p.n {
		return ""
	}
	return p.text[p.toks[i].b0:p.toks[i].b1]
}

// skipDot returns i+1 when token i is a period glued to the token before it
// (Jan., Sept.), else i.
func (p *parser) skipDot(i int) int {
	if p.punct(i, '.') && p.glued(i) {
		return i + 1
	}
	return i
}

// year4 recognizes a four-digit year at i (1000-2099) and returns it.
func (p *parser) year4(i int) (int, bool) {
	v, ok := p.plainNum(i)
	if !ok || p.toks[i].ndig != 4 || v < 1000 || v > 2099 {
		return 0, false
	}
	return v, true
}

// yearAt recognizes a year at i: four digits, '98 with an apostrophe, or a
// spelled-out year (nineteen ninety-six). It returns the year (yy for
// two-digit years, with two = true) and the end.
func (p *parser) yearAt(i int) (y int, two bool, j int, ok bool) {
	if v, ok := p.year4(i); ok {
		if p.punct(i+1, '-') && p.glued(i+1) && i+2 < p.n && p.toks[i+2].kind == tNum && p.glued(i+2) {
			return 0, false, 0, false // 1998-99, 2017-04: not a plain year
		}
		return v, false, i + 1, true
	}
	if i < p.n && p.toks[i].kind == tNum && p.toks[i].apos && p.toks[i].suf == sufNone && p.toks[i].ndig == 2 {
		return p.toks[i].num, true, i + 1, true
	}
	if y, j, ok := p.spelledYear(i); ok {
		return y, false, j, true
	}
	return 0, false, 0, false
}

// spelledYear reads "nineteen ninety-six", "nineteen eighty", "two thousand
// (and) one", "twenty seventeen".
func (p *parser) spelledYear(i int) (int, int, bool) {
	l := p.lx(i)
	if l.num == 0 {
		return 0, 0, false
	}
	if (l.num >= 10 && l.num <= 20) && !l.tens || l.num == 20 {
		hi := int(l.num)
		k := i + 1
		lo, k2, ok := p.smallNum(k)
		if !ok || lo < 10 {
			return 0, 0, false
		}
		return hi*100 + lo, k2, true
	}
	if l.num == 2 && p.id(i+1) == wThousand {
		k := i + 2
		if p.id(k) == wAnd {
			k++
		}
		if lo, k2, ok := p.smallNum(k); ok && lo < 100 {
			return 2000 + lo, k2, true
		}
		return 2000, i + 2, true
	}
	return 0, 0, false
}

// smallNum reads a number word below one hundred: "six", "twenty",
// "twenty-four", "twenty four".
func (p *parser) smallNum(i int) (int, int, bool) {
	l := p.lx(i)
	if l.num == 0 || l.num >= 100 {
		return 0, 0, false
	}
	v := int(l.num)
	j := i + 1
	if l.tens {
		k := j
		if p.hyphen(k) {
			k++
		}
		if u := p.lx(k); u.num > 0 && u.num < 10 && !u.tens {
			v += int(u.num)
			j = k + 1
		}
	}
	return v, j, true
}

// qty is a quantity of units: 3, 2.5, or unknown ("several", "a few").
type qty struct {
	v       float64
	x       bool // unknown number: several, a few, some
	approx  bool // a couple
	word    bool // spelled out, or "a"/"an"
	article bool // "a"/"an" alone
}

// number reads a quantity at i: digits (with a fraction: 5 1/2), number
// words (twenty four, a hundred, two thousand), "a"/"an", "a couple of",
// "a few", "several", "some", "a dozen".
func (p *parser) number(i int) (qty, int, bool) {
	if i >= p.n {
		return qty{}, 0, false
	}
	t := &p.toks[i]
	if t.kind == tNum {
		if t.suf != sufNone || t.apos || t.num < 0 {
			// decimals: 1.5 years
			if t.suf == sufNone && !t.apos && t.num < 0 {
				if f, err := strconv.ParseFloat(strings.ReplaceAll(p.word(i), ",", ""), 64); err == nil {
					return qty{v: f}, i + 1, true
				}
			}
			return qty{}, 0, false
		}
		q := qty{v: float64(t.num)}
		j := i + 1
		// fraction: 5 1/2
		if a, ok := p.plainNum(j); ok && p.punct(j+1, '/') && p.glued(j+1) && p.glued(j+2) {
			if b, ok := p.plainNum(j + 2); ok && b > a && b <= 4 && a > 0 && !p.glued(j) {
				q.v += float64(a) / float64(b)
				j += 3
			}
		}
		return q, j, true
	}
	l := p.lx(i)
	switch l.id {
	case wA, wAn:
		switch p.id(i + 1) {
		case wCouple:
			j := i + 2
			if p.id(j) == wOf {
				j++
			}
			return qty{v: 2, approx: true, word: true}, j, true
		case wFew:
			return qty{x: true, word: true}, i + 2, true
		case wDozen:
			return qty{v: 12, word: true}, i + 2, true
		case wHundred:
			return qty{v: 100, word: true}, i + 2, true
		case wThousand:
			return qty{v: 1000, word: true}, i + 2, true
		}
		return qty{v: 1, word: true, article: true}, i + 1, true
	case wSeveral, wFew, wMany:
		return qty{x: true, word: true}, i + 1, true
	case wSome:
		return qty{x: true, word: true}, i + 1, true
	case wCouple:
		j := i + 1
		if p.id(j) == wOf {
			j++
		}
		return qty{v: 2, approx: true, word: true}, j, true
	case wDozen:
		return qty{v: 12, word: true}, i + 1, true
	case wHalf:
		// half an hour, half a day
		if k := p.id(i + 1); k == wA || k == wAn {
			return qty{v: 0.5, word: true}, i + 2, true
		}
		return qty{}, 0, false
	}
	if l.num == 0 {
		return qty{}, 0, false
	}
	v, j, _ := p.smallNum(i)
	switch p.id(j) {
	case wHundred:
		v *= 100
		j++
		k := j
		if p.id(k) == wAnd {
			k++
		}
		if w, k2, ok := p.smallNum(k); ok {
			v += w
			j = k2
		}
	case wThousand:
		v *= 1000
		j++
	case wDozen:
		v *= 12
		j++
	}
	q := qty{v: float64(v), word: true}
	// one and a half
	if p.id(j) == wAnd && (p.id(j+1) == wA) && p.id(j+2) == wHalf {
		q.v += 0.5
		j += 3
	}
	return q, j, true
}

// unitAt recognizes a unit of time at i (day, weeks, yr.) and returns it.
func (p *parser) unitAt(i int) (unit, bool, int, bool) {
	l := p.lx(i)
	if l.unit == uNone {
		return uNone, false, 0, false
	}
	j := i + 1
	if l.abbr {
		j = p.skipDot(j)
	}
	return l.unit, l.plural, j, true
}

// durationValue formats a quantity of units as a TIMEX3 duration.
func durationValue(q qty, u unit) string {
	if q.x {
		switch u {
		case uDecade:
			return "PXY"
		case uCentury:
			return "PXC"
		}
		return "P" + timePart(u) + "X" + unitLetter(u)
	}
	v := q.v
	switch u {
	case uDecade:
		v, u = v*10, uYear
	case uCentury:
		v, u = v*100, uYear
	case uMillennium:
		v, u = v*1000, uYear
	case uFortnight:
		v, u = v*2, uWeek
	case uWeekend:
		v, u = v*2, uDay
	}
	whole := int(v)
	frac := v - float64(whole)
	if frac < 1e-9 {
		return "P" + timePart(u) + strconv.Itoa(whole) + unitLetter(u)
	}
	// 2 1/2 years = P2Y6M; 5 1/2 hours = PT5H30M
	var sub unit
	var per float64
	switch u {
	case uYear:
		sub, per = uMonth, 12
	case uMonth:
		sub, per = uDay, 30
	case uWeek:
		sub, per = uDay, 7
	case uDay:
		sub, per = uHour, 24
	case uHour:
		sub, per = uMinute, 60
	case uMinute:
		sub, per = uSecond, 60
	default:
		return "P" + timePart(u) + strconv.FormatFloat(v, 'f', -1, 64) + unitLetter(u)
	}
	n := int(frac*per + 0.5)
	s := "P" + timePart(u)
	if whole > 0 {
		s += strconv.Itoa(whole) + unitLetter(u)
	}
	if timePart(sub) != "" && timePart(u) == "" {
		s += "T"
	}
	return s + strconv.Itoa(n) + unitLetter(sub)
}

func timePart(u unit) string {
	if u == uHour || u == uMinute || u == uSecond {
		return "T"
	}
	return ""
}

func unitLetter(u unit) string {
	switch u {
	case uSecond:
		return "S"
	case uMinute:
		return "M"
	case uHour:
		return "H"
	case uDay, uWeekend:
		return "D"
	case uWeek, uFortnight:
		return "W"
	case uMonth:
		return "M"
	case uQuarter:
		return "Q"
	case uSeason:
		return "S"
	case uHalf:
		return "H"
	case uYear:
		return "Y"
	case uDecade:
		return "DE"
	case uCentury:
		return "CE"
	case uMillennium:
		return "ML"
	}
	return "X"
}

// --- the expression grammar ---

// expr matches a complete expression at i: optional quantity modifiers
// (about, more than, at least), optional position modifiers (early, the end
// of), a core expression and its suffixes (ago, later, or so).
func (p *parser) expr(i int) (match, bool) {
	if i >= p.n {
		return match{}, false
	}
	t := &p.toks[i]
	if t.lx == nil && t.kind != tNum {
		return match{}, false
	}
	best, ok := p.modded(i)
	if m, ok2 := p.quantMod(i); ok2 && (!ok || m.j > best.j) {
		best, ok = m, true
	}
	if !ok {
		return match{}, false
	}
	p.suffixes(&best)
	return best, true
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
	start := k
	switch l.id {
	case wEarly:
		mod = "START"
		k++
	case wLate:
		mod = "END"
		k++
	case wMid:
		mod = "MID"
		k++
		if p.hyphen(k) {
			k++
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
	// early/late may be followed by "in": late in the year
	m, ok := p.core(k)
	if !ok || m.s.typ == Duration || m.s.typ == Set || m.s.kind == skLit {
		// "the end of" a non-date; "early" alone
		return p.core(i)
	}
	_ = start
	if the && m.i == k && p.id(k) == wThe {
		// the end of the year: one "the" is ours
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
			if k := j + 1; k >= p.n || p.toks[k].kind == tPunct {
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
