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
