package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWhoSaidWhat checks the routes of quotes and entities, the timeline's
// entity and speaker parameters, and the article's entities and quotes, on
// the fixture store (annotated by the full annotator): Mayor Tilde Ormsby
// is quoted in bridge-1 and, as "Mayor Ormsby", in bridge-4.
func TestWhoSaidWhat(t *testing.T) {
	_, ts := newTest(t, nil)
	get := func(path string) answer {
		t.Helper()
		a := do(t, "GET", ts.URL+path, nil)
		if a.status != 200 {
			t.Fatalf("GET %s = %d %s", path, a.status, a.body)
		}
		return a
	}

	var qs struct {
		Quotes []struct {
			ArticleID string  `json:"article_id"`
			Speaker   *string `json:"speaker"`
			Content   struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(get("/api/quotes?speaker=ormsby").body), &qs); err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, q := range qs.Quotes {
		if q.Speaker == nil || !strings.Contains(*q.Speaker, "Ormsby") {
			t.Errorf("quote of %v under speaker=ormsby", q.Speaker)
		}
		arts = append(arts, q.ArticleID)
	}
	if strings.Join(arts, " ") != "bridge-1 bridge-4" {
		t.Errorf("Ormsby quoted in %q, want bridge-1 bridge-4", arts)
	}
	if b := get("/api/quotes?query=afford").body; !strings.Contains(b, "could not afford it") || strings.Contains(b, "survey") {
		t.Errorf("quotes?query=afford: %s", b)
	}
	if b := get("/api/quotes?limit=1").body; strings.Count(b, `"content"`) != 1 {
		t.Errorf("quotes?limit=1: %s", b)
	}

	var ents struct {
		Entities []struct {
			Name, Type string
			Aliases    []string
			Mentions   int
		}
	}
	if err := json.Unmarshal([]byte(get("/api/entities?type=PER").body), &ents); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range ents.Entities {
		if e.Type != "PER" {
			t.Errorf("entities?type=PER gave %+v", e)
		}
		found = found || strings.Contains(e.Name, "Ormsby")
	}
	if !found {
		t.Errorf("no Ormsby among %+v", ents.Entities)
	}

	var tl struct {
		Dates []struct {
			Items []struct {
				Text   string
				Quotes []struct{ Speaker *string }
			}
		}
	}
	get("/api/timeline?dates=5") // cached: the same documents, another selection
	for _, path := range []string{"/api/timeline?entity=Ormsby&dates=5", "/api/timeline?speaker=Tilde+Ormsby&dates=5"} {
		if err := json.Unmarshal([]byte(get(path).body), &tl); err != nil {
			t.Fatal(err)
		}
		if len(tl.Dates) == 0 {
			t.Errorf("%s: no dates", path)
		}
		for _, d := range tl.Dates {
			for _, it := range d.Items {
				if !strings.Contains(it.Text, "Ormsby") {
					t.Errorf("%s: item %q does not name Ormsby", path, it.Text)
				}
				if strings.Contains(path, "speaker") && (len(it.Quotes) == 0 || it.Quotes[0].Speaker == nil) {
					t.Errorf("%s: item %q holds no quote", path, it.Text)
				}
			}
		}
	}

	var art struct {
		Annotated bool `json:"entities_annotated"`
		Sentences []struct {
			Entities []struct{ Text, Type, Name string }
		}
		Quotes []struct{ Speaker *string }
	}
	if err := json.Unmarshal([]byte(get("/api/articles/bridge-1").body), &art); err != nil {
		t.Fatal(err)
	}
	if !art.Annotated || len(art.Quotes) == 0 || len(art.Sentences) < 2 || len(art.Sentences[1].Entities) == 0 {
		t.Errorf("article bridge-1: %+v", art)
	}

	for _, bad := range []string{"/api/quotes?limit=0", "/api/quotes?speeker=x", "/api/entities?type=PERSON", "/api/entities?limit=x",
		"/api/quotes?from=yesterday"} {
		if a := do(t, "GET", ts.URL+bad, nil); a.status != 400 || !strings.Contains(a.body, `"error"`) {
			t.Errorf("GET %s = %d %s, want a 400", bad, a.status, a.body)
		}
	}
}
