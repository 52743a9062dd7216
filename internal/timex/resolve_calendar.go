package timex

import "time"

// Calendar names without a year: which occurrence of Friday, of April 11,
// of March, of summer, of Christmas, of the third quarter the direction and
// the tense of the clause call for.

// How much farther an occurrence against the past tense of its clause
// counts. A day named in a past-tense sentence is often the day something
// was set for ("declared a dividend payable Dec. 1 to holders of record Nov.
// 10"); a month or a season rarely is: "changed to a calendar year in
// December", said in late October, is last December.
const (
	dayAgainstPast   = 3
	monthAgainstPast = 10
)

// againstFuture is how much farther a past occurrence counts in a
// future-tense clause: "expects third-quarter profit to fall", said in
// October, is about the quarter just ended.
const againstFuture = 3

// nearBias is how much farther a coming weekday counts than a past one when
// no tense decides: news mostly tells of days gone by, so "the truce
// expires Wednesday" said on a Tuesday is tomorrow, but "Friday" with no
// verb the tagger knows is last Friday. (Measured: T17 timelines and the
// TempEval-3 values are no worse than with the past alone, 1 or 2 lose
// 0.0015 of T17 Date-F1.)
const nearBias = 3

// calendarRef is what a calendar name is placed around: its reference day
// a, whether that is a day of the story (inStory), and the directions of
// the clause for yearly names (d) and for weekdays and days of the month
// (wd).
type calendarRef struct {
	a       time.Time
	inStory bool
	d, wd   dir
}

// resolveCalendar picks the occurrence of a calendar name (a weekday, a
// month, a season, a holiday...) that the direction and the tense call for.
func (c *resolver) resolveCalendar(s *spec) (point, bool) {
	r := c.calendarRef(s)
	f := &s.cal
	switch {
	case f.wday != 0 && f.month == 0 && f.hol == nil:
		p := point{first: weekdayFrom(r.a, f.wday, r.wd), gran: uDay}
		if f.weekend {
			p.gran = uWeekend
		}
		return p, true
	case f.day != 0 && f.month == 0 && f.hol == nil:
		return c.bareDayOfMonth(f.day, r)
	case f.hol != nil:
		return c.yearly(r, dayAgainstPast, uDay, func(y int) (time.Time, time.Time, bool) {
			t, ok := f.hol.date(y)
			return t, t, ok
		})
	case f.month != 0 && f.day != 0:
		return c.yearly(r, dayAgainstPast, uDay, func(y int) (time.Time, time.Time, bool) {
			if !validDay(y, f.month, f.day) {
				// February 29 exists in some years only
				return time.Time{}, time.Time{}, f.month == 2 && f.day == 29
			}
			t := day(y, f.month, f.day)
			return t, t, true
		})
	case f.month != 0:
		return c.yearly(r, monthAgainstPast, uMonth, func(y int) (time.Time, time.Time, bool) {
			t := day(y, f.month, 1)
			return t, t.AddDate(0, 1, -1), true
		})
	case f.season != 0:
		p, ok := c.yearly(r, monthAgainstPast, uSeason, func(y int) (time.Time, time.Time, bool) {
			t := seasonStart(y, f.season)
			return t, t.AddDate(0, 3, -1), true
		})
		p.season = f.season
		return p, ok
	case f.quarter != 0 || f.half != 0:
		return c.periodOfYear(f, r)
	case f.twoDigits != 0 || s.gran == uDecade:
		return twoDigitYearFrom(r.a, f.twoDigits, s.gran), true
	}
	return point{}, false
}

