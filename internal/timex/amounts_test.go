package timex

// The test tables of amountProductions (see TestProductions).
var amountCases = map[string][]tagCase{
	"frequency": {
		{"daily", "a daily rally", []want{{"daily", "SET P1D freq=1X"}}},
		{"a name", "The Daily Mail said so.", nil},
		{"the end of a name", "He spoke on Breitbart News Daily.", nil},
	},
	"everyUnit": {
		{"every day", "every day", []want{{"every day", "SET P1D"}}},
		{"every other week", "every other week", []want{{"every other week", "SET P2W"}}},
		{"every Monday", "every Monday", []want{{"every Monday", "SET XXXX-WXX-1"}}},
		{"each July", "each July", []want{{"each July", "SET XXXX-07"}}},
	},
	"timesPer": {
		{"twice", "twice a week", []want{{"twice a week", "SET P1W freq=2X"}}},
		{"a number of times", "three times a year", []want{{"three times a year", "SET P1Y freq=3X"}}},
		{"a couple of times", "They met a couple of times a week.", []want{{"a couple of times a week", "SET P1W freq=2X"}}},
	},
	"duration": {
		{"words", "three days", []want{{"three days", "DURATION P3D"}}},
		{"a range", "two to three weeks", []want{{"two to three weeks", "DURATION P2W"}}},
		{"a fraction", "5 1/2 hours", []want{{"5 1/2 hours", "DURATION PT5H30M"}}},
		{"and a half", "a year and a half", []want{{"a year and a half", "DURATION P1Y6M"}}},
		{"hyphenated and a half", "a century-and-a-half after the war", []want{{"a century-and-a-half", "DURATION P150Y"}}},
		{"an age", "a 6-year-old boy, 52 years old", nil},
		{"a rate", "$2 million a year and 24 hours a day", nil},
		{"a name", "the Thirty Years War", nil},
		{"adjectival", "the two-year pact", []want{{"two-year", "DURATION P2Y"}}},
		{"compounds", "on a day-to-day basis, year-over-year, at a day-care center, 12-year-olds", nil},
		{"a quarter-mile", "a quarter-mile stretch", nil},
		{"a quarter-century", "in nearly a quarter-century", []want{{"nearly a quarter-century", "DURATION P25Y LESS_THAN"}}},
		{"a quarter-century ago", "It ended a quarter-century ago.", []want{{"a quarter-century ago", "DATE 1992"}}},
		{"a long compound", "a 30-year-rule, a 14-year-low", []want{{"30-year", "DURATION P30Y"}, {"14-year", "DURATION P14Y"}}},
	},
	"yearEnd": {
		{"hyphenated", "by year-end", []want{{"year-end", "DATE 2017 END"}}},
		{"possessive", "by year's end", []want{{"year's end", "DATE 2017 END"}}},
		{"after an article", "a year-end bonus", []want{{"year-end", "DATE 2017 END"}}},
	},
	"unitLong": {
		{"plural", "a decades-long feud", []want{{"decades-long", "DURATION PXY"}}},
		{"singular", "the day-long strike", []want{{"day-long", "DURATION P1D"}}},
		{"after an article", "a week-long trip", []want{{"week-long", "DURATION P1W"}}},
	},
	"barePlural": {
		{"for", "for years", []want{{"years", "DURATION PXY"}}},
		{"within", "within weeks", []want{{"weeks", "DURATION PXW EQUAL_OR_LESS"}}},
	},
	"unitsAgo": {
		{"ago", "He left years ago.", []want{{"years ago", "DATE PAST_REF"}}},
		{"earlier", "Months earlier, he had left.", []want{{"Months earlier", "DATE PAST_REF"}}},
		{"later", "Weeks later he was back.", []want{{"Weeks later", "DATE FUTURE_REF"}}},
		{"hours later", "Hours later he was back.", nil},
	},
	"reference": {
		{"now", "He is now in Paris.", []want{{"now", "DATE PRESENT_REF"}}},
		{"these days", "these days", []want{{"these days", "DATE PRESENT_REF"}}},
		{"recently", "recently", []want{{"recently", "DATE PAST_REF"}}},
		{"now-shuttered", "the now-shuttered paper", nil},
	},
}
