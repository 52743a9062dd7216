package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Document is one story of a CoNLL file: the sentences after a -DOCSTART-
// line (or from the file's start, when it has none).
type Document struct {
	Line      int // 1-based line of its -DOCSTART- line (of its first sentence, when it has none)
	Sentences []Sentence
}

// Sentence is one sentence: its tokens and the names they form.
type Sentence struct {
	Line    int // 1-based line of the first token
	Tokens  []string
	Phrases []Phrase
}

// Phrase is a name: tokens [Start, End) of a sentence, of a type such as
// "PER".
type Phrase struct {
	Start, End int
	Type       string
}

// Read reads a CoNLL-2003 file: one token a line with the entity tag in the
// last column (IOB1 or IOB2: O, I-TYPE, B-TYPE), a blank line after each
// sentence, a line starting -DOCSTART- before each document. Tags are read
// into phrases as conlleval reads them: a phrase starts at B-X, or at I-X
// after O or a tag of another type. name is used in errors, which give the
// line: "dev.conll:12: ...".
func Read(r io.Reader, name string) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var docs []Document
	var cur *Document
	var sent Sentence
	var tags []string
	flush := func() {
		if len(sent.Tokens) == 0 {
			return
		}
		if cur == nil {
			docs = append(docs, Document{Line: sent.Line})
			cur = &docs[len(docs)-1]
		}
		sent.Phrases = Phrases(tags)
		cur.Sentences = append(cur.Sentences, sent)
		sent, tags = Sentence{}, tags[:0]
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(text)
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			docs = append(docs, Document{Line: line})
			cur = &docs[len(docs)-1]
		case len(fields) < 2:
			return nil, fmt.Errorf("%s:%d: want a token and a tag, got %q", name, line, text)
		default:
			tag := fields[len(fields)-1]
			if !validTag(tag) {
				return nil, fmt.Errorf("%s:%d: tag %q: want O, I-TYPE or B-TYPE", name, line, tag)
			}
			if len(sent.Tokens) == 0 {
				sent.Line = line
			}
			sent.Tokens = append(sent.Tokens, fields[0])
			tags = append(tags, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	flush()
	return dropEmpty(docs), nil
}

// dropEmpty removes documents without sentences (a -DOCSTART- at the end).
func dropEmpty(docs []Document) []Document {
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	return out
}

func validTag(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && (tag[0] == 'I' || tag[0] == 'B') && tag[1] == '-'
}

// Phrases reads a sentence's tags (O, I-X, B-X; E-X and S-X of IOBES are
// read as I-X and B-X) into phrases, as conlleval does.
func Phrases(tags []string) []Phrase {
	var out []Phrase
	open := false
	for i, tag := range tags {
		if tag == "O" || len(tag) < 3 {
			open = false
			continue
		}
		letter, typ := tag[0], tag[2:]
		cont := open && out[len(out)-1].Type == typ && letter != 'B' && letter != 'S'
		if cont {
			out[len(out)-1].End = i + 1
		} else {
			out = append(out, Phrase{Start: i, End: i + 1, Type: typ})
		}
		open = letter != 'E' && letter != 'S'
	}
	return out
}

// Text returns the text a user's file would hold for the document: one
// sentence per line, tokens separated by single spaces, and the rune offset
// at which each token starts.
func (d *Document) Text() (string, [][]int) {
	var b strings.Builder
	starts := make([][]int, len(d.Sentences))
	off := 0
	for i, s := range d.Sentences {
		starts[i] = make([]int, len(s.Tokens))
		for j, tok := range s.Tokens {
			if j > 0 {
				b.WriteByte(' ')
				off++
			}
			starts[i][j] = off
			b.WriteString(tok)
			off += len([]rune(tok))
		}
		b.WriteByte('\n')
		off++
	}
	return b.String(), starts
}
