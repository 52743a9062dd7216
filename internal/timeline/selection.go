package timeline

import (
	"slices"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/text"
)

// Selection says which articles a timeline is built from and which of their
// sentences may be quoted in it. It is the one definition of keyword and
// query matching in dateline: the in-memory path and the store path both
// end here.
//
// From and To bound the articles by publication day, and the timeline's
// dates. Keywords and Query say which sentences may speak for a day, and —
// unless AllArticles is set — which articles the timeline is built from:
// the topic is the articles in range with at least one sentence that
// matches (see Match); their other sentences still count toward which days
// matter and what a day is about. So a timeline's cost follows its topic,
// not the archive it is drawn from, and a store may load only the articles
// that can match — a prefilter that must only ever widen, the final word
// being Match.
//
// With AllArticles, every article in range counts toward which days matter,
// whether it matches or not, as the TLS protocol's keyword filter does (the
// system is given the topic's articles): bench tls uses it, and a store
// must then load the whole date range.
type Selection struct {
	From, To    time.Time // publication days (and timeline dates), inclusive; zero means unbounded
	Keywords    []string  // a sentence may enter only if it contains one of them (Unicode case-folded substring, see text.Fold)
	Query       string    // a sentence may enter only if it has every term of the query (text.Terms: words compared by stem, stop words ignored)
	AllArticles bool      // every article in range is part of the topic, not only those with a matching sentence
	// Entity, when not blank, lets in only the sentences that mention it:
	// one of their entity mentions has a canonical name that matches it as
	// a quote's speaker matches a name (quote.SpeakerMatches: "Putin" and
	// "Russian President Vladimir Putin" match "Vladimir Putin"). The
	// canonical name is the article's fullest ("Holm" after "Karin Holm" is
	// Karin Holm, and not Erik Holm). A headline has no mentions.
	Entity string
	// EntityAliases are more canonical names under which a sentence
	// mentions Entity: the names that entity.Group gathers with a name
	// matching it across the articles ("British Petroleum" and "BP Plc"
	// with "BP"; see Aliases). Corpus.Build fills them in from its articles
	// when Entity is set and they are nil.
	EntityAliases []string
	// Speaker, when not blank, lets in only the sentences that hold (all or
	// part of) the content of a quote whose speaker matches it, as
	// quote.SpeakerMatches matches, or is one of SpeakerAliases (filled in
	// by Corpus.Build as EntityAliases are).
	Speaker        string
	SpeakerAliases []string
}

// Narrows reports whether the selection's keywords, query or entity leave
// out some sentences (blank keywords and stop-word queries do not).
func (s Selection) Narrows() bool {
	m := s.matcher()
	return len(m.keywords) > 0 || len(m.terms) > 0 || m.entity != nil || m.speaker != nil
}

// MatchSentence reports whether sentence sn of the annotated document d may
// enter a timeline of this selection: its text matches (Match), it
// mentions the entity, and it holds a quote of the speaker, when there are
// ones.
func (s Selection) MatchSentence(d annotate.Doc, sn annotate.Sentence) bool {
	m := s.matcher()
	return s.Match(sn.Text) && m.mentions(sn.Entities) && m.quotes(d.Quotes, sn.Start, sn.End)
}

// Match reports whether a sentence's text may enter a timeline of this
// selection: it contains one of the keywords (when there are any) and every
// term of the query. The entity needs the sentence's mentions: see
// MatchSentence.
func (s Selection) Match(sentence string) bool {
	m := s.matcher()
	if !m.keywordsIn(text.Fold(sentence)) {
		return false
	}
	terms := text.Terms(sentence)
	for _, q := range m.terms {
		if !slices.Contains(terms, q) {
			return false
		}
	}
	return true
}

// matcher is a Selection's keywords and query prepared for matching many
// sentences.
type matcher struct {
	keywords []string // folded, trimmed, non-empty
	terms    []string // the query's distinct terms
	entity   *NameSet // nil for any
	speaker  *NameSet // nil for any
}

func (s Selection) matcher() matcher {
	var m matcher
	for _, k := range s.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			m.keywords = append(m.keywords, text.Fold(k))
		}
	}
	m.terms = text.Terms(s.Query)
	slices.Sort(m.terms)
	m.terms = slices.Compact(m.terms)
	m.entity = NewNameSet(s.Entity, s.EntityAliases)
	m.speaker = NewNameSet(s.Speaker, s.SpeakerAliases)
	return m
}

// NameSet is who a selection by entity or speaker takes in: a name, matched
// as quote.SpeakerMatches matches ("Putin", "Vladimir Putin"), and the
// names grouped with it across the articles (see GroupAliases).
type NameSet struct {
	name    string
	aliases map[string]bool
}

