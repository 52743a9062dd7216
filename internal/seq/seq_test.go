package seq

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// toy builds sequences of words where a span of type 0 is a run of capital
// letters, a span of type 1 is a run starting with "@" continued by "+"
// words, and "+" outside such a run is O: the label of "+" depends on the
// previous label, which only the transitions can learn.
func toy(seed uint64, n int) ([][]string, [][]Span) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var words [][]string
	var gold [][]Span
	for k := 0; k < n; k++ {
		var ws []string
		var spans []Span
		for len(ws) < 12 {
			switch rng.IntN(4) {
			case 0:
				start := len(ws)
				for j := 0; j <= rng.IntN(3); j++ {
					ws = append(ws, string(rune('A'+rng.IntN(26))))
				}
				spans = append(spans, Span{start, len(ws), 0})
				ws = append(ws, "x")
			case 1:
				start := len(ws)
				ws = append(ws, "@")
				for j := 0; j < rng.IntN(3); j++ {
					ws = append(ws, "+")
				}
				spans = append(spans, Span{start, len(ws), 1})
				ws = append(ws, "x")
			case 2:
				ws = append(ws, "+")
			default:
				ws = append(ws, string(rune('a'+rng.IntN(26))))
			}
		}
		words = append(words, ws)
		gold = append(gold, spans)
	}
	return words, gold
}

func toyFeatures(ws []string) [][]Feature {
	w := Hash("w")
	out := make([][]Feature, len(ws))
	for i, s := range ws {
		out[i] = []Feature{Hash("bias"), w.With(s)}
	}
	return out
}

func trainToy(t *testing.T, s *Scheme, epochs int) *Model {
	t.Helper()
	words, gold := toy(1, 300)
	var data []Sequence
	for k := range words {
		data = append(data, Sequence{Features: toyFeatures(words[k]), Labels: s.Encode(gold[k], len(words[k]), nil)})
	}
	tr, err := NewTrainer(s.Labels(), data, Options{Seed: 7, Allowed: s.Allowed})
	if err != nil {
		t.Fatal(err)
	}
	for e := 0; e < epochs; e++ {
		tr.Epoch()
	}
	return tr.Model(0)
}

