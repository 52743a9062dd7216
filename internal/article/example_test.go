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

// ParseHTML extracts a web page's article; a page that names no date falls
// back to its container's (here the WARC-Date of the record that held it).
func ExampleParseHTML() {
	page := []byte(`<html><head><title>Pier reopens</title>
<meta property="article:published_time" content="2021-03-09T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Pier reopens</h1>
<p>The north pier reopened on Sunday after three weeks of repairs.</p></article></body></html>`)
	a, err := article.ParseHTML(article.Page{Body: page})
	fmt.Println(a.Published.Format(time.RFC3339), a.Title, "|", a.Text, err)
	undated := []byte(`<html><body><p>The ferry timetable changes on Monday, the harbour office said.</p></body></html>`)
	a, err = article.ParseHTML(article.Page{Body: undated, ArchiveDate: time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)})
	fmt.Println(a.Published.Format(time.DateOnly), a.DateFrom, err)
	_, err = article.ParseHTML(article.Page{Body: undated})
	fmt.Println(err)
	// Output:
	// 2021-03-09T08:00:00Z Pier reopens | The north pier reopened on Sunday after three weeks of repairs. <nil>
	// 2021-03-10 warc-date <nil>
	// no publication date
}
