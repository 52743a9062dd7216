package entity

import (
	"cmp"
	"github.com/dateline-news/dateline/internal/token"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Canonical names within an article. A person is introduced by a full name
// ("Rex Tillerson") and then called by a part of it ("Tillerson", "Mr.
// Tillerson") or by a title the article gave them ("U.S. Secretary of State
// Rex Tillerson", "Rex Tillerson, the secretary of state,"), which later
// stands alone ("the secretary of state said"). An organization gets an
// acronym ("the European Union (EU)", "EU") or a short form ("Exxon Mobil
// Corp", "Exxon"). Names gives every mention the fullest name the article
// gives its entity, and resolves a phrase that is not a mention (a title,
// a description) to the person it names.

// Names is what one article says about its entities.
type Names struct {
	text     string
	mentions []Mention
	bytes    [][2]int // byte offsets of each mention
	forms    []name   // each mention's name
	titles   []title
}

// name is a name's words as written, and as they are compared: lower
// case, without periods, split at hyphens ("U.S." → "us", "al-Assad" →
// "al", "assad").
type name struct {
	words []string
	match []string
	// acronym: one word in capitals ("UN", "U.S."), with its letters in
	// initials; for several words, initials holds the first letters of
	// the capitalized ones, all the letters of those that are acronyms
	// ("USN" for "US Navy"; connectors skipped), "" if one is lower case.
	acronym  bool
	initials string
}

func newName(words []string) name {
	n := name{words: words}
	for _, w := range words {
		w = strings.ToLower(strings.ReplaceAll(w, ".", ""))
		for _, p := range strings.Split(w, "-") {
			if p != "" {
				n.match = append(n.match, p)
			}
		}
	}
	switch {
	case len(words) == 1:
		if a, ok := acronymLetters(words[0]); ok {
			n.acronym, n.initials = true, a
		}
	case len(words) > 1:
		var b strings.Builder
		for _, w := range words {
			if connectors[strings.ToLower(w)] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				b.Reset()
				break
			}
			if a, ok := acronymLetters(w); ok {
				b.WriteString(a) // an acronym gives all its letters: "US Navy" is "USN", not "UN"
				continue
			}
			b.WriteRune(r)
		}
		n.initials = b.String()
	}
	return n
}

// acronymLetters returns the letters of a word in capitals ("UN", "U.S."
// → "US"), and whether it is one: two letters or more, none lower case.
func acronymLetters(w string) (string, bool) {
	a := strings.ReplaceAll(w, ".", "")
	return a, utf8.RuneCountInString(a) >= 2 && strings.ToUpper(a) == a && strings.ToLower(a) != a
}

// acronymOf reports whether a is an acronym of the initials of b: "UN" of
// "United Nations". (The initials of "US Senate" are "USS": it is not
// "US"; "BP Plc" is BP by its legal form, see legalFormOf.)
func (a name) acronymOf(b name) bool {
	return a.acronym && len(b.words) >= 2 && b.initials == a.initials
}

// subUnits end the names of a body's parts, which are not other names for
// it: "Senate Banking Committee" and "Senate Democrats" are not the Senate.
var subUnits = setOf("committee", "subcommittee", "democrats", "republicans", "caucus", "panel")

// legalForms are the words that name a company's legal form after its
// name: "BP Plc" is BP, "Kestrel Motors Inc" is Kestrel Motors.
var legalForms = setOf("plc", "inc", "corp", "corporation", "co", "ltd", "limited", "llc", "llp", "lp",
	"sa", "ag", "nv", "se", "spa", "gmbh", "bv", "ab", "asa", "oyj", "pty")

// legalFormOf reports whether long is short followed by legal forms only.
func (short name) legalFormOf(long name) bool {
	if len(long.match) <= len(short.match) || !slices.Equal(long.match[:len(short.match)], short.match) {
		return false
	}
	for _, w := range long.match[len(short.match):] {
		if !legalForms[w] {
			return false
		}
	}
	return true
}

// title is a title or description the article gave a person.
type title struct {
	words []string // lower case: "u.s.", "secretary", "of", "state"
	name  string
	at    int // rune offset of the person's mention
}

