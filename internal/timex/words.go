package timex

// The word tables of the lexicon, one per facet, keyed by the constants of
// the facet where it has them (as net/http keys statusText by its status
// constants). buildLexicon turns them into one lexeme per word;
// TestLexiconTables checks that no word is listed twice in a table, that no
// word carries two values of one facet, and that every word is one the
// tokenizer can produce.

// spellings is the full name of a month or weekday and its abbreviations.
type spellings struct {
	name    string
	abbrevs []string
}

// monthNames are the months by number.
var monthNames = [13]spellings{
	1:  {"january", []string{"jan"}},
	2:  {"february", []string{"feb", "febr"}},
	3:  {"march", []string{"mar"}},
	4:  {"april", []string{"apr"}},
	5:  {"may", nil},
	6:  {"june", []string{"jun"}},
	7:  {"july", []string{"jul"}},
	8:  {"august", []string{"aug"}},
	9:  {"september", []string{"sep", "sept"}},
	10: {"october", []string{"oct"}},
	11: {"november", []string{"nov"}},
	12: {"december", []string{"dec"}},
}

// weekdayNames are the days of the week, 1 (Monday) to 7 (Sunday); the
// plural of the name ("Mondays") is a set.
var weekdayNames = [8]spellings{
	1: {"monday", []string{"mon"}},
	2: {"tuesday", []string{"tue", "tues"}},
	3: {"wednesday", []string{"wed"}},
	4: {"thursday", []string{"thu", "thur", "thurs"}},
	5: {"friday", []string{"fri"}},
	6: {"saturday", []string{"sat"}},
	7: {"sunday", []string{"sun"}},
}

