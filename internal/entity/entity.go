package entity

// Type is the kind of a named entity, as CoNLL-2003 labels them.
type Type string

// The entity types.
const (
	Person       Type = "PER"
	Organization Type = "ORG"
	Location     Type = "LOC"
	Misc         Type = "MISC"
)

// Mention is one mention of a named entity in a text.
type Mention struct {
	Start, End int    // rune offsets in the text, end exclusive
	Text       string // the mention as written
	Type       Type
	Name       string // canonical name of the entity: the fullest name the text gives it ("Rex Tillerson" for "Tillerson")
}
