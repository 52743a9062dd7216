package timex

import (
	"strconv"
	"strings"
)

// Numbers, years and units: the pieces most expressions are built from.

// qty is a quantity of units: 3, 2.5, or unknown ("several", "a few").
type qty struct {
	value   float64
	unknown bool // unknown number: several, a few, some
	approx  bool // a couple
	spelled bool // spelled out, or "a"/"an"
	article bool // "a"/"an" alone
}

// number reads a quantity at i: digits (with a fraction: 5 1/2), number
// words (twenty four, a hundred, two thousand), "a"/"an", "a couple of",
// "a few", "several", "some", "a dozen", "half a".
func (p *parser) number(i int) (qty, int, bool) {
	if p.tok(i).kind == tNum {
		return p.digitNumber(i)
	}
	l := p.lexeme(i)
	switch l.keyword {
	case wA, wAn:
		switch p.keyword(i + 1) {
		case wCouple, wFew, wDozen:
			return p.number(i + 1) // a couple of, a few, a dozen: as without the article
		case wHundred:
			return qty{value: 100, spelled: true}, i + 2, true
		case wThousand:
			return qty{value: 1000, spelled: true}, i + 2, true
		}
		return qty{value: 1, spelled: true, article: true}, i + 1, true
	case wSeveral, wFew, wMany, wSome:
		return qty{unknown: true, spelled: true}, i + 1, true
	case wCouple:
		j := i + 1
		if p.keyword(j) == wOf {
			j++
		}
		return qty{value: 2, approx: true, spelled: true}, j, true
	case wDozen:
		return qty{value: 12, spelled: true}, i + 1, true
	case wHalf:
		// half an hour, half a day
		if k := p.keyword(i + 1); k == wA || k == wAn {
			return qty{value: 0.5, spelled: true}, i + 2, true
		}
		return qty{}, 0, false
	}
	if l.num == 0 {
		return qty{}, 0, false
	}
	return p.numberWords(i)
}

// digitNumber reads a number in digits at i: 3, 1.5, 5 1/2.
func (p *parser) digitNumber(i int) (qty, int, bool) {
	t := p.tok(i)
	if t.suf != sufNone || t.apos || t.num < 0 {
		// decimals: 1.5 years
		if t.suf == sufNone && !t.apos && t.num < 0 {
			if f, err := strconv.ParseFloat(strings.ReplaceAll(p.word(i), ",", ""), 64); err == nil {
				return qty{value: f}, i + 1, true
			}
		}
		return qty{}, 0, false
	}
	q := qty{value: float64(t.num)}
	j := i + 1
	// fraction: 5 1/2
	if a, ok := p.plainNum(j); ok && p.punct(j+1, '/') && p.glued(j+1) && p.glued(j+2) {
		if b, ok := p.plainNum(j + 2); ok && b > a && b <= 4 && a > 0 && !p.glued(j) {
			q.value += float64(a) / float64(b)
			j += 3
		}
	}
	return q, j, true
}

