package quote

import "github.com/dateline-news/dateline/internal/token"

// The extractor reads the tokens of internal/token, the tokenizer it
// shares with the entity recognizer (one split of a text serves both: see
// ExtractTokens), in a compact form of its own: byte and rune offsets, the
// kind, which way a quotation mark leans, and the white space before.

// tokKind is the class of a token.
type tokKind = token.Kind

const (
	tWord  = token.Word  // holds a letter or a digit
	tPunct = token.Punct // any other mark, a dash, an ellipsis
	tQuote = token.Quote // a quotation mark (see token.q)
)

// qmark describes a quotation-mark token.
type qmark = token.Mark

const (
	qOpen   = token.Open   // opens a quotation
	qClose  = token.Close  // closes a quotation
	qSingle = token.Single // a single mark (‘ ’ ' `), not a double one
)

// tok is one token of a text.
type tok struct {
	b, e   int // byte offsets in the text, end exclusive
	rs, re int // rune offsets, end exclusive
	kind   tokKind
	q      qmark // for quotation marks: open and/or close (both: undecided), single
	nl     uint8 // line breaks in the white space before the token (capped at 2: a paragraph break)
	space  bool  // white space before the token
}

// fromShared converts the shared tokens into the extractor's, reusing dst.
func fromShared(tt *token.Text, dst []tok) []tok {
	out := dst[:0]
	if cap(out) < len(tt.Toks) {
		out = make([]tok, 0, len(tt.Toks))
	}
	for i := range tt.Toks {
		t := &tt.Toks[i]
		out = append(out, tok{b: t.Byte, e: t.ByteEnd(), rs: t.Start, re: t.End, kind: t.Kind, q: t.Mark, nl: t.Breaks, space: t.Space})
	}
	return out
}

// tokenize splits s with the shared tokenizer.
func tokenize(s string, dst []tok) []tok {
	var tt token.Text
	tt.Split(s)
	return fromShared(&tt, dst)
}

// Tokens returns the rune spans of the tokens of s as the extractor sees
// them (internal/token's). Scorers use it to count token overlap.
func Tokens(s string) []Span {
	var tt token.Text
	tt.Split(s)
	out := make([]Span, len(tt.Toks))
	for i, t := range tt.Toks {
		out[i] = Span{t.Start, t.End}
	}
	return out
}

func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }
