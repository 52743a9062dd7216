package timex

// tenseAt guesses the tense of the clause around tokens [i, j): the nearest
// verb cue before the expression in its sentence decides ("announced
// Tuesday", "will meet Friday"); when there is none, the nearest one after
// it ("Friday's meeting will..."). Cues are auxiliaries and modals (will,
// 'll, would, is going to, was, has), past-tense verbs (said, met, -ed),
// present-tense forms (is, says) and "to be". The auxiliaries before a verb
// decide for it: "will be paid" is future, "has risen" past; "would" is the
// future of a past ("said he would step down on Feb. 28"): a weekday after
// it looks ahead, a date is the nearest one, a past one counting three
// times as far. A preposition
// can decide too: "until Thursday", "effective Feb. 1" and "as soon as
// Monday" look ahead, "since January" back.
//
// The sentence is the tokens [s, n).
func tenseAt(toks []token, s, n, i, j int) tense {
	// until 9 a.m. Tuesday, effective Feb. 1: a deadline, a start; since
	// January: the past
	if i >= 1 && toks[i-1].lexeme != nil {
		switch l := toks[i-1].lexeme; {
		case l.cueWord == cwEffective:
			return tenseFuture
		case l.keyword == wUntil:
			// a deadline ("postponed until", "has until"); but a sentence
			// opening "Until Thursday, they had not..." looks back, and so
			// does a past perfect or a past that lasted: "had not been told
			// until Monday", "talks lasted until Friday"
			if i-1 == s {
				return clauseTense(toks, s, n, i, j)
			}
			if pastUntil(toks, s, i-1) {
				return tensePast
			}
			return tenseFuture
		case l.keyword == wSince:
			return tensePast
		}
	}
	// as soon as Tuesday, as early as next week
	if asSoonAs(toks, i) {
		return tenseFuture
	}
	return clauseTense(toks, s, n, i, j)
}

// pastUntil reports whether "until" at token u, in the sentence starting
// at s, closes a past stretch: its clause has "had" (a past perfect: "had
// not been told until Monday") or a verb of duration in the past right
// before it, with no future cue.
func pastUntil(toks []token, s, u int) bool {
	if u > s && toks[u-1].lexeme != nil && toks[u-1].lexeme.lasting {
		return true
	}
	for k := u - 1; k >= s; k-- {
		if toks[k].kind == tPunct && (toks[k].ch == ';' || toks[k].ch == ':' || toks[k].ch == ',') {
			return false
		}
		if t := cueAt(toks, k); t == tenseFuture || t == tenseWould {
			return false
		}
		if toks[k].lexeme != nil && toks[k].lexeme.aux == auxHad {
			return true
		}
	}
	return false
}

// asSoonAs reports whether "as soon as" or "as early as" comes right before
// token i.
func asSoonAs(toks []token, i int) bool {
	if i >= 3 && toks[i-1].lexeme != nil && toks[i-1].lexeme.keyword == wAs && toks[i-3].lexeme != nil && toks[i-3].lexeme.keyword == wAs {
		if w := toks[i-2].lexeme; w != nil && (w.keyword == wSoon || w.keyword == wEarly) {
			return true
		}
	}
	return false
}

// clauseTense finds the nearest verb cue before [i, j) in the sentence
// [s, n), else after it.
func clauseTense(toks []token, s, n, i, j int) tense {
	const window = 20
	for k, n := i-1, 0; k >= s && n < window; k, n = k-1, n+1 {
		if t := cueAt(toks, k); t != tenseNone {
			return verbGroup(toks, k, s, t)
		}
		if toks[k].kind == tPunct && (toks[k].ch == ';' || toks[k].ch == ':') {
			break
		}
	}
	return tenseAfter(toks, j, s, n)
}

// tenseAfter looks for a tense cue after the expression ending at j, in the
// sentence ending before token end whose verbs' auxiliaries may reach back
// to s: the verb of which a "Friday's meeting" is the subject.
func tenseAfter(toks []token, j, s, end int) tense {
	const window = 24
	for k, n := j, 0; k < end && n < window; k, n = k+1, n+1 {
		if quote(&toks[k]) {
			break // a quotation has tenses of its own
		}
		if toks[k].ed && toks[k].lexeme != nil && lookingAhead(toks, k) {
			// the verb the expression comes before is its own event:
			// "ministers on Thursday agreed to extend" agreed on Thursday,
			// whatever they agreed to do later
			return verbGroup(toks, k, s, tensePast)
		}
		if t := cueAt(toks, k); t != tenseNone {
			return verbGroup(toks, k, s, t)
		}
	}
	return tenseNone
}

// verbGroup refines the tense cue of the verb at k with the auxiliaries
// right before it: a modal makes it future, had/was/were past, has/have +
// participle past (present perfect).
func verbGroup(toks []token, k, s int, t tense) tense {
	for a, n := k-1, 0; a >= s && n < 4; a, n = a-1, n+1 {
		l := toks[a].lexeme
		if l == nil || toks[a].kind != tWord {
			break
		}
		if modal(toks, a) {
			if l.modal == modalWould {
				return tenseWould
			}
			return tenseFuture
		}
		if l.keyword == wTo {
			// to be published: future; to have been: past
			if a+1 < len(toks) && toks[a+1].lexeme != nil && toks[a+1].lexeme.cueWord == cwBe {
				return tenseFuture
			}
			break
		}
		if l.verbGroup {
			continue
		}
		if l.aux != notAux {
			if t == tensePast || l.aux == auxHad || t != tenseFuture && l.aux == auxWas {
				return tensePast
			}
			continue
		}
		break
	}
	return t
}

