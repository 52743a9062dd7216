package dedup

import "strings"

// wires maps the credits wire services put in a story's dateline or byline
// to the agency's name. A credit is looked for at the head of the text (a
// dateline: "CAIRO (Reuters) -") and at its tail (a byline: "Associated
// Press writer ..."); a mere mention of an agency in the text is no credit.
var wires = []struct{ credit, agency string }{
	{"(ap)", "AP"}, {"associated press writer", "AP"},
	{"(reuters)", "Reuters"},
	{"(afp)", "AFP"},
	{"(upi)", "UPI"},
	{"(dpa)", "dpa"}, {"(xinhua)", "Xinhua"}, {"(bloomberg)", "Bloomberg"},
	{"(pa)", "PA"}, {"(efe)", "EFE"}, {"(ansa)", "ANSA"}, {"(cp)", "CP"},
}

// credits undoes Penn-Treebank bracket tokens ("-LRB- Reuters -RRB-") and
// the spaces of tokenized text around parentheses, so that a credit reads
// "(reuters)" however the text was prepared.
var credits = strings.NewReplacer("-lrb- ", "(", " -rrb-", ")", "( ", "(", " )", ")")

// wireSpan is how far into the text, from either end, a credit counts.
const wireSpan = 300

// Wire returns the wire service a text credits, or "".
func Wire(s string) string {
	head, tail := s, ""
	if len(s) > wireSpan {
		head, tail = s[:wireSpan], s[len(s)-wireSpan:]
	}
	head, tail = credits.Replace(strings.ToLower(head)), credits.Replace(strings.ToLower(tail))
	for _, w := range wires {
		if strings.Contains(head, w.credit) || strings.Contains(tail, w.credit) {
			return w.agency
		}
	}
	return ""
}
