// Package bench runs the published timeline-summarization protocol (news-tls,
// Gholipour Ghalandari & Ifrim 2020) end to end on a dataset directory: for
// every gold timeline, build a timeline from the topic's raw articles with
// the gold's number of dates and sentences per date, keyword filter and date
// range; write it in the tilse format; score it with tilse's metrics.
//
// It sits at the bottom of dateline's pipeline and wires the stages together
// (read → annotate → rank → render → eval); it adds no algorithm of its own.
package bench
