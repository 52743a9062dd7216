package tilse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Timeline maps each date of a timeline to its daily summary, one sentence
// per element, in order. It is what tilse's Timeline holds; a date that is
// absent has an empty summary.
type Timeline map[Date][]string

// Dates returns the timeline's dates in ascending order.
func (tl Timeline) Dates() []Date {
	dates := make([]Date, 0, len(tl))
	for d := range tl {
		dates = append(dates, d)
	}
	SortDates(dates)
	return dates
}

// SortDates sorts dates in ascending order.
func SortDates(dates []Date) {
	slices.SortFunc(dates, func(a, b Date) int {
		switch {
		case a.Before(b):
			return -1
		case b.Before(a):
			return 1
		}
		return 0
	})
}

// Separator is the line of 32 dashes that closes a daily summary in tilse's
// timeline format.
const Separator = "--------------------------------"

// ParseError reports a timeline file that cannot be read, with the line at
// fault. Path is empty when the input was not a named file.
type ParseError struct {
	Path string
	Line int
	Msg  string
}

// Error formats the error as "path:line: message".
func (e *ParseError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
}

// Read reads a timeline in tilse's format with the semantics of
// tilse's Timeline.from_file:
//
//   - lines end at "\n", "\r\n" or "\r" and are stripped of (Unicode)
//     white space;
//   - a line that parses as YYYY-MM-DD (see ParseDate) sets the date of
//     the block being read (the last such line in a block wins);
//   - a line of exactly 32 dashes closes the block: its other lines, with
//     leading and trailing blank lines removed, become the date's summary
//     (an empty block gives one empty sentence);
//   - when a date appears in two blocks, the last block wins;
//   - lines after the last separator are ignored.
//
// A block that has no date line (tilse would file it under None and then
// fail to sort its dates) is skipped. The input must be UTF-8; a *ParseError
// names the first line that is not.
func Read(r io.Reader) (Timeline, error) {
	tl, _, err := readNotes(r)
	return tl, err
}

// readNotes is Read that also returns notes on what tilse's
// reader would do silently or fail on: skipped blocks, repeated dates,
// unterminated blocks. Each note starts with "line N: ".
func readNotes(r io.Reader) (Timeline, []string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("read timeline: %w", err)
	}
	tl := Timeline{}
	var notes []string
	var (
		date      Date
		haveDate  bool
		summary   []string // stripped lines of the block, blanks included
		blockLine int      // first line of the current block
	)
	n := 0
	for len(data) > 0 {
		n++
		line := data
		end := len(data)
		if i := indexLineBreak(data); i >= 0 {
			line = data[:i]
			end = i + 1
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				end++
			}
		}
		data = data[end:]
		if !utf8.Valid(line) {
			return nil, nil, &ParseError{Line: n, Msg: "not valid UTF-8"}
		}
		if blockLine == 0 {
			blockLine = n
		}
		s := Strip(string(line))
		if s == Separator {
			if !haveDate {
				notes = append(notes, fmt.Sprintf("line %d: block of lines %d-%d has no date line; skipped", n, blockLine, n))
			} else {
				if _, dup := tl[date]; dup {
					notes = append(notes, fmt.Sprintf("line %d: date %s appears again; this block replaces the earlier one", n, date))
				}
				tl[date] = blockSentences(summary)
			}
			haveDate, summary, blockLine = false, summary[:0:0], 0
			continue
		}
		if d, err := ParseDate(s); err == nil {
			date, haveDate = d, true
			continue
		}
		summary = append(summary, s)
	}
	if haveDate || !IsBlank(summary) {
		notes = append(notes, fmt.Sprintf("line %d: block from line %d is not closed by %d dashes; ignored", n, blockLine, len(Separator)))
	}
	return tl, notes, nil
}

func indexLineBreak(b []byte) int {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return i
		}
	}
	return -1
}

// blockSentences is tilse's summary.strip().split("\n") over the stripped
// lines of a block.
func blockSentences(lines []string) []string {
	start, end := 0, len(lines)
	for start < end && lines[start] == "" {
		start++
	}
	for end > start && lines[end-1] == "" {
		end--
	}
	if start == end {
		return []string{""}
	}
	return slices.Clone(lines[start:end])
}

// Write writes tl in tilse's format, dates in ascending order: the
// date as YYYY-MM-DD, one sentence per line, then a line of 32 dashes.
//
// A date whose summary is empty or blank is left out: the Evaluator does not
// count it as a date, and tilse, reading the file, would; leaving it out
// keeps the two in agreement. Write refuses what Read could
// not read back as written: a date outside years 1-9999, a sentence with a
// line break or invalid UTF-8, and a sentence that would read as a date
// line or as the separator.
func Write(w io.Writer, tl Timeline) error {
	bw := bufio.NewWriter(w)
	for _, d := range tl.Dates() {
		if !d.Valid() {
			return fmt.Errorf("write timeline: invalid date %v", d)
		}
		if IsBlank(tl[d]) {
			continue
		}
		fmt.Fprintln(bw, d.String())
		for i, s := range tl[d] {
			if err := checkSentence(s); err != nil {
				return fmt.Errorf("write timeline: %s sentence %d: %w", d, i+1, err)
			}
			bw.WriteString(s)
			bw.WriteByte('\n')
		}
		bw.WriteString(Separator)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write timeline: %w", err)
	}
	return nil
}

func checkSentence(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("not valid UTF-8")
	}
	if strings.ContainsAny(s, "\r\n") {
		return fmt.Errorf("contains a line break")
	}
	t := Strip(s)
	if t == Separator {
		return fmt.Errorf("would read as the separator")
	}
	if _, err := ParseDate(t); err == nil {
		return fmt.Errorf("would read as a date line")
	}
	return nil
}

// IsSpace reports whether Python's str.isspace() holds for r, as tilse (Python
// 3) strips and splits lines: Go's unicode.IsSpace plus the four ASCII
// information separators U+001C..U+001F.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// Strip is Python's str.strip() with no argument.
func Strip(s string) string { return strings.TrimFunc(s, IsSpace) }

// IsBlank reports whether a daily summary has no sentence with text (tilse
// and the metrics do not count such a date as predicted).
func IsBlank(sents []string) bool {
	for _, s := range sents {
		if Strip(s) != "" {
			return false
		}
	}
	return true
}

// ReadFile reads a tilse-format timeline file (see Read). It also returns
// notes, each "path:line: ...", on what tilse's reader would have done
// silently or failed on: blocks without a date (skipped), dates given twice
// (the last block wins), a last block left unclosed (ignored). Errors name
// the file and the line.
func ReadFile(path string) (Timeline, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read timeline: %w", err)
	}
	defer f.Close()
	tl, notes, err := readNotes(f)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Path = path
			return nil, nil, pe
		}
		return nil, nil, fmt.Errorf("read timeline %s: %w", path, err)
	}
	for i, n := range notes {
		notes[i] = path + ":" + strings.TrimPrefix(n, "line ")
	}
	return tl, notes, nil
}
