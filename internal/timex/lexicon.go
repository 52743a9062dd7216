package timex

// The lexicon maps every lower-case word the matchers care about to what it
// can mean: a month, a weekday, a number, an ordinal, a unit of time, a season,
// a part of the day, a keyword of the grammar, a tense cue. It is built once at
// package initialization.

// word identifies the keywords the grammar tests for.
type word uint8

const (
	wNone word = iota
	wThe
	wA
	wAn
	wOf
	wIn
	wOn
	wAt
	wBy
	wFor
	wAnd
	wOr
	wTo
	wFrom
	wSince
	wUntil
	wThrough
	wDuring
	wWithin
	wOver
	wBetween
	wAgo
	wEarlier
	wLater
	wBefore
	wAfter
	wHence
	wNow
	wLast
	wNext
	wThis
	wPast
	wPrevious
	wComing
	wFollowing
	wCurrent
	wUpcoming
	wThat
	wSame
	wThese
	wRecent
	wEarly
	wLate
	wMid
	wMiddle
	wBeginning
	wStart
	wEnd
	wClose
	wTurn
	wAbout
	wAround
	wNearly
	wAlmost
	wApproximately
	wSome
	wMore
	wLess
	wThan
	wLeast
	wUp
	wNo
	wEvery
	wEach
	wPer
	wTimes
	wTwice
	wOnce
	wThrice
	wOther
	wAlternate
	wFiscal
	wFY
	wToday
	wYesterday
	wTomorrow
	wTonight
	wAM
	wPM
	wNoon
	wMidnight
	wMidday
	wOClock
	wFew
	wSeveral
	wCouple
	wDozen
	wMany
	wHalf
	wTZ
	wPossessive // 's
	wYear       // "year", also in "year-end", "year-earlier"
	wPeriod
	wTerm
	wFuture
	wPresent
	wDays
	wAhead
	wBeyond
	wLong
	wOld
	wTrading
	wBusiness
	wCalendar
	wDay
	wLatest
	wAdditional
	wQuarter
	wFirst
	wFinal
	wSo
	wHundred
	wThousand
	wWo
	wNt
	wGoing
	wSpring
	wFall
	wMay
	wMarch
	wSoon
	wNear
	wShort
	wQ
	wH
	wEnded
	wEnding
	wFull
	wAs
	wIts
)

// unit is a unit of calendar time.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uPartOfDay // morning, evening... as a stretch of a day
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uSeason
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// tense is the tense of a clause, as far as the cues around an expression tell.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
	tenseWould // future in the past: "said he would step down on Feb. 28"
)

// lexeme is what a lower-case word can mean.
type lexeme struct {
	word    string // the lower-case form
	lasting bool   // a past-tense verb of duration (see pastUntil)
	id      word   // keyword identity, if any
	abbr    bool   // an abbreviation that a period may follow without ending a sentence
	month   int8   // 1-12
	wday    int8   // 1 (Monday) - 7 (Sunday)
	season  int8   // 1 spring, 2 summer, 3 fall, 4 winter
	pod     int8   // part of day: see pods
	ord     int16  // ordinal value: first = 1; "last" = -1 only via id
	num     int32  // cardinal value, 0 when none
	tens    bool   // twenty, thirty... (can take a unit after a hyphen)
	decade  int8   // the twenties... the nineties: 20... 90
	unit    unit   // a unit of time (day, weeks...)
	plural  bool   // the unit is plural (days)
	freq    unit   // daily, weekly...: a set with this period
	cue     tense  // a tense cue
	start   bool   // the word can begin a time expression (see markStarters)
	// toFuture: a future cue when "to" and a verb follow (set to resume)
	toFuture bool
}

// Part-of-day codes and their TIMEX3 suffixes.
const (
	podNone int8 = iota
	podMorning
	podAfternoon
	podEvening
	podNight
	podDaytime
)

var podCodes = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

var lexicon = map[string]*lexeme{}