// numberWords reads a spelled-out number at i: six, twenty-four, a hundred
// and twenty, two thousand, three dozen, one and a half.
func (p *parser) numberWords(i int) (qty, int, bool) {
	v, j, _ := p.smallNum(i)
	switch p.keyword(j) {
	case wHundred:
		v *= 100
		j++
		k := j
		if p.keyword(k) == wAnd {
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
	q := qty{value: float64(v), spelled: true}
	// one and a half
	if p.keyword(j) == wAnd && p.keyword(j+1) == wA && p.keyword(j+2) == wHalf {
		q.value += 0.5
		j += 3
	}
	return q, j, true
}

// smallNum reads a number word below one hundred: "six", "twenty",
// "twenty-four", "twenty four".
func (p *parser) smallNum(i int) (int, int, bool) {
	l := p.lexeme(i)
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
		if u := p.lexeme(k); u.num > 0 && u.num < 10 && !u.tens {
			v += int(u.num)
			j = k + 1
		}
	}
	return v, j, true
}

// ordAt reads an ordinal: third, 3rd, twenty-first.
func (p *parser) ordAt(i int) (int, int, bool) {
	if i >= p.sentEnd {
		return 0, 0, false
	}
	t := p.tok(i)
	if t.kind == tNum && t.suf == sufOrd && !t.apos && t.num > 0 {
		return t.num, i + 1, true
	}
	l := p.lexeme(i)
	if l.ord > 0 {
		return int(l.ord), i + 1, true
	}
	if l.tens && p.hyphen(i+1) {
		if o := p.lexeme(i + 2).ord; o > 0 && o < 10 {
			return int(l.num) + int(o), i + 3, true
		}
	}
	return 0, 0, false
}

// dayNum reads a day of the month at i: 11, 11th, eleventh, Fourth.
func (p *parser) dayNum(i int) (int, int, bool) {
	if i >= p.sentEnd {
		return 0, 0, false
	}
	t := p.tok(i)
	if t.kind == tNum {
		if t.apos || t.comma || t.digits > 2 || t.num < 1 || t.num > 31 || (t.suf != sufNone && t.suf != sufOrd) {
			return 0, 0, false
		}
		// "June 30 people" is rare; "June 1:30" is a time
		if p.punct(i+1, ':') && p.glued(i+1) && p.glued(i+2) {
			return 0, 0, false
		}
		return t.num, i + 1, true
	}
	l := p.lexeme(i)
	if l.ord > 0 && l.ord <= 31 {
		return int(l.ord), i + 1, true
	}
	// twenty-first
	if l.tens && l.num <= 30 && p.hyphen(i+1) {
		if o := p.lexeme(i + 2).ord; o > 0 && o < 10 {
			return int(l.num) + int(o), i + 3, true
		}
	}
	return 0, 0, false
}

// year4 recognizes a four-digit year at i (1000-2099) and returns it.
func (p *parser) year4(i int) (int, bool) {
	v, ok := p.plainNum(i)
	if !ok || p.tok(i).digits != 4 || v < 1000 || v > 2099 {
		return 0, false
	}
	return v, true
}

// yearAt recognizes the year of a date at i: four digits, '98 with an
// apostrophe (1950-2049), or a spelled-out year (nineteen ninety-six). It
// returns the year and the end.
func (p *parser) yearAt(i int) (y, j int, ok bool) {
	if v, ok := p.year4(i); ok {
		if p.punct(i+1, '-') && p.glued(i+1) && i+2 < p.sentEnd && p.tok(i+2).kind == tNum && p.glued(i+2) {
			return 0, 0, false // 1998-99, 2017-04: not a plain year
		}
		return v, i + 1, true
	}
	if i < p.sentEnd && p.tok(i).kind == tNum && p.tok(i).apos && p.tok(i).suf == sufNone && p.tok(i).digits == 2 {
		return twoDigitYear(p.tok(i).num), i + 1, true
	}
	if y, j, ok := p.spelledYear(i); ok {
		return y, j, true
	}
	return 0, 0, false
}

// spelledYear reads "nineteen ninety-six", "nineteen eighty", "two thousand
// (and) one", "twenty seventeen".
func (p *parser) spelledYear(i int) (int, int, bool) {
	l := p.lexeme(i)
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
	if l.num == 2 && p.keyword(i+1) == wThousand {
		k := i + 2
		if p.keyword(k) == wAnd {
			k++
		}
		if lo, k2, ok := p.smallNum(k); ok && lo < 100 {
			return 2000 + lo, k2, true
		}
		return 2000, i + 2, true
	}
	return 0, 0, false
}

func twoDigitYear(yy int) int {
	if yy < 50 {
		return 2000 + yy
	}
	return 1900 + yy
}

// yearContext rejects four-digit numbers that are amounts or codes rather
// than years: $1990, 1990 percent, No. 1990.
func (p *parser) yearContext(i int) bool {
	if i > 0 {
		pt := p.tok(i - 1)
		if pt.kind == tPunct && (pt.ch == '$' || pt.ch == '#' || pt.ch == '.' && p.glued(i) || pt.ch == ':' || pt.ch == '/' && p.glued(i)) {
			return false
		}
		if pt.kind == tNum && !p.tok(i).sp {
			return false
		}
		if pl := pt.lexeme; pl != nil && pl.keyword == wNo {
			return false
		}
	}
	if j := i + 1; j < p.sentEnd {
		nt := p.tok(j)
		if nt.kind == tPunct && (nt.ch == '%' || nt.ch == '/' && p.glued(j)) {
			return false
		}
		if nl := nt.lexeme; nl != nil && nl.percent {
			return false
		}
		if nt.kind == tPunct && nt.ch == ':' && p.glued(j) {
			return false
		}
	}
	return true
}

var numberProductions = []production{
	{"shortYear", on(isNumber), shortYear, "the class of '98"},
	{"decadeNumber", on(isNumber), decadeNumber, "1990s rock"},
	{"isoDate", on(isNumber), isoDate, "2017-04-11"},
	{"slashDate", on(isNumber), slashDate, "4/11/2017"},
	{"militaryTime", on(isNumber), militaryTime, "1430 GMT"},
	{"yearNumber", on(isNumber), yearNumber, "1998"},
	{"spelledYear", on(wordHead(func(l *lexeme) bool { return l.num != 0 })), spelledYearDate, "nineteen ninety-six"},
}

// shortYear: '98 (the century that puts it at most ten years ahead), '90s.
func shortYear(c cursor) (match, bool) {
	t := c.tok()
	if !t.apos || t.digits != 2 || t.kind != tNum {
		return match{}, false
	}
	c.next()
	switch t.suf {
	case sufS:
		return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{twoDigits: t.num / 10 * 10}, gran: uDecade})
	case sufNone:
		return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{twoDigits: t.num}, gran: uYear})
	}
	return match{}, false
}

