package timex

import (
	"fmt"
	"sync"
	"testing"
)

// One English serves many goroutines: each gets the result a lone caller
// gets (run with -race).
func TestTagConcurrent(t *testing.T) {
	tg := New()
	texts := []string{readFixture(t, "news.txt"), readFixture(t, "news_ptb.txt"), "Officials said Monday they will meet next week."}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(tg.Tag(s, tuesday))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(tg.Tag(texts[i], tuesday)); got != want[i] {
					t.Errorf("goroutine %d: text %d tagged differently", g, i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
