package timex

// The test tables of relativeProductions (see TestProductions).
var relativeCases = map[string][]tagCase{
	"theDecade": {
		{"digits", "in the 1990s", []want{{"the 1990s", "DATE 199"}}},
		{"apostrophe", "in the '80s", []want{{"the '80s", "DATE 198"}}},
		{"two digits", "in the 70s", []want{{"the 70s", "DATE 197"}}},
	},
	"theYearPeriod": {
		{"after a span of months", "For the first nine months, profit was $8 million, compared with $5 million in the 2016 period.",
			[]want{{"the first nine months", "DURATION P9M"}, {"the 2016 period", "DATE 2016"}}},
		{"the quarter of a year", "Sales rose from the 2015 quarter.", []want{{"the 2015 quarter", "DATE 2015-Q1"}}},
	},
	"theYearQuarter": {
		{"year and ordinal", "the 1988 third quarter", []want{{"the 1988 third quarter", "DATE 1988-Q3"}}},
	},
	"theOrdinal": {
		{"quarter, past tense", "Profit rose in the third quarter.", []want{{"the third quarter", "DATE 2016-Q3"}}},
		{"century", "in the twenty-first century", []want{{"the twenty-first century", "DATE 20"}}},
		{"the article goes with the noun", "the third-quarter results", []want{{"third-quarter", "DATE 2017-Q3"}}},
	},
	"theDayMonth": {
		{"ordinal and of", "On the 4th of July we march.", []want{{"the 4th of July", "DATE 2017-07-04"}}},
		{"ordinal word", "on the fifth of May", []want{{"the fifth of May", "DATE 2017-05-05"}}},
	},
	"theBareDay": {
		{"past", "The vote was held on the 3rd.", []want{{"the 3rd", "DATE 2017-04-03"}}},
		{"the story's month", "The trip began on March 9. He came home on the 22nd.",
			[]want{{"March 9", "DATE 2017-03-09"}, {"the 22nd", "DATE 2017-03-22"}}},
		{"a floor", "He lives on the 15th floor.", nil},
	},
	"theSeason": {
		{"of a year", "the summer of 2008", []want{{"the summer of 2008", "DATE 2008-SU"}}},
		{"scheduled for the fall", "The vote is scheduled for the fall.", []want{{"the fall", "DATE 2017-FA"}}},
		{"the fall of a government", "He was blamed for the fall of the government.", nil},
	},
	"theDecadeWord": {
		{"nineties", "in the nineties", []want{{"the nineties", "DATE 199"}}},
	},
	"theDuration": {
		{"the nine months", "For the nine months, revenue rose.", []want{{"the nine months", "DURATION P9M"}}},
		{"the two days", "It rained in the two days.", []want{{"the two days", "DURATION P2D"}}},
	},
	"relativeSpan": {
		{"the past N", "in the past two months", []want{{"the past two months", "DURATION P2M"}}},
		{"the next few", "the next few days", []want{{"the next few days", "DURATION PXD"}}},
		{"a range", "the next 12 to 18 months", []want{{"the next 12 to 18 months", "DURATION P12M"}}},
		{"the first nine months", "the first nine months", []want{{"the first nine months", "DURATION P9M"}}},
	},
	"relativeUnit": {
		{"DCT", "last week, this month, next year", []want{{"last week", "DATE 2017-W14"}, {"this month", "DATE 2017-04"}, {"next year", "DATE 2018"}}},
		{"narrative", "He was elected in 2008 and resigned the following year.", []want{{"2008", "DATE 2008"}, {"the following year", "DATE 2009"}}},
		{"this year's quarter", "this year's first quarter", []want{{"this year's first quarter", "DATE 2017-Q1"}}},
		{"recent years", "in recent years", []want{{"recent years", "DATE PAST_REF"}}},
	},
	"relativePartOfDay": {
		{"this morning", "this morning", []want{{"this morning", "TIME 2017-04-11TMO"}}},
		{"last night", "last night", []want{{"last night", "TIME 2017-04-10TNI"}}},
		{"the next morning", "On May 2, 2016 it rained. The next morning was calm.", []want{{"May 2, 2016", "DATE 2016-05-02"}, {"The next morning", "TIME 2016-05-03TMO"}}},
	},
	"relativeCalendar": {
		{"last weekday", "The talks collapsed last Friday.", []want{{"last Friday", "DATE 2017-04-07"}}},
		{"this coming with a date", "They meet this coming Sunday, April 16.", []want{{"this coming Sunday, April 16", "DATE 2017-04-16"}}},
		{"next month name", "They marry next June.", []want{{"next June", "DATE 2017-06"}}},
		{"that month of the story", "He lost the 1972 election that November.", []want{{"1972", "DATE 1972"}, {"that November", "DATE 1972-11"}}},
	},
	"thePast": {
		{"the past", "in the past", []want{{"the past", "DATE PAST_REF"}}},
	},
	"theFuture": {
		{"the future", "in the future", []want{{"the future", "DATE FUTURE_REF"}}},
		{"the long term", "over the long term", []want{{"the long term", "DATE FUTURE_REF"}}},
	},
	"thePresent": {
		{"the present", "until the present", []want{{"the present", "DATE PRESENT_REF"}}},
	},
	"theDayAroundToday": {
		{"before yesterday", "the day before yesterday", []want{{"the day before yesterday", "DATE 2017-04-09"}}},
		{"after tomorrow", "the day after tomorrow", []want{{"the day after tomorrow", "DATE 2017-04-13"}}},
	},
	"theDayAroundDate": {
		{"a holiday", "Shops reopened the day after Christmas.", []want{{"the day after Christmas", "DATE 2016-12-26"}}},
		{"a weekday", "The day before last Friday's vote, the mayor resigned.", []want{{"The day before last Friday", "DATE 2017-04-06"}}},
	},
	"theYearNumber": {
		{"digits", "the year 2000", []want{{"the year 2000", "DATE 2000"}}},
		{"words", "the year two thousand", []want{{"the year two thousand", "DATE 2000"}}},
	},
	"theYearAgo": {
		{"after a quarter", "Profit rose in the first quarter; in the year-ago quarter it fell.", []want{{"the first quarter", "DATE 2017-Q1"}, {"the year-ago quarter", "DATE 2016-Q1"}}},
		{"the article goes with the noun", "Profit rose in the first quarter above the year-ago results.", []want{{"the first quarter", "DATE 2017-Q1"}, {"year-ago", "DATE 2016-Q1"}}},
	},
	"theHalf": {
		{"of a year", "the last half of 1989", []want{{"the last half of 1989", "DATE 1989-H2"}}},
		{"alone", "in the first half", []want{{"the first half", "DATE 2017-H1"}}},
	},
	"theFiscalYear": {
		{"the fiscal year", "Sales rose in the fiscal year.", []want{{"the fiscal year", "DATE 2017"}}},
	},
	"theFiscal": {
		{"a fiscal year", "the fiscal 1990 results", []want{{"the fiscal 1990", "DATE 1990"}}},
	},
	"theUnit": {
		{"the quarter after a quarter", "Profit rose in the first quarter; the quarter was calm.", []want{{"the first quarter", "DATE 2017-Q1"}, {"the quarter", "DATE 2017-Q1"}}},
		{"the year ended", "for the year ended March 31", []want{{"the year", "DURATION P1Y"}, {"March 31", "DATE 2017-03-31"}}},
		{"the weekend", "Protests spread over the weekend.", []want{{"the weekend", "DATE 2017-W14-WE"}}},
		{"the week of a day", "the week of April 3, 2017", []want{{"the week of April 3, 2017", "DATE 2017-W14"}}},
	},
	"thePeriodYearAgo": {
		{"the same period last year", "Sales in the first quarter rose from the same period last year.", []want{{"the first quarter", "DATE 2017-Q1"}, {"the same period last year", "DATE 2016-Q1"}}},
		{"the quarter a year ago", "The mill lost $2 million in the first quarter, against a profit in the quarter a year ago.", []want{{"the first quarter", "DATE 2017-Q1"}, {"the quarter a year ago", "DATE 2016-Q1"}}},
	},
	"theFullYear": {
		{"the year reported on", "Profit fell in the fourth quarter; for the full year it rose 3%.", []want{{"the fourth quarter", "DATE 2016-Q4"}, {"the full year", "DATE 2016"}}},
	},
	"theUnitsAhead": {
		{"weeks", "in the weeks ahead", []want{{"the weeks ahead", "DURATION PXW"}}},
	},
	"yearAgoPeriod": {
		{"year-earlier quarter", "Sales rose in the first quarter from a year-earlier quarter.", []want{{"the first quarter", "DATE 2017-Q1"}, {"year-earlier quarter", "DATE 2016-Q1"}}},
	},
}
