package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/timeline"
)

func sample() timeline.Timeline {
	pub := time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC)
	return timeline.Timeline{Entries: []timeline.Entry{
		{Date: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC), Score: 4, Items: []timeline.Item{
			{Text: "The pier 's owners said `` closed '' -LRB- for now -RRB- .", ArticleID: "a2", Sentence: 0, Published: pub,
				Title: "Pier shut", Source: "Elvin Gazette", URL: "https://example.org/a2"},
			{Text: "Divers found\ncracks.", ArticleID: "a1", Sentence: 3, Published: pub},
		}},
		{Date: time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC), Score: 2, Items: []timeline.Item{
			{Text: "The ferry moved.", ArticleID: "a3", Sentence: 1, Published: pub},
			{Text: "Ferry back at the south quay", ArticleID: "a4", Sentence: -1, Published: pub, Title: "Ferry back at the south quay"},
		}},
	}}
}

func TestTilse(t *testing.T) {
	var b bytes.Buffer
	if err := Timeline(&b, sample(), Tilse); err != nil {
		t.Fatal(err)
	}
	want := "2031-03-02\nThe pier 's owners said `` closed '' -LRB- for now -RRB- .\nDivers found cracks.\n" +
		strings.Repeat("-", 32) + "\n2031-03-05\nThe ferry moved.\nFerry back at the south quay\n" + strings.Repeat("-", 32) + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestJSONProvenance(t *testing.T) {
	var b bytes.Buffer
	if err := Timeline(&b, sample(), JSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Dates []struct {
			Date  string
			Items []struct {
				Text, Display, Published string
				ArticleID                string `json:"article_id"`
				Sentence                 int
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Dates) != 2 || got.Dates[0].Date != "2031-03-02" || len(got.Dates[0].Items) != 2 {
		t.Fatalf("json = %s", b.String())
	}
	it := got.Dates[0].Items[0]
	if it.ArticleID != "a2" || it.Sentence != 0 || it.Published != "2031-03-03" ||
		it.Display != `The pier's owners said "closed" (for now).` {
		t.Errorf("item = %+v", it)
	}
}

func TestTextAndMarkdown(t *testing.T) {
	for _, tt := range []struct {
		f    Format
		want []string
	}{
		{Text, []string{"2031-03-02  Sunday", `The pier's owners said "closed" (for now).`, "Elvin Gazette, 2031-03-03", "[a2 #0]", "2031-03-05  Wednesday", "[a4 headline]"}},
		{Markdown, []string{"## Sunday, 2 March 2031", `[Pier shut](https://example.org/a2)`, "`a1` sentence 3", "`a4` headline"}},
	} {
		var b bytes.Buffer
		if err := Timeline(&b, sample(), tt.f); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", tt.f, w, b.String())
			}
		}
	}
}

func TestEmptyAndBadFormat(t *testing.T) {
	var b bytes.Buffer
	if err := Timeline(&b, timeline.Timeline{}, JSON); err != nil || !strings.Contains(b.String(), `"dates": []`) {
		t.Errorf("empty JSON = %q, %v", b.String(), err)
	}
	if _, err := ParseFormat("html"); err == nil {
		t.Error("html accepted")
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc ddd", 7, "  ")
	if got != "aaa bbb\n  ccc ddd" {
		t.Errorf("wrap = %q", got)
	}
}

// TestItemQuotesInEveryFormat checks that each timeline format shows who
// said an item's quote, with the speaker's name escaped for the format,
// and that tilse (the protocol's format) shows only the sentence.
func TestItemQuotesInEveryFormat(t *testing.T) {
	tl := sample()
	tl.Entries[0].Items[0].Quotes = []timeline.Quote{
		{Speaker: "Ada <b>Vance</b> *x*", Content: "`` closed '' -LRB- for now -RRB-", Cue: "said"},
		{Speaker: "Ada <b>Vance</b> *x*", Content: "again", Cue: "said"}, // one speaker is named once
		{Content: "unattributed"},
	}
	want := map[Format][]string{
		Text:     {"\n    — said Ada <b>Vance</b> *x*\n    — Elvin Gazette"},
		Markdown: {` — said **Ada &lt;b&gt;Vance&lt;/b&gt; \*x\***  `},
		JSON:     {`"quotes": [`, `"speaker": "Ada \u003cb\u003eVance\u003c/b\u003e *x*"`, `"content": "\"closed\" (for now)"`, `"speaker": null`, `"cue": null`},
		CSV:      {",Ada <b>Vance</b> *x*\n"},
		TLJS:     {`\u003cp\u003e— said Ada \u0026lt;b\u0026gt;Vance\u0026lt;/b\u0026gt; *x*\u003c/p\u003e`}, // HTML escaped, in JSON
	}
	for f, subs := range want {
		var b bytes.Buffer
		if err := Timeline(&b, tl, f); err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			if !strings.Contains(b.String(), s) {
				t.Errorf("%s: no %q in\n%s", f, s, b.String())
			}
		}
		if f != JSON && strings.Count(b.String(), "said") > 3 {
			t.Errorf("%s: the speaker is named more than once:\n%s", f, b.String())
		}
	}
	var b bytes.Buffer
	if err := Timeline(&b, tl, Tilse); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Vance") {
		t.Errorf("tilse shows the speaker:\n%s", b.String())
	}
}