// NewNames works out the canonical names of an article's mentions (in
// order, with rune offsets into text) and the titles it gives people.
func NewNames(text string, mentions []Mention) *Names {
	return newNames(text, mentions, byteOffsets(text, mentions), nameCache{})
}

// nameCache remembers the name forms of mention texts: names come back,
// within an article and across articles.
type nameCache map[nameKey]seenName

type seenName struct {
	form  name
	shown string
}

// maxNamesCached bounds a nameCache.
const maxNamesCached = 1 << 16

// newNames is NewNames given the byte offsets of the mentions and a cache.
func newNames(text string, mentions []Mention, bytes [][2]int, done nameCache) *Names {
	n := &Names{text: text, mentions: append([]Mention(nil), mentions...), bytes: bytes}
	n.forms = make([]name, len(n.mentions))
	if len(done) > maxNamesCached {
		clear(done)
	}
	type seen = seenName
	for i, m := range n.mentions {
		k := nameKey{m.Text, m.Type}
		f, ok := done[k]
		if !ok {
			f.form = newName(nameWords(m.Text, m.Type))
			f.shown = strings.Join(f.form.words, " ")
			if f.shown == "" {
				f.shown = m.Text
			}
			done[k] = f
		}
		n.forms[i] = f.form
		n.mentions[i].Name = f.shown
	}
	n.resolveParts()
	for i, m := range n.mentions {
		if m.Type == Person {
			n.collectTitles(i)
		}
	}
	return n
}

// nameKey is a mention's text and type.
type nameKey struct {
	text string
	typ  Type
}

// byteOffsets converts the rune offsets of ordered mentions to byte
// offsets in one pass over the text.
func byteOffsets(text string, ms []Mention) [][2]int {
	out := make([][2]int, len(ms))
	type point struct{ r, i, end int }
	pts := make([]point, 0, 2*len(ms))
	for i, m := range ms {
		pts = append(pts, point{m.Start, i, 0}, point{m.End, i, 1})
	}
	slices.SortFunc(pts, func(a, b point) int { return cmp.Compare(a.r, b.r) })
	r, b := 0, 0
	for _, p := range pts {
		for r < p.r && b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			r++
		}
		out[p.i][p.end] = b
	}
	return out
}

// Mentions returns the mentions with their canonical names.
func (n *Names) Mentions() []Mention { return n.mentions }

// nameWords returns the words of a mention's name: split at white space,
// without a possessive ending, surrounding punctuation, or (for a person)
// the honorifics and titles in front ("President Putin" → "Putin").
func nameWords(text string, t Type) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(w, func(r rune) bool { return strings.ContainsRune(`"“”‘(),;:`, r) })
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if len(w) > len(suf) && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
				break
			}
		}
		switch w {
		case "", "'s", "’s", "``", "''", "-LRB-", "-RRB-":
			continue
		}
		out = append(out, w)
	}
	if t == Person {
		for len(out) > 1 && isTitleWord(out[0]) {
			out = out[1:]
		}
	}
	return out
}

// isTitleWord reports whether w is an honorific or a title's head word.
func isTitleWord(w string) bool {
	l := strings.ToLower(w)
	return honorifics[l] || titleHeads[strings.TrimSuffix(l, ".")]
}

// honorifics precede a person's name.
var honorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord",
	"lady", "prof", "prof.", "rev", "rev.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.",
	"adm.", "maj.", "cmdr.", "pres.", "sheikh", "mme", "mme.", "herr", "frau", "monsieur", "madame")

// titleHeads are the words a person's title is built on.
var titleHeads = setOf(
	"president", "vice-president", "minister", "premier", "chancellor", "secretary", "senator", "sen",
	"congressman", "congresswoman", "representative", "rep", "governor", "gov", "mayor", "speaker",
	"leader", "chairman", "chairwoman", "chair", "chief", "director", "head", "commander", "general", "gen",
	"admiral", "colonel", "major", "captain", "lieutenant", "sergeant", "officer", "spokesman",
	"spokeswoman", "spokesperson", "ambassador", "envoy", "negotiator", "king", "queen", "prince",
	"princess", "emperor", "pope", "cardinal", "archbishop", "bishop", "ayatollah", "imam", "rabbi",
	"judge", "justice", "prosecutor", "attorney", "lawyer", "counsel", "coach", "manager", "captain",
	"editor", "executive", "ceo", "founder", "owner", "president-elect", "candidate", "nominee",
	"lawmaker", "legislator", "diplomat", "official", "adviser", "advisor", "aide", "economist",
	"analyst", "inspector", "commissioner", "administrator", "governor-general", "sheriff", "dean",
	"professor", "superintendent", "treasurer", "ombudsman", "monarch", "sultan", "emir", "shah",
)

