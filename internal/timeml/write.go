package timeml

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/timex"
)

// Write writes doc as a TimeML document: its DOCID, its DCT as the
// creation-time TIMEX3 t0, and its Text with one TIMEX3 element (tid, type,
// value, and mod, quant and freq when set) around each of doc.Timexes. The
// timexes must be in text order and must not overlap; offsets out of range
// are an error.
func Write(w io.Writer, doc *Document) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("<?xml version=\"1.0\" ?>\n<TimeML>\n\n")
	if doc.DocID != "" {
		fmt.Fprintf(bw, "<DOCID>%s</DOCID>\n\n", escapeText(doc.DocID))
	}
	if doc.DCT != "" {
		typ := "DATE"
		if strings.Contains(doc.DCT, "T") {
			typ = "TIME"
		}
		fmt.Fprintf(bw, "<DCT><TIMEX3 tid=\"t0\" type=\"%s\" value=\"%s\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n\n",
			typ, escapeAttr(doc.DCT), escapeText(doc.DCT))
	}
	bw.WriteString("<TEXT>")
	if err := writeTagged(bw, doc.Text, doc.Timexes); err != nil {
		return fmt.Errorf("write %s: %w", doc.Name, err)
	}
	bw.WriteString("</TEXT>\n\n</TimeML>\n")
	return bw.Flush()
}

func writeTagged(w *bufio.Writer, text string, txs []timex.Timex) error {
	r, b := 0, 0 // rune and byte position in text
	advance := func(to int) error {
		start := b
		for r < to {
			if b >= len(text) {
				return fmt.Errorf("offset %d past the end of the text (%d runes)", to, r)
			}
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			r++
		}
		w.WriteString(escapeText(text[start:b]))
		return nil
	}
	for i, t := range txs {
		if t.Start < r || t.End < t.Start {
			return fmt.Errorf("timex %d [%d,%d) overlaps the one before it or is reversed", i+1, t.Start, t.End)
		}
		if err := advance(t.Start); err != nil {
			return err
		}
		fmt.Fprintf(w, "<TIMEX3 tid=\"t%d\" type=\"%s\" value=\"%s\"", i+1, escapeAttr(string(t.Type)), escapeAttr(t.Value))
		for _, a := range [...]struct{ name, v string }{{"mod", t.Mod}, {"quant", t.Quant}, {"freq", t.Freq}} {
			if a.v != "" {
				fmt.Fprintf(w, " %s=\"%s\"", a.name, escapeAttr(a.v))
			}
		}
		w.WriteString(">")
		if err := advance(t.End); err != nil {
			return err
		}
		w.WriteString("</TIMEX3>")
	}
	w.WriteString(escapeText(text[b:]))
	return nil
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

func escapeText(s string) string { return textEscaper.Replace(s) }
func escapeAttr(s string) string { return attrEscaper.Replace(s) }
