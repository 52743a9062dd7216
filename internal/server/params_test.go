package server

import (
	"net/http/httptest"
	"testing"
)

// FuzzTimelineParams feeds arbitrary query strings to the timeline
// parameter parser: it must answer with options in bounds or a 400, never
// panic.
func FuzzTimelineParams(f *testing.F) {
	for _, seed := range []string{"", "query=bridge&dates=5", "keywords=a,,b,%20&from=2032-05-01&to=2032-04-01",
		"dates=-1", "per_date=999999999999999999999", "format=timelinejs&download=1", "%zz", "query=%00%ff&dates=1e3"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/api/timeline", nil)
		r.URL.RawQuery = raw
		tr, err := parseTimeline(r)
		if err != nil {
			if se, ok := err.(*statusError); !ok || se.status != 400 {
				t.Fatalf("%q: error %v is not a 400", raw, err)
			}
			return
		}
		if tr.opt.Dates < 1 || tr.opt.Dates > maxDates || tr.opt.PerDate < 1 || tr.opt.PerDate > maxPerDate {
			t.Fatalf("%q: options out of bounds: %+v", raw, tr.opt)
		}
		if !tr.opt.From.IsZero() && !tr.opt.To.IsZero() && tr.opt.To.Before(tr.opt.From) {
			t.Fatalf("%q: to before from accepted", raw)
		}
		if _, ok := formatTypes[tr.format]; !ok {
			t.Fatalf("%q: format %q has no content type", raw, tr.format)
		}
	})
}

func TestParseMix(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Mix
		ok   bool
	}{
		{"search=45,article=45,timeline=10,uncached=0", Mix{45, 45, 10, 0}, true},
		{"search=1", Mix{Search: 1}, true},
		{"search=0", Mix{}, false},
		{"search=-1", Mix{}, false},
		{"serch=1", Mix{}, false},
		{"search", Mix{}, false},
	} {
		got, err := ParseMix(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseMix(%q) = %+v, %v", tt.in, got, err)
		}
	}
}
