package eval

import "math"

// assign solves the rectangular linear sum assignment problem: it pairs
// min(rows, cols) rows of cost with distinct columns so that the sum of the
// paired costs is least, and returns the pairs as (row, column), in
// ascending row order. This is what tilse's align and align+ metrics get
// from scipy.optimize.linear_sum_assignment.
//
// The method is the Hungarian algorithm in its shortest-augmenting-path
// form (Jonker–Volgenant without initialisation, as in Crouse 2016): rows are
// added one at a time, each by a Dijkstra-like search over reduced costs for
// the cheapest path to a free column, after which the dual variables are
// updated and the path flipped. It takes O(r²c) time for r ≤ c (the matrix
// is transposed otherwise). Among equally cheap choices it prefers, as
// scipy's implementation does, a column that is still free, and it scans
// columns in the same order, so that ties are broken the same way.
//
// Costs must be finite.
func assign(cost [][]float64) [][2]int {
	nr := len(cost)
	if nr == 0 || len(cost[0]) == 0 {
		return nil
	}
	nc := len(cost[0])
	c := cost
	transposed := nc < nr
	if transposed {
		c = transpose(cost)
		nr, nc = nc, nr
	}

	u := make([]float64, nr)
	v := make([]float64, nc)
	shortest := make([]float64, nc)
	path := make([]int, nc)
	col4row := make([]int, nr)
	row4col := make([]int, nc)
	seenRow := make([]bool, nr)
	seenCol := make([]bool, nc)
	remaining := make([]int, nc)
	for i := range col4row {
		col4row[i] = -1
	}
	for j := range row4col {
		row4col[j], path[j] = -1, -1
	}

	for cur := 0; cur < nr; cur++ {
		// Shortest augmenting path from row cur to a free column.
		minVal := 0.0
		left := nc
		for it := 0; it < nc; it++ {
			remaining[it] = nc - it - 1
		}
		clear(seenRow)
		clear(seenCol)
		for j := range shortest {
			shortest[j] = math.Inf(1)
		}
		sink := -1
		for i := cur; sink == -1; {
			index := -1
			lowest := math.Inf(1)
			seenRow[i] = true
			for it := 0; it < left; it++ {
				j := remaining[it]
				r := minVal + c[i][j] - u[i] - v[j]
				if r < shortest[j] {
					path[j] = i
					shortest[j] = r
				}
				if shortest[j] < lowest || shortest[j] == lowest && row4col[j] == -1 {
					lowest = shortest[j]
					index = it
				}
			}
			if index < 0 { // only with non-finite costs
				return nil
			}
			minVal = lowest
			j := remaining[index]
			if row4col[j] == -1 {
				sink = j
			} else {
				i = row4col[j]
			}
			seenCol[j] = true
			left--
			remaining[index] = remaining[left]
		}

		// Update the duals.
		u[cur] += minVal
		for i := 0; i < nr; i++ {
			if seenRow[i] && i != cur {
				u[i] += minVal - shortest[col4row[i]]
			}
		}
		for j := 0; j < nc; j++ {
			if seenCol[j] {
				v[j] -= minVal - shortest[j]
			}
		}

		// Flip the path.
		for j := sink; ; {
			i := path[j]
			row4col[j] = i
			col4row[i], j = j, col4row[i]
			if i == cur {
				break
			}
		}
	}

	pairs := make([][2]int, 0, nr)
	if !transposed {
		for i, j := range col4row {
			pairs = append(pairs, [2]int{i, j})
		}
		return pairs
	}
	// Rows of c are the columns of cost: report by the original rows.
	for row := 0; row < nc; row++ {
		if i := row4col[row]; i >= 0 {
			pairs = append(pairs, [2]int{row, i})
		}
	}
	return pairs
}

// assignToMinCost pairs every row with its cheapest column, the earliest
// column among equal costs: tilse's _assign_to_min_cost (numpy's argmin).
func assignToMinCost(cost [][]float64) [][2]int {
	pairs := make([][2]int, 0, len(cost))
	for i, row := range cost {
		if len(row) == 0 {
			return nil
		}
		best := 0
		for j, x := range row {
			if x < row[best] {
				best = j
			}
		}
		pairs = append(pairs, [2]int{i, best})
	}
	return pairs
}

func transpose(m [][]float64) [][]float64 {
	if len(m) == 0 {
		return nil
	}
	t := make([][]float64, len(m[0]))
	for j := range t {
		t[j] = make([]float64, len(m))
		for i := range m {
			t[j][i] = m[i][j]
		}
	}
	return t
}
