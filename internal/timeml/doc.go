// Package timeml reads and writes TimeML documents and scores time-expression
// taggers against their gold TIMEX3 annotations the way TempEval-3 did.
//
// It sits beside internal/timex in dateline's pipeline: timex finds and
// normalizes time expressions; timeml turns TempEval-style .tml files into
// plain text plus gold annotations (rune offsets into the text of <TEXT> with
// all tags removed), writes tagged text back as TimeML, and computes strict and
// relaxed extent precision/recall/F1, type and value accuracy and value F1,
// broken down by document type (the parent directory: TimeBank, AQUAINT) and
// by error kind. The dateline timex and dateline bench timex commands are thin
// wrappers around it.
package timeml
