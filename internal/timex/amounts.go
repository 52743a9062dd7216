package timex

import "strings"

// Durations, sets and references to the present, past and future.

var (
	// isQuantity accepts what can start a quantity: a number, a number
	// word, a/an, several, a few...
	isQuantity = eitherHead(isNumber, wordHead(func(l *lexeme) bool {
		switch l.keyword {
		case wA, wAn, wSeveral, wFew, wSome, wCouple, wDozen, wHalf, wMany:
			return true
		}
		return l.num != 0
	}))
	isUnit = wordHead(func(l *lexeme) bool { return l.unit != uNone })
)

var amountProductions = []production{
	{"frequency", on(wordHead(func(l *lexeme) bool { return l.freq != uNone })), frequency, "daily"},
	{"everyUnit", on(keywordHead(wEvery, wEach)), everyUnit, "every other week"},
	{"timesPer", on(eitherHead(isNumber, keywordHead(wTwice, wOnce, wThrice, wA),
		wordHead(func(l *lexeme) bool { return l.num != 0 }))), timesPer, "three times a year"},
	{"duration", on(isQuantity), durationAt, "two to three weeks"},
	{"yearEnd", on(keywordHead(wYear)), yearEnd, "by year-end"},
	{"unitLong", on(isUnit), unitLong, "a decades-long feud"},
	{"barePlural", on(isUnit), barePlural, "for years"},
	{"unitsAgo", on(isUnit), unitsAgo, "years ago"},
	{"reference", on(wordHead(func(l *lexeme) bool { return l.ref != "" || l.keyword == wThese })), reference, "these days"},
}

// durationAt is the duration production (see parser.duration).
func durationAt(c cursor) (match, bool) { return c.p.duration(c.start) }

// durationFillers may stand between a number and its unit: two more weeks,
// an additional year, eight trading days.
var durationFillers = [numWords]bool{wMore: true, wAdditional: true, wTrading: true, wBusiness: true,
	wCalendar: true, wFull: true}

// duration: three days, 3 days, two-year, 16-hour, 5 1/2 hours, a minute
// and a half, two more weeks, eight trading days, a year and a half, two to
// three weeks.
func (p *parser) duration(i int) (match, bool) {
	c := p.at(i)
	q, ok := c.number()
	if !ok {
		return match{}, false
	}
	if !c.hyphen() { // two-year, 16-hour
		p.rangeEnd(&c, q)
	}
	for durationFillers[c.lexeme().keyword] {
		c.next()
	}
	k := c.pos
	u, plural, ok := c.unit()
	if !ok || q.article && plural || q.unknown && !plural {
		return match{}, false
	}
	if p.notDuration(k, c.pos, u, q) {
		return match{}, false
	}
	if c.words(wAnd, wA, wHalf) || c.hyphenatedWords(wAnd, wA, wHalf) { // a year and a half, a year-and-a-half
		q.value += 0.5
	}
	if p.hyphen(c.pos) {
		switch {
		case p.keyword(c.pos+1) == wLong && !q.article: // decades-long
			c.pos += 2
		case u == uQuarter && p.lexeme(c.pos+1).unit == uCentury && !p.lexeme(c.pos+1).plural: // a quarter-century
			q.value, u = q.value*25, uYear
			c.pos += 2
		case q.article && p.keyword(c.pos+1) == wLong, u == uQuarter, p.unitCompound(c.pos + 1):
			// "a year-long feud": the article goes with "feud" (see
			// unitLong); a quarter-mile; a 6-year-old,
			// a year-end deal, day-to-day, year-over-year, a day-care
			// center: compounds that are no duration
			return match{}, false
		}
	}
	if p.notTime(i, c.pos, u, q) {
		return match{}, false
	}
	m, _ := c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(q, u), durQty: q, durUnit: u})
	if q.approx {
		m.s.mod = "APPROX"
	}
	return m, true
}

// rangeEnd moves the cursor past the second number of a range after q (two
// to three weeks, 12 to 18 months, two or three days, 2-3 years): the first
// number stands for the range.
func (p *parser) rangeEnd(c *cursor, q qty) {
	if w := c.lexeme().keyword; w != wTo && w != wOr && !p.punct(c.pos, '-') {
		return
	}
	if q2, k2, ok := p.number(c.pos + 1); ok && !q2.article && !q.article && !q2.unknown && p.lexeme(k2).unit != uNone {
		c.pos = k2
	}
}

