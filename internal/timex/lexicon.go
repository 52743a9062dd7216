package timex

// The lexicon maps every lower-case word the matchers care about to what it
// can mean: a month, a weekday, a number, an ordinal, a unit of time, a season,
// a part of the day, a keyword of the grammar, a tense cue. buildLexicon makes
// it from the tables of words.go once, at package initialization.

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
	wMost
	numWords // not a word: the number of keywords, for tables indexed by them
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

// lexeme is what a lower-case word can mean: one field per facet of the
// tables in words.go.
type lexeme struct {
	word    string // the lower-case form
	keyword word   // keyword identity, if any
	abbrev  bool   // an abbreviation of a month, weekday or unit (Sept, Tue, yrs): a period may follow
	month   int8   // 1-12
	wday    int8   // 1 (Monday) - 7 (Sunday)
	season  int8   // 1 spring, 2 summer, 3 fall, 4 winter
	pod     int8   // part of day: see partsOfDay
	ord     int16  // ordinal value: first = 1
	num     int32  // cardinal value, 0 when none
	tens    bool   // twenty, thirty... (can take a unit after a hyphen)
	decade  int8   // the twenties... the nineties: 20... 90
	unit    unit   // a unit of time (day, weeks...)
	plural  bool   // the unit, weekday or part of day is plural (days, Mondays, nights)
	freq    unit   // daily, weekly...: a set with this period
	holiday int8   // the first word of a holiday's name: the most words a name has
	ref     string // a reference to the present or the past: its value
	start   bool   // the word can begin a time expression (see markStarters)
	// the productions that can start on the word, and after "the" (see
	// indexRules)
	rules, rulesAfterThe []*production

	// what the tense logic reads
	cue        tense     // a tense cue
	cueWord    cueWord   // a word the tense logic names
	toFuture   bool      // a future cue when "to" and a verb follow (set to resume)
	setFor     bool      // scheduled when "for" follows (set for April)
	lasting    bool      // a past-tense verb of duration (see pastUntil)
	modal      modalKind // a modal verb
	aux        auxKind   // an auxiliary
	verbGroup  bool      // may stand between an auxiliary and its verb (not, also, been)
	determiner bool      // an article or a possessive determiner
	degree     bool      // an adverb of degree (a still unspecified date)

	// what the grammar reads besides
	amount   bool // makes a quantity of what follows (a rate: $2 billion a year)
	percent  bool // percent, pct: the number before is no year
	sameness bool // same, corresponding...: the year-ago counterpart of a period
}

// partOfDayTime is the time of a TIMEX3 value of a part of the day: "TMO".
func partOfDayTime(pod int8) string { return partsOfDay[pod].tod }

var lexicon = map[string]*lexeme{}

// words is the lexicon as the tokenizer reads it: an open-addressing table
// keyed by the FNV-1a hash of the lower-case word, which wordInfo computes
// as it lower-cases the word, so that a lookup hashes nothing again.
var words wordTable

// FNV-1a, 32 bits.
const (
	fnvBasis = 2166136261
	fnvPrime = 16777619
)

// wordTable is a hash table of lexemes by their word.
type wordTable struct {
	slots []*lexeme
	mask  uint32
}

// build fills the table with the lexicon, at most half full.
func (wt *wordTable) build(lexicon map[string]*lexeme) {
	n := 1
	for n < 2*len(lexicon) {
		n *= 2
	}
	wt.slots, wt.mask = make([]*lexeme, n), uint32(n-1)
	for w, l := range lexicon {
		h := uint32(fnvBasis)
		for k := 0; k < len(w); k++ {
			h = (h ^ uint32(w[k])) * fnvPrime
		}
		k := h & wt.mask
		for wt.slots[k] != nil {
			k = (k + 1) & wt.mask
		}
		wt.slots[k] = l
	}
}

// find returns the lexeme of the lower-case word w whose hash is h, nil
// for none.
func (wt *wordTable) find(h uint32, w []byte) *lexeme {
	for k := h & wt.mask; ; k = (k + 1) & wt.mask {
		l := wt.slots[k]
		if l == nil || l.word == string(w) {
			return l
		}
	}
}

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
	buildLexicon()
	indexRules()
	markStarters()
	words.build(lexicon)
}

