package quote

// Line rules: attributions whose shape is a whole line of the text, which
// the labellers (reading a cue's sentence and its neighbours) see only in
// part.
//
//   - A speaker's turn in a transcript or a headline's attribution: a line
//     that begins with a name and a colon ("WALLACE: Let’s start …",
//     "Poll: Voters …"). The colon is the cue, the name the source, the
//     rest of the line the content (the guidelines' "colon cue").
//   - A pull quote set as a line of its own, "“…” — Name": the line from its
//     first quotation mark to the one before the dash, whichever way the
//     marks lean (such lists often open a quote with a closing mark).

// maxTurnName is the most words the name of a speaker's turn may have.
const maxTurnName = 4

// lineRules adds the quotes of speaker turns and pull-quote lines that no
// candidate has yet.
func (d *doc) lineRules(cs []cand) []cand {
	cueAt := make(map[int]bool, len(cs))
	taken := make([]bool, len(d.toks))
	for _, c := range cs {
		cueAt[c.cue.from] = true
		for _, p := range c.parts {
			for k := p.from; k < p.to; k++ {
				taken[k] = true
			}
		}
	}
	var turns []cand
	for s := 0; s < len(d.toks); {
		e := d.lineEnd(s)
		if c, ok := d.speakerTurn(s, e); ok {
			turns = append(turns, c)
		} else if c, ok := d.pullLine(s, e); ok && !cueAt[c.cue.from] && !anyTaken(taken, c.parts[0].from, c.parts[0].to) {
			cs = append(cs, c)
		}
		s = e
	}
	for _, c := range turns {
		if len(turns) >= minTurns && !cueAt[c.cue.from] {
			cs = append(cs, c)
		}
	}
	return cs
}

// minTurns is how many lines of an article must open with a name and a
// colon for them to be a transcript's turns: one alone is as often a
// headline's kicker ("Breaking: …") or a credit ("Contributing: …") as an
// attribution.
const minTurns = 2

// lineEnd returns the end of the line that starts at token s.
func (d *doc) lineEnd(s int) int {
	e := s + 1
	for e < len(d.toks) && d.toks[e].nl == 0 {
		e++
	}
	return e
}

// speakerTurn reads "NAME: words" in the line [s, e), after an optional
// opening quotation mark.
func (d *doc) speakerTurn(s, e int) (cand, bool) {
	from := s
	if d.toks[from].kind == tQuote {
		from++
	}
	k := from
	for k < e && k-from < maxTurnName && d.toks[k].kind == tWord && startsUpper(d.text[d.toks[k].b:d.toks[k].e]) {
		k++
	}
	if k == from || k >= e || d.low[k] != ":" || d.wordCount(k+1, e) < 2 || d.toks[k-1].e-d.toks[from].b < 2 {
		return cand{}, false
	}
	end := e
	if d.toks[s].kind == tQuote && d.toks[end-1].kind == tQuote {
		end-- // the mark that closes the turn's opening one
	}
	return cand{cue: tokRange{k, k + 1}, src: tokRange{from, k}, parts: []tokRange{{k + 1, end}}}, true
}

// pullLine reads a line [s, e) that opens with a quotation mark and ends
// with a closing one, a dash and a name.
func (d *doc) pullLine(s, e int) (cand, bool) {
	if d.toks[s].kind != tQuote || d.toks[s].q&qSingle != 0 {
		return cand{}, false
	}
	for k := s + 2; k < e-1; k++ {
		if !isDash(d.low[k]) || d.toks[k-1].kind != tQuote || d.toks[k-1].q&qSingle != 0 {
			continue
		}
		src := tokRange{k + 1, e}
		for src.to > src.from && d.toks[src.to-1].kind == tPunct {
			src.to-- // the line's last period
		}
		if src.to-src.from == 0 || src.to-src.from > maxSource || d.toks[src.from].kind != tWord || !startsUpper(d.text[d.toks[src.from].b:d.toks[src.from].e]) || d.wordCount(s, k) < 2 {
			return cand{}, false
		}
		return cand{cue: tokRange{k, k + 1}, src: src, parts: []tokRange{{s, k}}}, true
	}
	return cand{}, false
}

// accordingTo reads the two shapes of an "according to" cue the role
// labeller left without content: "According to X, C." (the source up to
// the comma, the content the rest of the sentence) and "C, according to
// X." (the content the sentence before the comma, the source the rest).
func (d *doc) accordingTo(c tokRange) (src, con tokRange, ok bool) {
	if c.to-c.from != 2 || d.low[c.from] != "according" || d.low[c.from+1] != "to" {
		return tokRange{}, tokRange{}, false
	}
	from, to := d.sentenceAround(c.from)
	if to > from && d.toks[to-1].kind == tPunct && d.sent[to-1] {
		to-- // the period is the sentence's
	}
	if c.from == from || d.low[c.from-1] != "," {
		comma := c.to
		for comma < to && d.low[comma] != "," {
			comma++
		}
		if comma == c.to || comma+1 >= to || comma-c.to > maxSource || !d.hasWord(comma+1, to) {
			return tokRange{}, tokRange{}, false
		}
		return tokRange{c.to, comma}, tokRange{comma + 1, to}, true
	}
	if c.from-1 <= from || to-c.to > maxSource || c.to >= to || !d.hasWord(from, c.from-1) {
		return tokRange{}, tokRange{}, false
	}
	return tokRange{c.to, to}, tokRange{from, c.from - 1}, true
}

// sentenceAround returns the tokens [from, to) of the sentence holding
// token k, within its paragraph.
func (d *doc) sentenceAround(k int) (int, int) {
	p := d.paraOf(k)
	from := k
	for from > p.from && !d.sent[from-1] {
		from--
	}
	to := k + 1
	for to < p.to && !d.sent[to-1] {
		to++
	}
	return from, to
}
