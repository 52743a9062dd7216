package entity

import (
	"bytes"
	"compress/flate"
	"testing"
)

// FuzzRecognize checks that no text makes Recognize panic and that the
// mentions it returns keep the offsets contract (see checkMentions).
func FuzzRecognize(f *testing.F) {
	for _, tc := range recognizeCases {
		f.Add(tc.text)
	}
	f.Add("-DOCSTART-\nEU rejects German call .\n\n-DOCSTART-\nPeter Blackburn\n")
	f.Add("A\u00a0B \xff\xfe Café—Zürich’s “Ärzte” ( U.S. ) ''")
	f.Add("Mr. Smith's O'Neill-Jones Corp. -- J. R. R. Tolkien...")
	r := New()
	f.Fuzz(func(t *testing.T, text string) {
		checkMentions(t, text, r.Recognize(text))
	})
}

// FuzzReadModel checks that no input makes ReadModel panic, raw or
// deflated, and that a model it accepts can recognize.
func FuzzReadModel(f *testing.F) {
	f.Add(modelBin[:min(len(modelBin), 4096)])
	var small bytes.Buffer
	zw, _ := flate.NewWriter(&small, flate.BestSpeed)
	zw.Write([]byte(modelMagic + "\x01\x00\x02\x00"))
	zw.Close()
	f.Add(small.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadModel(in)
		if err != nil {
			return
		}
		NewRecognizer(m).Recognize("Ada Lovelace met Charles Babbage in London.")
	})
}