// buildLexicon fills the lexicon from the tables of words.go.
func buildLexicon() {
	buildCalendarWords()
	buildNumberWords()
	for id, ws := range keywords {
		for _, w := range ws {
			lex(w).keyword = id
		}
	}
	buildTenseWords()
	for _, w := range amountWords {
		lex(w).amount = true
	}
	for _, w := range percentWords {
		lex(w).percent = true
	}
	for w, v := range referenceWords {
		lex(w).ref = v
	}
	for _, w := range samenessWords {
		lex(w).sameness = true
	}
	buildHolidays()
}

// buildCalendarWords enters the months, weekdays, units, seasons, parts of
// the day and frequencies.
func buildCalendarWords() {
	for m, sp := range monthNames {
		if sp.name == "" {
			continue
		}
		lex(sp.name).month = int8(m)
		for _, a := range sp.abbrevs {
			l := lex(a)
			l.month, l.abbrev = int8(m), true
		}
	}
	for d, sp := range weekdayNames {
		if sp.name == "" {
			continue
		}
		lex(sp.name).wday = int8(d)
		l := lex(sp.name + "s")
		l.wday, l.plural = int8(d), true
		for _, a := range sp.abbrevs {
			l := lex(a)
			l.wday, l.abbrev = int8(d), true
		}
	}
	for u, forms := range unitNames {
		for _, f := range forms {
			l := lex(f.word)
			l.unit, l.plural, l.abbrev = u, f.plural, f.abbrev
		}
	}
	for s, ws := range seasonNames {
		for _, w := range ws {
			lex(w).season = int8(s)
		}
	}
	for pod, p := range partsOfDay {
		for k, w := range p.words {
			l := lex(w)
			l.pod, l.plural = int8(pod), k > 0
		}
	}
	for f, ws := range frequencyNames {
		for _, w := range ws {
			lex(w).freq = f
		}
	}
}

// buildNumberWords enters the cardinal, tens, decade and ordinal words.
func buildNumberWords() {
	for v, w := range cardinalNames {
		if w != "" {
			lex(w).num = int32(v)
		}
	}
	for v, ws := range tensNames {
		for _, w := range ws {
			l := lex(w)
			l.num, l.tens = v, true
		}
	}
	for v, w := range decadeNames {
		lex(w).decade = v
	}
	for v, w := range ordinalNames {
		lex(w).ord = v
	}
}

// buildTenseWords enters what the tense logic reads.
func buildTenseWords() {
	for t, ws := range tenseCues {
		for _, w := range ws {
			lex(w).cue = t
		}
	}
	for c, ws := range cueWords {
		for _, w := range ws {
			lex(w).cueWord = c
		}
	}
	for _, w := range toFutureWords {
		lex(w).toFuture = true
	}
	for _, w := range scheduledFor {
		lex(w).setFor = true
	}
	for _, w := range lastingVerbs {
		lex(w).lasting = true
	}
	for k, ws := range modals {
		for _, w := range ws {
			lex(w).modal = k
		}
	}
	for k, ws := range auxiliaries {
		for _, w := range ws {
			lex(w).aux = k
		}
	}
	for _, w := range verbGroupWords {
		lex(w).verbGroup = true
	}
	for _, w := range determiners {
		lex(w).determiner = true
	}
	for _, w := range degreeAdverbs {
		lex(w).degree = true
	}
}

// markStarters flags the words that can begin a time expression, so that
// Tag skips every other token (prepositions, verbs...) at the cost of one
// field test: the head words of productions (indexRules runs first; "the" is
// one, which covers the productions that start after it), the
// modifiers that stand before them (starterWords) and the calendar words.
func markStarters() {
	starters := map[word]bool{}
	for _, w := range starterWords {
		starters[w] = true
	}
	for _, l := range lexicon {
		l.start = len(l.rules) > 0 || starters[l.keyword] || l.month != 0 || l.wday != 0 || l.season != 0 || l.ord != 0 || l.num != 0 ||
			l.tens || l.unit != uNone || l.freq != uNone || l.holiday > 0 || l.ref != ""
	}
}
