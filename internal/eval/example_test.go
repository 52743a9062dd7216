package eval_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dateline-news/dateline/internal/eval"
	"github.com/dateline-news/dateline/internal/tilse"
)

// A prediction that has the gold timeline's two summaries, one of them a
// day late, scored as the protocol scores one task. Its four units on the
// right day count fully, the two a day late count half: AR1 = (4 + 2/2)/6.
func Example() {
	gold, err := tilse.Read(strings.NewReader(`2011-01-25
Protesters fill Tahrir Square .
--------------------------------
2011-02-11
Mubarak resigns .
--------------------------------
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	pred := eval.Timeline{
		{Year: 2011, Month: 1, Day: 25}: {"Protesters fill Tahrir Square ."},
		{Year: 2011, Month: 2, Day: 12}: {"Mubarak resigns ."},
	}

	// "" = no ROUGE data files: approximate ROUGE. Give the directory of
	// smart_common_words.txt and WordNet-2.0-exceptions.tsv for the real one.
	ev, err := eval.NewEvaluatorFromDir("")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := ev.Score(pred, gold)
	fmt.Printf("AR1 P=%.3f R=%.3f F=%.3f\n", s.AlignPlusM1.R1.P, s.AlignPlusM1.R1.R, s.AlignPlusM1.R1.F)
	fmt.Printf("Date P=%.3f R=%.3f F=%.3f\n", s.Date.P, s.Date.R, s.Date.F)
	fmt.Printf("concat R1 F=%.3f\n", s.Concat.R1.F)

	// Aggregate tasks and print the report's summary table.
	rep := eval.NewReport([]eval.Row{{Topic: "egypt", Name: "example", Scores: s}}, ev.Approximate())
	fmt.Println(rep.Summary.Timelines, "timeline(s), approximate:", rep.Approximate)
	if err := tilse.Write(os.Stdout, pred); err != nil {
		fmt.Println(err)
	}
	// Output:
	// AR1 P=0.833 R=0.833 F=0.833
	// Date P=0.500 R=0.500 F=0.500
	// concat R1 F=1.000
	// 1 timeline(s), approximate: true
	// 2011-01-25
	// Protesters fill Tahrir Square .
	// --------------------------------
	// 2011-02-12
	// Mubarak resigns .
	// --------------------------------
}
