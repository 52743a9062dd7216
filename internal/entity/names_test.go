package entity

import (
	"fmt"
	"strings"
	"testing"
)

// mentionsOf builds mentions from marked text: "[PER Rex Tillerson] met ..."
// gives the text without marks and the mentions with their offsets.
func mentionsOf(t *testing.T, marked string) (string, []Mention) {
	t.Helper()
	var b strings.Builder
	var ms []Mention
	runes := 0
	for marked != "" {
		i := strings.IndexByte(marked, '[')
		if i < 0 {
			b.WriteString(marked)
			break
		}
		b.WriteString(marked[:i])
		runes += len([]rune(marked[:i]))
		j := strings.IndexByte(marked[i:], ']')
		typ, txt, _ := strings.Cut(marked[i+1:i+j], " ")
		ms = append(ms, Mention{Start: runes, End: runes + len([]rune(txt)), Text: txt, Type: Type(typ)})
		b.WriteString(txt)
		runes += len([]rune(txt))
		marked = marked[i+j+1:]
	}
	return b.String(), ms
}

func TestCanonicalNames(t *testing.T) {
	for _, tc := range []struct {
		name, marked string
		want         []string // canonical name of each mention
	}{
		{"surname after full name",
			"[PER Ada Brennan] arrived. Later [PER Brennan] spoke, and Mrs. [PER Brennan] left.",
			[]string{"Ada Brennan", "Ada Brennan", "Ada Brennan"}},
		{"surname before full name",
			"[PER Okafor] wins. Coach [PER Emeka Okafor] said so.",
			[]string{"Emeka Okafor", "Emeka Okafor"}},
		{"nearest of two full names",
			"[PER Jan Novak] and [PER Petra Novak] met. [PER Novak] said yes.",
			[]string{"Jan Novak", "Petra Novak", "Petra Novak"}},
		{"title inside the mention",
			"[PER President Lina Vos] spoke; [PER Vos] left.",
			[]string{"Lina Vos", "Lina Vos"}},
		{"acronym",
			"The [ORG Northern Fisheries Council] ( [ORG NFC] ) met. The [ORG NFC] voted.",
			[]string{"Northern Fisheries Council", "Northern Fisheries Council", "Northern Fisheries Council"}},
		{"short company name",
			"[ORG Kestrel Motors Inc] rose. [ORG Kestrel] said.",
			[]string{"Kestrel Motors Inc", "Kestrel Motors Inc"}},
		{"hyphenated surname",
			"[PER Omar al-Rashid] spoke. [PER Rashid] left.",
			[]string{"Omar al-Rashid", "Omar al-Rashid"}},
		{"possessive",
			"[PER Tom Arlo] won. [PER Arlo's] team cheered.",
			[]string{"Tom Arlo", "Tom Arlo"}},
		{"a name holding the acronym is not what it stands for",
			"The [ORG KS Senate] voted; [ORG KS] officials left.",
			[]string{"KS Senate", "KS"}},
		{"a committee is not its chamber",
			"The [ORG Harbour Council Finance Committee] met. The [ORG Harbour Council] voted.",
			[]string{"Harbour Council Finance Committee", "Harbour Council"}},
		{"acronym and its legal form",
			"[ORG KMC Plc] rose. [ORG KMC] said.",
			[]string{"KMC Plc", "KMC Plc"}},
	} {
		text, ms := mentionsOf(t, tc.marked)
		got := NewNames(text, ms).Mentions()
		for i, m := range got {
			if m.Name != tc.want[i] {
				t.Errorf("%s: mention %q named %q, want %q", tc.name, m.Text, m.Name, tc.want[i])
			}
		}
	}
}

