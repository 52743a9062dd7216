package render

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzSafe checks that Safe leaves nothing a terminal would act on, and
// that JSON output keeps the data while escaping the same runes.
func FuzzSafe(f *testing.F) {
	f.Add(hostile)
	f.Add("plain Österreich — text")
	f.Fuzz(func(t *testing.T, s string) {
		out := Safe(s)
		if i := firstUnsafe(out); i >= 0 || !utf8.ValidString(out) {
			t.Fatalf("Safe(%q) = %q, unsafe at %d", s, out, i)
		}
		var buf bytes.Buffer
		if err := encodeJSON(&buf, s); err != nil {
			t.Fatal(err)
		}
		if i := firstUnsafeJSON(buf.Bytes()); i >= 0 {
			t.Fatalf("JSON of %q: %q unsafe at %d", s, buf.Bytes(), i)
		}
		var back string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil || (utf8.ValidString(s) && back != s) {
			t.Fatalf("JSON of %q read back as %q, %v", s, back, err)
		}
	})
}
