package timeml

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/timex"
)

func TestReadFile(t *testing.T) {
	doc, err := ReadFile("testdata/doc1.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.DocID != "TEST-1" || doc.DCT != "2017-04-11" {
		t.Errorf("DocID %q DCT %q", doc.DocID, doc.DCT)
	}
	if !strings.Contains(doc.Text, "& said") || !strings.Contains(doc.Text, "<angry>") || strings.Contains(doc.Text, "EVENT") {
		t.Errorf("text not stripped and decoded: %q", doc.Text)
	}
	want := []timex.Timex{
		{Text: "Tuesday", Type: timex.Date, Value: "2017-04-11"},
		{Text: "next month", Type: timex.Date, Value: "2017-05"},
		{Text: "three years", Type: timex.Duration, Value: "P3Y", Mod: "APPROX"},
		{Text: "twice a week", Type: timex.Set, Value: "P1W", Quant: "EVERY", Freq: "2X"},
	}
	if len(doc.Timexes) != len(want) {
		t.Fatalf("got %d timexes, want %d", len(doc.Timexes), len(want))
	}
	runes := []rune(doc.Text)
	for i, w := range want {
		g := doc.Timexes[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || g.Mod != w.Mod || g.Quant != w.Quant || g.Freq != w.Freq {
			t.Errorf("timex %d = %+v, want %+v", i, g, w)
		}
		if s := string(runes[g.Start:g.End]); s != w.Text {
			t.Errorf("timex %d runes [%d,%d) = %q, want %q", i, g.Start, g.End, s, w.Text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"no text", "<TimeML><DCT></DCT></TimeML>", "x.tml: no <TEXT>"},
		{"bad DCT", "<DCT><TIMEX3 value=2017></DCT><TEXT></TEXT>", "x.tml:1: <DCT>: attribute value: value not quoted"},
		{"unclosed timex", "<TEXT>\n\nIt rained <TIMEX3 tid=\"t1\" value=\"x\">yesterday.</TEXT>", "x.tml:3: TIMEX3 never closed"},
		{"stray close", "<TEXT>a\n</TIMEX3></TEXT>", "x.tml:2: </TIMEX3> without"},
		{"bad attribute", "<TEXT><TIMEX3 tid=t1>a</TIMEX3></TEXT>", "x.tml:1: attribute tid: value not quoted"},
		{"unterminated tag", "<TEXT>a <TIMEX3 tid=\"1\"</TEXT>", "x.tml:1: "},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.doc), "x.tml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
	if _, err := ReadFile("testdata/broken.tml"); err == nil || !strings.Contains(err.Error(), "broken.tml:5") {
		t.Errorf("broken.tml: error %v, want the line of the unclosed TIMEX3", err)
	}
	if _, err := ReadFile("testdata/missing.tml"); err == nil {
		t.Error("missing file: no error")
	}
}

func TestMissingDCT(t *testing.T) {
	doc, err := ReadFile("testdata/nodct.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.DCT != "" || len(doc.Timexes) != 1 {
		t.Errorf("DCT %q, %d timexes", doc.DCT, len(doc.Timexes))
	}
	// a DCT written as plain text
	d, err := Parse([]byte("<DCT> 2017-04-11 </DCT><TEXT>x</TEXT>"), "plain")
	if err != nil || d.DCT != "2017-04-11" {
		t.Errorf("plain DCT: %q, %v", d.DCT, err)
	}
	// Evaluate refuses a document without a DCT, naming it
	dir := t.TempDir()
	data, _ := os.ReadFile("testdata/nodct.tml")
	os.WriteFile(dir+"/nodct.tml", data, 0o644)
	_, err = Evaluate(dir, timex.New())
	if !errors.Is(err, ErrNoDCT) || !strings.Contains(err.Error(), "nodct.tml") {
		t.Errorf("Evaluate: %v, want ErrNoDCT naming the file", err)
	}
}

func TestDecodeEntities(t *testing.T) {
	tests := map[string]string{
		"a &amp; b":          "a & b",
		"&lt;x&gt; &quot;":   `<x> "`,
		"&#65;&#x42;":        "AB",
		"&Cx1f; stays":       "&Cx1f; stays",
		"AT&T and & alone":   "AT&T and & alone",
		"&#xZZ; &#99999999;": "&#xZZ; &#99999999;",
	}
	for in, want := range tests {
		if got := decodeEntities(in); got != want {
			t.Errorf("decodeEntities(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDCT(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2017-04-11", "2017-04-11 00:00", true},
		{"1998-02-13T14:35:00", "1998-02-13 14:35", true},
		{"1999-10-24T20:00", "1999-10-24 20:00", true},
		{"19980108", "1998-01-08 00:00", true},
		{"2017-04-11T14:30:00+02:00", "2017-04-11 14:30", true},
		{"April 11", "", false},
		{"2017-02-30", "", false},
	}
	for _, tt := range tests {
		got, err := ParseDCT(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseDCT(%q) error %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && got.Format("2006-01-02 15:04") != tt.want {
			t.Errorf("ParseDCT(%q) = %s, want %s", tt.in, got.Format("2006-01-02 15:04"), tt.want)
		}
	}
}

// Writing a document and reading it back gives the same text and timexes.
func TestWriteRoundTrip(t *testing.T) {
	doc, err := ReadFile("testdata/doc1.tml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(buf.Bytes(), "round-trip")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if back.Text != doc.Text || back.DCT != doc.DCT || back.DocID != doc.DocID {
		t.Errorf("round trip changed the document:\n%q\n%q", doc.Text, back.Text)
	}
	if len(back.Timexes) != len(doc.Timexes) {
		t.Fatalf("round trip: %d timexes, want %d", len(back.Timexes), len(doc.Timexes))
	}
	for i := range doc.Timexes {
		if back.Timexes[i] != doc.Timexes[i] {
			t.Errorf("timex %d: %+v, want %+v", i, back.Timexes[i], doc.Timexes[i])
		}
	}
	if !strings.Contains(buf.String(), `<TIMEX3 tid="t1" type="DATE" value="2017-04-11">Tuesday</TIMEX3>`) {
		t.Errorf("unexpected output:\n%s", buf.String())
	}
}

func TestWriteRejectsBadOffsets(t *testing.T) {
	for _, txs := range [][]timex.Timex{
		{{Start: 0, End: 50}},
		{{Start: 2, End: 4}, {Start: 3, End: 5}},
		{{Start: 4, End: 2}},
	} {
		doc := &Document{Name: "x", Text: "short text", Timexes: txs}
		if err := Write(&bytes.Buffer{}, doc); err == nil {
			t.Errorf("Write accepted %+v", txs)
		}
	}
}

// Tagging a parsed document and writing it gives valid TimeML whose
// offsets match the tagger's.
func TestTagAndWrite(t *testing.T) {
	doc, err := ReadFile("testdata/doc1.tml")
	if err != nil {
		t.Fatal(err)
	}
	dct, _ := ParseDCT(doc.DCT)
	doc.Timexes = timex.New().Tag(doc.Text, dct)
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(buf.Bytes(), "tagged")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Timexes) != len(doc.Timexes) || !utf8.ValidString(buf.String()) {
		t.Fatalf("got %d timexes back, want %d", len(back.Timexes), len(doc.Timexes))
	}
	for i := range back.Timexes {
		if back.Timexes[i].Start != doc.Timexes[i].Start || back.Timexes[i].Value != doc.Timexes[i].Value {
			t.Errorf("timex %d: %+v, want %+v", i, back.Timexes[i], doc.Timexes[i])
		}
	}
	_ = time.Now
}

func TestParseRefusesInvalidUTF8(t *testing.T) {
	_, err := Parse([]byte("<TimeML>\n<TEXT><TIMEX3>\xa3</TIMEX3></TEXT>"), "x.tml")
	if err == nil || err.Error() != "x.tml:2: not valid UTF-8" {
		t.Errorf("err = %v, want x.tml:2: not valid UTF-8", err)
	}
}
