package conll

import (
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline/internal/entity"
)

// Recognizer is what Evaluate scores.
type Recognizer interface {
	Recognize(text string) []entity.Mention
}

// Report is the result of Evaluate.
type Report struct {
	Score     *Score  `json:"score"`
	Docs      int     `json:"docs"`
	Sentences int     `json:"sentences"`
	Tokens    int     `json:"tokens"`
	Bytes     int     `json:"bytes"`   // of the texts recognized
	Seconds   float64 `json:"seconds"` // spent in Recognize, the first time (a cold word cache)
	// WarmSeconds is the time of a second run over the same texts, when the
	// recognizer has every word form cached, as in a long run.
	WarmSeconds float64 `json:"warm_seconds"`
	// OffToken counts mentions that do not start and end on token
	// boundaries of one sentence (each is scored as found over the tokens
	// it touches).
	OffToken int `json:"off_token"`
	// Errors lists every error: "line: kind: gold [text] found [text] in: sentence".
	Errors []string `json:"errors"`
}

// describe writes one error for people.
func describe(s Sentence, e PhraseError) string {
	text := func(p *Phrase) string {
		if p == nil {
			return "-"
		}
		return "[" + strings.Join(s.Tokens[p.Start:p.End], " ") + "]"
	}
	return fmt.Sprintf("%d: %s: gold %s found %s in: %s", s.Line, e.Kind, text(e.Gold), text(e.Found), strings.Join(s.Tokens, " "))
}

// MBPerSecond is the throughput of recognition, cold and warm (see
// WarmSeconds).
func (r *Report) MBPerSecond() (cold, warm float64) {
	if r.Seconds > 0 {
		cold = float64(r.Bytes) / r.Seconds / 1e6
	}
	if r.WarmSeconds > 0 {
		warm = float64(r.Bytes) / r.WarmSeconds / 1e6
	}
	return cold, warm
}

// Evaluate runs rec on the text of each document as Document.Text writes
// it and scores the mentions against the gold phrases; then it runs rec on
// them again, for the warm throughput.
func Evaluate(docs []Document, rec Recognizer) *Report {
	rep := &Report{Score: NewScore(), Docs: len(docs)}
	defer func() {
		t0 := time.Now()
		for i := range docs {
			text, _ := docs[i].Text()
			rec.Recognize(text)
		}
		rep.WarmSeconds = time.Since(t0).Seconds()
	}()
	for i := range docs {
		d := &docs[i]
		text, starts := d.Text()
		t0 := time.Now()
		ms := rec.Recognize(text)
		rep.Seconds += time.Since(t0).Seconds()
		rep.Bytes += len(text)
		found, off := phrasesOf(d, starts, ms)
		rep.OffToken += off
		for k, s := range d.Sentences {
			rep.Sentences++
			rep.Tokens += len(s.Tokens)
			rep.Score.Add(s.Phrases, found[k])
			for _, e := range ErrorKinds(s.Phrases, found[k]) {
				rep.Errors = append(rep.Errors, describe(s, e))
			}
		}
	}
	return rep
}

// phrasesOf maps mentions (rune offsets into the document text) to token
// phrases of each sentence, counting those that fall off token boundaries.
func phrasesOf(d *Document, starts [][]int, ms []entity.Mention) ([][]Phrase, int) {
	type pos struct{ sent, tok int }
	begin := map[int]pos{} // rune offset of a token's start
	end := map[int]pos{}   // rune offset of a token's end
	for k, s := range d.Sentences {
		for j, tok := range s.Tokens {
			begin[starts[k][j]] = pos{k, j}
			end[starts[k][j]+len([]rune(tok))] = pos{k, j}
		}
	}
	found := make([][]Phrase, len(d.Sentences))
	off := 0
	for _, m := range ms {
		b, okb := begin[m.Start]
		e, oke := end[m.End]
		if !okb || !oke || b.sent != e.sent || e.tok < b.tok {
			off++
			b, e, okb = enclosing(starts, d, m)
			if !okb {
				continue
			}
		}
		found[b.sent] = append(found[b.sent], Phrase{Start: b.tok, End: e.tok + 1, Type: string(m.Type)})
	}
	return found, off
}

// enclosing returns the first and last tokens a mention touches, in the
// sentence it starts in.
func enclosing(starts [][]int, d *Document, m entity.Mention) (b, e struct{ sent, tok int }, ok bool) {
	for k, s := range d.Sentences {
		for j, tok := range s.Tokens {
			st, en := starts[k][j], starts[k][j]+len([]rune(tok))
			if en <= m.Start || st >= m.End {
				continue
			}
			if !ok {
				b, ok = struct{ sent, tok int }{k, j}, true
			}
			if b.sent == k {
				e = struct{ sent, tok int }{k, j}
			}
		}
	}
	return b, e, ok
}

// TrainingDocs converts documents to the recognizer's training data.
func TrainingDocs(docs []Document) []entity.TrainingDoc {
	out := make([]entity.TrainingDoc, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			ts := entity.TrainingSentence{Tokens: s.Tokens}
			for _, p := range s.Phrases {
				ts.Names = append(ts.Names, entity.TokenSpan{Start: p.Start, End: p.End, Type: entity.Type(p.Type)})
			}
			out[i] = append(out[i], ts)
		}
	}
	return out
}