// connectors may sit inside a title: "Secretary of State", "Minister for
// Foreign Affairs".
var connectors = setOf("of", "for", "the", "and", "&", "de", "on")

// resolveParts gives a mention that is part of a fuller name of the
// article (a surname, a short company name) or an acronym of one that
// fuller name.
func (n *Names) resolveParts() {
	byWord := map[string][]int{} // a match word or initials → mentions, in order
	for i, f := range n.forms {
		if len(f.words) < 2 {
			continue // a fuller form has two words or more
		}
		for k, w := range f.match {
			if !slices.Contains(f.match[:k], w) {
				byWord[w] = append(byWord[w], i)
			}
		}
		if f.initials != "" {
			byWord["^"+f.initials] = append(byWord["^"+f.initials], i)
		}
	}
	for i := range n.mentions {
		if j := n.fuller(i, byWord); j >= 0 {
			n.mentions[i].Name = n.mentions[j].Name
			if retyped(n.mentions[i].Type, n.forms[i], n.mentions[j].Type, n.forms[j]) {
				n.mentions[i].Type = n.mentions[j].Type
			}
		}
	}
}

// fuller returns the mention whose name is a fuller form of mention i's
// name, or -1: the nearest such before it, else the fullest after it.
// The candidates are the mentions of byWord under its first word (a
// fuller name holds it) and, for an acronym, under its letters. A fuller
// name that would retype the mention must come before it: "WASHINGTON"
// opening an article is not the Denzel Washington it names later.
func (n *Names) fuller(i int, byWord map[string][]int) int {
	m, w := n.mentions[i], n.forms[i]
	if len(w.match) == 0 || (m.Type != Person && m.Type != Organization && !w.acronym && len(w.words) != 1) {
		return -1 // a place or other name has a fuller form only as an acronym or a surname
	}
	before, after, afterLen := -1, -1, len(w.words)
	consider := func(cands []int) {
		for _, j := range cands {
			if j == i || len(n.forms[j].words) <= len(w.words) || !extends(m.Type, w, n.mentions[j].Type, n.forms[j]) ||
				j > i && retyped(m.Type, w, n.mentions[j].Type, n.forms[j]) {
				continue
			}
			switch {
			case j < i && j > before:
				before = j
			case j > i && len(n.forms[j].words) > afterLen:
				after, afterLen = j, len(n.forms[j].words)
			}
		}
	}
	consider(byWord[w.match[0]])
	if w.acronym {
		consider(byWord["^"+w.initials])
	}
	if before >= 0 {
		return before
	}
	return after
}

// extends reports whether name long (of type lt) is a fuller form of
// short (of type st).
func extends(st Type, short name, lt Type, long name) bool {
	if len(short.match) == 0 || len(long.match) == 0 {
		return false
	}
	lone := len(short.words) == 1 && len(short.match) == 1
	switch {
	case st == Person && lt == Person:
		return subsequence(short.match, long.match)
	case st == Organization && (lt == Organization || lt == Misc):
		return short.acronymOf(long) || short.legalFormOf(long) || (!short.acronym && short.shortNameOf(long))
	case short.acronymOf(long):
		return st == lt || st == Organization || lt == Organization
	// A lone word the recognizer typed otherwise than the fuller name
	// stands for it as a surname or a company's first word ("Forces loyal
	// to Gaddafi", "GADDAFI VOWS" after "Muammar Gaddafi"; "Mercantile"
	// after "Mercantile Bancorp Inc."): one article seldom names a person
	// and a company or a place by the same word.
	case lt == Person:
		return lone && short.match[0] == long.match[len(long.match)-1]
	case st == Person && lt == Organization:
		return lone && !short.acronym && short.shortNameOf(long)
	}
	return false
}

