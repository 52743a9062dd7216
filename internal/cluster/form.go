package cluster

import "strings"

// Form is the form under which a word is clustered and its classes looked
// up: the word (already normalized by the caller) with every digit written
// 0, so that numbers of one shape share a class.
func Form(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '1' && c <= '9' {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return '0'
				}
				return r
			}, w)
		}
	}
	return w
}