// cardinalNames are the number words below twenty, by value.
var cardinalNames = [20]string{1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
	8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
	16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen"}

// tensNames are the tens from twenty, by value; they can take a unit after a
// hyphen (twenty-four). "fourty" is a frequent misspelling.
var tensNames = map[int32][]string{20: {"twenty"}, 30: {"thirty"}, 40: {"forty", "fourty"}, 50: {"fifty"},
	60: {"sixty"}, 70: {"seventy"}, 80: {"eighty"}, 90: {"ninety"}}

// decadeNames name the decades of a century: the twenties... the nineties.
var decadeNames = map[int8]string{20: "twenties", 30: "thirties", 40: "forties", 50: "fifties", 60: "sixties",
	70: "seventies", 80: "eighties", 90: "nineties"}

// ordinalNames are the ordinal words, by value.
var ordinalNames = map[int16]string{1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
	7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
	14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
	20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth", 70: "seventieth",
	80: "eightieth", 90: "ninetieth", 100: "hundredth"}

// unitSpelling is one way to write a unit of time.
type unitSpelling struct {
	word   string
	plural bool
	abbrev bool // a period may follow it (yrs.)
}

// unitNames are the units of time.
var unitNames = map[unit][]unitSpelling{
	uSecond:     {{"second", false, false}, {"seconds", true, false}, {"sec", false, true}, {"secs", true, true}},
	uMinute:     {{"minute", false, false}, {"minutes", true, false}, {"min", false, true}, {"mins", true, true}},
	uHour:       {{"hour", false, false}, {"hours", true, false}, {"hr", false, true}, {"hrs", true, true}},
	uDay:        {{"day", false, false}, {"days", true, false}},
	uWeekend:    {{"weekend", false, false}, {"weekends", true, false}},
	uWeek:       {{"week", false, false}, {"weeks", true, false}, {"wk", false, true}, {"wks", true, true}},
	uFortnight:  {{"fortnight", false, false}, {"fortnights", true, false}},
	uMonth:      {{"month", false, false}, {"months", true, false}, {"mo", false, true}, {"mos", true, true}},
	uQuarter:    {{"quarter", false, false}, {"quarters", true, false}},
	uYear:       {{"year", false, false}, {"years", true, false}, {"yr", false, true}, {"yrs", true, true}},
	uDecade:     {{"decade", false, false}, {"decades", true, false}},
	uCentury:    {{"century", false, false}, {"centuries", true, false}},
	uMillennium: {{"millennium", false, false}, {"millennia", true, false}, {"millenniums", true, false}},
}

// seasonNames are the seasons, 1 (spring) to 4 (winter).
var seasonNames = [5][]string{
	1: {"spring", "springtime"},
	2: {"summer", "summertime"},
	3: {"fall", "autumn"},
	4: {"winter", "wintertime"},
}

// Part-of-day codes.
const (
	podNone int8 = iota
	podMorning
	podAfternoon
	podEvening
	podNight
	podDaytime
)

// partsOfDay are the parts of the day by code: their TIMEX3 suffix (the
// time of a value: "TMO") and their words, singular then plural.
var partsOfDay = [...]struct {
	tod   string
	words []string
}{
	podNone:      {"", nil},
	podMorning:   {"TMO", []string{"morning", "mornings"}},
	podAfternoon: {"TAF", []string{"afternoon", "afternoons"}},
	podEvening:   {"TEV", []string{"evening", "evenings"}},
	podNight:     {"TNI", []string{"night", "nights"}},
	podDaytime:   {"TDT", []string{"daytime"}},
}

// frequencyNames are the words of a set with one period: daily, weekly...
var frequencyNames = map[unit][]string{uHour: {"hourly"}, uDay: {"daily", "nightly"}, uWeek: {"weekly"},
	uFortnight: {"biweekly"}, uMonth: {"monthly"}, uYear: {"yearly"}}

// keywords are the words the grammar and the tense logic test for, by
// constant.
var keywords = map[word][]string{
	wThe: {"the"}, wA: {"a"}, wAn: {"an"}, wOf: {"of"}, wIn: {"in"}, wOn: {"on"}, wAt: {"at"}, wBy: {"by"},
	wFor: {"for"}, wAnd: {"and"}, wOr: {"or"}, wTo: {"to"}, wFrom: {"from"}, wSince: {"since"},
	wUntil: {"until", "till"}, wThrough: {"through", "throughout"}, wDuring: {"during"}, wWithin: {"within"},
	wOver: {"over"}, wBetween: {"between"}, wAgo: {"ago"}, wEarlier: {"earlier"}, wLater: {"later"},
	wBefore: {"before"}, wAfter: {"after"}, wHence: {"hence"}, wNow: {"now"}, wLast: {"last"}, wNext: {"next"},
	wThis: {"this"}, wPast: {"past"}, wPrevious: {"previous", "prior"}, wComing: {"coming"},
	wFollowing: {"following"}, wCurrent: {"current"}, wUpcoming: {"upcoming"}, wThat: {"that"}, wSame: {"same"},
	wThese: {"these"}, wRecent: {"recent"}, wEarly: {"early"}, wLate: {"late"}, wMid: {"mid"},
	wMiddle: {"middle"}, wBeginning: {"beginning"}, wStart: {"start"}, wEnd: {"end"}, wClose: {"close"},
	wTurn: {"turn"}, wAbout: {"about"}, wAround: {"around"}, wNearly: {"nearly"}, wAlmost: {"almost"},
	wApproximately: {"approximately", "roughly"}, wSome: {"some"}, wMore: {"more"}, wLess: {"less", "fewer"},
	wThan: {"than"}, wLeast: {"least"}, wMost: {"most"}, wUp: {"up"}, wNo: {"no"}, wEvery: {"every"},
	wEach: {"each"}, wPer: {"per"}, wTimes: {"times"}, wTwice: {"twice"}, wOnce: {"once"}, wThrice: {"thrice"},
	wOther: {"other"}, wAlternate: {"alternate"}, wFiscal: {"fiscal"}, wFY: {"fy"}, wToday: {"today"},
	wYesterday: {"yesterday"}, wTomorrow: {"tomorrow"}, wTonight: {"tonight"},
	wAM: {"a.m.", "a.m", "am"}, wPM: {"p.m.", "p.m", "pm"}, wNoon: {"noon"}, wMidnight: {"midnight"},
	wMidday: {"midday"}, wOClock: {"o'clock"}, wFew: {"few"}, wSeveral: {"several"}, wCouple: {"couple"},
	wDozen: {"dozen"}, wMany: {"many"}, wHalf: {"half"}, wPossessive: {"'s"}, wYear: {"year"},
	wPeriod: {"period"}, wTerm: {"term"}, wFuture: {"future"}, wPresent: {"present"}, wDays: {"days"},
	wAhead: {"ahead"}, wBeyond: {"beyond"}, wLong: {"long"}, wOld: {"old"}, wTrading: {"trading"},
	wBusiness: {"business"}, wCalendar: {"calendar"}, wDay: {"day"}, wLatest: {"latest"},
	wAdditional: {"additional"}, wQuarter: {"quarter", "quarters"}, wFirst: {"first"}, wFinal: {"final"},
	wSo: {"so"}, wHundred: {"hundred"}, wThousand: {"thousand"}, wWo: {"wo"}, wNt: {"'t"}, wGoing: {"going"},
	wSpring: {"spring"}, wFall: {"fall"}, wMay: {"may"}, wMarch: {"march"}, wSoon: {"soon"}, wNear: {"near"},
	wShort: {"short"}, wQ: {"q"}, wH: {"h"}, wEnded: {"ended"}, wEnding: {"ending"}, wFull: {"full"},
	wAs: {"as"}, wIts: {"its"},
	wTZ: {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct"},
}

// tenseCues are the words that give the tense of their clause (see
// tenseAt). A lower-case word of four letters or more ending in -ed that is
// not in notPast is a past cue too.
var tenseCues = map[tense][]string{
	tensePast: {"said", "told", "was", "were", "had", "did", "went", "came", "made", "took", "gave", "met", "held",
		"left", "found", "began", "got", "saw", "knew", "thought", "became", "brought", "bought", "sold", "paid",
		"put", "set", "kept", "felt", "led", "fell", "rose", "won", "lost", "spent", "sent", "built", "struck",
		"hit", "shot", "killed", "ran", "wrote", "spoke", "broke", "chose", "drove", "flew", "fought", "caught",
		"taught", "stood", "understood", "wore", "threw", "grew", "drew", "ate", "forgot", "hid", "meant",
		"overtook", "undertook", "withdrew", "arose", "sought", "cut", "quit", "bid", "shut", "spread", "swore",
		"tore", "woke", "bore", "beat", "bled", "fed", "fled", "slid", "sank", "sang", "rang", "swam", "dug",
		"hung", "lay", "stole", "stuck", "swung", "previously", "formerly", "risen", "fallen", "been", "gone",
		"taken", "given", "seen", "done", "become", "begun", "known", "shown", "grown", "thrown", "written",
		"spoken", "broken", "chosen", "driven", "eaten", "forgotten", "hidden", "stolen", "sworn", "torn", "worn",
		"beaten", "shaken", "sunk", "drunk", "sung", "swum", "flown", "drawn", "withdrawn", "arisen", "overseen",
		"undertaken", "overtaken", "mistaken", "forgiven", "ridden", "woken"},
	tensePresent: {"is", "are", "am", "says", "has", "have", "does", "do", "'re", "'m", "say"},
	tenseFuture: {"will", "'ll", "shall", "wo", "going", "gonna", "expected", "scheduled", "plans", "plan",
		"planned", "intends", "would", "'d", "slated", "aims", "hopes", "expects", "might", "should", "must",
		"can", "may", "ca"},
}

// toFutureWords look ahead when "to" and a verb follow: set to resume, due
// to meet, an agreement to acquire.
var toFutureWords = []string{"set", "due", "expected", "scheduled", "slated", "plans", "plan", "planned",
	"intends", "intend", "hopes", "hope", "aims", "aim", "wants", "want", "going", "poised", "likely", "ready",
	"prepared", "preparing", "seeks", "seeking", "hoping", "planning", "trying", "is", "are", "expect",
	"expects", "agreed", "decided", "promised", "vowed", "threatened", "pledged",
	// the nouns of a deal
	"agreement", "offer", "proposal", "deal", "pact"}

// scheduledFor words are scheduled when "for" follows: a summit set for
// April, a vote due for Friday.
var scheduledFor = []string{"set", "due"}

// lastingVerbs are past-tense verbs of duration: "lasted until Friday"
// ends then, it sets no deadline (see pastUntil).
var lastingVerbs = []string{"lasted", "continued", "stayed", "remained", "waited", "lingered", "persisted"}

// cueWord identifies the words the tense logic names.
type cueWord uint8

const (
	cwNone      cueWord = iota
	cwBe                // be: "to be published"
	cwHave              // has, have: a present perfect, or a verb of its own ("has until Thursday")
	cwWon               // won: "won't"
	cwEffective         // effective: "effective Feb. 1" looks ahead
)

// cueWords are the words of cueWord.
var cueWords = map[cueWord][]string{cwBe: {"be"}, cwHave: {"has", "have"}, cwWon: {"won"},
	cwEffective: {"effective"}}

// modalKind says what kind of modal a word is.
type modalKind uint8

const (
	notModal    modalKind = iota
	modalFuture           // will, can, may...: the future
	modalWould            // would, 'd: the future of a past
)

// modals are the modal verbs and the future auxiliary ("may" only in lower
// case: May is the month).
var modals = map[modalKind][]string{
	modalFuture: {"will", "'ll", "shall", "may", "might", "can", "should", "must", "wo", "ca"},
	modalWould:  {"would", "'d"},
}

// auxKind says what kind of auxiliary a word is.
type auxKind uint8

const (
	notAux     auxKind = iota
	auxPerfect         // has, have: has risen
	auxHad             // had: a past perfect
	auxWas             // was, were
	auxPresent         // is, are, am
)

// auxiliaries refine the tense of the verb after them (see verbGroup).
var auxiliaries = map[auxKind][]string{
	auxPerfect: {"has", "have", "'ve"},
	auxHad:     {"had"},
	auxWas:     {"was", "were"},
	auxPresent: {"is", "are", "'s", "'re", "am"},
}

// verbGroupWords may stand between an auxiliary and its verb: "has not yet
// been", "will also be".
var verbGroupWords = []string{"be", "been", "being", "not", "also", "still", "already", "just", "probably",
	"never", "now"}

// determiners are the articles and possessive determiners, after which a
// word that could be a verb (plan, set, bid) is a noun.
var determiners = []string{"the", "a", "an", "its", "their", "his", "her", "our", "my", "your"}

// degreeAdverbs stand between a determiner and an -ed adjective: "a still
// unspecified date", "the newly elected board".
var degreeAdverbs = []string{"still", "yet", "newly", "recently", "previously", "already", "long", "much", "so",
	"very", "more", "most", "less", "well", "widely", "largely", "once", "just"}

// amountWords make what follows them a rate: "$2 billion a year".
var amountWords = []string{"billion", "trillion", "thousand", "hundred", "percent", "cents", "dollars", "dlrs",
	"pounds", "euros", "yen"}

// percentWords make a four-digit number before them an amount, not a year.
var percentWords = []string{"percent", "pct"}

// referenceWords are the references to the present and the past.
var referenceWords = map[string]string{"now": "PRESENT_REF", "currently": "PRESENT_REF",
	"presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF",
	"lately": "PAST_REF"}

// samenessWords open the year-ago counterpart of a period: the same
// quarter last year, the corresponding period of the previous year.
var samenessWords = []string{"same", "corresponding", "comparable", "equivalent"}

// starterWords are the keywords that can begin a time expression; words of
// the calendar, numbers, units, holidays and references can too (see
// buildLexicon).
var starterWords = []word{wThe, wA, wAn, wThis, wLast, wNext, wPast, wPrevious, wComing, wFollowing, wCurrent,
	wUpcoming, wThat, wSame, wThese, wRecent, wLatest, wFinal, wFirst, wEarly, wLate, wMid, wEarlier, wLater,
	wAbout, wAround, wApproximately, wNearly, wAlmost, wMore, wLess, wAt, wUp, wNo, wOver, wWithin, wEvery,
	wEach, wPer, wTwice, wOnce, wThrice, wFiscal, wFY, wQ, wH, wNoon, wMidnight, wMidday, wToday, wYesterday,
	wTomorrow, wTonight, wNow, wSeveral, wFew, wSome, wCouple, wDozen, wHalf, wMany}
