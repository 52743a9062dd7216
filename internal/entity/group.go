package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Grouping names across articles. Each article names its entities by the
// fullest form it gives them, but articles differ: one says "Vladimir
// Putin", another only "Putin", a third "Russian President Vladimir
// Putin". Group puts such names of one type under one entity, named by its
// most frequent full form, with the others as aliases.

// Record is a name as a store counts it: a canonical name, its type, how
// many mentions had it and in how many articles.
type Record struct {
	Name     string
	Type     Type
	Count    int
	Articles int // 0 when not counted: the name then weighs by its mentions
}

// Entity is a group of names that refer to one entity.
type Entity struct {
	Name    string // the most frequent of its fullest names
	Type    Type
	Count   int      // mentions of all its names
	Aliases []Record // its names, most frequent first (Name among them)
}

// Group gathers records into entities. Names are compared without titles
// and honorifics in front ("Russian President Vladimir Putin" is "Vladimir
// Putin"), without periods and case ("U.S." is "US"); a name seen under
// several types takes the type of most of its mentions. Then, from the most
// mentioned name down, each name joins the entity of its type whose names
// it is a part or a fuller form of ("Putin" of "Vladimir Putin", "Exxon" of
// "Exxon Mobil Corp", "BP" of "BP Plc", "Vladimir V. Putin") or the
// acronym of ("UN"), if that entity is the clear choice — at least twice as
// mentioned as any other it would fit ("Bush" stays alone beside "George
// Bush" and "Jeb Bush"); otherwise it starts an entity. Across articles the
// evidence must be stronger than within one (see group.fits): a person's
// shorter name keeps the surname and agrees with all the person's fuller
// names, and initials alone join only names of comparable frequency. An
// acronym typed an organization for some mentions and a place for others
// may join the place it stands for, or the other way round (see mayBe):
// "US" joins "United States".
// Entities come most mentioned first, each named by its most used name of
// two words or more (used by the most articles, when the records count
// them).
func Group(records []Record) []Entity {
	names := mergeKeys(records)
	slices.SortFunc(names, func(a, b *groupName) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.key, b.key))
	})
	var groups []*group
	byWord := map[string][]int{}    // word or acronym → groups with a name holding it
	var cands []int                 // the groups a name may join
	seen := make([]int, len(names)) // seen[g] == stamp: g is in cands already
	stamp := 1
	for _, nm := range names {
		keys := nm.keys()
		cands = cands[:0]
		for _, k := range keys {
			for _, g := range byWord[k] {
				if seen[g] != stamp {
					seen[g] = stamp
					cands = append(cands, g)
				}
			}
		}
		stamp++
		best, second := -1, 0
		for _, g := range cands {
			if !groups[g].fits(nm) {
				continue
			}
			c := groups[g].count
			switch {
			case best < 0 || c > groups[best].count || (c == groups[best].count && g < best):
				if best >= 0 {
					second = max(second, groups[best].count)
				}
				best = g
			default:
				second = max(second, c)
			}
		}
		if best < 0 || groups[best].count < 2*second {
			best = len(groups)
			groups = append(groups, &group{typ: nm.typ})
		}
		g := groups[best]
		g.names = append(g.names, nm)
		g.count += nm.count
		for _, k := range keys {
			if l := byWord[k]; len(l) == 0 || l[len(l)-1] != best {
				byWord[k] = append(l, best)
			}
		}
	}
	out := make([]Entity, 0, len(groups))
	for _, g := range groups {
		e := Entity{Type: g.typ, Count: g.count}
		if len(g.names) > 1 {
			byType := map[Type]int{}
			for _, nm := range g.names {
				for t, c := range nm.byType {
					byType[t] += c
				}
			}
			e.Type = majority(byType) // g.typ unless names of two types joined (mayBe)
		}
		bare := map[string]int{}
		for _, nm := range g.names {
			for f, c := range nm.forms {
				e.Aliases = append(e.Aliases, Record{Name: f, Type: e.Type, Count: c})
			}
			for f, c := range nm.bare {
				bare[f] += c
			}
		}
		slices.SortFunc(e.Aliases, func(a, b Record) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
		e.Name = fullestFrequent(bare)
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entity) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
	return out
}

