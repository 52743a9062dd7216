package timex

import "testing"

// Tense cues that decide which occurrence of a calendar name is meant.
func TestTagTenseCues(t *testing.T) {
	runTagCases(t, tuesday, []tagCase{
		// a word kept in the lexicon for another reason (decided to, agreed
		// to...) is still a past-tense verb when it ends in -ed
		{"decided on", "The board decided on Feb. 20 that the plant would close.", []want{{"Feb. 20", "DATE 2017-02-20"}}},
		{"agreed on", "Both sides agreed on March 30 to a truce.", []want{{"March 30", "DATE 2017-03-30"}}},
		{"pledged", "The donors pledged Sunday to rebuild the bridge.", []want{{"Sunday", "DATE 2017-04-09"}}},
		// a day before its verb dates that verb, not what it looks ahead to
		{"before agreed to", "The council on Thursday agreed to rebuild the pier.", []want{{"Thursday", "DATE 2017-04-06"}}},
		{"subject, before decided to", "The board meeting on Monday decided to close the plant.", []want{{"Monday", "DATE 2017-04-10"}}},
		{"after agreed to, still ahead", "The council agreed to rebuild the pier in June.", []want{{"June", "DATE 2017-06"}}},
		// after an article or a possessive, plan, set, bid, cut are nouns
		{"the plan", "The mayor unveiled the plan Jan. 30.", []want{{"Jan. 30", "DATE 2017-01-30"}}},
		{"their plans", "The union announced their plans Dec. 3.", []want{{"Dec. 3", "DATE 2016-12-03"}}},
		{"a set", "The band recorded a set in February.", []want{{"February", "DATE 2017-02"}}},
		{"plan the verb", "They plan to vote in February.", []want{{"February", "DATE 2018-02"}}},
		{"PTB", "The mayor unveiled the plan Jan. 30 .", []want{{"Jan. 30", "DATE 2017-01-30"}}},
		// a day that modifies a noun names an event that is known: a future
		// clause may still look back for it
		{"the day of a past event in a future clause", "The family will appeal the March 30 ruling.", []want{{"March 30", "DATE 2017-03-30"}}},
		{"the day of a coming event in a future clause", "Both will attend the April 20 summit.", []want{{"April 20", "DATE 2017-04-20"}}},
		{"a possessive's day of a past event in a future clause", "They will debate again after their March 30 debate.", []want{{"March 30", "DATE 2017-03-30"}}},
		{"a day in a future clause, no noun after", "The court will rule on March 30.", []want{{"March 30", "DATE 2018-03-30"}}},
		// until sets a deadline, except after a past perfect or a past
		// verb of duration, which close a stretch of the past
		{"until: postponed", "Officials postponed until Friday any decision on the bridge.", []want{{"Friday", "DATE 2017-04-14"}}},
		{"until: will stay", "The pier will stay closed until Friday.", []want{{"Friday", "DATE 2017-04-14"}}},
		{"until: had not been told", "The crew had not been told of the closure until Monday morning.", []want{{"Monday morning", "TIME 2017-04-10TMO"}}},
		{"until: lasted", "The talks lasted until Friday.", []want{{"Friday", "DATE 2017-04-07"}}},
		{"until: sentence-initial", "Until Thursday, the crew had not heard.", []want{{"Thursday", "DATE 2017-04-06"}}},
		// plan with an infinitive looks ahead, as a noun too, and so do the
		// nouns of a deal
		{"an agreement to", "The bank announced an agreement to acquire the ferry line in June.", []want{{"June", "DATE 2017-06"}}},
		{"the plan to", "The council approved the plan to reopen the pier in May.", []want{{"May", "DATE 2017-05"}}},
		// an -ed word after a determiner, even through an adverb, is an
		// adjective and no past-tense cue
		{"a still unspecified date", "The bonus would be paid on a still unspecified date in June.", []want{{"June", "DATE 2017-06"}}},
		// no verb the tagger knows: the nearest day, one ahead counting
		// three times as far; a possessive day is one already known
		{"no known verb, tomorrow", "The truce expires Wednesday.", []want{{"Wednesday", "DATE 2017-04-12"}}},
		{"no known verb, plural", "The two leaders meet Wednesday.", []want{{"Wednesday", "DATE 2017-04-12"}}},
		{"no known verb, in two days", "The truce expires Thursday.", []want{{"Thursday", "DATE 2017-04-06"}}},
		{"possessive, no verb", "a premium over Thursday's closing price", []want{{"Thursday", "DATE 2017-04-06"}}},
		// would is the future of a past: the date it looks to may already
		// be past when the article appears; a weekday after it still looks ahead
		{"would, date just past", "The pope said he would step down on March 30.", []want{{"March 30", "DATE 2017-03-30"}}},
		{"would, weekday", "The minister said she would resign Friday.", []want{{"Friday", "DATE 2017-04-14"}}},
		{"will, date just past", "The pope will step down on March 30.", []want{{"March 30", "DATE 2018-03-30"}}},
		// a quotation has tenses of its own: the clause of a day before it
		// does not look into it, with straight, curly or PTB quotes
		{"quote after, straight", `In his column on March 30, "The piling on must stop," he wrote.`, []want{{"March 30", "DATE 2017-03-30"}}},
		{"quote after, curly", "In his column on March 30, \u201cThe piling on must stop,\u201d he wrote.", []want{{"March 30", "DATE 2017-03-30"}}},
		{"quote after, PTB", "In his column on March 30 , `` The piling on must stop , '' he wrote .", []want{{"March 30", "DATE 2017-03-30"}}},
		// set for, due for: scheduled
		{"set for", "The issue will dominate a summit set for Lisbon in June.", []want{{"June", "DATE 2017-06"}}},
		// a month weeks ahead in a past-tense clause is last year's: one
		// ahead counts ten times as far, a day three times
		{"a past month weeks ahead", "The operator changed its accounts in June.", []want{{"June", "DATE 2016-06"}}},
		{"a past month far behind", "The ferry sank in October.", []want{{"October", "DATE 2016-10"}}},
		{"a day just ahead in a past clause", "The board declared a dividend payable May 1 to holders of record April 20.", []want{{"May 1", "DATE 2017-05-01"}, {"April 20", "DATE 2017-04-20"}}},
	})
}