// decadeNumber: 1990s; the 90s, early 80s, mid-70s.
func decadeNumber(c cursor) (match, bool) {
	t := c.tok()
	if t.suf != sufS || t.apos || t.num < 0 || t.kind != tNum {
		return match{}, false
	}
	p, i := c.p, c.start
	c.next()
	switch {
	case t.digits == 4 && t.num >= 1000 && t.num <= 2090 && t.num%10 == 0:
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: t.num}, gran: uDecade})
	case t.digits == 2 && t.num%10 == 0 && (decadeIntro[p.keyword(i-1)] || p.punct(i-1, '-')):
		return c.match(spec{typ: Date, kind: kindCalendar, cal: calendar{twoDigits: t.num}, gran: uDecade})
	}
	return match{}, false
}

// decadeIntro are the words after which two digits and an s are a decade.
var decadeIntro = [numWords]bool{wThe: true, wEarly: true, wLate: true, wMid: true}

// plainDigits returns the plain number at the cursor (no suffix,
// apostrophe, separators or decimals), for the productions of dates and
// times written in digits.
func plainDigits(c *cursor) (*token, bool) {
	t := c.tok()
	return t, t.kind == tNum && t.suf == sufNone && !t.apos && !t.comma && t.num >= 0
}

// isoDate: 2017-04-11, 2017-04.
func isoDate(c cursor) (match, bool) {
	p, i := c.p, c.start
	t, ok := plainDigits(&c)
	if !ok || t.digits != 4 || !p.hyphen(i+1) {
		return match{}, false
	}
	mo, ok := p.plainNum(i + 2)
	if !ok || p.tok(i+2).digits != 2 || mo < 1 || mo > 12 {
		return match{}, false
	}
	if !p.hyphen(i + 3) {
		c.pos = i + 3
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: t.num, month: mo}, gran: uMonth})
	}
	if d, ok := p.plainNum(i + 4); ok && p.tok(i+4).digits == 2 {
		c.pos = i + 5
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: t.num, month: mo, day: d}, gran: uDay})
	}
	return match{}, false
}

