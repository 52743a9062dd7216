package article_test

import (
	"fmt"
	"time"

	"github.com/dateline-news/dateline/internal/article"
)

// Read streams articles from files and directories; a bad record is an error
// naming its file and line, and reading goes on.
func ExampleRead() {
	for a, err := range article.Read("testdata/dir/sub/b.txt", "testdata/bad.jsonl") {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Println(a.Day().Format(time.DateOnly), a.Origin)
	}
	// Output:
	// 2031-03-05 testdata/dir/sub/b.txt:1
	// 2031-04-01 testdata/bad.jsonl:1
	// skipped: testdata/bad.jsonl:2: invalid JSON: invalid character '\n' in string literal
	// skipped: testdata/bad.jsonl:3: date "April 3" is neither YYYY-MM-DD nor RFC 3339 nor YYYY-MM-DD HH:MM:SS
	// 2031-04-04 testdata/bad.jsonl:5
	// skipped: testdata/bad.jsonl:6: missing "text" (looked for text, maintext, text_content, body); fields found: date, id
	// 2031-04-06 testdata/bad.jsonl:7
}
