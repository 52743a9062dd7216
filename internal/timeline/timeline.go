package timeline

import (
	"time"

	"github.com/dateline-news/dateline/internal/timex"
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
	if o.Recipe.Learned && o.Recipe.Model == nil {
		o.Recipe.Model = ShippedModel()
	}
	return o
}

// Item is one sentence of a timeline, with where it came from.
type Item struct {
	Text      string    // the sentence as written in the article
	ArticleID string    // the article it is from
	Sentence  int       // its index in the article, from 0; -1 for the article's headline
	Published time.Time // the article's publication time
	Title     string    // the article's headline, if known
	Source    string    // the article's outlet, if known
	URL       string    // the article's address, if known
}

// Entry is one date of a timeline and what happened on it.
type Entry struct {
	Date  time.Time         // the day, at midnight UTC (the first day of the month or year of a coarser entry)
	Gran  timex.Granularity // the unit Date is known to: zero or timex.Day for a day, timex.Month or timex.Year for coarser entries
	Score float64           // how salient the date was judged (higher is more), for display and debugging
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
	Name     string  // a label for reports
	AllRefs  bool    // every day a sentence names counts, not only the first
	RankDocs bool    // rank days by the articles that refer to them, not the sentences
	Learned  bool    // rank days with Model
	Model    *Model  // learned date-ranker weights (see TrainModel); nil with Learned means ShippedModel
	Titles   bool    // an article's headline joins its lead (as sentence -1)
	Clean    bool    // strip wire datelines from sentences, and never pick boilerplate (questions, page furniture)
	NoPub    bool    // only sentences that name a day speak for it (no undated leads)
	MaxWords int     // summary sentences have at most this many words (0: no bound)
	Spread   float64 // penalty for days near days already taken (0: none)
	NoKnee   bool    // keep every candidate of a day, not only those above the knee of similarity to the day vector
	SameDay  float64 // a sentence more similar than this to one already picked for the day is skipped (0: 0.9999)
}

// BaselineRecipe is the DATEWISE recipe with mention-count date ranking
// (Gholipour Ghalandari & Ifrim 2020).
var BaselineRecipe = Recipe{Name: "datewise"}

// DefaultRecipe is what dateline uses unless told otherwise: every day
// reference counts, days are ranked by the shipped learned ranker and kept
// apart from each other, headlines join their article's lead, sentences
// are cleaned of wire datelines and boilerplate, kept to 50 words and
// different from each other within a day.
var DefaultRecipe = Recipe{Name: "dateline", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true}

// Ablation lists the recipes that go from the baseline to the default one
// choice at a time, then the default without each choice: what
// `dateline bench tls --ablation` measures.
var Ablation = []Recipe{
	BaselineRecipe,
	{Name: "+ all day references", AllRefs: true},
	{Name: "+ learned date ranker", AllRefs: true, Learned: true},
	{Name: "+ clean wire copy", AllRefs: true, Learned: true, Clean: true},
	{Name: "+ at most 50 words", AllRefs: true, Learned: true, Clean: true, MaxWords: 50},
	{Name: "+ diverse sentences in a day", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3},
	{Name: "+ dates kept apart", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02},
	{Name: "+ headlines (= dateline)", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true},
	{Name: "dateline, days ranked by article count", AllRefs: true, RankDocs: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true},
	{Name: "dateline, first day reference only", Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true},
	{Name: "dateline without undated leads", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true, NoPub: true},
	{Name: "dateline without the knee cut", AllRefs: true, Learned: true, Clean: true, MaxWords: 50, SameDay: 0.3, Spread: 0.02, Titles: true, NoKnee: true},
}

// RecipeNamed returns the recipe of that name among DefaultRecipe and
// Ablation.
func RecipeNamed(name string) (Recipe, bool) {
	if name == DefaultRecipe.Name {
		return DefaultRecipe, true
	}
	for _, r := range Ablation {
		if r.Name == name {
			return r, true
		}
	}
	return Recipe{}, false
}