// notDuration reports whether a unit at [k, j) after a quantity is a name or
// a fraction rather than a duration: the Thirty Years War, the Six-Day War,
// three quarters of the dividends.
func (p *parser) notDuration(k, j int, u unit, q qty) bool {
	if t := p.tok(j); p.cap(k) && t.cap && t.kind == tWord && t.lexeme == nil {
		return true
	}
	return u == uQuarter && p.keyword(j) == wOf && !p.yearFollows(j+1)
}

// notTime reports whether the quantity of units [i, j) is an age, a rate or
// a count rather than a time: 52 years old, 24 hours a day, $2 million a
// year, a second time.
func (p *parser) notTime(i, j int, u unit, q qty) bool {
	if p.keyword(j) == wOld {
		return true
	}
	if w := p.keyword(j); (w == wA || w == wAn || w == wPer) && p.lexeme(j+1).unit != uNone && !p.lexeme(j+1).plural {
		return true // 24 hours a day, seven days a week
	}
	if q.article && !p.agoFollows(j) && p.rateBefore(i) {
		return true // $1.76 a year, four flights a week
	}
	return u == uSecond && q.article // "a second": the ordinal reading wins
}

// yearEnd: year-end, year end, year's end: the end of the year (not "the
// year end", which the year production reads).
func yearEnd(c cursor) (match, bool) {
	p := c.p
	c.next()
	if !c.hyphen() && !c.word(wPossessive) && p.keyword(c.start-1) == wThe {
		return match{}, false
	}
	if !c.word(wEnd) {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindOffset, off: offset{unit: uYear}, gran: uYear, mod: "END"})
}

// unitLong: day-long, decades-long.
func unitLong(c cursor) (match, bool) {
	l := c.lexeme()
	c.next()
	if !c.hyphen() || !c.word(wLong) {
		return match{}, false
	}
	q := qty{value: 1}
	if l.plural {
		q = qty{unknown: true}
	}
	return c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(q, l.unit)})
}

// durationIntro are the prepositions after which a bare plural unit is a
// duration: for years, within weeks.
var durationIntro = [numWords]bool{wFor: true, wWithin: true, wIn: true, wAfter: true, wOver: true}

// barePlural: years, weeks, after a preposition of duration (for years,
// within weeks); not "years ago", nor "in weeks of talks".
func barePlural(c cursor) (match, bool) {
	p := c.p
	l := c.lexeme()
	before := p.keyword(c.start - 1)
	if !l.plural || l.unit < uMinute || l.unit == uWeekend || l.unit == uQuarter || !durationIntro[before] {
		return match{}, false
	}
	c.next()
	if c.is(wAgo) || c.is(wOf) && before != wFor {
		return match{}, false
	}
	q := qty{unknown: true}
	return c.match(spec{typ: Duration, kind: kindLiteral, lit: durationValue(q, l.unit), durQty: q, durUnit: l.unit})
}

// unitCompounds are the words that make a unit before them and a hyphen
// part of a compound that is no duration: a 6-year-old, a year-earlier
// quarter (see yearAgoPeriod), year-end (see yearEnd), day-to-day,
// year-over-year, year-on-year, day-by-day, a day-care center.
var unitCompounds = []string{"old", "olds", "earlier", "ago", "end", "to", "over", "on", "by", "care"}

// unitCompound reports whether token k is one of unitCompounds.
func (p *parser) unitCompound(k int) bool {
	w := p.word(k)
	for _, c := range unitCompounds {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// unitsAgo: years ago, months earlier, weeks later, decades from now: a
// bare plural of units that a suffix of durationSuffixes turns into the
// past or the future (the suffixes that need the end of a clause, "years
// before", are left out). "Hours later" stays a duration, as "an hour
// later" does.
func unitsAgo(c cursor) (match, bool) {
	l := c.lexeme()
	if !l.plural || l.unit < uMinute || l.unit == uWeekend || l.unit == uQuarter {
		return match{}, false
	}
	c.next()
	for _, ds := range durationSuffixes {
		if d := c; !ds.clauseEnd && l.unit > ds.longerThan && d.words(ds.words...) {
			lit := "PAST_REF"
			if ds.sign > 0 {
				lit = "FUTURE_REF"
			}
			return d.match(spec{typ: Date, kind: kindLiteral, lit: lit})
		}
	}
	return match{}, false
}

// yearFollows reports whether a year follows at k: 1990, this year, the
// year, fiscal 1990.
func (p *parser) yearFollows(k int) bool {
	switch p.keyword(k) {
	case wThe, wThis, wLast, wNext, wFiscal, wIts:
		k++
	}
	if p.keyword(k) == wFiscal {
		k++
	}
	if p.keyword(k) == wYear {
		return true
	}
	_, _, ok := p.yearAt(k)
	return ok
}

// rateBefore reports whether a quantity (a number, an amount of money, a
// percentage) comes shortly before i: "$2 million a year", "358,000 a month",
// "24 hours a day", "700 seats a week".
func (p *parser) rateBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := p.tok(k)
		if t.kind == tNum || t.kind == tPunct && (t.ch == '%' || t.ch == '$') {
			return true
		}
		if l := t.lexeme; l != nil && (l.amount || l.num != 0 || l.keyword == wTimes || l.keyword == wTwice || l.keyword == wOnce) {
			return true
		}
		if t.kind == tPunct && t.ch != '-' {
			return false
		}
	}
	return false
}

