package dedup

import (
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/text"
)

// story is an invented wire story of eight sentences.
var story = []string{
	"The city council voted on Tuesday to close the old harbour bridge to cars from next month.",
	"Engineers found cracks in two of the bridge's supports during an inspection in the spring.",
	"Buses and bicycles will still be allowed to cross while the repairs are planned.",
	"The mayor said the decision was difficult but that safety had to come first.",
	"Shop owners on the eastern shore fear that fewer customers will reach them.",
	"A temporary ferry service will run every twenty minutes during the day.",
	"The repairs are expected to cost about twelve million euros and to take two years.",
	"The council will hold a public meeting about the detour routes next week.",
}

var other = "Farmers in the northern valley began the grape harvest two weeks early this year after a hot and dry summer. " +
	"Growers said the fruit was healthy but that yields would be lower than usual. " +
	"The regional wine association expects a strong vintage despite the smaller crop."

func join(ss ...string) string { return strings.Join(ss, " ") }

func day(n int) time.Time { return time.Date(2024, 3, 1+n, 9, 0, 0, 0, time.UTC) }

func TestIndexJoinsOneStory(t *testing.T) {
	base := join(story...)
	edited := strings.Replace(strings.Replace(base, "Tuesday", "Tuesday evening", 1), "about twelve", "roughly 12", 1)
	updated := join(append([]string{"The council's vote came after a four-hour debate in which residents filled the public gallery."}, story...)...) +
		" Opposition councillors said they would ask for an independent second inspection. The ferry operator said it could add boats if demand grew."
	rewrittenTop := join(append([]string{
		"CITY (AP) — Cars will be banned from the old harbour bridge from April after councillors voted on Tuesday night.",
		"The vote followed a report on cracked supports."}, story[2:6]...)...)
	apCopy := "CITY (AP) — " + join(story[:6]...)
	reuters := "CITY (Reuters) - " + join(story[:6]...)
	tests := []struct {
		name string
		a, b string
		days int
		same bool
	}{
		{"identical copy", base, base, 0, true},
		{"lightly edited copy", base, edited, 0, true},
		{"updated version, next day", base, updated, 1, true},
		{"same agency, top rewritten", apCopy, rewrittenTop, 0, true},
		{"two agencies", apCopy, reuters, 0, false},
		{"different story", base, other, 0, false},
		{"copy a week later", base, base, 7, false},
		{"too short to compare", "Bridge closed.", "Bridge closed.", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			sa, sb := Sign(tt.a), Sign(tt.b)
			i := ix.Add(day(0), sa)
			j := ix.Add(day(tt.days), sb)
			t.Logf("similarity %.2f", Similarity(sa, sb))
			if got := ix.Cluster(i) == ix.Cluster(j); got != tt.same {
				t.Errorf("one story = %v, want %v (similarity %.2f, wires %q %q)", got, tt.same, Similarity(sa, sb), sa.Wire, sb.Wire)
			}
		})
	}
}

func TestIndexOrderFree(t *testing.T) {
	texts := []string{join(story...), other, join(story[1:]...), "CITY (AP) — " + join(story[:5]...), join(story[:7]...) + " " + other}
	var want [][]int
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		ix := NewIndex(Options{})
		pos := make([]int, len(texts))
		for k, i := range order {
			ix.Add(day(0), Sign(texts[i]))
			pos[i] = k
		}
		// clusters as sets of text numbers
		got := make([][]int, len(texts))
		for i := range texts {
			for j := range texts {
				if ix.Cluster(pos[i]) == ix.Cluster(pos[j]) {
					got[i] = append(got[i], j)
				}
			}
		}
		if want == nil {
			want = got
			continue
		}
		for i := range got {
			if len(got[i]) != len(want[i]) {
				t.Errorf("order %v: text %d joins %v, first order %v", order, i, got[i], want[i])
			}
		}
	}
	if len(want[0]) < 3 {
		t.Errorf("the copies of the story did not join: %v", want)
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	s := Sign("CITY (Reuters) - " + join(story...))
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Signature
	if err := back.UnmarshalBinary(b); err != nil || back != s || back.Wire != "Reuters" {
		t.Errorf("round trip: %v, equal %v, wire %q", err, back == s, back.Wire)
	}
	if err := back.UnmarshalBinary(b[:10]); err == nil {
		t.Error("short input accepted")
	}
}

func TestWire(t *testing.T) {
	tests := []struct{ text, want string }{
		{"CAIRO (Reuters) - Protesters gathered ...", "Reuters"},
		{"WASHINGTON (AP) — The Senate voted ...", "AP"},
		{"PARIS (AFP) - France said ...", "AFP"},
		{"TRIPOLI , Jan 5 -LRB- Reuters -RRB- - Rebels said ...", "Reuters"},
		{"The Associated Press reported that the talks had stalled.", ""},
		{strings.Repeat("Words of a long story. ", 40) + "By Jane Roe, Associated Press Writer", "AP"},
		{"No credit here.", ""},
	}
	for _, tt := range tests {
		if got := Wire(tt.text); got != tt.want {
			t.Errorf("Wire(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkSign(b *testing.B) {
	s := join(story...) + " " + join(story...)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Sign(s)
	}
}

// signPlain is Sign written the plain way (hash/fnv, the hash functions
// computed one by one): Sign's inlined loop must give the same signature.
func signPlain(s string) Signature {
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	sig.Wire = Wire(s)
	ws := text.Words(s)
	for i := range ws {
		ws[i] = strings.ToLower(ws[i])
	}
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(ws); i++ {
		h.Reset()
		for _, w := range ws[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		h1, h2 := uint32(x), uint32(x>>32)|1
		for k := range sig.Min {
			if v := h1 + uint32(k)*h2; v < sig.Min[k] {
				sig.Min[k] = v
			}
		}
		sig.Len++
	}
	return sig
}

func TestSignAsPlain(t *testing.T) {
	texts := []string{"", "Bridge closed.", join(story...), other, "CITY (AP) — " + join(story[:5]...),
		"Ünïcode Wörter IN GROSSBUCHSTABEN und ß, façade, Ελληνικά κείμενα εδώ, 日本語のテキスト も ある."}
	for _, s := range texts {
		if got, want := Sign(s), signPlain(s); got != want {
			t.Errorf("Sign(%.30q) differs from the plain computation", s)
		}
	}
}

// TestForest: a tree is named by its smallest node whatever the order of
// joins, and nodes added later join as the first ones do.
func TestForest(t *testing.T) {
	for _, tt := range []struct {
		name  string
		joins [][2]int
		want  []int // Find of nodes 0..5
	}{
		{"alone", nil, []int{0, 1, 2, 3, 4, 5}},
		{"larger first", [][2]int{{4, 2}, {5, 4}}, []int{0, 1, 2, 3, 2, 2}},
		{"chain backwards", [][2]int{{5, 4}, {4, 3}, {3, 1}}, []int{0, 1, 2, 1, 1, 1}},
		{"two trees merged", [][2]int{{5, 3}, {4, 2}, {3, 4}, {1, 0}}, []int{0, 0, 2, 2, 2, 2}},
	} {
		f := NewForest(4)
		f.Add()
		f.Add()
		for _, j := range tt.joins {
			f.Union(j[0], j[1])
		}
		got := make([]int, f.Len())
		for i := range got {
			got[i] = f.Find(i)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
