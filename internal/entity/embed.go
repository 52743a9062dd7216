package entity

import (
	_ "embed"
	"sync"
)

// modelBin is the shipped model, written by `dateline bench train-ner`.
//
//go:embed model.bin
var modelBin []byte

var (
	shippedOnce sync.Once
	shipped     *Model
	shippedErr  error
)

// Shipped returns the embedded model, read on first use.
func Shipped() (*Model, error) {
	shippedOnce.Do(func() { shipped, shippedErr = ReadModel(modelBin) })
	return shipped, shippedErr
}

// New returns a recognizer with the embedded model. It panics if the
// embedded model cannot be read, which a test of this package rules out
// for every build.
func New() *Recognizer {
	m, err := Shipped()
	if err != nil {
		panic(err)
	}
	return NewRecognizer(m)
}
