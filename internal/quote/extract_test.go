package quote_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/entity"
	"github.com/dateline-news/dateline/internal/quote"
)

// The test articles are invented for these tests: no news text.

// want is an expected quote: the text of each span (found by its first
// occurrence at or after the previous span of the same test, see locate).
type want struct {
	source, cue, content string // "" for no source
	speaker              string
	kind                 quote.Kind
	parts                int // number of content parts; 0 means 1
}

// locate returns the rune span of the n-th (from 0) occurrence of sub in
// text; sub may end in "#n" to pick it.
func locate(t *testing.T, text, sub string) quote.Span {
	t.Helper()
	if sub == "" {
		return quote.Span{}
	}
	n := 0
	if i := strings.LastIndex(sub, "#"); i > 0 {
		fmt.Sscan(sub[i+1:], &n)
		sub = sub[:i]
	}
	rs, ss := []rune(text), []rune(sub)
	for i := 0; i+len(ss) <= len(rs); i++ {
		if string(rs[i:i+len(ss)]) == sub {
			if n == 0 {
				return quote.Span{Start: i, End: i + len(ss)}
			}
			n--
		}
	}
	t.Fatalf("%q not in the test text", sub)
	return quote.Span{}
}

// mention builds an entity mention of the n-th occurrence of text.
func mention(t *testing.T, doc, text string, typ entity.Type, name string) entity.Mention {
	sp := locate(t, doc, text)
	if i := strings.LastIndex(text, "#"); i > 0 {
		text = text[:i]
	}
	return entity.Mention{Start: sp.Start, End: sp.End, Text: text, Type: typ, Name: name}
}

func extractor(t *testing.T) *quote.Extractor {
	t.Helper()
	x, err := quote.Default()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func checkQuotes(t *testing.T, name, text string, mentions []entity.Mention, wants []want) {
	t.Helper()
	got := extractor(t).Extract(text, mentions)
	for _, w := range wants {
		content := locate(t, text, w.content)
		var q *quote.Quote
		for i := range got {
			if got[i].Content == content {
				q = &got[i]
			}
		}
		if q == nil {
			t.Errorf("%s: no quote with content %q; got %s", name, w.content, describe(text, got))
			continue
		}
		if src := locate(t, text, w.source); q.Source != src {
			t.Errorf("%s: quote %q: source %q, want %q", name, w.content, quote.Text(text, q.Source), w.source)
		}
		if cue := locate(t, text, w.cue); q.Cue != cue {
			t.Errorf("%s: quote %q: cue %q, want %q", name, w.content, quote.Text(text, q.Cue), w.cue)
		}
		if q.Speaker != w.speaker {
			t.Errorf("%s: quote %q: speaker %q, want %q", name, w.content, q.Speaker, w.speaker)
		}
		if q.Kind != w.kind {
			t.Errorf("%s: quote %q: kind %v, want %v", name, w.content, q.Kind, w.kind)
		}
		if parts := max(w.parts, 1); len(q.Parts) != parts {
			t.Errorf("%s: quote %q: %d parts, want %d", name, w.content, len(q.Parts), parts)
		}
	}
}

func describe(text string, qs []quote.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "\n  [%s | %s | %s]", quote.Text(text, q.Source), quote.Text(text, q.Cue), quote.Text(text, q.Content))
	}
	return b.String()
}

func TestShapes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		wants      []want
	}{
		{"direct, speaker after", "“The harbour will reopen by spring,” Mayor Ada Vance told reporters on Tuesday.",
			[]want{{"Mayor Ada Vance", "told", "“The harbour will reopen by spring,”", "Mayor Ada Vance", quote.Direct, 0}}},
		{"direct, inverted", "“We have no money left for the bridge,” said Tomas Brandt, the city treasurer.",
			[]want{{"Tomas Brandt, the city treasurer", "said", "“We have no money left for the bridge,”", "Tomas Brandt", quote.Direct, 0}}},
		{"indirect", "Councillor Mira Oduya said the regional board should first review the costs.",
			[]want{{"Councillor Mira Oduya", "said", "the regional board should first review the costs", "Councillor Mira Oduya", quote.Indirect, 0}}},
		{"indirect with that", "The ministry said that the new rules would take effect in March.",
			[]want{{"The ministry", "said", "that the new rules would take effect in March", "The ministry", quote.Indirect, 0}}},
		{"mixed", "Vance said the plan was “a serious mistake” for the town.",
			[]want{{"Vance", "said", "the plan was “a serious mistake” for the town", "Vance", quote.Mixed, 0}}},
		{"split by its attribution", "“We will not close the school,” the principal said. “The children stay.”",
			[]want{{"the principal", "said", "“We will not close the school,” the principal said. “The children stay.”", "the principal", quote.Direct, 2}}},
		{"according to", "According to the county report, the river rose two metres overnight.",
			[]want{{"the county report", "According to", "the river rose two metres overnight", "the county report", quote.Indirect, 0}}},
		{"pull quote", "“Nobody asked us before the fences went up.” — Lena Marsh, farmer",
			[]want{{"Lena Marsh, farmer", "—", "“Nobody asked us before the fences went up.”", "Lena Marsh", quote.Direct, 0}}},
		{"anonymous source", "A senior official, who demanded anonymity, said the talks had collapsed.",
			[]want{{"A senior official, who demanded anonymity,", "said", "the talks had collapsed", "A senior official, who demanded anonymity,", quote.Indirect, 0}}},
	} {
		checkQuotes(t, tc.name, tc.text, nil, tc.wants)
	}
}

