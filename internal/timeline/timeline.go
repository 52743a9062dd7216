package timeline

import (
	"time"
)

// Options say what timeline to build.
type Options struct {
	Dates    int       // how many dates (l); 0 means 10
	PerDate  int       // sentences per date (k); 0 means 1
	From, To time.Time // only articles published, and dates, within [From, To] (inclusive days); zero means unbounded
	Keywords []string  // a sentence may enter only if it contains one of them (case-insensitive substring)
	Query    string    // a sentence may enter only if it contains every word of the query (compared by stem)
	Recipe   Recipe    // how dates are ranked and summarized; the zero value means DefaultRecipe
}

func (o Options) withDefaults() Options {
	if o.Dates <= 0 {
		o.Dates = 10
	}
	if o.PerDate <= 0 {
		o.PerDate = 1
	}
	if o.Recipe == (Recipe{}) {
		o.Recipe = DefaultRecipe
	}
	return o
}

// Item is one sentence of a timeline, with where it came from.
type Item struct {
	Text      string    // the sentence as written in the article
	ArticleID string    // the article it is from
	Sentence  int       // its index in the article, from 0
	Published time.Time // the article's publication time
	Title     string    // the article's headline, if known
	Source    string    // the article's outlet, if known
	URL       string    // the article's address, if known
}

// Entry is one date of a timeline and what happened on it.
type Entry struct {
	Date  time.Time // the day, at midnight UTC
	Score float64   // how salient the date was judged (higher is more), for display and debugging
	Items []Item
}

// Timeline is a list of dated entries in increasing date order.
type Timeline struct {
	Entries []Entry
}

// Recipe holds the choices of the timeline algorithm. BaselineRecipe is the
// published DATEWISE recipe; DefaultRecipe is the best one measured (see
// docs/RESULTS.md for what each choice adds).
type Recipe struct {
	Name     string // a label for reports
	AllRefs  bool   // every day a sentence names counts, not only the first
	RankDocs bool   // rank days by the articles that refer to them, not the sentences
	Learned  bool   // rank days by Weights over their features (see TrainRanker)
	Weights  Weights
	Clean    bool // strip wire datelines from sentences, and never pick boilerplate (questions, page furniture)
	NoPub    bool // only sentences that name a day speak for it (no undated leads)
	MinWords int  // summary sentences have at least this many words (0: no bound)
	MaxWords int  // and at most this many (0: no bound)
}

// BaselineRecipe is the DATEWISE recipe with mention-count date ranking.
var BaselineRecipe = Recipe{Name: "datewise"}

// DefaultRecipe is what dateline uses unless told otherwise.
var DefaultRecipe = BaselineRecipe
