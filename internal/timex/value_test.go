package timex

import (
	"testing"
	"time"
)

func TestParseValue(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		value      string
		ok         bool
		start, end time.Time
		gran       Granularity
	}{
		{"2017-04-11", true, day(2017, 4, 11), day(2017, 4, 12), Day},
		{"2017-04-11T14:30", true, day(2017, 4, 11), day(2017, 4, 12), Day},
		{"2017-04-11TEV", true, day(2017, 4, 11), day(2017, 4, 12), Day},
		{"2017-04", true, day(2017, 4, 1), day(2017, 5, 1), Month},
		{"2017-12", true, day(2017, 12, 1), day(2018, 1, 1), Month},
		{"2017", true, day(2017, 1, 1), day(2018, 1, 1), Year},
		{"2017-W14", true, day(2017, 4, 3), day(2017, 4, 10), Week},
		{"2015-W01", true, day(2014, 12, 29), day(2015, 1, 5), Week},
		{"2017-W15-WE", true, day(2017, 4, 15), day(2017, 4, 17), Week},
		{"2017-W54-WE", false, time.Time{}, time.Time{}, 0},
		{"1998-Q1", true, day(1998, 1, 1), day(1998, 4, 1), Quarter},
		{"1998-Q4", true, day(1998, 10, 1), day(1999, 1, 1), Quarter},
		{"1998-H2", true, day(1998, 7, 1), day(1999, 1, 1), Half},
		{"2017-SU", true, day(2017, 6, 1), day(2017, 9, 1), Season},
		{"2017-WI", true, day(2017, 12, 1), day(2018, 3, 1), Season},
		{"199", true, day(1990, 1, 1), day(2000, 1, 1), Decade},
		{"19", true, day(1900, 1, 1), day(2000, 1, 1), Century},
		{"2017-02-30", false, time.Time{}, time.Time{}, 0},
		{"2017-13", false, time.Time{}, time.Time{}, 0},
		{"2017-W54", false, time.Time{}, time.Time{}, 0},
		{"XXXX-04-11", false, time.Time{}, time.Time{}, 0},
		{"P3D", false, time.Time{}, time.Time{}, 0},
		{"PRESENT_REF", false, time.Time{}, time.Time{}, 0},
		{"", false, time.Time{}, time.Time{}, 0},
	}
	for _, tt := range tests {
		iv, ok := ParseValue(tt.value)
		if ok != tt.ok {
			t.Errorf("ParseValue(%q) ok = %v, want %v", tt.value, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if !iv.Start.Equal(tt.start) || !iv.End.Equal(tt.end) || iv.Gran != tt.gran {
			t.Errorf("ParseValue(%q) = [%s, %s) %s, want [%s, %s) %s", tt.value,
				iv.Start.Format(time.DateOnly), iv.End.Format(time.DateOnly), iv.Gran,
				tt.start.Format(time.DateOnly), tt.end.Format(time.DateOnly), tt.gran)
		}
	}
}
