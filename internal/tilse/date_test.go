package tilse

import (
	"testing"
	"time"
)

// TestParseDate follows Python's datetime.strptime(s, '%Y-%m-%d'), which
// tilse uses to recognise date lines (expectations checked with CPython).
func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date // zero: not a date
	}{
		{"2010-01-05", Date{2010, time.January, 5}},
		{"2010-1-5", Date{2010, time.January, 5}},
		{"2010-01- 5", Date{2010, time.January, 5}}, // %d accepts " 5"
		{"2010-1-1", Date{2010, time.January, 1}},
		{"9999-12-31", Date{9999, time.December, 31}},
		{"2012-02-29", Date{2012, time.February, 29}},
		{"٢٠١٠-01-05", Date{2010, time.January, 5}}, // \d is any Unicode digit
		{"2010-12-2٣", Date{2010, time.December, 23}},
		{"2011-02-29", Date{}},
		{"2010-02-30", Date{}},
		{"0000-01-01", Date{}},
		{"2011-04-0", Date{}},
		{"2010-13-01", Date{}},
		{"2010-01-01x", Date{}},
		{" 2010-01-01", Date{}},
		{"10-01-01", Date{}},
		{"2010-01-010", Date{}},
		{"2010-001-01", Date{}},
		{"", Date{}},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.want == (Date{}) {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDateOrdinalAndOrder(t *testing.T) {
	a := Date{2008, time.February, 28}
	b := Date{2008, time.March, 1} // leap year: two days later
	if d := b.Ordinal() - a.Ordinal(); d != 2 {
		t.Errorf("days between %v and %v = %d, want 2", a, b, d)
	}
	if !a.Before(b) || b.Before(a) || a.Before(a) {
		t.Errorf("Before is wrong for %v, %v", a, b)
	}
	if s := (Date{33, time.July, 4}).String(); s != "0033-07-04" {
		t.Errorf("String = %q", s)
	}
	if got := DateOf(time.Date(2020, 5, 1, 23, 59, 0, 0, time.FixedZone("x", -5*3600))); got != (Date{2020, time.May, 1}) {
		t.Errorf("DateOf = %v", got)
	}
}
