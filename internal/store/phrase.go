package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
// most limit.
func (s *Store) searchPhrase(ctx context.Context, phrase string, f Filter, limit int, sp span) ([]Hit, error) {
	var hits []Hit
	var buf []byte
	p := []byte(phrase)
	err := s.b.recent(ctx, f, sp, s.window, func(r hitRow) (bool, error) {
		if buf = text.AppendFold(buf[:0], r.body); !hasPhrase(buf, p) {
			return true, nil
		}
		sents, err := decodeSentences(r.body, r.sents)
		if err != nil {
			return false, damaged(r.h.ArticleID, err)
		}
		for _, sn := range sents {
			if len(hits) == limit {
				return false, nil
			}
			if buf = text.AppendFold(buf[:0], sn.Text); hasPhrase(buf, p) {
				h := r.h
				h.Sentence, h.Text = sn.Index, sn.Text
				hits = append(hits, h)
			}
		}
		return len(hits) < limit, nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", phrase, err)
	}
	return hits, nil
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

// recentRows runs the rows of a recent query (hitColumns) through fn until
// fn says stop; each backend passes its own row loop.
func recentRows(each func(scan func(scan func(...any) error) error) error, fn func(hitRow) (bool, error)) error {
	err := each(func(scan func(...any) error) error {
		r, err := scanHit(scan)
		if err != nil {
			return err
		}
		more, err := fn(r)
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
