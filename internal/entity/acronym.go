package entity

import (
	"slices"
)

// tokenMention is a mention as tokens [from, to) of the text's tokens.
type tokenMention struct {
	from, to int
	typ      Type
}

// addAcronyms adds the acronyms a document defines and the labeller
// missed: a name followed by its acronym in brackets ("the World Health
// Organization (WHO)") makes the acronym a mention of the name's type there
// and wherever else in the document [t0, t1) it stands alone. An acronym
// that is also a common word ("WHO") is otherwise easy to miss.
func (s *state) addAcronyms(t0, t1 int) {
	toks := s.tk.Toks
	inside := func(i int) bool {
		for _, f := range s.found {
			if i >= f.from && i < f.to {
				return true
			}
		}
		return false
	}
	defined := map[string]Type{}
	for _, f := range s.found {
		x := f.to + 1
		if f.to-f.from < 2 || x+1 >= t1 || toks[f.to].Norm != "(" || toks[x+1].Norm != ")" || inside(x) {
			continue
		}
		words := make([]string, 0, f.to-f.from)
		for _, t := range toks[f.from:f.to] {
			words = append(words, t.Norm)
		}
		if newName([]string{toks[x].Norm}).acronymOf(newName(words)) {
			defined[toks[x].Norm] = f.typ
		}
	}
	if len(defined) == 0 {
		return
	}
	for i := t0; i < t1; i++ {
		if typ, ok := defined[toks[i].Norm]; ok && !inside(i) {
			s.found = append(s.found, tokenMention{i, i + 1, typ})
		}
	}
	slices.SortFunc(s.found, func(a, b tokenMention) int { return a.from - b.from })
}
