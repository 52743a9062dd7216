package timeline

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ModelFile is the date ranker dateline ships: weights trained on the
// Timeline17 and Entities development topics, and, for each of those
// topics, weights trained without it, so that scores on a topic the ranker
// learned from are always reported leave-one-topic-out. It is written by
// `dateline bench train` and holds no text of the data, only weights.
type ModelFile struct {
	Features []string  `json:"features"` // DayFeatures when trained
	Recipe   string    `json:"recipe"`   // the recipe whose examples it was trained on
	Trained  string    `json:"trained"`  // the datasets and the command that trained it
	All      Model     `json:"all"`      // trained on every topic
	HeldOut  []HeldOut `json:"held_out"` // trained on all topics but one
}

// HeldOut is a model trained without one topic.
type HeldOut struct {
	Topic       string `json:"topic"`       // dataset/topic, for people
	Fingerprint string `json:"fingerprint"` // of the topic's article ids (see Fingerprint)
	Model
}

//go:embed model.json
var modelJSON []byte

// shipped is the parsed model.json; shippedErr says why it cannot be used,
// if so (after a change of features, until bench train is run again).
var shipped, shippedErr = parseModelFile(modelJSON)

func parseModelFile(b []byte) (*ModelFile, error) {
	var mf ModelFile
	if err := json.Unmarshal(b, &mf); err != nil {
		return &ModelFile{}, fmt.Errorf("embedded model.json: %w", err)
	}
	if err := mf.Check(); err != nil {
		return &ModelFile{}, fmt.Errorf("embedded model.json: %w", err)
	}
	return &mf, nil
}

// ShippedModelErr reports why the embedded model cannot be used, or nil.
func ShippedModelErr() error { return shippedErr }

// fallback ranks days by the articles that name them, for a build whose
// embedded model does not fit its features.
var fallback = func() *Model {
	m := &Model{Days: make([]float64, numDayFeatures)}
	m.Days[fDocs] = 1
	return m
}()

// ErrFeatures is the error of a model file trained on other features than
// the ones this build computes: it has to be trained again.
var ErrFeatures = errors.New("the model's features are not this build's")

// Check reports whether the file's models fit the features this build
// computes.
func (mf *ModelFile) Check() error {
	if strings.Join(mf.Features, ",") != strings.Join(DayFeatures, ",") {
		return fmt.Errorf("%w: trained on %v, this build computes %v", ErrFeatures, mf.Features, DayFeatures)
	}
	if err := mf.All.Check(); err != nil {
		return err
	}
	for _, h := range mf.HeldOut {
		if err := h.Check(); err != nil {
			return fmt.Errorf("%s: %w", h.Topic, err)
		}
	}
	return nil
}

// ShippedModel returns the embedded date ranker trained on every training
// topic; if it does not fit this build's features (see ShippedModelErr), a
// ranker by article counts.
func ShippedModel() *Model {
	if shippedErr != nil {
		return fallback
	}
	return &shipped.All
}

// HeldOutModel returns the embedded ranker trained without the topic whose
// article ids have the given fingerprint, and that topic's name; false when
// the topic was not among the training topics.
func HeldOutModel(fingerprint string) (*Model, string, bool) {
	for i := range shipped.HeldOut {
		if h := &shipped.HeldOut[i]; h.Fingerprint == fingerprint {
			return &h.Model, h.Topic, true
		}
	}
	return nil, "", false
}

// ReadModelFile parses a model file written by `dateline bench train` and
// checks that it fits this build's features.
func ReadModelFile(b []byte) (*ModelFile, error) {
	var mf ModelFile
	if err := json.Unmarshal(b, &mf); err != nil {
		return nil, err
	}
	if err := mf.Check(); err != nil {
		return nil, err
	}
	return &mf, nil
}

// Ranker returns the file's ranker for the articles whose ids have the
// Fingerprint print: the one trained without their topic when they are a
// training topic, else the one trained on every topic; and which it is.
func (mf *ModelFile) Ranker(print string) (*Model, string) {
	for i := range mf.HeldOut {
		if h := &mf.HeldOut[i]; h.Fingerprint == print {
			return &h.Model, "ranker trained without " + h.Topic
		}
	}
	return &mf.All, "ranker trained on every topic (topic not in its training data)"
}

// Fingerprint identifies a set of articles by their ids, in any order.
func Fingerprint(ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	h := sha256.Sum256([]byte(strings.Join(s, "\n")))
	return hex.EncodeToString(h[:12])
}
