package text

import "strings"

// ptbSymbols maps PTB escape tokens to the characters they stand for.
var ptbSymbols = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}

// Detokenize turns one PTB-tokenized sentence back into readable prose:
// brackets and quotes restored, punctuation and clitics attached
// (PTB "Libya 's -LRB- Reuters -RRB-" becomes "Libya's (Reuters)").
// Text that is not tokenized passes through with its spacing collapsed.
func Detokenize(s string) string {
	toks := strings.Fields(s)
	var b strings.Builder
	b.Grow(len(s))
	attachNext := false // the previous token opens: no space before this one
	openQuote := false
	for i, t := range toks {
		if r, ok := ptbSymbols[t]; ok {
			t = r
		}
		space := i > 0 && !attachNext
		attachNext = false
		switch t {
		case "``":
			t, attachNext, openQuote = `"`, true, true
		case "''":
			t, space, openQuote = `"`, false, false
		case `"`:
			if openQuote {
				space = false
			} else {
				attachNext = true
			}
			openQuote = !openQuote
		case ",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "...":
			space = false
		case "(", "[", "{", "$", "#":
			attachNext = true
		case "'s", "'S", "'re", "'ve", "'ll", "'d", "'m", "n't", "N'T", "'":
			space = false
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}
