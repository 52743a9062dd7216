package quote_test

import (
	"fmt"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

func ExampleExtractor_Extract() {
	text := "“We will not close the school,” Mayor Ada Vance said on Tuesday. “The children stay.”"
	x, err := quote.Default()
	if err != nil {
		panic(err)
	}
	mentions := []entity.Mention{{Start: 38, End: 47, Text: "Ada Vance", Type: entity.Person, Name: "Ada Vance"}}
	for _, q := range x.Extract(text, mentions) {
		fmt.Printf("%s (%s, %s, %d parts): %s\n", q.Speaker, quote.Text(text, q.Cue), q.Kind, len(q.Parts), quote.Text(text, q.Content))
	}
	// Output:
	// Ada Vance (said, direct, 2 parts): “We will not close the school,” Mayor Ada Vance said on Tuesday. “The children stay.”
}

func ExampleSpeakerMatches() {
	fmt.Println(quote.SpeakerMatches("Putin", "Russian President Vladimir Putin"))
	fmt.Println(quote.SpeakerMatches("Hillary Clinton", "Bill Clinton"))
	// Output:
	// true
	// false
}

func ExampleKindOf() {
	text := `Vance said the plan was "a serious mistake."`
	fmt.Println(quote.KindOf(text, []quote.Span{{Start: 11, End: 44}}))
	// Output:
	// mixed
}
