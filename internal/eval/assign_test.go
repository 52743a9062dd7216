package eval

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// bruteForceMin returns the least total cost of pairing min(r, c) rows and
// columns of m one to one, by trying every injection.
func bruteForceMin(m [][]float64) float64 {
	if len(m) == 0 || len(m[0]) == 0 {
		return 0
	}
	if len(m) > len(m[0]) {
		m = transpose(m)
	}
	used := make([]bool, len(m[0]))
	best := math.Inf(1)
	var rec func(row int, sum float64)
	rec = func(row int, sum float64) {
		if row == len(m) {
			best = min(best, sum)
			return
		}
		for j := range used {
			if !used[j] {
				used[j] = true
				rec(row+1, sum+m[row][j])
				used[j] = false
			}
		}
	}
	rec(0, 0)
	return best
}

func checkAssignment(t *testing.T, m [][]float64, pairs [][2]int) float64 {
	t.Helper()
	r, c := len(m), len(m[0])
	if want := min(r, c); len(pairs) != want {
		t.Fatalf("%dx%d: got %d pairs, want %d", r, c, len(pairs), want)
	}
	rows, cols := map[int]bool{}, map[int]bool{}
	sum := 0.0
	for k, p := range pairs {
		if p[0] < 0 || p[0] >= r || p[1] < 0 || p[1] >= c {
			t.Fatalf("pair %v out of range for %dx%d", p, r, c)
		}
		if rows[p[0]] || cols[p[1]] {
			t.Fatalf("pair %v reuses a row or column: %v", p, pairs)
		}
		if k > 0 && pairs[k-1][0] >= p[0] {
			t.Fatalf("pairs not in ascending row order: %v", pairs)
		}
		rows[p[0]], cols[p[1]] = true, true
		sum += m[p[0]][p[1]]
	}
	return sum
}

// TestAssignMatchesBruteForce checks optimality on random rectangular
// matrices, with continuous costs and with small integer costs (many ties).
func TestAssignMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		r, c := 1+rng.IntN(6), 1+rng.IntN(6)
		m := make([][]float64, r)
		for i := range m {
			m[i] = make([]float64, c)
			for j := range m[i] {
				if n%2 == 0 {
					m[i][j] = rng.Float64()
				} else {
					m[i][j] = float64(rng.IntN(3))
				}
			}
		}
		got := checkAssignment(t, m, assign(m))
		if want := bruteForceMin(m); math.Abs(got-want) > 1e-9 {
			t.Fatalf("%v: assignment costs %v, optimum is %v", m, got, want)
		}
	}
}

func TestAssignEdges(t *testing.T) {
	tests := []struct {
		name string
		m    [][]float64
		want [][2]int
	}{
		{"no rows", nil, nil},
		{"no columns", [][]float64{{}, {}}, nil},
		{"1x1", [][]float64{{7}}, [][2]int{{0, 0}}},
		{"anti-diagonal", [][]float64{{1, 0}, {0, 1}}, [][2]int{{0, 1}, {1, 0}}},
		{"wide", [][]float64{{5, 1, 9}}, [][2]int{{0, 1}}},
		{"tall", [][]float64{{5}, {1}, {9}}, [][2]int{{1, 0}}},
		{"greedy is wrong", [][]float64{{1, 2}, {2, 100}}, [][2]int{{0, 1}, {1, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := assign(tt.m)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestAssignTieBreakingLikeScipy compares the chosen pairs, not only the
// cost, with scipy's linear_sum_assignment on tie-heavy matrices (fixture
// generated with scipy 1.10.1; see its "about").
func TestAssignTieBreakingLikeScipy(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "lsap_scipy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Cases []struct {
			Cost [][]float64 `json:"cost"`
			Rows []int       `json:"rows"`
			Cols []int       `json:"cols"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &fx); err != nil {
		t.Fatal(err)
	}
	if len(fx.Cases) == 0 {
		t.Fatal("no cases")
	}
	for i, c := range fx.Cases {
		got := assign(c.Cost)
		same := len(got) == len(c.Rows)
		for k := 0; same && k < len(got); k++ {
			same = got[k] == [2]int{c.Rows[k], c.Cols[k]}
		}
		if !same {
			t.Errorf("case %d %v: got %v, scipy rows %v cols %v", i, c.Cost, got, c.Rows, c.Cols)
		}
	}
}

func TestAssignToMinCost(t *testing.T) {
	m := [][]float64{
		{0.5, 0.2, 0.2}, // tie: earliest column
		{0.1, 0.3, 0.0},
		{1, 1, 1},
	}
	want := [][2]int{{0, 1}, {1, 2}, {2, 0}}
	got := assignToMinCost(m)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if got := assignToMinCost([][]float64{{}}); got != nil {
		t.Errorf("empty row: got %v, want nil", got)
	}
}
