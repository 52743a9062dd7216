package entity_test

import (
	"fmt"

	"github.com/dateline-news/dateline/internal/entity"
)

func ExampleRecognizer_Recognize() {
	r := entity.New()
	for _, m := range r.Recognize("Mayor Lena Hartmann of Riverton met Hartmann's critics on Monday.") {
		fmt.Println(m.Start, m.End, m.Type, m.Text, "→", m.Name)
	}
	// Output:
	// 6 19 PER Lena Hartmann → Lena Hartmann
	// 23 31 LOC Riverton → Riverton
	// 36 44 PER Hartmann → Lena Hartmann
}

func ExampleNames_Resolve() {
	text := "Foreign Minister Ines Morlan arrived on Monday. The foreign minister said talks would go on."
	mentions := []entity.Mention{{Start: 17, End: 28, Text: "Ines Morlan", Type: entity.Person}}
	names := entity.NewNames(text, mentions)
	// "The foreign minister", runes 48 to 68
	name, typ, ok := names.Resolve(48, 68)
	fmt.Println(name, typ, ok)
	// Output:
	// Ines Morlan PER true
}

func ExampleGroup() {
	for _, e := range entity.Group([]entity.Record{
		{Name: "Vladimir Putin", Type: entity.Person, Count: 50},
		{Name: "Putin", Type: entity.Person, Count: 30},
		{Name: "Russian President Vladimir Putin", Type: entity.Person, Count: 5},
		{Name: "United Nations", Type: entity.Organization, Count: 20},
		{Name: "UN", Type: entity.Organization, Count: 15},
	}) {
		fmt.Println(e.Type, e.Name, e.Count, len(e.Aliases))
	}
	// Output:
	// PER Vladimir Putin 85 3
	// ORG United Nations 35 2
}