// slashDate: 2017/04/11 and 4/11/2017, 04/11/17 (the month first, unless
// it cannot be one).
func slashDate(c cursor) (match, bool) {
	p, i := c.p, c.start
	t, ok := plainDigits(&c)
	if !ok || !p.gluedSlash(i+1) || !p.gluedSlash(i+3) {
		return match{}, false
	}
	b, ok1 := p.plainNum(i + 2)
	d, ok2 := p.plainNum(i + 4)
	if next := i + 5; !ok1 || !ok2 || p.glued(next) && (p.tok(next).kind != tPunct || p.tok(next).ch == '/') {
		return match{}, false
	}
	c.pos = i + 5
	switch last := p.tok(i + 4).digits; {
	case t.digits == 4:
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: t.num, month: b, day: d}, gran: uDay})
	case last == 4 || last == 2:
		y := d
		if last == 2 {
			y = twoDigitYear(d)
		}
		mo, day := t.num, b
		if t.num > 12 && b <= 12 {
			mo, day = b, t.num
		}
		return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y, month: mo, day: day}, gran: uDay})
	}
	return match{}, false
}

// gluedSlash reports whether token k is a slash glued to both its
// neighbours.
func (p *parser) gluedSlash(k int) bool { return p.punct(k, '/') && p.glued(k) && p.glued(k+1) }

// militaryTime: 2000 BST, 1430 GMT.
func militaryTime(c cursor) (match, bool) {
	t, ok := plainDigits(&c)
	if !ok || t.digits != 4 || t.num%100 >= 60 || t.num/100 > 24 {
		return match{}, false
	}
	c.next()
	if !c.is(wTZ) || !c.tok().upper {
		return match{}, false
	}
	c.next()
	m, _ := c.match(spec{typ: Time, kind: kindOffset, off: offset{unit: uDay}, gran: uDay, anchor: anchorNarrative, tod: "T" + pad(t.num/100, 2) + ":" + pad(t.num%100, 2)})
	c.p.attachDay(&m)
	return m, true
}

// yearNumber: 1998, but not 1998-99 (a score) nor an amount ($1990).
func yearNumber(c cursor) (match, bool) {
	p, i := c.p, c.start
	if _, ok := plainDigits(&c); !ok {
		return match{}, false
	}
	y, ok := p.year4(i)
	if !ok || p.punct(i+1, '-') && p.glued(i+1) && p.glued(i+2) && p.tok(i+2).kind == tNum || !p.yearContext(i) {
		return match{}, false
	}
	c.next()
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y}, gran: uYear})
}

// spelledYearDate: nineteen ninety-six, two thousand and one.
func spelledYearDate(c cursor) (match, bool) {
	y, j, ok := c.p.spelledYear(c.start)
	if !ok || !c.p.yearContext(c.start) {
		return match{}, false
	}
	c.pos = j
	return c.match(spec{typ: Date, kind: kindAbsolute, cal: calendar{year: y}, gran: uYear})
}

// unitAt recognizes a unit of time at i (day, weeks, yr.) and returns it.
func (p *parser) unitAt(i int) (unit, bool, int, bool) {
	l := p.lexeme(i)
	if l.unit == uNone {
		return uNone, false, 0, false
	}
	j := i + 1
	if l.abbrev {
		j = p.skipDot(j)
	}
	return l.unit, l.plural, j, true
}

// durationValue formats a quantity of units as a TIMEX3 duration.
func durationValue(q qty, u unit) string {
	if q.unknown {
		switch u {
		case uDecade:
			return "PXY"
		case uCentury:
			return "PXC"
		}
		return "P" + timePart(u) + "X" + unitLetter(u)
	}
	v := q.value
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
