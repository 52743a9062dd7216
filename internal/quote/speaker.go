package quote

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/dateline-news/dateline/internal/entity"
)

// Speaker resolution: a quote's speaker is who its source names.
//
//   - A source that holds a person's mention is that person (the last one:
//     "Trump campaign spokesman Jason Miller" is Jason Miller), unless the
//     mention is a possessor ("Trump’s campaign"); failing a person, an
//     organization the source ends with ("officials at the State
//     Department").
//   - A personal pronoun ("he", "she") is the speaker of the nearest quote
//     before it within pronounReach sentences whose speaker is a person;
//     failing that, the last person mentioned in those sentences outside
//     quotation marks.
//   - A title ("the secretary of state", "the senator") is the person the
//     article named with that title before ("Secretary of State Rex
//     Tillerson", "Rex Tillerson, the secretary of state").
//   - A relative pronoun ("Tomas Brandt, who said …") is the name just
//     before it.
//   - A first-person pronoun ("I", "we") inside another quote's content
//     ("“I told them we would stay,” Vance said"; a transcript's turn,
//     "VANCE: I think …") is that quote's speaker.
//   - Any other source speaks under its own words ("a senior official, who
//     demanded anonymity"); one that reads as a name ("Mayor Ada Vance")
//     is taken for a person that later pronouns may refer to, and one that
//     reads as a name and its description ("Tomas Brandt, the city
//     treasurer") is the name.

// maxEarlierQuotes is how many earlier quotes a pronoun source looks back
// over for its person, the nearest first.
const maxEarlierQuotes = 50

// pronounReach is how many sentences back a pronoun looks for its person:
// its own and the two before.
const pronounReach = 2

// personal pronouns that can stand for a named person.
var personalPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true}

// relativePronouns open a relative clause whose source is the name before
// them.
var relativePronouns = map[string]bool{"who": true}

// firstPersonPronouns are the speaker's own words for themselves.
var firstPersonPronouns = map[string]bool{"i": true, "we": true}

// firstPerson reports whether a speaker is a first-person pronoun left as
// its own words ("I", "We"). Only a word as short as the pronouns is
// lower-cased: innermostAround asks it of every pair of quotes.
func firstPerson(speaker string) bool {
	return len(speaker) <= 2 && firstPersonPronouns[strings.ToLower(speaker)]
}

// titleDeterminers open a title source ("the", "a" are not part of the
// title looked for).
var titleDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true}

// mentionTok is an entity mention in tokens.
type mentionTok struct {
	from, to int
	m        entity.Mention
}

// speakers fills in the speaker of each candidate. names are the Names of
// mentions, or nil to work them out when a title source needs them.
func (d *doc) speakers(cs []cand, mentions []entity.Mention, names *entity.Names) {
	ms := d.mentionTokens(mentions)
	sentOf := d.sentenceIndex()
	order := make([]int, len(cs)) // candidates in order of their sources (or cues)
	for i := range order {
		order[i] = i
	}
	at := func(c cand) int {
		if c.src.from < c.src.to {
			return c.src.from
		}
		return c.cue.from
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(at(cs[a]), at(cs[b])) })
	for n, i := range order {
		c := &cs[i]
		if c.src.from >= c.src.to {
			continue
		}
		c.speaker, c.person = d.speakerOf(c.src, ms)
		if c.speaker != "" {
			continue
		}
		words := d.sourceWords(c.src)
		switch {
		case c.src.to-c.src.from == 1 && personalPronouns[d.low[c.src.from]]:
			c.speaker, c.person = d.pronounSpeaker(cs, order[:n], c.src.from, ms, sentOf)
		case c.src.to-c.src.from == 1 && relativePronouns[d.low[c.src.from]]:
			c.speaker, c.person = d.antecedent(c.src.from, ms)
		case titleDeterminers[d.low[c.src.from]] && len(mentions) > 0:
			if names == nil {
				names = entity.NewNames(d.text, mentions)
			}
			c.speaker, c.person = d.titleHolder(c.src, names)
		}
		if c.speaker == "" {
			c.speaker, c.person = words, d.looksLikeName(c.src)
		}
		if !c.person {
			if name, ok := d.namedApposition(c.src); ok {
				c.speaker, c.person = d.sourceWords(name), true
			}
		}
	}
	// First-person sources last, once the quotes around them have their
	// speakers; twice, for a quote inside a quote inside a turn.
	for range 2 {
		for i := range cs {
			if c := &cs[i]; c.src.to-c.src.from == 1 && firstPersonPronouns[d.low[c.src.from]] {
				if o := innermostAround(cs, i); o >= 0 {
					c.speaker, c.person = cs[o].speaker, cs[o].person
				}
			}
		}
	}
}

