package annotate

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/article"
	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// nameRecognizer finds fixed names (rune offsets), standing in for the
// learned recognizer so that these tests check annotate's own work:
// placing mentions in their sentences and handing them to the quoter.
type nameRecognizer map[string]string // mention text → canonical name

func (r nameRecognizer) Recognize(s string) []entity.Mention {
	var out []entity.Mention
	runes := []rune(s)
	for i := range runes {
		for form, name := range r {
			f := []rune(form)
			if i+len(f) <= len(runes) && string(runes[i:i+len(f)]) == form {
				out = append(out, entity.Mention{Start: i, End: i + len(f), Text: form, Type: entity.Person, Name: name})
			}
		}
	}
	return out
}

// echoQuoter makes one quote per mention it is given, the mention being the
// source and its canonical name the speaker, so a test sees what reached it.
type echoQuoter struct{}

func (echoQuoter) Extract(_ string, ms []entity.Mention) []quote.Quote {
	var out []quote.Quote
	for _, m := range ms {
		sp := quote.Span{Start: m.Start, End: m.End}
		out = append(out, quote.Quote{Source: sp, Content: sp, Parts: []quote.Span{sp}, Speaker: m.Name})
	}
	return out
}

func TestEntitiesAndQuotes(t *testing.T) {
	a := article.Article{ID: "a", Published: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC),
		Text: "Zoë Brandt opened the café. Brandt said it was calm.\n\nNobody else spoke."}
	rec := nameRecognizer{"Zoë Brandt": "Zoë Brandt", "Brandt said": "Zoë Brandt"}
	tests := []struct {
		name      string
		an        *Annotator
		perSent   []int    // mentions per sentence
		speakers  []string // speakers of the quotes
		timexesOK bool
	}{
		{"timex only", New(wordTagger{"calm", "2031"}), []int{0, 0, 0}, nil, true},
		{"entities", New(wordTagger{"calm", "2031"}).WithEntities(rec, nil), []int{1, 1, 0}, nil, true},
		{"entities and quotes", New(wordTagger{"calm", "2031"}).WithEntities(rec, echoQuoter{}), []int{1, 1, 0}, []string{"Zoë Brandt", "Zoë Brandt"}, true},
		{"quotes without a recognizer", New(nil).WithEntities(nil, echoQuoter{}), []int{0, 0, 0}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.an.Annotate(a)
			if len(doc.Sentences) != 3 {
				t.Fatalf("%d sentences, want 3", len(doc.Sentences))
			}
			runes := []rune(a.Text)
			for i, s := range doc.Sentences {
				if len(s.Entities) != tc.perSent[i] {
					t.Errorf("sentence %d: %d mentions, want %d", i, len(s.Entities), tc.perSent[i])
				}
				for _, m := range s.Entities {
					if m.Start < s.Start || m.Start >= s.End || string(runes[m.Start:m.End]) != m.Text {
						t.Errorf("sentence %d [%d,%d): mention %+v misplaced", i, s.Start, s.End, m)
					}
				}
			}
			var speakers []string
			for _, q := range doc.Quotes {
				speakers = append(speakers, q.Speaker)
			}
			if !slices.Equal(speakers, tc.speakers) {
				t.Errorf("speakers %q, want %q", speakers, tc.speakers)
			}
			if got := len(doc.Sentences[1].Timexes) == 1; got != tc.timexesOK {
				t.Errorf("timex in sentence 1: %v, want %v", got, tc.timexesOK)
			}
		})
	}
}

// TestWithEntitiesCopies checks that WithEntities leaves the annotator it
// was called on as it was: the benchmarks' annotator must stay timex-only.
func TestWithEntitiesCopies(t *testing.T) {
	base := New(nil)
	_ = base.WithEntities(nameRecognizer{"Zoë": "Zoë"}, echoQuoter{})
	doc := base.Annotate(article.Article{Text: "Zoë spoke. " + strings.Repeat("x", 3)})
	if len(doc.Quotes) != 0 || len(doc.Sentences[0].Entities) != 0 {
		t.Errorf("base annotator found entities or quotes: %+v", doc)
	}
}

// plainRecognizer and plainQuoter hide what entity.Recognizer and
// quote.Extractor offer beyond Recognizer and Quoter, so that annotate
// splits the text for each stage and the extractor works out the names.
type (
	plainRecognizer struct{ r Recognizer }
	plainQuoter     struct{ q Quoter }
)

func (p plainRecognizer) Recognize(s string) []entity.Mention { return p.r.Recognize(s) }
func (p plainQuoter) Extract(s string, ms []entity.Mention) []quote.Quote {
	return p.q.Extract(s, ms)
}

// TestSplitOnceAndConcurrently checks that the shipped recognizer and
// extractor annotate alike whether the text is split once for both (their
// token and names hand-off) or once for each, and whether one worker or
// several share them (their caches and pools).
func TestSplitOnceAndConcurrently(t *testing.T) {
	m, err := entity.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	x, err := quote.Default()
	if err != nil {
		t.Fatal(err)
	}
	rec := entity.NewRecognizer(m)
	texts := []string{
		"Mayor Ada Vance of Port Elm said on Monday that the bridge would reopen. “We are ready,” she told reporters.",
		"The city treasurer, Tomas Brandt, warned that costs had doubled. The treasurer said the council “must act now.”",
		"According to the Harbor Authority, ferries will run again in May.\n\n“Not before,” Lena Marsh said.",
		"ZED QUINN: We won. “It was close,” Quinn added, “closer than anyone thought.”",
	}
	var arts []article.Article
	for i := range 40 {
		arts = append(arts, article.Article{ID: string(rune('a' + i%26)), Published: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC),
			Text: texts[i%len(texts)] + strings.Repeat(" The mayor said so.", i%3)})
	}
	annotateAll := func(an *Annotator, workers int) []Doc {
		var out []Doc
		for d, err := range an.Stream(func(yield func(article.Article, error) bool) {
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
		}, workers) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, d)
		}
		return out
	}
	want := annotateAll(New(nil).WithEntities(plainRecognizer{rec}, plainQuoter{x}), 1)
	quotes := 0
	for _, d := range want {
		quotes += len(d.Quotes)
	}
	if quotes < len(arts) {
		t.Fatalf("only %d quotes in %d articles: the fixture does not exercise the extractor", quotes, len(arts))
	}
	for _, workers := range []int{1, 3} {
		got := annotateAll(New(nil).WithEntities(rec, x), workers)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("workers=%d: split once, the documents differ from those split for each stage", workers)
		}
	}
}
