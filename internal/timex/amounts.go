package timex

import "strings"

// Durations, sets and references to the present, past and future.

// duration: three days, 3 days, two-year, 16-hour, 5 1/2 hours, a minute
// and a half, two more weeks, eight trading days, a year and a half.
func (p *parser) duration(i int) (match, bool) {
	q, k, ok := p.number(i)
	if !ok {
		return match{}, false
	}
	if p.hyphen(k) {
		k++ // two-year, 16-hour
	} else if w := p.id(k); w == wTo || w == wOr || p.punct(k, '-') {
		// two to three weeks, 12 to 18 months, two or three days: the
		// first number stands for the range
		if q2, k2, ok := p.number(k + 1); ok && !q2.article && !q.article && !q2.x && p.lx(k2).unit != uNone {
			k = k2
		}
	}
	// two more weeks, an additional year, eight trading days
	for w := p.id(k); w == wMore || w == wAdditional || w == wTrading || w == wBusiness || w == wCalendar || w == wFull; w = p.id(k) {
		k++
	}
	u, plural, j, ok := p.unitAt(k)
	if !ok {
		return match{}, false
	}
	if q.article && plural {
		return match{}, false
	}
	if q.x && !plural {
		return match{}, false
	}
	// the Thirty Years War, the Six-Day War: a name
	if p.cap(k) && j < p.n && p.tok(j).cap && p.tok(j).kind == tWord && p.tok(j).lx == nil {
		return match{}, false
	}
	// three quarters of the dividends, a quarter of the vote: fractions
	if u == uQuarter && p.id(j) == wOf && !p.yearFollows(j+1) {
		return match{}, false
	}
	// a year and a half, one minute and a half
	if p.id(j) == wAnd && p.id(j+1) == wA && p.id(j+2) == wHalf {
		q.v += 0.5
		j += 3
	}
	// decades-long; ages (a 6-year-old, 52 years old) are not times
	if p.hyphen(j) {
		switch p.id(j + 1) {
		case wLong:
			j += 2
		case wOld:
			return match{}, false
		case wEarlier, wAgo:
			return match{}, false // a year-earlier quarter: see yearAgo
		}
	}
	if p.id(j) == wOld {
		return match{}, false
	}
	// 24 hours a day, seven days a week: a rate
	if w := p.id(j); (w == wA || w == wAn || w == wPer) && p.lx(j+1).unit != uNone && !p.lx(j+1).plural {
		return match{}, false
	}
	// $1.76 a year, four flights a week: a rate, not a time
	if q.article && !p.agoFollows(j) && p.rateBefore(i) {
		return match{}, false
	}
	// "a second" ... the ordinal reading wins: "a second time"
	if u == uSecond && q.article {
		return match{}, false
	}
	m := match{i, j, spec{typ: Duration, kind: skLit, lit: durationValue(q, u), durQ: q, durU: u}}
	if q.approx {
		m.s.mod = "APPROX"
	}
	return m, true
}

// unitLed: day-long, decades-long, year-earlier, years (for years); "the
// year" is handled by theLed.
func (p *parser) unitLed(i int) (match, bool) {
	l := p.lx(i)
	if l.id == wYear {
		if m, ok := p.yearAgo(i); ok {
			return m, true
		}
		// year-end, year end, year's end: the end of the year
		k := i + 1
		if p.hyphen(k) || p.id(k) == wPossessive {
			k++
		}
		if p.id(k) == wEnd && (k > i+1 || p.id(i-1) != wThe) {
			return match{i, k + 1, spec{typ: Date, kind: skRel, unit: uYear, gran: uYear, mod: "END"}}, true
		}
	}
	// day-long, decades-long
	if p.hyphen(i+1) && p.id(i+2) == wLong {
		q := qty{v: 1}
		if l.plural {
			q = qty{x: true}
		}
		return match{i, i + 3, spec{typ: Duration, kind: skLit, lit: durationValue(q, l.unit)}}, true
	}
	// bare plurals after a preposition of duration: for years, within weeks
	if l.plural && l.unit >= uMinute && l.unit != uWeekend && l.unit != uQuarter {
		switch p.id(i - 1) {
		case wFor, wWithin, wIn, wAfter, wOver:
			if p.id(i+1) == wAgo || p.id(i+1) == wOf && p.id(i-1) != wFor {
				break
			}
			return match{i, i + 1, spec{typ: Duration, kind: skLit, lit: durationValue(qty{x: true}, l.unit), durQ: qty{x: true}, durU: l.unit}}, true
		}
	}
	return match{}, false
}

