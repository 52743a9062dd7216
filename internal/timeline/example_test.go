package timeline_test

import (
	"fmt"
	"time"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/timeline"
	"github.com/dateline-news/dateline/internal/timex"
)

// Build picks the days the articles refer to and summarizes each with a
// sentence that speaks for it, keeping where every sentence came from.
func ExampleBuild() {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	// Annotated by hand here; annotate.New(timex.New()) does it from text.
	monday := []timex.Timex{{Text: "Monday", Type: timex.Date, Value: "2031-03-03"}}
	docs := []annotate.Doc{
		{Article: article.Article{ID: "a1", Published: day("2031-03-03")}, Sentences: []annotate.Sentence{
			{Index: 0, Text: "The harbour authority closed the north pier on Monday.", Timexes: monday},
		}},
		{Article: article.Article{ID: "a2", Published: day("2031-03-05")}, Sentences: []annotate.Sentence{
			{Index: 0, Text: "Fishermen protested on Wednesday.", Timexes: []timex.Timex{{Text: "Wednesday", Type: timex.Date, Value: "2031-03-05"}}},
			{Index: 1, Text: "The pier was closed on Monday after divers found cracks.", Timexes: monday},
		}},
	}
	tl := timeline.Build(docs, timeline.Options{Dates: 1, Selection: timeline.Selection{Keywords: []string{"pier"}}, Recipe: timeline.BaselineRecipe})
	for _, e := range tl.Entries {
		fmt.Println(e.Date.Format(time.DateOnly), len(e.Items), "sentence(s), each naming the pier")
	}
	// Output:
	// 2031-03-03 1 sentence(s), each naming the pier
}
