// Package entity finds the people, organizations, places and other names of
// a text (CoNLL-2003 types PER, ORG, LOC, MISC) and gives each mention the
// canonical name of the entity it refers to.
//
// It is an annotation step of dateline's pipeline (read → annotate → store →
// rank → render), after sentences and time expressions and before quotes,
// which take its mentions to name their speakers.
package entity
