package seq_test

import (
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/internal/seq"
)

// features describes each word by itself and by whether it is capitalized.
func features(words []string) [][]seq.Feature {
	w, cap := seq.Hash("w"), seq.Hash("cap")
	out := make([][]seq.Feature, len(words))
	for i, s := range words {
		out[i] = []seq.Feature{w.With(s), cap.With(fmt.Sprint(s != strings.ToLower(s)))}
	}
	return out
}

func Example() {
	scheme := seq.BILOU("NAME")
	train := []struct {
		text  string
		spans []seq.Span
	}{
		{"we met Ada Lovelace today", []seq.Span{{Start: 2, End: 4}}},
		{"Grace spoke to us today", []seq.Span{{Start: 0, End: 1}}},
		{"they thanked Alan Turing", []seq.Span{{Start: 2, End: 4}}},
		{"we spoke to them", nil},
		{"today they met Barbara Liskov and Grace", []seq.Span{{Start: 3, End: 5}, {Start: 6, End: 7}}},
	}
	var data []seq.Sequence
	for _, ex := range train {
		words := strings.Fields(ex.text)
		data = append(data, seq.Sequence{Features: features(words), Labels: scheme.Encode(ex.spans, len(words), nil)})
	}
	tr, err := seq.NewTrainer(scheme.Labels(), data, seq.Options{Seed: 1, Allowed: scheme.Allowed})
	if err != nil {
		panic(err)
	}
	for epoch := 0; epoch < 10; epoch++ {
		tr.Epoch()
	}
	m := tr.Model(0)

	words := strings.Fields("today we thanked Edsger Dijkstra")
	for _, sp := range scheme.Decode(m.Tag(features(words)), nil) {
		fmt.Println(scheme.Types()[sp.Type], strings.Join(words[sp.Start:sp.End], " "))
	}
	// Output:
	// NAME Edsger Dijkstra
}
