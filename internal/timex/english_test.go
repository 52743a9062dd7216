package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// tuesday is the DCT of most cases: Tuesday, April 11, 2017 (ISO week 15).
var tuesday = time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC)

// want is one expected time expression: its text, and "TYPE value [mod]".
type want struct{ text, attrs string }

func (w want) String() string { return w.text + " = " + w.attrs }

func got(tx Timex) want {
	a := string(tx.Type) + " " + tx.Value
	if tx.Mod != "" {
		a += " " + tx.Mod
	}
	if tx.Freq != "" {
		a += " freq=" + tx.Freq
	}
	return want{tx.Text, a}
}

type tagCase struct {
	name string
	text string
	want []want
}

// runTagCases tags each text against dct and compares every expression.
func runTagCases(t *testing.T, dct time.Time, cases []tagCase) {
	t.Helper()
	tg := New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var g []want
			for _, tx := range tg.Tag(c.text, dct) {
				g = append(g, got(tx))
			}
			if fmt.Sprint(g) != fmt.Sprint(c.want) {
				t.Errorf("Tag(%q)\n got  %v\n want %v", c.text, g, c.want)
			}
		})
	}
}

// The milestone sentences of issue 2, in sentences written for the test.
func TestTagMilestone(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"on Tuesday, DCT day", "The council sent a warning to the mayor on Tuesday.", []want{{"Tuesday", "DATE 2017-04-11"}}},
		{"announced Tuesday, will host on Friday", "The club also announced Tuesday that it will host the finalists of the cup on Friday.",
			[]want{{"Tuesday", "DATE 2017-04-11"}, {"Friday", "DATE 2017-04-14"}}},
		{"will be held Thursday", "The hearing will be held Thursday.", []want{{"Thursday", "DATE 2017-04-13"}}},
		{"a year", "Nobody talks about the floods in 2003 any more.", []want{{"2003", "DATE 2003"}}},
		{"last week's", "Last week's storm closed the port.", []want{{"Last week", "DATE 2017-W14"}}},
		{"last week 's (PTB)", "Last week 's storm closed the port .", []want{{"Last week", "DATE 2017-W14"}}},
		{"deixis", "It rained yesterday, it is dry today and snow is forecast for tomorrow.",
			[]want{{"yesterday", "DATE 2017-04-10"}, {"today", "DATE 2017-04-11"}, {"tomorrow", "DATE 2017-04-12"}}},
		{"last/this/next week month year", "last week, this week, next week, last month, this month, next month, last year, this year, next year",
			[]want{{"last week", "DATE 2017-W14"}, {"this week", "DATE 2017-W15"}, {"next week", "DATE 2017-W16"},
				{"last month", "DATE 2017-03"}, {"this month", "DATE 2017-04"}, {"next month", "DATE 2017-05"},
				{"last year", "DATE 2016"}, {"this year", "DATE 2017"}, {"next year", "DATE 2018"}}},
		{"N days ago", "The ship sank 3 days ago.", []want{{"3 days ago", "DATE 2017-04-08"}}},
		{"written dates", "April 11, 2017 or 11 April or April 2017 or 2017-04-11",
			[]want{{"April 11, 2017", "DATE 2017-04-11"}, {"11 April", "DATE 2017-04-11"}, {"April 2017", "DATE 2017-04"}, {"2017-04-11", "DATE 2017-04-11"}}},
	})
}

