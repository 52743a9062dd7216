package article

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pagesFetcher serves testdata/html for https://feeds.test/pages/NAME and
// counts what it was asked for.
type pagesFetcher struct {
	asked     []string
	unchanged map[string]bool
}

func (f *pagesFetcher) Fetch(ctx context.Context, url string) (Page, error) {
	f.asked = append(f.asked, url)
	if f.unchanged[url] {
		return Page{}, fmt.Errorf("%s: %w", url, ErrNotModified)
	}
	name, ok := strings.CutPrefix(url, "https://feeds.test/pages/")
	if !ok {
		return Page{}, fmt.Errorf("%s: 404 Not Found", url)
	}
	body, err := os.ReadFile(filepath.Join("testdata/html", name))
	if err != nil {
		return Page{}, err
	}
	return Page{Body: body, URL: url, ContentType: "text/html"}, nil
}

func TestReadFeeds(t *testing.T) {
	type want struct {
		date, title, url, source, author, from, text string
	}
	tests := []struct {
		file   string
		want   []want
		errs   []string
		fetchd int
	}{
		{"rss.xml", []want{
			{"2023-07-03T07:00:00Z", "Swimming area reopens after algae tests", "https://courier.example/news/swimming-area", "Lakeside Courier", "Mira Okafor", "",
				"The swimming area at the north beach reopened on Monday after two weeks of tests found the algae had cleared.\n\nLifeguards will be on duty every day until the end of August."},
			{"2022-07-14T00:00:00Z", "Harbour bridge reopens to traffic", "https://feeds.test/pages/date-in-url.html", "Lakeside Courier", "", "",
				"The harbour bridge reopened"},
			{"2022-07-15T10:00:00Z", "About our newsroom", "https://feeds.test/pages/no-date.html", "Lakeside Courier", "", DateFromFeed,
				"Our newsroom has twelve reporters"},
		}, nil, 2},
		{"atom.xml", []want{
			{"2023-04-20T06:30:00Z", "Cherry harvest expected two weeks late", "https://farmweekly.example/stories/cherry-harvest", "Valley Farm Weekly", "Tomas Varga", "",
				"Cherry growers expect the harvest to start two weeks later than usual after the cold spring.\n\nPickers have been told to arrive in the second week of June."},
			{"2023-04-18T07:15:00Z", "Orchard growers count losses after late frost", "https://feeds.test/pages/jsonld-date-published.html", "Valley Farm Weekly", "Tomas Varga", "",
				"Apple and pear growers"},
		}, nil, 1},
		{"feed.json", []want{
			{"2022-07-20T16:00:00Z", "Ferry crews vote to strike", "https://portgazette.example/2022/07/20/ferry-strike.html", "Port Gazette", "Jonas Weber", "",
				"Ferry crews voted on Wednesday to strike for two days next week over pay.\n\nThe operator said it would run a reduced timetable."},
			{"2022-07-21T18:30:00Z", "Ferry strike called off", "https://portgazette.example/2022/07/21/strike-off.html", "Port Gazette", "", "",
				"The ferry strike planned for next week was called off on Thursday after a late offer.\n\nTimetables will run as normal."},
			{"2023-11-20T00:00:00Z", "Library reopens after two-year renovation", "https://feeds.test/pages/time-element.html", "Port Gazette", "Lena Brandt", "",
				"The central library reopened"},
		}, nil, 1},
		{"broken.xml", nil, []string{"testdata/feeds/broken.xml: feed: "}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := &pagesFetcher{}
			r := &Reader{Fetcher: f}
			var as []Article
			var errs []error
			for a, err := range r.Read("testdata/feeds/" + tt.file) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				as = append(as, a)
			}
			if len(as) != len(tt.want) || len(errs) != len(tt.errs) {
				t.Fatalf("%d articles, errors %v; want %d and %d", len(as), errs, len(tt.want), len(tt.errs))
			}
			for i, e := range tt.errs {
				if !strings.HasPrefix(errs[i].Error(), e) {
					t.Errorf("error %q, want it to begin %q", errs[i], e)
				}
			}
			for i, w := range tt.want {
				a := as[i]
				got := want{a.Published.Format(time.RFC3339), a.Title, a.URL, a.Source, a.Author, a.DateFrom, a.Text}
				if !strings.HasPrefix(got.text, w.text) {
					t.Errorf("article %d text %q, want it to begin %q", i, got.text, w.text)
				}
				got.text, w.text = "", ""
				if got != w {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
			if len(f.asked) != tt.fetchd {
				t.Errorf("fetched %v, want %d pages: only summary-only items", f.asked, tt.fetchd)
			}
		})
	}
}

func TestReadFeedWithoutFetcherOrUnchanged(t *testing.T) {
	// Without a fetcher, summary-only items are errors naming the item; full items are read.
	as, errs := collect(t, "testdata/feeds/atom.xml")
	if len(as) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "atom.xml: item 2: only a summary") {
		t.Errorf("%d articles, errors %v", len(as), errs)
	}
	// An unchanged linked page gives nothing, silently.
	f := &pagesFetcher{unchanged: map[string]bool{"https://feeds.test/pages/jsonld-date-published.html": true}}
	n := 0
	for _, err := range (&Reader{Fetcher: f}).Read("testdata/feeds/atom.xml") {
		if err != nil {
			t.Errorf("unexpected %v", err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d articles, want the one with content", n)
	}
}

func TestReadURL(t *testing.T) {
	f := &pagesFetcher{unchanged: map[string]bool{"https://feeds.test/pages/meta-published-time.html": true}}
	r := &Reader{Fetcher: f}
	var titles []string
	var errs []error
	for a, err := range r.Read("https://feeds.test/pages/time-element.html", "https://feeds.test/pages/meta-published-time.html", "https://elsewhere.test/x") {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		titles = append(titles, a.Title)
	}
	if len(titles) != 1 || titles[0] != "Library reopens after two-year renovation" {
		t.Errorf("titles %v", titles)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "https://elsewhere.test/x: ") {
		t.Errorf("errors %v", errs)
	}
	var re *RecordError
	if _, err := collect(t, "https://feeds.test/x"); len(err) != 1 || !errors.As(err[0], &re) {
		t.Errorf("no fetcher: %v", err)
	}
}
