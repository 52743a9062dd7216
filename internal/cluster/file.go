package cluster

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// WriteTo writes the clustering as text: a header line "# sizes 1024 256
// …", then one line per word, "word<TAB>class<TAB>class…", finest first.
func (cl *Clustering) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	sizes := make([]string, len(cl.Sizes))
	for i, s := range cl.Sizes {
		sizes[i] = strconv.Itoa(s)
	}
	k, _ := fmt.Fprintf(bw, "# sizes %s\n", strings.Join(sizes, " "))
	n += int64(k)
	for i, word := range cl.Words {
		k, _ := bw.WriteString(word)
		n += int64(k)
		for l := range cl.Classes {
			k, _ := fmt.Fprintf(bw, "\t%d", cl.Classes[l][i])
			n += int64(k)
		}
		bw.WriteByte('\n')
		n++
	}
	return n, bw.Flush()
}

// Read reads a clustering written by WriteTo; name is used in errors.
func Read(r io.Reader, name string) (*Clustering, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	cl := &Clustering{}
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			rest, ok := strings.CutPrefix(text, "# sizes ")
			if !ok {
				return nil, fmt.Errorf("%s:1: want \"# sizes ...\"", name)
			}
			for _, f := range strings.Fields(rest) {
				v, err := strconv.Atoi(f)
				if err != nil || v < 2 || v > 1<<16 {
					return nil, fmt.Errorf("%s:1: bad size %q", name, f)
				}
				cl.Sizes = append(cl.Sizes, v)
			}
			if len(cl.Sizes) == 0 {
				return nil, fmt.Errorf("%s:1: no sizes", name)
			}
			cl.Classes = make([][]uint16, len(cl.Sizes))
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != len(cl.Sizes)+1 || fields[0] == "" || strings.IndexFunc(fields[0], unicode.IsSpace) >= 0 {
			return nil, fmt.Errorf("%s:%d: want a word (no white space) and %d classes", name, line, len(cl.Sizes))
		}
		if n := len(cl.Words); n > 0 && cl.Words[n-1] >= fields[0] {
			return nil, fmt.Errorf("%s:%d: words out of order", name, line)
		}
		cl.Words = append(cl.Words, fields[0])
		for l, f := range fields[1:] {
			v, err := strconv.Atoi(f)
			if err != nil || v < 0 || v >= cl.Sizes[l] {
				return nil, fmt.Errorf("%s:%d: bad class %q", name, line, f)
			}
			cl.Classes[l] = append(cl.Classes[l], uint16(v))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	if !slices.IsSorted(cl.Words) {
		return nil, fmt.Errorf("%s: words out of order", name)
	}
	return cl, nil
}
