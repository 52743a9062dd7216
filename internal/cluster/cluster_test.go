package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestClusterSeparatesRoles builds sentences "DET NOUN VERB DET NOUN" from
// disjoint word lists and checks that words of one role share a class and
// words of different roles do not.
func TestClusterSeparatesRoles(t *testing.T) {
	roles := map[string][]string{}
	for _, r := range []string{"det", "noun", "verb", "adv"} {
		for i := 0; i < 6; i++ {
			roles[r] = append(roles[r], fmt.Sprintf("%s%d", r, i))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(r string) string { return roles[r][rng.IntN(len(roles[r]))] }
	c := NewCorpus()
	for i := 0; i < 3000; i++ {
		c.Add([]string{pick("det"), pick("noun"), pick("verb"), pick("adv"), pick("det"), pick("noun")})
	}
	cl, err := c.Cluster(Options{Classes: 4, Levels: []int{2}, Iterations: 20})
	if err != nil {
		t.Fatal(err)
	}
	class := func(w string) uint16 {
		ids, ok := cl.Lookup(w)
		if !ok {
			t.Fatalf("%s not clustered", w)
		}
		return ids[0]
	}
	seen := map[uint16]string{}
	for r, ws := range roles {
		k := class(ws[0])
		for _, w := range ws[1:] {
			if class(w) != k {
				t.Errorf("%s in class %d, %s in %d", w, class(w), ws[0], k)
			}
		}
		if o, dup := seen[k]; dup {
			t.Errorf("%s and %s share class %d", r, o, k)
		}
		seen[k] = r
	}
	if len(cl.Classes) != 2 || cl.Sizes[1] != 2 {
		t.Errorf("levels: %v", cl.Sizes)
	}
	if _, ok := cl.Lookup("unseen"); ok {
		t.Error("an unseen word has a class")
	}
}

func TestClusterDeterministic(t *testing.T) {
	build := func() *Clustering {
		c := NewCorpus()
		rng := rand.New(rand.NewPCG(3, 4))
		for i := 0; i < 500; i++ {
			s := make([]string, 8)
			for j := range s {
				s[j] = fmt.Sprint(rng.IntN(40))
			}
			c.Add(s)
		}
		cl, err := c.Cluster(Options{Classes: 5, Iterations: 5, Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		return cl
	}
	a, b := build(), build()
	if fmt.Sprint(a.Classes) != fmt.Sprint(b.Classes) {
		t.Error("two runs differ")
	}
}

func TestClusterErrors(t *testing.T) {
	c := NewCorpus()
	c.Add([]string{"a", "b", "c"})
	for _, opt := range []Options{{Classes: 1}, {Classes: 2, Levels: []int{2}}, {Classes: 5}} {
		if _, err := c.Cluster(opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
}

func TestWriteRead(t *testing.T) {
	cl := &Clustering{Words: []string{"a", "b", "c"}, Sizes: []int{4, 2}, Classes: [][]uint16{{0, 3, 1}, {0, 1, 0}}}
	var b strings.Builder
	if _, err := cl.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := Read(strings.NewReader(b.String()), "x")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back) != fmt.Sprint(cl) {
		t.Errorf("got %v, want %v", back, cl)
	}
	for _, bad := range []string{"", "a\t1\n", "# sizes 4\nb\t1\na\t2\n", "# sizes 4\na\t9\n", "# sizes 4\na\n"} {
		if _, err := Read(strings.NewReader(bad), "x"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
