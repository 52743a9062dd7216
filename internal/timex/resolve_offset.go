package timex

// Offsets: n units from the DCT or from the narrative (yesterday, last
// week, two years later, the following day), and the periods of business
// news (the year-ago quarter, the latest quarter, the full year).

// yearAgoLookback is how many mentions back "a year ago" looks for the
// quarter it compares with.
const yearAgoLookback = 4

// justReported is how far before the DCT the quarter of a story lies when
// no quarter was named: its results are out about six weeks after its end.
const justReported = -45

// resolveOffset resolves "n units from the anchor".
func (c *resolver) resolveOffset(s *spec) (point, bool) {
	a, g := c.offsetAnchor(s)
	t := a.first
	if s.off.unit == uSeason {
		t = truncate(t, uSeason)
	}
	t = shift(t, s.off.n, s.off.unit)
	if s.anchor == anchorPeriodOfYear {
		t = day(s.cal.year, int(t.Month()), 1) // the 1988 quarter
	}
	switch {
	case s.cal.month != 0: // June last year
		t, g = day(t.Year(), s.cal.month, 1), uMonth
	case s.cal.quarter != 0: // this year's third quarter
		t, g = day(t.Year(), 3*s.cal.quarter-2, 1), uQuarter
	case s.cal.half != 0:
		t, g = day(t.Year(), 6*s.cal.half-5, 1), uHalf
	}
	return mkPoint(t, g), true
}

// offsetAnchor returns the point an offset counts from and the granularity
// of its value, as its anchor rule says.
func (c *resolver) offsetAnchor(s *spec) (point, unit) {
	u := s.off.unit
	a, found := c.anchorFor(s.anchor.narrative(), u)
	if s.anchor == anchorLatestEnded && found && !c.over(a, u) {
		// "the latest quarter" after "a fourth-quarter charge" that is
		// still to come: the latest mentioned quarter that is over, if any
		// (a fiscal fourth quarter may be over before the calendar's)
		if h, ok := c.latest(maxAnchorLookback, func(h point) bool { return finer(h.gran, u) && c.over(h, u) }); ok {
			a = h
		}
	}
	if s.anchor.narrative() && !found && u == uQuarter && s.off.n == 0 {
		// "the quarter" with no quarter before it: in news, the one just
		// reported
		a.first = a.first.AddDate(0, 0, justReported)
	}
	g := s.gran
	switch {
	case s.anchor == anchorReportingYear:
		// "forecast an increase for the full year": the year being
		// reported on, not the latest year the story named
		a = c.reporting()
	case c.monthsSpan && (s.anchor.yearAgo() || s.anchor == anchorPeriodOfYear):
		// "compared with a year earlier", "the 1988 period" right after
		// "the nine months": that span a year before, which no quarter
		// names; the year does. The span is one of the reporting year
		g = uYear
		a = c.reporting()
	case s.anchor.yearAgo() && len(c.mentions) > 0:
		a, g = c.yearAgoPeriod(s, a, g)
	}
	return a, g
}

// over reports whether the period of unit u that contains p has ended by
// the DCT.
func (c *resolver) over(p point, u unit) bool {
	return !shift(truncate(p.first, u), 1, u).After(c.dct)
}

// yearAgoPeriod: "a year ago" in a story about a quarter is the year-ago
// quarter; "a year earlier" right after a day is that day a year before. A
// quarter that has not begun at the DCT is a forecast, not the period whose
// results are compared. a and g are the anchor and granularity so far.
func (c *resolver) yearAgoPeriod(s *spec, a point, g unit) (point, unit) {
	last := c.mentions[len(c.mentions)-1]
	if h, ok := c.latest(yearAgoLookback, func(h point) bool { return isPeriod(h) && !h.first.After(c.dct) }); ok {
		last = h
	}
	if isPeriod(last) && last.first.After(c.dct) {
		last = point{}
		if g == uQuarter && a.first.After(c.dct) {
			// the year-ago quarter with only a forecast quarter before
			// it: the quarter just reported
			a = point{first: c.dct.AddDate(0, 0, justReported), gran: uDay}
		}
	}
	narr := s.anchor.narrative()
	if (isPeriod(last) || last.gran == uDay && narr || last.gran == uMonth && narr) && s.off.unit >= last.gran {
		return last, last.gran
	}
	return a, g
}

// isPeriod reports whether p is a quarter or a half: a reporting period.
func isPeriod(p point) bool { return p.gran == uQuarter || p.gran == uHalf }