// NewNameSet returns the NameSet of name and its aliases, or nil (anyone) when
// name is blank.
func NewNameSet(name string, aliases []string) *NameSet {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	n := &NameSet{name: name, aliases: make(map[string]bool, len(aliases))}
	for _, a := range aliases {
		n.aliases[a] = true
	}
	return n
}

// Has reports whether a canonical name (a mention's, a quote's speaker) is
// one of n; every name is, when n is nil.
func (n *NameSet) Has(name string) bool {
	return n == nil || n.aliases[name] || quote.SpeakerMatches(n.name, name)
}

// quotes reports whether one of qs whose content overlaps the rune span
// [start, end) is the matcher's speaker's (always, when it has none).
func (m matcher) quotes(qs []quote.Quote, start, end int) bool {
	if m.speaker == nil {
		return true
	}
	for _, q := range qs {
		if q.Content.End > start && q.Content.Start < end && m.speaker.Has(q.Speaker) {
			return true
		}
	}
	return false
}

// mentions reports whether one of ms names the matcher's entity (always,
// when it has none).
func (m matcher) mentions(ms []entity.Mention) bool {
	if m.entity == nil {
		return true
	}
	for _, x := range ms {
		if m.entity.Has(x.Name) {
			return true
		}
	}
	return false
}

// Aliases returns the canonical names that the mentions of docs give the
// entity called name: GroupAliases of the docs' mentions, counted by
// mentions and articles.
func Aliases(docs []annotate.Doc, name string) []string {
	return AliasesIn(groupMentions(docs), name)
}

// groupMentions groups the names the docs' mentions give (entity.Group),
// counted by mentions and articles.
func groupMentions(docs []annotate.Doc) []entity.Entity {
	var c NameCounts
	ms := make([][]entity.Mention, 0, 64)
	for _, d := range docs {
		ms = ms[:0]
		for _, sn := range d.Sentences {
			ms = append(ms, sn.Entities)
		}
		c.Add(ms...)
	}
	return entity.Group(c.Records())
}

// NameCounts counts the canonical names of mentions, by mentions and by
// articles: the records entity.Group gathers. The zero value is ready.
type NameCounts struct {
	counts map[nameKey]*nameTally
	seen   map[nameKey]bool
}

type nameKey struct {
	name string
	typ  entity.Type
}

type nameTally struct{ mentions, articles int }

// Add counts the mentions of one article (given in any number of slices).
func (c *NameCounts) Add(ms ...[]entity.Mention) {
	if c.counts == nil {
		c.counts, c.seen = map[nameKey]*nameTally{}, map[nameKey]bool{}
	}
	clear(c.seen)
	for _, s := range ms {
		for _, m := range s {
			k := nameKey{m.Name, m.Type}
			t := c.counts[k]
			if t == nil {
				t = &nameTally{}
				c.counts[k] = t
			}
			t.mentions++
			if !c.seen[k] {
				c.seen[k] = true
				t.articles++
			}
		}
	}
}

// Records returns the counts as entity records, in no particular order.
func (c *NameCounts) Records() []entity.Record {
	out := make([]entity.Record, 0, len(c.counts))
	for k, t := range c.counts {
		out = append(out, entity.Record{Name: k.name, Type: k.typ, Count: t.mentions, Articles: t.articles})
	}
	return out
}

// GroupAliases returns every name of each entity that entity.Group makes
// of records whose canonical name matches name as quote.SpeakerMatches
// does, or one of whose names is name (case aside): the names a selection
// by entity or speaker takes in. ("Reuters British Petroleum", a name the
// recognizer cut wrong, matches "British Petroleum" but does not bring in
// Reuters.) Sorted; nil when none.
func GroupAliases(records []entity.Record, name string) []string {
	return AliasesIn(entity.Group(records), name)
}

// AliasesIn is GroupAliases of entities already grouped.
func AliasesIn(entities []entity.Entity, name string) []string {
	name = strings.Join(strings.Fields(name), " ")
	var out []string
	for _, e := range entities {
		if !quote.SpeakerMatches(name, e.Name) && !slices.ContainsFunc(e.Aliases, func(r entity.Record) bool { return strings.EqualFold(name, r.Name) }) {
			continue
		}
		for _, r := range e.Aliases {
			out = append(out, r.Name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// keywordsIn reports whether the folded text contains one of the keywords
// (any text when there are none).
func (m matcher) keywordsIn(folded string) bool {
	if len(m.keywords) == 0 {
		return true
	}
	for _, k := range m.keywords {
		if strings.Contains(folded, k) {
			return true
		}
	}
	return false
}
