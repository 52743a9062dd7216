package store

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
)

// Filter selects stored articles: by publication day, and — for a
// timeline's topic — by keywords and query. Its zero value selects all.
//
// Keywords and Query select the articles that may have a sentence that
// timeline.Selection would accept with the same keywords and query: at least
// all of them, perhaps more (the store looks them up through its full-text
// index, and widens where the index cannot tell); the timeline makes the
// exact choice. Search uses only the date range.
type Filter struct {
	From, To time.Time // publication days, inclusive; zero means unbounded
	Keywords []string  // an article may have a sentence containing one of them (case-folded substring)
	Query    string    // an article may have a sentence with every term of the query
}

// match is a condition on the index terms of one sentence, built in Go and
// written out by each backend in its own full-text syntax.
type match struct {
	op    matchOp
	terms []string // opTerm: one term; opPhrase: terms in a row; opPrefix: one prefix
	args  []*match // opAnd, opOr
}

type matchOp int

const (
	opTerm   matchOp = iota // the sentence has the term
	opPhrase                // the terms, one after the other
	opPrefix                // a term that starts with the prefix
	opAnd                   // every one of args
	opOr                    // one of args
)

func and(ms ...*match) *match {
	if len(ms) == 1 {
		return ms[0]
	}
	return &match{op: opAnd, args: ms}
}

func or(ms ...*match) *match {
	if len(ms) == 1 {
		return ms[0]
	}
	return &match{op: opOr, args: ms}
}

func term(t string) *match { return &match{op: opTerm, terms: []string{t}} }

// maxPieceWords is how many vocabulary words a piece of a keyword may be
// found in before the index stops being worth asking (the prefilter then
// widens to the whole date range).
const maxPieceWords = 2000

// prefilter returns the full-text condition that a sentence must meet to
// match f's keywords and query, through the index: nil when f does not
// narrow, or not in a way the index can check (every article in range is
// then read); none when no sentence can match.
//
// The query's terms are index terms: the condition is that all of them
// occur (exact). A keyword matches a sentence when its folded text contains
// the folded keyword; the condition asks, for each piece of the keyword (a
// run of letters and digits, see keywordPieces), for one of the vocabulary
// words that contain the piece — every sentence with the keyword has such
// words, so nothing the timeline would take is left out. A piece found in a
// stop word (which has no index term) or in too many words cannot be
// asked for and is dropped from the condition, which only widens it.
func (s *Store) prefilter(ctx context.Context, f Filter) (m *match, none bool, err error) {
	var conds []*match
	if qt := uniqueTerms(f.Query); len(qt) > 0 {
		var ms []*match
		for _, t := range qt {
			ms = append(ms, term(t))
		}
		conds = append(conds, and(ms...))
	}
	kw, kwNone, err := s.keywordMatch(ctx, f.Keywords)
	if err != nil {
		return nil, false, err
	}
	if kwNone {
		return nil, true, nil
	}
	if kw != nil {
		conds = append(conds, kw)
	}
	if len(conds) == 0 {
		return nil, false, nil
	}
	return and(conds...), false, nil
}

// keywordMatch is the condition for one of keywords: nil when there are
// none or one of them cannot be looked up; none when none can occur.
func (s *Store) keywordMatch(ctx context.Context, keywords []string) (m *match, none bool, err error) {
	var alts []*match
	any := false
	for _, k := range keywords {
		k = text.Fold(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		any = true
		var pieces []*match
		possible := true
		for _, p := range keywordPieces(k) {
			words, err := s.b.vocabulary(ctx, p, maxPieceWords)
			if err != nil {
				return nil, false, err
			}
			if len(words) == 0 {
				possible = false // no stored word has the piece: the keyword never occurs
				break
			}
			if len(words) > maxPieceWords {
				continue
			}
			var terms []*match
			seen := map[string]bool{}
			for _, w := range words {
				if w.term == "" {
					terms = nil // a stop word has it: not in the index
					break
				}
				if !seen[w.term] {
					seen[w.term] = true
					terms = append(terms, term(w.term))
				}
			}
			if terms != nil {
				pieces = append(pieces, or(terms...))
			}
		}
		switch {
		case !possible:
			continue
		case len(pieces) == 0:
			return nil, false, nil // this keyword cannot be looked up: read the whole range
		}
		alts = append(alts, and(pieces...))
	}
	if !any {
		return nil, false, nil
	}
	if len(alts) == 0 {
		return nil, true, nil
	}
	return or(alts...), false, nil
}

// uniqueTerms returns the distinct index terms of s, sorted.
func uniqueTerms(s string) []string {
	ts := text.Terms(s)
	slices.Sort(ts)
	return slices.Compact(ts)
}

// ptbBrackets are the Penn-Treebank bracket tokens that text.Words leaves
// out: a piece found in one of them may occur in no indexed word.
var ptbBrackets = []string{"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"}

// keywordPieces returns the runs of a folded keyword that must each lie
// inside one word of any sentence containing the keyword: maximal runs of
// letters and digits of scripts whose letters the word segmenter (UAX #29)
// never separates (Latin, Greek, Cyrillic and others written with spaces).
// Other characters (punctuation, spaces, Han, Thai, combining marks) only
// cut runs. A run inside a Penn-Treebank bracket name is left out (those
// are not indexed words).
func keywordPieces(k string) []string {
	var out []string
	start := -1
	cut := func(end int) {
		if start < 0 {
			return
		}
		p := k[start:end]
		start = -1
		for _, b := range ptbBrackets {
			if strings.Contains(b, p) {
				return
			}
		}
		out = append(out, p)
	}
	for i, r := range k {
		if wordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		cut(i)
	}
	cut(len(k))
	return out
}

// joinedScripts are scripts whose letters UAX #29 keeps in one word.
var joinedScripts = []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian,
	unicode.Georgian, unicode.Hebrew, unicode.Arabic}

// wordRune reports whether r is a letter or digit that UAX #29 never
// separates from a neighbour of the same kind.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.Is(unicode.Nd, r)) && unicode.In(r, joinedScripts...)
}

// Hit is one sentence found by Search.
type Hit struct {
	ArticleID string
	Published time.Time
	Title     string
	Source    string
	URL       string
	Sentence  int     // index of the sentence in its article
	Text      string  // the sentence
	Score     float64 // relevance, higher is better: bm25 (SQLite) or ts_rank (PostgreSQL)
}

// Count is a label with a number.
type Count struct {
	Label string
	N     int
}

// Stats summarizes what a store holds.
type Stats struct {
	Path                         string
	Backend                      string // "sqlite" or "postgres"
	Bytes                        int64  // size on disk: the database file and its WAL, or the tables and indexes
	Articles, Sentences, Timexes int
	Resolved                     int       // time expressions that name a stretch of the calendar
	First, Last                  time.Time // publication days
	Sources                      []Count   // articles per source, most first (at most 10)
	Months                       []Count   // articles per publication month, in order
	TopDays                      []Count   // most referred-to days (at most 10)
	Names                        int       // distinct canonical entity names (with their type) of the stored mentions
	Mentions                     int       // entity mentions
	Stories                      int       // stories told by more than one article (copies and updated versions, joined at ingest: see internal/dedup)
	InStories                    int       // the articles of those stories
}
