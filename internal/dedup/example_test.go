package dedup_test

import (
	"fmt"
	"time"

	"github.com/dateline-news/dateline/internal/dedup"
)

// An index joins a wire story's copies; another story stays apart.
func ExampleIndex() {
	story := "PORT ELVIN (Reuters) - The harbour authority closed the north pier on Monday after divers found cracks in two of its piles, and said repairs would take until the summer."
	update := "PORT ELVIN (Reuters) - The harbour authority closed the north pier on Monday after divers found cracks in two of its piles. Ferries will use the south quay, it said."
	other := "The town council voted on Tuesday to build a new library next to the market square, with work to start in the autumn."
	day := time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC)
	ix := dedup.NewIndex(dedup.Options{})
	a := ix.Add(day, dedup.Sign(story))
	b := ix.Add(day.AddDate(0, 0, 1), dedup.Sign(update))
	c := ix.Add(day, dedup.Sign(other))
	fmt.Println(ix.Cluster(a) == ix.Cluster(b), ix.Cluster(a) == ix.Cluster(c), ix.Clusters())
	// Output: true false [[0 1]]
}
