package seq

import "testing"

// FuzzUnmarshal checks that no input makes UnmarshalBinary panic, and that
// what it accepts can be decoded with and encoded again.
func FuzzUnmarshal(f *testing.F) {
	tr, _ := NewTrainer([]string{"O", "B-X", "I-X"}, []Sequence{
		{[][]Feature{{Hash("a")}, {Hash("b")}}, []int{1, 2}},
		{[][]Feature{{Hash("c")}}, []int{0}},
	}, Options{Allowed: BIO("X").Allowed})
	tr.Epoch()
	b, _ := tr.Model(0).MarshalBinary()
	f.Add(b)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, in []byte) {
		var m Model
		if err := m.UnmarshalBinary(in); err != nil {
			return
		}
		m.Tag([][]Feature{{Hash("a")}, {Hash("b")}, {Hash("c")}})
		if _, err := m.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
	})
}