// lex returns the entry of w, creating it.
func lex(w string) *lexeme {
	if l, ok := lexicon[w]; ok {
		return l
	}
	l := &lexeme{word: w}
	lexicon[w] = l
	return l
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, m := range months {
		lex(m).month = int8(i + 1)
	}
	for w, m := range map[string]int8{"jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		l := lex(w)
		l.month, l.abbr = m, true
	}
	lex("may").id = wMay
	lex("march").id = wMarch
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, d := range days {
		lex(d).wday = int8(i + 1)
	}
	for i, d := range days {
		l := lex(d + "s")
		l.wday, l.plural = int8(i+1), true
	}
	for w, d := range map[string]int8{"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7} {
		l := lex(w)
		l.wday, l.abbr = d, true
	}

	units := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range units {
		lex(w).num = int32(i + 1)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		l := lex(w)
		l.num, l.tens = int32(20+10*i), true
	}
	lex("fourty").num, lex("fourty").tens = 40, true
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		lex(w).decade = int8(20 + 10*i)
	}
	lex("hundred").id = wHundred
	lex("thousand").id = wThousand
	lex("dozen").id = wDozen
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords {
		lex(w).ord = int16(i + 1)
	}
	for i, w := range []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"} {
		lex(w).ord = int16(20 + 10*i)
	}
	lex("hundredth").ord = 100
	lex("first").id = wFirst

	type unitWord struct {
		w      string
		u      unit
		plural bool
	}
	for _, uw := range []unitWord{
		{"second", uSecond, false}, {"seconds", uSecond, true}, {"sec", uSecond, false}, {"secs", uSecond, true},
		{"minute", uMinute, false}, {"minutes", uMinute, true}, {"min", uMinute, false}, {"mins", uMinute, true},
		{"hour", uHour, false}, {"hours", uHour, true}, {"hr", uHour, false}, {"hrs", uHour, true},
		{"day", uDay, false}, {"days", uDay, true},
		{"weekend", uWeekend, false}, {"weekends", uWeekend, true},
		{"week", uWeek, false}, {"weeks", uWeek, true}, {"wk", uWeek, false}, {"wks", uWeek, true},
		{"fortnight", uFortnight, false}, {"fortnights", uFortnight, true},
		{"month", uMonth, false}, {"months", uMonth, true}, {"mo", uMonth, false}, {"mos", uMonth, true},
		{"quarter", uQuarter, false}, {"quarters", uQuarter, true},
		{"year", uYear, false}, {"years", uYear, true}, {"yr", uYear, false}, {"yrs", uYear, true},
		{"decade", uDecade, false}, {"decades", uDecade, true},
		{"century", uCentury, false}, {"centuries", uCentury, true},
		{"millennium", uMillennium, false}, {"millennia", uMillennium, true}, {"millenniums", uMillennium, true},
	} {
		l := lex(uw.w)
		l.unit, l.plural = uw.u, uw.plural
	}
	for _, w := range []string{"sec", "secs", "min", "mins", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs"} {
		lex(w).abbr = true
	}
	lex("quarter").id = wQuarter
	lex("quarters").id = wQuarter
	lex("year").id = wYear
	lex("day").id = wDay
	lex("days").id = wDays

	for w, s := range map[string]int8{"spring": 1, "springtime": 1, "summer": 2, "summertime": 2, "fall": 3, "autumn": 3, "winter": 4, "wintertime": 4} {
		lex(w).season = s
	}
	for _, w := range lasting {
		lex(w).lasting = true
	}
	lex("spring").id = wSpring
	lex("fall").id = wFall
	for w, p := range map[string]int8{"morning": podMorning, "mornings": podMorning, "afternoon": podAfternoon, "afternoons": podAfternoon,
		"evening": podEvening, "evenings": podEvening, "night": podNight, "nights": podNight, "daytime": podDaytime} {
		lex(w).pod = p
	}
	for _, w := range []string{"mornings", "afternoons", "evenings", "nights"} {
		lex(w).plural = true
	}

	for w, f := range map[string]unit{"hourly": uHour, "daily": uDay, "nightly": uDay, "weekly": uWeek, "biweekly": uFortnight,
		"monthly": uMonth, "yearly": uYear} {
		if f != uNone {
			lex(w).freq = f
		}
	}

	ids := map[string]word{
		"the": wThe, "a": wA, "an": wAn, "of": wOf, "in": wIn, "on": wOn, "at": wAt, "by": wBy, "for": wFor,
		"and": wAnd, "or": wOr, "to": wTo, "from": wFrom, "since": wSince, "until": wUntil, "till": wUntil,
		"through": wThrough, "throughout": wThrough, "during": wDuring, "within": wWithin, "over": wOver, "between": wBetween,
		"ago": wAgo, "earlier": wEarlier, "later": wLater, "before": wBefore, "after": wAfter, "hence": wHence,
		"now": wNow, "last": wLast, "next": wNext, "this": wThis, "past": wPast, "previous": wPrevious, "prior": wPrevious,
		"coming": wComing, "following": wFollowing, "current": wCurrent, "upcoming": wUpcoming, "that": wThat,
		"same": wSame, "these": wThese, "recent": wRecent, "early": wEarly, "late": wLate, "mid": wMid,
		"middle": wMiddle, "beginning": wBeginning, "start": wStart, "end": wEnd, "close": wClose, "turn": wTurn,
		"about": wAbout, "around": wAround, "nearly": wNearly, "almost": wAlmost, "approximately": wApproximately,
		"roughly": wApproximately, "some": wSome, "more": wMore, "less": wLess, "fewer": wLess, "than": wThan, "least": wLeast,
		"up": wUp, "no": wNo, "every": wEvery, "each": wEach, "per": wPer,
		"times": wTimes, "twice": wTwice, "once": wOnce, "thrice": wThrice, "other": wOther, "alternate": wAlternate,
		"fiscal": wFiscal, "fy": wFY, "today": wToday, "yesterday": wYesterday, "tomorrow": wTomorrow,
		"tonight": wTonight, "a.m.": wAM, "a.m": wAM, "am": wAM, "p.m.": wPM, "p.m": wPM, "pm": wPM,
		"noon": wNoon, "midnight": wMidnight, "midday": wMidday, "o'clock": wOClock, "few": wFew,
		"several": wSeveral, "couple": wCouple, "many": wMany, "half": wHalf, "'s": wPossessive,
		"period": wPeriod, "term": wTerm, "future": wFuture, "present": wPresent,
		"ahead": wAhead, "beyond": wBeyond, "long": wLong, "old": wOld,
		"trading": wTrading, "business": wBusiness, "calendar": wCalendar, "latest": wLatest,
		"additional": wAdditional, "final": wFinal, "so": wSo, "soon": wSoon, "near": wNear, "short": wShort, "q": wQ, "h": wH, "ended": wEnded, "ending": wEnding, "full": wFull, "as": wAs, "its": wIts,
	}
	for w, id := range ids {
		l := lex(w)
		if l.id == wNone {
			l.id = id
		}
	}
	for _, w := range []string{"currently", "presently", "nowadays", "recently", "lately", "their", "his", "her", "our", "my", "your", "down", "corresponding", "comparable", "equivalent",
		"effective", "billion", "trillion", "percent", "pct", "cents", "dollars", "dlrs", "pounds", "euros", "yen",
		"be", "been", "being", "not", "also", "yet", "just", "still", "already", "probably", "never", "'ve", "'s", "'re", "am", "reportedly", "once",
		"newly", "widely", "largely", "much", "very", "well", "most"} {
		lex(w)
	}
	for _, tz := range []string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct"} {
		lex(tz).id = wTZ
	}
	for _, a := range []string{"mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "prof", "no", "vs", "u.s.", "u.n.", "a.m.", "p.m.", "ft", "mt", "ave"} {
		lex(a).abbr = true
	}

	// Tense cues. Words ending in -ed that are not in the lexicon count as
	// past too (see wordInfo).
	for _, w := range []string{"said", "told", "was", "were", "had", "did", "went", "came", "made", "took", "gave",
		"met", "held", "left", "found", "began", "got", "saw", "knew", "thought", "became", "brought", "bought",
		"sold", "paid", "put", "set", "kept", "felt", "led", "fell", "rose", "won", "lost", "spent", "sent", "built",
		"struck", "hit", "shot", "killed", "ran", "wrote", "spoke", "broke", "chose", "drove", "flew", "fought",
		"caught", "taught", "stood", "understood", "wore", "threw", "grew", "drew", "ate", "forgot", "hid", "meant",
		"overtook", "undertook", "withdrew", "arose", "sought", "cut", "quit", "bid", "shut", "spread", "swore", "tore",
		"woke", "bore", "beat", "bled", "fed", "fled", "slid", "sank", "sang", "rang", "swam", "dug", "hung", "lay",
		"stole", "stuck", "swung", "began", "ago", "yesterday", "earlier", "previously", "formerly", "last",
		"risen", "fallen", "been", "gone", "taken", "given", "seen", "done", "become", "begun", "known", "shown",
		"grown", "thrown", "written", "spoken", "broken", "chosen", "driven", "eaten", "forgotten", "hidden",
		"stolen", "sworn", "torn", "worn", "beaten", "shaken", "sunk", "drunk", "sung", "swum", "flown", "drawn",
		"withdrawn", "arisen", "overseen", "undertaken", "overtaken", "mistaken", "forgiven", "ridden", "woken"} {
		l := lex(w)
		if l.cue == tenseNone {
			l.cue = tensePast
		}
	}
	for _, w := range []string{"will", "'ll", "shall", "wo", "going", "gonna", "expected", "scheduled",
		"plans", "plan", "planned", "intends", "would", "'d", "slated", "aims", "hopes", "expects",
		"might", "should", "must", "can", "may", "ca"} {
		lex(w).cue = tenseFuture
	}
	// future when an infinitive follows: set to resume, due to meet
	for _, w := range []string{"set", "due", "expected", "scheduled", "slated", "plans", "plan", "planned", "intends", "intend",
		"hopes", "hope", "aims", "aim", "wants", "want", "going", "poised", "likely", "ready", "prepared", "preparing",
		"plans", "seeks", "seeking", "hoping", "planning", "trying", "is", "are", "expect", "expects", "agreed", "decided", "promised", "vowed", "threatened", "pledged",
		// and the nouns of a deal: an agreement to acquire, its offer to buy
		"agreement", "offer", "proposal", "deal", "pact"} {
		lex(w).toFuture = true
	}
	lex("wo").id = wWo
	lex("going").id = wGoing
	for _, w := range []string{"is", "are", "am", "says", "has", "have", "does", "do", "'re", "'m", "say"} {
		l := lex(w)
		if l.cue == tenseNone {
			l.cue = tensePresent
		}
	}
	lex("n't").id = wNt
	lex("'t").id = wNt
	// words that are the verbs "set" or "due" more often as adjectives: keep
	// them neutral
	lex("last").cue = tenseNone
	lex("next").cue = tenseNone
	lex("coming").cue = tenseNone
	lex("upcoming").cue = tenseNone
	lex("earlier").cue = tenseNone
	lex("ago").cue = tenseNone
	lex("yesterday").cue = tenseNone
	lex("tomorrow").cue = tenseNone
	// months and weekdays get their abbreviations' periods; "a.m." etc.
	for _, w := range []string{"a.m", "p.m"} {
		lex(w).abbr = true
	}
	initHolidays()
	markStarters()
}

