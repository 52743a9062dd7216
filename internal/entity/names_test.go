package entity

import (
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
		{"different types stay apart",
			"[LOC Jordan] and [PER Mia Jordan] met.",
			[]string{"Jordan", "Mia Jordan"}},
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
		{"Vladimir Putin", Person, 50},
		{"Putin", Person, 30},
		{"Russian President Vladimir Putin", Person, 5},
		{"President Putin", Person, 4},
		{"Vladimir V. Putin", Person, 3},
		{"George Bush", Person, 40},
		{"Jeb Bush", Person, 30},
		{"Bush", Person, 12},
		{"United Nations", Organization, 20},
		{"UN", Organization, 15},
		{"U.N.", Organization, 6},
		{"Putin", Organization, 1},
		{"Exxon Mobil Corp", Organization, 8},
		{"Exxon", Organization, 9},
	})
	want := map[string]struct {
		typ     Type
		count   int
		aliases int
	}{
		"Vladimir Putin":   {Person, 93, 5},
		"George Bush":      {Person, 40, 1},
		"Jeb Bush":         {Person, 30, 1},
		"Bush":             {Person, 12, 1},
		"United Nations":   {Organization, 41, 3},
		"Exxon Mobil Corp": {Organization, 17, 2},
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
	if got[0].Name != "Vladimir Putin" || got[0].Aliases[2].Name != "Russian President Vladimir Putin" {
		t.Errorf("most mentioned: %s %v", got[0].Name, got[0].Aliases)
	}
}
