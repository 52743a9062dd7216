package server

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
)

// TestArticleSiblings: an article posted as a copy of a stored one (another
// outlet's, a day later) is one story with it, and each lists the other as
// its sibling; an article alone lists none. The copy's hostile title stays
// a JSON string.
func TestArticleSiblings(t *testing.T) {
	s, ts := newTest(t, nil)
	ctx := context.Background()
	orig, err := s.cfg.Store.Article(ctx, "bridge-1")
	if err != nil {
		t.Fatal(err)
	}
	cp := article.Article{ID: "bridge-1-copy", Published: orig.Article.Published.AddDate(0, 0, 1), Text: orig.Article.Text,
		Title: `<script>alert(1)</script> Bridge shut`, Source: "Echo"}
	if _, _, err := s.cfg.Store.Put(ctx, []annotate.Doc{s.cfg.Annotator.Annotate(cp)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		want string // sibling id title source published, one a line
	}{
		{"bridge-1-copy", "bridge-1|" + orig.Article.Title + "|Marrow Ledger|2032-05-03"},
		{"bridge-1", "bridge-1-copy|<script>alert(1)</script> Bridge shut|Echo|2032-05-04"},
		{"bridge-2", ""},
	}
	for _, tt := range tests {
		a := do(t, "GET", ts.URL+"/api/articles/"+tt.id, nil)
		if a.status != 200 {
			t.Fatalf("%s: %d %s", tt.id, a.status, a.body)
		}
		if strings.Contains(a.body, "<script>") {
			t.Errorf("%s: a raw <script> in the JSON", tt.id)
		}
		var got struct {
			Siblings []struct{ ID, Title, Source, Published string }
		}
		if err := json.Unmarshal([]byte(a.body), &got); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, sb := range got.Siblings {
			lines = append(lines, strings.Join([]string{sb.ID, sb.Title, sb.Source, sb.Published}, "|"))
		}
		if strings.Join(lines, "\n") != tt.want {
			t.Errorf("siblings of %s:\n got %q\nwant %q", tt.id, strings.Join(lines, "\n"), tt.want)
		}
		if !strings.Contains(a.body, `"siblings": [`) {
			t.Errorf("%s: no siblings list (an empty one is [])", tt.id)
		}
	}
}

// TestOpenAPICoversFields checks that every field of the article and stats
// answers (and of an article's siblings) is described in openapi.json.
func TestOpenAPICoversFields(t *testing.T) {
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	s, ts := newTest(t, nil)
	ctx := context.Background()
	orig, err := s.cfg.Store.Article(ctx, "bridge-1")
	if err != nil {
		t.Fatal(err)
	}
	cp := orig.Article
	cp.ID = "bridge-1-copy"
	if _, _, err := s.cfg.Store.Put(ctx, []annotate.Doc{s.cfg.Annotator.Annotate(cp)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, schema, nested, nestedSchema string
	}{
		{"/api/articles/bridge-1", "Article", "siblings", "Sibling"},
		{"/api/stats", "Stats", "", ""},
	}
	for _, tt := range tests {
		a := do(t, "GET", ts.URL+tt.path, nil)
		var got map[string]json.RawMessage
		if err := json.Unmarshal([]byte(a.body), &got); err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		missing(t, tt.path, got, doc.Components.Schemas[tt.schema].Properties)
		if tt.nested == "" {
			continue
		}
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(got[tt.nested], &items); err != nil || len(items) == 0 {
			t.Fatalf("%s: %s %s (%v), want a list of one or more", tt.path, tt.nested, got[tt.nested], err)
		}
		missing(t, tt.path+" "+tt.nested, items[0], doc.Components.Schemas[tt.nestedSchema].Properties)
	}
}

// missing reports the fields of got that the schema's properties lack.
func missing(t *testing.T, what string, got, props map[string]json.RawMessage) {
	t.Helper()
	var out []string
	for k := range got {
		if _, ok := props[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if len(out) > 0 {
		t.Errorf("%s: fields not in openapi.json: %v", what, out)
	}
}
