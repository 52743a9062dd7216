package eval

import (
	"github.com/dateline-news/dateline/internal/tilse"
	"strings"
)

// tilse is Python 3: its str.strip() and str.split() treat as whitespace
// every character for which str.isspace() holds. That is Go's unicode.IsSpace
// plus the four ASCII information separators U+001C..U+001F.

// (tilse.IsSpace, tilse.Strip.)

// pyFields is Python's str.split() with no argument.
func pyFields(s string) []string { return strings.FieldsFunc(s, tilse.IsSpace) }
