package quote

// region is a stretch of text in quotation marks: the tokens from its opening
// mark to its closing mark, both included.
type region struct {
	open, close int  // token indices of the marks; close is the last token inside when the quote is never closed
	single      bool // in single marks (‘…’), usually inside a double quotation or in a headline
	closed      bool // ends with a closing mark (not at a paragraph end or the end of the text)
}

// pairQuotes finds the quoted regions of toks, in order of their opening
// marks. Double marks pair with double, single with single; a single
// quotation nests inside a double one. News style leaves a quotation that
// runs on into the next paragraph open at the paragraph's end and opens the
// next paragraph with a fresh mark: the two paragraphs make one region. A
// double quotation still open at a paragraph break that is not followed by an
// opening mark ends there, unclosed; an unclosed single mark is taken for an
// apostrophe and dropped. A closing mark with nothing open is ignored.
func pairQuotes(toks []tok, dst []region) []region {
	out := dst[:0]
	dbl, sgl := -1, -1       // indices in out of the open double and single regions
	endOpen := func(k int) { // close whatever is open before token k, unclosed
		if sgl >= 0 {
			out = append(out[:sgl], out[sgl+1:]...) // an apostrophe after all
			if dbl > sgl {
				dbl--
			}
			sgl = -1
		}
		if dbl >= 0 {
			out[dbl].close = k - 1
			dbl = -1
		}
	}
	for k, t := range toks {
		if t.nl >= 2 && (dbl >= 0 || sgl >= 0) {
			if dbl >= 0 && t.kind == tQuote && t.q&qSingle == 0 && t.q&qOpen != 0 {
				if sgl >= 0 {
					out = append(out[:sgl], out[sgl+1:]...)
					sgl = -1
				}
				continue // the quotation runs on into this paragraph
			}
			endOpen(k)
		}
		if t.kind != tQuote {
			continue
		}
		if t.q&qSingle != 0 {
			switch {
			case sgl >= 0 && t.q&qClose != 0:
				out[sgl].close, out[sgl].closed = k, true
				sgl = -1
			case sgl < 0 && t.q&qOpen != 0:
				sgl = len(out)
				out = append(out, region{open: k, single: true})
			}
			continue
		}
		switch {
		case dbl >= 0 && t.q&qClose != 0:
			if sgl > dbl {
				out = append(out[:sgl], out[sgl+1:]...)
				sgl = -1
			}
			out[dbl].close, out[dbl].closed = k, true
			dbl = -1
		case dbl >= 0: // a definite opening mark inside an open quotation: the first was never closed
			endOpen(k)
			fallthrough
		case t.q&qOpen != 0:
			if sgl >= 0 { // a double quotation does not open inside a single one
				out = append(out[:sgl], out[sgl+1:]...)
				sgl = -1
			}
			dbl = len(out)
			out = append(out, region{open: k})
		}
	}
	endOpen(len(toks))
	return out
}
