package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

// newTimexCmd builds `dateline timex`.
func newTimexCmd(g *globals) *cobra.Command {
	var dctFlag, format string
	cmd := &cobra.Command{
		Use:   "timex [--dct VALUE] [--format json|timeml] FILE|-",
		Short: "Find and normalize the time expressions of a document",
		Long: `Tag the time expressions of a TimeML file (.tml) or of plain text.

For a .tml file the creation time comes from <DCT><TIMEX3 value=...> and the
text of <TEXT> is tagged with any annotation inside it ignored; --dct, when
given, overrides it and supplies it when the document has none. For plain text
(any other file, or - for standard input) --dct is required.

JSON output gives start/end as rune offsets into the text of <TEXT> with all
tags removed (plain text: into the input); timeml output writes the document
back with TIMEX3 tags.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f := format; f != "json" && f != "timeml" {
				return fmt.Errorf("--format %q: want json or timeml", f)
			}
			doc, err := timexInput(args[0], cmd.InOrStdin())
			if err != nil {
				return err
			}
			if dctFlag != "" {
				doc.DCT = dctFlag
			}
			if doc.DCT == "" {
				return fmt.Errorf("%s: %w; give one with --dct", doc.Name, timeml.ErrNoDCT)
			}
			dct, err := timeml.ParseDCT(doc.DCT)
			if err != nil {
				return fmt.Errorf("%s: %w", doc.Name, err)
			}
			doc.Timexes = timex.New().Tag(doc.Text, dct)
			out := cmd.OutOrStdout()
			if format == "timeml" {
				return timeml.Write(out, doc)
			}
			return render.Timexes(out, doc.DCT, doc.Timexes)
		},
	}
	cmd.Flags().StringVar(&dctFlag, "dct", "", "document creation time (2017-04-11 or 2017-04-11T14:30); required for plain text")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or timeml")
	return cmd
}

// timexInput reads a .tml document or wraps plain text in one.
func timexInput(name string, stdin io.Reader) (*timeml.Document, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
		name = "<stdin>"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if strings.HasSuffix(name, ".tml") || strings.HasPrefix(strings.TrimSpace(string(data)), "<?xml") {
		return timeml.Parse(data, name)
	}
	return &timeml.Document{Name: name, Text: string(data)}, nil
}