func TestTagWeekdays(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"past tense", "The minister resigned Monday.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"said Monday", "Officials said Monday that the road is closed.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"future tense", "The minister will resign Monday.", []want{{"Monday", "DATE 2017-04-17"}}},
		{"going to", "They are going to vote on Wednesday.", []want{{"Wednesday", "DATE 2017-04-12"}}},
		{"expected to", "The jury is expected to return on Friday.", []want{{"Friday", "DATE 2017-04-14"}}},
		{"no cue: the past", "A quiet Sunday in the capital.", []want{{"Sunday", "DATE 2017-04-09"}}},
		{"possessive, clause after", "Friday's vote will decide it.", []want{{"Friday", "DATE 2017-04-14"}}},
		{"possessive, past", "Critics attacked Wednesday's ruling by the court.", []want{{"Wednesday", "DATE 2017-04-05"}}},
		{"last", "The talks collapsed last Friday.", []want{{"last Friday", "DATE 2017-04-07"}}},
		{"next", "The talks resume next Friday.", []want{{"next Friday", "DATE 2017-04-14"}}},
		{"this coming", "The talks resume this coming Sunday.", []want{{"this coming Sunday", "DATE 2017-04-16"}}},
		{"this past", "The talks collapsed this past Sunday.", []want{{"this past Sunday", "DATE 2017-04-09"}}},
		{"until: a deadline", "They have until Thursday to answer.", []want{{"Thursday", "DATE 2017-04-13"}}},
		{"as soon as", "The bill could pass as soon as Monday.", []want{{"Monday", "DATE 2017-04-17"}}},
		{"part of day", "Fighting broke out Sunday night.", []want{{"Sunday night", "TIME 2017-04-09TNI"}}},
		{"with a date", "The letter is dated Monday, April 3, 2017.", []want{{"Monday, April 3, 2017", "DATE 2017-04-03"}}},
		{"PTB abbreviation", "LONDON | Tue Apr 11 , 2017 4:54 am GMT LONDON -LRB- Reuters -RRB-",
			[]want{{"Tue Apr 11 , 2017", "DATE 2017-04-11"}, {"4:54 am GMT", "TIME 2017-04-11T04:54"}}},
		{"newspaper, not a day", "He told the Sunday Times on Monday.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"plural: a set", "The market opens on Mondays.", []want{{"Mondays", "SET XXXX-WXX-1"}}},
	})
}

func TestTagMonthsAndDays(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"month, past tense", "Prices fell in March.", []want{{"March", "DATE 2017-03"}}},
		{"month, past tense, later month", "Prices fell in October.", []want{{"October", "DATE 2016-10"}}},
		{"month, future", "Prices will fall in October.", []want{{"October", "DATE 2017-10"}}},
		{"month, future, earlier month", "Prices will fall in February.", []want{{"February", "DATE 2018-02"}}},
		{"month, no tense: the nearest", "A summit in September.", []want{{"September", "DATE 2017-09"}}},
		{"month, no tense: the nearest, past", "A storm in January.", []want{{"January", "DATE 2017-01"}}},
		{"since", "the worst drought since January", []want{{"January", "DATE 2017-01"}}},
		{"effective", "The board was reshuffled, effective Jan. 1.", []want{{"Jan. 1", "DATE 2018-01-01"}}},
		{"last month name", "They married last June.", []want{{"last June", "DATE 2016-06"}}},
		{"next month name", "They marry next June.", []want{{"next June", "DATE 2017-06"}}},
		{"month of relative year", "They married in June last year.", []want{{"June last year", "DATE 2016-06"}}},
		{"month day, past", "The ship left on Sept. 30.", []want{{"Sept. 30", "DATE 2016-09-30"}}},
		{"month day, near future", "The court set a hearing for April 20.", []want{{"April 20", "DATE 2017-04-20"}}},
		{"month day, future tense", "The law takes effect Jan. 1 and will apply to all.", []want{{"Jan. 1", "DATE 2018-01-01"}}},
		{"day month year", "Born on 4 July 1976 in Ohio.", []want{{"4 July 1976", "DATE 1976-07-04"}}},
		{"ordinal day", "On the 4th of July we march.", []want{{"the 4th of July", "DATE 2017-07-04"}}},
		{"range", "The fair runs April 3-5, 2017.", []want{{"April 3-5, 2017", "DATE 2017-04-03"}}},
		{"two days of a month", "The fair runs on April 22 and 23 in Lyon.", []want{{"April 22", "DATE 2017-04-22"}, {"23", "DATE 2017-04-23"}}},
		{"two days, the year after the second", "Voting is on Jan. 8 or 9, 2018.",
			[]want{{"Jan. 8", "DATE 2018-01-08"}, {"9, 2018", "DATE 2018-01-09"}}},
		{"two days (PTB)", "Voting is on Jan. 8 or 9 , 2018 .", []want{{"Jan. 8", "DATE 2018-01-08"}, {"9 , 2018", "DATE 2018-01-09"}}},
		{"a day and a count", "On March 2 and 20 people left.", []want{{"March 2", "DATE 2017-03-02"}}},
		{"a day and a percentage", "Rates were cut between May 2 and 10 percent.", []want{{"May 2", "DATE 2017-05-02"}}},
		{"abbreviation with year", "Filed Nov. 1, 2004 in Boston.", []want{{"Nov. 1, 2004", "DATE 2004-11-01"}}},
		{"spelled year", "It was January nineteen ninety-seven.", []want{{"January nineteen ninety-seven", "DATE 1997-01"}}},
		{"two-digit year", "the class of June '98", []want{{"June '98", "DATE 1998-06"}}},
		{"ISO month", "Report 2016-12 is out.", []want{{"2016-12", "DATE 2016-12"}}},
		{"slashes US", "Paid on 4/11/2017.", []want{{"4/11/2017", "DATE 2017-04-11"}}},
		{"slashes ISO", "Paid on 2017/04/11.", []want{{"2017/04/11", "DATE 2017-04-11"}}},
		{"May the month", "Elections are due in May.", []want{{"May", "DATE 2017-05"}}},
		{"may the verb, May the name", "It may rain, Theresa May said.", nil},
		{"march the verb", "They march on the capital.", nil},
		// a bare day of the month after a preposition: the story's month,
		// else the tense's occurrence around the DCT; not "the 15th floor"
		{"the 15th, past", "The vote was held on the 3rd.", []want{{"the 3rd", "DATE 2017-04-03"}}},
		{"the 31st, past", "The vote was held on the 31st.", []want{{"the 31st", "DATE 2017-03-31"}}},
		{"the 20th, future", "The report will be out by the 20th.", []want{{"the 20th", "DATE 2017-04-20"}}},
		{"the story's month", "The trip began on March 9. He came home on the 22nd.",
			[]want{{"March 9", "DATE 2017-03-09"}, {"the 22nd", "DATE 2017-03-22"}}},
		{"the 15th floor", "He lives on the 15th floor.", nil},
		{"the 20th anniversary", "They met on the 20th anniversary.", nil},
	})
}