func TestQuotationMarks(t *testing.T) {
	for _, tc := range []struct{ name, open, close string }{
		{"curly", "“", "”"},
		{"straight", `"`, `"`},
		{"PTB", "``", "''"},
	} {
		content := tc.open + "The ferry will run again next week," + tc.close
		text := content + " harbour master Ivo Petrov said on Friday."
		checkQuotes(t, tc.name, text, nil, []want{{"harbour master Ivo Petrov", "said", content, "harbour master Ivo Petrov", quote.Direct, 0}})
	}
}

func TestParagraphs(t *testing.T) {
	// A quotation that runs on into the next paragraph leaves its first
	// paragraph unclosed and opens the next with a fresh mark.
	runOn := "“The first phase is done, and the second starts in April.\n\n“After that we will see,” Ada Vance said."
	checkQuotes(t, "run-on quotation", runOn, nil, []want{{"Ada Vance", "said",
		"“The first phase is done, and the second starts in April.\n\n“After that we will see,”", "Ada Vance", quote.Direct, 0}})
	// A paragraph in quotation marks with no cue of its own goes on with
	// the quote before it.
	continued := "“The first phase is done,” Ada Vance said.\n\n“The second starts in April, if the weather holds.”\n\nThe council meets on Monday."
	checkQuotes(t, "continuation paragraph", continued, nil, []want{{"Ada Vance", "said",
		"“The first phase is done,” Ada Vance said.\n\n“The second starts in April, if the weather holds.”", "Ada Vance", quote.Direct, 2}})
	// A cue that ends its paragraph with a colon introduces the next.
	colon := "The mayor said:\n\n“We will rebuild the pier before the summer.”"
	checkQuotes(t, "colon before a quoted paragraph", colon, nil, []want{{"The mayor", "said:", "“We will rebuild the pier before the summer.”", "The mayor", quote.Direct, 0}})
}

func TestSpeakers(t *testing.T) {
	pronoun := "Mayor Ada Vance opened the new library on Monday. The building cost four million. “It belongs to everyone,” she said."
	checkQuotes(t, "pronoun two sentences after the name", pronoun,
		[]entity.Mention{mention(t, pronoun, "Ada Vance", entity.Person, "Ada Vance")},
		[]want{{"she", "said", "“It belongs to everyone,”", "Ada Vance", quote.Direct, 0}})

	earlier := "“We need more buses,” Councillor Mira Oduya said. The line was cut in May. “Nobody told us,” she added."
	checkQuotes(t, "pronoun after an earlier quote", earlier,
		[]entity.Mention{mention(t, earlier, "Mira Oduya", entity.Person, "Mira Oduya")},
		[]want{{"she", "added", "“Nobody told us,”", "Mira Oduya", quote.Direct, 0}})

	title := "Foreign Minister Karin Holm arrived in Oslo on Monday. The minister said the talks would resume in June."
	checkQuotes(t, "title resolved to the named holder", title,
		[]entity.Mention{mention(t, title, "Karin Holm", entity.Person, "Karin Holm"), mention(t, title, "Oslo", entity.Location, "Oslo")},
		[]want{{"The minister", "said", "the talks would resume in June", "Karin Holm", quote.Indirect, 0}})

	alias := "Prime Minister Jonas Berg said the budget was balanced."
	checkQuotes(t, "canonical name of a mention", alias,
		[]entity.Mention{mention(t, alias, "Jonas Berg", entity.Person, "Jonas Ivar Berg")},
		[]want{{"Prime Minister Jonas Berg", "said", "the budget was balanced", "Jonas Ivar Berg", quote.Indirect, 0}})

	possessor := "Berg’s office said the minister was ill."
	checkQuotes(t, "a possessor is not the speaker", possessor,
		[]entity.Mention{mention(t, possessor, "Berg", entity.Person, "Jonas Berg")},
		[]want{{"Berg’s office", "said", "the minister was ill", "Berg’s office", quote.Indirect, 0}})
}

