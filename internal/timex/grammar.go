package timex

// The grammar is a list of productions over the tokens of one sentence. A
// production has a name, the tokens it can start on (its head), a function
// that matches it from a cursor, and an example. Each file of productions
// declares its list (numberProductions, calendarProductions, ...); the
// dispatcher (parser.core) tries, at a token, every production whose head
// accepts it and keeps the longest match, the first of the list on equal
// length. Around what core matches, expr reads quantity modifiers (about,
// more than), position modifiers (early, the end of) and suffixes (ago, or
// so, and beyond). The extents follow the TimeML guidelines as TempEval-3
// drew them: determiners and pre-modifiers (the, early, about) belong to the
// expression, prepositions (in, on, at) and the possessive 's do not.

// match is a matched expression: tokens [i, j) and what they say.
type match struct {
	start, end int
	s          spec
}

// production is one rule of the grammar.
type production struct {
	name    string
	head    head // the token it starts on
	match   func(c cursor) (match, bool)
	example string // a phrase the production matches, as the tagger reads it
}

// head says which tokens a production can start on: what its first token
// must be (accepts), and whether "the" comes before that token. accepts may
// read the token's kind, its ordinal suffix and its lexeme, nothing else:
// the candidates of every lexeme are computed once (see indexRules).
type head struct {
	article article
	accepts func(t *token) bool
}

// article says whether a production's head comes after "the".
type article uint8

const (
	noArticle   article = iota // the production starts on its head
	optionalThe                // with or without "the": last week, the next day
	requiredThe                // after "the": the 1990s, the past
)

func on(f func(t *token) bool) head               { return head{noArticle, f} }
func afterThe(f func(t *token) bool) head         { return head{requiredThe, f} }
func withOrWithoutThe(f func(t *token) bool) head { return head{optionalThe, f} }

// startsAt reports whether a production with head h can start at token i
// (at "the" when the head follows it).
func (h head) startsAt(p *parser, i int) bool {
	if h.article != requiredThe && h.accepts(p.tok(i)) {
		return true
	}
	return h.article != noArticle && p.keyword(i) == wThe && h.accepts(p.tok(i+1))
}

// productions is the grammar, in the order the dispatcher tries it.
var productions = concat(numberProductions, clockProductions, calendarProductions, amountProductions,
	relativeProductions)

