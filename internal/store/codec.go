package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/annotate"
	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
	"github.com/dateline-news/dateline/internal/timex"
)

// An article's annotations — its sentences with their time expressions and
// entity mentions, its quotes, and what its reader said of it beyond the
// columns (author, where the date came from) — are kept in one column of
// its row, in this encoding (version 2):
//
//	byte 2; uvarint count; then for each sentence:
//	  varint Index−position, varint Start−(previous End), varint End−Start,
//	  byte flags (1: the text follows; else it is the article text's runes
//	  Start..End, as annotate makes it), [string Text],
//	  uvarint count of time expressions; for each:
//	    varint Start−sentence Start, varint End−Start, byte flags (1: the
//	    text follows), [string Text], string Type, Value, Mod, Quant, Freq
//	  uvarint count of entity mentions; for each:
//	    varint Start−sentence Start, varint End−Start, byte flags (1: the
//	    text follows), [string Text], string Type, byte (1: the name
//	    follows; else it is the text), [string Name]
//	then byte flags (1: entities and quotes were looked for), string Author,
//	string DateFrom, uvarint count of quotes; for each:
//	  varint Content.Start, varint Content.End−Content.Start, then Source and
//	  Cue as varint Start−Content.Start, varint End−Start, uvarint count of
//	  parts, each as varint Start−Content.Start, varint End−Start, byte
//	  Kind, string Speaker
//
// where a string is a uvarint length and its bytes. Offsets are runes of
// the article text. Version 1 (the store before entities) is the same
// without mentions and without what follows the sentences; it still
// decodes, with Doc.Entities false, so that its readers can tell "no
// entities found" from "never looked for". On the first 1,000 articles of
// T17 version 1 took 567 bytes an article against 9,551 for
// annotate.Sentence in JSON, and decoded in 15 µs against 183
// (BenchmarkDecode): a search hit reads its article's column, and a
// timeline reads every column of its topic.
const codecVersion = 2

// codecV1 is the version written before entities and quotes were stored.
const codecV1 = 1

// errCodec is the error of a column that does not decode.
var errCodec = errors.New("stored sentences are damaged")

// encodeSentences encodes sents of an article with text body, as a
// document without entities, quotes or metadata.
func encodeSentences(body string, sents []annotate.Sentence) []byte {
	return encodeDoc(annotate.Doc{Article: article.Article{Text: body}, Sentences: sents})
}

// encodeDoc encodes the annotations of d.
func encodeDoc(d annotate.Doc) []byte {
	body, sents := d.Article.Text, d.Sentences
	ri := newRuneIndex(body)
	b := make([]byte, 0, 16+16*len(sents))
	b = append(b, codecVersion)
	b = binary.AppendUvarint(b, uint64(len(sents)))
	prevEnd := 0
	for i, sn := range sents {
		b = binary.AppendVarint(b, int64(sn.Index-i))
		b = binary.AppendVarint(b, int64(sn.Start-prevEnd))
		b = binary.AppendVarint(b, int64(sn.End-sn.Start))
		prevEnd = sn.End
		b = appendText(b, ri, sn.Start, sn.End, sn.Text)
		b = binary.AppendUvarint(b, uint64(len(sn.Timexes)))
		for _, x := range sn.Timexes {
			b = binary.AppendVarint(b, int64(x.Start-sn.Start))
			b = binary.AppendVarint(b, int64(x.End-x.Start))
			b = appendText(b, ri, x.Start, x.End, x.Text)
			for _, f := range []string{string(x.Type), x.Value, x.Mod, x.Quant, x.Freq} {
				b = appendString(b, f)
			}
		}
		b = binary.AppendUvarint(b, uint64(len(sn.Entities)))
		for _, m := range sn.Entities {
			b = binary.AppendVarint(b, int64(m.Start-sn.Start))
			b = binary.AppendVarint(b, int64(m.End-m.Start))
			b = appendText(b, ri, m.Start, m.End, m.Text)
			b = appendString(b, string(m.Type))
			if m.Name == m.Text {
				b = append(b, 0)
			} else {
				b = appendString(append(b, 1), m.Name)
			}
		}
	}
	return appendDocTail(b, d)
}

// appendDocTail writes what follows the sentences: the flags, author, date
// source and quotes.
func appendDocTail(b []byte, d annotate.Doc) []byte {
	var flags byte
	if d.Entities {
		flags |= 1
	}
	b = append(b, flags)
	b = appendString(b, d.Article.Author)
	b = appendString(b, d.Article.DateFrom)
	b = binary.AppendUvarint(b, uint64(len(d.Quotes)))
	for _, q := range d.Quotes {
		c := q.Content.Start
		b = binary.AppendVarint(b, int64(c))
		b = binary.AppendVarint(b, int64(q.Content.End-c))
		for _, sp := range []quote.Span{q.Source, q.Cue} {
			b = binary.AppendVarint(b, int64(sp.Start-c))
			b = binary.AppendVarint(b, int64(sp.End-sp.Start))
		}
		b = binary.AppendUvarint(b, uint64(len(q.Parts)))
		for _, p := range q.Parts {
			b = binary.AppendVarint(b, int64(p.Start-c))
			b = binary.AppendVarint(b, int64(p.End-p.Start))
		}
		b = append(b, byte(q.Kind))
		b = appendString(b, q.Speaker)
	}
	return b
}

