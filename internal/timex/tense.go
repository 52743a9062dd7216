package timex

// tenseAt guesses the tense of the clause around tokens [i, j): the nearest
// verb cue before the expression in its sentence decides ("announced
// Tuesday", "will meet Friday"); when there is none, the nearest one after
// it ("Friday's meeting will..."). Cues are auxiliaries and modals (will,
// 'll, would, is going to, was, has), past-tense verbs (said, met, -ed) and
// present-tense forms (is, says).
func tenseAt(toks []token, i, j int) tense {
	// sentence bounds
	s := i
	for s > 0 && !toks[s].sent {
		s--
	}
	const window = 12
	for k, n := i-1, 0; k >= s && n < window; k, n = k-1, n+1 {
		if t := cueAt(toks, k); t != tenseNone {
			return t
		}
		if toks[k].kind == tPunct && (toks[k].ch == ';' || toks[k].ch == ':') {
			break
		}
	}
	for k, n := j, 0; k < len(toks) && n < 2*window; k, n = k+1, n+1 {
		if toks[k].sent {
			break
		}
		if t := cueAt(toks, k); t != tenseNone {
			return t
		}
	}
	return tenseNone
}

// cueAt returns the tense cue of token k, if any.
func cueAt(toks []token, k int) tense {
	t := &toks[k]
	if t.kind != tWord {
		return tenseNone
	}
	if t.lx == nil {
		if t.ed {
			return tensePast
		}
		return tenseNone
	}
	l := t.lx
	if l.toFuture && k+2 < len(toks) && toks[k+1].lx != nil && toks[k+1].lx.id == wTo && toks[k+2].kind == tWord && (toks[k+2].lx == nil || toks[k+2].lx.id != wThe) {
		return tenseFuture
	}
	if l.id == wMay && t.cap {
		return tenseNone // the month
	}
	switch l.id {
	case wWo: // wo n't
		return tenseFuture
	}
	if l.word == "won" && k+1 < len(toks) && toks[k+1].lx != nil && toks[k+1].lx.id == wNt {
		return tenseFuture
	}
	if l.cue == tenseFuture && l.id == wGoing {
		// "is going to": future; "going" alone: none
		if k+1 < len(toks) && toks[k+1].lx != nil && toks[k+1].lx.id == wTo {
			return tenseFuture
		}
		return tenseNone
	}
	return l.cue
}
