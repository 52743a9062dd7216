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
// dates. Keywords and Query do not remove articles: every article in range
// counts toward which days matter (as the TLS protocol's keyword filter
// does), and Keywords and Query say which sentences may speak for a day. A
// store may therefore narrow what it loads by publication day only.
type Selection struct {
	From, To time.Time // publication days (and timeline dates), inclusive; zero means unbounded
	Keywords []string  // a sentence may enter only if it contains one of them (Unicode case-folded substring, see text.Fold)
	Query    string    // a sentence may enter only if it has every term of the query (text.Terms: words compared by stem, stop words ignored)
	// Entity, when not blank, lets in only the sentences that mention it:
	// one of their entity mentions has a canonical name that matches it as
	// a quote's speaker matches a name (quote.SpeakerMatches: "Putin" and
	// "Russian President Vladimir Putin" match "Vladimir Putin"). The
	// canonical name is the article's fullest ("Holm" after "Karin Holm" is
	// Karin Holm, and not Erik Holm). A headline has no mentions.
	Entity string
}

// MatchSentence reports whether an annotated sentence may enter a timeline
// of this selection: its text matches (Match) and it mentions the entity,
// when there is one.
func (s Selection) MatchSentence(sn annotate.Sentence) bool {
	return s.Match(sn.Text) && s.matcher().mentions(sn.Entities)
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
	entity   string   // the entity, trimmed; "" for any
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
	m.entity = strings.TrimSpace(s.Entity)
	return m
}

// mentions reports whether one of ms names the matcher's entity (always,
// when it has none).
func (m matcher) mentions(ms []entity.Mention) bool {
	if m.entity == "" {
		return true
	}
	for _, x := range ms {
		if quote.SpeakerMatches(m.entity, x.Name) {
			return true
		}
	}
	return false
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