// frequency: daily, weekly, nightly; not the Daily Mail, nor Breitbart
// News Daily.
func frequency(c cursor) (match, bool) {
	p, i := c.p, c.start
	t := c.tok()
	if t.cap && (p.newspaperName(i+1) || i > p.sentStart && p.tok(i-1).kind == tWord && p.tok(i-1).cap) {
		return match{}, false
	}
	f := c.lexeme().freq
	c.next()
	return c.match(spec{typ: Set, kind: kindLiteral, lit: durationValue(qty{value: 1}, f), freq: "1X"})
}

// everyUnit: every day, each year, every other week, every three months,
// every Monday, each July, every spring, every morning.
func everyUnit(c cursor) (match, bool) {
	quant := "EVERY"
	if c.is(wEach) {
		quant = "EACH"
	}
	c.next()
	n := 1
	if c.word(wOther) || c.word(wAlternate) {
		n = 2
	} else if q, k2, ok := c.p.number(c.pos); ok && !q.unknown && !q.article && q.value > 1 {
		n, c.pos = int(q.value), k2
	}
	l, cap := c.lexeme(), c.tok().cap
	c.next()
	var lit string
	switch {
	case l.unit != uNone && (n > 1 || !l.plural):
		lit = durationValue(qty{value: float64(n)}, l.unit)
	case l.wday != 0 && !l.abbrev && cap:
		lit = "XXXX-WXX-" + string(rune('0'+l.wday))
	case l.month != 0 && !l.abbrev && cap:
		lit = "XXXX-" + pad(int(l.month), 2)
	case l.season != 0:
		lit = "XXXX-" + seasonCodes[l.season]
	case l.pod != podNone && l.pod != podDaytime:
		lit = "XXXX-XX-XX" + partOfDayTime(l.pod)
	default:
		return match{}, false
	}
	return c.match(spec{typ: Set, kind: kindLiteral, lit: lit, quant: quant})
}

// timesWords are the words of a number of times: once, twice, thrice.
var timesWords = [numWords]int{wOnce: 1, wTwice: 2, wThrice: 3}

// timesPer: twice a week, three times a year, once per month.
func timesPer(c cursor) (match, bool) {
	f := timesWords[c.lexeme().keyword]
	if f > 0 {
		c.next()
	} else if q, k, ok := c.p.number(c.pos); ok && !q.unknown && c.p.keyword(k) == wTimes {
		f, c.pos = int(q.value), k+1
	} else {
		return match{}, false
	}
	switch c.lexeme().keyword {
	case wA, wAn, wPer, wEach, wEvery:
		if u := c.p.lexeme(c.pos + 1); u.unit != uNone && !u.plural {
			c.pos += 2
			return c.match(spec{typ: Set, kind: kindLiteral, lit: durationValue(qty{value: 1}, u.unit), freq: pad(f, 1) + "X"})
		}
	}
	return match{}, false
}

// reference: now, currently, recently, these days; not his now-shuttered
// tabloid, nor a Johnny-come-lately.
func reference(c cursor) (match, bool) {
	p, i := c.p, c.start
	l := c.lexeme()
	c.next()
	if l.keyword == wThese {
		if !c.word(wDays) {
			return match{}, false
		}
		return c.match(spec{typ: Date, kind: kindLiteral, lit: "PRESENT_REF"})
	}
	if l.ref == "PRESENT_REF" && l.keyword != wCurrent && p.hyphen(i+1) || p.hyphen(i-1) {
		return match{}, false
	}
	return c.match(spec{typ: Date, kind: kindLiteral, lit: l.ref})
}
