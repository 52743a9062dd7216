package quote

// directRules completes the labellers' quotes where quotation marks say
// more than the labellers see: a quotation beside a reporting verb, a pull
// quote.
func (d *doc) directRules(cs []cand, verbs map[string]bool) []cand {
	taken := make([]bool, len(d.toks)) // tokens in some quote's content
	mark := func(c cand) {
		for _, p := range c.parts {
			for k := p.from; k < p.to; k++ {
				taken[k] = true
			}
		}
	}
	for i := range cs {
		cs[i].parts = d.framedParts(d.clipToQuotations(d.wholeQuotations(cs[i].parts)), cs[i].cue)
		d.frameSource(&cs[i])
		mark(cs[i])
	}
	for r, reg := range d.regs {
		if reg.single || !reg.closed || d.outerRegion(int32(r)) >= 0 || anyTaken(taken, reg.open, reg.close+1) || d.wordCount(reg.open, reg.close) < 2 {
			continue
		}
		c, ok := d.pullQuote(reg)
		if !ok {
			c, ok = d.frameAfter(reg, verbs)
		}
		if !ok {
			c, ok = d.frameBefore(reg, verbs)
		}
		if ok {
			cs = append(cs, c)
			mark(c)
		}
	}
	cueAt := make(map[int]bool, len(cs))
	for _, c := range cs {
		cueAt[c.cue.from] = true
	}
	for i := range cs {
		d.splitContinuation(&cs[i], cueAt, taken)
	}
	return d.continuations(cs)
}