func concat(lists ...[]production) []production {
	var out []production
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Productions lists the rules of the grammar in the order the tagger tries
// them: each name with an example phrase.
func Productions() []Production {
	out := make([]Production, len(productions))
	for k, pr := range productions {
		out[k] = Production{Name: pr.name, Example: pr.example}
	}
	return out
}

// Production is one rule of the English grammar, for listing.
type Production struct {
	Name    string // the rule's name, as in the source (monthDay, lastUnit...)
	Example string // a phrase it matches
}

// Heads of productions.

func isNumber(t *token) bool { return t.kind == tNum }

// wordHead returns a head that accepts the word tokens whose lexeme has f.
func wordHead(f func(l *lexeme) bool) func(t *token) bool {
	return func(t *token) bool { return t.kind == tWord && t.lexeme != nil && f(t.lexeme) }
}

// keywordHead returns a head that accepts the keywords ws.
func keywordHead(ws ...word) func(t *token) bool {
	return wordHead(func(l *lexeme) bool {
		for _, w := range ws {
			if l.keyword == w {
				return true
			}
		}
		return false
	})
}

// eitherHead returns a head that accepts what any of hs accepts.
func eitherHead(hs ...func(t *token) bool) func(t *token) bool {
	return func(t *token) bool {
		for _, h := range hs {
			if h(t) {
				return true
			}
		}
		return false
	}
}

// The candidates of a token: the productions whose head accepts it, in
// grammar order, and those whose head accepts it after "the". Words carry
// theirs in the lexicon (lexeme.rules, lexeme.rulesAfterThe); numbers have
// lists of their own, with and without an ordinal suffix.
var numberRules, ordinalNumberRules [2][]*production

// indexRules computes the candidates of every lexeme and of numbers; the
// lexicon's init calls it once the lexicon is built.
func indexRules() {
	for k, afterThe := range []bool{false, true} {
		numberRules[k] = headed(&token{kind: tNum}, afterThe)
		ordinalNumberRules[k] = headed(&token{kind: tNum, suf: sufOrd}, afterThe)
	}
	for _, l := range lexicon {
		t := &token{kind: tWord, lexeme: l}
		l.rules, l.rulesAfterThe = headed(t, false), headed(t, true)
	}
}

func headed(t *token, afterThe bool) []*production {
	var out []*production
	for k := range productions {
		h := productions[k].head
		if h.accepts(t) && (afterThe && h.article != noArticle || !afterThe && h.article != requiredThe) {
			out = append(out, &productions[k])
		}
	}
	return out
}

// candidates returns the productions that can start on t, or, afterThe,
// on "the" and t.
func candidates(t *token, afterThe bool) []*production {
	k := 0
	if afterThe {
		k = 1
	}
	switch {
	case t.kind == tNum && t.suf == sufOrd:
		return ordinalNumberRules[k]
	case t.kind == tNum:
		return numberRules[k]
	case t.kind == tWord && t.lexeme != nil && afterThe:
		return t.lexeme.rulesAfterThe
	case t.kind == tWord && t.lexeme != nil:
		return t.lexeme.rules
	}
	return nil
}

// parser holds the tokens of a text; matching stays inside the current
// sentence, tokens [s, n).
type parser struct {
	toks               []token
	text               string
	sentStart, sentEnd int
}

var noLex = &lexeme{}

// endToken is what the grammar reads outside the sentence's tokens: a token
// of no kind, with no lexeme and no number, that no production matches.
// Every read of a token goes through tok, so a production that looks past
// the end of its sentence ("Friday at") sees endToken, never an index out of
// range. Nothing writes to it.
var endToken = token{kind: tEnd, num: -1}

// tok returns token i, or endToken when i is outside [0, n).
func (p *parser) tok(i int) *token {
	if i < 0 || i >= p.sentEnd {
		return &endToken
	}
	return &p.toks[i]
}

// lexeme returns the lexeme of token i (noLex for none).
func (p *parser) lexeme(i int) *lexeme {
	if l := p.tok(i).lexeme; l != nil {
		return l
	}
	return noLex
}

func (p *parser) keyword(i int) word { return p.lexeme(i).keyword }

func (p *parser) punct(i int, ch byte) bool {
	t := p.tok(i)
	return t.kind == tPunct && t.ch == ch
}

// glued reports whether token i starts right where token i-1 ends.
func (p *parser) glued(i int) bool {
	return i > 0 && i < p.sentEnd && p.toks[i].byteStart == p.toks[i-1].byteEnd
}

// alone reports whether m is all its sentence holds, but for punctuation.
func (p *parser) alone(m *match) bool {
	for k := p.sentStart; k < p.sentEnd; k++ {
		if (k < m.start || k >= m.end) && p.tok(k).kind != tPunct {
			return false
		}
	}
	return true
}

// inWord reports whether token i is a number glued to the letters or digits
// before it, as inside a code or a link ("pic.twitter.com/P2qpm3h3Pm"): no
// time expression starts there.
func (p *parser) inWord(i int) bool {
	return p.tok(i).kind == tNum && p.glued(i) && (p.tok(i-1).kind == tWord || p.tok(i-1).kind == tNum)
}

// inName reports whether match m holds a unit word written with a capital
// in running text, after a word or a number: a name, as in Person of the
// Year, ABC's This Week, 60 Minutes, the Six-Day War, the first One Day
// International. A holiday is the name of a day (Labor Day, New Year's
// Day), a headline capitalizes every word, and a capital Century is common
// usage.
func (p *parser) inName(m *match) bool {
	if m.s.cal.hol != nil {
		return false
	}
	for k := m.start; k < m.end; k++ {
		t := p.tok(k)
		l := p.lexeme(k)
		if t.kind != tWord || !t.cap || t.upper || l.unit == uNone || l.unit >= uCentury || l.ord != 0 || k == p.sentStart {
			continue // the 20th Century is common usage; Second-quarter
		}
		if prev := p.tok(k - 1); prev.kind == tWord || prev.kind == tNum || prev.kind == tPunct && prev.ch == '-' {
			return !p.headline()
		}
	}
	return false
}

// headline reports whether every word of five letters or more in the
// sentence, and there are two at least, starts with a capital, as in a
// headline or a title.
func (p *parser) headline() bool {
	long := 0
	for k := p.sentStart; k < p.sentEnd; k++ {
		if t := p.tok(k); t.kind == tWord && t.byteEnd-t.byteStart >= 5 {
			if !t.cap {
				return false
			}
			long++
		}
	}
	return long >= 2
}

// hyphen reports whether token i is a hyphen joining i-1 and i+1 (both glued,
// as in "third-quarter"; PTB keeps hyphenated words whole).
func (p *parser) hyphen(i int) bool {
	return p.punct(i, '-') && p.glued(i) && p.glued(i+1)
}

// hasHyphen reports whether a glued hyphen joins two of the tokens [i, j).
func (p *parser) hasHyphen(i, j int) bool {
	for k := i + 1; k < j-1; k++ {
		if p.hyphen(k) {
			return true
		}
	}
	return false
}

func (p *parser) unitFollows(k int) bool { return p.lexeme(k).unit != uNone }

// plainNum returns the value of a number token without suffix, apostrophe,
// thousands separator or decimals.
func (p *parser) plainNum(i int) (int, bool) {
	t := p.tok(i)
	if t.kind != tNum || t.suf != sufNone || t.apos || t.comma || t.num < 0 {
		return 0, false
	}
	return t.num, true
}

func (p *parser) cap(i int) bool { return p.tok(i).cap }

// word returns the text of token i as written.
func (p *parser) word(i int) string {
	t := p.tok(i)
	if t.kind == tEnd {
		return ""
	}
	return p.text[t.byteStart:t.byteEnd]
}

// skipDot returns i+1 when token i is a period glued to the token before it
// (Jan., Sept.), else i.
func (p *parser) skipDot(i int) int {
	if p.punct(i, '.') && p.glued(i) {
		return i + 1
	}
	return i
}

// cursor reads the tokens of a sentence from the start of an expression, the
// way the lexer of text/template reads runes: the accept methods move past
// what they recognize and report whether they did; the others look without
// moving. A production returns c.match(s) for tokens [c.i, c.k).
type cursor struct {
	p          *parser
	start, pos int // the start of the expression and the next token
}

// at returns a cursor at token i.
func (p *parser) at(i int) cursor { return cursor{p: p, start: i, pos: i} }

func (c *cursor) tok() *token     { return c.p.tok(c.pos) }
func (c *cursor) lexeme() *lexeme { return c.p.lexeme(c.pos) }
func (c *cursor) is(w word) bool  { return c.p.keyword(c.pos) == w }

// next moves one token on.
func (c *cursor) next() { c.pos++ }

// word accepts the keyword w.
func (c *cursor) word(w word) bool {
	if c.is(w) {
		c.pos++
		return true
	}
	return false
}

// words accepts the keywords ws in a row, or nothing.
func (c *cursor) words(ws ...word) bool {
	for n, w := range ws {
		if c.p.keyword(c.pos+n) != w {
			return false
		}
	}
	c.pos += len(ws)
	return true
}

// hyphenatedWords accepts the keywords ws, each after a hyphen:
// "-and-a-half".
func (c *cursor) hyphenatedWords(ws ...word) bool {
	for n, w := range ws {
		if !c.p.hyphen(c.pos+2*n) || c.p.keyword(c.pos+2*n+1) != w {
			return false
		}
	}
	c.pos += 2 * len(ws)
	return true
}

// punct accepts the punctuation mark ch.
func (c *cursor) punct(ch byte) bool {
	if c.p.punct(c.pos, ch) {
		c.pos++
		return true
	}
	return false
}

// hyphen accepts a hyphen glued to both its neighbours.
func (c *cursor) hyphen() bool {
	if c.p.hyphen(c.pos) {
		c.pos++
		return true
	}
	return false
}

// dot accepts a period glued to the token before it (Jan., yrs.).
func (c *cursor) dot() bool {
	if c.p.punct(c.pos, '.') && c.p.glued(c.pos) {
		c.pos++
		return true
	}
	return false
}

// number accepts a quantity (see parser.number).
func (c *cursor) number() (qty, bool) {
	q, j, ok := c.p.number(c.pos)
	if ok {
		c.pos = j
	}
	return q, ok
}

// unit accepts a unit of time and its period, if abbreviated; plural
// reports a plural form.
func (c *cursor) unit() (u unit, plural, ok bool) {
	u, plural, j, ok := c.p.unitAt(c.pos)
	if ok {
		c.pos = j
	}
	return u, plural, ok
}

// ordinal accepts an ordinal: third, 3rd, twenty-first.
func (c *cursor) ordinal() (int, bool) {
	o, j, ok := c.p.ordAt(c.pos)
	if ok {
		c.pos = j
	}
	return o, ok
}

// year accepts the year of a date: 1998, '98, nineteen ninety-eight.
func (c *cursor) year() (int, bool) {
	y, j, ok := c.p.yearAt(c.pos)
	if ok {
		c.pos = j
	}
	return y, ok
}

// day accepts a day of the month: 11, 11th, eleventh.
func (c *cursor) day() (int, bool) {
	d, j, ok := c.p.dayNum(c.pos)
	if ok {
		c.pos = j
	}
	return d, ok
}

// sub runs the production f at the cursor and, when it matches, returns
// its match as starting where the cursor's expression starts.
func (c *cursor) sub(f func(c cursor) (match, bool)) (match, bool) {
	m, ok := f(c.p.at(c.pos))
	m.start = c.start
	return m, ok
}

// match returns the expression from the start to the cursor.
func (c *cursor) match(s spec) (match, bool) { return match{c.start, c.pos, s}, true }

// expr matches a complete expression at i: optional quantity modifiers
// (about, more than, at least), optional position modifiers (early, the end
// of), a core expression and its suffixes (ago, later, or so).
func (p *parser) expr(i int) (match, bool) {
	t := p.tok(i)
	if t.kind != tNum && (t.lexeme == nil || !t.lexeme.start) {
		return match{}, false
	}
	if l := t.lexeme; l != nil && (l.keyword == wThe || l.keyword == wA || l.keyword == wAn) {
		// "the", "a": only before a word of the lexicon, a number or an
		// apostrophe ('90s)
		if n := p.tok(i + 1); n.kind != tNum && n.lexeme == nil && !(n.kind == tPunct && n.ch == '\'') {
			return match{}, false
		}
	}
	best, ok := p.modded(i)
	if m, ok2 := p.quantified(i); ok2 && (!ok || m.end > best.end) {
		best, ok = m, true
	}
	if !ok {
		return match{}, false
	}
	p.suffixes(&best)
	p.atClock(&best)
	return best, true
}

// core matches an expression without quantity or position modifiers: the
// longest match of the productions that can start at i.
func (p *parser) core(i int) (match, bool) {
	var best match
	found := false
	t := p.tok(i)
	rules := candidates(t, false)
	if t.lexeme != nil && t.lexeme.keyword == wThe {
		rules = candidates(p.tok(i+1), true)
	}
	for _, pr := range rules {
		if m, ok := pr.match(p.at(i)); ok && m.end > m.start && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	return best, found
}

// atClock extends a day with the time of day that follows it: "February 3,
// 2011 at 8:05 am", "Friday at noon".
func (p *parser) atClock(m *match) {
	s := &m.s
	if s.typ != Date || s.tod != "" || s.mod != "" || p.keyword(m.end) != wAt || s.possessive ||
		!(s.gran == uDay || s.kind == kindCalendar && s.cal.wday != 0) {
		return
	}
	c := p.at(m.end + 1)
	var t match
	var ok bool
	switch c.lexeme().keyword {
	case wNoon, wMidnight, wMidday:
		t, ok = clockWord(c)
	default:
		t, ok = clockTime(c)
	}
	if !ok || t.s.kind != kindOffset || t.s.anchor != anchorNarrative || t.s.tod == "" || t.end <= m.end+1 {
		return
	}
	s.typ, s.tod = Time, t.s.tod
	m.end = t.end
}
