package main

import "testing"

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int // 0: an error
	}{
		{"5000", 5000}, {"10k", 10000}, {"100K", 100000}, {"1m", 1000000}, {"2M", 2000000},
		{"", 0}, {"k", 0}, {"0", 0}, {"-5", 0}, {"1.5m", 0}, {"lots", 0}, {"99999999999999m", 0},
	}
	for _, tt := range tests {
		got, err := parseCount(tt.in)
		if (err != nil) != (tt.want == 0) || got != tt.want {
			t.Errorf("parseCount(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}
