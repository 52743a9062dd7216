package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzTag checks that no input makes Tag panic, and that what it returns is
// well formed: ordered, non-overlapping, in range, with Text matching the
// offsets.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks resume next Friday, officials said on Tuesday.",
		"Tue Mar 15 , 2011 4:54 am GMT -LRB- Reuters -RRB-",
		"from 6 a.m. to midnight, 5 1/2 hours, the '90s, Feb. 30, 2017-02-30",
		"the first quarter of fiscal 1990, a year earlier, 24 hours a day",
		"Café “on Tuesday” in Zürich – 1,000 people; 13/45/2017",
	} {
		f.Add(s, int64(1491868800))
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		dct := time.Unix(sec%(1<<36), 0).UTC()
		txs := New().Tag(text, dct)
		n := utf8.RuneCountInString(text)
		prev := 0
		for _, tx := range txs {
			if tx.Start < prev || tx.End <= tx.Start || tx.End > n {
				t.Fatalf("bad extent [%d,%d) after %d in %d runes: %q", tx.Start, tx.End, prev, n, text)
			}
			prev = tx.End
			if utf8.ValidString(text) {
				r := []rune(text)
				if string(r[tx.Start:tx.End]) != tx.Text {
					t.Fatalf("Text %q does not match runes [%d,%d) %q", tx.Text, tx.Start, tx.End, string(r[tx.Start:tx.End]))
				}
			}
		}
	})
}