// markStarters flags the words that can begin a time expression, so that
// Tag skips every other token (prepositions, verbs...) at the cost of one
// field test.
func markStarters() {
	starters := map[word]bool{
		wThe: true, wA: true, wAn: true, wThis: true, wLast: true, wNext: true, wPast: true, wPrevious: true,
		wComing: true, wFollowing: true, wCurrent: true, wUpcoming: true, wThat: true, wSame: true, wThese: true,
		wRecent: true, wLatest: true, wFinal: true, wFirst: true, wEarly: true, wLate: true, wMid: true,
		wEarlier: true, wLater: true, wAbout: true, wAround: true, wApproximately: true, wNearly: true,
		wAlmost: true, wMore: true, wLess: true, wAt: true, wUp: true, wNo: true, wOver: true, wWithin: true,
		wEvery: true, wEach: true, wPer: true, wTwice: true, wOnce: true, wThrice: true, wFiscal: true, wFY: true,
		wQ: true, wH: true, wNoon: true, wMidnight: true, wMidday: true, wToday: true, wYesterday: true,
		wTomorrow: true, wTonight: true, wNow: true, wSeveral: true, wFew: true, wSome: true, wCouple: true,
		wDozen: true, wHalf: true, wMany: true,
	}
	for w, l := range lexicon {
		_, holidayHead := holidayHeads[w]
		l.start = starters[l.id] || l.month != 0 || l.wday != 0 || l.season != 0 || l.ord != 0 || l.num != 0 ||
			l.tens || l.unit != uNone || l.freq != uNone || holidayHead
	}
	for _, w := range []string{"currently", "presently", "nowadays", "current", "recently", "lately"} {
		lexicon[w].start = true
	}
}