func TestSpeakerMatches(t *testing.T) {
	for _, tc := range []struct {
		name, speaker string
		want          bool
	}{
		{"Putin", "Vladimir Putin", true},
		{"vladimir putin", "Russian President Vladimir Putin", true},
		{"Putin", "Putin’s spokesman", false},
		{"Hillary Clinton", "Bill Clinton", false},
		{"Clinton", "Bill Clinton", true},
		{"", "Anyone", false},
		{"Mira Oduya", "Councillor Mira Oduya", true},
	} {
		if got := quote.SpeakerMatches(tc.name, tc.speaker); got != tc.want {
			t.Errorf("SpeakerMatches(%q, %q) = %v, want %v", tc.name, tc.speaker, got, tc.want)
		}
	}
}

func TestLines(t *testing.T) {
	transcript := "Partial transcript:\n\nHOST: Will the ferry run again this winter, and who pays for it?\n\nOKAFOR: The county pays, and the ferry runs from December.\n\nHOST: Thank you for your time tonight."
	checkQuotes(t, "transcript turns", transcript, nil, []want{
		{"HOST", ":#1", "Will the ferry run again this winter, and who pays for it?", "HOST", quote.Indirect, 0},
		{"OKAFOR", ":#2", "The county pays, and the ferry runs from December.", "OKAFOR", quote.Indirect, 0},
	})
	// A kicker opens a headline with a colon once: no turn, no source.
	kicker := "Breaking: Council Votes Down The Harbour Plan\n\nThe vote was close."
	for _, q := range extractor(t).Extract(kicker, nil) {
		if quote.Text(kicker, q.Cue) == ":" {
			t.Errorf("kicker read as a turn: %s", describe(kicker, []quote.Quote{q}))
		}
	}
	// Pull quotes in a list, the second opened by a closing mark.
	pulls := "“The bridge is our lifeline and they closed it.” ― Nadia Keller\n”Nobody came to ask the fishermen first.” ― Omar Reyes"
	checkQuotes(t, "pull-quote lines", pulls, nil, []want{
		{"Nadia Keller", "―", "“The bridge is our lifeline and they closed it.”", "Nadia Keller", quote.Direct, 0},
		{"Omar Reyes", "―#1", "”Nobody came to ask the fishermen first.”", "Omar Reyes", quote.Direct, 0},
	})
}

func TestAccordingTo(t *testing.T) {
	after := "The ferry carried nine hundred passengers in May, according to the harbour office."
	checkQuotes(t, "according to after the content", after, nil, []want{
		{"the harbour office", "according to", "The ferry carried nine hundred passengers in May", "the harbour office", quote.Indirect, 0},
	})
	before := "According to the harbour office, the ferry carried nine hundred passengers in May."
	checkQuotes(t, "according to before the content", before, nil, []want{
		{"the harbour office", "According to", "the ferry carried nine hundred passengers in May", "the harbour office", quote.Indirect, 0},
	})
}

// TestPronounSources checks the speakers of sources that are pronouns the
// labellers leave to resolution: a relative "who" is the name before it;
// "I" and "we" inside another quote's content (here a transcript's turn)
// are that quote's speaker.
func TestPronounSources(t *testing.T) {
	for _, tc := range []struct {
		name, text, source, want string
		mentions                 []string // person names mentioned, each its own canonical name
	}{
		{"relative pronoun", "The harbour engineer Tomas Brandt, who said the pilings were rotten, resigned on Friday.",
			"who", "Tomas Brandt", []string{"Tomas Brandt"}},
		{"first person inside a turn", "Partial transcript:\n\nHOST: Is the pier safe?\n\nOKAFOR: The county has the money, and it has had it for years. I think the council should pay for a new pier before the winter storms come back to the harbour.\n\nHOST: Thank you.",
			"I", "OKAFOR", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ms []entity.Mention
			for _, n := range tc.mentions {
				ms = append(ms, mention(t, tc.text, n, entity.Person, n))
			}
			found := false
			for _, q := range extractor(t).Extract(tc.text, ms) {
				if quote.Text(tc.text, q.Source) != tc.source {
					continue
				}
				found = true
				if q.Speaker != tc.want {
					t.Errorf("source %q: speaker %q, want %q", tc.source, q.Speaker, tc.want)
				}
			}
			if !found {
				t.Errorf("no quote with source %q: %s", tc.source, describe(tc.text, extractor(t).Extract(tc.text, ms)))
			}
		})
	}
}
