package article

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestReadRecordAliases reads one fixture in each other tool's shape: the
// fields land where they belong whatever the tool calls them.
func TestReadRecordAliases(t *testing.T) {
	type want struct {
		date, title, url, source, author, text string
	}
	tests := []struct {
		file string
		want []want
	}{
		{"news-please.json", []want{{"2022-02-01T08:45:00Z", "Valley rail line to close for track works", "https://rail.example/closure",
			"rail.example", "Ines Moreau, Karl Jensen", "The regional rail line between the two valley towns will close for three weeks in March while the tracks are replaced.\n\nReplacement buses will run every twenty minutes."}}},
		{"trafilatura.json", []want{{"2021-10-12T00:00:00Z", "Fishing fleet returns early as storm nears", "https://coastnews.example/fleet-storm",
			"Coast News", "Pia Lindqvist", "The fishing fleet returned to port a day early on Tuesday as forecasters warned of gale-force winds along the coast."}}},
		{"mediacloud.jsonl", []want{
			{"2023-09-04T00:00:00Z", "School board approves longer lunch break", "https://schools.example/lunch", "schools.example", "",
				"The school board voted on Monday to lengthen the lunch break by fifteen minutes from next term."},
			{"2023-09-05T14:00:00Z", "New bus depot opens", "https://transit.example/depot", "transit.example", "",
				"The new bus depot on the ring road opened on Tuesday with room for sixty buses."}}},
		{"eventregistry.json", []want{
			{"2020-05-06T11:30:00Z", "Flood barrier passes its first test", "https://river.example/flood-barrier", "River Times", "Anna Berg",
				"The new flood barrier held back the river on Wednesday as water levels rose to their highest in a decade."},
			{"2020-05-07T00:00:00Z", "Volunteers clear debris from riverbank", "https://river.example/cleanup", "River Times", "",
				"Dozens of volunteers spent Thursday clearing branches and litter left behind by the high water."}}},
		{"spreadsheet.csv", []want{
			{"2019-03-11T00:00:00Z", "Market hall roof to be repaired", "https://town.example/market-roof", "Town Herald", "",
				"The roof of the old market hall will be repaired this summer, the council said.\n\nTraders will move to tents on the square while the work goes on, and the council said \"nobody will lose a single market day\"."},
			{"2019-03-12T00:00:00Z", "Park gates to close at dusk", "https://town.example/park", "Town Herald", "",
				"The park gates will close at dusk from next week after a spate of vandalism."}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			as, errs := collect(t, "testdata/records/"+tt.file)
			if len(errs) != 0 || len(as) != len(tt.want) {
				t.Fatalf("%d articles, errors %v; want %d", len(as), errs, len(tt.want))
			}
			for i, w := range tt.want {
				a := as[i]
				got := want{a.Published.Format(time.RFC3339), a.Title, a.URL, a.Source, a.Author, a.Text}
				if got != w {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
}

func TestReadRecordOrigins(t *testing.T) {
	as, _ := collect(t, "testdata/records/spreadsheet.csv", "testdata/records/eventregistry.json", "testdata/records/mediacloud.jsonl")
	var got []string
	for _, a := range as {
		got = append(got, strings.TrimPrefix(a.Origin, "testdata/records/"))
	}
	// the CSV's second record starts on line 5, after a quoted field of three lines
	want := "spreadsheet.csv:2 spreadsheet.csv:5 eventregistry.json:2 eventregistry.json:8 mediacloud.jsonl:1 mediacloud.jsonl:2"
	if strings.Join(got, " ") != want {
		t.Errorf("origins %v, want %s", got, want)
	}
	if as[2].ID != "7712345" {
		t.Errorf("Event Registry uri not taken as the id: %q", as[2].ID)
	}
}

func TestReadRecordColumns(t *testing.T) {
	r := &Reader{Columns: map[string]string{"title": "headline", "date": "published_at", "text": "story"}}
	var as []Article
	for a, err := range r.Read("testdata/records/custom-columns.csv") {
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	if len(as) != 1 || as[0].Title != "Night buses return to the old town" || as[0].Published.Format(time.RFC3339) != "2018-07-20T22:00:00Z" {
		t.Fatalf("got %+v", as)
	}
	// Without the mapping the same file is a clear error naming its columns.
	_, errs := collect(t, "testdata/records/custom-columns.csv")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "fields found: headline, published_at, story") {
		t.Errorf("errors %v", errs)
	}
}

func TestReadRecordBad(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown shape", "testdata/records/unknown.jsonl",
			`testdata/records/unknown.jsonl:1: missing "text" (looked for text, maintext, text_content, body); fields found: content_body, headline, when`},
		{"text there but blank", "testdata/records/blank-text.jsonl",
			`testdata/records/blank-text.jsonl:1: empty "text": field "text" holds no text (looked for text, maintext, text_content, body)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := collect(t, tt.file)
			if len(errs) != 1 || errs[0].Error() != tt.want {
				t.Errorf("errors %v, want %q", errs, tt.want)
			}
		})
	}
}

func TestReadRecordStreams(t *testing.T) {
	tests := []struct {
		name, in string
		articles int
		errs     []string
	}{
		{"csv bare quote, then a good row", "title,date,text\nA,2020-01-01,bad \"quote\" here\nB,2020-01-02,fine\n", 1, []string{":2: csv: "}},
		{"csv unterminated quote", "title,date,text\nA,2020-01-01,\"never closed\n", 0, []string{":2: csv: "}},
		{"csv header only", "title,date,text\n", 0, nil},
		{"json array with a bad element", `[{"date":"2020-01-01","text":"a"}, 7, {"date":"2020-01-02","text":"b"}]`, 2, []string{":1: invalid JSON"}},
		{"json syntax error ends the file", "{\n \"date\": \"2020-01-01\",\n \"text\": \"a\"\n}\n{\n \"date\": ,\n}\n", 1, []string{":5: invalid JSON"}},
		{"json record dates", `[{"date":"2020-01-01 10:11:12.345","text":"a"},{"date":"2020-01-01T10:11:12+02:00","text":"b"},{"date":"Jan 1","text":"c"}]`,
			2, []string{"neither YYYY-MM-DD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ext := ".csv"
			if !strings.HasPrefix(tt.in, "title") {
				ext = ".json"
			}
			path := t.TempDir() + "/in" + ext
			writeFile(t, path, tt.in)
			as, errs := collect(t, path)
			if len(as) != tt.articles || len(errs) != len(tt.errs) {
				t.Fatalf("%d articles, errors %v; want %d and %d", len(as), errs, tt.articles, len(tt.errs))
			}
			for i, e := range tt.errs {
				if !strings.Contains(errs[i].Error(), e) || !strings.HasPrefix(errs[i].Error(), path) {
					t.Errorf("error %q, want one containing %q", errs[i], e)
				}
			}
		})
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