// TestSurnameTypes: a lone word that is the surname of a person named
// earlier in the article is that person, whatever type the recognizer gave
// it, and a company's first word taken for a person is the company; before
// the fuller name, it keeps its type.
func TestSurnameTypes(t *testing.T) {
	for _, tc := range []struct {
		name, marked string
		want         []string // "TYPE canonical name" of each mention
	}{
		{"a surname taken for an organization",
			"[PER Ada Brennan] spoke. Forces loyal to [ORG Brennan] left, and [ORG BRENNAN] fled.",
			[]string{"PER Ada Brennan", "PER Ada Brennan", "PER Ada Brennan"}},
		{"a surname taken for a place",
			"[PER Mia Jordan] won. [LOC Jordan] said so.",
			[]string{"PER Mia Jordan", "PER Mia Jordan"}},
		{"a place named before the person",
			"[LOC Jordan] and [PER Mia Jordan] met.",
			[]string{"LOC Jordan", "PER Mia Jordan"}},
		{"a dateline before the person",
			"[LOC WASHINGTON] - [PER Dena Washington] spoke.",
			[]string{"LOC WASHINGTON", "PER Dena Washington"}},
		{"a longer name holding the surname",
			"[PER Ada Brennan] spoke. [ORG Brennan Holdings] rose.",
			[]string{"PER Ada Brennan", "ORG Brennan Holdings"}},
		{"a word that is not the surname",
			"[PER Ada Brennan] spoke. [ORG Ada] rose.",
			[]string{"PER Ada Brennan", "ORG Ada"}},
		{"a company's first word taken for a person",
			"[ORG Kestrel Bancorp Inc.] rose. Shares of [PER Kestrel] fell.",
			[]string{"ORG Kestrel Bancorp Inc.", "ORG Kestrel Bancorp Inc."}},
		{"a person named before the company",
			"[PER Kestrel] spoke. [ORG Kestrel Bancorp Inc.] rose.",
			[]string{"PER Kestrel", "ORG Kestrel Bancorp Inc."}},
		{"a body's part is not the body",
			"The [ORG Harbour Finance Committee] met. [PER Harbour] spoke.",
			[]string{"ORG Harbour Finance Committee", "PER Harbour"}},
	} {
		text, ms := mentionsOf(t, tc.marked)
		for i, m := range NewNames(text, ms).Mentions() {
			if got := string(m.Type) + " " + m.Name; got != tc.want[i] {
				t.Errorf("%s: mention %q is %q, want %q", tc.name, m.Text, got, tc.want[i])
			}
		}
	}
}

func TestResolveTitles(t *testing.T) {
	for _, tc := range []struct {
		name, marked, phrase, want string
	}{
		{"capitalized title before the name",
			"Foreign Secretary [PER Ines Morlan] flew in. Later the foreign secretary said no.",
			"the foreign secretary", "Ines Morlan"},
		{"title with a place",
			"[LOC Vandria] 's Secretary of State [PER Karl Ebner] met [PER Ana Ruiz]. The secretary of state left.",
			"The secretary of state", "Karl Ebner"},
		{"apposition",
			"[PER Ana Ruiz] , the mayor of [LOC Port Elin] , spoke. The mayor smiled.",
			"The mayor", "Ana Ruiz"},
		{"title before a comma",
			"The team's head coach, [PER Oskar Lind] , resigned. The coach was tired.",
			"The coach", "Oskar Lind"},
		{"nearest earlier title holder",
			"President [PER Lea Moro] met President [PER Ivo Tan] . Then the president spoke.",
			"the president", "Ivo Tan"},
		{"surname",
			"[PER Nora Feld] spoke. Feld left.",
			"Feld", "Nora Feld"},
		{"unknown title",
			"[PER Nora Feld] spoke. The plumber left.",
			"The plumber", ""},
	} {
		text, ms := mentionsOf(t, tc.marked)
		n := NewNames(text, ms)
		i := strings.LastIndex(text, tc.phrase)
		start := len([]rune(text[:i]))
		got, typ, ok := n.Resolve(start, start+len([]rune(tc.phrase)))
		if got != tc.want || ok != (tc.want != "") || (ok && typ != Person) {
			t.Errorf("%s: Resolve(%q) = %q %q %v, want %q", tc.name, tc.phrase, got, typ, ok, tc.want)
		}
	}
}

