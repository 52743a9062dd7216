// Package token is the one tokenizer of dateline's annotators: the entity
// recognizer (internal/entity) and the quote extractor (internal/quote)
// read the same split of a text, so that a text is tokenized once for both.
//
// Text that is already tokenized (one sentence per line, tokens separated
// by spaces: CoNLL files, the PTB text of the TLS datasets; see
// text.IsTokenized) is split at white space only, so that every span found
// in it starts and ends on one of its tokens. Prose is split Penn-Treebank
// style: punctuation, brackets, currency signs and quotation marks apart,
// clitics ('s, n't) apart, the period of an abbreviation (Mr., U.S., Corp.)
// kept; dashes and double quotation marks split a run of characters
// wherever they stand. Each token keeps its rune and byte offsets, its norm
// (the form features read: “ ” “ ” as ", -LRB- as (, dashes as -), its
// kind, which way a quotation mark leans (open, close or undecided, single
// or double), and the line breaks before it. Sequences are the windows the
// entity labeller reads: a line of tokenized text; in prose, the tokens up
// to sentence-final punctuation (and the closing marks after it) or a line
// break, unless the next line goes on in lower case.
//
// It is hand-written rather than taken from internal/text's UAX #29 words:
// the models were trained on PTB tokens (CoNLL-2003), attribution spans end
// inside what UAX #29 calls one word ("Clinton" + "’s"), quotation marks
// must be told open from closed and from apostrophes, and PTB text spells
// its quotation marks “ and ”.
package token