// calendarRef places a calendar name: around the DCT, or the story's day
// (the next Friday) or year (that November) for a narrative anchor, in the
// directions the spec and the tense of the clause give.
func (c *resolver) calendarRef(s *spec) calendarRef {
	var ref point
	var r calendarRef
	switch {
	case s.anchor == anchorStoryYear && s.cal.day == 0 && (s.cal.month != 0 || s.cal.season != 0):
		// that November, that spring: the year the story is in
		ref, r.inStory = c.anchorFor(true, uYear)
	case s.anchor.narrative():
		ref, r.inStory = c.anchorFor(true, uDay)
	default:
		ref = c.dctDay()
	}
	r.a = ref.first
	r.d = s.dir
	if r.d == dirTense && c.tense == tenseFuture && s.cal.quarter == 0 && s.cal.half == 0 && !s.attributive {
		// "will meet in February", said in April: next February. (A
		// quarter is often talked about in the future tense after its end,
		// while its results are awaited.)
		r.d = dirFuture
	}
	r.wd = r.d
	if r.d == dirTense {
		r.wd = c.weekdayDirection(s.possessive)
	}
	return r
}

// weekdayDirection is the occurrence of a weekday (or a bare day of the
// month) the tense of the clause selects; poss is a possessive day
// ("Thursday's closing price"), which names a day already known.
func (c *resolver) weekdayDirection(poss bool) dir {
	switch c.tense {
	case tenseFuture, tenseWould:
		return dirFuture
	case tensePresent:
		return dirNearest // "the deadline is Wednesday", "he says Monday"
	case tenseNone:
		// no verb the tagger knows ("the truce expires Wednesday", "they
		// meet Monday"): the nearest, weighing the past (see nearBias)
		if poss {
			return dirPast
		}
		return dirNearestPast
	}
	return dirPast
}

// weekdayFrom returns the day of weekday wd (1 Monday - 7 Sunday) that the
// direction d selects around a.
func weekdayFrom(a time.Time, wd int, d dir) time.Time {
	aw := (int(a.Weekday())+6)%7 + 1 // Monday = 1
	back := -((aw - wd + 7) % 7)     // the latest on or before a
	ahead := (wd - aw + 7) % 7       // the first on or after a
	delta := 0
	switch d {
	case dirPast, dirTense:
		delta = back
	case dirNearest, dirNearestPast:
		delta = back
		const dayLen = 24 * time.Hour
		if absDur(time.Duration(ahead)*dayLen, d) < time.Duration(-back)*dayLen {
			delta = ahead
		}
	case dirFuture:
		delta = ahead
	case dirLast:
		delta = back
		if delta == 0 {
			delta = -7
		}
	case dirNext:
		delta = ahead
		if delta == 0 {
			delta = 7
		}
	case dirThis:
		delta = wd - aw
	}
	return a.AddDate(0, 0, delta)
}

// bareDayOfMonth: "on the 15th" is that day of the month the story is in;
// with no story yet, the occurrence the tense selects around the DCT, as
// for a weekday.
func (c *resolver) bareDayOfMonth(d int, r calendarRef) (point, bool) {
	y, m := r.a.Year(), int(r.a.Month())
	if r.inStory {
		return point{first: day(y, m, d), gran: uDay}, validDay(y, m, d)
	}
	best, bestDist := time.Time{}, time.Duration(-1)
	for dm := -2; dm <= 2; dm++ { // two months either way: a 31st
		first := day(y, m+dm, 1) // normalizes across the year
		if !validDay(first.Year(), int(first.Month()), d) {
			continue
		}
		cand := day(first.Year(), int(first.Month()), d)
		dist := cand.Sub(r.a)
		if r.wd == dirPast && dist > 0 || r.wd == dirFuture && dist < 0 {
			continue
		}
		if w := absDur(dist, r.wd); bestDist < 0 || w < bestDist {
			best, bestDist = cand, w
		}
	}
	return point{first: best, gran: uDay}, !best.IsZero()
}

// periodOfYear: the quarter or the half a year the direction and the
// tense select.
func (c *resolver) periodOfYear(f *calendar, r calendarRef) (point, bool) {
	n, g, months := f.quarter, uQuarter, 3
	if n == 0 {
		n, g, months = f.half, uHalf, 6
	}
	return c.yearly(r, dayAgainstPast, g, func(y int) (time.Time, time.Time, bool) {
		t := day(y, months*(n-1)+1, 1)
		return t, t.AddDate(0, months, -1), true
	})
}

// twoDigitYearFrom: '98, '90s: the century that puts it at most ten years
// ahead of a.
func twoDigitYearFrom(a time.Time, yy int, g unit) point {
	if g == uDecade {
		yy = yy / 10 * 10
	}
	y := a.Year()/100*100 + yy
	if y > a.Year()+10 {
		y -= 100
	}
	return point{first: day(y, 1, 1), gran: g}
}

// occurrence returns the first and last day of the occurrence of a yearly
// stretch (a month, a holiday, a quarter) in year y, or false when there is
// none that year; first may be zero when the stretch is unknown that year
// but exists in others (February 29).
type occurrence func(y int) (first, last time.Time, ok bool)

// yearly picks the occurrence of a yearly stretch that the direction r.d
// selects relative to r.a, as a point of granularity g; againstPast weighs
// the distance of a future occurrence in a past-tense clause.
func (c *resolver) yearly(r calendarRef, againstPast time.Duration, g unit, occ occurrence) (point, bool) {
	t, ok := c.pickYear(r.a, r.d, againstPast, occ)
	return point{first: t, gran: g}, ok
}

// pickYear chooses among the occurrences of a yearly recurring stretch the
// one the direction d selects relative to a.
func (c *resolver) pickYear(a time.Time, d dir, againstPast time.Duration, occ occurrence) (time.Time, bool) {
	switch d {
	case dirThis:
		f, _, ok := occ(a.Year())
		return f, ok
	case dirPast, dirLast:
		return latestOccurrence(a, d == dirLast, occ)
	case dirFuture, dirNext:
		return firstOccurrence(a, d == dirNext, occ)
	case dirTense:
		return c.nearestOccurrence(a, againstPast, occ)
	}
	return time.Time{}, false
}

// latestOccurrence is the latest occurrence that started on or before a
// (strictly: ended before a, for "last").
func latestOccurrence(a time.Time, strictly bool, occ occurrence) (time.Time, bool) {
	y := a.Year()
	for yy := y + 1; yy >= y-2; yy-- {
		f, l, ok := occ(yy)
		if ok && !f.IsZero() && (!strictly && !f.After(a) || strictly && l.Before(a)) {
			return f, true
		}
	}
	return time.Time{}, false
}

// firstOccurrence is the first occurrence that ends on or after a
// (strictly: starts after a, for "next").
func firstOccurrence(a time.Time, strictly bool, occ occurrence) (time.Time, bool) {
	y := a.Year()
	for yy := y - 1; yy <= y+2; yy++ {
		f, l, ok := occ(yy)
		if ok && !f.IsZero() && (!strictly && !l.Before(a) || strictly && f.After(a)) {
			return f, true
		}
	}
	return time.Time{}, false
}

// nearestOccurrence is the nearest occurrence, one against the tense of the
// clause counting againstPast (a future one in a past clause) or
// againstFuture (a past one in a future clause) times as far: "the judge
// set a hearing for Jan. 14" a week before it is the coming Jan. 14, "in
// October" in a past-tense May sentence is last October.
func (c *resolver) nearestOccurrence(a time.Time, againstPast time.Duration, occ occurrence) (time.Time, bool) {
	y := a.Year()
	best, bestDist, found := time.Time{}, time.Duration(0), false
	for yy := y - 1; yy <= y+1; yy++ {
		f, l, ok := occ(yy)
		if !ok || f.IsZero() {
			continue
		}
		var dist time.Duration
		switch {
		case a.Before(f):
			dist = f.Sub(a)
			if c.tense == tensePast {
				dist *= againstPast
			}
		case a.After(l):
			dist = a.Sub(l)
			if c.tense == tenseFuture || c.tense == tenseWould {
				dist *= againstFuture
			}
		}
		if !found || dist < bestDist {
			best, bestDist, found = f, dist, true
		}
	}
	return best, found
}

// absDur is how far an occurrence d away counts for the direction wd of a
// weekday or a bare day of the month: its distance, times nearBias when
// ahead for dirNearestPast.
func absDur(d time.Duration, wd dir) time.Duration {
	switch {
	case d < 0:
		return -d
	case wd == dirNearestPast:
		return d * nearBias
	}
	return d
}
