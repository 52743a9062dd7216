package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/internal/text"
)

// A plain query made only of stop words ("the who", "to be or not to be",
// "against") has nothing the index holds: the index keeps the matcher's
// terms (text.Terms), and stop words are not terms. Such a query is looked
// for as a phrase through the text instead: its words, case-folded, one
// after the other as words of a sentence. The newest articles of the range
// are read first (at most the search window of them, so that its cost is
// bounded as a search's is), and the hits come newest first, each with
// score 0: with no content word there is nothing to rank by but time. A
// query with at least one content word is an index search, its stop words
// ignored, as before.

// stopPhrase returns the folded words of a plain query that has words but
// no index term; nil otherwise.
func stopPhrase(q Query) []string {
	if q.Raw || len(text.Terms(q.Text)) > 0 {
		return nil
	}
	ws := text.Words(q.Text)
	for i, w := range ws {
		ws[i] = text.Fold(w)
	}
	return ws
}

// searchPhrase returns the sentences of the newest articles of sp (at most
// s.window articles read) that contain the words of phrase in order,
// newest article first, at most limit.
func (s *Store) searchPhrase(ctx context.Context, phrase []string, f Filter, limit int, sp span) ([]Hit, error) {
	var hits []Hit
	err := s.b.recent(ctx, f, sp, s.window, func(r hitRow) (bool, error) {
		if !containsWords(text.Fold(r.body), phrase) {
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
			if hasPhrase(sn.Text, phrase) {
				h := r.h
				h.Sentence, h.Text = sn.Index, sn.Text
				hits = append(hits, h)
			}
		}
		return len(hits) < limit, nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", strings.Join(phrase, " "), err)
	}
	return hits, nil
}

// containsWords reports whether folded text contains every word (a quick
// test before the sentences are read).
func containsWords(folded string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(folded, w) {
			return false
		}
	}
	return true
}

// hasPhrase reports whether the words of sentence, folded, contain phrase
// as consecutive words.
func hasPhrase(sentence string, phrase []string) bool {
	ws := text.Words(sentence)
	for i := 0; i+len(phrase) <= len(ws); i++ {
		j := 0
		for j < len(phrase) && text.Fold(ws[i+j]) == phrase[j] {
			j++
		}
		if j == len(phrase) {
			return true
		}
	}
	return false
}

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
