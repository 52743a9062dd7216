package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The splitter's word knowledge: the abbreviations after which a period does
// not end a sentence, and the words that open sentences often enough that a
// period before them does, even after an abbreviation ("He works for Acme
// Inc. The firm ...", "set for 3 p.m. Then ...").

// abbrevCase says in which letter case a word is an abbreviation.
type abbrevCase uint8

const (
	anyCase     abbrevCase = iota // jan, Jan, JAN: never an English word
	capitalized                   // Mar, Sun, No, Ill: as lower-case words they are words (mar, sun, no, ill)
)

// abbreviations lists the abbreviations by their lower-case form, with the
// case they must be written in. The time words are the forms the time tagger
// reads (internal/timex checks that every abbreviation of its lexicon is
// here).
var abbreviations = map[string]abbrevCase{
	// months
	"jan": anyCase, "feb": anyCase, "febr": anyCase, "mar": capitalized, "apr": anyCase, "jun": anyCase,
	"jul": anyCase, "aug": anyCase, "sep": anyCase, "sept": anyCase, "oct": anyCase, "nov": anyCase, "dec": anyCase,
	// weekdays
	"mon": anyCase, "tue": anyCase, "tues": anyCase, "wed": capitalized, "thu": anyCase, "thur": anyCase,
	"thurs": anyCase, "fri": anyCase, "sat": capitalized, "sun": capitalized,
	// units of time
	"sec": anyCase, "secs": anyCase, "min": anyCase, "mins": anyCase, "hr": anyCase, "hrs": anyCase,
	"wk": anyCase, "wks": anyCase, "mo": anyCase, "mos": anyCase, "yr": anyCase, "yrs": anyCase,
	// titles and ranks
	"mr": anyCase, "mrs": anyCase, "ms": anyCase, "messrs": anyCase, "mme": anyCase, "dr": anyCase,
	"prof": anyCase, "gen": anyCase, "lt": anyCase, "col": anyCase, "maj": anyCase, "capt": anyCase,
	"cmdr": anyCase, "adm": anyCase, "sgt": anyCase, "cpl": anyCase, "pvt": anyCase, "gov": anyCase,
	"sen": anyCase, "rep": anyCase, "reps": anyCase, "rev": anyCase, "hon": anyCase, "supt": anyCase,
	"atty": anyCase, "jr": anyCase, "sr": anyCase, "st": anyCase, "mt": anyCase, "ft": anyCase, "fr": anyCase,
	// companies
	"inc": anyCase, "corp": anyCase, "co": anyCase, "cos": anyCase, "ltd": anyCase, "llc": anyCase,
	"plc": anyCase, "bros": anyCase, "cie": anyCase, "dept": anyCase,
	// places
	"ave": anyCase, "blvd": anyCase, "ala": anyCase, "ariz": anyCase, "ark": capitalized, "calif": anyCase,
	"colo": anyCase, "conn": anyCase, "del": capitalized, "fla": anyCase, "ga": anyCase, "ill": capitalized,
	"ind": capitalized, "kan": anyCase, "kans": anyCase, "ky": anyCase, "la": capitalized, "md": anyCase,
	"mass": capitalized, "mich": anyCase, "minn": anyCase, "miss": capitalized, "mont": anyCase, "neb": anyCase,
	"nev": anyCase, "okla": anyCase, "ore": capitalized, "pa": capitalized, "tenn": anyCase, "tex": anyCase,
	"va": anyCase, "vt": anyCase, "wash": capitalized, "wis": anyCase, "wyo": anyCase,
	// references
	"no": capitalized, "nos": capitalized, "vol": anyCase, "fig": anyCase, "pp": anyCase, "vs": anyCase,
	"approx": anyCase, "etc": anyCase,
}

// sentenceStarters are words that open a sentence far more often than they
// are capitalized inside one: a period before them ends a sentence even
// after an abbreviation.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "you": true, "his": true, "her": true, "its": true, "their": true, "our": true, "my": true,
	"this": true, "that": true, "these": true, "those": true, "there": true, "but": true, "and": true,
	"or": true, "so": true, "yet": true, "still": true, "however": true, "meanwhile": true, "then": true,
	"now": true, "also": true, "although": true, "though": true, "while": true, "when": true, "if": true,
	"as": true, "after": true, "before": true, "since": true, "despite": true, "instead": true,
	"indeed": true, "moreover": true, "nevertheless": true, "nonetheless": true, "thus": true,
	"similarly": true, "separately": true, "according": true, "among": true, "under": true, "in": true,
	"on": true, "at": true, "for": true, "by": true, "with": true, "from": true, "what": true, "who": true,
	"why": true, "how": true, "where": true, "some": true, "many": true, "most": true, "both": true,
	"each": true, "all": true, "even": true, "nor": true, "one": true, "another": true, "such": true,
	"last": true, "earlier": true, "later": true, "today": true, "yesterday": true, "recently": true,
	"currently": true, "previously": true, "finally": true, "eventually": true, "initially": true,
	"furthermore": true, "additionally": true, "overall": true, "during": true,
}

// IsAbbreviation reports whether w, written as it is (without its period),
// is an abbreviation after which a period does not end a sentence: a word of
// the table in its case ("Jan", "Sept", "Mr", "Inc", "Mar" but not "mar"),
// a single letter (an initial), or letters joined by periods ("U.S", "a.m").
func IsAbbreviation(w string) bool {
	if w == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		return unicode.IsLetter(r)
	}
	if strings.IndexByte(w, '.') > 0 {
		return dotted(w)
	}
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	ac, ok := abbreviations[string(buf[:len(w)])]
	if !ok {
		return false
	}
	return ac == anyCase || w[0] >= 'A' && w[0] <= 'Z'
}

// dotted reports whether w is letters joined by periods, each run at most
// two letters long (U.S, a.m, Ph.D, e.g).
func dotted(w string) bool {
	run := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			run = 0
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			if run++; run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return run > 0
}

// isSentenceStarter reports whether the capitalized word w opens a sentence
// more often than not.
func isSentenceStarter(w string) bool {
	var buf [12]byte
	if len(w) > len(buf) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return sentenceStarters[string(buf[:len(w)])]
}
