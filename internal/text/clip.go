package text

// Clip returns s cut to at most n runes, with "…" after it when it was cut:
// the way an error message quotes a line of hostile input without printing
// all of it. It never cuts inside a rune.
func Clip(s string, n int) string {
	for i := range s {
		if n <= 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
