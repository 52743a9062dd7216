package timex

// The test tables of numberProductions (see TestProductions).
var numberCases = map[string][]tagCase{
	"shortYear": {
		{"two-digit year", "the class of '98", []want{{"'98", "DATE 1998"}}},
		{"two-digit year ahead of the DCT", "the class of '25", []want{{"'25", "DATE 2025"}}},
	},
	"decadeNumber": {
		{"a decade", "1990s rock", []want{{"1990s", "DATE 199"}}},
		{"two digits after early", "in the early 80s", []want{{"the early 80s", "DATE 198 START"}}},
		{"two digits alone are no decade", "He scored 80s in both.", nil},
	},
	"isoDate": {
		{"day", "Paid on 2017-04-11.", []want{{"2017-04-11", "DATE 2017-04-11"}}},
		{"month", "Report 2016-12 is out.", []want{{"2016-12", "DATE 2016-12"}}},
		{"no month 13", "Report 2016-13 is out.", nil},
	},
	"slashDate": {
		{"US order", "Paid on 4/11/2017.", []want{{"4/11/2017", "DATE 2017-04-11"}}},
		{"day first when it cannot be a month", "Paid on 25/12/2016.", []want{{"25/12/2016", "DATE 2016-12-25"}}},
		{"two-digit year", "Paid on 04/11/17.", []want{{"04/11/17", "DATE 2017-04-11"}}},
	},
	"militaryTime": {
		{"with a zone", "on Radio 4 at 2000 BST", []want{{"2000 BST", "TIME 2017-04-11T20:00"}}},
		{"with a zone and a day", "at 1430 GMT Monday", []want{{"1430 GMT Monday", "TIME 2017-04-10T14:30"}}},
	},
	"yearNumber": {
		{"a year", "The floods of 2003 are forgotten.", []want{{"2003", "DATE 2003"}}},
		{"amounts are no years", "It cost $1990 and 2000 percent more.", nil},
		{"other currencies", "It cost £1400, then € 2000 and ¥1990.", nil},
		{"a € read as Windows-1252", "\u00e2\u20ac\u0153Wait a minute, in 2003", []want{{"a minute", "DURATION PT1M"}, {"2003", "DATE 2003"}}},
		{"a score is no year", "They won 1998-99.", nil},
	},
	"spelledYear": {
		{"nineteen ninety-six", "It was nineteen ninety-six.", []want{{"nineteen ninety-six", "DATE 1996"}}},
		{"two thousand and one", "back in two thousand and one", []want{{"two thousand and one", "DATE 2001"}}},
	},
}
