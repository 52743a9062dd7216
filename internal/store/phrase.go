package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/text"
)

// A plain query made only of stop words ("the who", "to be or not to be",
// "against") has nothing the index holds: the index keeps the matcher's
// terms (text.Terms), and stop words are not terms. Such a query is looked
// for as a phrase through the text instead: its words, case-folded and
// joined by single spaces, as whole words of a sentence's case-folded text
// ("the who" finds "The Who's tour", not "bathe whoever" nor "the, who").
// The newest articles of the range are read first (at most the search
// window of them, so that its cost is bounded as a search's is), and the
// hits come newest first, each with score 0: with no content word there is
// nothing to rank by but time. A query with at least one content word is an
// index search, its stop words ignored, as before.

// stopPhrase returns the phrase of a plain query that has words but no
// index term; "" otherwise.
func stopPhrase(q Query) string {
	if q.Raw || len(text.Terms(q.Text)) > 0 {
		return ""
	}
	ws := text.Words(q.Text)
	for i, w := range ws {
		ws[i] = text.Fold(w)
	}
	return strings.Join(ws, " ")
}

// searchPhrase returns the sentences of the newest articles of sp (at most
// s.window articles read) that contain phrase, newest article first, at
// most limit. The scan reads only the articles' texts; the rows of the
// articles whose text has the phrase are read once the scan has let its
// connection go (a query inside another's row loop would hold two of the
// few connections a store has, and enough of those at once would wait
// for each other forever).
func (s *Store) searchPhrase(ctx context.Context, phrase string, f Filter, limit int, sp span) ([]Hit, error) {
	var hits []Hit
	m := newPhraseMatcher(phrase)
	for left := s.window; left > 0 && len(hits) < limit; {
		want := limit - len(hits)
		cands, read, last, err := s.phraseCandidates(ctx, m, f, sp, left, want)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", phrase, err)
		}
		if hits, err = s.phraseHits(ctx, m, cands, hits, limit); err != nil {
			return nil, fmt.Errorf("search %q: %w", phrase, err)
		}
		if len(cands) < want || read == 0 {
			break // the scan read everything it could
		}
		// More hits are wanted than the candidates gave (a text can have
		// the phrase across two sentences): go on past the last one read.
		left -= read
		if sp.all {
			sp = span{lo: 0, hi: last - 1}
		} else {
			sp.hi = last - 1
		}
		if sp.hi < sp.lo {
			break
		}
	}
	return hits, nil
}

// phraseCandidates scans the texts of the newest n articles of sp for m's
// phrase until want of them have it: it returns their seqs, how many
// articles it read and the seq of the last one.
func (s *Store) phraseCandidates(ctx context.Context, m *phraseMatcher, f Filter, sp span, n, want int) (cands []int64, read int, last int64, err error) {
	err = s.b.recent(ctx, f, sp, n, func(seq int64, body string) (bool, error) {
		read, last = read+1, seq
		if m.in(body) {
			cands = append(cands, seq)
		}
		return len(cands) < want, nil
	})
	return cands, read, last, err
}

// phraseHits appends to hits the sentences of the articles cands (in that
// order) that contain m's phrase, up to limit hits in all.
func (s *Store) phraseHits(ctx context.Context, m *phraseMatcher, cands []int64, hits []Hit, limit int) ([]Hit, error) {
	if len(cands) == 0 {
		return hits, nil
	}
	rows, err := s.b.hitRows(ctx, cands)
	if err != nil {
		return hits, err
	}
	for _, seq := range cands {
		r, ok := rows[seq]
		if !ok { // replaced since the scan read it
			continue
		}
		sents, err := decodeSentences(r.body, r.sents)
		if err != nil {
			return hits, damaged(r.h.ArticleID, err)
		}
		for _, sn := range sents {
			if len(hits) == limit {
				return hits, nil
			}
			if m.in(sn.Text) {
				h := r.h
				h.Sentence, h.Text = sn.Index, sn.Text
				hits = append(hits, h)
			}
		}
	}
	return hits, nil
}

// phraseMatcher tells whether texts contain a folded phrase (see hasPhrase)
// without folding each text first when it need not: a phrase of ASCII
// letters and spaces is found in a text by comparing its ASCII letters
// case-insensitively where they are, unless the text holds one of the
// three runes that fold into ASCII letters (the Kelvin sign, long s and
// dotted capital I). Scanning thousands of articles for a phrase of stop
// words, folding every text first cost twice as much.
type phraseMatcher struct {
	p     []byte // the folded phrase
	ascii bool   // whether p is ASCII, so that the short cut may apply
	buf   []byte // a folded text, when it has to be folded
}

// newPhraseMatcher returns the matcher of a folded phrase (stopPhrase).
func newPhraseMatcher(phrase string) *phraseMatcher {
	return &phraseMatcher{p: []byte(phrase), ascii: isASCII(phrase)}
}

// foldsToASCII are the non-ASCII runes whose fold (text.Fold) is ASCII.
var foldsToASCII = []string{"\u212A", "\u017F", "\u0130"}

// in reports whether text s contains the phrase as whole words.
func (m *phraseMatcher) in(s string) bool {
	if !m.ascii || slices.ContainsFunc(foldsToASCII, func(r string) bool { return strings.Contains(s, r) }) {
		m.buf = text.AppendFold(m.buf[:0], s)
		return hasPhrase(m.buf, m.p)
	}
	return hasASCIIPhrase(s, m.p)
}

// hasASCIIPhrase is hasPhrase(text.Fold(s), p) for an ASCII phrase p and
// a text s with no rune that folds into ASCII.
func hasASCIIPhrase(s string, p []byte) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		if lowerASCII(s[i]) != p[0] || !equalLowerASCII(s[i+1:i+len(p)], p[1:]) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(p):])
		if !isWordRune(text.FoldRune(before)) && !isWordRune(text.FoldRune(after)) { // as they are in the folded text
			return true
		}
	}
	return false
}

// lowerASCII is c with A–Z lowered.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLowerASCII reports whether s lowered (A–Z only) is p.
func equalLowerASCII(s string, p []byte) bool {
	for i := range len(p) {
		if lowerASCII(s[i]) != p[i] {
			return false
		}
	}
	return true
}

// hasPhrase reports whether folded text contains phrase with no letter or
// digit right before or after it.
func hasPhrase(folded, phrase []byte) bool {
	for i := 0; i < len(folded); {
		j := bytes.Index(folded[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRune(folded[:j])
		after, _ := utf8.DecodeRune(folded[j+len(phrase):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		i = j + 1
	}
	return false
}

// isWordRune reports whether r is a letter or digit (utf8.RuneError, which
// the decoding of nothing gives, is neither).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// errStop ends a row loop early (see recentRows).
var errStop = errors.New("stop")

// recentRows runs the (seq, body) rows of a recent query through fn until
// fn says stop; each backend passes its own row loop.
func recentRows(each func(scan func(scan func(...any) error) error) error, fn func(int64, string) (bool, error)) error {
	err := each(func(scan func(...any) error) error {
		var seq int64
		var body string
		if err := scan(&seq, &body); err != nil {
			return err
		}
		more, err := fn(seq, body)
		if err == nil && !more {
			err = errStop
		}
		return err
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}
