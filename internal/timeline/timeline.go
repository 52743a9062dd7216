package timeline

import (
	"time"

	"github.com/dateline-news/dateline/internal/timex"
)

// Options say what timeline to build.
type Options struct {
	Dates     int    // how many dates (l); 0 means 10
	PerDate   int    // sentences per date (k); 0 means 1
	Selection        // which articles, dates and sentences
	Recipe    Recipe // how dates are ranked and summarized; the zero value means DefaultRecipe
	// Background gives, by canonical name, the share of the articles of
	// other collections (other topics) that name each actor (see
	// Corpus.ActorShares): salience counts how much more often the
	// timeline's articles name an actor than that, so that an actor every
	// topic names (a news agency) is not who a story is about. Nil: none.
	Background map[string]float64
}

// withDefaults fills what o leaves at zero: the one place where defaults
// are applied.
func (o Options) withDefaults() Options {
	if o.Dates <= 0 {
		o.Dates = 10
	}
	if o.PerDate <= 0 {
		o.PerDate = 1
	}
	o.Recipe, _ = o.Recipe.ForCorpus("")
	return o
}

// ForCorpus returns the recipe to run on articles whose ids have the
// Fingerprint print: DefaultRecipe for the zero Recipe; for a learned
// recipe without a Model, the shipped ranker or — when print is one of the
// topics that ranker learned from — the ranker trained without that topic,
// so that a benchmark topic is scored leave-one-topic-out. The second
// result says which ranker ("" when the recipe needs none or has its own).
func (r Recipe) ForCorpus(print string) (Recipe, string) {
	if r == (Recipe{}) {
		r = DefaultRecipe
	}
	if !r.Learned || r.Model != nil {
		return r, ""
	}
	if m, name, ok := HeldOutModel(print); ok && print != "" {
		r.Model = m
		return r, "ranker trained without " + name
	}
	r.Model = ShippedModel()
	return r, "shipped ranker (topic not in its training data)"
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
	Quotes    []Quote   // the quotes whose content the sentence holds (all or part of), in text order
}

// Quote is a quote an item's sentence holds, as a reader sees it.
type Quote struct {
	Speaker string // who said it by name ("" when the text names no source)
	Content string // what was said; the parts of a quote split by its attribution joined by " … "
	Cue     string // the words that say so ("said", "according to"); "" when none
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
// docs/RESULTS.md for what each choice adds). The zero Recipe stands for
// DefaultRecipe in Options.
type Recipe struct {
	Name     string  // a label for reports
	AllRefs  bool    // every day a sentence names counts, not only the first
	RankDocs bool    // rank days by the articles that refer to them, not the sentences
	Learned  bool    // rank days with Model
	Model    *Model  // learned date-ranker weights (see TrainModel); nil with Learned means the shipped ranker
	Titles   bool    // an article's headline joins its lead (as sentence -1)
	Clean    bool    // strip wire datelines from sentences, and never pick boilerplate (questions, page furniture)
	Leads    bool    // undated lead sentences speak for their article's publication days, and fill a short timeline
	MaxWords int     // summary sentences have at most this many words (0: no bound)
	Spread   float64 // penalty for days near days already taken (0: none)
	Knee     bool    // keep only the candidates of a day above the knee of similarity to the day vector
	SameDay  float64 // a sentence more similar than this to one already picked for the day is skipped (0: 0.9999)
	Collapse bool    // one story's copies and updates (internal/dedup clusters) count once: only its first version is read
	Salience bool    // the date ranker also weighs the salience of the actors (people, organizations) that name a day, and its largest event
	Actors   float64 // Centroid-Opt adds this much times the salience of a sentence's most salient actor (0: none)
	NoQuoted float64 // a sentence more than this share of which is a quote's content may not be picked (0: any may)
}

// UsesActors reports whether the recipe needs the entities of the
// articles (and so a Background, to weigh their salience).
func (r Recipe) UsesActors() bool {
	return r.Salience || r.Actors > 0
}

// BaselineRecipe is the DATEWISE recipe with mention-count date ranking
// (Gholipour Ghalandari & Ifrim 2020).
var BaselineRecipe = Recipe{Name: "datewise", Leads: true, Knee: true}

// ablationSteps go from BaselineRecipe to DefaultRecipe one choice at a
// time, in the order the ablation measures them.
var ablationSteps = []struct {
	name string
	set  func(*Recipe)
}{
	{"+ all day references", func(r *Recipe) { r.AllRefs = true }},
	{"+ learned date ranker", func(r *Recipe) { r.Learned = true }},
	{"+ clean wire copy", func(r *Recipe) { r.Clean = true }},
	{"+ at most 50 words", func(r *Recipe) { r.MaxWords = 50 }},
	{"+ diverse sentences in a day", func(r *Recipe) { r.SameDay = 0.3 }},
	{"+ dates kept apart", func(r *Recipe) { r.Spread = 0.02 }},
	{"+ headlines (= dateline)", func(r *Recipe) { r.Titles = true }},
}

// ablationVariants are DefaultRecipe with one choice changed: undone, or
// (the last) one measured and not kept.
var ablationVariants = []struct {
	name   string
	change func(*Recipe)
}{
	{"dateline, days ranked by article count", func(r *Recipe) { r.Learned, r.RankDocs = false, true }},
	{"dateline, first day reference only", func(r *Recipe) { r.AllRefs = false }},
	{"dateline without undated leads", func(r *Recipe) { r.Leads = false }},
	{"dateline without the knee cut", func(r *Recipe) { r.Knee = false }},
	{"dateline, one story counted once", func(r *Recipe) { r.Collapse = true }}, // measured: lowers T17 and entities-dev AR1
	// The actor recipes (issue 15), measured and not kept: each lowers T17. Actor salience needs
	// rankers trained on it (bench train --recipe; bench tls --ranker): the shipped ones give it weight 0.
	{"dateline + actor salience", func(r *Recipe) { r.Salience = true }},
	{"dateline + salient actors in summaries", func(r *Recipe) { r.Actors = 0.05 }},
	{"dateline + no quote content", func(r *Recipe) { r.NoQuoted = 0.5 }},
}

// DefaultRecipe is what dateline uses unless told otherwise: BaselineRecipe
// with every step of the ablation — every day reference counts, days are
// ranked by the shipped learned ranker and kept apart from each other,
// headlines join their article's lead, sentences are cleaned of wire
// datelines and boilerplate, kept to 50 words and different from each other
// within a day.
var DefaultRecipe = func() Recipe {
	r := BaselineRecipe
	for _, st := range ablationSteps {
		st.set(&r)
	}
	r.Name = "dateline"
	return r
}()

// Ablation lists the recipes that go from the baseline to the default one
// choice at a time, then the default without each choice: what
// `dateline bench tls --ablation` measures.
var Ablation = func() []Recipe {
	out := []Recipe{BaselineRecipe}
	r := BaselineRecipe
	for _, st := range ablationSteps {
		st.set(&r)
		r.Name = st.name
		out = append(out, r)
	}
	for _, v := range ablationVariants {
		r := DefaultRecipe
		v.change(&r)
		r.Name = v.name
		out = append(out, r)
	}
	return out
}()

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