// groupName is one distinct name (after normalization) with its counts.
type groupName struct {
	key    string
	form   name // its most mentioned form without titles
	typ    Type
	count  int
	byType map[Type]int
	forms  map[string]int // the records' names, as written
	bare   map[string]int // the same without titles, weighed by articles (by mentions when not counted)
}

// mergeKeys merges the records that normalize to one name.
func mergeKeys(records []Record) []*groupName {
	index := map[string]*groupName{}
	var names []*groupName
	for _, r := range records {
		words := stripTitles(nameWords(r.Name, r.Type))
		key := strings.ToLower(keyReplacer.Replace(strings.Join(words, " ")))
		if key == "" {
			continue
		}
		nm := index[key]
		if nm == nil {
			nm = &groupName{key: key, byType: map[Type]int{}, forms: map[string]int{}, bare: map[string]int{}}
			index[key] = nm
			names = append(names, nm)
		}
		nm.count += r.Count
		nm.byType[r.Type] += r.Count
		nm.forms[r.Name] += r.Count
		w := r.Articles
		if w <= 0 {
			w = r.Count
		}
		nm.bare[strings.Join(words, " ")] += w
	}
	for _, nm := range names {
		nm.typ = majority(nm.byType)
		nm.form = newName(strings.Fields(majorityForm(nm.bare)))
	}
	return names
}

// keyReplacer normalizes a name for comparison: "U.S." is "US", "al-Assad"
// is "al Assad".
var keyReplacer = strings.NewReplacer(".", "", "-", " ")

// stripTitles drops the words up to the last title word among all but the
// last word: "Russian President Vladimir Putin" → "Vladimir Putin".
func stripTitles(ws []string) []string {
	cut := 0
	for i := 0; i < len(ws)-1; i++ {
		if isTitleWord(ws[i]) {
			cut = i + 1
		}
	}
	return ws[cut:]
}

