package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dateline-news/dateline/internal/render"
	"github.com/dateline-news/dateline/internal/timeml"
	"github.com/dateline-news/dateline/internal/timex"
)

// newTimexCmd builds `dateline timex`.
func newTimexCmd(g *globals) *cobra.Command {
	var dctFlag, format string
	var rules bool
	cmd := &cobra.Command{
		Use:   "timex [--dct VALUE] [--format json|timeml] FILE|-  |  timex --rules [--dct VALUE]",
		Short: "Find and normalize the time expressions of a document",
		Long: `Tag the time expressions of a TimeML file (.tml) or of plain text.

For a .tml file the creation time comes from <DCT><TIMEX3 value=...> and the
text of <TEXT> is tagged with any annotation inside it ignored; --dct, when
given, overrides it and supplies it when the document has none. For plain text
(any other file, or - for standard input) --dct is required.

JSON output gives start/end as rune offsets into the text of <TEXT> with all
tags removed (plain text: into the input); timeml output writes the document
back with TIMEX3 tags.

--rules lists the grammar instead: every production in the order the tagger
tries it, with an example and what the tagger finds in the example, resolved
against --dct (default 2017-04-11).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if rules {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if rules {
				return printRules(cmd.OutOrStdout(), dctFlag)
			}
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
	cmd.Flags().BoolVar(&rules, "rules", false, "list the grammar's productions with an example each and what the tagger finds in it")
	return cmd
}

// printRules lists the productions of the grammar with their examples and
// what the tagger finds in each, resolved against dct (2017-04-11 when
// empty).
func printRules(w io.Writer, dct string) error {
	if dct == "" {
		dct = "2017-04-11"
	}
	t, err := timeml.ParseDCT(dct)
	if err != nil {
		return fmt.Errorf("--dct: %w", err)
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "RULE\tEXAMPLE\tTHE TAGGER FINDS (DCT %s)\n", dct)
	tg := timex.New()
	for _, r := range timex.Productions() {
		var found []string
		for _, x := range tg.Tag(r.Example, t) {
			f := fmt.Sprintf("%s: %s %s", x.Text, x.Type, x.Value)
			for _, attr := range []struct{ name, v string }{{"mod", x.Mod}, {"quant", x.Quant}, {"freq", x.Freq}} {
				if attr.v != "" {
					f += " " + attr.name + "=" + attr.v
				}
			}
			found = append(found, f)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Example, strings.Join(found, "; "))
	}
	return tw.Flush()
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
