package timex_test

import (
	"fmt"
	"time"

	"github.com/dateline-news/dateline/internal/timex"
)

func Example() {
	dct := time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC) // a Tuesday
	text := "The club announced Tuesday that it will host the final on Friday, " +
		"two weeks after last week's storm closed the stadium for three days."
	for _, t := range timex.New().Tag(text, dct) {
		fmt.Printf("%-12s %-8s %s\n", t.Text, t.Type, t.Value)
	}
	// Output:
	// Tuesday      DATE     2017-04-11
	// Friday       DATE     2017-04-14
	// two weeks    DURATION P2W
	// last week    DATE     2017-W14
	// three days   DURATION P3D
}
