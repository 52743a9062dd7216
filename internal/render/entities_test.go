package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/entity"
)

func TestMentionsJSON(t *testing.T) {
	var b strings.Builder
	ms := []entity.Mention{{Start: 3, End: 8, Text: "Ev\u202eil", Type: entity.Person, Name: "Ev\u202eil Name"}}
	if err := Mentions(&b, ms, JSON); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\u202e') {
		t.Errorf("bidi override written raw: %q", b.String())
	}
	var got struct {
		Entities []struct {
			Start, End       int
			Text, Type, Name string
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 1 || got.Entities[0].Text != "Ev\u202eil" || got.Entities[0].End != 8 || got.Entities[0].Type != "PER" {
		t.Errorf("read back %+v", got)
	}
	b.Reset()
	if err := Mentions(&b, nil, JSON); err != nil || !strings.Contains(b.String(), `"entities": []`) {
		t.Errorf("no mentions: %q %v", b.String(), err)
	}
}

func TestEntitiesTable(t *testing.T) {
	var b strings.Builder
	rows := []EntityRow{{Name: "Ana \x1b[31mRuiz", Type: "PER", Aliases: []string{"Ruiz", "Ms. Ruiz", "A. Ruiz", "Ana R."}, Mentions: 9, Articles: 3, First: "2020-01-02", Last: "2020-02-03"}}
	if err := Entities(&b, rows, Text); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b") || !strings.Contains(out, `Ana \x1b[31mRuiz`) || !strings.Contains(out, "Ruiz; Ms. Ruiz; A. Ruiz (+1)") {
		t.Errorf("table:\n%s", out)
	}
}
