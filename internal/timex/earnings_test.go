package timex

import "testing"

// Periods of earnings news: the quarter reported, the span of months, the
// comparisons with a year before.
func TestTagEarningsPeriods(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		{"a year earlier after a quarter: that quarter",
			"The bakery earned $4 million in the first quarter, up from $3 million a year earlier.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"a year earlier", "DATE 2016-Q1"}}},
		{"a year earlier after a span of months: the year",
			"In the first quarter, sales rose. For the nine months, the bakery earned $9 million, against $7 million a year earlier.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"the nine months", "DURATION P9M"}, {"a year earlier", "DATE 2016"}}},
		{"the year-earlier period after a span of months",
			"In the first six months the mill lost $2 million; in the year-earlier period it earned $1 million.",
			[]want{{"the first six months", "DURATION P6M"}, {"the year-earlier period", "DATE 2016"}}},
		{"the YYYY period after a span of months",
			"For the first nine months, profit was $8 million, compared with $5 million in the 2016 period.",
			[]want{{"the first nine months", "DURATION P9M"}, {"the 2016 period", "DATE 2016"}}},
		{"a date after the span is the period spoken of",
			"For the six months ended March 4, the chain lost $1 million, compared with a profit a year earlier.",
			[]want{{"the six months", "DURATION P6M"}, {"March 4", "DATE 2017-03-04"}, {"a year earlier", "DATE 2016-03-04"}}},
		{"a quarter after the span is the period again",
			"In the nine months sales rose. In the first quarter, profit fell from a year ago.",
			[]want{{"the nine months", "DURATION P9M"}, {"the first quarter", "DATE 2017-Q1"}, {"a year ago", "DATE 2016-Q1"}}},
		{"the latest quarter is over",
			"Profit rose in the first quarter. The storm will mean a second-quarter charge. Sales in the latest quarter rose 5% from a year ago.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"second-quarter", "DATE 2017-Q2"}, {"the latest quarter", "DATE 2017-Q1"}, {"a year ago", "DATE 2016-Q1"}}},
		{"the latest period: a fiscal quarter may be over early",
			"The grocer reported second-quarter losses. Sales in the latest period fell.",
			[]want{{"second-quarter", "DATE 2017-Q2"}, {"the latest period", "DATE 2017-Q2"}}},
		{"the quarter a year ago",
			"The mill lost $2 million in the first quarter, against a profit in the quarter a year ago.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"the quarter a year ago", "DATE 2016-Q1"}}},
		{"the same period last year",
			"Sales in the first quarter rose from the same period last year and from the corresponding quarter of the previous year.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"the same period last year", "DATE 2016-Q1"}, {"the corresponding quarter of the previous year", "DATE 2016-Q1"}}},
		{"last year's quarter",
			"First-quarter sales were $9 million; last year's quarter brought $7 million.",
			[]want{{"First-quarter", "DATE 2017-Q1"}, {"last year's quarter", "DATE 2016-Q1"}}},
		{"last year 's period (PTB)",
			"First-quarter sales were $ 9 million ; last year 's period brought $ 7 million .",
			[]want{{"First-quarter", "DATE 2017-Q1"}, {"last year 's period", "DATE 2016-Q1"}}},
		{"the comparable year-ago quarter",
			"Profit fell in the first quarter from the comparable year-ago quarter.",
			[]want{{"the first quarter", "DATE 2017-Q1"}, {"the comparable year-ago quarter", "DATE 2016-Q1"}}},
		{"the same period alone is no time",
			"Costs rose over the same period.", nil},
		{"a forecast quarter is not the one compared",
			"Analysts see losses through the third quarter of 2018. In the year-ago period, the firm earned $3 million.",
			[]want{{"the third quarter of 2018", "DATE 2018-Q3"}, {"the year-ago period", "DATE 2016-Q1"}}},
	})
}
