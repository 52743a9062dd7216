package timex

// The test tables of clockProductions (see TestProductions).
var clockCases = map[string][]tagCase{
	"clockTime": {
		{"a.m. on the DCT", "at 10:35 a.m.", []want{{"10:35 a.m.", "TIME 2017-04-11T10:35"}}},
		{"p.m., zone, day", "at 5 p.m. EST, Nov. 6", []want{{"5 p.m. EST, Nov. 6", "TIME 2016-11-06T17:00"}}},
		{"24-hour clock", "at 14:30", []want{{"14:30", "TIME 2017-04-11T14:30"}}},
		{"day before month", "at 3 p.m. on 27 March", []want{{"3 p.m. on 27 March", "TIME 2017-03-27T15:00"}}},
		{"in the morning", "at 4 in the morning", []want{{"4 in the morning", "TIME 2017-04-11T04:00"}}},
		{"a verse is no time", "as Koran 9:33 says", nil},
	},
	"clockWord": {
		{"noon and a day", "The polls closed at noon Monday.", []want{{"noon Monday", "TIME 2017-04-10T12:00"}}},
		{"midnight", "until midnight", []want{{"midnight", "TIME 2017-04-11T24:00"}}},
		{"noon on a day and month", "from midnight to noon on 27 March", []want{{"midnight", "TIME 2017-04-11T24:00"}, {"noon on 27 March", "TIME 2017-03-27T12:00"}}},
	},
	"deixis": {
		{"yesterday", "It rained yesterday.", []want{{"yesterday", "DATE 2017-04-10"}}},
		{"tomorrow afternoon", "They meet tomorrow afternoon.", []want{{"tomorrow afternoon", "TIME 2017-04-12TAF"}}},
		{"tonight", "tonight", []want{{"tonight", "TIME 2017-04-11TNI"}}},
		{"a newspaper", "He told USA Today and Russia Today.", nil},
		{"a show", "on the Tonight Show, on Piers Morgan Tonight", nil},
		{"upper-case text", "EGYPT TELLS YOU THAT TODAY.", []want{{"TODAY", "DATE 2017-04-11"}}},
		{"sentence start", "Today, Russia said so.", []want{{"Today", "DATE 2017-04-11"}}},
	},
}
