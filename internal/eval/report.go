package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Row is one scored gold timeline of a Report.
type Row struct {
	Topic string
	Name  string
	// Missing marks a gold timeline that had no prediction; it scores 0.
	Missing bool
	Scores  Scores
	// Extra holds the values of the report's extra columns, in the order
	// of Report.ExtraColumns (for example a runner's wall time per task).
	Extra []string
}

// Report is a set of scored timelines with their aggregate, printable as a
// table or as JSON. Both dateline eval and the benchmark runners write it.
type Report struct {
	Rows []Row
	// Summary aggregates Rows (see Aggregate).
	Summary Summary
	// Approximate is set when the scores were computed without ROUGE's data
	// files; both outputs then say so.
	Approximate bool
	// ExtraColumns names caller-defined columns whose per-row values are in
	// Row.Extra.
	ExtraColumns []string
	// Notes are remarks on the input (skipped blocks, missing predictions),
	// printed after the table.
	Notes []string
}

// NewReport returns a Report of rows with their Summary computed.
func NewReport(rows []Row, approximate bool) *Report {
	all := make([]Scores, len(rows))
	for i, r := range rows {
		all[i] = r.Scores
	}
	return &Report{Rows: rows, Summary: Aggregate(all), Approximate: approximate}
}

// ApproximateWarning is printed with scores computed without ROUGE's data
// files.
const ApproximateWarning = "APPROXIMATE SCORES: ROUGE-1.5.5's data files were not given; " +
	"used dateline's own stop list and plain Porter stemming instead of ROUGE-1.5.5's SMART stop list " +
	"and WordNet exceptions. Do not report these numbers as ROUGE."

// metricColumn is one metric the report shows, with how to get it.
type metricColumn struct {
	key   string // JSON key
	label string // table label
	get   func(Scores) PRF
}

var reportMetrics = []metricColumn{
	{"ar1", "AR1", func(s Scores) PRF { return s.AlignPlusM1.R1 }},
	{"ar2", "AR2", func(s Scores) PRF { return s.AlignPlusM1.R2 }},
	{"date", "Date", func(s Scores) PRF { return s.Date }},
	{"concat1", "concat R1", func(s Scores) PRF { return s.Concat.R1 }},
	{"concat2", "concat R2", func(s Scores) PRF { return s.Concat.R2 }},
	{"agree1", "agreement R1", func(s Scores) PRF { return s.Agreement.R1 }},
	{"agree2", "agreement R2", func(s Scores) PRF { return s.Agreement.R2 }},
}

// WriteText writes the report as a table: one row per timeline with the F
// of AR1 and AR2 (align+ m:1), Date, concat and agreement R1 and R2, and
// the extra columns; then the aggregate P, R and F of each metric; then
// the notes.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Approximate {
		fmt.Fprintf(&b, "%s\n\n", ApproximateWarning)
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := []string{"timeline"}
	for _, m := range reportMetrics {
		header = append(header, m.label+" F")
	}
	header = append(header, r.ExtraColumns...)
	fmt.Fprintln(tw, strings.Join(header, "\t")+"\t")
	for _, row := range r.Rows {
		cells := []string{row.Topic + "/" + row.Name}
		for _, m := range reportMetrics {
			cells = append(cells, fmt.Sprintf("%.4f", m.get(row.Scores).F))
		}
		for i := range r.ExtraColumns {
			v := ""
			if i < len(row.Extra) {
				v = row.Extra[i]
			}
			cells = append(cells, v)
		}
		if row.Missing {
			cells[0] += " (no prediction)"
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(&b, "\nSummary over %d timelines (F of mean P and mean R):\n", r.Summary.Timelines)
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tP\tR\tF\t")
	for _, m := range reportMetrics {
		x := m.get(r.Summary.Scores)
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t\n", m.label, x.P, x.R, x.F)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Notes) > 0 {
		b.WriteString("\nNotes:\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	if r.Approximate {
		fmt.Fprintf(&b, "\n%s\n", ApproximateWarning)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonPRF is a PRF as the report's JSON writes it.
type jsonPRF struct {
	P float64 `json:"p"`
	R float64 `json:"r"`
	F float64 `json:"f"`
}

// jsonScores maps reportMetrics keys to scores, encoded in their order.
type jsonScores []jsonPRF

// MarshalJSON writes the metrics as an object in report order.
func (s jsonScores) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range reportMetrics {
		if i > 0 {
			b.WriteByte(',')
		}
		v, err := json.Marshal(s[i])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%q:%s", m.key, v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func toJSONScores(s Scores) jsonScores {
	out := make(jsonScores, len(reportMetrics))
	for i, m := range reportMetrics {
		out[i] = jsonPRF(m.get(s))
	}
	return out
}

type jsonRow struct {
	Topic    string            `json:"topic"`
	Timeline string            `json:"timeline"`
	Missing  bool              `json:"missing_prediction"`
	Scores   jsonScores        `json:"scores"`
	Extra    map[string]string `json:"extra,omitempty"`
}

type jsonReport struct {
	Timelines   int        `json:"timelines"`
	Approximate bool       `json:"approximate"`
	Summary     jsonScores `json:"summary"`
	Rows        []jsonRow  `json:"rows"`
	Notes       []string   `json:"notes,omitempty"`
}

// WriteJSON writes the report as JSON:
//
//	{"timelines": N, "approximate": false,
//	 "summary": {"ar1": {"p","r","f"}, "ar2", "date", "concat1", "concat2", "agree1", "agree2"},
//	 "rows": [{"topic", "timeline", "missing_prediction", "scores": {same keys as summary},
//	           "extra": {column: value}}],
//	 "notes": [...]}
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{
		Timelines:   r.Summary.Timelines,
		Approximate: r.Approximate,
		Summary:     toJSONScores(r.Summary.Scores),
		Rows:        make([]jsonRow, 0, len(r.Rows)),
		Notes:       r.Notes,
	}
	for _, row := range r.Rows {
		jr := jsonRow{Topic: row.Topic, Timeline: row.Name, Missing: row.Missing, Scores: toJSONScores(row.Scores)}
		for i, col := range r.ExtraColumns {
			if i < len(row.Extra) {
				if jr.Extra == nil {
					jr.Extra = map[string]string{}
				}
				jr.Extra[col] = row.Extra[i]
			}
		}
		out.Rows = append(out.Rows, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}