// retyped reports whether short (of type st), as a form of long (of type
// lt, see extends), takes long's type: a lone word taken for a person that
// is a company's, or the other way round (acronyms keep their type).
func retyped(st Type, short name, lt Type, long name) bool {
	return (st == Person) != (lt == Person) && !short.acronymOf(long)
}

// shortNameOf reports whether short is a company's name long cut short to
// its first words ("Kestrel" of "Kestrel Motors Inc"), unless long names a
// part of a body ("Senate" is not the "Senate Banking Committee").
func (short name) shortNameOf(long name) bool {
	return short.match[0] == long.match[0] && subsequence(short.match, long.match) && !subUnits[long.match[len(long.match)-1]]
}

// subsequence reports whether short's words all occur in long, in order.
func subsequence(short, long []string) bool {
	k := 0
	for _, w := range long {
		if k < len(short) && w == short[k] {
			k++
		}
	}
	return k == len(short)
}

// word is a run of non-space characters of the text.
type word struct {
	text       string
	start, end int // byte offsets
}

// wordsBefore returns up to max words that end before byte offset pos on
// the same line, nearest first.
func (n *Names) wordsBefore(out []word, pos, max int) []word {
	i := pos
	for len(out) < max {
		for i > 0 && n.text[i-1] != '\n' && token.IsSpaceByte(n.text[i-1]) {
			i--
		}
		if i == 0 || n.text[i-1] == '\n' {
			break
		}
		end := i
		for i > 0 && !token.IsSpaceByte(n.text[i-1]) {
			i--
		}
		out = append(out, word{n.text[i:end], i, end})
	}
	return out
}

// wordsAfter returns up to max words that start at or after byte offset pos
// on the same line, in order.
func (n *Names) wordsAfter(out []word, pos, max int) []word {
	i := pos
	for len(out) < max {
		for i < len(n.text) && n.text[i] != '\n' && token.IsSpaceByte(n.text[i]) {
			i++
		}
		if i == len(n.text) || n.text[i] == '\n' {
			break
		}
		start := i
		for i < len(n.text) && !token.IsSpaceByte(n.text[i]) {
			i++
		}
		out = append(out, word{n.text[start:i], start, i})
	}
	return out
}

// collectTitles records the titles the text gives person mention i: the
// capitalized title right before the name ("Russian President Vladimir
// Putin"), a title before it and a comma ("the secretary of state, Rex
// Tillerson"), or an apposition after it ("Rex Tillerson, the secretary of
// state,").
func (n *Names) collectTitles(i int) {
	m, b := n.mentions[i], n.bytes[i]
	var buf [10]word
	before := n.wordsBefore(buf[:0], b[0], 1)
	if len(before) == 1 && mayStartTitle(before[0].text) {
		before = n.wordsBefore(buf[:0], b[0], len(buf))
	}
	if t := titleBefore(before); len(t) > 0 {
		n.titles = append(n.titles, title{t, m.Name, m.Start})
	}
	if len(before) > 0 && (before[0].text == "," || strings.HasSuffix(before[0].text, ",")) {
		rest := before
		if rest[0].text == "," {
			rest = rest[1:]
		} else {
			rest = append([]word{{strings.TrimSuffix(rest[0].text, ","), rest[0].start, rest[0].end - 1}}, rest[1:]...)
		}
		if t := titlePhrase(reverse(rest)); len(t) > 0 {
			n.titles = append(n.titles, title{t, m.Name, m.Start})
		}
	}
	after := n.wordsAfter(buf[:0], b[1], 1)
	if len(after) > 0 && strings.HasPrefix(after[0].text, ",") {
		after = n.wordsAfter(buf[:0], b[1], len(buf))
		if after[0].text == "," {
			after = after[1:]
		} else {
			after[0].text = strings.TrimPrefix(after[0].text, ",")
		}
		if t := titlePhrase(after); len(t) > 0 {
			n.titles = append(n.titles, title{t, m.Name, m.Start})
		}
	}
}