// appendText writes the flags byte, and the text when it is not the span
// start..end of the article text.
func appendText(b []byte, ri runeIndex, start, end int, text string) []byte {
	if t, ok := ri.span(start, end); ok && t == text {
		return append(b, 0)
	}
	return appendString(append(b, 1), text)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decoder reads an encoded column.
type decoder struct {
	data    []byte
	ri      runeIndex
	err     error
	version byte // of the column, read by start
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *decoder) varint() int {
	v, n := binary.Varint(d.data)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[n:]
	return int(v)
}

func (d *decoder) byte() byte {
	if len(d.data) == 0 {
		d.fail()
		return 0
	}
	c := d.data[0]
	d.data = d.data[1:]
	return c
}

// bytes returns the next string's bytes, in the column's memory.
func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.data)) {
		d.fail()
		return nil
	}
	s := d.data[:n]
	d.data = d.data[n:]
	return s
}

// text reads a flags byte and the text it announces, or the span of the
// article text; with keep false it only reads past them.
func (d *decoder) text(start, end int, keep bool) string {
	if d.byte() == 1 {
		b := d.bytes()
		if !keep {
			return ""
		}
		return string(b)
	}
	if !keep {
		return ""
	}
	t, _ := d.ri.span(start, end)
	return t
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.data = nil
}

// timexTypes and entityTypes are the types nearly every time expression and
// entity mention repeats, for intern.
var timexTypes = map[string]timex.Type{
	string(timex.Date): timex.Date, string(timex.Time): timex.Time, string(timex.Duration): timex.Duration, string(timex.Set): timex.Set,
}

// count reads a count of items that take at least one byte each.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.data)) {
		d.fail()
		return 0
	}
	return int(n)
}

var entityTypes = map[string]entity.Type{
	string(entity.Person): entity.Person, string(entity.Organization): entity.Organization,
	string(entity.Location): entity.Location, string(entity.Misc): entity.Misc,
}

// intern returns the value of m for b without allocating, or a new string of
// b when m does not have it.
func intern[T ~string](m map[string]T, b []byte) T {
	if t, ok := m[string(b)]; ok {
		return t
	}
	return T(b)
}

// mentions reads the entity mentions of sentence sn (version 2).
func (d *decoder) mentions(sn *annotate.Sentence, skip bool) {
	n := d.count()
	if !skip && n > 0 {
		sn.Entities = make([]entity.Mention, 0, n)
	}
	for j := 0; j < n && d.err == nil; j++ {
		var m entity.Mention
		m.Start = sn.Start + d.varint()
		m.End = m.Start + d.varint()
		m.Text = d.text(m.Start, m.End, !skip)
		typ := d.bytes()
		named := d.byte() == 1
		var name []byte
		if named {
			name = d.bytes()
		}
		if skip {
			continue
		}
		m.Type = intern(entityTypes, typ)
		m.Name = m.Text
		if named {
			m.Name = string(name)
		}
		sn.Entities = append(sn.Entities, m)
	}
}

// tail reads what follows the sentences (version 2) into doc.
func (d *decoder) tail(doc *annotate.Doc) {
	if d.version < codecVersion {
		return
	}
	doc.Entities = d.byte()&1 != 0
	doc.Article.Author = string(d.bytes())
	doc.Article.DateFrom = string(d.bytes())
	n := d.count()
	if n > 0 {
		doc.Quotes = make([]quote.Quote, 0, n)
	}
	span := func(base int) quote.Span {
		s := base + d.varint()
		return quote.Span{Start: s, End: s + d.varint()}
	}
	for j := 0; j < n && d.err == nil; j++ {
		var q quote.Quote
		q.Content = span(0)
		c := q.Content.Start
		q.Source, q.Cue = span(c), span(c)
		np := d.count()
		for k := 0; k < np && d.err == nil; k++ {
			q.Parts = append(q.Parts, span(c))
		}
		q.Kind = quote.Kind(d.byte())
		q.Speaker = string(d.bytes())
		doc.Quotes = append(doc.Quotes, q)
	}
	if d.err == nil && len(d.data) > 0 {
		d.fail() // bytes after the end
	}
}