// yearFollows reports whether a year follows at k: 1990, this year, the
// year, fiscal 1990.
func (p *parser) yearFollows(k int) bool {
	switch p.id(k) {
	case wThe, wThis, wLast, wNext, wFiscal, wIts:
		k++
	}
	if p.id(k) == wFiscal {
		k++
	}
	if p.id(k) == wYear {
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
		if l := t.lx; l != nil && (l.amount || l.num != 0 || l.id == wTimes || l.id == wTwice || l.id == wOnce) {
			return true
		}
		if t.kind == tPunct && t.ch != '-' {
			return false
		}
	}
	return false
}

// setExpr: daily, every day, each year, every other week, twice a week,
// three times a year, every Monday, Mondays.
func (p *parser) setExpr(i int) (match, bool) {
	l := p.lx(i)
	if l.freq != uNone {
		// "daily" and friends; not the Daily Mail, nor Breitbart News Daily
		if p.tok(i).cap && i+1 < p.n && p.tok(i+1).cap && newspaperWords[strings.ToLower(p.word(i+1))] {
			return match{}, false
		}
		if p.tok(i).cap && i > p.s && p.tok(i-1).kind == tWord && p.tok(i-1).cap {
			return match{}, false
		}
		return match{i, i + 1, spec{typ: Set, kind: skLit, lit: durationValue(qty{v: 1}, l.freq), freq: "1X"}}, true
	}
	switch l.id {
	case wEvery, wEach:
		k := i + 1
		n := 1
		if p.id(k) == wOther || p.id(k) == wAlternate {
			n = 2
			k++
		} else if q, k2, ok := p.number(k); ok && !q.x && !q.article && q.v > 1 {
			n = int(q.v)
			k = k2
		}
		kl := p.lx(k)
		quant := "EVERY"
		if l.id == wEach {
			quant = "EACH"
		}
		switch {
		case kl.unit != uNone && (n > 1 || !kl.plural):
			j := k + 1
			return match{i, j, spec{typ: Set, kind: skLit, lit: durationValue(qty{v: float64(n)}, kl.unit), quant: quant}}, true
		case kl.wday != 0 && !kl.abbrev && p.cap(k):
			return match{i, k + 1, spec{typ: Set, kind: skLit, lit: "XXXX-WXX-" + string(rune('0'+kl.wday)), quant: quant}}, true
		case kl.month != 0 && !kl.abbrev && p.cap(k):
			return match{i, k + 1, spec{typ: Set, kind: skLit, lit: "XXXX-" + pad(int(kl.month), 2), quant: quant}}, true
		case kl.season != 0:
			return match{i, k + 1, spec{typ: Set, kind: skLit, lit: "XXXX-" + seasonCodes[kl.season], quant: quant}}, true
		case kl.pod != podNone && kl.pod != podDaytime:
			return match{i, k + 1, spec{typ: Set, kind: skLit, lit: "XXXX-XX-XXT" + partOfDayCode(kl.pod), quant: quant}}, true
		}
		return match{}, false
	case wTwice, wOnce, wThrice:
		f := 1
		switch l.id {
		case wTwice:
			f = 2
		case wThrice:
			f = 3
		}
		return p.perUnit(i, i+1, f)
	}
	// three times a year
	if q, k, ok := p.number(i); ok && !q.x && p.id(k) == wTimes {
		return p.perUnit(i, k+1, int(q.v))
	}
	return match{}, false
}

// perUnit completes "twice a week", "three times per year".
func (p *parser) perUnit(i, k, f int) (match, bool) {
	switch p.id(k) {
	case wA, wAn, wPer, wEach, wEvery:
		if u := p.lx(k + 1).unit; u != uNone && !p.lx(k+1).plural {
			return match{i, k + 2, spec{typ: Set, kind: skLit, lit: durationValue(qty{v: 1}, u), freq: pad(f, 1) + "X"}}, true
		}
	}
	return match{}, false
}

// ref: now, currently, recently, the past, the future, soon, these days.
func (p *parser) ref(i int) (match, bool) {
	l := p.lx(i)
	lit := l.ref
	j := i + 1
	switch {
	case l.id == wThese:
		if p.id(i+1) == wDays {
			return match{i, i + 2, spec{typ: Date, kind: skLit, lit: "PRESENT_REF"}}, true
		}
	case lit == "PRESENT_REF" && l.id != wCurrent && p.hyphen(i+1):
		return match{}, false // his now-shuttered tabloid
	}
	if lit == "" || p.hyphen(i-1) {
		return match{}, false // a Johnny-come-lately
	}
	return match{i, j, spec{typ: Date, kind: skLit, lit: lit}}, true
}
