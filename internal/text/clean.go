package text

import (
	"regexp"
	"strings"
)

// Wire copy and scraped pages put a dateline, a timestamp or a byline
// before the first sentence of a story ("WASHINGTON | Mon Mar 2 , 2009 4:23
// pm EST WASHINGTON -LRB- Reuters -RRB- - Virtually all ..."). The patterns
// below find where such a preamble ends; they are compiled once.
var (
	// "-LRB- Reuters -RRB- -", "(CNN) --", "-LRB- AP -RRB- —"
	agencyMark = regexp.MustCompile(`(?:-LRB-|\()\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2}\s*(?:-RRB-|\))\s*(?:--?|—|–)\s+`)
	// "4:23 pm EST", "23.24 BST", "5:41 PM |", "18:00 UK time , Saturday , 25 April 2009"
	timeStamp = regexp.MustCompile(`\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.m\.|[ap]m|[AP]M|GMT|BST|UTC|UK time)(?:\s+(?:EDT|EST|CDT|CST|PDT|PST|GMT|BST|UTC|CET|CEST|ET))?\s*(?:[|;,]\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*)?(?:\|\s*)?`)
)

// yearOrBar finds a year or a separator that makes a timestamp a dateline.
var yearOrBar = regexp.MustCompile(`\b(?:19|20)\d\d\b|[|;-]\s*$`)

// preambleLimit is how far into a sentence a dateline may end.
const preambleLimit = 320

// StripDateline removes a leading wire dateline, timestamp or byline
// preamble from a sentence, returning the story text that follows; a
// sentence without one comes back unchanged. The preamble must end within
// the first few hundred bytes and leave a sentence of some length behind.
func StripDateline(s string) string {
	head := s
	if len(head) > preambleLimit {
		head = head[:preambleLimit]
	}
	end := -1
	if hasAgencyDash(head) {
		if loc := agencyMark.FindAllStringIndex(head, -1); loc != nil {
			end = loc[len(loc)-1][1]
		}
	}
	if end < 0 && hasClock(head) {
		// A timestamp ends a preamble only when a date or a separator comes
		// just before it: "2031 4:23 pm", "| 18:00 UK time".
		for _, loc := range timeStamp.FindAllStringIndex(head, -1) {
			before := head[max(0, loc[0]-24):loc[0]]
			if yearOrBar.MatchString(before) {
				end = loc[1]
			}
		}
	}
	if end < 0 {
		return s
	}
	rest := strings.TrimSpace(s[end:])
	if len(strings.Fields(rest)) < 5 {
		return s
	}
	return rest
}

// hasAgencyDash is a cheap test for what agencyMark needs: a closing
// bracket (")" or "-RRB-") followed by a dash, with only spaces between.
func hasAgencyDash(s string) bool {
	for _, mark := range []string{")", "RB-"} {
		for rest := s; ; {
			i := strings.Index(rest, mark)
			if i < 0 {
				break
			}
			rest = rest[i+len(mark):]
			if after := strings.TrimLeft(rest, " \t\n\r\f\v"); strings.HasPrefix(after, "-") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") {
				return true
			}
		}
	}
	return false
}

// hasClock is a cheap test for what timeStamp needs: digits with a colon
// or a dot ("4:23", "23.24") and, after spaces, an a.m./p.m. mark or a
// time zone.
func hasClock(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == ':' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			j := i + 3
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if clockMark(s[j:]) {
				return true
			}
		}
	}
	return false
}

// clockMark reports whether s starts with a mark timeStamp accepts after a
// time of day.
func clockMark(s string) bool {
	for _, m := range []string{"a.m.", "p.m.", "am", "pm", "AM", "PM", "GMT", "BST", "UTC", "UK time"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// IsBoilerplate reports sentences that are page furniture or talk rather
// than news: questions, reader comments and navigation (text around " | "),
// and fragments of fewer than five words.
func IsBoilerplate(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "? ''") || strings.HasSuffix(t, `?"`) {
		return true
	}
	if strings.Contains(t, " | ") {
		return true
	}
	return fewerFields(t, 5)
}

// fewerFields reports whether s has fewer than n space-separated fields.
func fewerFields(s string, n int) bool {
	fields, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := isSpace(s[i])
		if !sp && !in {
			if fields++; fields >= n {
				return false
			}
		}
		in = !sp
	}
	return true
}