// sentence reads one sentence at position i, whose predecessor ended at
// prevEnd; skip reads past its time expressions and mentions without
// keeping them, and past its text too unless keepText.
func (d *decoder) sentence(i, prevEnd int, skip, keepText bool) annotate.Sentence {
	sn := annotate.Sentence{Index: i + d.varint()}
	sn.Start = prevEnd + d.varint()
	sn.End = sn.Start + d.varint()
	sn.Text = d.text(sn.Start, sn.End, keepText)
	n := d.count()
	if !skip && n > 0 {
		sn.Timexes = make([]timex.Timex, n)
	}
	for j := 0; j < n && d.err == nil; j++ {
		var x timex.Timex
		x.Start = sn.Start + d.varint()
		x.End = x.Start + d.varint()
		x.Text = d.text(x.Start, x.End, !skip)
		if skip { // its type, value, mod, quant and freq
			for range 5 {
				d.bytes()
			}
			continue
		}
		x.Type = intern(timexTypes, d.bytes())
		x.Value = string(d.bytes())
		x.Mod = string(d.bytes())
		x.Quant = string(d.bytes())
		x.Freq = string(d.bytes())
		sn.Timexes[j] = x
	}
	if d.version >= codecVersion {
		d.mentions(&sn, skip)
	}
	return sn
}

// start checks the version and returns the number of sentences.
func (d *decoder) start() int {
	d.version = d.byte()
	if d.version != codecVersion && d.version != codecV1 {
		d.fail()
		return 0
	}
	return d.count() // every sentence takes bytes
}

// decodeSentences reads the sentences of what encodeDoc wrote. The
// sentences' texts share the memory of body.
func decodeSentences(body string, data []byte) ([]annotate.Sentence, error) {
	doc := annotate.Doc{Article: article.Article{Text: body}}
	err := decodeDoc(&doc, data)
	return doc.Sentences, err
}

// decodeDoc reads what encodeDoc wrote into doc, whose Article has the
// text (and the columns) already: its sentences, mentions, quotes, author
// and date source. The texts share the memory of the article text.
func decodeDoc(doc *annotate.Doc, data []byte) error {
	d := &decoder{data: data, ri: newRuneIndex(doc.Article.Text)}
	n := d.start()
	out := make([]annotate.Sentence, 0, n)
	prevEnd := 0
	for i := 0; i < n && d.err == nil; i++ {
		sn := d.sentence(i, prevEnd, false, true)
		prevEnd = sn.End
		out = append(out, sn)
	}
	if d.err == nil {
		d.tail(doc)
	}
	if d.err != nil {
		doc.Sentences, doc.Quotes = nil, nil
		return d.err
	}
	doc.Sentences = out
	return nil
}

// decodeSentence reads only sentence pos (without its time expressions),
// false if there is none. Only the text of that sentence is looked up in
// body (a search hit needs one sentence of its article, not an index of
// every rune).
func decodeSentence(body string, data []byte, pos int) (annotate.Sentence, bool, error) {
	d := &decoder{data: data, ri: lazyRuneIndex(body)}
	n := d.start()
	prevEnd := 0
	for i := 0; i < n && d.err == nil; i++ {
		sn := d.sentence(i, prevEnd, true, i == pos)
		if i == pos {
			return sn, d.err == nil, d.err
		}
		prevEnd = sn.End
	}
	return annotate.Sentence{}, false, d.err
}

// runeIndex converts rune offsets of a text to byte offsets.
type runeIndex struct {
	text  string
	ascii bool
	at    []int32 // byte offset of each rune, and of the end, when not ascii; nil: lazy (see lazyRuneIndex)
}

// lazyRuneIndex is a runeIndex for a few lookups: each looks at the text
// only up to its end (a search hit needs one sentence of its article), and
// walks it when it is not ASCII, rather than indexing every rune first.
func lazyRuneIndex(s string) runeIndex { return runeIndex{text: s} }

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	// Eight bytes at a time: a byte is ASCII when its top bit is clear.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func newRuneIndex(s string) runeIndex {
	ri := runeIndex{text: s, ascii: isASCII(s)}
	if !ri.ascii {
		ri.at = make([]int32, 0, len(s)+1)
		for i := range s {
			ri.at = append(ri.at, int32(i))
		}
		ri.at = append(ri.at, int32(len(s)))
	}
	return ri
}

// span returns the text of runes start..end, false when out of range.
func (ri runeIndex) span(start, end int) (string, bool) {
	if !ri.ascii && ri.at == nil { // lazy
		if start >= 0 && end >= start && end <= len(ri.text) && isASCII(ri.text[:end]) {
			return ri.text[start:end], true // runes are bytes up to end
		}
		return ri.walk(start, end)
	}
	n := len(ri.text)
	if !ri.ascii {
		n = len(ri.at) - 1
	}
	if start < 0 || end < start || end > n {
		return "", false
	}
	if ri.ascii {
		return ri.text[start:end], true
	}
	return ri.text[ri.at[start]:ri.at[end]], true
}

// walk returns the text of runes start..end by counting runes from the
// start of the text, false when out of range.
func (ri runeIndex) walk(start, end int) (string, bool) {
	if start < 0 || end < start {
		return "", false
	}
	from, n := -1, 0
	for i := range ri.text {
		if n == start {
			from = i
		}
		if n == end {
			return ri.text[from:i], true
		}
		n++
	}
	if end != n {
		return "", false
	}
	if from < 0 { // start == end == the number of runes
		from = len(ri.text)
	}
	return ri.text[from:], true
}

// damaged names the article whose column does not decode.
func damaged(id string, err error) error { return fmt.Errorf("article %s: %w", id, err) }
