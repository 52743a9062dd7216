package eval

import "regexp"

// This file ports the Porter (1980) stemmer exactly as ROUGE-1.5.5 ships it
// (Martin Porter's own Perl "Release 1", with Chin-Yew Lin's change of
// 2004-02-14 to step 4). It is deliberately not the Snowball "Porter2"
// stemmer: ROUGE's scores depend on this variant's quirks, among them
//
//   - the measure tests are the Perl regular expressions below, in which 'y'
//     may be both a consonant and a vowel;
//   - step 4 tries "-ement", then "-ment", then "-ent" one after another on
//     the shrinking word, so "agreement" loses "-ent" and becomes "agreem";
//   - step 1b's "add an e" test is ^C v [^aeiouwxy]$ over the whole word.
//
// The conditions are kept as regular expressions with the same text as the
// Perl source; Go's RE2 decides the same matches for them (none uses a
// back-reference; the one that does, ([^aeiouylsz])\1$, is written out by
// hand in doubleConsonantEnd).

const (
	pC = `[^aeiou][^aeiouy]*` // consonant sequence
	pV = `[aeiouy][aeiou]*`   // vowel sequence
	pv = `[aeiouy]`           // vowel
)

var (
	reMgr0 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC)                    // [C]VC... is m>0
	reMeq1 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + `(` + pV + `)?$`) // [C]VC[V] is m=1
	reMgr1 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + pV + pC)          // [C]VCVC... is m>1
	reHasV = regexp.MustCompile(`^(` + pC + `)?` + pv)                         // vowel in stem
	reCvc  = regexp.MustCompile(`^` + pC + pv + `[^aeiouwxy]$`)                // *o, ROUGE's form
	reS1a1 = regexp.MustCompile(`(ss|i)es$`)
	reS1a2 = regexp.MustCompile(`([^s])s$`)
	reS1b  = regexp.MustCompile(`(ed|ing)$`)
	reS1bE = regexp.MustCompile(`(at|bl|iz)$`)
	reS2   = regexp.MustCompile(`(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$`)
	reS3   = regexp.MustCompile(`(icate|ative|alize|iciti|ical|ful|ness)$`)
	reS4   = regexp.MustCompile(`(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$`)
	reS4io = regexp.MustCompile(`(s|t)(ion)$`)
)

var step2Suffixes = map[string]string{
	"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
	"alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
	"ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
	"iviti": "ive", "biliti": "ble", "logi": "log",
}

var step3Suffixes = map[string]string{
	"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}

// porterStem stems one lower-case token the way ROUGE-1.5.5's stem() does.
func porterStem(w string) string {
	if len(w) < 3 {
		return w
	}
	// Map an initial y to Y so that the patterns never treat it as a vowel.
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:]
	}

	// Step 1a.
	if m := reS1a1.FindStringSubmatchIndex(w); m != nil {
		w = w[:m[0]] + w[m[2]:m[3]]
	} else if m := reS1a2.FindStringSubmatchIndex(w); m != nil {
		w = w[:m[0]] + w[m[2]:m[3]]
	}

	// Step 1b.
	if hasSuffix(w, "eed") {
		if reMgr0.MatchString(w[:len(w)-3]) {
			w = w[:len(w)-1]
		}
	} else if m := reS1b.FindStringIndex(w); m != nil {
		stem := w[:m[0]]
		if reHasV.MatchString(stem) {
			w = stem
			switch {
			case reS1bE.MatchString(w):
				w += "e"
			case doubleConsonantEnd(w):
				w = w[:len(w)-1]
			case reCvc.MatchString(w):
				w += "e"
			}
		}
	}

	// Step 1c.
	if hasSuffix(w, "y") {
		stem := w[:len(w)-1]
		if reHasV.MatchString(stem) {
			w = stem + "i"
		}
	}

	// Step 2.
	if m := reS2.FindStringSubmatchIndex(w); m != nil {
		stem, suffix := w[:m[0]], w[m[2]:m[3]]
		if reMgr0.MatchString(stem) {
			w = stem + step2Suffixes[suffix]
		}
	}

	// Step 3.
	if m := reS3.FindStringSubmatchIndex(w); m != nil {
		stem, suffix := w[:m[0]], w[m[2]:m[3]]
		if reMgr0.MatchString(stem) {
			w = stem + step3Suffixes[suffix]
		}
	}

	// Step 4, with ROUGE's change: three tests in a row on the current word.
	if m := reS4.FindStringIndex(w); m != nil {
		if stem := w[:m[0]]; reMgr1.MatchString(stem) {
			w = stem
		}
	}
	if hasSuffix(w, "ment") {
		if stem := w[:len(w)-4]; reMgr1.MatchString(stem) {
			w = stem
		}
	}
	if hasSuffix(w, "ent") {
		if stem := w[:len(w)-3]; reMgr1.MatchString(stem) {
			w = stem
		}
	} else if m := reS4io.FindStringSubmatchIndex(w); m != nil {
		if stem := w[:m[0]] + w[m[2]:m[3]]; reMgr1.MatchString(stem) {
			w = stem
		}
	}

	// Step 5.
	if hasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if reMgr1.MatchString(stem) || (reMeq1.MatchString(stem) && !reCvc.MatchString(stem)) {
			w = stem
		}
	}
	if hasSuffix(w, "ll") && reMgr1.MatchString(w) {
		w = w[:len(w)-1]
	}

	if initialY {
		w = "y" + w[1:]
	}
	return w
}

// doubleConsonantEnd reports whether w ends in a doubled letter other than
// a vowel, y, l, s or z: Perl's /([^aeiouylsz])\1$/.
func doubleConsonantEnd(w string) bool {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] {
		return false
	}
	switch w[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'l', 's', 'z':
		return false
	}
	return true
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