func TestTagYearsDecadesCenturies(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"decade", "in the 1990s", []want{{"the 1990s", "DATE 199"}}},
		{"decade, apostrophe", "in the '80s", []want{{"the '80s", "DATE 198"}}},
		{"decade, word", "in the nineties", []want{{"the nineties", "DATE 199"}}},
		{"mid decade", "in the mid-1990s", []want{{"the mid-1990s", "DATE 199 MID"}}},
		{"century", "in the 20th century", []want{{"the 20th century", "DATE 19"}}},
		{"century, word", "in the twenty-first century", []want{{"the twenty-first century", "DATE 20"}}},
		{"century in digits, no article", "a 19th century mill and its 12th-century chapel",
			[]want{{"19th century", "DATE 18"}, {"12th-century", "DATE 11"}}},
		{"quarter in digits, no article", "Sales fell in 2nd quarter 2016.", []want{{"2nd quarter 2016", "DATE 2016-Q2"}}},
		{"this century", "the worst of this century", []want{{"this century", "DATE 20"}}},
		{"fiscal", "In fiscal 2016, sales rose.", []want{{"fiscal 2016", "DATE 2016"}}},
		{"FY", "FY2016 results", []want{{"FY2016", "DATE 2016"}}},
		{"year two thousand", "the year two thousand", []want{{"the year two thousand", "DATE 2000"}}},
		{"amounts are not years", "It cost $1990 and 2000 percent more; 1,500 people came.", nil},
		{"score is not a year", "They won 1998-99.", nil},
	})
}

