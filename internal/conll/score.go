package conll

import (
	"fmt"
	"io"
	"sort"
)

// Counts are the tallies of one type (or of all): gold phrases, phrases the
// system found, and found phrases that match a gold one exactly.
type Counts struct {
	Gold    int `json:"gold"`
	Found   int `json:"found"`
	Correct int `json:"correct"`
}

// PRF returns precision, recall and F1 as percentages.
func (c Counts) PRF() (p, r, f float64) {
	if c.Found > 0 {
		p = 100 * float64(c.Correct) / float64(c.Found)
	}
	if c.Gold > 0 {
		r = 100 * float64(c.Correct) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Score accumulates conlleval's phrase-level exact-match counts per type
// and the kinds of the errors.
type Score struct {
	Types  map[string]*Counts `json:"types"`
	All    Counts             `json:"all"`
	Errors map[string]int     `json:"errors"` // error kind → count, see ErrorKind
}

// NewScore returns an empty score.
func NewScore() *Score {
	return &Score{Types: map[string]*Counts{}, Errors: map[string]int{}}
}

func (s *Score) counts(typ string) *Counts {
	c := s.Types[typ]
	if c == nil {
		c = &Counts{}
		s.Types[typ] = c
	}
	return c
}

// Add scores one sentence's found phrases against its gold phrases.
func (s *Score) Add(gold, found []Phrase) {
	exact := map[Phrase]bool{}
	for _, g := range gold {
		exact[g] = true
		s.counts(g.Type).Gold++
		s.All.Gold++
	}
	for _, f := range found {
		s.counts(f.Type).Found++
		s.All.Found++
		if exact[f] {
			s.counts(f.Type).Correct++
			s.All.Correct++
		}
	}
	for _, k := range ErrorKinds(gold, found) {
		s.Errors[k.Kind]++
	}
}

// ErrorKinds names the errors of one sentence: for each gold phrase not
// found exactly, and each found phrase not in the gold, one of
//
//	missed PER              no found phrase overlaps it
//	spurious ORG            it overlaps no gold phrase
//	ORG as LOC              same tokens, other type
//	PER boundary            overlaps a phrase of its type with other bounds
//	ORG as LOC, boundary    overlaps a phrase of another type, other bounds
//
// A pair of overlapping phrases is one error, named from the gold side.
func ErrorKinds(gold, found []Phrase) []PhraseError {
	var out []PhraseError
	overlaps := func(a, b Phrase) bool { return a.Start < b.End && b.Start < a.End }
	isFound := map[Phrase]bool{}
	for _, f := range found {
		isFound[f] = true
	}
	isGold := map[Phrase]bool{}
	for _, g := range gold {
		isGold[g] = true
	}
	for _, g := range gold {
		if isFound[g] {
			continue
		}
		e := PhraseError{Kind: "missed " + g.Type, Gold: &g}
		for _, f := range found {
			if !overlaps(g, f) || isGold[f] {
				continue
			}
			switch {
			case f.Start == g.Start && f.End == g.End:
				e.Kind = g.Type + " as " + f.Type
			case f.Type == g.Type:
				e.Kind = g.Type + " boundary"
			default:
				e.Kind = g.Type + " as " + f.Type + ", boundary"
			}
			e.Found = &f
			break
		}
		out = append(out, e)
	}
	for _, f := range found {
		if isGold[f] {
			continue
		}
		alone := true
		for _, g := range gold {
			if overlaps(f, g) && !isFound[g] {
				alone = false
				break
			}
		}
		if alone {
			out = append(out, PhraseError{Kind: "spurious " + f.Type, Found: &f})
		}
	}
	return out
}

// PhraseError is one error of a sentence: its kind and the gold and found
// phrases involved (either may be nil).
type PhraseError struct {
	Kind  string
	Gold  *Phrase
	Found *Phrase
}

// Kind is an error kind and how often it occurred.
type Kind struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// TopErrors returns the n most frequent error kinds, most frequent first.
func (s *Score) TopErrors(n int) []Kind {
	var out []Kind
	for k, c := range s.Errors {
		out = append(out, Kind{k, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Kind < out[j].Kind
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// WriteTable writes the per-type and overall scores as an aligned table.
func (s *Score) WriteTable(w io.Writer) error {
	types := make([]string, 0, len(s.Types))
	for t := range s.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	if _, err := fmt.Fprintf(w, "%-8s %6s %6s %7s %7s %7s\n", "type", "gold", "found", "P", "R", "F1"); err != nil {
		return err
	}
	row := func(name string, c Counts) error {
		p, r, f := c.PRF()
		_, err := fmt.Fprintf(w, "%-8s %6d %6d %7.2f %7.2f %7.2f\n", name, c.Gold, c.Found, p, r, f)
		return err
	}
	for _, t := range types {
		if err := row(t, *s.Types[t]); err != nil {
			return err
		}
	}
	return row("overall", s.All)
}