// mayStartTitle reports whether the word before a name may end a title
// (see collectTitles): a capitalized word, a title word, or a comma.
func mayStartTitle(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || strings.HasSuffix(w, ",") || isTitleWord(w)
}

func reverse(ws []word) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		out[len(ws)-1-i] = w
	}
	return out
}

// titleBefore reads the capitalized title that directly precedes a name
// (words nearest first): title words, connectors and capitalized words
// back to the first other word, with a title head among them.
func titleBefore(before []word) []string {
	var ws []string
	for _, w := range before {
		t := w.text
		r, _ := utf8.DecodeRuneInString(t)
		if strings.ContainsAny(t, ",;:\"“”()") || !(unicode.IsUpper(r) || connectors[strings.ToLower(t)] || isTitleWord(t)) {
			break
		}
		ws = append(ws, strings.ToLower(t))
	}
	for len(ws) > 0 && connectors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	for i, j := 0, len(ws)-1; i < j; i, j = i+1, j-1 {
		ws[i], ws[j] = ws[j], ws[i]
	}
	return withHead(ws)
}

// titlePhrase reads a description in apposition (words in order): up to
// the first punctuation, without a leading determiner, with a title head
// among its words.
func titlePhrase(after []word) []string {
	var ws []string
	for _, w := range after {
		t := strings.TrimRight(w.text, ",.;:")
		stop := t != w.text
		if t == "" || strings.ContainsAny(t, "\"“”()") {
			break
		}
		ws = append(ws, strings.ToLower(t))
		if stop || len(ws) == 8 {
			break
		}
	}
	for len(ws) > 0 && determiners[ws[0]] {
		ws = ws[1:]
	}
	return withHead(ws)
}

// withHead returns ws if a title head is among them, else nil.
func withHead(ws []string) []string {
	for _, w := range ws {
		if titleHeads[strings.TrimSuffix(w, ".")] {
			return ws
		}
	}
	return nil
}

// determiners start a description without being part of it.
var determiners = setOf("the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "former", "then", "new", "acting", "outgoing")

// Resolve names the entity a stretch [start, end) of the text (rune
// offsets) refers to: the mention it overlaps most, a part of a fuller name
// ("Tillerson"), or a title or description the article gave a person ("the
// secretary of state", "the Russian president") — the nearest such person
// before the phrase, else after it. It returns the canonical name and type,
// and false when it cannot tell.
func (n *Names) Resolve(start, end int) (string, Type, bool) {
	if start < 0 || start >= end {
		return "", "", false
	}
	best, overlap := -1, 0
	for i, m := range n.mentions {
		if o := min(end, m.End) - max(start, m.Start); o > overlap {
			best, overlap = i, o
		}
	}
	if best >= 0 {
		return n.mentions[best].Name, n.mentions[best].Type, true
	}
	span := byteOffsets(n.text, []Mention{{Start: start, End: end}})[0]
	var ws []string
	for _, w := range strings.Fields(n.text[span[0]:span[1]]) {
		w = strings.ToLower(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), ",.;:"))
		if w != "" && (len(ws) > 0 || !determiners[w]) {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return "", "", false
	}
	if who, ok := n.bySurname(ws, start); ok {
		return who, Person, true
	}
	if withHead(ws) == nil {
		return "", "", false
	}
	pick := -1
	for k, t := range n.titles {
		if !subsetOf(ws, t.words) {
			continue
		}
		if t.at < start || pick < 0 {
			pick = k
		}
	}
	if pick < 0 {
		return "", "", false
	}
	return n.titles[pick].name, Person, true
}

// bySurname resolves a phrase of one capitalized-in-the-text word to the
// person whose fuller name holds it, nearest before pos first.
func (n *Names) bySurname(ws []string, pos int) (string, bool) {
	if len(ws) != 1 {
		return "", false
	}
	w := newName(ws)
	found := ""
	for i, m := range n.mentions {
		if m.Type != Person || len(n.forms[i].words) < 2 || !subsequence(w.match, n.forms[i].match) {
			continue
		}
		if m.Start < pos || found == "" {
			found = m.Name
		}
	}
	return found, found != ""
}

// subsetOf reports whether every word of a is in b.
func subsetOf(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, v := range b {
			if w == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