func TestTagQuartersSeasonsHolidays(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"quarter of a year", "the first quarter of 2016", []want{{"the first quarter of 2016", "DATE 2016-Q1"}}},
		{"quarter, past tense", "Profit rose in the third quarter.", []want{{"the third quarter", "DATE 2016-Q3"}}},
		{"quarter, future", "Profit will rise in the third quarter.", []want{{"the third quarter", "DATE 2017-Q3"}}},
		{"adjectival quarter", "the third-quarter results", []want{{"third-quarter", "DATE 2017-Q3"}}},
		{"this year's quarter", "this year's first quarter", []want{{"this year's first quarter", "DATE 2017-Q1"}}},
		{"Q code", "Q3 2016 sales", []want{{"Q3 2016", "DATE 2016-Q3"}}},
		{"half", "the first half of 2016", []want{{"the first half of 2016", "DATE 2016-H1"}}},
		{"fractions are not quarters", "three quarters of the vote", nil},
		{"this summer", "this summer", []want{{"this summer", "DATE 2017-SU"}}},
		{"last fall", "They met last fall.", []want{{"last fall", "DATE 2016-FA"}}},
		{"season of year", "the summer of 2008", []want{{"the summer of 2008", "DATE 2008-SU"}}},
		{"fall the verb", "Prices fall.", nil},
		{"for the fall", "The vote is scheduled for the fall.", []want{{"the fall", "DATE 2017-FA"}}},
		{"the fall of a government", "He was blamed for the fall of the government.", nil},
		{"in the fall of an empire", "Rome burned in the fall of the empire.", nil},
		{"Christmas, past", "They met at Christmas.", []want{{"Christmas", "DATE 2016-12-25"}}},
		{"Christmas, future", "They will meet at Christmas.", []want{{"Christmas", "DATE 2017-12-25"}}},
		{"Thanksgiving with year", "Thanksgiving 2016 was cold.", []want{{"Thanksgiving 2016", "DATE 2016-11-24"}}},
		{"Easter", "They will meet at Easter.", []want{{"Easter", "DATE 2017-04-16"}}},
		{"holiday week", "Hotels fill up in Easter week; Christmas week was quiet.",
			[]want{{"Easter week", "DATE 2017-W15"}, {"Christmas week", "DATE 2016-W51"}}},
		{"New Year's Day", "on New Year's Day", []want{{"New Year's Day", "DATE 2017-01-01"}}},
		{"a place named for a holiday", "They sailed to Easter Island and Christmas Island.", nil},
		{"an event named for a holiday", "The Easter Rising failed.", nil},
	})
}

