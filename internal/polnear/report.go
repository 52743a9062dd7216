package polnear

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/dateline-news/dateline/internal/quote"
)

// Write prints the report: the exact and token-overlap tables, attribution
// F1, the confusion of quote kinds, throughput, and the topErrors most
// frequent error kinds (with samples when samples is set).
func (r *Report) Write(w io.Writer, topErrors int, samples bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR: %d articles, %d gold attributions, %d predicted\n\n", r.Articles, r.GoldQuotes, r.Predicted)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "span\texact P\tR\tF1\t\toverlap P\tR\tF1\t\tgold\tpredicted\t")
	for role := range numRoles {
		e, o := r.Exact[role], r.Overlap[role]
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t\t%.1f\t%.1f\t%.1f\t\t%d\t%d\t\n", role, e.P(), e.R(), e.F(), o.P(), o.R(), o.F(), e.TP+e.FN, e.TP+e.FP)
	}
	a := r.Attribution
	fmt.Fprintf(tw, "attribution\t%.2f\t%.2f\t%.2f\t\t\t\t\t\t%d\t%d\t\n", a.P(), a.R(), a.F(), a.TP+a.FN, a.TP+a.FP)
	for k, c := range r.ByKind {
		fmt.Fprintf(tw, "content %s\t%.2f\t%.2f\t%.2f\t\t\t\t\t\t%d\t%d\t\n", quote.Kind(k), c.P(), c.R(), c.F(), c.TP+c.FN, c.TP+c.FP)
	}
	tw.Flush()
	b.WriteString("\n(exact: spans as sets per article; overlap: tokens covered; attribution: content and source both exact)\n\n")
	r.writeKinds(&b)
	mb := float64(r.Bytes) / 1e6
	if s, w := r.Elapsed.Seconds(), r.Warm.Seconds(); s > 0 && w > 0 {
		fmt.Fprintf(&b, "\nthroughput (one goroutine, wall clock): %.2f MB in %.3fs = %.1f MB/s cold, %.3fs = %.1f MB/s warm\n", mb, s, mb/s, w, mb/w)
	}
	if topErrors > 0 {
		r.writeErrors(&b, topErrors, samples)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writeKinds(b *strings.Builder) {
	names := []string{quote.Indirect.String(), quote.Mixed.String(), quote.Direct.String(), "none"}
	b.WriteString("quote kinds (rows gold, columns predicted; matched by content overlap):\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t%s\t\n", strings.Join(names, "\t"))
	for g, row := range r.Kinds {
		fmt.Fprintf(tw, "%s", names[g])
		for _, n := range row {
			fmt.Fprintf(tw, "\t%d", n)
		}
		fmt.Fprintln(tw, "\t")
	}
	tw.Flush()
}

func (r *Report) writeErrors(b *strings.Builder, top int, samples bool) {
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, n := range r.Errors {
		all = append(all, kv{k, n})
	}
	slices.SortFunc(all, func(x, y kv) int { return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.k, y.k)) })
	fmt.Fprintf(b, "\nmost frequent errors:\n")
	for i, e := range all {
		if i == top {
			break
		}
		fmt.Fprintf(b, "%5d  %s\n", e.n, e.k)
		if samples {
			for _, s := range r.Samples[e.k] {
				fmt.Fprintf(b, "         %s\n", s)
			}
		}
	}
}
