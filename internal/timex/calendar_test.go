package timex

// The test tables of calendarProductions (see TestProductions).
var calendarCases = map[string][]tagCase{
	"monthDay": {
		{"with a year", "April 11, 2017", []want{{"April 11, 2017", "DATE 2017-04-11"}}},
		{"abbreviated, past tense", "The ship left on Sept. 30.", []want{{"Sept. 30", "DATE 2016-09-30"}}},
		{"a range", "The fair runs April 3-5, 2017.", []want{{"April 3-5, 2017", "DATE 2017-04-03"}}},
		{"the year after the second day", "Voting is on Jan. 8 or 9, 2018.", []want{{"Jan. 8", "DATE 2018-01-08"}, {"9, 2018", "DATE 2018-01-09"}}},
		{"lower case is no month", "They may 5 times.", nil},
	},
	"monthYear": {
		{"of", "in April of 2016", []want{{"April of 2016", "DATE 2016-04"}}},
		{"bare", "in April 2016", []want{{"April 2016", "DATE 2016-04"}}},
		{"two-digit year", "the class of June '98", []want{{"June '98", "DATE 1998-06"}}},
	},
	"monthOfRelativeYear": {
		{"last year", "They married in June last year.", []want{{"June last year", "DATE 2016-06"}}},
		{"next year", "It opens in March next year.", []want{{"March next year", "DATE 2018-03"}}},
	},
	"month": {
		{"past tense", "Prices fell in March.", []want{{"March", "DATE 2017-03"}}},
		{"future tense", "Prices will fall in February.", []want{{"February", "DATE 2018-02"}}},
		{"May the verb, May the name", "It may rain, Theresa May said.", nil},
	},
	"weekdayDate": {
		{"PTB dateline", "Tue Mar 15 , 2011", []want{{"Tue Mar 15 , 2011", "DATE 2011-03-15"}}},
		{"day month", "on Monday, 3 April", []want{{"Monday, 3 April", "DATE 2017-04-03"}}},
	},
	"weekday": {
		{"past tense", "The minister resigned Monday.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"part of the day", "Fighting broke out Sunday night.", []want{{"Sunday night", "TIME 2017-04-09TNI"}}},
		{"a newspaper", "He told the Sunday Times so.", nil},
		{"a named day", "The South votes on Super Tuesday.", nil},
	},
	"weekdays": {
		{"plural", "The market opens on Mondays.", []want{{"Mondays", "SET XXXX-WXX-1"}}},
		{"plural part of the day", "He works Tuesday nights.", []want{{"Tuesday nights", "SET XXXX-WXX-2TNI"}}},
	},
	"season": {
		{"with a year", "in summer 1994", []want{{"summer 1994", "DATE 1994-SU"}}},
		{"fall after in", "They met in fall.", []want{{"fall", "DATE 2016-FA"}}},
		{"fall the verb", "Prices fall.", nil},
	},
	"quarterOrHalf": {
		{"of a year", "in the first quarter of 2016", []want{{"the first quarter of 2016", "DATE 2016-Q1"}}},
		{"adjectival", "the third-quarter results", []want{{"third-quarter", "DATE 2017-Q3"}}},
		{"a half and its year", "the first half of 2016", []want{{"the first half of 2016", "DATE 2016-H1"}}},
		{"digits", "Sales fell in 2nd quarter 2016.", []want{{"2nd quarter 2016", "DATE 2016-Q2"}}},
	},
	"century": {
		{"digits", "a 19th century mill", []want{{"19th century", "DATE 18"}}},
		{"hyphenated", "its 12th-century chapel", []want{{"12th-century", "DATE 11"}}},
	},
	"dayMonth": {
		{"day month year", "Born on 4 July 1976 in Ohio.", []want{{"4 July 1976", "DATE 1976-07-04"}}},
		{"of", "On the 4th of July we march.", []want{{"the 4th of July", "DATE 2017-07-04"}}},
		{"an ordinal word needs of", "Second March is no date.", nil},
	},
	"holiday": {
		{"past", "They met at Christmas.", []want{{"Christmas", "DATE 2016-12-25"}}},
		{"computed, with a year", "Thanksgiving 2016 was cold.", []want{{"Thanksgiving 2016", "DATE 2016-11-24"}}},
		{"the week of", "Hotels fill up in Easter week.", []want{{"Easter week", "DATE 2017-W15"}}},
		{"a place", "They sailed to Easter Island.", nil},
	},
	"fiscalYear": {
		{"fiscal", "In fiscal 2016, sales rose.", []want{{"fiscal 2016", "DATE 2016"}}},
		{"FY", "FY2016 results", []want{{"FY2016", "DATE 2016"}}},
		{"FY and two digits", "FY17 results", []want{{"FY17", "DATE 2017"}}},
	},
	"fiscalQuarter": {
		{"the one reported", "Profit rose in the fiscal second quarter.", []want{{"the fiscal second quarter", "DATE 2017-Q2"}}},
	},
	"quarterCode": {
		{"with a year", "Q3 2016 sales", []want{{"Q3 2016", "DATE 2016-Q3"}}},
		{"a half", "in H1 2016", []want{{"H1 2016", "DATE 2016-H1"}}},
		{"no fifth quarter", "Q5 sales", nil},
	},
}