func TestTagRelative(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"ago", "two years ago", []want{{"two years ago", "DATE 2015"}}},
		{"weeks ago", "a week ago", []want{{"a week ago", "DATE 2017-W14"}}},
		{"months ago", "six months ago", []want{{"six months ago", "DATE 2016-10"}}},
		{"from now", "three weeks from now", []want{{"three weeks from now", "DATE 2017-W18"}}},
		{"vague ago", "several years ago", []want{{"several years ago", "DATE PAST_REF"}}},
		{"the past year", "over the past year", []want{{"the past year", "DATE 2016"}}},
		{"the coming week", "in the coming week", []want{{"the coming week", "DATE 2017-W16"}}},
		{"this weekend", "this weekend", []want{{"this weekend", "DATE 2017-W15-WE"}}},
		{"the weekend, past", "Protests spread over the weekend.", []want{{"the weekend", "DATE 2017-W14-WE"}}},
		{"narrative next day", "The quake struck on March 3, 2010. The next day, rescuers arrived.",
			[]want{{"March 3, 2010", "DATE 2010-03-03"}, {"The next day", "DATE 2010-03-04"}}},
		{"narrative later", "The war began in 1998. Two years later, it ended.",
			[]want{{"1998", "DATE 1998"}, {"Two years later", "DATE 2000"}}},
		{"narrative following", "He was elected in 2008 and resigned the following year.",
			[]want{{"2008", "DATE 2008"}, {"the following year", "DATE 2009"}}},
		{"narrative previous", "On May 2, 2016 the vote passed; the previous day had been calm.",
			[]want{{"May 2, 2016", "DATE 2016-05-02"}, {"the previous day", "DATE 2016-05-01"}}},
		{"narrative that day", "On May 2, 2016 it rained. Earlier that day, the roads closed.",
			[]want{{"May 2, 2016", "DATE 2016-05-02"}, {"Earlier that day", "DATE 2016-05-02 START"}}},
		{"no narrative: DCT", "The next day was calm.", []want{{"The next day", "DATE 2017-04-12"}}},
		{"day before yesterday", "the day before yesterday", []want{{"the day before yesterday", "DATE 2017-04-09"}}},
		{"the day before a weekday", "The day before last Friday's vote, the mayor resigned.",
			[]want{{"The day before last Friday", "DATE 2017-04-06"}}},
		{"the day after a date", "They met on the day after March 3, 2016.", []want{{"the day after March 3, 2016", "DATE 2016-03-04"}}},
		{"the day after a holiday", "Shops reopened the day after Christmas.", []want{{"the day after Christmas", "DATE 2016-12-26"}}},
		{"the day before, alone", "The day before, it had rained.", nil},
		{"the day after a week: no", "the day after next week", []want{{"next week", "DATE 2017-W16"}}},
		{"earlier this month", "Earlier this month, prices rose.", []want{{"Earlier this month", "DATE 2017-04 START"}}},
		{"the week of", "the week of April 3, 2017", []want{{"the week of April 3, 2017", "DATE 2017-W14"}}},
		{"year-ago quarter", "Profit rose in the third quarter from a year earlier.",
			[]want{{"the third quarter", "DATE 2016-Q3"}, {"a year earlier", "DATE 2015-Q3"}}},
		// that November: the November of the year the story is in
		{"that November", "He lost the 1972 election that November.", []want{{"1972", "DATE 1972"}, {"that November", "DATE 1972-11"}}},
	})
}

func TestTagModifiers(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"early", "early 1991", []want{{"early 1991", "DATE 1991 START"}}},
		{"late", "Prices fell in late November.", []want{{"late November", "DATE 2016-11 END"}}},
		{"mid", "mid-1996", []want{{"mid-1996", "DATE 1996 MID"}}},
		{"late-", "Prices fell in late-November.", []want{{"late-November", "DATE 2016-11 END"}}},
		{"earlier in the year", "Prices fell earlier in the year.", []want{{"earlier in the year", "DATE 2017 START"}}},
		{"the end of", "by the end of 1990", []want{{"the end of 1990", "DATE 1990 END"}}},
		{"year-end", "by year-end", []want{{"year-end", "DATE 2017 END"}}},
		// the decade and the century are dates only after a mod: "the
		// decade" alone is too often a span
		{"the end of the decade", "Costs will double by the end of the decade.", []want{{"the end of the decade", "DATE 201 END"}}},
		{"the turn of the century", "The pier was built at the turn of the century.", []want{{"the turn of the century", "DATE 20 START"}}},
		{"the decade alone", "Costs doubled during the decade.", nil},
		{"the beginning of", "at the beginning of October 2016", []want{{"the beginning of October 2016", "DATE 2016-10 START"}}},
		{"early next year", "early next year", []want{{"early next year", "DATE 2018 START"}}},
		{"and beyond", "2018 and beyond", []want{{"2018 and beyond", "DATE 2018 ON_OR_AFTER"}}},
		{"more than", "more than four hours", []want{{"more than four hours", "DURATION PT4H MORE_THAN"}}},
		{"at least", "at least 30 days", []want{{"at least 30 days", "DURATION P30D EQUAL_OR_MORE"}}},
		{"about: outside a duration", "about two weeks", []want{{"two weeks", "DURATION P2W APPROX"}}},
		{"about: inside an ago date", "about two years ago", []want{{"about two years ago", "DATE 2015 APPROX"}}},
		{"within", "within 18 months", []want{{"18 months", "DURATION P18M EQUAL_OR_LESS"}}},
		{"or so", "a week or so ago", []want{{"a week or so ago", "DATE 2017-W14 APPROX"}}},
		// "about" and "up to" are quantity modifiers: not of a topic or a
		// phrasal verb
		{"about the future", "They argued about the future.", []want{{"the future", "DATE FUTURE_REF"}}},
		{"about this year's", "They argued about this year's contest.", []want{{"this year", "DATE 2017"}}},
		{"leading up to", "In the days leading up to Monday's vote, he spoke.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"up to a duration", "for up to 180 days", []want{{"up to 180 days", "DURATION P180D EQUAL_OR_LESS"}}},
	})
}

