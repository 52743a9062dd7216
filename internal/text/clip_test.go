package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"one more", 7, "one mor…"},
		{strings.Repeat("é", 5), 3, "ééé…"},
		{"日本語のテキスト", 2, "日本…"},
		{"", 3, ""},
		{"abc", 0, "…"},
		{"\xff\xfeab", 1, "\xff…"},
	} {
		if got := Clip(tc.in, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func ExampleClip() {
	fmt.Printf("%q\n", Clip("The harbour authority of Port Elvin closed the north pier", 24))
	// Output: "The harbour authority of…"
}
