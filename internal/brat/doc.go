// Package brat reads brat standoff annotation files (.ann): text-bound
// annotations ("T1\tCue 200 204\ttold", with ";"-joined fragments for
// discontinuous spans) and events ("E1\tAttribution:T8 Source:T5 Cue:T6
// Content:T7"). Relations, attributes, normalizations and notes (R, A, M, N,
// # lines) are read past.
//
// It is a data-format package beside the pipeline, like internal/timeml: it
// turns annotated corpora such as PolNeAR (internal/polnear) into offsets and
// labels, and knows nothing of what the labels mean. Brat counts offsets in
// Unicode code points of the annotated text, end exclusive; so does Document.
// No maintained Go module reads the format, and a reader is 150 lines.
package brat
