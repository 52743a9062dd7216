package quote

// WithGoldCues extracts quotes from text as Extract does, but from the
// given cue spans instead of the cue labeller's: a test of the role
// labeller alone.
func (x *Extractor) WithGoldCues(text string, cues []Span) []Quote {
	d := newDoc(text).withLexicon(x.lex)
	var rs []tokRange
	for _, c := range cues {
		if i, j, _ := d.tokenSpan(c); i < j {
			rs = append(rs, tokRange{i, j})
		}
	}
	return d.quotes(d.directRules(x.roles(d, rs), x.m.frameVerbs))
}

// SetCueBias sets the bias of cue labels.
func (x *Extractor) SetCueBias(b float32) { x.cueBias = b }

// RawCues returns the cue labeller's spans before roles are labelled.
func (x *Extractor) RawCues(text string) []Span {
	d := newDoc(text).withLexicon(x.lex)
	var out []Span
	for _, c := range x.cues(d) {
		out = append(out, d.span(c.from, c.to))
	}
	return out
}
