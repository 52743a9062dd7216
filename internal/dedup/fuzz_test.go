package dedup

import (
	"bytes"
	"testing"
)

// FuzzUnmarshalBinary: stored bytes of any shape decode or fail cleanly,
// and what decodes encodes back to the same bytes.
func FuzzUnmarshalBinary(f *testing.F) {
	b, _ := Sign("CITY (AP) — " + join(story...)).MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Signature
		if err := s.UnmarshalBinary(data); err != nil {
			return
		}
		back, _ := s.MarshalBinary()
		if !bytes.Equal(back, data) {
			t.Fatalf("round trip changed the bytes")
		}
	})
}

// FuzzSign: any text signs, as the plain computation would, and a text is
// always one story with itself.
func FuzzSign(f *testing.F) {
	f.Add(join(story...))
	f.Add("-LRB- Reuters -RRB- short")
	f.Fuzz(func(t *testing.T, s string) {
		a := Sign(s)
		if a != signPlain(s) {
			t.Fatalf("Sign differs from the plain computation")
		}
		if a.Len > 0 && Similarity(a, Sign(s)) != 1 {
			t.Fatalf("a text is not identical to itself")
		}
	})
}
