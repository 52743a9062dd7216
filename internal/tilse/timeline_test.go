package tilse

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) Date { return Date{y, m, d} }

const sep = "--------------------------------"

// TestReadTimeline follows tilse's Timeline.from_file line by line.
func TestReadTimeline(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  Timeline
		notes int
	}{
		{
			name: "two blocks",
			in:   "2020-03-01\ncat dog\nowl\n" + sep + "\n2020-03-05\nbat\n" + sep + "\n",
			want: Timeline{day(2020, 3, 1): {"cat dog", "owl"}, day(2020, 3, 5): {"bat"}},
		},
		{
			name:  "last block for a date wins",
			in:    "2020-03-01\nfirst\n" + sep + "\n2020-03-01\nsecond\n" + sep + "\n",
			want:  Timeline{day(2020, 3, 1): {"second"}},
			notes: 1,
		},
		{
			name: "last date line of a block wins",
			in:   "2020-03-01\nfoo\n2020-03-02\nbar\n" + sep + "\n",
			want: Timeline{day(2020, 3, 2): {"foo", "bar"}},
		},
		{
			name:  "block without a date is skipped",
			in:    "2020-13-01\nbad date\n" + sep + "\n2020-03-01\nok\n" + sep + "\n",
			want:  Timeline{day(2020, 3, 1): {"ok"}},
			notes: 1,
		},
		{
			name: "lines stripped, outer blank lines dropped, inner kept",
			in:   "  2020-03-01 \t\n\n \x1c one \n\n\x1ftwo\u00a0\n\n" + sep + "  \n",
			want: Timeline{day(2020, 3, 1): {"one", "", "two"}},
		},
		{
			name: "empty block is one empty sentence",
			in:   "2020-03-01\n" + sep + "\n",
			want: Timeline{day(2020, 3, 1): {""}},
		},
		{
			name: "CRLF and lone CR end lines",
			in:   "2020-03-01\r\ncat\rdog\r\n" + sep + "\r",
			want: Timeline{day(2020, 3, 1): {"cat", "dog"}},
		},
		{
			name:  "unclosed last block is ignored",
			in:    "2020-03-01\ncat\n" + sep + "\n2020-03-02\ndog\n",
			want:  Timeline{day(2020, 3, 1): {"cat"}},
			notes: 1,
		},
		{
			name:  "byte order mark hides the first date",
			in:    "\ufeff2020-03-01\ncat\n" + sep + "\n2020-03-02\ndog\n" + sep,
			want:  Timeline{day(2020, 3, 2): {"dog"}},
			notes: 1,
		},
		{
			name:  "separator needs exactly 32 dashes",
			in:    "2020-03-01\ncat\n" + sep + "-\n" + sep + "\n",
			want:  Timeline{day(2020, 3, 1): {"cat", sep + "-"}},
			notes: 0,
		},
		{name: "empty input", in: "", want: Timeline{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, notes, err := readNotes(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if len(notes) != tt.notes {
				t.Errorf("got notes %q, want %d", notes, tt.notes)
			}
		})
	}
}

func TestReadTimelineInvalidUTF8(t *testing.T) {
	_, err := Read(strings.NewReader("2020-03-01\ncat\nbad \xff byte\n" + sep + "\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Fatalf("got %v, want a ParseError at line 3", err)
	}
	if !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error %q does not name the line", err)
	}
}

func TestWriteTimelineRoundTrip(t *testing.T) {
	tl := Timeline{
		day(2020, 3, 5):  {"owl bat", "", "  padded  "},
		day(2019, 12, 1): {"cat dog"},
		day(2020, 3, 1):  {"", " "}, // blank: not written
		day(2020, 3, 2):  nil,       // empty: not written
	}
	var buf bytes.Buffer
	if err := Write(&buf, tl); err != nil {
		t.Fatal(err)
	}
	want := "2019-12-01\ncat dog\n" + sep + "\n2020-03-05\nowl bat\n\n  padded  \n" + sep + "\n"
	if buf.String() != want {
		t.Fatalf("wrote %q, want %q", buf.String(), want)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tl[day(2020, 3, 5)][2] = "padded" // tilse strips lines
	delete(tl, day(2020, 3, 1))
	delete(tl, day(2020, 3, 2))
	if !reflect.DeepEqual(back, tl) {
		t.Errorf("read back %q, want %q", back, tl)
	}
}

func TestWriteTimelineRefusesWhatCannotBeReadBack(t *testing.T) {
	tests := map[string]Timeline{
		"line break":     {day(2020, 1, 1): {"a\nb"}},
		"carriage ret":   {day(2020, 1, 1): {"a\rb"}},
		"date sentence":  {day(2020, 1, 1): {" 2020-1-2 "}},
		"separator":      {day(2020, 1, 1): {sep}},
		"invalid utf-8":  {day(2020, 1, 1): {"\xff"}},
		"invalid date":   {Date{2020, 2, 30}: {"x"}},
		"year too large": {Date{10000, 1, 1}: {"x"}},
	}
	for name, tl := range tests {
		if err := Write(&bytes.Buffer{}, tl); err == nil {
			t.Errorf("%s: WriteTimeline accepted %q", name, tl)
		}
	}
}
