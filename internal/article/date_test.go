package article

import (
	"testing"
	"time"
)

// Publication dates in every shape the readers take; Go's zero time is
// refused wherever it comes from, since it means "no date" after reading.
func TestParseRecordDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2017-04-11", time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC), true},
		{"2017-04-11T09:30:00Z", time.Date(2017, 4, 11, 9, 30, 0, 0, time.UTC), true},
		{"2017-05-03 12:30:00", time.Date(2017, 5, 3, 12, 30, 0, 0, time.UTC), true},
		{"2017-05-03T12:30:00.123Z", time.Date(2017, 5, 3, 12, 30, 0, 123e6, time.UTC), true},
		{"2017-05-03 12:30:00.5", time.Date(2017, 5, 3, 12, 30, 0, 0, time.UTC), true},
		{"0001-01-02", time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), true},
		{"0001-01-01", time.Time{}, false},
		{"0001-01-01T00:00:00Z", time.Time{}, false},
		{"0001-01-01 00:00:00", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := parseRecordDate(tt.in)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseRecordDate(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if _, err := ParseDate(tt.in); err == nil && !tt.ok {
			t.Errorf("ParseDate(%q) took it", tt.in)
		}
	}
}