func anyTaken(taken []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// wordCount counts the word tokens in [i, j).
func (d *doc) wordCount(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if d.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

func isDash(s string) bool { return s == "—" }

// pullQuote reads "“…” — Name, title" at the end of a line: the dash is the
// cue; the name, with its title, the source.
func (d *doc) pullQuote(reg region) (cand, bool) {
	k := reg.close + 1
	if k >= len(d.toks) || !isDash(d.low[k]) {
		return cand{}, false
	}
	from := k + 1
	end := from
	for end < len(d.toks) && d.toks[end].nl == 0 && d.toks[end].kind != tQuote {
		end++
	}
	for end > from && d.toks[end-1].kind == tPunct {
		end-- // the line's last period
	}
	if from == end || end-from > 16 || d.toks[from].kind != tWord || !startsUpper(d.text[d.toks[from].b:d.toks[from].e]) {
		return cand{}, false
	}
	return cand{cue: tokRange{k, k + 1}, src: tokRange{from, end}, parts: []tokRange{{reg.open, reg.close + 1}}}, true
}

// frameAfter reads "“…,” Name said" and "“…,” said Name": a frame verb
// within a few tokens after the closing mark, in the same sentence.
func (d *doc) frameAfter(reg region, verbs map[string]bool) (cand, bool) {
	k := reg.close + 1
	if k < len(d.toks) && d.low[k] == "," {
		k++
	}
	for v := k; v < len(d.toks) && v < k+maxSource; v++ {
		t := d.toks[v]
		if t.nl > 0 || t.kind == tQuote || t.kind == tPunct && d.low[v] != "." {
			return cand{}, false
		}
		if t.kind != tWord || !verbs[d.attrs[v].stem] {
			if d.sent[v] {
				return cand{}, false
			}
			continue
		}
		c := cand{cue: tokRange{v, v + 1}, parts: []tokRange{{reg.open, reg.close + 1}}}
		if v > k {
			c.src = tokRange{k, v}
		} else {
			c.src = d.nounPhrase(v+1, 1)
		}
		return c, true
	}
	return cand{}, false
}

// frameBefore reads "Name said: “…”" and "Name said, “…”".
func (d *doc) frameBefore(reg region, verbs map[string]bool) (cand, bool) {
	k := reg.open - 1
	if k < 0 || d.toks[reg.open].nl > 0 {
		return cand{}, false
	}
	colon := d.low[k] == ":"
	if colon || d.low[k] == "," {
		k--
	}
	if k < 0 || d.toks[k].kind != tWord || !verbs[d.attrs[k].stem] {
		return cand{}, false
	}
	c := cand{cue: tokRange{k, k + 1}, parts: []tokRange{{reg.open, reg.close + 1}}}
	if colon {
		c.cue.to++
	}
	c.src = d.nounPhrase(k-1, -1)
	return c, true
}

// maxSource is the most tokens a source found by a rule may have.
const maxSource = 8

// nounPhrase returns the run of name-like tokens that starts at token i and
// goes in direction dir (1 or -1): capitalized words and the words of names
// ("Rep. Gwen Moore", "he", "the spokesman"), stopping at punctuation, a
// line break or maxSource tokens.
func (d *doc) nounPhrase(i, dir int) tokRange {
	j := i
	for n := 0; j >= 0 && j < len(d.toks) && n < maxSource; n++ {
		t := d.toks[j]
		if t.kind != tWord || dir > 0 && t.nl > 0 || dir < 0 && j+1 < len(d.toks) && d.toks[j+1].nl > 0 && j != i {
			break
		}
		j += dir
	}
	if dir > 0 {
		return tokRange{i, j}
	}
	return tokRange{j + 1, i + 1}
}

// clipToQuotations cuts a content part that begins with a closed
// quotation down to the quotations in it: the words after the last closing
// mark ("…,” she said several months later") and between quotations
// ("“A,” he said. “B.”") are the frame, not the quote.
func (d *doc) clipToQuotations(parts []tokRange) []tokRange {
	var out []tokRange
	for _, p := range parts {
		r := d.outer(p.from)
		if r < 0 || d.regs[r].open != p.from || !d.regs[r].closed || p.to <= d.regs[r].close+1 {
			out = append(out, p)
			continue
		}
		for k := p.from; k < p.to; {
			r := d.outer(k)
			if r < 0 || d.regs[r].open != k || !d.regs[r].closed {
				k++
				continue
			}
			end := min(d.regs[r].close+1, p.to)
			out = append(out, tokRange{k, end})
			k = end
		}
	}
	return out
}

// framedParts drops, from a quote whose content is a quotation before its
// cue ("“A,” she said, and then …"), the parts after the cue that are no
// quotation: they are the narration that goes on after the frame.
func (d *doc) framedParts(parts []tokRange, cue tokRange) []tokRange {
	quoted := false
	for _, p := range parts {
		if p.to <= cue.from && d.isQuotation(p) {
			quoted = true
		}
	}
	if !quoted {
		return parts
	}
	out := parts[:0]
	for _, p := range parts {
		if p.to <= cue.from || d.startsQuotation(p) {
			out = append(out, p)
		}
	}
	return out
}

// isQuotation reports whether tokens p are exactly one closed quotation.
func (d *doc) isQuotation(p tokRange) bool {
	r := d.outer(p.from)
	return r >= 0 && d.regs[r].open == p.from && d.regs[r].close == p.to-1
}

func (d *doc) startsQuotation(p tokRange) bool {
	r := d.outer(p.from)
	return r >= 0 && d.regs[r].open == p.from
}

// outer returns the outermost quotation holding token k, or -1.
func (d *doc) outer(k int) int32 {
	r := d.inReg[k]
	if r < 0 {
		return -1
	}
	for d.regs[r].single {
		o := d.outerRegion(r)
		if o < 0 {
			break
		}
		r = o
	}
	return r
}

// wholeQuotations extends a part that opens a quotation running on past
// the labeller's window (into the paragraphs after) to the quotation's
// end, and one that begins at the mark that reopens a run-on quotation in a
// later paragraph back to the quotation's start. A part outside quotation
// marks loses the period that ends its sentence (the sentence's, not the
// content's).
func (d *doc) wholeQuotations(parts []tokRange) []tokRange {
	for k, p := range parts {
		r := d.outer(p.from)
		if r >= 0 && d.regs[r].open < p.from && d.toks[p.from].kind == tQuote && d.toks[p.from].nl >= 1 && p.to <= d.regs[r].close+1 {
			parts[k].from = d.regs[r].open
			p = parts[k]
		}
		if r >= 0 && d.regs[r].open == p.from && d.regs[r].close >= p.to && d.paraOf(d.regs[r].close).from != d.paraOf(p.from).from {
			parts[k].to = d.regs[r].close + 1
		}
		if last := parts[k].to - 1; last > parts[k].from && d.low[last] == "." && d.sent[last] && d.inReg[last] < 0 {
			parts[k].to--
		}
	}
	return parts
}

// frameSource widens the source of "“…,” harbour master Ivo Petrov said" to
// everything between the quotation's closing mark (and comma) and the cue.
func (d *doc) frameSource(c *cand) {
	if len(c.parts) == 0 || c.src.from >= c.src.to || c.src.to != c.cue.from {
		return
	}
	first := c.parts[0]
	if !d.isQuotation(first) || first.to > c.src.from {
		return
	}
	from := first.to
	if from < c.src.from && d.low[from] == "," {
		from++
	}
	if from >= c.src.from || c.src.to-from > maxSource {
		return
	}
	for k := from; k < c.src.from; k++ {
		if d.toks[k].kind != tWord {
			return
		}
	}
	c.src.from = from
}

// colonQuotation returns the quotation that a cue ending its paragraph
// with a colon introduces ("He said:" and the next paragraph in quotation
// marks).
func (d *doc) colonQuotation(c tokRange) (tokRange, bool) {
	k := c.to - 1
	if d.low[k] != ":" && c.to < len(d.toks) && d.low[c.to] == ":" {
		k = c.to
	}
	if d.low[k] != ":" || k+1 >= len(d.toks) || d.toks[k+1].nl == 0 {
		return tokRange{}, false
	}
	r := d.outer(k + 1)
	if r < 0 || d.regs[r].open != k+1 {
		return tokRange{}, false
	}
	return tokRange{k + 1, d.regs[r].close + 1}, true
}

// maxContinued is the most paragraphs a quote runs on into.
const maxContinued = 8

// continuations add to a quote whose content is a quotation ending its
// paragraph the paragraphs after it that are nothing but a quotation with
// no cue of their own: news style runs one speaker's words on so ("“…,”
// she said.", then a paragraph in quotation marks).
func (d *doc) continuations(cs []cand) []cand {
	cueIn := map[int]bool{} // paragraphs (by first token) that hold a cue
	for _, c := range cs {
		cueIn[d.paraOf(c.cue.from).from] = true
	}
	for i := range cs {
		c := &cs[i]
		if len(c.parts) == 0 {
			continue
		}
		last := c.parts[len(c.parts)-1]
		if !d.isQuotation(last) || !d.regs[d.outer(last.from)].closed {
			continue
		}
		p := d.paraOf(max(last.to-1, c.cue.to-1))
		for n := 0; p.to < len(d.toks) && n < maxContinued; n++ {
			next := d.paraOf(p.to)
			r := d.outer(next.from)
			if cueIn[next.from] || r < 0 || d.regs[r].open != next.from || d.regs[r].close != next.to-1 || !d.regs[r].closed {
				break
			}
			c.parts = append(c.parts, tokRange{next.from, next.to})
			p = next
		}
	}
	return cs
}

// splitContinuation adds to a quote whose content is a quotation before
// its cue ("“A,” he said") the quotation that goes on after the cue, in
// the same sentence or opening the next one ("…, “B.”", "… said. “B.”"),
// when no other quote holds it and no other cue stands between.
func (d *doc) splitContinuation(c *cand, cueAt map[int]bool, taken []bool) {
	if len(c.parts) != 1 || !d.isQuotation(c.parts[0]) || c.parts[0].to > c.cue.from {
		return
	}
	p := d.paraOf(c.cue.from)
	ends := 0
	for k := c.cue.to; k < p.to && k < c.cue.to+maxWindow; k++ {
		t := d.toks[k]
		if t.kind == tQuote {
			r := d.outer(k)
			if r < 0 || d.regs[r].open != k || !d.regs[r].closed || anyTaken(taken, k, d.regs[r].close+1) {
				return
			}
			part := tokRange{k, d.regs[r].close + 1}
			c.parts = append(c.parts, part)
			for j := part.from; j < part.to; j++ {
				taken[j] = true
			}
			return
		}
		if cueAt[k] {
			return // another attribution's cue
		}
		if d.sent[k] {
			if ends++; ends > 1 || k+1 < p.to && d.toks[k+1].kind != tQuote {
				return // the quotation must open the next sentence
			}
		}
	}
}
