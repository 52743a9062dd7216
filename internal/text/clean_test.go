package text

import "testing"

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jo Marsh , Health Editor HARBOURTOWN | Mon Mar 2 , 2031 4:23 pm EST HARBOURTOWN -LRB- Reuters -RRB- - The pier was closed on Monday after divers found cracks .",
			"The pier was closed on Monday after divers found cracks ."},
		{"Port Elvin , Caldera -LRB- CNN -RRB- -- Fishermen protested outside the town hall on Wednesday .",
			"Fishermen protested outside the town hall on Wednesday ."},
		{"PORT ELVIN (Reuters) - The council voted 7-2 to rebuild the pier.", "The council voted 7-2 to rebuild the pier."},
		{"Saturday 25 April 2031 23.24 BST The ferry resumed its crossings after a week of delays .",
			"The ferry resumed its crossings after a week of delays ."},
		{"Tuesday , March 3 , 2031 ; 4:57 PM The mayor said the pier would be rebuilt within a year .",
			"The mayor said the pier would be rebuilt within a year ."},
		{"The council met at 4:30 pm on Monday and voted to rebuild the pier .", "The council met at 4:30 pm on Monday and voted to rebuild the pier ."},
		{"The vote -LRB- 7-2 -RRB- surprised nobody .", "The vote -LRB- 7-2 -RRB- surprised nobody ."},
		{"Quoted -LRB- CNN -RRB- -- too short .", "Quoted -LRB- CNN -RRB- -- too short ."},
	}
	for _, tt := range tests {
		if got := StripDateline(tt.in); got != tt.want {
			t.Errorf("StripDateline(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// The cheap tests before the regular expressions must never rule out a
// text the expressions match: each case is matched by its expression, and
// its prefilter must say yes; the cases without a match must get a no.
func TestPrefiltersAgreeWithPatterns(t *testing.T) {
	tests := []struct {
		in    string
		agent bool // agencyMark matches
		clock bool // timeStamp matches
	}{
		{"HARBOURTOWN -LRB- Reuters -RRB- - The pier", true, false},
		{"Port Elvin -LRB- CNN -RRB- -- Fishermen", true, false},
		{"PORT ELVIN (Reuters) - The council", true, false},
		{"PORT ELVIN (AP) — The council", true, false},
		{"PORT ELVIN (AP)— The council", true, false},
		{"PORT ELVIN (Reuters)-  The council", true, false},
		{"PORT ELVIN (AP)  -  The council", true, false},
		{"2031 4:23 pm EST HARBOURTOWN", false, true},
		{"25 April 2031 23.24 BST The ferry", false, true},
		{"2031 ; 4:57 PM The mayor", false, true},
		{"at 10:35 a.m. the ferry", false, true},
		{"18:00 UK time , Saturday", false, true},
		{"at 7.30\tGMT", false, true},
		{"at 7.30 apiece", false, false},
		{"rates rose 3.25 percent (estimate) to 4.10", false, false},
		{"up 12.50 Pounds at 4.05 a share", false, false},
		{"The vote (7-2) surprised nobody", false, false},
	}
	for _, tt := range tests {
		if got := agencyMark.MatchString(tt.in); got != tt.agent {
			t.Errorf("agencyMark.MatchString(%q) = %v, the case says %v", tt.in, got, tt.agent)
		}
		if got := timeStamp.MatchString(tt.in); got != tt.clock {
			t.Errorf("timeStamp.MatchString(%q) = %v, the case says %v", tt.in, got, tt.clock)
		}
		if tt.agent && !hasAgencyDash(tt.in) {
			t.Errorf("hasAgencyDash(%q) = false, but agencyMark matches", tt.in)
		}
		if tt.clock && !hasClock(tt.in) {
			t.Errorf("hasClock(%q) = false, but timeStamp matches", tt.in)
		}
		if !tt.agent && !tt.clock && (hasAgencyDash(tt.in) || hasClock(tt.in)) {
			t.Errorf("a prefilter says yes to %q, which neither pattern matches", tt.in)
		}
	}
}

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"What will happen to the fishing fleet now ?", true},
		{"March 31 , 2031 at 4:53 pm | Reply when will the ferry be back ?", true},
		{"Home | News | Harbour", true},
		{"Read more here .", true},
		{"The council voted 7-2 on Thursday to rebuild the pier .", false},
	}
	for _, tt := range tests {
		if got := IsBoilerplate(tt.in); got != tt.want {
			t.Errorf("IsBoilerplate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
