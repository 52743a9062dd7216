// Package eval scores timelines the way the published timeline
// summarization protocol does, with the metrics of tilse (Martschat &
// Markert 2017) over ROUGE-1.5.5's counts, and reads and writes timelines
// in tilse's text format.
//
// It sits at the bottom of dateline's flow, beside internal/render: the
// timeline stage produces a predicted timeline, and eval compares it with
// a gold timeline. It knows nothing of articles, annotation or storage;
// its inputs are plain Timelines (date → sentences), read from tilse-format
// files or built by a caller such as the "bench tls" runner.
//
// The pieces, each matching its counterpart in tilse or ROUGE:
//
//   - ROUGE: ROUGE-1.5.5's tokenization (as tilse's pyrouge feeds it),
//     SMART stop-word removal, WordNet exceptions and Porter (1980)
//     stemming, unigram and bigram counts with clipped hits, summed over
//     several references (-n 2 -m -s -f A). ROUGE's data files are read at
//     run time (LoadROUGE); without them an approximate ROUGE is used and
//     every output says so.
//   - Evaluator.Score: concat, agreement, align (date costs, 1:1), align+
//     (date and content costs, 1:1, by the Hungarian algorithm) and
//     align+ m:1 ("AR1"/"AR2": each date to its cheapest counterpart), with
//     aligned hits discounted by 1/(|Δdays|+1), and date precision/recall.
//   - Aggregate: the protocol's F of the mean precision and mean recall
//     over gold timelines.
//   - LoadGold, EvaluateDirs and Report (timeline files are read and
//     written by package tilse): files,
//     benchmark directories and the per-timeline table and JSON report.
//
// Scores reproduce tilse's golden vectors to 1e-9 and the reference scores
// of the SDF-TLS Timeline17 outputs. Two behaviours of the reference
// evaluation are kept deliberately: a date whose summary is empty is not a
// date of the timeline, and a block without a date line is skipped.
package eval