// antecedent names the mention that ends just before token k (a comma
// between them aside): "Tomas Brandt, who …".
func (d *doc) antecedent(k int, ms []mentionTok) (string, bool) {
	end := k
	if end > 0 && d.low[end-1] == "," {
		end--
	}
	for _, m := range ms {
		if m.to == end && (m.m.Type == entity.Person || m.m.Type == entity.Organization) {
			return nameOf(m.m), m.m.Type == entity.Person
		}
	}
	return "", false
}

// innermostAround returns the candidate other than i whose content holds
// i's source most narrowly and that has a speaker other than a first-person
// pronoun, or -1.
func innermostAround(cs []cand, i int) int {
	src, best, width := cs[i].src, -1, 0
	for o := range cs {
		if o == i || cs[o].speaker == "" || firstPerson(cs[o].speaker) {
			continue
		}
		for _, p := range cs[o].parts {
			if p.from <= src.from && src.to <= p.to && (best < 0 || p.to-p.from < width) {
				best, width = o, p.to-p.from
			}
		}
	}
	return best
}

// nameParticles may stand uncapitalized inside a name.
var nameParticles = map[string]bool{"of": true, "de": true, "da": true, "van": true, "von": true, "al": true, "bin": true, "la": true, "le": true, "del": true}

// looksLikeName reports whether a source reads as a person's name or a
// title with one ("Mayor Ada Vance", "Sen. Elizabeth Warren"), for the
// pronouns that follow when no recognizer named it: capitalized words, the
// first neither a determiner nor a pronoun.
func (d *doc) looksLikeName(r tokRange) bool {
	if r.to-r.from > 6 || titleDeterminers[d.low[r.from]] || personalPronouns[d.low[r.from]] {
		return false
	}
	words := 0
	for k := r.from; k < r.to; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			if d.low[k] == "." || d.low[k] == "-" {
				continue
			}
			return false
		}
		if !startsUpper(d.text[t.b:t.e]) && !nameParticles[d.low[k]] {
			return false
		}
		words++
	}
	return words > 0
}

// namedApposition finds the name of a source that is a name and its
// description ("Tomas Brandt, the city treasurer"; "Lena Marsh, farmer").
func (d *doc) namedApposition(r tokRange) (tokRange, bool) {
	for k := r.from + 1; k < r.to; k++ {
		if d.low[k] == "," {
			name := tokRange{r.from, k}
			return name, d.looksLikeName(name)
		}
	}
	return tokRange{}, false
}

// trimSources drops from each source what no source holds: a bracketed
// group in front ("-LRB- Updated 7:40 p.m. -RRB- A senior U.S. official",
// an update note in wire copy), the end of one opened before it ("7:41 a.m.
// ET -RRB- The Egyptian cabinet"), a bracket left open at its end, and a
// source of no word at all.
// (Dashes, commas and colons at the ends are left: PolNeAR's sources hold
// them often enough that trimming them costs source F1.)
func (d *doc) trimSources(cs []cand) {
	for i := range cs {
		s := &cs[i].src
		for s.from < s.to && bracketOf(d.low[s.from]) > 0 {
			k := d.closingBracket(s.from, s.to)
			if k < 0 || k+1 >= s.to {
				break
			}
			s.from = k + 1
		}
		depth, open := 0, -1
		for k := s.from; k < s.to; k++ {
			switch b := bracketOf(d.low[k]); {
			case b > 0:
				if depth++; depth == 1 {
					open = k
				}
			case b < 0 && depth > 0:
				depth--
			case b < 0 && k+1 < s.to && k-s.from < maxLeadIn: // closes a bracket opened before the source
				s.from = k + 1
			}
		}
		if depth > 0 && open > s.from { // a bracket left open at the end
			s.to = open
		}
		if !d.namesAnything(s.from, s.to) {
			s.to = s.from
		}
	}
}

// namesAnything reports whether tokens [i, j) hold a word that is not a
// parenthesis written out ("-LRB-"): a parenthesis or a mark alone names
// no one.
func (d *doc) namesAnything(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].kind == tWord && bracketOf(d.low[k]) == 0 {
			return true
		}
	}
	return false
}

// maxLeadIn is how many tokens into a source the end of a parenthesis
// opened before it may come for the source to start after it ("7:41 a.m. ET
// -RRB- The Egyptian cabinet"); one further in is a stray mark, not a note
// in front.
const maxLeadIn = 6

// brackets are the opening (+1) and closing (-1) parentheses, as written
// and as Penn Treebank text writes them. Square and curly brackets are left
// out: news sources seldom hold them, and a stray "]" (of a terminal escape,
// of Markdown) would cut a source short.
var brackets = map[string]int{"(": 1, "-lrb-": 1, ")": -1, "-rrb-": -1}

// bracketOf is +1 for an opening parenthesis (a token's lower-case form),
// -1 for a closing one, else 0.
func bracketOf(low string) int { return brackets[low] }