func TestTagDurations(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"words", "three days", []want{{"three days", "DURATION P3D"}}},
		{"digits", "36 hours", []want{{"36 hours", "DURATION PT36H"}}},
		{"hyphenated adjective", "a two-year contract and a 16-hour flight",
			[]want{{"two-year", "DURATION P2Y"}, {"16-hour", "DURATION PT16H"}}},
		{"fraction", "5 1/2 hours", []want{{"5 1/2 hours", "DURATION PT5H30M"}}},
		{"and a half", "a minute and a half", []want{{"a minute and a half", "DURATION PT1M30S"}}},
		{"years and a half", "2 1/2 years", []want{{"2 1/2 years", "DURATION P2Y6M"}}},
		{"vague", "several years", []want{{"several years", "DURATION PXY"}}},
		{"a few", "a few days", []want{{"a few days", "DURATION PXD"}}},
		{"couple", "a couple of years", []want{{"a couple of years", "DURATION P2Y APPROX"}}},
		{"decades", "two decades", []want{{"two decades", "DURATION P20Y"}}},
		{"the past N", "in the past two months", []want{{"the past two months", "DURATION P2M"}}},
		{"the next few", "the next few days", []want{{"the next few days", "DURATION PXD"}}},
		{"the next N to M", "the next 12 to 18 months", []want{{"the next 12 to 18 months", "DURATION P12M"}}},
		{"the first nine months", "the first nine months", []want{{"the first nine months", "DURATION P9M"}}},
		{"bare plural after for", "for years", []want{{"years", "DURATION PXY"}}},
		{"the year ended", "for the year ended March 31", []want{{"the year", "DURATION P1Y"}, {"March 31", "DATE 2017-03-31"}}},
		{"more", "two more weeks", []want{{"two more weeks", "DURATION P2W"}}},
		{"trading days", "eight trading days", []want{{"eight trading days", "DURATION P8D"}}},
		{"range", "two to three weeks", []want{{"two to three weeks", "DURATION P2W"}}},
		{"ages are not durations", "a 6-year-old boy, 52 years old", nil},
		{"names are not durations", "the Thirty Years War", nil},
		{"rates are not durations", "$2 million a year and 24 hours a day", nil},
	})
}

func TestTagSetsAndRefs(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"daily", "a daily rally", []want{{"daily", "SET P1D freq=1X"}}},
		{"every day", "every day", []want{{"every day", "SET P1D"}}},
		{"every other week", "every other week", []want{{"every other week", "SET P2W"}}},
		{"twice a week", "twice a week", []want{{"twice a week", "SET P1W freq=2X"}}},
		{"three times a year", "three times a year", []want{{"three times a year", "SET P1Y freq=3X"}}},
		{"every Monday", "every Monday", []want{{"every Monday", "SET XXXX-WXX-1"}}},
		{"each July", "each July", []want{{"each July", "SET XXXX-07"}}},
		{"the Daily Mail is a name", "The Daily Mail said so.", nil},
		{"a show's name ends in Daily", "He spoke on Breitbart News Daily.", nil},
		{"Super Tuesday is a name", "The South votes on Super Tuesday.", nil},
		{"a Johnny-come-lately", "He is a Johnny-come-lately to the issue.", nil},
		{"the year-end rush", "Revenue from the year-end rush helps.", []want{{"year-end", "DATE 2017 END"}}},
		{"Daily opening a sentence", "Daily, the ferry crosses twice.", []want{{"Daily", "SET P1D freq=1X"}}},
		{"now", "He is now in Paris.", []want{{"now", "DATE PRESENT_REF"}}},
		{"currently", "currently", []want{{"currently", "DATE PRESENT_REF"}}},
		{"recently", "recently", []want{{"recently", "DATE PAST_REF"}}},
		{"the past", "in the past", []want{{"the past", "DATE PAST_REF"}}},
		{"the future", "in the future", []want{{"the future", "DATE FUTURE_REF"}}},
		{"the near future", "in the near future", []want{{"the near future", "DATE FUTURE_REF"}}},
		{"these days", "these days", []want{{"these days", "DATE PRESENT_REF"}}},
		{"recent years", "in recent years", []want{{"recent years", "DATE PAST_REF"}}},
		{"recent weeks", "in recent weeks", []want{{"recent weeks", "DURATION PXW"}}},
		{"now-shuttered", "the now-shuttered paper", nil},
	})
}

