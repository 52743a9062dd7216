package eval

import (
	"strings"
	"unicode"
)

// tilse is Python 3: its str.strip() and str.split() treat as whitespace
// every character for which str.isspace() holds. That is Go's unicode.IsSpace
// plus the four ASCII information separators U+001C..U+001F.

func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// pyStrip is Python's str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, pyIsSpace) }

// pyFields is Python's str.split() with no argument.
func pyFields(s string) []string { return strings.FieldsFunc(s, pyIsSpace) }