func TestTrainLearnsTransitions(t *testing.T) {
	for _, s := range []*Scheme{BIO("CAP", "AT"), BILOU("CAP", "AT")} {
		m := trainToy(t, s, 5)
		words, gold := toy(2, 100)
		for k := range words {
			got := s.Decode(m.Tag(toyFeatures(words[k])), nil)
			if !slices.Equal(got, gold[k]) {
				t.Fatalf("%v: %v: got %v, want %v", s.Labels(), words[k], got, gold[k])
			}
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	s := BILOU("CAP", "AT")
	a, _ := trainToy(t, s, 3).MarshalBinary()
	b, _ := trainToy(t, s, 3).MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestDecodeIsLegal(t *testing.T) {
	s := BILOU("A", "B")
	m := trainToy(t, s, 1)
	rng := rand.New(rand.NewPCG(3, 3))
	var lat Lattice
	for k := 0; k < 200; k++ {
		n := 1 + rng.IntN(10)
		lat.Reset(m, n)
		for i := 0; i < n; i++ {
			for y := range lat.Row(i) {
				lat.Row(i)[y] = float32(rng.NormFloat64() * 10)
			}
		}
		path := lat.Decode(m, nil)
		prev := -1
		for _, y := range path {
			if !s.Allowed(prev, y) {
				t.Fatalf("illegal %d after %d in %v", y, prev, path)
			}
			prev = y
		}
		if !s.Allowed(prev, -1) {
			t.Fatalf("illegal end %d in %v", prev, path)
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	s := BILOU("CAP", "AT")
	m := trainToy(t, s, 5)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if back.NumFeatures() != m.NumFeatures() || !slices.Equal(back.Labels(), m.Labels()) {
		t.Fatalf("read back %d features %v, wrote %d %v", back.NumFeatures(), back.Labels(), m.NumFeatures(), m.Labels())
	}
	words, _ := toy(4, 100)
	for _, ws := range words {
		if a, b := m.Tag(toyFeatures(ws)), back.Tag(toyFeatures(ws)); !slices.Equal(a, b) {
			t.Fatalf("%v: %v before, %v after", ws, a, b)
		}
	}
	again, _ := back.MarshalBinary()
	if !bytes.Equal(b, again) {
		t.Error("encoding the decoded model gives other bytes")
	}
}

func TestUnmarshalErrors(t *testing.T) {
	m := trainToy(t, BIO("A"), 1)
	b, _ := m.MarshalBinary()
	for name, in := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("dlseq\x02rest"),
		"truncated": b[:len(b)-1],
		"trailing":  append(slices.Clone(b), 0),
		"no labels": []byte(magic + "\x00"),
	} {
		var back Model
		if err := back.UnmarshalBinary(in); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: got %v, want ErrFormat", name, err)
		}
	}
}

func TestNewTrainerErrors(t *testing.T) {
	one := [][]Feature{{Hash("x")}}
	for name, tc := range map[string]struct {
		labels []string
		data   []Sequence
	}{
		"no labels":      {nil, []Sequence{{one, []int{0}}}},
		"label range":    {[]string{"O"}, []Sequence{{one, []int{1}}}},
		"length":         {[]string{"O"}, []Sequence{{one, []int{0, 0}}}},
		"no instances":   {[]string{"O"}, nil},
		"too many label": {make([]string, MaxLabels+1), []Sequence{{one, []int{0}}}},
	} {
		if _, err := NewTrainer(tc.labels, tc.data, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFeatureParts(t *testing.T) {
	if Hash("a").With("bc") == Hash("ab").With("c") {
		t.Error(`("a","bc") and ("ab","c") collide`)
	}
	if Hash("w").Mix(7) == Hash("w").Mix(8) || Hash("w").Mix(7) != Hash("w").Mix(7) || Hash("v").Mix(7) == Hash("w").Mix(7) {
		t.Error("Mix is not a function of both its parts")
	}
	if Hash("w").With("x") != Hash("w").With("x") || Hash("w").WithInt(1) == Hash("w").WithInt(2) {
		t.Error("hashing is not a function of its parts")
	}
}

func TestMinCount(t *testing.T) {
	data := []Sequence{
		{[][]Feature{{Hash("common"), Hash("rare")}}, []int{1}},
		{[][]Feature{{Hash("common")}}, []int{0}},
	}
	tr, err := NewTrainer([]string{"O", "X"}, data, Options{MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	tr.Epoch()
	m := tr.Model(0)
	if m.Known(Hash("rare")) {
		t.Error("a feature seen once survived MinCount 2")
	}
}

func TestAverage(t *testing.T) {
	s := BILOU("CAP", "AT")
	a, b := trainToy(t, s, 2), trainToy(t, s, 6)
	self, err := Average(a, a)
	if err != nil {
		t.Fatal(err)
	}
	words, _ := toy(5, 50)
	for _, ws := range words {
		if got, want := self.Tag(toyFeatures(ws)), a.Tag(toyFeatures(ws)); !slices.Equal(got, want) {
			t.Fatalf("%v: the average of a model with itself labels %v, the model %v", ws, got, want)
		}
	}
	m, err := Average(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.trans {
		if d := m.trans[i] - (a.trans[i]+b.trans[i])/2; !isInf(m.trans[i]) && (d > 1e-4 || d < -1e-4) {
			t.Errorf("transition %d: %v, want the mean of %v and %v", i, m.trans[i], a.trans[i], b.trans[i])
		}
	}
	f := Hash("w").With("@")
	var sa, sb, sm [9]float32
	a.AddScores(sa[:], []Feature{f})
	b.AddScores(sb[:], []Feature{f})
	m.AddScores(sm[:], []Feature{f})
	for y := range sm {
		if d := sm[y] - (sa[y]+sb[y])/2; d > 1e-4 || d < -1e-4 {
			t.Errorf("label %d: %v, want mean of %v and %v", y, sm[y], sa[y], sb[y])
		}
	}
	if _, err := Average(a, trainToy(t, BIO("X"), 1)); err == nil {
		t.Error("models with other labels averaged")
	}
}