func TestTagTimes(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"clock, DCT day", "at 10:35 a.m.", []want{{"10:35 a.m.", "TIME 2017-04-11T10:35"}}},
		{"clock pm, zone", "at 4:30 p.m. EST", []want{{"4:30 p.m. EST", "TIME 2017-04-11T16:30"}}},
		{"clock, narrative day", "On April 2, 2017 the blast came at 6 a.m.",
			[]want{{"April 2, 2017", "DATE 2017-04-02"}, {"6 a.m.", "TIME 2017-04-02T06:00"}}},
		{"clock then day", "The deadline is 10 p.m. Wednesday.", []want{{"10 p.m. Wednesday", "TIME 2017-04-12T22:00"}}},
		{"noon day", "The polls closed at noon Monday.", []want{{"noon Monday", "TIME 2017-04-10T12:00"}}},
		{"noon, zone, day", "The deadline is noon ET on Friday.", []want{{"noon ET on Friday", "TIME 2017-04-14T12:00"}}},
		{"a live blog's entry time", "The debate was held on Monday.\n\n___.\n\n4:30 p.m.\n\nThe senator says the debate went well.",
			[]want{{"Monday", "DATE 2017-04-10"}, {"4:30 p.m.", "TIME 2017-04-11T16:30"}}},
		{"24-hour clock", "at 14:30", []want{{"14:30", "TIME 2017-04-11T14:30"}}},
		{"compact", "at 10am", []want{{"10am", "TIME 2017-04-11T10:00"}}},
		{"military with zone", "on Radio 4 at 2000 BST", []want{{"2000 BST", "TIME 2017-04-11T20:00"}}},
		{"in the morning", "at 4 in the morning", []want{{"4 in the morning", "TIME 2017-04-11T04:00"}}},
		{"this morning", "this morning", []want{{"this morning", "TIME 2017-04-11TMO"}}},
		{"last night", "last night", []want{{"last night", "TIME 2017-04-10TNI"}}},
		{"tonight", "tonight", []want{{"tonight", "TIME 2017-04-11TNI"}}},
		{"yesterday afternoon", "yesterday afternoon", []want{{"yesterday afternoon", "TIME 2017-04-10TAF"}}},
		{"mid-afternoon", "Shares rose in mid-afternoon yesterday.", []want{{"mid-afternoon yesterday", "TIME 2017-04-10TAF MID"}}},
		{"late morning", "The plane landed in late morning.", []want{{"late morning", "TIME 2017-04-11TMO END"}}},
		{"a score is not a time", "They won 3:1.", nil},
		{"a verse is not a time", "as Koran 9:33 says", nil},
		{"date at time", "February 3, 2011 at 8:05 am", []want{{"February 3, 2011 at 8:05 am", "TIME 2011-02-03T08:05"}}},
		{"weekday at noon", "They will vote Friday at noon.", []want{{"Friday at noon", "TIME 2017-04-14T12:00"}}},
	})
}