// notAfterHave lists the words after which has/have is not an auxiliary.
var notAfterHave = map[word]bool{wTo: true, wA: true, wAn: true, wThe: true, wUntil: true, wIn: true, wOn: true,
	wAt: true, wFor: true, wBy: true, wSince: true, wNo: true, wSome: true, wSeveral: true, wMany: true, wMore: true, wLess: true}

// modal reports whether token k is a modal or the future auxiliary (May,
// capitalized, is the month).
func modal(toks []token, k int) bool {
	l := toks[k].lexeme
	return l != nil && l.modal != notModal && !(l.keyword == wMay && toks[k].cap)
}

// cueAt returns the tense cue of token k, if any.
func cueAt(toks []token, k int) tense {
	t := &toks[k]
	if t.kind != tWord {
		return tenseNone
	}
	if t.lexeme == nil || t.lexeme.cue == tenseNone && t.lexeme.keyword == wEnded {
		if t.ed && !adjectiveEd(toks, k) {
			return tensePast
		}
		return tenseNone
	}
	l := t.lexeme
	if l.modal == modalWould {
		return tenseWould
	}
	if lookingAhead(toks, k) {
		return tenseFuture
	}
	if k > 0 && determiner(toks[k-1].lexeme) && !modal(toks, k) {
		// the plan, a set, its bid, their cut: a noun, not a verb
		return tenseNone
	}
	if c, ok := keywordCue(toks, k); ok {
		return c
	}
	if l.cue == tenseNone && t.ed {
		// decided, agreed, pledged: in the lexicon for another reason, still
		// past-tense verbs
		return tensePast
	}
	return l.cue
}

// lexAt returns the lexeme of token k, noLex when there is none.
func lexAt(toks []token, k int) *lexeme {
	if k < len(toks) && toks[k].lexeme != nil {
		return toks[k].lexeme
	}
	return noLex
}

// lookingAhead reports whether the word at k, with what follows, tells of
// what is to happen: set to resume, agreed to buy, an agreement to
// acquire, the plan to close; a summit set for April, a vote due for Friday.
func lookingAhead(toks []token, k int) bool {
	l, next := toks[k].lexeme, lexAt(toks, k+1)
	if l.toFuture && next.keyword == wTo && k+2 < len(toks) && toks[k+2].kind == tWord && lexAt(toks, k+2).keyword != wThe {
		return true
	}
	return l.setFor && next.keyword == wFor
}

// keywordCue is the cue of the words whose tense depends on what follows
// them: May (the month), to be, won't, going to, has and have.
func keywordCue(toks []token, k int) (tense, bool) {
	l, next := toks[k].lexeme, lexAt(toks, k+1)
	switch {
	case l.keyword == wMay && toks[k].cap:
		return tenseNone, true // the month
	case l.keyword == wTo:
		// to be published in November: future
		if next.cueWord == cwBe {
			return tenseFuture, true
		}
		return tenseNone, true
	case l.keyword == wWo: // wo n't
		return tenseFuture, true
	case l.cueWord == cwWon && next.keyword == wNt:
		return tenseFuture, true
	case l.keyword == wGoing:
		if next.keyword == wTo {
			return tenseFuture, true
		}
		return tenseNone, true
	case l.cueWord == cwHave:
		// present perfect (has risen, have come down) unless a noun phrase,
		// a preposition or an infinitive follows (has $2 billion, have until
		// Thursday, have to)
		if k+1 < len(toks) {
			v := &toks[k+1]
			if v.kind == tWord && !v.cap && (v.lexeme == nil || v.lexeme.num == 0 && !notAfterHave[v.lexeme.keyword]) {
				return tensePast, true
			}
		}
		return tensePresent, true
	}
	return tenseNone, false
}

// determiner reports whether l is an article or a possessive determiner,
// after which a word that could be a verb (plan, set, bid) is a noun.
func determiner(l *lexeme) bool { return l != nil && l.determiner }

// adjectiveEd reports whether the -ed word at k modifies a noun rather than
// being a verb: it follows a determiner, possibly through an adverb ("a
// still unspecified date", "the newly elected board").
func adjectiveEd(toks []token, k int) bool {
	if k > 0 && determiner(toks[k-1].lexeme) {
		return true
	}
	if k > 1 && toks[k-1].kind == tWord && toks[k-1].lexeme != nil && toks[k-1].lexeme.degree && determiner(toks[k-2].lexeme) {
		return true
	}
	return false
}

// quote reports whether t is a quotation mark: a straight or curly double
// quote, or a PTB quote (two backquotes or two apostrophes).
func quote(t *token) bool {
	return t.kind == tPunct && (t.ch == '"' || t.ch == '`' || t.ch == '\'' && t.byteEnd-t.byteStart == 2)
}
