package timex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/text"
)

// facetTable is one table of words.go as lists of words by facet value.
type facetTable struct {
	name  string
	lists map[string][]string
}

// lexiconTables returns every table of words.go that enters words in the
// lexicon.
func lexiconTables() []facetTable {
	var tables []facetTable
	add := func(name string, lists map[string][]string) {
		tables = append(tables, facetTable{name, lists})
	}
	months, weekdays := map[string][]string{}, map[string][]string{}
	for m, sp := range monthNames {
		if sp.name != "" {
			months[fmt.Sprint(m)] = append([]string{sp.name}, sp.abbrevs...)
		}
	}
	for d, sp := range weekdayNames {
		if sp.name != "" {
			weekdays[fmt.Sprint(d)] = append([]string{sp.name, sp.name + "s"}, sp.abbrevs...)
		}
	}
	add("monthNames", months)
	add("weekdayNames", weekdays)
	add("cardinalNames", byValue(cardinalNames[:]))
	add("tensNames", keyed(tensNames))
	add("decadeNames", oneEach(decadeNames))
	add("ordinalNames", oneEach(ordinalNames))
	units := map[string][]string{}
	for u, forms := range unitNames {
		for _, f := range forms {
			units[fmt.Sprint(u)] = append(units[fmt.Sprint(u)], f.word)
		}
	}
	add("unitNames", units)
	add("seasonNames", byValue(seasonNames[:]))
	pods := map[string][]string{}
	for pod, p := range partsOfDay {
		if len(p.words) > 0 {
			pods[fmt.Sprint(pod)] = p.words
		}
	}
	add("partsOfDay", pods)
	add("frequencyNames", keyed(frequencyNames))
	add("keywords", keyed(keywords))
	add("tenseCues", keyed(tenseCues))
	add("cueWords", keyed(cueWords))
	add("modals", keyed(modals))
	add("auxiliaries", keyed(auxiliaries))
	refs := map[string][]string{}
	for w, v := range referenceWords {
		refs[v] = append(refs[v], w)
	}
	add("referenceWords", refs)
	for name, ws := range map[string][]string{"toFutureWords": toFutureWords, "scheduledFor": scheduledFor,
		"lastingVerbs": lastingVerbs, "verbGroupWords": verbGroupWords, "determiners": determiners,
		"degreeAdverbs": degreeAdverbs, "amountWords": amountWords, "percentWords": percentWords,
		"samenessWords": samenessWords} {
		add(name, map[string][]string{"": ws})
	}
	return tables
}

func keyed[K comparable](m map[K][]string) map[string][]string {
	out := map[string][]string{}
	for k, ws := range m {
		out[fmt.Sprint(k)] = ws
	}
	return out
}

func oneEach[K comparable](m map[K]string) map[string][]string {
	out := map[string][]string{}
	for k, w := range m {
		out[fmt.Sprint(k)] = []string{w}
	}
	return out
}

func byValue[T string | []string](vs []T) map[string][]string {
	out := map[string][]string{}
	for k, v := range vs {
		switch v := any(v).(type) {
		case string:
			if v != "" {
				out[fmt.Sprint(k)] = []string{v}
			}
		case []string:
			if len(v) > 0 {
				out[fmt.Sprint(k)] = v
			}
		}
	}
	return out
}

// TestLexiconTables: no table lists a word twice, no word carries two
// values of one facet (two tenses, two keywords, two months...), and every
// word is one the tokenizer can produce, as one word token that finds its
// entry (a hyphen or an inner apostrophe would split it: "so-called" and
// "n't" could never match).
func TestLexiconTables(t *testing.T) {
	for _, tb := range lexiconTables() {
		seen := map[string]string{}
		for value, ws := range tb.lists {
			for _, w := range ws {
				if prev, ok := seen[w]; ok {
					if prev == value {
						t.Errorf("%s: %q listed twice under %s", tb.name, w, value)
					} else {
						t.Errorf("%s: %q is both %s and %s", tb.name, w, prev, value)
					}
				}
				seen[w] = value
				checkTokenizes(t, tb.name, w)
			}
		}
	}
	for w := range notPast {
		if toks := tokenize(w, nil); len(toks) != 1 || !strings.HasSuffix(w, "ed") {
			t.Errorf("notPast: %q is not one word ending in -ed", w)
		}
	}
	for name, m := range map[string]map[string]bool{"newspaperWords": newspaperWords, "placeAfterHoliday": placeAfterHoliday, "namedDay": namedDay} {
		for w := range m {
			if toks := tokenize(w, nil); len(toks) != 1 || toks[0].kind != tWord {
				t.Errorf("%s: %q is not one word", name, w)
			}
		}
	}
}

// checkTokenizes fails unless w is one word token whose lexeme is w's.
func checkTokenizes(t *testing.T, table, w string) {
	t.Helper()
	toks := tokenize(w, nil)
	if len(toks) != 1 || toks[0].kind != tWord || toks[0].lexeme != lexicon[w] || lexicon[w] == nil {
		t.Errorf("%s: %q can never match: it tokenizes to %d tokens", table, w, len(toks))
	}
}

// Every holiday name is a sequence of tokens the holiday matcher can read.
func TestHolidayNamesTokenize(t *testing.T) {
	for name := range holidays {
		toks := tokenize(name, nil)
		var key strings.Builder
		for k, tk := range toks {
			if tk.kind == tPunct && tk.ch == '.' && k > 0 && toks[k-1].byteEnd == tk.byteStart {
				key.WriteByte('.')
				continue
			}
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(name[tk.byteStart:tk.byteEnd])
		}
		if key.String() != name {
			t.Errorf("holiday %q reads as %q", name, key.String())
		}
		if l := lexicon[name[toks[0].byteStart:toks[0].byteEnd]]; l == nil || int(l.holiday) < len(strings.Fields(name)) {
			t.Errorf("holiday %q: its first word does not open it", name)
		}
	}
}

// The sentence splitter knows every abbreviation the tagger reads, so that
// "Mar. 3" and "Tue. Sept. 15" stay in one sentence.
func TestSplitterKnowsAbbreviations(t *testing.T) {
	for w, l := range lexicon {
		if l.abbrev && !text.IsAbbreviation(strings.ToUpper(w[:1])+w[1:]) {
			t.Errorf("text.IsAbbreviation(%q) is false", w)
		}
	}
}