// keys are the index entries of a name, under which a name of another
// group finds it and it finds them: its words, and an acronym key (the
// name itself for one word, its initials for several).
func (nm *groupName) keys() []string {
	keys := strings.Fields(nm.key)
	if len(nm.form.words) == 1 {
		return append(keys, "^"+nm.key)
	}
	var b strings.Builder
	for _, w := range nm.form.words {
		if !connectors[strings.ToLower(w)] {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return append(keys, "^"+b.String())
}

// group is an entity being built.
type group struct {
	typ   Type
	names []*groupName
	count int
}

// fits reports whether nm may join the group: same type, and a part, a
// fuller form or the acronym of the group's first (most mentioned) name.
// Only the first: "UN" may join "United Nations", but "UN Security
// Council" may not join them through "UN".
//
// Across articles initials alone are weak evidence: within one article
// "BP" after "British Petroleum" is that company, but in a store "BP" also
// has the initials of "Bad People" and "Baath Party". So a join by
// initials only also needs the rarer of the two names to have at least
// minInitialsShare of the other's mentions: a name that the store gives
// far less often than the acronym is more likely another name with the
// same initials than what the acronym stands for. A person's shorter name
// keeps the surname ("Bush" of "George Bush", never "John" of "John
// McCain"), and a name must agree with the group's other fuller names
// (agrees).
func (g *group) fits(nm *groupName) bool {
	o := g.names[0]
	short, long := nm, o
	switch {
	case len(nm.form.words) > len(o.form.words):
		short, long = o, nm
	case len(nm.form.words) == len(o.form.words):
		return false
	}
	if short.typ != long.typ && !(short.form.acronymOf(long.form) && short.mayBe(long.typ) &&
		float64(min(short.count, long.count)) >= minCrossTypeShare*float64(max(short.count, long.count))) {
		return false
	}
	if !extends(g.typ, short.form, g.typ, long.form) {
		return false
	}
	if (g.typ == Person && surname(short.form.match) != surname(long.form.match)) || !g.agrees(nm) {
		return false
	}
	if short.form.acronymOf(long.form) {
		return float64(min(short.count, long.count)) >= minInitialsShare*float64(max(short.count, long.count))
	}
	return true
}

// mayBe reports whether an acronym of one type may stand for a name of
// type t: the store gave t to a third of its mentions or more, as places
// and organizations share names ("US" is an organization in "US officials
// said" and a place in "flew to the US", where "United States" is a place
// for most of its mentions), and t is a place or an organization. The
// entity then takes the type of most of its names' mentions.
func (nm *groupName) mayBe(t Type) bool {
	return (t == Location || t == Organization) && (nm.typ == Location || nm.typ == Organization) && 3*nm.byType[t] >= nm.count
}

// agrees reports whether nm agrees with every fuller name of the group
// (of two words or more) it shares a word with: one of the two a part of
// the other. "George W. Bush" and "George Bush" are one person, but "Laura
// Bush" and "George H.W. Bush" are other people beside "George W. Bush",
// not more names of a "Bush"; "House of Commons" is not the "House" that
// "House of Representatives" is. (Names without a word in common, such as
// an acronym's expansion and its legal form, "Kestrel Shipping" and "KS
// Plc", do not disagree.)
func (g *group) agrees(nm *groupName) bool {
	b := nm.form.match
	if len(b) < 2 {
		return true
	}
	for _, o := range g.names {
		a := o.form.match
		if len(a) >= 2 && slices.ContainsFunc(a, func(w string) bool { return slices.Contains(b, w) }) &&
			!subsequence(a, b) && !subsequence(b, a) {
			return false
		}
	}
	return true
}

// surname is the last word of a person's name, before a generational
// suffix ("Jr", "III").
func surname(match []string) string {
	for i := len(match) - 1; i > 0; i-- {
		if !generations[match[i]] {
			return match[i]
		}
	}
	return match[0]
}

// generations are the suffixes that follow a surname.
var generations = setOf("jr", "sr", "ii", "iii", "iv")

// minInitialsShare is the least share of the acronym's mentions (or the
// acronym of the name's) with which a name joins it by initials alone
// across articles: "North Atlantic Treaty Organization" (39) joins "NATO"
// (2,340) in T17's store; "Baath Party" (57) does not join "BP" (9,800).
const minInitialsShare = 0.01

// minCrossTypeShare is minInitialsShare for an acronym and a name of
// different types (mayBe): the rarer of the two needs a tenth of the
// other's mentions, so that "US" (4,976 mentions in T17's store) joins
// "United States" (7,495), but "Dallas Cowboys" (5) does not join "DC"
// (212).
const minCrossTypeShare = 0.1

// fullestFrequent names a group: its most used name (without titles; bare
// weighs each by its articles, or its mentions), or the most used of two
// words or more if that has at least a third of its weight: "Vladimir
// Putin" (500) over "Putin" (800) and "Vladimir V. Putin" (20), but
// "Reuters" (700) over "Reuters TV" (90).
func fullestFrequent(bare map[string]int) string {
	top, long := "", ""
	for f, c := range bare {
		if top == "" || c > bare[top] || (c == bare[top] && f < top) {
			top = f
		}
		if len(strings.Fields(f)) >= 2 && (long == "" || c > bare[long] || (c == bare[long] && f < long)) {
			long = f
		}
	}
	if long != "" && 3*bare[long] >= bare[top] {
		return long
	}
	return top
}

func majority(counts map[Type]int) Type {
	var best Type
	for t, c := range counts {
		if c > counts[best] || (c == counts[best] && t < best) {
			best = t
		}
	}
	return best
}

func majorityForm(forms map[string]int) string {
	best := ""
	for f, c := range forms {
		if best == "" || c > forms[best] || (c == forms[best] && f < best) {
			best = f
		}
	}
	return best
}