// closingBracket returns the token in [from, to) that closes the bracket
// opened at token from, or -1.
func (d *doc) closingBracket(from, to int) int {
	depth := 0
	for k := from; k < to; k++ {
		if depth += bracketOf(d.low[k]); depth == 0 {
			return k
		}
	}
	return -1
}

// sourceWords is the text of a source.
func (d *doc) sourceWords(r tokRange) string {
	return d.text[d.toks[r.from].b:d.toks[r.to-1].e]
}

// mentionTokens maps mentions to tokens, dropping those outside the text,
// sorted by start.
func (d *doc) mentionTokens(mentions []entity.Mention) []mentionTok {
	out := make([]mentionTok, 0, len(mentions))
	for _, m := range mentions {
		if m.End <= m.Start || m.Start < 0 || len(d.toks) == 0 || m.Start >= d.toks[len(d.toks)-1].re {
			continue
		}
		i, j, _ := d.tokenSpan(Span{m.Start, m.End})
		if i < j {
			out = append(out, mentionTok{i, j, m})
		}
	}
	slices.SortStableFunc(out, func(a, b mentionTok) int { return cmp.Compare(a.from, b.from) })
	return out
}

// sentenceIndex returns the sentence of every token (counting paragraph
// breaks as sentence ends).
func (d *doc) sentenceIndex() []int {
	d.sentOf = resize(d.sentOf, len(d.toks))
	out := d.sentOf
	s := 0
	for i, t := range d.toks {
		if i > 0 && (d.sent[i-1] || t.nl > 0) {
			s++
		}
		out[i] = s
	}
	return out
}

// speakerOf names the entity a source holds, and whether it is a person.
func (d *doc) speakerOf(src tokRange, ms []mentionTok) (string, bool) {
	var person, org *mentionTok
	for k := range ms {
		m := &ms[k]
		if m.from < src.from || m.to > src.to {
			continue
		}
		if m.to < src.to && d.toks[m.to].kind == tWord && (d.low[m.to] == "’s" || d.low[m.to] == "'s") {
			continue // a possessor: "Trump’s campaign"
		}
		switch m.m.Type {
		case entity.Person:
			person = m
		case entity.Organization:
			if m.to == src.to || d.low[m.to] == "," {
				org = m
			}
		}
	}
	switch {
	case person != nil:
		return nameOf(person.m), true
	case org != nil:
		return nameOf(org.m), false
	}
	return "", false
}

func nameOf(m entity.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Text
}

// pronounSpeaker resolves a pronoun at token k: the person speaking in the
// nearest earlier quote within reach, else the last person mentioned
// within reach outside quotation marks.
func (d *doc) pronounSpeaker(cs []cand, earlier []int, k int, ms []mentionTok, sentOf []int) (string, bool) {
	reach := sentOf[k] - pronounReach
	for n := len(earlier) - 1; n >= 0 && n >= len(earlier)-maxEarlierQuotes; n-- {
		c := cs[earlier[n]]
		if sentOf[c.cue.from] < reach {
			break
		}
		if c.person {
			return c.speaker, true
		}
	}
	n, _ := slices.BinarySearchFunc(ms, k, func(m mentionTok, k int) int { return cmp.Compare(m.from, k) })
	for n--; n >= 0; n-- {
		m := ms[n]
		if m.to > k {
			continue
		}
		if sentOf[m.from] < reach {
			break
		}
		if m.m.Type == entity.Person && d.inReg[m.from] < 0 {
			return nameOf(m.m), true
		}
	}
	return "", false
}

// titleHolder resolves a title source ("the secretary of state") to the
// person the article gave that title (entity.Names.Resolve: "Secretary of
// State Rex Tillerson", "Rex Tillerson, the secretary of state", the
// nearest before, else after).
func (d *doc) titleHolder(src tokRange, names *entity.Names) (string, bool) {
	if src.to-src.from > 7 {
		return "", false
	}
	name, typ, ok := names.Resolve(d.toks[src.from].rs, d.toks[src.to-1].re)
	if !ok || typ != entity.Person {
		return "", false
	}
	return name, true
}

// SpeakerMatches reports whether a speaker goes by name, allowing for the
// aliases news uses for one person or body: the two compare word by word
// (case and punctuation aside), and match when every word of the shorter
// is one of the longer's and they end alike ("Putin", "Vladimir Putin" and
// "Russian President Vladimir Putin" are one speaker; "Hillary Clinton" and
// "Bill Clinton" are not).
func SpeakerMatches(name, speaker string) bool {
	a, b := nameWords(name), nameWords(speaker)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if a[len(a)-1] != b[len(b)-1] {
		return false
	}
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// nameWords splits a name into lower-case words, dropping punctuation and
// a possessive ending.
func nameWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		f = strings.Trim(f, "'’-")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
