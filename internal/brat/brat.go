package brat

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Fragment is one contiguous stretch of a text-bound annotation, in code
// points of the annotated text, end exclusive.
type Fragment struct {
	Start, End int
}

// TextBound is a "T" line: a labelled span of the text, one fragment or
// several (a discontinuous span).
type TextBound struct {
	ID        string
	Label     string
	Fragments []Fragment // in the order the file gives them
	Text      string     // the annotated text as the file gives it (fragments joined by a space)
	Line      int        // 1-based line of the file, for messages
}

// Extent is the smallest fragment that covers every fragment of t.
func (t TextBound) Extent() Fragment {
	e := t.Fragments[0]
	for _, f := range t.Fragments[1:] {
		e.Start = min(e.Start, f.Start)
		e.End = max(e.End, f.End)
	}
	return e
}

// Arg is one "Role:ID" argument of an event.
type Arg struct {
	Role, ID string
}

// Event is an "E" line: a typed trigger (a text-bound annotation) and its
// arguments.
type Event struct {
	ID      string
	Type    string
	Trigger string // the ID of the trigger's text-bound annotation
	Args    []Arg
	Line    int
}

// Arg returns the ID of the event's first argument with the given role and
// whether it has one.
func (e Event) Arg(role string) (string, bool) {
	for _, a := range e.Args {
		if a.Role == role {
			return a.ID, true
		}
	}
	return "", false
}

// Document is the content of one .ann file.
type Document struct {
	TextBounds []TextBound
	Events     []Event
	byID       map[string]int
}

// TextBound returns the text-bound annotation with the given ID.
func (d *Document) TextBound(id string) (TextBound, bool) {
	i, ok := d.byID[id]
	if !ok {
		return TextBound{}, false
	}
	return d.TextBounds[i], true
}

// Parse reads a .ann file. name labels errors ("name:line: reason"). A T line
// needs an ID, a label and at least one fragment with 0 ≤ start ≤ end; an E
// line needs "Type:ID" for its trigger, and every ID an event names must be
// a T or E annotation of the file. Blank lines are skipped. A line that is
// no annotation continues the text of a T line before it (brat writes
// annotated text across line breaks as it is); anywhere else it is an error.
func Parse(r io.Reader, name string) (*Document, error) {
	d := &Document{byID: map[string]int{}}
	events := map[string]bool{}
	lastT := -1 // the text-bound of the previous line, which a bare line continues
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimRight(sc.Bytes(), "\r")
		if len(bytes.TrimSpace(b)) == 0 {
			if lastT >= 0 {
				d.TextBounds[lastT].Text += "\n"
			}
			continue
		}
		var err error
		kind := annotationKind(b)
		switch {
		case kind == 0 && lastT >= 0:
			// Brat writes an annotated text that crosses a line break as
			// it is: the line continues the previous text-bound's text.
			d.TextBounds[lastT].Text += "\n" + string(b)
			continue
		case kind == 0:
			err = fmt.Errorf("not an annotation (want an ID such as T1 or E1 and a tab): %.40q", b)
		case kind == 'T':
			err = d.addTextBound(string(b), line)
			lastT = len(d.TextBounds) - 1
		case kind == 'E':
			var e Event
			if e, err = parseEvent(string(b), line); err == nil {
				d.Events = append(d.Events, e)
				events[e.ID] = true
			}
		}
		if kind != 'T' {
			lastT = -1
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, e := range d.Events {
		for _, id := range append([]string{e.Trigger}, argIDs(e.Args)...) {
			if _, ok := d.byID[id]; !ok && !events[id] {
				return nil, fmt.Errorf("%s:%d: event %s names %s, which the file does not define", name, e.Line, e.ID, id)
			}
		}
	}
	return d, nil
}

func argIDs(args []Arg) []string {
	ids := make([]string, len(args))
	for i, a := range args {
		ids[i] = a.ID
	}
	return ids
}

// addTextBound parses "ID\tLabel start end[;start end...]\ttext".
func (d *Document) addTextBound(s string, line int) error {
	id, rest, ok := strings.Cut(s, "\t")
	if !ok || id == "" || strings.ContainsAny(id, " \t") {
		return fmt.Errorf("text-bound annotation without a tab after its ID")
	}
	mid, text, _ := strings.Cut(rest, "\t")
	label, offsets, ok := strings.Cut(mid, " ")
	if !ok || label == "" {
		return fmt.Errorf("%s: want \"Label start end\", got %q", id, mid)
	}
	t := TextBound{ID: id, Label: label, Text: text, Line: line}
	for _, part := range strings.Split(offsets, ";") {
		f, err := parseFragment(part)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		t.Fragments = append(t.Fragments, f)
	}
	if _, dup := d.byID[id]; dup {
		return fmt.Errorf("%s defined twice", id)
	}
	d.byID[id] = len(d.TextBounds)
	d.TextBounds = append(d.TextBounds, t)
	return nil
}

func parseFragment(s string) (Fragment, error) {
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Fragment{}, fmt.Errorf("fragment %q: want \"start end\"", s)
	}
	start, err1 := strconv.Atoi(fields[0])
	end, err2 := strconv.Atoi(fields[1])
	if err1 != nil || err2 != nil || start < 0 || end < start {
		return Fragment{}, fmt.Errorf("fragment %q: want 0 ≤ start ≤ end", s)
	}
	return Fragment{start, end}, nil
}

// parseEvent parses "ID\tType:Trigger Role:ID ...".
func parseEvent(s string, line int) (Event, error) {
	id, rest, ok := strings.Cut(s, "\t")
	if !ok || id == "" || strings.ContainsAny(id, " \t") {
		return Event{}, fmt.Errorf("event without a tab after its ID")
	}
	mid, _, _ := strings.Cut(rest, "\t")
	fields := strings.Fields(mid)
	if len(fields) == 0 {
		return Event{}, fmt.Errorf("%s: event without a type", id)
	}
	e := Event{ID: id, Line: line}
	for i, f := range fields {
		role, ref, ok := strings.Cut(f, ":")
		if !ok || role == "" || ref == "" {
			return Event{}, fmt.Errorf("%s: argument %q: want Role:ID", id, f)
		}
		if i == 0 {
			e.Type, e.Trigger = role, ref
			continue
		}
		e.Args = append(e.Args, Arg{role, ref})
	}
	return e, nil
}

// Sorted returns the fragments of t ordered by start.
func (t TextBound) Sorted() []Fragment {
	fs := slices.Clone(t.Fragments)
	slices.SortStableFunc(fs, func(a, b Fragment) int { return cmp.Compare(a.Start, b.Start) })
	return fs
}

// annotationKind returns the kind letter of an annotation line ('T', 'E',
// 'R', 'A', 'M', 'N', '#', '*'): the letter, digits (none for '#' and '*')
// and a tab. Any other line gives 0.
func annotationKind(b []byte) byte {
	if len(b) == 0 || !strings.ContainsRune("TERAMN#*", rune(b[0])) {
		return 0
	}
	i := 1
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	if i == len(b) || b[i] != '\t' || i == 1 && b[0] != '#' && b[0] != '*' {
		return 0
	}
	return b[0]
}