// Impossible dates get no value but do not stop the tagger; odd input does
// not panic.
func TestTagFailureModes(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"February 30", "The vote was set for February 30.", []want{{"February 30", "DATE "}}},
		{"February 30 with a year", "on Feb. 30, 2017", []want{{"Feb. 30, 2017", "DATE "}}},
		{"ISO impossible", "on 2017-02-30", []want{{"2017-02-30", "DATE "}}},
		{"February 29 of a leap year", "on Feb. 29, 2016", []want{{"Feb. 29, 2016", "DATE 2016-02-29"}}},
		{"February 29 without a year", "They met on Feb. 29.", []want{{"Feb. 29", "DATE 2016-02-29"}}},
		{"slashes impossible", "on 13/45/2017", []want{{"13/45/2017", "DATE "}}},
		{"empty", "", nil},
		{"punctuation only", "-- ,, '' `` -LRB- -RRB- ...", nil},
		// digits inside a code or a link are no time
		{"inside a link", "See pic.twitter.com/P2qpm3h3Pm for the clip.", nil},
		{"inside a code", "Flight A4pm3 and model x10am.", nil},
	})
	tg := New()
	for _, s := range []string{"\xff\xfe Friday \x00", "on the", "the", "every", "twice a", "5 1/", "1/2", "the end of", "April 3-", "'", "9:", "''80s", "a.m.", strings.Repeat("last ", 100)} {
		tg.Tag(s, tuesday) // must not panic
	}
}

// A unit written with a capital after a word or a number is part of a name
// (see inName), unless the sentence is a headline.
func TestTagNames(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"an award", "Merkel was named Person of the Year by Time.", nil},
		{"a show", "He said so on ABC's This Week and on CBS's 60 Minutes.", nil},
		{"a book", "His novella One Day in the Life of Ivan Denisovich was banned.", nil},
		{"a holiday", "The long Labor Day weekend began.", []want{{"Labor Day", "DATE 2016-09-05"}}},
		{"a century", "It was the worst flood of the 20th Century.", []want{{"the 20th Century", "DATE 19"}}},
		{"a headline", "Thousands of Shootings in Chicago this Year", []want{{"this Year", "DATE 2017"}}},
		{"an ordinal", "Its Second-quarter dividend was paid.", []want{{"Second-quarter", "DATE 2017-Q2"}}},
	})
}

// Offsets are in runes, for prose with non-ASCII letters and quotes.
func TestTagRuneOffsets(t *testing.T) {
	text := "Café owners met “on Tuesday” in Zürich."
	txs := New().Tag(text, tuesday)
	if len(txs) != 1 {
		t.Fatalf("got %d timexes, want 1: %+v", len(txs), txs)
	}
	r := []rune(text)
	if s := string(r[txs[0].Start:txs[0].End]); s != "Tuesday" || txs[0].Text != "Tuesday" {
		t.Errorf("runes [%d,%d) = %q, Text %q; want Tuesday", txs[0].Start, txs[0].End, s, txs[0].Text)
	}
}

// The prose and the PTB-tokenized fixture give the same expressions.
func TestTagProseAndPTBAgree(t *testing.T) {
	prose := readFixture(t, "news.txt")
	ptb := readFixture(t, "news_ptb.txt")
	tg := New()
	a, b := tg.Tag(prose, tuesday), tg.Tag(ptb, tuesday)
	if len(a) != len(b) {
		t.Fatalf("prose has %d expressions, PTB %d", len(a), len(b))
	}
	squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	for i := range a {
		if squash(a[i].Text) != squash(b[i].Text) || a[i].Value != b[i].Value || a[i].Type != b[i].Type {
			t.Errorf("#%d: prose %q %s %s, PTB %q %s %s", i, a[i].Text, a[i].Type, a[i].Value, b[i].Text, b[i].Type, b[i].Value)
		}
	}
	if len(a) < 40 {
		t.Errorf("only %d expressions in the fixture", len(a))
	}
}

// A DCT with a time of day resolves like its calendar day.
func TestTagDCTWithTime(t *testing.T) {
	dct := time.Date(2017, 4, 11, 23, 59, 0, 0, time.FixedZone("X", -5*3600))
	txs := New().Tag("It happened yesterday.", dct)
	if len(txs) != 1 || txs[0].Value != "2017-04-10" {
		t.Errorf("got %+v, want yesterday = 2017-04-10", txs)
	}
}
