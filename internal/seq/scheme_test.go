package seq

import (
	"slices"
	"testing"
)

func TestSchemeRoundTrip(t *testing.T) {
	spans := []Span{{0, 2, 1}, {2, 3, 0}, {5, 8, 1}, {8, 9, 1}}
	for _, tc := range []struct {
		scheme *Scheme
		want   []string
	}{
		{BIO("PER", "LOC"), []string{"B-LOC", "I-LOC", "B-PER", "O", "O", "B-LOC", "I-LOC", "I-LOC", "B-LOC", "O"}},
		{BILOU("PER", "LOC"), []string{"B-LOC", "L-LOC", "U-PER", "O", "O", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "O"}},
	} {
		labels := tc.scheme.Encode(spans, 10, nil)
		var names []string
		for _, l := range labels {
			names = append(names, tc.scheme.Labels()[l])
		}
		if !slices.Equal(names, tc.want) {
			t.Errorf("Encode: got %v, want %v", names, tc.want)
		}
		if got := tc.scheme.Decode(labels, nil); !slices.Equal(got, spans) {
			t.Errorf("Decode: got %v, want %v", got, spans)
		}
	}
}

func TestSchemeEncodeSkipsBadSpans(t *testing.T) {
	s := BIO("X")
	got := s.Encode([]Span{{1, 3, 0}, {2, 4, 0}, {3, 9, 0}, {-1, 1, 0}, {4, 5, 3}}, 5, nil)
	if want := []int{0, 1, 2, 0, 0}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSchemeDecodeLenient reads illegal label sequences as conlleval does.
func TestSchemeDecodeLenient(t *testing.T) {
	bio := BIO("A", "B")     // O B-A I-A B-B I-B
	bilou := BILOU("A", "B") // O B-A I-A L-A U-A B-B I-B L-B U-B
	for _, tc := range []struct {
		name   string
		scheme *Scheme
		labels []int
		want   []Span
	}{
		{"BIO I after O starts", bio, []int{0, 2, 2, 0}, []Span{{1, 3, 0}}},
		{"BIO I of another type starts", bio, []int{1, 4, 4}, []Span{{0, 1, 0}, {1, 3, 1}}},
		{"BIO B after I starts", bio, []int{1, 2, 1}, []Span{{0, 2, 0}, {2, 3, 0}}},
		{"BILOU I after L starts", bilou, []int{1, 3, 2, 3}, []Span{{0, 2, 0}, {2, 4, 0}}},
		{"BILOU unclosed B", bilou, []int{1, 0, 8}, []Span{{0, 1, 0}, {2, 3, 1}}},
		{"out of range label is O", bio, []int{7, 1}, []Span{{1, 2, 0}}},
	} {
		if got := tc.scheme.Decode(tc.labels, nil); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSchemeAllowed(t *testing.T) {
	bilou := BILOU("A", "B") // O B-A I-A L-A U-A B-B I-B L-B U-B
	bio := BIO("A", "B")     // O B-A I-A B-B I-B
	for _, tc := range []struct {
		scheme     *Scheme
		prev, next int
		want       bool
	}{
		{bilou, -1, 0, true},
		{bilou, -1, 1, true},
		{bilou, -1, 2, false},
		{bilou, -1, 3, false},
		{bilou, -1, 4, true},
		{bilou, 1, 2, true},
		{bilou, 1, 3, true},
		{bilou, 1, 0, false},
		{bilou, 1, 7, false},
		{bilou, 1, -1, false},
		{bilou, 2, -1, false},
		{bilou, 3, -1, true},
		{bilou, 3, 5, true},
		{bilou, 4, 4, true},
		{bilou, 4, 2, false},
		{bilou, 0, 3, false},
		{bio, -1, 2, false},
		{bio, 0, 2, false},
		{bio, 1, 2, true},
		{bio, 2, 2, true},
		{bio, 2, 4, false},
		{bio, 2, 3, true},
		{bio, 2, -1, true},
	} {
		if got := tc.scheme.Allowed(tc.prev, tc.next); got != tc.want {
			t.Errorf("%v: Allowed(%d, %d) = %v, want %v", tc.scheme.Labels(), tc.prev, tc.next, got, tc.want)
		}
	}
}
