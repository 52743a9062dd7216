package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynthesize(t *testing.T) {
	dir := t.TempDir()
	src := `{"id": "a", "date": "2031-03-02", "text": "The pier closed on Monday.", "title": "Pier <closed> & shut"}
{"id": "b", "date": "2031-03-09T10:30:00Z", "text": "Divers found cracks.", "source": "Gazette"}

{"id": "c", "date": "2031-03-04", "text": "The ferry moved."}
{"id": "e", "date": "2031-03-04", "text": " "}
`
	if err := os.WriteFile(filepath.Join(dir, "articles.jsonl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r, err := Synthesize(&out, Synth{Sources: []string{dir}, Articles: 7})
	if err != nil {
		t.Fatal(err)
	}
	// span 2031-03-02..2031-03-09 is 8 days: two whole weeks, plus one week
	if r.Base != 3 || r.Articles != 7 || r.Copies != 3 || r.Period != 21 || r.Empty != 1 || r.SourceRecords != 4 {
		t.Errorf("result %+v", r)
	}
	type rec struct{ ID, Date, Text, Title, Source string }
	var got []rec
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var x rec
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, x)
	}
	want := []rec{
		{"s000/a", "2031-03-02", "The pier closed on Monday.", "Pier <closed> & shut", ""},
		{"s000/b", "2031-03-09T10:30:00Z", "Divers found cracks.", "", "Gazette"},
		{"s000/c", "2031-03-04", "The ferry moved.", "", ""},
		{"s001/a", "2031-03-23", "The pier closed on Monday.", "Pier <closed> & shut", ""},
		{"s001/b", "2031-03-30T10:30:00Z", "Divers found cracks.", "", "Gazette"},
		{"s001/c", "2031-03-25", "The ferry moved.", "", ""},
		{"s002/a", "2031-04-13", "The pier closed on Monday.", "Pier <closed> & shut", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if r.First.Format("2006-01-02") != "2031-03-02" || r.Last.Format("2006-01-02") != "2031-04-13" {
		t.Errorf("range %v..%v", r.First, r.Last)
	}
}

func TestSynthesizeRefusesRecordsItCannotCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.jsonl")
	os.WriteFile(path, []byte("{\"id\": \"a\", \"date\": \"2031-03-02\", \"text\": \"x\"}\n{\"text\": \"no id\"}\n"), 0o644)
	_, err := Synthesize(&bytes.Buffer{}, Synth{Sources: []string{path}, Articles: 5})
	if err == nil || !strings.Contains(err.Error(), path+":2:") {
		t.Errorf("error %v, want one naming %s:2", err, path)
	}
}