func TestGroup(t *testing.T) {
	got := Group([]Record{
		{"Vladimir Putin", Person, 50, 0},
		{"Putin", Person, 30, 0},
		{"Russian President Vladimir Putin", Person, 5, 0},
		{"President Putin", Person, 4, 0},
		{"Vladimir V. Putin", Person, 3, 0},
		{"George Bush", Person, 40, 0},
		{"Jeb Bush", Person, 30, 0},
		{"Bush", Person, 12, 0},
		{"United Nations", Organization, 20, 0},
		{"UN", Organization, 15, 0},
		{"U.N.", Organization, 6, 0},
		{"Putin", Organization, 1, 0},
		{"Exxon Mobil Corp", Organization, 8, 0},
		{"Exxon", Organization, 9, 0},
		// Initials across articles: the expansion joins only with enough
		// mentions beside the acronym's; a name holding the acronym as a
		// word is another entity; a legal form is the same company.
		{"KS", Organization, 2000, 0},
		{"KS Plc", Organization, 300, 0},
		{"Kestrel Shipping", Organization, 150, 0},
		{"Kind Souls", Organization, 15, 0},
		{"KS Senate", Organization, 90, 0},
		// A body's fuller names must agree: sharing "Assembly", neither of
		// the two below is part of the other.
		{"Assembly", Organization, 500, 0},
		{"Assembly of Delegates", Organization, 200, 0},
		{"Assembly of Elders", Organization, 100, 0},
		{"NAFO", Organization, 500, 0},
		{"North Atlantic Fisheries Organization", Organization, 6, 0},
	})
	want := map[string]struct {
		typ     Type
		count   int
		aliases int
	}{
		"Vladimir Putin":        {Person, 93, 5},
		"George Bush":           {Person, 40, 1},
		"Jeb Bush":              {Person, 30, 1},
		"Bush":                  {Person, 12, 1},
		"United Nations":        {Organization, 41, 3},
		"Exxon Mobil Corp":      {Organization, 17, 2},
		"KS":                    {Organization, 2450, 3},
		"Kind Souls":            {Organization, 15, 1},
		"KS Senate":             {Organization, 90, 1},
		"NAFO":                  {Organization, 506, 2},
		"Assembly of Delegates": {Organization, 700, 2},
		"Assembly of Elders":    {Organization, 100, 1},
	}
	if len(got) != len(want) {
		t.Errorf("%d entities, want %d: %+v", len(got), len(want), got)
	}
	for _, e := range got {
		w, ok := want[e.Name]
		if !ok || e.Type != w.typ || e.Count != w.count || len(e.Aliases) != w.aliases {
			t.Errorf("%s %s: %d mentions, %d aliases %v; want %+v", e.Name, e.Type, e.Count, len(e.Aliases), e.Aliases, w)
		}
	}
	if got[0].Name != "KS" || got[1].Name != "Assembly of Delegates" || got[2].Name != "NAFO" {
		t.Errorf("most mentioned: %s, then %s, %s", got[0].Name, got[1].Name, got[2].Name)
	}
	for _, e := range got {
		if e.Name == "Vladimir Putin" && e.Aliases[2].Name != "Russian President Vladimir Putin" {
			t.Errorf("Vladimir Putin's aliases %v", e.Aliases)
		}
	}
}

// TestGroupPeople checks how people's names gather across articles: a
// shorter name keeps the surname, a fuller name must agree with every
// fuller name of its person, and an entity is named by the name that the
// most articles give.
// TestGroupAcrossTypes: an acronym the store types as an organization for
// some mentions and as a place for others joins the place it stands for
// when a third of its mentions or more are of the place's type; a person's
// name never joins across types.
func TestGroupAcrossTypes(t *testing.T) {
	got := Group([]Record{
		{"United Provinces", Location, 100, 0},
		{"UP", Organization, 60, 0},
		{"U.P.", Location, 45, 0},
		{"Andhra Region", Location, 50, 0},
		{"AR", Organization, 100, 0},
		{"A.R.", Location, 5, 0},
		{"Jordan", Location, 60, 0},
		{"Jordan", Person, 40, 0},
		{"Mia Jordan", Person, 100, 0},
	})
	want := map[string]string{
		"United Provinces": "LOC 205",
		"AR":               "ORG 105",
		"Andhra Region":    "LOC 50",
		"Jordan":           "LOC 100",
		"Mia Jordan":       "PER 100",
	}
	if len(got) != len(want) {
		t.Errorf("%d entities, want %d: %+v", len(got), len(want), got)
	}
	for _, e := range got {
		if g := fmt.Sprintf("%s %d", e.Type, e.Count); g != want[e.Name] {
			t.Errorf("%s: %s, want %q (aliases %v)", e.Name, g, want[e.Name], e.Aliases)
		}
	}
}

func TestGroupPeople(t *testing.T) {
	got := Group([]Record{
		{Name: "Ida Morrow III", Type: Person, Count: 1146, Articles: 1}, // one page that says it a thousand times
		{Name: "Ida Morrow", Type: Person, Count: 926, Articles: 70},
		{Name: "Morrow", Type: Person, Count: 26, Articles: 16},
		{Name: "Ida", Type: Person, Count: 19, Articles: 15},
		{Name: "Tomas Vance", Type: Person, Count: 600, Articles: 80},
		{Name: "Tomas R. Vance", Type: Person, Count: 440, Articles: 100},
		{Name: "Vance", Type: Person, Count: 400, Articles: 160},
		{Name: "Tomas K.L. Vance", Type: Person, Count: 86, Articles: 13},
		{Name: "Lena Vance", Type: Person, Count: 18, Articles: 1},
	})
	want := []struct {
		name    string
		count   int
		aliases int
	}{
		{"Ida Morrow", 2098, 3},
		{"Tomas R. Vance", 1440, 3},
		{"Tomas K.L. Vance", 86, 1},
		{"Ida", 19, 1},
		{"Lena Vance", 18, 1},
	}
	if len(got) != len(want) {
		t.Fatalf("%d entities, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if e := got[i]; e.Name != w.name || e.Count != w.count || len(e.Aliases) != w.aliases {
			t.Errorf("entity %d: %s, %d mentions, aliases %v; want %+v", i, e.Name, e.Count, e.Aliases, w)
		}
	}
}
